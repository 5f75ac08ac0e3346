import {
  foldDiacritics,
  formatIsoDate,
  TIMELINESS_OUTCOME_LABELS,
  UNIT_KIND_LABELS,
  type TimelinessQuery,
  type TimelinessResponse,
  type UnitTimeliness,
} from '@baocao/core';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/index.ts';
import { summarizeTimeliness, timelinessEntries, type TimelinessEntry } from '../reports/index.ts';

export const RANKING_SHEET = 'Xếp hạng';
export const DETAIL_SHEET = 'Chi tiết';
export const TIMELINESS_TITLE = 'THỐNG KÊ TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO';

type Cell = string | number | Date | null;
interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => Cell;
  numFmt?: string;
}

const RATE = '0.0';
const DATE_TIME = 'dd/mm/yyyy hh:mm';
/** Vietnam is UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** Rates travel as decimal text ("66.7"); the sheet holds them as numbers. */
const rate = (text: string | null) => (text === null ? null : Number(text));
/** Excel dates have no time zone: the cell holds Vietnam's wall-clock time. */
const vnWallClock = (iso: string | null) => (iso === null ? null : new Date(new Date(iso).getTime() + VN_OFFSET_MS));
const yes = (b: boolean) => (b ? 'Có' : '');

type Totals = TimelinessResponse['totals'];
const counts: Column<Totals>[] = [
  { header: 'Phải gửi', width: 10, value: (u) => u.due },
  { header: 'Đúng hạn', width: 10, value: (u) => u.onTime },
  { header: 'Muộn', width: 9, value: (u) => u.late },
  { header: 'Không gửi', width: 10, value: (u) => u.notSent },
  { header: 'Chưa đến hạn', width: 10, value: (u) => u.pending },
  { header: 'Bị trả lại', width: 10, value: (u) => u.returned },
  { header: 'Đính chính', width: 10, value: (u) => u.corrected },
  { header: 'Tỷ lệ đúng hạn (%)', width: 12, value: (u) => rate(u.onTimeRate), numFmt: RATE },
  { header: 'Tỷ lệ đã gửi (%)', width: 12, value: (u) => rate(u.sentRate), numFmt: RATE },
];

const RANKING: Column<UnitTimeliness>[] = [
  { header: 'Hạng', width: 7, value: (u) => u.rank },
  { header: 'Đơn vị', width: 40, value: (u) => u.unitName },
  { header: 'Loại đơn vị', width: 22, value: (u) => UNIT_KIND_LABELS[u.unitKind] },
  ...counts,
];

const DETAIL: Column<TimelinessEntry>[] = [
  { header: 'Chế độ báo cáo', width: 40, value: (e) => e.regimeName },
  { header: 'Kỳ', width: 16, value: (e) => e.periodLabel },
  { header: 'Đơn vị', width: 36, value: (e) => e.unitName },
  { header: 'Hạn gửi', width: 17, value: (e) => vnWallClock(e.deadlineAt), numFmt: DATE_TIME },
  { header: 'Thời điểm gửi', width: 17, value: (e) => vnWallClock(e.sentAt), numFmt: DATE_TIME },
  { header: 'Kết quả', width: 14, value: (e) => TIMELINESS_OUTCOME_LABELS[e.outcome] },
  { header: 'Số phút muộn', width: 10, value: (e) => (e.outcome === 'late' ? e.lateMinutes : null) },
  { header: 'Gửi ngoài hệ thống', width: 11, value: (e) => yes(e.outOfBand) },
  { header: 'Số lần bị trả lại', width: 10, value: (e) => e.returnCount },
  { header: 'Đính chính', width: 10, value: (e) => yes(e.corrected) },
];

/** The statistics as .xlsx: the ranking of units with the totals, then every line behind it. */
export async function exportTimeliness(db: Db, actor: Actor, query: TimelinessQuery, now: Date) {
  const read = await timelinessEntries(db, actor, query, now);
  const buffer = await timelinessWorkbook(summarizeTimeliness(read), read.entries);
  const base = `Thống kê thực hiện chế độ báo cáo ${read.from} đến ${read.to}`;
  return { buffer, filename: `${base}.xlsx`, asciiFilename: `${foldDiacritics(base).replace(/[^A-Za-z0-9._-]+/gu, '-')}.xlsx` };
}

export async function timelinessWorkbook(stats: TimelinessResponse, entries: readonly TimelinessEntry[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống thông tin báo cáo';

  const ranking = wb.addWorksheet(RANKING_SHEET, { views: [{ state: 'frozen', ySplit: 4 }] });
  ranking.columns = RANKING.map((c) => ({ width: c.width }));
  banner(ranking, 1, TIMELINESS_TITLE, { bold: true, size: 14 });
  banner(ranking, 2, `Từ ngày ${formatIsoDate(stats.from)} đến ngày ${formatIsoDate(stats.to)}`, { italic: true });
  header(ranking, 4, RANKING);
  stats.units.forEach((u, i) => body(ranking, 5 + i, RANKING, u));
  const totals = ranking.getRow(5 + stats.units.length);
  totals.getCell(2).value = 'Tổng cộng';
  counts.forEach((c, i) => setCell(totals.getCell(4 + i), c.value(stats.totals), c.numFmt));
  totals.font = { bold: true };

  const detail = wb.addWorksheet(DETAIL_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = DETAIL.map((c) => ({ width: c.width }));
  header(detail, 1, DETAIL);
  entries.forEach((e, i) => body(detail, 2 + i, DETAIL, e));
  detail.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: DETAIL.length } };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function banner(sheet: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font>): void {
  sheet.mergeCells(row, 1, row, RANKING.length);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
}

function header<T>(sheet: ExcelJS.Worksheet, rowNo: number, columns: readonly Column<T>[]): void {
  const row = sheet.getRow(rowNo);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  row.height = 32;
}

function body<T>(sheet: ExcelJS.Worksheet, rowNo: number, columns: readonly Column<T>[], item: T): void {
  const row = sheet.getRow(rowNo);
  columns.forEach((c, i) => setCell(row.getCell(i + 1), c.value(item), c.numFmt));
}

function setCell(cell: ExcelJS.Cell, value: Cell, numFmt: string | undefined): void {
  cell.value = value === '' ? null : value;
  if (numFmt) cell.numFmt = numFmt;
}

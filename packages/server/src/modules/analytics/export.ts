import { PassThrough, Readable } from 'node:stream';
import {
  ANALYTICS_LIMITS,
  formatDateTime,
  formatIsoDate,
  formatNumber,
  PERIOD_TYPE_LABELS,
  todayInVietnam,
  type ExplorationQuery,
  type ExportFormat,
  type PeriodType,
  type PivotResult,
} from '@baocao/core';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthedContext } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { explorePrepared, prepareExploration, type PreparedExploration } from './explore.ts';
import { countFacts, factPage, regimeNames, unitNodes, type ExportFactRow } from './explore-queries.ts';
import { disaggregationMembers, IMPORTED_REGIME_LABEL, periodMemberLabel } from './members.ts';
import { csvLine, pivotCsv, pivotWorkbook } from './pivot-file.ts';

/**
 * Exports of an exploration: the pivot table as it is shown (.xlsx or .csv), or every fact under it
 * (CSV streamed in keyset pages of 5,000, or a streamed .xlsx up to ANALYTICS_LIMITS.xlsxRows rows).
 * Each export is written to the audit log before the file leaves.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv; charset=utf-8';
const FACT_PAGE = 5000;
const BOM = '\uFEFF';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer | string | Readable;
}

/** RFC 6266 / 5987: an ASCII fallback and the Vietnamese name in UTF-8. */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const fileDate = (now: Date) => {
  const [y, m, d] = todayInVietnam(now).split('-');
  return `${d}-${m}-${y}`;
};

/** What a query asks, in words, for the head of an exported file. */
async function describe(db: Db, prepared: PreparedExploration, now: Date): Promise<string[]> {
  const q = prepared.query;
  const range =
    q.periods.from === q.periods.to
      ? periodMemberLabel(q.periods.from)
      : `${periodMemberLabel(q.periods.from)} – ${periodMemberLabel(q.periods.to)}`;
  const unitCount = prepared.filter.unitIds.length;
  const units =
    unitCount <= 5 ? (await unitNodes(db, prepared.filter.unitIds)).map((u) => u.name).join('; ') : `${formatNumber(unitCount)} đơn vị`;
  const regime = q.regimeId ? (await regimeNames(db, [q.regimeId]))[0]?.name : null;
  return [
    `Chỉ tiêu: ${prepared.indicators.map((i) => i.name).join('; ') || 'không có chỉ tiêu nào trong kho chỉ tiêu'}`,
    `Kỳ báo cáo (${PERIOD_TYPE_LABELS[q.periods.periodType as PeriodType].toLowerCase()}): ${range}${q.periods.samePeriodLastYear ? ', kèm cùng kỳ năm trước' : ''}`,
    `Đơn vị: ${units || 'không có đơn vị nào'}`,
    ...(q.measures.length > 0 ? [`Cột số liệu: ${q.measures.join(', ')}`] : []),
    ...(regime ? [`Chế độ báo cáo: ${regime}`] : []),
    `Trích xuất lúc: ${formatDateTime(now)}`,
  ];
}

async function audit(db: Db, ctx: AuthedContext, summary: Record<string, unknown>): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'analytics.exported', targetType: 'analytics_query', unitId: ctx.actor.unitId, summary }),
  );
}

/** The pivot table of a query as a file, in the caller's authority. */
export async function exportPivot(
  db: Db,
  ctx: AuthedContext,
  query: ExplorationQuery,
  format: ExportFormat,
  now = new Date(),
): Promise<ExportFile> {
  const prepared = await prepareExploration(db, ctx.actor, query);
  const result: PivotResult = await explorePrepared(db, prepared);
  const title = `Bảng tổng hợp số liệu: ${prepared.indicators.map((i) => i.name).join('; ') || 'không có chỉ tiêu'}`;
  await audit(db, ctx, { kind: 'pivot', format, indicatorCodes: prepared.filter.indicatorCodes, factCount: result.factCount });
  const name = `Khai thác số liệu ${fileDate(now)}`;
  if (format === 'csv') return { filename: `${name}.csv`, contentType: CSV_MIME, body: BOM + pivotCsv(result) };
  const filters = await describe(db, prepared, now);
  return { filename: `${name}.xlsx`, contentType: XLSX_MIME, body: await pivotWorkbook(result, title, filters) };
}

const FACT_HEADERS = [
  'Đơn vị',
  'Mã chỉ tiêu',
  'Chỉ tiêu',
  'Phân tổ',
  'Mã cột',
  'Cột số liệu',
  'Loại kỳ',
  'Mã kỳ',
  'Kỳ báo cáo',
  'Từ ngày',
  'Đến ngày',
  'Chế độ báo cáo',
  'Giá trị',
  'Quyền số',
  'Đơn vị tính',
  'Nguồn',
  'Phiên bản báo cáo',
  'Ghi chú nguồn',
  'Thời điểm ghi nhận',
];
/** Columns written as numbers in the .xlsx (value, weight, version). */
const NUMERIC_FACT_COLUMNS = new Set([12, 13, 16]);

/** Reads the facts of a query page by page and turns each into the fields of a line, labels resolved once. */
async function* factLines(db: Db, prepared: PreparedExploration): AsyncGenerator<(string | null)[][]> {
  const units = new Map((await unitNodes(db, prepared.filter.unitIds)).map((u) => [u.id, u.name]));
  const indicators = new Map(prepared.indicators.map((i) => [i.code, i.name]));
  const regimes = new Map<string, string>();
  const disaggregations = new Map<string, string>();
  let after: { year: number; id: number } | null = null;
  for (;;) {
    const page: ExportFactRow[] = await factPage(db, prepared.filter, after, FACT_PAGE);
    if (page.length === 0) return;
    const newRegimes = [...new Set(page.map((f) => f.regime_id).filter((id): id is string => id !== null && !regimes.has(id)))];
    for (const r of await regimeNames(db, newRegimes)) regimes.set(r.id, r.name);
    const newKeys = [...new Set(page.map((f) => f.disaggregation).filter((k) => !disaggregations.has(k)))];
    for (const m of await disaggregationMembers(db, newKeys)) disaggregations.set(m.key, m.label);
    yield page.map((f) => [
      units.get(f.unit_id) ?? f.unit_id,
      f.indicator_code,
      indicators.get(f.indicator_code) ?? f.indicator_code,
      disaggregations.get(f.disaggregation) ?? f.disaggregation,
      f.measure,
      f.measure_name,
      PERIOD_TYPE_LABELS[f.period_type as PeriodType] ?? f.period_type,
      f.period_code,
      periodMemberLabel(f.period_code),
      formatIsoDate(f.period_start),
      formatIsoDate(f.period_end),
      f.regime_id ? (regimes.get(f.regime_id) ?? '') : IMPORTED_REGIME_LABEL,
      f.value,
      f.weight,
      f.unit_of_measure,
      f.source_kind === 'report' ? 'Báo cáo đã tiếp nhận' : 'Nhập từ nguồn khác',
      f.version_no === null ? null : String(f.version_no),
      f.source_note,
      f.recorded_at,
    ]);
    const last = page[page.length - 1]!;
    after = { year: last.year, id: last.id };
    if (page.length < FACT_PAGE) return;
  }
}

/** Every fact under a query, streamed: CSV without a limit, .xlsx up to ANALYTICS_LIMITS.xlsxRows rows. */
export async function exportFacts(
  db: Db,
  ctx: AuthedContext,
  query: ExplorationQuery,
  format: ExportFormat,
  now = new Date(),
): Promise<ExportFile> {
  const prepared = await prepareExploration(db, ctx.actor, query);
  const name = `Dữ liệu chi tiết ${fileDate(now)}`;
  if (format === 'xlsx') {
    const count = await countFacts(db, prepared.filter);
    if (count > ANALYTICS_LIMITS.xlsxRows) {
      throw new AppError(
        'ANALYTICS_TOO_LARGE',
        { count, limit: ANALYTICS_LIMITS.xlsxRows },
        `Có ${formatNumber(count)} dòng số liệu, vượt quá ${formatNumber(ANALYTICS_LIMITS.xlsxRows)} dòng của một tệp Excel. ` +
          'Hãy kết xuất dạng CSV (không giới hạn số dòng) hoặc thu hẹp phạm vi khai thác.',
      );
    }
    await audit(db, ctx, { kind: 'facts', format, indicatorCodes: prepared.filter.indicatorCodes, rows: count });
    return { filename: `${name}.xlsx`, contentType: XLSX_MIME, body: factsWorkbookStream(factLines(db, prepared)) };
  }
  await audit(db, ctx, { kind: 'facts', format, indicatorCodes: prepared.filter.indicatorCodes });
  const lines = factLines(db, prepared);
  async function* csv(): AsyncGenerator<string> {
    yield BOM + csvLine(FACT_HEADERS);
    for await (const page of lines) yield page.map(csvLine).join('');
  }
  return { filename: `${name}.csv`, contentType: CSV_MIME, body: Readable.from(csv()) };
}

/** A streaming .xlsx writer fed page by page: memory stays flat however many rows are written. */
function factsWorkbookStream(pages: AsyncGenerator<(string | null)[][]>): Readable {
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('Dữ liệu chi tiết');
    sheet.columns = FACT_HEADERS.map((header, i) => ({
      header,
      width: i === 0 || i === 2 ? 36 : 16,
      ...(NUMERIC_FACT_COLUMNS.has(i) ? { style: { numFmt: '#,##0.######' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const page of pages) {
      for (const fields of page) {
        sheet.addRow(fields.map((v, i) => (NUMERIC_FACT_COLUMNS.has(i) && v !== null ? Number(v) : v))).commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

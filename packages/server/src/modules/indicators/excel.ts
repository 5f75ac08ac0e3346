import { foldDiacritics, normalizeText } from '@baocao/core';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.ts';

/**
 * The indicator list sheet in the GSO list layout (LEGAL.md R21): one row per indicator, labels in
 * Vietnamese. The same layout is written by the export and read back by the import.
 */
export const COLUMNS = [
  { key: 'stt', header: 'STT', width: 6 },
  { key: 'code', header: 'Mã số', width: 14 },
  { key: 'name', header: 'Tên chỉ tiêu', width: 50 },
  { key: 'fieldGroup', header: 'Nhóm/lĩnh vực', width: 22 },
  { key: 'unitOfMeasure', header: 'Đơn vị tính', width: 14 },
  { key: 'disaggregations', header: 'Phân tổ chủ yếu', width: 32 },
  { key: 'periodicities', header: 'Kỳ công bố', width: 20 },
  { key: 'ownerUnit', header: 'Cơ quan chủ trì', width: 30 },
  { key: 'coordinatingUnits', header: 'Cơ quan phối hợp', width: 30 },
  { key: 'higherCode', header: 'Mã cấp trên', width: 12 },
  { key: 'definition', header: 'Khái niệm, định nghĩa', width: 50 },
  { key: 'calculationMethod', header: 'Phương pháp tính', width: 50 },
  { key: 'valueType', header: 'Kiểu giá trị', width: 14 },
  { key: 'aggregation', header: 'Cách tổng hợp', width: 20 },
  { key: 'weightIndicatorCode', header: 'Mã chỉ tiêu quyền số', width: 16 },
  { key: 'priceBasis', header: 'Loại giá', width: 14 },
  { key: 'baseYear', header: 'Năm gốc', width: 9 },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', width: 30 },
  { key: 'validFrom', header: 'Hiệu lực từ ngày', width: 14 },
  { key: 'validTo', header: 'Hiệu lực đến ngày', width: 14 },
  { key: 'status', header: 'Trạng thái', width: 16 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const COLUMN_HEADER = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

/** Other headers users write for the same columns. */
const ALIASES: Record<string, ColumnKey> = {
  'ma chi tieu': 'code',
  'cach tinh': 'calculationMethod',
  ky: 'periodicities',
  'ky bao cao': 'periodicities',
  'nhom, linh vuc': 'fieldGroup',
  'linh vuc': 'fieldGroup',
  'phan to': 'disaggregations',
  'khai niem': 'definition',
  'dinh nghia': 'definition',
};

function headerKey(text: string): string {
  return foldDiacritics(normalizeText(text)).toLowerCase();
}

const HEADER_LOOKUP = new Map<string, ColumnKey>([
  ...COLUMNS.map((c) => [headerKey(c.header), c.key] as const),
  ...Object.entries(ALIASES),
]);

export const SEPARATOR = '; ';
export const STATUS_ACTIVE = 'Đang áp dụng';
export const STATUS_INACTIVE = 'Ngừng áp dụng';

export function isoToVietnameseDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export async function writeIndicatorSheet(
  title: string,
  rows: Record<Exclude<ColumnKey, 'stt'>, string | number | null>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hệ thống thông tin báo cáo';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Danh mục chỉ tiêu', { views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  const header = sheet.getRow(3);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  header.height = 32;
  rows.forEach((r, index) => {
    const row = sheet.getRow(4 + index);
    COLUMNS.forEach((c, i) => {
      const value = c.key === 'stt' ? index + 1 : r[c.key];
      const cell = row.getCell(i + 1);
      cell.value = value === null || value === '' ? null : value;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface SheetRow {
  /** The row number in Excel, as the user sees it. */
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}

function badFile(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { issues: [{ path: 'file', message }] }, message);
}

/** Text of a cell whatever Excel stored in it (rich text, formula result, date, number). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const d = value;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value as string | number | boolean);
}

/** Reads the indicator sheet; a file that is not an .xlsx, or has no expected header, is refused with a clear message. */
export async function readIndicatorSheet(buffer: Buffer): Promise<SheetRow[]> {
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    throw badFile(
      'Tệp tải lên không phải tệp Excel (.xlsx). Vui lòng chọn tệp .xlsx, ví dụ tệp xuất từ chức năng "Xuất Excel" của kho chỉ tiêu.',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw badFile('Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.');
  }
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 15); r++) {
      const columns = new Map<number, ColumnKey>();
      sheet.getRow(r).eachCell((cell, col) => {
        const key = HEADER_LOOKUP.get(headerKey(cellText(cell.value)));
        if (key && ![...columns.values()].includes(key)) columns.set(col, key);
      });
      const keys = new Set(columns.values());
      if (!keys.has('code') || !keys.has('name')) continue;
      const rows: SheetRow[] = [];
      for (let n = r + 1; n <= sheet.rowCount; n++) {
        const row = sheet.getRow(n);
        const cells: SheetRow['cells'] = {};
        for (const [col, key] of columns) cells[key] = normalizeText(cellText(row.getCell(col).value));
        for (const key of keys) cells[key] ??= '';
        const hasData = Object.entries(cells).some(([k, v]) => k !== 'stt' && v !== '');
        if (hasData) rows.push({ row: n, cells });
      }
      return rows;
    }
  }
  throw badFile(
    `Không tìm thấy dòng tiêu đề của danh mục chỉ tiêu: cần ít nhất hai cột "${COLUMN_HEADER.code}" và "${COLUMN_HEADER.name}" trong 15 dòng đầu của trang tính.`,
  );
}

import {
  buildCellSpace,
  flattenSections,
  headerRows,
  listAsTableForm,
  listLeafColumns,
  numberRows,
  numberSections,
  type AnyDefinition,
  type Form,
  type FormColumn,
  type FormKind,
  type HeaderCell,
  type ListForm,
  type Outline,
} from '@baocao/core';
import ExcelJS from 'exceljs';

/**
 * The empty form as an .xlsx a unit can print, or fill in and send back: heading, the merged column
 * header, a row of column codes, the rows with STT, name, code and unit, hatched cells that take no
 * value and shaded computed cells whose formula is in the cell's note. The importer reads this
 * layout back (codes row, code column, notes), so export → import keeps the form's structure.
 */

export interface ExportMeta {
  formId: string;
  versionId: string;
  versionNo: number;
  status: string;
  contentHash: string;
  ownerUnitName: string;
}

/** Marks written in notes, read back by the importer. */
export const FORMULA_NOTE = 'Công thức: ';
export const HEADER_ROW_NOTE = 'Dòng tiêu đề (không nhập số liệu)';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HATCH: ExcelJS.Fill = { type: 'pattern', pattern: 'lightUp', fgColor: { argb: 'FF808080' }, bgColor: { argb: 'FFFFFFFF' } };
const COMPUTED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** Rows above the column header: form number, legal basis, title, period, reporting unit, blank. */
export const HEADER_TOP_ROW = 7;

export async function exportWorkbook(kind: FormKind, definition: AnyDefinition, meta: ExportMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống thông tin báo cáo';
  wb.created = new Date();
  wb.title = definition.name;
  if (kind === 'table') writeTable(wb, definition as Form, meta);
  else if (kind === 'list') writeList(wb, definition as ListForm, meta);
  else writeOutline(wb, definition as Outline);
  writeMeta(wb, kind, meta);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A sheet name Excel accepts: ≤ 31 characters, none of : \ / ? * [ ]. */
export function sheetName(code: string): string {
  return code.replace(/[:\\/?*[\]]/gu, '-').slice(0, 31) || 'Biểu';
}

function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT, size: 12, ...extra };
}

function newSheet(wb: ExcelJS.Workbook, name: string, frozen: { xSplit: number; ySplit: number }) {
  return wb.addWorksheet(name, {
    views: [{ state: 'frozen', ...frozen }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
}

/** Heading lines above the header; returns nothing, lays out rows 1–6. */
function writeHeading(ws: ExcelJS.Worksheet, definition: AnyDefinition, meta: ExportMeta, width: number) {
  const line = (row: number, text: string, style: Partial<ExcelJS.Font>, align: ExcelJS.Alignment['horizontal'], from = 1, to = width) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = font(style);
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  const half = Math.max(1, Math.floor(width / 2));
  line(1, `Biểu số: ${definition.code}`, { bold: true }, 'left', 1, half);
  if (width > half) line(1, `Đơn vị nhận báo cáo: ${meta.ownerUnitName}`, { italic: true }, 'right', half + 1, width);
  if (definition.legalBasis) line(2, `Căn cứ: ${definition.legalBasis}`, { italic: true, size: 11 }, 'left');
  line(3, definition.name, { bold: true, size: 14 }, 'center');
  ws.getRow(3).height = 36;
  line(4, 'Kỳ báo cáo: ……………………………', { italic: true }, 'center');
  line(5, 'Đơn vị báo cáo: ……………………………', {}, 'left');
}

/** Column header from core's header grid, starting at `top` and `left`; fixed columns span its depth. */
function writeHeader(ws: ExcelJS.Worksheet, grid: HeaderCell[][], fixed: string[], top: number) {
  const depth = Math.max(1, grid.length);
  const style = (cell: ExcelJS.Cell) => {
    cell.font = font({ bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  };
  fixed.forEach((label, i) => {
    if (depth > 1) ws.mergeCells(top, i + 1, top + depth - 1, i + 1);
    const cell = ws.getCell(top, i + 1);
    cell.value = label;
    for (let r = top; r < top + depth; r++) style(ws.getCell(r, i + 1));
  });
  grid.forEach((cells, level) => {
    // Cells of a level start where the spans above them leave room; track occupied columns.
    let col = fixed.length + 1;
    for (const h of cells) {
      while (isMergedAbove(ws, top + level, col)) col++;
      const row = top + level;
      if (h.colSpan > 1 || h.rowSpan > 1) ws.mergeCells(row, col, row + h.rowSpan - 1, col + h.colSpan - 1);
      ws.getCell(row, col).value = h.label;
      for (let r = row; r < row + h.rowSpan; r++) for (let c = col; c < col + h.colSpan; c++) style(ws.getCell(r, c));
      col += h.colSpan;
    }
  });
  for (let r = top; r < top + depth; r++) ws.getRow(r).height = 30;
  return depth;
}

/** True when the cell is covered by a merge that started on a row above (a leaf spanning down). */
function isMergedAbove(ws: ExcelJS.Worksheet, row: number, col: number): boolean {
  const cell = ws.getCell(row, col);
  return cell.isMerged && Number(cell.master.row) < row;
}

/** The row of codes under the header: letters for the fixed columns, the column codes for data. */
function writeCodesRow(ws: ExcelJS.Worksheet, row: number, fixedCount: number, codes: string[]) {
  const values = [...Array.from({ length: fixedCount }, (_, i) => String.fromCharCode(65 + i)), ...codes];
  values.forEach((v, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = v;
    cell.font = font({ italic: true, size: 10 });
    cell.alignment = { horizontal: 'center' };
    cell.border = BORDER;
  });
}

function numberFormat(column: Pick<FormColumn, 'type' | 'decimals'>): string | undefined {
  const decimals = column.decimals ?? (column.type === 'integer' ? 0 : undefined);
  switch (column.type) {
    case 'number':
    case 'percent':
    case 'integer':
      return decimals === undefined ? '#,##0.##' : decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
    case 'date':
      return 'dd/mm/yyyy';
    case 'text':
      return '@';
    default:
      return undefined;
  }
}

function writeFooter(ws: ExcelJS.Worksheet, row: number, width: number, legend: string | null) {
  let r = row + 1;
  if (legend) {
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).value = legend;
    ws.getCell(r, 1).font = font({ italic: true, size: 10 });
    r += 2;
  }
  const half = Math.max(1, Math.floor(width / 2));
  const put = (rr: number, from: number, to: number, text: string, style: Partial<ExcelJS.Font>) => {
    if (to > from) ws.mergeCells(rr, from, rr, to);
    const cell = ws.getCell(rr, from);
    cell.value = text;
    cell.font = font(style);
    cell.alignment = { horizontal: 'center' };
  };
  put(r, half + 1 > width ? 1 : half + 1, width, '……, ngày … tháng … năm ……', { italic: true });
  put(r + 1, 1, half, 'NGƯỜI LẬP BIỂU', { bold: true });
  put(r + 1, half + 1 > width ? 1 : half + 1, width, 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true });
  put(r + 2, 1, half, '(Ký, ghi rõ họ tên)', { italic: true });
  put(r + 2, half + 1 > width ? 1 : half + 1, width, '(Ký, họ tên, đóng dấu)', { italic: true });
}

function writeTable(wb: ExcelJS.Workbook, form: Form, meta: ExportMeta) {
  const space = buildCellSpace(form);
  const fixed = ['STT', 'Chỉ tiêu', 'Mã số', 'Đơn vị tính'];
  const width = fixed.length + space.columns.length;
  const grid = headerRows(form);
  const ws = newSheet(wb, sheetName(form.code), { xSplit: 2, ySplit: HEADER_TOP_ROW + Math.max(1, grid.length) });
  writeHeading(ws, form, meta, width);
  const depth = writeHeader(ws, grid, fixed, HEADER_TOP_ROW);
  const codesRow = HEADER_TOP_ROW + depth;
  writeCodesRow(
    ws,
    codesRow,
    fixed.length,
    space.columns.map((c) => c.column.code),
  );
  const stt = numberRows(form);
  const nc = space.columns.length;
  let r = codesRow + 1;
  for (const flat of space.rows) {
    const row = flat.row;
    const isHeader = row.kind === 'header';
    const values: (string | null)[] = [stt.get(row.code) ?? '', row.name, row.code, row.unit ?? null];
    values.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      cell.border = BORDER;
      cell.font = font({ bold: isHeader || flat.children.length > 0 });
      cell.alignment = i === 1 ? { indent: flat.level, wrapText: true, vertical: 'middle' } : { horizontal: 'center', vertical: 'middle' };
    });
    if (isHeader) ws.getCell(r, 2).note = HEADER_ROW_NOTE;
    for (const c of space.columns) {
      const cell = ws.getCell(r, fixed.length + c.index + 1);
      cell.border = BORDER;
      const i = flat.index * nc + c.index;
      const format = numberFormat(c.column);
      if (format) cell.numFmt = format;
      if (!space.valued[i]) {
        if (!isHeader) cell.fill = HATCH;
        continue;
      }
      const formula = space.formulas[i];
      if (formula) {
        cell.fill = COMPUTED;
        cell.note = FORMULA_NOTE + formula.text;
      }
    }
    r++;
  }
  ws.getColumn(1).width = 7;
  ws.getColumn(2).width = 48;
  ws.getColumn(3).width = 10;
  ws.getColumn(4).width = 12;
  for (let c = 0; c < nc; c++) ws.getColumn(fixed.length + c + 1).width = 15;
  writeFooter(
    ws,
    r,
    width,
    'Ghi chú: ô tô màu vàng nhạt được tính tự động theo công thức (xem ghi chú của ô); ô gạch chéo không nhập số liệu.',
  );
}

const LIST_BLANK_RECORDS = 10;

function writeList(wb: ExcelJS.Workbook, list: ListForm, meta: ExportMeta) {
  const leaves = listLeafColumns(list).map((l) => l.column);
  const fixed = ['STT'];
  const width = fixed.length + leaves.length;
  const grid = headerRows(listAsTableForm(list));
  const ws = newSheet(wb, sheetName(list.code), { xSplit: 1, ySplit: HEADER_TOP_ROW + Math.max(1, grid.length) });
  writeHeading(ws, list, meta, width);
  const depth = writeHeader(ws, grid, fixed, HEADER_TOP_ROW);
  const codesRow = HEADER_TOP_ROW + depth;
  writeCodesRow(
    ws,
    codesRow,
    fixed.length,
    leaves.map((c) => c.code),
  );
  const first = codesRow + 1;
  const last = first + LIST_BLANK_RECORDS - 1;
  for (let r = first; r <= last; r++) {
    ws.getCell(r, 1).value = r - first + 1;
    ws.getCell(r, 1).alignment = { horizontal: 'center' };
    ws.getCell(r, 1).border = BORDER;
    leaves.forEach((column, i) => {
      const cell = ws.getCell(r, i + 2);
      cell.border = BORDER;
      const format = numberFormat({ type: column.type === 'catalog' ? 'text' : column.type, decimals: column.decimals });
      if (format) cell.numFmt = format;
      if (column.kind === 'computed') {
        cell.fill = COMPUTED;
        if (column.formula) cell.note = FORMULA_NOTE + column.formula;
      }
    });
  }
  let r = last + 1;
  if (list.totalColumns.length > 0) {
    ws.getCell(r, 1).border = BORDER;
    leaves.forEach((column, i) => {
      const cell = ws.getCell(r, i + 2);
      cell.border = BORDER;
      cell.font = font({ bold: true });
      if (list.totalColumns.includes(column.code)) {
        const letter = ws.getColumn(i + 2).letter;
        cell.value = { formula: `SUM(${letter}${first}:${letter}${last})` };
      }
    });
    ws.getCell(r, 1).value = 'Cộng';
    ws.getCell(r, 1).font = font({ bold: true });
    ws.getCell(r, 1).alignment = { horizontal: 'center' };
    r++;
  }
  ws.getColumn(1).width = 7;
  leaves.forEach((column, i) => {
    ws.getColumn(i + 2).width = column.type === 'text' ? 30 : 16;
  });
  const catalogs = leaves.filter((c) => c.type === 'catalog' && c.catalogCode);
  const legend = catalogs.length
    ? `Ghi chú: ${catalogs.map((c) => `cột "${c.name}" chọn theo danh mục ${c.catalogCode}`).join('; ')}. Thêm dòng nếu cần.`
    : 'Ghi chú: thêm dòng nếu cần.';
  writeFooter(ws, r, width, legend);
}

function writeOutline(wb: ExcelJS.Workbook, outline: Outline) {
  const ws = wb.addWorksheet(sheetName(outline.code), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.mergeCells(1, 1, 1, 4);
  ws.getCell(1, 1).value = `Đề cương số: ${outline.code}`;
  ws.getCell(1, 1).font = font({ bold: true });
  ws.mergeCells(2, 1, 2, 4);
  ws.getCell(2, 1).value = outline.name;
  ws.getCell(2, 1).font = font({ bold: true, size: 14 });
  ws.getCell(2, 1).alignment = { horizontal: 'center', wrapText: true };
  ws.getRow(2).height = 36;
  const head = ['Mục', 'Tiêu đề', 'Hướng dẫn viết', 'Bắt buộc'];
  head.forEach((h, i) => {
    const cell = ws.getCell(4, i + 1);
    cell.value = h;
    cell.font = font({ bold: true });
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center' };
  });
  const numbers = numberSections(outline);
  let r = 5;
  for (const { section, level } of flattenSections(outline)) {
    const values = [numbers.get(section.id) ?? '', section.title, section.guidance ?? '', section.required ? 'Có' : ''];
    values.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      cell.border = BORDER;
      cell.font = font({ bold: level === 0 && i < 2 });
      cell.alignment = { wrapText: true, vertical: 'top', indent: i === 1 ? level : 0, horizontal: i === 0 || i === 3 ? 'center' : 'left' };
    });
    r++;
  }
  ws.getColumn(1).width = 7;
  ws.getColumn(2).width = 45;
  ws.getColumn(3).width = 70;
  ws.getColumn(4).width = 10;
}

/** A very hidden sheet naming the exact version, so a filled copy can be matched to it later. */
function writeMeta(wb: ExcelJS.Workbook, kind: FormKind, meta: ExportMeta) {
  const ws = wb.addWorksheet('ThongTin', { state: 'veryHidden' });
  const rows: [string, string | number][] = [
    ['formId', meta.formId],
    ['versionId', meta.versionId],
    ['versionNo', meta.versionNo],
    ['status', meta.status],
    ['kind', kind],
    ['contentHash', meta.contentHash],
  ];
  rows.forEach(([k, v], i) => {
    ws.getCell(i + 1, 1).value = k;
    ws.getCell(i + 1, 2).value = v;
  });
}

import { PIVOT_DIMENSION_LABELS, type PivotHeader, type PivotResult } from '@baocao/core';
import ExcelJS from 'exceljs';

/**
 * A pivot table as a file, laid out as on screen: the row dimensions' labels on the left, one header
 * row per column dimension (groups merged over their members), sub-totals and totals in bold,
 * figures as numbers. CSV has one header line (column labels joined by " - ") and plain decimals,
 * so that it reads back into any tool with the exact figures.
 */

export const NUMBER_FORMAT = '#,##0.######';

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | null | undefined): string {
  const text = value ?? '';
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** A CSV line with its CRLF. */
export const csvLine = (fields: readonly (string | null | undefined)[]) => `${fields.map(csvField).join(',')}\r\n`;

/** The label of a header at one level of its axis ('' where the header has none there). */
function labelAt(header: PivotHeader, level: number): string {
  return header.labels[level] ?? '';
}

const width = (dimensions: readonly unknown[]) => Math.max(1, dimensions.length);
const rowDimensionLabels = (result: PivotResult) =>
  result.rowDimensions.length > 0 ? result.rowDimensions.map((d) => PIVOT_DIMENSION_LABELS[d]) : [''];

export function pivotCsv(result: PivotResult): string {
  const nR = width(result.rowDimensions);
  const lines = [csvLine([...rowDimensionLabels(result), ...result.columns.map((c) => c.labels.filter(Boolean).join(' - '))])];
  result.rows.forEach((row, r) => {
    const labels = Array.from({ length: nR }, (_, l) => labelAt(row, l));
    lines.push(csvLine([...labels, ...result.cells[r]!.map((v) => v ?? '')]));
  });
  return lines.join('');
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function pivotWorkbook(result: PivotResult, title: string, filters: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Bảng tổng hợp');
  const nR = width(result.rowDimensions);
  const nC = width(result.columnDimensions);
  const totalColumns = nR + result.columns.length;

  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(totalColumns, 1));
  for (const line of filters) sheet.addRow([line]).font = { italic: true };
  sheet.addRow([]);

  // Column headers: one row per column dimension.
  const top = sheet.rowCount + 1;
  for (let level = 0; level < nC; level++) {
    const labels = [
      ...(level === 0 ? rowDimensionLabels(result) : Array<string>(nR).fill('')),
      ...result.columns.map((c) => labelAt(c, level)),
    ];
    const row = sheet.addRow(labels);
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  if (nC > 1) for (let c = 1; c <= nR; c++) sheet.mergeCells(top, c, top + nC - 1, c);
  mergeColumnHeaders(sheet, result.columns, top, nR, nC);

  // Body.
  result.rows.forEach((header, r) => {
    const labels = Array.from({ length: nR }, (_, l) => labelAt(header, l));
    const values = result.cells[r]!.map((v) => (v === null ? null : Number(v)));
    const row = sheet.addRow([...labels, ...values]);
    const rowIsTotal = header.kind !== 'member';
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER;
      const column = result.columns[col - nR - 1];
      if (column) cell.numFmt = NUMBER_FORMAT;
      if (rowIsTotal || (column && column.kind !== 'member')) cell.font = { bold: true };
    });
    // A sub-total's "Cộng" (or the grand total's label) spans the deeper label columns.
    const at = header.kind === 'total' ? 0 : header.kind === 'subtotal' ? header.labels.length - 1 : nR - 1;
    if (at < nR - 1) sheet.mergeCells(row.number, at + 1, row.number, nR);
  });
  for (let r = top; r < top + nC; r++) sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));

  for (let c = 1; c <= totalColumns; c++) sheet.getColumn(c).width = c <= nR ? 32 : 16;
  sheet.views = [{ state: 'frozen', xSplit: nR, ySplit: top + nC - 1 }];
  if (result.notes.length > 0) {
    sheet.addRow([]);
    for (const note of result.notes) sheet.addRow([`Ghi chú: ${note}`]).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Merges the header cells of column groups: at each level but the last, a run of columns of one
 * group (same keys down to that level) becomes one cell; a sub-total's "Cộng" and the grand total
 * reach down to the last header row.
 */
function mergeColumnHeaders(sheet: ExcelJS.Worksheet, columns: readonly PivotHeader[], top: number, nR: number, nC: number): void {
  const prefix = (h: PivotHeader, level: number) => (h.keys.length > level ? JSON.stringify(h.keys.slice(0, level + 1)) : null);
  for (let level = 0; level < nC - 1; level++) {
    let start = 0;
    while (start < columns.length) {
      const key = prefix(columns[start]!, level);
      let end = start + 1;
      while (key !== null && end < columns.length && prefix(columns[end]!, level) === key) end++;
      if (key !== null && end - start > 1) sheet.mergeCells(top + level, nR + start + 1, top + level, nR + end);
      start = end;
    }
  }
  columns.forEach((h, i) => {
    const from = h.kind === 'total' ? 0 : h.kind === 'subtotal' ? h.labels.length - 1 : nC - 1;
    if (from < nC - 1) sheet.mergeCells(top + from, nR + i + 1, top + nC - 1, nR + i + 1);
  });
}

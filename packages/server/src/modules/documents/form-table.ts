import {
  buildCellSpace,
  evaluateReportForm,
  FormDecimal,
  headerRows,
  inputToCellValue,
  isNumericColumn,
  numberRows,
  type Form,
  type FormColumn,
  type FormPeriodValues,
  type ReportCellValue,
} from '@baocao/core';
import type { DocHeaderCell, DocTable, DocTableRow } from './model.ts';

/**
 * A table form with the report's values as a document table: the grouped header of the form
 * (core's `headerRows`) under the fixed STT / Chỉ tiêu / Đơn vị tính columns, a numbering row
 * (A, B, C, 1, 2, …) as Vietnamese forms print it, and every row with its inputs and computed
 * figures (the same evaluation as the report page and the Excel export) in Vietnamese number format.
 */

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/u;

/**
 * Plain decimal text as a Vietnamese reader writes it, digit for digit (no binary float):
 * "1234567.5" → "1.234.567,5"; with `decimals`, exactly that many places, half away from zero.
 * Other text is returned as it is.
 */
export function vietnameseNumber(value: string, decimals?: number): string {
  const text = decimals === undefined || !DECIMAL_TEXT.test(value) ? value : new FormDecimal(value).toFixed(decimals);
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return value;
  const [, sign, int, frac] = m;
  const grouped = int!.replace(/^0+(?=\d)/u, '').replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
  const negative = sign === '-' && /[1-9]/u.test(`${int}${frac ?? ''}`);
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A stored (or computed) value as the table shows it, by the column's type. */
export function cellText(value: ReportCellValue | undefined, column: Pick<FormColumn, 'type' | 'decimals'>): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (isNumericColumn(column as FormColumn) && DECIMAL_TEXT.test(value)) {
    return vietnameseNumber(value, column.type === 'integer' ? (column.decimals ?? 0) : column.decimals);
  }
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return value.normalize('NFC');
}

/** What a hatched cell (no value by design) shows, as on paper forms. */
export const HATCHED = 'x';

const FIXED_HEADERS = ['STT', 'Chỉ tiêu', 'Đơn vị tính'];
const FIXED_NUMBERING = ['A', 'B', 'C'];

export function formTable(
  form: Form,
  values: Record<string, ReportCellValue>,
  periodValues?: FormPeriodValues,
  caption = `Biểu số ${form.code}`,
): DocTable {
  const space = buildCellSpace(form);
  const evaluated = evaluateReportForm(form, { values }, periodValues);
  const stt = numberRows(form);
  const nc = space.columns.length;

  const grid = headerRows(form);
  const depth = Math.max(1, grid.length);
  const header: DocHeaderCell[][] = Array.from({ length: depth }, (_, level) => [
    ...(level === 0 ? FIXED_HEADERS.map((text) => ({ text, colSpan: 1, rowSpan: depth })) : []),
    ...(grid[level] ?? []).map((c) => ({ text: c.label, colSpan: c.colSpan, rowSpan: c.rowSpan })),
  ]);
  header.push([...FIXED_NUMBERING, ...space.columns.map((_, i) => String(i + 1))].map((text) => ({ text, colSpan: 1, rowSpan: 1 })));

  const rows: DocTableRow[] = space.rows.map((r) => {
    const cells = [stt.get(r.row.code) ?? '', r.row.name.normalize('NFC'), r.row.unit ?? ''];
    for (let c = 0; c < nc; c++) {
      const i = r.index * nc + c;
      if (r.row.kind === 'header') cells.push('');
      else if (!space.valued[i]) cells.push(HATCHED);
      else cells.push(cellText(inputToCellValue(evaluated.values.get(space.keys[i]!) ?? null), space.columns[c]!.column));
    }
    return { cells, level: r.level, bold: r.row.kind !== 'input' };
  });

  return {
    caption,
    title: form.name.normalize('NFC'),
    header,
    rows,
    columns: space.columns.map((c) => ({ numeric: isNumericColumn(c.column) })),
  };
}

/** Cell key "ROW:COL" → the text the table shows, for the figures a narrative quotes. */
export function tableFigures(form: Form, table: DocTable): Map<string, string> {
  const space = buildCellSpace(form);
  const nc = space.columns.length;
  const out = new Map<string, string>();
  space.rows.forEach((r, i) => {
    for (let c = 0; c < nc; c++) {
      const text = table.rows[i]?.cells[3 + c];
      if (text && space.valued[r.index * nc + c]) out.set(space.keys[r.index * nc + c]!, text);
    }
  });
  return out;
}

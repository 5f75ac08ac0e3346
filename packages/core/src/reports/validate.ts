import type { ReportCellValue } from '../api/reports.ts';
import { formatNumber } from '../text/format.ts';
import type { Form, FormColumn } from '../forms/model.ts';
import { buildCellSpace } from '../forms/structure.ts';
import { splitKey } from '../forms/validate.ts';
import { DECIMAL_TEXT } from './data.ts';
import { cellPlace, formColumnLabels, quoteValue, formRowLabels } from './labels.ts';

/** A stored cell value that the form does not accept, with a message naming the row and column. */
export interface CellProblem {
  /** Cell key "ROW:COL" as it was sent. */
  key: string;
  row: string;
  col: string;
  message: string;
}

/** The range of a numeric cell: what PostgreSQL numeric(21, 6) and a spreadsheet keep exactly. */
export const MAX_INTEGER_DIGITS = 15;
export const MAX_FRACTION_DIGITS = 6;
export const MAX_TEXT_LENGTH = 4000;

const INTEGER_TEXT = /^-?\d+(\.0+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (30/02 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Why a stored value does not fit a column of this type, or null when it does. The reason reads
 * after the quoted value: `"abc" không phải là số.` Empty (null or '') always fits.
 */
export function valueProblem(column: Pick<FormColumn, 'type'>, value: ReportCellValue): string | null {
  if (value === null || value === '') return null;
  const shown = typeof value === 'boolean' ? (value ? '"Có"' : '"Không"') : quoteValue(value);
  switch (column.type) {
    case 'number':
    case 'percent':
    case 'integer': {
      if (typeof value !== 'string' || !DECIMAL_TEXT.test(value)) return `${shown} không phải là số.`;
      if (column.type === 'integer' && !INTEGER_TEXT.test(value)) return `${shown} không phải là số nguyên.`;
      const [whole = '', fraction = ''] = value.replace('-', '').split('.');
      const wholeDigits = whole.replace(/^0+/, '').length;
      const fractionDigits = fraction.replace(/0+$/, '').length;
      if (wholeDigits > MAX_INTEGER_DIGITS || fractionDigits > MAX_FRACTION_DIGITS) {
        return `${shown} vượt quá phạm vi của cột (tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên và ${MAX_FRACTION_DIGITS} chữ số thập phân).`;
      }
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${shown} không phải là giá trị Có/Không.`;
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : `${shown} không phải là ngày hợp lệ.`;
    case 'text':
      if (typeof value !== 'string') return `${shown} không phải là văn bản.`;
      return [...value].length > MAX_TEXT_LENGTH
        ? `Nội dung dài ${formatNumber([...value].length)} ký tự, vượt quá giới hạn ${formatNumber(MAX_TEXT_LENGTH)} ký tự.`
        : null;
  }
}

/**
 * Checks the stored input values of a table form: every key must be an input cell of the form (not
 * an unknown code, a computed cell, a header row or a hatched cell), and every value must fit its
 * column's type (see valueProblem). null is always accepted: it empties the cell. The server runs
 * it on every save; the browser runs it before saving an Excel import.
 */
export function validateFormValues(form: Form, values: Record<string, ReportCellValue>): CellProblem[] {
  const space = buildCellSpace(form);
  const nc = space.columns.length;
  let rows: Map<string, string> | undefined;
  let cols: Map<string, string> | undefined;
  const place = (row: string, col: string) => {
    rows ??= formRowLabels(form);
    cols ??= formColumnLabels(form.columns);
    return cellPlace(rows.get(row) ?? row, cols.get(col) ?? col);
  };
  // In the grid's order (row by row), keys the form does not know last: the order of `values` is
  // whatever the client sent.
  const found: { at: number; problem: CellProblem }[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    const [row, col] = key.includes(':') ? splitKey(key) : [key, ''];
    const r = space.rowIndex.get(row);
    const c = space.colIndex.get(col);
    const at = r === undefined || c === undefined ? Number.MAX_SAFE_INTEGER : r * nc + c;
    const problem = (message: string) => found.push({ at, problem: { key, row, col, message } });
    if (r === undefined || c === undefined) {
      const unknown = [r === undefined ? `dòng "${row}"` : null, c === undefined ? `cột "${col}"` : null].filter(Boolean).join(' và ');
      problem(`Ô [${key}] không có trong biểu mẫu: không có mã ${unknown}.`);
      continue;
    }
    if (!space.valued[at]) {
      const header = space.rows[r]!.row.kind === 'header';
      problem(`${place(row, col)}: ${header ? 'dòng tiêu đề không nhập số liệu' : 'ô bị gạch chéo, không nhập số liệu'}.`);
      continue;
    }
    if (space.formulas[at]) {
      problem(`${place(row, col)}: ô được tính theo công thức, không nhập trực tiếp.`);
      continue;
    }
    const reason = valueProblem(space.columns[c]!.column, value);
    if (reason) problem(`${place(row, col)}: ${reason}`);
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.problem);
}

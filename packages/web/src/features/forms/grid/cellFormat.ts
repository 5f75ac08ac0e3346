import { FormDecimal, isFormulaError, type FormColumn, type InputValue, type Result } from '@baocao/core';

/**
 * Cell text in Vietnamese conventions: 1.234.567,5 for numbers, dd/mm/yyyy for dates, Có/Không.
 * Numbers are formatted from the decimal's own digits (never through a binary float), so what the
 * user sees is exactly what the engine holds, rounded only for display to the column's decimals.
 */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

interface DecimalLike {
  toFixed(dp?: number): string;
  isNegative(): boolean;
  isZero(): boolean;
}

function isDecimalLike(v: unknown): v is DecimalLike {
  return typeof v === 'object' && v !== null && 'toFixed' in v && 'isNegative' in v;
}

/** 1234.5 → "1.234,5"; with `decimals`, exactly that many places (half away from zero). */
export function formatDecimal(value: DecimalLike, decimals?: number): string {
  let text = decimals === undefined ? value.toFixed() : value.toFixed(decimals);
  if (decimals === undefined && text.includes('.')) {
    // At most 6 places when the column says nothing, like core's formatNumber.
    const [, frac = ''] = text.split('.');
    if (frac.length > 6) text = new FormDecimal(text).toFixed(6).replace(/\.?0+$/u, '');
  }
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const [int = '0', frac] = text.split('.');
  const out = groupThousands(int) + (frac ? `,${frac}` : '');
  return negative && /[1-9]/u.test(out) ? `-${out}` : out;
}

/** What a cell shows. Errors show "#LỖI" (the message goes in the tooltip). */
export function formatCell(value: Result | undefined, column: FormColumn): string {
  if (value === undefined || value === null) return '';
  if (isFormulaError(value)) return '#LỖI';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (isDecimalLike(value)) {
    const decimals = column.type === 'integer' ? (column.decimals ?? 0) : column.decimals;
    return formatDecimal(value, decimals);
  }
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return value;
}

/** The text put in the editor when the user presses F2 or Enter: no grouping, Vietnamese comma. */
export function editText(value: Result | undefined, column: FormColumn): string {
  if (value === undefined || value === null || isFormulaError(value)) return '';
  if (isDecimalLike(value)) return value.toFixed().replace('.', ',');
  return formatCell(value, column);
}

export type ParseResult = { ok: true; value: InputValue } | { ok: false; message: string };

/**
 * Reads a number typed the Vietnamese way ("1.234,5", "-12,75", "1.234") or the programmers' way
 * ("1234.5"). A comma is always the decimal mark; without a comma, dots are thousands separators
 * when every group after the first has 3 digits ("1.234", "12.345.678"), otherwise one dot is the
 * decimal mark ("1234.5", "0.25"). Spaces and a trailing "%" are ignored.
 */
export function parseNumber(raw: string): InstanceType<typeof FormDecimal> | null {
  let text = raw.replace(/[\s\u00a0%]/gu, '');
  if (text === '') return null;
  if (text.includes(',')) {
    if ((text.match(/,/gu) ?? []).length > 1) return null;
    text = text.replace(/\./gu, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/u.test(text)) {
    text = text.replace(/\./gu, '');
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/u.test(text)) return null;
  return new FormDecimal(text);
}

/** Parses what the user typed into a cell of this column. Empty text clears the cell. */
export function parseCell(raw: string, column: FormColumn): ParseResult {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (column.type) {
    case 'number':
    case 'percent':
    case 'integer': {
      const n = parseNumber(text);
      if (!n) return { ok: false, message: `"${text}" không phải là số. Ví dụ hợp lệ: 1.234,5` };
      if (column.type === 'integer' && !n.isInteger()) return { ok: false, message: 'Cột này chỉ nhận số nguyên.' };
      return { ok: true, value: n };
    }
    case 'boolean': {
      const t = text.toLocaleLowerCase('vi');
      if (['có', 'co', 'x', '1', 'true', 'đúng'].includes(t)) return { ok: true, value: true };
      if (['không', 'khong', '0', 'false', 'sai'].includes(t)) return { ok: true, value: false };
      return { ok: false, message: 'Nhập "Có" hoặc "Không".' };
    }
    case 'date': {
      const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text);
      if (!m) return { ok: false, message: 'Ngày nhập theo dạng dd/mm/yyyy.' };
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { ok: false, message: 'Ngày không tồn tại.' };
      return { ok: true, value: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
    }
    default:
      return { ok: true, value: text };
  }
}

export function isNumericType(column: FormColumn): boolean {
  return column.type === 'number' || column.type === 'integer' || column.type === 'percent';
}

import type { Decimal } from 'decimal.js';
import type { BinaryOp } from './ast.ts';
import { FormulaError, type SourceSpan } from './errors.ts';
import { dec, FormDecimal, HUNDRED, isDecimal, ZERO, type Result, type Value } from './values.ts';

/*
 * Value semantics (one place, so the evaluator, constraints and the docs agree):
 *
 * - An empty cell is null.
 * - Arithmetic (+ - * /, unary -): a null operand counts as 0, unless every operand is null, then
 *   the result is null — an untouched row stays empty instead of filling with zeros.
 * - Division (/, DIV, PERCENT) by zero or by null is null: never Infinity or NaN, and "So sánh (%)"
 *   stays empty when last year's figure is missing. An empty numerator gives null too: the ratio of
 *   a row nobody has filled yet is empty, not a misleading 0 %. PERCENT(a, b) = a × 100 / b.
 * - SUM, AVG, MIN, MAX skip nulls; if all are null the result is null. AVG divides by the count
 *   of non-empty values.
 * - Comparisons treat null as 0 (as "" against text, as FALSE against TRUE/FALSE). Text compares
 *   by code point, exactly; FALSE < TRUE. Comparing a number with text is a type error.
 * - Conditions (IF, AND, OR, NOT): TRUE/FALSE as such, a number is true when non-zero, null is false.
 *   IF evaluates only the branch it takes; AND/OR evaluate all arguments.
 * - Text or TRUE/FALSE in arithmetic or in SUM/AVG/MIN/MAX is a type error: an error value with a
 *   Vietnamese message, shown on the cell and passed on to every cell that uses it.
 * - ROUND(x, n) rounds half away from zero to n decimals (n may be negative: ROUND(x, -3) to
 *   thousands; n defaults to 0).
 * - Results are exact decimals (34 significant digits for non-terminating divisions).
 */

export function typeError(message: string, span: SourceSpan): FormulaError {
  return new FormulaError('TYPE', message, span);
}

function describe(value: Value): string {
  if (typeof value === 'string') return `văn bản "${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  return 'giá trị đúng/sai (TRUE/FALSE)';
}

/** A number operand: Decimal, null, or a type error. */
export function toNumber(value: Result, span: SourceSpan): Decimal | null | FormulaError {
  if (value === null || value instanceof FormulaError || isDecimal(value)) return value;
  return typeError(`Không thể dùng ${describe(value)} trong phép tính số.`, span);
}

export function arithmetic(op: '+' | '-' | '*' | '/', a: Result, b: Result, span: SourceSpan): Result {
  const x = toNumber(a, span);
  if (x instanceof FormulaError) return x;
  const y = toNumber(b, span);
  if (y instanceof FormulaError) return y;
  if (op === '/') return divide(x, y);
  if (x === null && y === null) return null;
  const l = x ?? ZERO;
  const r = y ?? ZERO;
  return dec(op === '+' ? l.plus(r) : op === '-' ? l.minus(r) : l.times(r));
}

/** x / y with the rules above. */
export function divide(x: Decimal | null, y: Decimal | null): Decimal | null {
  if (x === null || y === null || y.isZero()) return null;
  return dec(x.div(y));
}

export function percent(x: Decimal | null, y: Decimal | null): Decimal | null {
  if (x === null || y === null || y.isZero()) return null;
  return dec(x.times(HUNDRED).div(y));
}

export function negate(a: Result, span: SourceSpan): Result {
  const x = toNumber(a, span);
  if (x === null || x instanceof FormulaError) return x;
  return dec(x.neg());
}

type Kind = 'number' | 'text' | 'boolean';
const kindOf = (v: Value): Kind | null => (v === null ? null : isDecimal(v) ? 'number' : typeof v === 'string' ? 'text' : 'boolean');
const KIND_NAMES: Record<Kind, string> = { number: 'số', text: 'văn bản', boolean: 'giá trị đúng/sai' };

export function compare(op: BinaryOp, a: Result, b: Result, span: SourceSpan): Result {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka && kb && ka !== kb) return typeError(`Không thể so sánh ${KIND_NAMES[ka]} với ${KIND_NAMES[kb]}.`, span);
  const kind = ka ?? kb ?? 'number';
  let c: number;
  if (kind === 'number') c = ((a ?? ZERO) as Decimal).cmp((b ?? ZERO) as Decimal);
  else if (kind === 'text') {
    const s = (a ?? '') as string;
    const t = (b ?? '') as string;
    c = s < t ? -1 : s > t ? 1 : 0;
  } else c = Number(a ?? false) - Number(b ?? false);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    default:
      throw new Error(`not a comparison: ${op}`);
  }
}

export function truth(value: Result, span: SourceSpan): boolean | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (isDecimal(value)) return !value.isZero();
  return typeError(`Điều kiện phải là TRUE/FALSE hoặc số, không phải ${describe(value)}.`, span);
}

export type AggregateName = 'SUM' | 'AVG' | 'MIN' | 'MAX';

export function aggregate(name: AggregateName, values: readonly Result[], span: SourceSpan): Result {
  const numbers: Decimal[] = [];
  for (const v of values) {
    if (v === null) continue;
    const n = toNumber(v, span);
    if (n instanceof FormulaError) return n;
    if (n !== null) numbers.push(n);
  }
  if (numbers.length === 0) return null;
  let acc = numbers[0]!;
  for (let i = 1; i < numbers.length; i++) {
    const n = numbers[i]!;
    if (name === 'SUM' || name === 'AVG') acc = acc.plus(n);
    else if (name === 'MIN' ? n.lt(acc) : n.gt(acc)) acc = n;
  }
  if (name === 'AVG') acc = acc.div(numbers.length);
  return dec(acc);
}

export function round(x: Result, digits: Result, span: SourceSpan): Result {
  const v = toNumber(x, span);
  if (v === null || v instanceof FormulaError) return v;
  const d = toNumber(digits, span);
  if (d instanceof FormulaError) return d;
  const n = d === null ? 0 : d.toNumber();
  if (!Number.isInteger(n) || Math.abs(n) > 30) return typeError('Số chữ số làm tròn phải là số nguyên từ -30 đến 30.', span);
  if (n >= 0) return dec(v.toDecimalPlaces(n, FormDecimal.ROUND_HALF_UP));
  const factor = new FormDecimal(10).pow(-n);
  return dec(v.div(factor).toDecimalPlaces(0, FormDecimal.ROUND_HALF_UP).times(factor));
}

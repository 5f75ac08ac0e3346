import { Decimal } from 'decimal.js';
import { FormulaError } from './errors.ts';

/**
 * Cell values. Numbers are decimals, never binary floats: money must add up exactly
 * (0.1 + 0.2 = 0.3, and a province total equals the sum of its communes to the đồng).
 *
 * A private Decimal clone keeps our precision and rounding from leaking into (or being changed by)
 * other code that uses decimal.js: 34 significant digits (IEEE decimal128), half away from zero —
 * the rounding Vietnamese accounting and statistics use ("làm tròn").
 */
export const FormDecimal = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });

/** An empty cell is `null`. Text and dates ("YYYY-MM-DD") are strings. */
export type Value = Decimal | boolean | string | null;

/** What evaluating a cell yields: a value, or an error shown on the cell. */
export type Result = Value | FormulaError;

/** What callers may hand in: JS numbers are accepted and converted through their decimal text. */
export type InputValue = Value | number | undefined;

export const ZERO = new FormDecimal(0);
export const HUNDRED = new FormDecimal(100);

export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

/** Normalises an input: numbers to our Decimal clone, -0 to 0, undefined and NaN/Infinity to null. */
export function toValue(value: InputValue): Value {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? dec(new FormDecimal(value)) : null;
  if (isDecimal(value)) return value.isFinite() ? dec(value instanceof FormDecimal ? value : new FormDecimal(value)) : null;
  return value;
}

/** -0 becomes 0 so that equal values print and compare the same. */
export function dec(value: Decimal): Decimal {
  return value.isZero() && value.isNegative() ? ZERO : value;
}

export function valuesEqual(a: Result, b: Result): boolean {
  if (a instanceof FormulaError || b instanceof FormulaError) {
    return a instanceof FormulaError && b instanceof FormulaError && a.code === b.code && a.message === b.message;
  }
  if (isDecimal(a) || isDecimal(b)) return isDecimal(a) && isDecimal(b) && a.eq(b);
  return a === b;
}

/** Stable text of a value, for tests, logs and messages (decimals without exponent). */
export function valueToString(value: Result): string {
  if (value instanceof FormulaError) return `#${value.code}`;
  if (value === null) return '';
  if (isDecimal(value)) return value.toFixed();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

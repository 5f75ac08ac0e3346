import type { Decimal } from 'decimal.js';
import { readAggregationNumber } from '../aggregation/rules.ts';
import { FormDecimal } from '../forms/formula/values.ts';

/*
 * Figures of KPI tiles (ô chỉ số): changes and target rates in percent, one decimal, half up, from
 * exact decimal text — never floats, so 110 against 100 reads "10.0", not "10.000000000000002".
 */

function read(text: string | null): Decimal | null {
  const value = readAggregationNumber(text);
  return value === 'not_number' ? null : value;
}

/** One decimal, half away from zero; a change that rounds to nothing reads "0.0", never "-0.0". */
function oneDecimal(value: Decimal): string {
  const rounded = value.toDecimalPlaces(1, FormDecimal.ROUND_HALF_UP);
  return rounded.isZero() ? '0.0' : rounded.toFixed(1);
}

/** (current − base) / |base| × 100 with one decimal, half up; null when either is null or base is 0. */
export function percentChange(current: string | null, base: string | null): string | null {
  const c = read(current);
  const b = read(base);
  if (c === null || b === null || b.isZero()) return null;
  return oneDecimal(c.minus(b).div(b.abs()).times(100));
}

/** value / target × 100 with one decimal; null when either is null or target is 0. */
export function percentOf(value: string | null, target: string | null): string | null {
  const v = read(value);
  const t = read(target);
  if (v === null || t === null || t.isZero()) return null;
  return oneDecimal(v.div(t).times(100));
}

import type { Decimal } from 'decimal.js';
import { FormDecimal } from '../forms/formula/values.ts';

/*
 * Exact decimals as scaled integers (mantissa × 10^−scale) for the hot path of pivot tables: adding
 * and comparing tens of thousands of partial sums with BigInt is an order of magnitude cheaper than
 * parsing each one into decimal.js, and just as exact (more: no 34-digit limit). Divisions (averages)
 * and the final rounding go through FormDecimal / plain integer arithmetic below.
 */

export interface Exact {
  readonly mantissa: bigint;
  readonly scale: number;
}

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const powers: bigint[] = [1n];

function pow10(n: number): bigint {
  while (powers.length <= n) powers.push(powers[powers.length - 1]! * 10n);
  return powers[n]!;
}

/** Reads exact decimal text ("-1234.50"; exponents are accepted through decimal.js). Throws on anything else. */
export function parseExact(text: string): Exact {
  const m = PLAIN.exec(text);
  if (m && (m[2] !== '' || (m[3] ?? '') !== '')) {
    const fraction = m[3] ?? '';
    const digits = BigInt(`${m[2]}${fraction}` || '0');
    return { mantissa: m[1] === '-' ? -digits : digits, scale: fraction.length };
  }
  const value = new FormDecimal(text);
  if (!value.isFinite()) throw new RangeError(`not a finite decimal: ${JSON.stringify(text)}`);
  return parseExact(value.toFixed());
}

function align(a: Exact, b: Exact): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.mantissa, b.mantissa, a.scale];
  if (a.scale < b.scale) return [a.mantissa * pow10(b.scale - a.scale), b.mantissa, b.scale];
  return [a.mantissa, b.mantissa * pow10(a.scale - b.scale), a.scale];
}

export function addExact(a: Exact, b: Exact): Exact {
  const [x, y, scale] = align(a, b);
  return { mantissa: x + y, scale };
}

export function compareExact(a: Exact, b: Exact): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZeroExact(a: Exact): boolean {
  return a.mantissa === 0n;
}

/** Plain text of the exact value, every digit kept. */
function fullText(a: Exact): string {
  const negative = a.mantissa < 0n;
  const digits = (negative ? -a.mantissa : a.mantissa).toString().padStart(a.scale + 1, '0');
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = a.scale > 0 ? `.${digits.slice(digits.length - a.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function exactToDecimal(a: Exact): Decimal {
  return new FormDecimal(fullText(a));
}

/** At most `digits` decimals, half away from zero, no trailing zeros, never "-0". */
export function exactText(a: Exact, digits: number): string {
  let { mantissa, scale } = a;
  if (scale > digits) {
    const divisor = pow10(scale - digits);
    const negative = mantissa < 0n;
    const magnitude = negative ? -mantissa : mantissa;
    let rounded = magnitude / divisor;
    if ((magnitude % divisor) * 2n >= divisor) rounded += 1n;
    mantissa = negative ? -rounded : rounded;
    scale = digits;
  }
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale -= 1;
  }
  if (mantissa === 0n) return '0';
  return fullText({ mantissa, scale });
}

import { FormDecimal } from '@baocao/core';
import { formatDecimal } from '../forms/grid/cellFormat.ts';
import { formatLateness } from '../reports/format.ts';

/**
 * What the timeliness, dashboard and publishing pages show, as pure functions. Figures arrive as
 * exact decimal text ("1234.5"); they are formatted from their own digits, never through a float.
 */

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/u;

/** "1234.5678" → "1.234,57" (at most `maxDecimals` places, trailing zeros dropped); nothing → "–". */
export function formatRounded(text: string | null | undefined, maxDecimals = 2): string {
  if (text === null || text === undefined || !DECIMAL_TEXT.test(text)) return '–';
  const out = formatDecimal(new FormDecimal(text), maxDecimals);
  if (!out.includes(',')) return out;
  return out.replace(/0+$/u, '').replace(/,$/u, '');
}

/** A percent given as decimal text ("87.5") → "87,5%"; nothing → "–". */
export function formatRate(text: string | null | undefined): string {
  const figure = formatRounded(text, 1);
  return figure === '–' ? figure : `${figure}%`;
}

/** A percent text as a number for a progress bar, kept within 0–100. */
export function progressPercent(text: string | null | undefined): number {
  if (!text || !DECIMAL_TEXT.test(text)) return 0;
  return Math.min(100, Math.max(0, Number(text)));
}

export type Direction = 'up' | 'down' | 'flat';

export interface Change {
  direction: Direction;
  /** "▲ 12,5%", "▼ 3,2%", "= 0%". */
  text: string;
}

/** A percent change ("12.5", "-3.2", "0.0") as an arrow and its size; nothing → null. */
export function formatChange(text: string | null | undefined): Change | null {
  if (text === null || text === undefined || !DECIMAL_TEXT.test(text)) return null;
  const value = new FormDecimal(text);
  if (value.isZero()) return { direction: 'flat', text: '= 0%' };
  const size = formatRate(value.abs().toFixed());
  return value.isNegative() ? { direction: 'down', text: `▼ ${size}` } : { direction: 'up', text: `▲ ${size}` };
}

/** "Đạt 87,5% kế hoạch"; against a yearly plan: "Lũy kế năm đạt 87,5% kế hoạch năm". */
export function targetLabel(rate: string | null | undefined, basis: 'period' | 'year_to_date' | null = 'period'): string | null {
  if (rate === null || rate === undefined || !DECIMAL_TEXT.test(rate)) return null;
  return basis === 'year_to_date' ? `Lũy kế năm đạt ${formatRate(rate)} kế hoạch năm` : `Đạt ${formatRate(rate)} kế hoạch`;
}

/** An average lateness in minutes: "45 phút", "2 giờ 30 phút", "1 ngày 3 giờ"; none → "–". */
export function formatDuration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '–';
  if (minutes <= 0) return 'dưới 1 phút';
  // The reports' lateness wording without its "Muộn" prefix, so both pages say delays alike.
  return (formatLateness(minutes) ?? '').replace(/^Muộn /u, '');
}

/** "2026-10" → "10/2026". */
export function formatMonth(month: string | null | undefined): string {
  const m = month ? /^(\d{4})-(\d{2})$/u.exec(month) : null;
  return m ? `${m[2]}/${m[1]}` : '–';
}

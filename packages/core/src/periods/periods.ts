import { addMonths, civilFromDays, daysFromCivil, daysInMonth, fromDayNumber, isoDateOf, isValidIsoDate, toDayNumber } from './dates.ts';
import type { DateWindow, IsoDate, PeriodKey, WindowOptions } from './types.ts';

/** The regular (non-custom) period types. */
export type RegularPeriodType = PeriodKey['type'];

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const DEFAULT_SCHOOL_YEAR_END = { month: 5, day: 31 };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// ---------- ISO weeks ----------

/** Day number of the Monday of ISO week 1 of ISO week-year `year` (the week holding 4 January). */
function isoWeekOneMonday(year: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  const dow = (((jan4 + 4) % 7) + 7) % 7; // 0 = Sunday
  return jan4 - ((dow + 6) % 7);
}

/** Number of ISO weeks (52 or 53) of ISO week-year `year`. */
export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

/** The ISO week-year and week of a date. */
export function isoWeekOf(d: IsoDate): { year: number; week: number } {
  const n = toDayNumber(d);
  let year = Number(d.slice(0, 4)) + 1;
  while (isoWeekOneMonday(year) > n) year--;
  return { year, week: Math.floor((n - isoWeekOneMonday(year)) / 7) + 1 };
}

function daysInYear(year: number): number {
  return daysFromCivil(year + 1, 1, 1) - daysFromCivil(year, 1, 1);
}

// ---------- keys ----------

function indexCount(type: RegularPeriodType, year: number): number {
  switch (type) {
    case 'day':
      return daysInYear(year);
    case 'half_month':
      return 24;
    case 'week':
      return isoWeeksInYear(year);
    case 'month':
      return 12;
    case 'quarter':
      return 4;
    case 'half_year':
      return 2;
    case 'nine_months':
    case 'year':
    case 'school_year':
      return 1;
  }
}

/** Whether a key names an existing period (year 1000–9999, index in range). */
export function isValidPeriodKey(key: PeriodKey): boolean {
  return (
    Number.isInteger(key.year) &&
    Number.isInteger(key.index) &&
    key.year >= 1000 &&
    key.year <= 9999 &&
    key.index >= 1 &&
    indexCount(key.type, key.year) >= key.index
  );
}

function assertKey(key: PeriodKey): void {
  if (!isValidPeriodKey(key)) throw new RangeError(`Invalid period: ${JSON.stringify(key)}`);
}

function dayKeyDate(key: PeriodKey): IsoDate {
  return fromDayNumber(daysFromCivil(key.year, 1, 1) + key.index - 1);
}

function dayKeyOf(d: IsoDate): PeriodKey {
  const year = Number(d.slice(0, 4));
  return { type: 'day', year, index: toDayNumber(d) - daysFromCivil(year, 1, 1) + 1 };
}

/**
 * The period's code. Within one type, codes sort lexicographically in chronological order:
 * D2026-11-23, F2026-22, W2026-48, M2026-11, Q2026-4, H2026-1, N2026, Y2026, S2026.
 */
export function periodCode(key: PeriodKey): string {
  assertKey(key);
  switch (key.type) {
    case 'day':
      return `D${dayKeyDate(key)}`;
    case 'half_month':
      return `F${key.year}-${pad(key.index, 2)}`;
    case 'week':
      return `W${key.year}-${pad(key.index, 2)}`;
    case 'month':
      return `M${key.year}-${pad(key.index, 2)}`;
    case 'quarter':
      return `Q${key.year}-${key.index}`;
    case 'half_year':
      return `H${key.year}-${key.index}`;
    case 'nine_months':
      return `N${key.year}`;
    case 'year':
      return `Y${key.year}`;
    case 'school_year':
      return `S${key.year}`;
  }
}

const CODE_TYPES: Record<string, RegularPeriodType> = {
  F: 'half_month',
  W: 'week',
  M: 'month',
  Q: 'quarter',
  H: 'half_year',
  N: 'nine_months',
  Y: 'year',
  S: 'school_year',
};

/** The key of a period code, or null when it is not one (custom period codes 'C1'… are not). */
export function parsePeriodCode(code: string): PeriodKey | null {
  const day = /^D(\d{4}-\d{2}-\d{2})$/.exec(code);
  if (day) return isValidIsoDate(day[1]!) ? dayKeyOf(day[1]!) : null;
  const m = /^([FWMQHNYS])(\d{4})(?:-(\d{1,2}))?$/.exec(code);
  if (!m) return null;
  const type = CODE_TYPES[m[1]!]!;
  const year = Number(m[2]);
  const single = type === 'nine_months' || type === 'year' || type === 'school_year';
  if (single !== (m[3] === undefined)) return null;
  const indexText = m[3] ?? '1';
  const twoDigits = type === 'half_month' || type === 'week' || type === 'month';
  if (!single && indexText.length !== (twoDigits ? 2 : 1)) return null;
  const key: PeriodKey = { type, year, index: Number(indexText) };
  return isValidPeriodKey(key) ? key : null;
}

// ---------- labels ----------

/** 'Tháng 11/2026', 'Quý IV/2026', '15 ngày đầu tháng 11/2026', 'Năm học 2026–2027', … */
export function periodLabel(key: PeriodKey): string {
  assertKey(key);
  const { year, index } = key;
  switch (key.type) {
    case 'day': {
      const d = dayKeyDate(key);
      return `Ngày ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    }
    case 'half_month':
      return `15 ngày ${index % 2 === 1 ? 'đầu' : 'cuối'} tháng ${Math.ceil(index / 2)}/${year}`;
    case 'week':
      return `Tuần ${index}/${year}`;
    case 'month':
      return `Tháng ${index}/${year}`;
    case 'quarter':
      return `Quý ${ROMAN[index - 1]}/${year}`;
    case 'half_year':
      return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'nine_months':
      return `9 tháng năm ${year}`;
    case 'year':
      return `Năm ${year}`;
    case 'school_year':
      return `Năm học ${year}–${year + 1}`;
  }
}

// ---------- windows ----------

/** Months `firstMonth..lastMonth` of `year` (firstMonth may be ≤ 0: previous year) as a window. */
function monthsWindow(year: number, firstMonth: number, lastMonth: number, opts: WindowOptions): DateWindow {
  if (opts.mode === 'cutoff') {
    const before = addMonths(year, firstMonth, -1);
    return { start: isoDateOf(before.year, before.month, 15), end: isoDateOf(year, lastMonth, 14) };
  }
  return { start: isoDateOf(year, firstMonth, 1), end: isoDateOf(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/**
 * The inclusive window of figures a period covers (thời gian chốt số liệu). In 'cutoff' mode (ND
 * 09/2019 Art. 12, LEGAL R1–R5) a month runs from the 15th of the previous month to the 14th, and
 * quarter, half year, nine months and year from the 15th of the month before their first month to the
 * 14th of their last; in 'calendar' mode from the 1st to the last day. Day, half month (1st–14th,
 * 15th–end), ISO week and school year (1/9 to `schoolYearEnd` of the next year) are the same in both.
 */
export function periodWindow(key: PeriodKey, opts: WindowOptions): DateWindow {
  assertKey(key);
  const { year, index } = key;
  switch (key.type) {
    case 'day': {
      const d = dayKeyDate(key);
      return { start: d, end: d };
    }
    case 'half_month': {
      const month = Math.ceil(index / 2);
      return index % 2 === 1
        ? { start: isoDateOf(year, month, 1), end: isoDateOf(year, month, 14) }
        : { start: isoDateOf(year, month, 15), end: isoDateOf(year, month, daysInMonth(year, month)) };
    }
    case 'week': {
      const monday = isoWeekOneMonday(year) + (index - 1) * 7;
      return { start: fromDayNumber(monday), end: fromDayNumber(monday + 6) };
    }
    case 'month':
      return monthsWindow(year, index, index, opts);
    case 'quarter':
      return monthsWindow(year, index * 3 - 2, index * 3, opts);
    case 'half_year':
      return monthsWindow(year, index * 6 - 5, index * 6, opts);
    case 'nine_months':
      return monthsWindow(year, 1, 9, opts);
    case 'year':
      return monthsWindow(year, 1, 12, opts);
    case 'school_year': {
      const end = opts.schoolYearEnd ?? DEFAULT_SCHOOL_YEAR_END;
      return { start: isoDateOf(year, 9, 1), end: isoDateOf(year + 1, end.month, Math.min(end.day, daysInMonth(year + 1, end.month))) };
    }
  }
}

// ---------- navigation ----------

export function nextPeriod(key: PeriodKey): PeriodKey {
  assertKey(key);
  if (key.index < indexCount(key.type, key.year)) return { ...key, index: key.index + 1 };
  return { ...key, year: key.year + 1, index: 1 };
}

export function previousPeriod(key: PeriodKey): PeriodKey {
  assertKey(key);
  if (key.index > 1) return { ...key, index: key.index - 1 };
  return { ...key, year: key.year - 1, index: indexCount(key.type, key.year - 1) };
}

/**
 * The same period one year earlier: same index (a day: the same day and month, 29/2 → 28/2; ISO
 * week 53 → week 52 when the previous year has none).
 */
export function samePeriodLastYear(key: PeriodKey): PeriodKey {
  assertKey(key);
  if (key.type === 'day') {
    const d = dayKeyDate(key);
    const month = Number(d.slice(5, 7));
    const day = Math.min(Number(d.slice(8, 10)), daysInMonth(key.year - 1, month));
    return dayKeyOf(isoDateOf(key.year - 1, month, day));
  }
  return { ...key, year: key.year - 1, index: Math.min(key.index, indexCount(key.type, key.year - 1)) };
}

/**
 * The period of `type` whose window contains `date`. Nine months and school year do not tile the
 * year: for them it is the one containing `date` when there is one, else the one of `date`'s calendar
 * year (for a school year: the one starting in that year, e.g. July 2026 → Năm học 2026–2027).
 */
export function periodContaining(type: RegularPeriodType, date: IsoDate, opts: WindowOptions): PeriodKey {
  const n = toDayNumber(date);
  const { year, month, day } = civilFromDays(n);
  // The month whose window holds the date: in cutoff mode the 15th onwards belongs to the next month.
  const shifted = opts.mode === 'cutoff' && day >= 15 ? addMonths(year, month, 1) : { year, month };
  const contains = (key: PeriodKey): boolean => {
    const w = periodWindow(key, opts);
    return w.start <= date && date <= w.end;
  };
  switch (type) {
    case 'day':
      return dayKeyOf(date);
    case 'half_month':
      return { type, year, index: month * 2 - (day < 15 ? 1 : 0) };
    case 'week': {
      const w = isoWeekOf(date);
      return { type, year: w.year, index: w.week };
    }
    case 'month':
      return { type, year: shifted.year, index: shifted.month };
    case 'quarter':
      return { type, year: shifted.year, index: Math.ceil(shifted.month / 3) };
    case 'half_year':
      return { type, year: shifted.year, index: Math.ceil(shifted.month / 6) };
    case 'year':
      return { type, year: shifted.year, index: 1 };
    case 'nine_months':
    case 'school_year': {
      const candidates = type === 'nine_months' ? [year, year + 1] : [year - 1, year];
      for (const y of candidates) if (contains({ type, year: y, index: 1 })) return { type, year: y, index: 1 };
      return { type, year, index: 1 };
    }
  }
}

/**
 * Every period of `type` whose window ends in [from, to], in chronological order: the periods of a
 * regime in force over that range are those whose cut-off falls within it.
 */
export function periodsEndingBetween(type: RegularPeriodType, from: IsoDate, to: IsoDate, opts: WindowOptions): PeriodKey[] {
  if (from > to) return [];
  const result: PeriodKey[] = [];
  if (type === 'nine_months' || type === 'school_year') {
    const firstYear = Number(from.slice(0, 4)) - 2;
    const lastYear = Number(to.slice(0, 4)) + 1;
    for (let y = firstYear; y <= lastYear; y++) {
      const key: PeriodKey = { type, year: y, index: 1 };
      if (!isValidPeriodKey(key)) continue;
      const { end } = periodWindow(key, opts);
      if (from <= end && end <= to) result.push(key);
    }
    return result;
  }
  if (type === 'day') {
    for (let n = toDayNumber(from), last = toDayNumber(to); n <= last; n++) result.push(dayKeyOf(fromDayNumber(n)));
    return result;
  }
  // Tiling types: the period containing `from` is the first whose window ends on or after it.
  let key = periodContaining(type, from, opts);
  for (;;) {
    const { end } = periodWindow(key, opts);
    if (end > to) break;
    result.push(key);
    key = nextPeriod(key);
  }
  return result;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from './dates.ts';
import {
  isoWeeksInYear,
  nextPeriod,
  parsePeriodCode,
  periodCode,
  periodContaining,
  periodLabel,
  periodsEndingBetween,
  periodWindow,
  previousPeriod,
  samePeriodLastYear,
  type RegularPeriodType,
} from './periods.ts';
import type { PeriodKey, WindowMode, WindowOptions } from './types.ts';

const cutoff: WindowOptions = { mode: 'cutoff' };
const calendarMode: WindowOptions = { mode: 'calendar' };
const key = (type: PeriodKey['type'], year: number, index = 1): PeriodKey => ({ type, year, index });

describe('period windows (LEGAL R1–R5)', () => {
  it('R1: month M runs from the 15th of M−1 to the 14th of M', () => {
    expect(periodWindow(key('month', 2025, 1), cutoff)).toEqual({ start: '2024-12-15', end: '2025-01-14' });
    expect(periodWindow(key('month', 2026, 12), cutoff)).toEqual({ start: '2026-11-15', end: '2026-12-14' });
    expect(periodWindow(key('month', 2024, 3), cutoff)).toEqual({ start: '2024-02-15', end: '2024-03-14' });
  });

  it('R2: quarters from the 15th of the month before', () => {
    expect(periodWindow(key('quarter', 2025, 1), cutoff)).toEqual({ start: '2024-12-15', end: '2025-03-14' });
    expect(periodWindow(key('quarter', 2025, 2), cutoff)).toEqual({ start: '2025-03-15', end: '2025-06-14' });
    expect(periodWindow(key('quarter', 2025, 3), cutoff)).toEqual({ start: '2025-06-15', end: '2025-09-14' });
    expect(periodWindow(key('quarter', 2025, 4), cutoff)).toEqual({ start: '2025-09-15', end: '2025-12-14' });
  });

  it('R3–R5: half years, year and nine months', () => {
    expect(periodWindow(key('half_year', 2026, 1), cutoff)).toEqual({ start: '2025-12-15', end: '2026-06-14' });
    expect(periodWindow(key('half_year', 2026, 2), cutoff)).toEqual({ start: '2026-06-15', end: '2026-12-14' });
    expect(periodWindow(key('year', 2026), cutoff)).toEqual({ start: '2025-12-15', end: '2026-12-14' });
    expect(periodWindow(key('nine_months', 2026), cutoff)).toEqual({ start: '2025-12-15', end: '2026-09-14' });
  });

  it('calendar mode: first to last day', () => {
    expect(periodWindow(key('month', 2024, 2), calendarMode)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodWindow(key('month', 2026, 12), calendarMode)).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(periodWindow(key('quarter', 2026, 2), calendarMode)).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodWindow(key('half_year', 2026, 1), calendarMode)).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(periodWindow(key('half_year', 2026, 2), calendarMode)).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodWindow(key('nine_months', 2026), calendarMode)).toEqual({ start: '2026-01-01', end: '2026-09-30' });
    expect(periodWindow(key('year', 2026), calendarMode)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('day, half month, ISO week and school year are the same in both modes', () => {
    for (const opts of [cutoff, calendarMode]) {
      expect(periodWindow(key('day', 2026, 327), opts)).toEqual({ start: '2026-11-23', end: '2026-11-23' });
      expect(periodWindow(key('half_month', 2026, 21), opts)).toEqual({ start: '2026-11-01', end: '2026-11-14' });
      expect(periodWindow(key('half_month', 2026, 22), opts)).toEqual({ start: '2026-11-15', end: '2026-11-30' });
      expect(periodWindow(key('half_month', 2024, 4), opts)).toEqual({ start: '2024-02-15', end: '2024-02-29' });
      expect(periodWindow(key('week', 2026, 48), opts)).toEqual({ start: '2026-11-23', end: '2026-11-29' });
      expect(periodWindow(key('week', 2026, 1), opts)).toEqual({ start: '2025-12-29', end: '2026-01-04' });
      expect(periodWindow(key('week', 2020, 53), opts)).toEqual({ start: '2020-12-28', end: '2021-01-03' });
      expect(periodWindow(key('school_year', 2026), opts)).toEqual({ start: '2026-09-01', end: '2027-05-31' });
    }
    expect(periodWindow(key('school_year', 2026), { mode: 'cutoff', schoolYearEnd: { month: 8, day: 31 } })).toEqual({
      start: '2026-09-01',
      end: '2027-08-31',
    });
    expect(periodWindow(key('school_year', 2027), { mode: 'cutoff', schoolYearEnd: { month: 2, day: 30 } }).end).toBe('2028-02-29');
  });

  it('refuses keys that do not exist', () => {
    expect(() => periodWindow(key('month', 2026, 13), cutoff)).toThrow(RangeError);
    expect(() => periodWindow(key('week', 2026, 54), cutoff)).toThrow(RangeError);
    expect(() => periodWindow(key('week', 2025, 53), cutoff)).toThrow(RangeError); // 2025 has 52 ISO weeks
    expect(() => periodWindow(key('day', 2026, 366), cutoff)).toThrow(RangeError);
    expect(() => periodCode(key('quarter', 2026, 0))).toThrow(RangeError);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2026)).toBe(53); // 01/01/2026 is a Thursday
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2015)).toBe(53);
  });
});

describe('period codes and labels', () => {
  const samples: [PeriodKey, string, string][] = [
    [key('day', 2026, 327), 'D2026-11-23', 'Ngày 23/11/2026'],
    [key('half_month', 2026, 21), 'F2026-21', '15 ngày đầu tháng 11/2026'],
    [key('half_month', 2026, 22), 'F2026-22', '15 ngày cuối tháng 11/2026'],
    [key('half_month', 2026, 1), 'F2026-01', '15 ngày đầu tháng 1/2026'],
    [key('week', 2026, 48), 'W2026-48', 'Tuần 48/2026'],
    [key('week', 2026, 5), 'W2026-05', 'Tuần 5/2026'],
    [key('month', 2026, 11), 'M2026-11', 'Tháng 11/2026'],
    [key('month', 2026, 12), 'M2026-12', 'Tháng 12/2026'],
    [key('month', 2026, 3), 'M2026-03', 'Tháng 3/2026'],
    [key('quarter', 2026, 1), 'Q2026-1', 'Quý I/2026'],
    [key('quarter', 2026, 2), 'Q2026-2', 'Quý II/2026'],
    [key('quarter', 2026, 3), 'Q2026-3', 'Quý III/2026'],
    [key('quarter', 2026, 4), 'Q2026-4', 'Quý IV/2026'],
    [key('half_year', 2026, 1), 'H2026-1', '6 tháng đầu năm 2026'],
    [key('half_year', 2026, 2), 'H2026-2', '6 tháng cuối năm 2026'],
    [key('nine_months', 2026), 'N2026', '9 tháng năm 2026'],
    [key('year', 2026), 'Y2026', 'Năm 2026'],
    [key('school_year', 2026), 'S2026', 'Năm học 2026–2027'],
  ];

  it.each(samples)('%o → %s, "%s"', (k, code, label) => {
    expect(periodCode(k)).toBe(code);
    expect(periodLabel(k)).toBe(label);
    expect(parsePeriodCode(code)).toEqual(k);
  });

  it('rejects codes that are not periods', () => {
    for (const code of [
      '',
      'C1',
      'M2026-13',
      'M2026-1',
      'M2026',
      'Q2026-5',
      'Q2026-01',
      'H2026-3',
      'N2026-1',
      'Y26',
      'W2025-53',
      'W2020-54',
      'F2026-25',
      'D2026-02-30',
      'X2026',
      'm2026-11',
    ]) {
      expect(parsePeriodCode(code), code).toBeNull();
    }
    expect(parsePeriodCode('W2020-53')).toEqual(key('week', 2020, 53));
    expect(parsePeriodCode('D2024-02-29')).toEqual(key('day', 2024, 60));
  });
});

describe('navigation', () => {
  it('moves to the next and previous period across years', () => {
    expect(nextPeriod(key('month', 2026, 12))).toEqual(key('month', 2027, 1));
    expect(previousPeriod(key('month', 2026, 1))).toEqual(key('month', 2025, 12));
    expect(nextPeriod(key('week', 2020, 53))).toEqual(key('week', 2021, 1));
    expect(previousPeriod(key('week', 2021, 1))).toEqual(key('week', 2020, 53));
    expect(nextPeriod(key('day', 2024, 366))).toEqual(key('day', 2025, 1));
    expect(previousPeriod(key('day', 2025, 1))).toEqual(key('day', 2024, 366));
    expect(nextPeriod(key('year', 2026))).toEqual(key('year', 2027));
    expect(previousPeriod(key('school_year', 2026))).toEqual(key('school_year', 2025));
  });

  it('finds the same period last year', () => {
    expect(samePeriodLastYear(key('quarter', 2026, 4))).toEqual(key('quarter', 2025, 4));
    expect(samePeriodLastYear(key('week', 2021, 53 - 1))).toEqual(key('week', 2020, 52));
    expect(samePeriodLastYear(key('week', 2021, 1))).toEqual(key('week', 2020, 1));
    expect(samePeriodLastYear(parsePeriodCode('W2026-53')!)).toEqual(key('week', 2025, 52));
    expect(periodCode(samePeriodLastYear(parsePeriodCode('D2024-02-29')!))).toBe('D2023-02-28');
    expect(periodCode(samePeriodLastYear(parsePeriodCode('D2025-03-01')!))).toBe('D2024-03-01');
    expect(samePeriodLastYear(key('week', 2021, 52))).toEqual(key('week', 2020, 52));
    expect(samePeriodLastYear(parsePeriodCode('W2016-01')!)).toEqual(key('week', 2015, 1));
  });

  it('finds the period containing a date', () => {
    expect(periodContaining('month', '2026-11-14', cutoff)).toEqual(key('month', 2026, 11));
    expect(periodContaining('month', '2026-11-15', cutoff)).toEqual(key('month', 2026, 12));
    expect(periodContaining('month', '2026-12-20', cutoff)).toEqual(key('month', 2027, 1));
    expect(periodContaining('month', '2026-12-20', calendarMode)).toEqual(key('month', 2026, 12));
    expect(periodContaining('quarter', '2026-12-15', cutoff)).toEqual(key('quarter', 2027, 1));
    expect(periodContaining('year', '2026-12-15', cutoff)).toEqual(key('year', 2027));
    expect(periodContaining('week', '2027-01-01', cutoff)).toEqual(key('week', 2026, 53));
    expect(periodContaining('half_month', '2026-11-15', cutoff)).toEqual(key('half_month', 2026, 22));
    expect(periodContaining('day', '2026-11-23', cutoff)).toEqual(key('day', 2026, 327));
    // Nine months and school year do not tile the year: outside their windows, the one of that year.
    expect(periodContaining('nine_months', '2026-12-20', cutoff)).toEqual(key('nine_months', 2027));
    expect(periodContaining('nine_months', '2026-10-20', cutoff)).toEqual(key('nine_months', 2026));
    expect(periodContaining('nine_months', '2026-05-20', calendarMode)).toEqual(key('nine_months', 2026));
    expect(periodContaining('school_year', '2027-03-10', cutoff)).toEqual(key('school_year', 2026));
    expect(periodContaining('school_year', '2026-07-10', cutoff)).toEqual(key('school_year', 2026));
    expect(periodContaining('school_year', '2026-10-10', cutoff)).toEqual(key('school_year', 2026));
  });

  it('lists the periods ending in a range', () => {
    expect(periodsEndingBetween('month', '2026-01-01', '2026-04-30', cutoff).map(periodCode)).toEqual([
      'M2026-01',
      'M2026-02',
      'M2026-03',
      'M2026-04',
    ]);
    expect(periodsEndingBetween('month', '2026-01-15', '2026-04-13', cutoff).map(periodCode)).toEqual(['M2026-02', 'M2026-03']);
    expect(periodsEndingBetween('month', '2026-01-01', '2026-04-30', calendarMode).map(periodCode)).toEqual([
      'M2026-01',
      'M2026-02',
      'M2026-03',
      'M2026-04',
    ]);
    expect(periodsEndingBetween('month', '2026-01-01', '2026-04-29', calendarMode).map(periodCode)).toEqual([
      'M2026-01',
      'M2026-02',
      'M2026-03',
    ]);
    expect(periodsEndingBetween('quarter', '2026-01-01', '2026-12-31', cutoff).map(periodCode)).toEqual([
      'Q2026-1',
      'Q2026-2',
      'Q2026-3',
      'Q2026-4',
    ]);
    expect(periodsEndingBetween('nine_months', '2020-01-01', '2026-12-31', cutoff).map(periodCode)).toEqual([
      'N2020',
      'N2021',
      'N2022',
      'N2023',
      'N2024',
      'N2025',
      'N2026',
    ]);
    expect(periodsEndingBetween('school_year', '2026-06-01', '2028-05-31', cutoff).map(periodCode)).toEqual(['S2026', 'S2027']);
    expect(periodsEndingBetween('day', '2026-02-27', '2026-03-02', cutoff).map(periodCode)).toEqual([
      'D2026-02-27',
      'D2026-02-28',
      'D2026-03-01',
      'D2026-03-02',
    ]);
    expect(periodsEndingBetween('month', '2026-05-01', '2026-04-01', cutoff)).toEqual([]);
    expect(periodsEndingBetween('day', '2020-01-01', '2024-12-31', cutoff)).toHaveLength(1827);
  });
});

describe('properties', () => {
  const tiling: RegularPeriodType[] = ['day', 'half_month', 'week', 'month', 'quarter', 'half_year', 'year'];
  const modes: WindowMode[] = ['cutoff', 'calendar'];
  const cases = tiling.flatMap((type) => modes.map((mode) => [type, mode] as const));

  it.each(cases)('%s windows in %s mode tile 2000–2050 without gap or overlap, codes in order', (type, mode) => {
    const opts: WindowOptions = { mode };
    let k = periodContaining(type, '2000-01-01', opts);
    let previous = periodWindow(k, opts);
    let previousCode = periodCode(k);
    let count = 0;
    while (previous.end < '2050-12-31') {
      k = nextPeriod(k);
      const w = periodWindow(k, opts);
      const code = periodCode(k);
      if (w.start !== addDays(previous.end, 1) || w.end < w.start) throw new Error(`${code}: ${w.start}..${w.end} after ${previous.end}`);
      if (!(code > previousCode)) throw new Error(`${code} does not sort after ${previousCode}`);
      if (parsePeriodCode(code)?.index !== k.index || previousPeriod(k).index !== parsePeriodCode(previousCode)!.index)
        throw new Error(code);
      previous = w;
      previousCode = code;
      count++;
    }
    expect(count).toBeGreaterThanOrEqual(50);
    if (type === 'week') expect(dayOfWeek(previous.start)).toBe(1);
  });

  const dateArb = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2050-12-31') }).map(fromDayNumber);
  const typeArb = fc.constantFrom<RegularPeriodType>(
    'day',
    'half_month',
    'week',
    'month',
    'quarter',
    'half_year',
    'nine_months',
    'year',
    'school_year',
  );
  const modeArb = fc.constantFrom<WindowMode>('cutoff', 'calendar');

  it('the containing period holds the date (tiling types), its code parses back (property)', () => {
    fc.assert(
      fc.property(typeArb, modeArb, dateArb, (type, mode, date) => {
        const k = periodContaining(type, date, { mode });
        const w = periodWindow(k, { mode });
        if (type !== 'nine_months' && type !== 'school_year') expect(w.start <= date && date <= w.end).toBe(true);
        expect(parsePeriodCode(periodCode(k))).toEqual(k);
        expect(nextPeriod(previousPeriod(k))).toEqual(k);
      }),
      { numRuns: 2000 },
    );
  });

  it('periodsEndingBetween returns exactly the periods whose end is in range, in order (property)', () => {
    fc.assert(
      fc.property(typeArb, modeArb, dateArb, fc.integer({ min: 0, max: 800 }), (type, mode, from, length) => {
        const to = addDays(from, length);
        const opts: WindowOptions = { mode };
        const keys = periodsEndingBetween(type, from, to, opts);
        const ends = keys.map((k) => periodWindow(k, opts).end);
        for (const end of ends) expect(from <= end && end <= to).toBe(true);
        expect([...ends].sort()).toEqual(ends);
        expect(new Set(ends).size).toBe(ends.length);
        // Nothing is missing just outside: the period before the first ends before `from`.
        if (keys.length > 0) expect(periodWindow(previousPeriod(keys[0]!), opts).end < from).toBe(true);
        // Nor just after: the period after the last (or, with none, the one holding `from`) ends after `to`.
        if (keys.length > 0) expect(periodWindow(nextPeriod(keys[keys.length - 1]!), opts).end > to).toBe(true);
        else if (type !== 'nine_months' && type !== 'school_year')
          expect(periodWindow(periodContaining(type, from, opts), opts).end > to).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar.ts';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from './dates.ts';
import { checkDeadline, computeDeadline, defaultDeadlineRule } from './deadlines.ts';
import { parsePeriodCode, periodWindow } from './periods.ts';
import type { CalendarAdjustment, DeadlineRule } from './types.ts';

const calendar = createWorkingCalendar();
const cutoff = { mode: 'cutoff' as const };
const windowOf = (code: string, mode: 'cutoff' | 'calendar' = 'cutoff') => periodWindow(parsePeriodCode(code)!, { mode });

describe('computeDeadline', () => {
  it('day_of_month: the given day of the month the window ends in, or months later', () => {
    const w = windowOf('M2026-11'); // 15/10–14/11/2026
    expect(computeDeadline(w, { kind: 'day_of_month', monthOffset: 0, day: 20, time: '17:00' }, calendar)).toEqual({
      date: '2026-11-20',
      time: '17:00',
      at: new Date('2026-11-20T10:00:00Z'),
    });
    expect(computeDeadline(w, { kind: 'day_of_month', monthOffset: 1, day: 5, time: '09:00' }, calendar).date).toBe('2026-12-07'); // 05/12 is a Saturday
    expect(
      computeDeadline(windowOf('M2026-12', 'calendar'), { kind: 'day_of_month', monthOffset: 1, day: 10, time: '17:00' }, calendar).date,
    ).toBe('2027-01-11');
  });

  it('day_of_month: a day past the month end is its last day', () => {
    const feb = windowOf('M2026-02'); // ends 14/02/2026
    const rule: DeadlineRule = { kind: 'day_of_month', monthOffset: 0, day: 31, time: '17:00', rollForward: false };
    expect(computeDeadline(feb, rule, calendar).date).toBe('2026-02-28');
    expect(computeDeadline(windowOf('M2028-02'), rule, calendar).date).toBe('2028-02-29');
    // 28/02/2026 is a Saturday: rolled forward to Monday 02/03.
    expect(computeDeadline(feb, { ...rule, rollForward: true }, calendar).date).toBe('2026-03-02');
  });

  it('days_after: calendar days after the window, 16:30 the next day for daily reports', () => {
    const d = computeDeadline(windowOf('D2026-11-23'), { kind: 'days_after', days: 1, time: '16:30' }, calendar);
    expect(d).toEqual({ date: '2026-11-24', time: '16:30', at: new Date('2026-11-24T09:30:00Z') });
    expect(computeDeadline(windowOf('D2026-11-27'), { kind: 'days_after', days: 1, time: '16:30' }, calendar).date).toBe('2026-11-30');
    expect(
      computeDeadline(windowOf('D2026-11-27'), { kind: 'days_after', days: 1, time: '16:30', rollForward: false }, calendar).date,
    ).toBe('2026-11-28');
  });

  it('working_days_after: R10 default N = 2 after Monday 14/12/2026 is Wednesday 16/12/2026 17:00', () => {
    const w = windowOf('M2026-12');
    expect(w.end).toBe('2026-12-14');
    expect(dayOfWeek('2026-12-14')).toBe(1);
    const rule = defaultDeadlineRule({ frequency: 'month', reportsToGovernment: false, defaultWorkingDays: 2 });
    expect(rule).toEqual({ kind: 'working_days_after', days: 2, time: '17:00', rollForward: true });
    expect(computeDeadline(w, rule, calendar)).toEqual({ date: '2026-12-16', time: '17:00', at: new Date('2026-12-16T10:00:00Z') });
  });

  it('fixed_date: the date itself, moved to a working day unless told not to', () => {
    const w = { start: '2026-06-01', end: '2026-06-30' };
    expect(computeDeadline(w, { kind: 'fixed_date', date: '2026-07-10', time: '08:00' }, calendar).date).toBe('2026-07-10');
    expect(computeDeadline(w, { kind: 'fixed_date', date: '2026-07-11', time: '08:00' }, calendar).date).toBe('2026-07-13');
    expect(computeDeadline(w, { kind: 'fixed_date', date: '2026-07-11', time: '08:00', rollForward: false }, calendar).date).toBe(
      '2026-07-11',
    );
  });

  it('rolls forward over Tết', () => {
    const w = windowOf('M2026-02'); // ends Saturday 14/02/2026; Tết holidays 16–20/02
    expect(computeDeadline(w, { kind: 'days_after', days: 2, time: '17:00' }, calendar).date).toBe('2026-02-23');
    expect(computeDeadline(w, { kind: 'working_days_after', days: 1, time: '17:00' }, calendar).date).toBe('2026-02-23');
    expect(computeDeadline(w, { kind: 'working_days_after', days: 3, time: '17:00' }, calendar).date).toBe('2026-02-25');
    expect(computeDeadline(w, { kind: 'fixed_date', date: '2026-02-17', time: '17:00' }, calendar).date).toBe('2026-02-23');
  });

  it('R8: to the Government, the 25th of the last month of the period (Quý IV/2026 → 25/12/2026 17:00)', () => {
    const rule = defaultDeadlineRule({ frequency: 'quarter', reportsToGovernment: true, defaultWorkingDays: 2 });
    expect(rule).toEqual({ kind: 'day_of_month', monthOffset: 0, day: 25, time: '17:00', rollForward: true });
    const w = periodWindow({ type: 'quarter', year: 2026, index: 4 }, cutoff);
    expect(computeDeadline(w, rule, calendar)).toEqual({ date: '2026-12-25', time: '17:00', at: new Date('2026-12-25T10:00:00Z') });
    expect(checkDeadline(w, computeDeadline(w, rule, calendar), calendar)).toBeNull();
  });

  it('defaults a daily report to 16:30 the next day', () => {
    expect(defaultDeadlineRule({ frequency: 'day', reportsToGovernment: false, defaultWorkingDays: 2 })).toEqual({
      kind: 'days_after',
      days: 1,
      time: '16:30',
      rollForward: true,
    });
    expect(defaultDeadlineRule({ frequency: 'year', reportsToGovernment: false, defaultWorkingDays: 5 })).toMatchObject({
      kind: 'working_days_after',
      days: 5,
    });
  });
});

describe('checkDeadline (LEGAL R7)', () => {
  const w = windowOf('M2026-12'); // ends Monday 14/12/2026
  const at = (date: string) => ({ date, time: '17:00', at: new Date(`${date}T10:00:00Z`) });

  it('rejects a deadline on the cut-off day or before', () => {
    expect(checkDeadline(w, at('2026-12-14'), calendar)).toBe(
      'Hạn gửi 14/12/2026 chưa sau ngày chốt số liệu 14/12/2026 ít nhất 01 ngày làm việc.',
    );
    expect(checkDeadline(w, at('2026-12-10'), calendar)).toBe(
      'Hạn gửi 10/12/2026 chưa sau ngày chốt số liệu 14/12/2026 ít nhất 01 ngày làm việc.',
    );
  });

  it('accepts the next working day or later', () => {
    expect(checkDeadline(w, at('2026-12-15'), calendar)).toBeNull();
    expect(checkDeadline(w, at('2027-01-05'), calendar)).toBeNull();
  });

  it('counts working days: a Saturday after a Friday cut-off is too early', () => {
    const friday = { start: '2026-12-07', end: '2026-12-11' };
    expect(checkDeadline(friday, at('2026-12-12'), calendar)).toBe(
      'Hạn gửi 12/12/2026 chưa sau ngày chốt số liệu 11/12/2026 ít nhất 01 ngày làm việc.',
    );
    expect(checkDeadline(friday, at('2026-12-14'), calendar)).toBeNull();
  });
});

describe('deadline properties', () => {
  const adjustmentsArb = fc.uniqueArray(
    fc.record({
      date: fc.integer({ min: toDayNumber('2019-12-01'), max: toDayNumber('2031-12-31') }).map(fromDayNumber),
      kind: fc.constantFrom<CalendarAdjustment['kind']>('holiday', 'working_day'),
      name: fc.constant('Điều chỉnh'),
    }),
    { selector: (a) => a.date, maxLength: 40 },
  );
  const timeArb = fc.constantFrom('08:00', '16:30', '17:00', '23:59');
  const windowArb = fc
    .tuple(fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') }), fc.integer({ min: 0, max: 400 }))
    .map(([end, length]) => ({ start: fromDayNumber(end - length), end: fromDayNumber(end) }));
  /** Rules whose un-rolled date is never before the window's end. */
  const ruleArb = (end: string) =>
    fc.oneof(
      fc.record({ kind: fc.constant('days_after' as const), days: fc.integer({ min: 0, max: 60 }), time: timeArb }),
      fc.record({ kind: fc.constant('working_days_after' as const), days: fc.integer({ min: 1, max: 60 }), time: timeArb }),
      fc.record({
        kind: fc.constant('day_of_month' as const),
        monthOffset: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        time: timeArb,
      }),
      fc.record({
        kind: fc.constant('day_of_month' as const),
        monthOffset: fc.constant(0),
        day: fc.integer({ min: Number(end.slice(8)), max: 31 }),
        time: timeArb,
      }),
      fc.record({
        kind: fc.constant('fixed_date' as const),
        date: fc.integer({ min: 0, max: 90 }).map((n) => addDays(end, n)),
        time: timeArb,
      }),
    );

  it('a rolled-forward deadline is a working day, never before the window ends, at the right instant (property)', () => {
    fc.assert(
      fc.property(
        adjustmentsArb,
        windowArb.chain((w) => fc.tuple(fc.constant(w), ruleArb(w.end))),
        (adjustments, [w, rule]) => {
          const cal = createWorkingCalendar(adjustments);
          const d = computeDeadline(w, rule as DeadlineRule, cal);
          expect(cal.isWorkingDay(d.date)).toBe(true);
          expect(d.date >= w.end).toBe(true);
          expect(d.time).toBe(rule.time);
          expect(d.at.toISOString()).toBe(new Date(Date.parse(`${d.date}T${d.time}:00Z`) - 7 * 3_600_000).toISOString());
          // Without rolling forward the date only differs by the days off skipped.
          const raw = computeDeadline(w, { ...(rule as DeadlineRule), rollForward: false }, cal);
          expect(cal.nextWorkingDayOnOrAfter(raw.date)).toBe(d.date);
          if (rule.kind === 'working_days_after') expect(checkDeadline(w, d, cal)).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});

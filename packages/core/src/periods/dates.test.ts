import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareIsoDates,
  dayOfWeek,
  daysInMonth,
  diffDays,
  formatIsoDate,
  fromDayNumber,
  isValidIsoDate,
  toDayNumber,
} from './dates.ts';
import { formatVnDateTime, utcToVn, vnToday, vnToUtc } from './timezone.ts';

/** A random real date between 1900 and 2100. */
const isoDateArb = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isValidIsoDate('2026-11-23')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-01-00')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
    expect(isValidIsoDate('23/11/2026')).toBe(false);
    expect(isValidIsoDate('2026-11-23T00:00')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('counts days in months, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('adds and subtracts days across months, years and leap days', () => {
    expect(addDays('2026-11-23', 1)).toBe('2026-11-24');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-01', 365)).toBe('2027-03-01');
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2026-11-23', '2026-11-20')).toBe(-3);
    expect(toDayNumber('1970-01-01')).toBe(0);
  });

  it('knows the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('2026-11-23')).toBe(1); // Monday
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(dayOfWeek('2026-11-28')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1900-01-01')).toBe(1);
    expect(dayOfWeek('2000-01-01')).toBe(6);
  });

  it('compares, formats and adds months', () => {
    expect(compareIsoDates('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(compareIsoDates('2026-01-10', '2026-01-02')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(formatIsoDate('2026-02-03')).toBe('03/02/2026');
    expect(addMonths(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    expect(addMonths(2026, 11, 2)).toEqual({ year: 2027, month: 1 });
    expect(addMonths(2026, 5, -17)).toEqual({ year: 2024, month: 12 });
    expect(addMonths(2026, 5, 0)).toEqual({ year: 2026, month: 5 });
  });

  it('agrees with the UTC Date arithmetic for any date (property)', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const viaDate = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(d, n)).toBe(viaDate);
        expect(diffDays(d, addDays(d, n))).toBe(n);
        expect(dayOfWeek(d)).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
        expect(isValidIsoDate(d)).toBe(true);
      }),
    );
  });
});

describe('Vietnam time (UTC+7)', () => {
  it('converts local date and time to the UTC instant and back', () => {
    expect(vnToUtc('2026-12-25', '17:00').toISOString()).toBe('2026-12-25T10:00:00.000Z');
    expect(vnToUtc('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(vnToUtc('2026-01-01', '06:59').toISOString()).toBe('2025-12-31T23:59:00.000Z');
    expect(utcToVn(new Date('2025-12-31T17:00:00Z'))).toEqual({ date: '2026-01-01', time: '00:00' });
    expect(utcToVn(new Date('2026-03-01T16:59:59Z'))).toEqual({ date: '2026-03-01', time: '23:59' });
    expect(formatVnDateTime(new Date('2026-12-25T10:00:00Z'))).toBe('17:00 25/12/2026');
  });

  it('refuses malformed times', () => {
    expect(() => vnToUtc('2026-01-01', '24:00')).toThrow(RangeError);
    expect(() => vnToUtc('2026-01-01', '7:00')).toThrow(RangeError);
    expect(() => vnToUtc('2026-02-30', '07:00')).toThrow(RangeError);
  });

  it('changes the Vietnam day at 17:00 UTC', () => {
    expect(vnToday(new Date('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(vnToday(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
    expect(vnToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('vnToUtc and utcToVn are exact inverses at minute precision (property)', () => {
    const minutes = fc.integer({ min: Date.parse('1950-01-01T00:00:00Z') / 60_000, max: Date.parse('2100-01-01T00:00:00Z') / 60_000 });
    fc.assert(
      fc.property(minutes, (m) => {
        const at = new Date(m * 60_000);
        const { date, time } = utcToVn(at);
        expect(vnToUtc(date, time).getTime()).toBe(at.getTime());
      }),
    );
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (date, h, m) => {
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(utcToVn(vnToUtc(date, time))).toEqual({ date, time });
        expect(vnToUtc(date, time).getTime() - Date.parse(`${date}T${time}:00Z`)).toBe(-7 * 3_600_000);
      }),
    );
  });

  it('vnToday changes exactly at 17:00:00 UTC on any day (property)', () => {
    fc.assert(
      fc.property(isoDateArb, (d) => {
        expect(vnToday(new Date(`${d}T16:59:59.999Z`))).toBe(d);
        expect(vnToday(new Date(`${d}T17:00:00.000Z`))).toBe(addDays(d, 1));
      }),
    );
  });
});

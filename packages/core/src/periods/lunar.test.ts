import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from './dates.ts';
import { lunarToSolar, solarToLunar, tetDate } from './lunar.ts';
import { TET_DATES } from './tet-dates.ts';

describe('Vietnamese lunar calendar', () => {
  it('has Tết 2026 on 17/02/2026', () => {
    expect(tetDate(2026)).toBe('2026-02-17');
    expect(solarToLunar('2026-02-17')).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
  });

  const years = Object.keys(TET_DATES).map(Number);
  it('covers at least 2000–2050 in the fixture', () => {
    for (let y = 2000; y <= 2050; y++) expect(TET_DATES[y]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(years)('Tết %i matches the published table', (year) => {
    expect(tetDate(year)).toBe(TET_DATES[year]);
  });

  it('uses Vietnam (UTC+7), not China (UTC+8), where they differ', () => {
    expect(tetDate(2007)).toBe('2007-02-17'); // China: 2007-02-18
    expect(tetDate(1985)).toBe('1985-01-21'); // China: 1985-02-20
  });

  it('finds Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2024, leap: false })).toBe('2024-04-18');
    expect(lunarToSolar({ day: 10, month: 3, year: 2025, leap: false })).toBe('2025-04-07');
    expect(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false })).toBe('2026-04-26');
    expect(lunarToSolar({ day: 10, month: 3, year: 2023, leap: false })).toBe('2023-04-29');
  });

  it('knows leap months (2023: leap 2nd month, 2025: leap 6th month)', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2023-02-20')).toEqual({ day: 1, month: 2, year: 2023, leap: false });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: false })).toBe('2025-06-25');
  });

  it('throws RangeError on a lunar date that does not exist', () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2026, leap: true })).toThrow(RangeError); // 2026 has no leap month
    expect(() => lunarToSolar({ day: 0, month: 1, year: 2026, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 31, month: 1, year: 2026, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2026, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1.5, month: 1, year: 2026, leap: false })).toThrow(RangeError);
    // The 12th month of lunar 2025 has 29 days (Tết 2026 follows its 29th).
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toThrow(RangeError);
    expect(lunarToSolar({ day: 29, month: 12, year: 2025, leap: false })).toBe('2026-02-16');
  });

  it('is a bijection with consecutive lunar days over 1900–2100', () => {
    let previous = solarToLunar('1899-12-31');
    let monthLength = 0;
    for (let n = toDayNumber('1900-01-01'), last = toDayNumber('2100-12-31'); n <= last; n++) {
      const date = fromDayNumber(n);
      const lunar = solarToLunar(date);
      if (lunarToSolar(lunar) !== date) throw new Error(`${date} → ${JSON.stringify(lunar)} → ${lunarToSolar(lunar)}`);
      if (lunar.day === 1) {
        // A new month: the previous one had 29 or 30 days, and the numbering moves on (or repeats as leap).
        if (monthLength !== 0 && (previous.day < 29 || previous.day > 30)) throw new Error(`month of ${previous.day} days before ${date}`);
        const expectedMonth = lunar.leap ? previous.month : (previous.month % 12) + 1;
        if (lunar.month !== expectedMonth) throw new Error(`month ${lunar.month} after ${previous.month} at ${date}`);
        if (lunar.year !== previous.year + (lunar.month === 1 && !lunar.leap ? 1 : 0)) throw new Error(`year at ${date}`);
        monthLength = 1;
      } else {
        if (lunar.day !== previous.day + 1 || lunar.month !== previous.month || lunar.leap !== previous.leap)
          throw new Error(`jump at ${date}`);
        monthLength++;
      }
      previous = lunar;
    }
  });

  it('lunarToSolar then solarToLunar is the identity on valid lunar dates (property)', () => {
    const lunarArb = fc.record({
      year: fc.integer({ min: 1900, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 30 }),
      leap: fc.boolean(),
    });
    fc.assert(
      fc.property(lunarArb, (l) => {
        let solar: string;
        try {
          solar = lunarToSolar(l);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          // Only a missing leap month or a 30th day of a 29-day month is refused.
          expect(l.leap || l.day === 30).toBe(true);
          if (!l.leap) expect(lunarToSolar({ ...l, day: 29 })).toMatch(/^\d{4}-/);
          return;
        }
        expect(solarToLunar(solar)).toEqual(l);
        expect(solarToLunar(addDays(solar, 1)).day === l.day + 1 || solarToLunar(addDays(solar, 1)).day === 1).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

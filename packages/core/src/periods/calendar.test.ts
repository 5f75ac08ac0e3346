import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, validateAdjustments } from './calendar.ts';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from './dates.ts';
import { compensatoryDays, lawHolidays, statutoryHolidays } from './holidays.ts';
import type { CalendarAdjustment } from './types.ts';

const brief = (list: { date: string; name: string; source: string }[]) => list.map((h) => `${h.date} ${h.source} ${h.name}`);

describe('Labour Code holidays', () => {
  it('lists the 2026 law holidays', () => {
    expect(brief(lawHolidays(2026))).toEqual([
      '2026-01-01 law Tết Dương lịch',
      '2026-02-16 law Tết Nguyên đán',
      '2026-02-17 law Tết Nguyên đán',
      '2026-02-18 law Tết Nguyên đán',
      '2026-02-19 law Tết Nguyên đán',
      '2026-02-20 law Tết Nguyên đán',
      '2026-04-26 law Giỗ Tổ Hùng Vương',
      '2026-04-27 compensatory Nghỉ bù Giỗ Tổ Hùng Vương', // 26/04/2026 is a Sunday
      '2026-04-30 law Ngày Chiến thắng',
      '2026-05-01 law Ngày Quốc tế lao động',
      '2026-09-01 law Quốc khánh',
      '2026-09-02 law Quốc khánh',
    ]);
    expect(dayOfWeek('2026-04-26')).toBe(0);
  });

  it('gives a holiday on a Saturday its day off on the next Monday', () => {
    expect(dayOfWeek('2027-05-01')).toBe(6);
    const holidays = lawHolidays(2027);
    expect(holidays).toContainEqual({ date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế lao động', source: 'compensatory' });
    expect(holidays.filter((h) => h.source === 'compensatory')).toHaveLength(
      statutoryHolidays(2027).filter((h) => [0, 6].includes(dayOfWeek(h.date))).length,
    );
  });

  it('gives weekend Tết days consecutive compensatory days after the holidays', () => {
    // Tết 2024: 09/02 (Fri) to 13/02 (Tue); 10/02 and 11/02 are Saturday and Sunday.
    const comp = lawHolidays(2024).filter((h) => h.source === 'compensatory' && h.date < '2024-03-01');
    expect(brief(comp)).toEqual(['2024-02-14 compensatory Nghỉ bù Tết Nguyên đán', '2024-02-15 compensatory Nghỉ bù Tết Nguyên đán']);
  });

  it('places a compensatory day after the other holiday it is next to', () => {
    // 01/09/2024 was a Sunday and 02/09/2024 a Monday holiday: the day off moves to Tuesday 03/09.
    expect(lawHolidays(2024)).toContainEqual({ date: '2024-09-03', name: 'Nghỉ bù Quốc khánh', source: 'compensatory' });
  });

  it('skips other days off when placing a compensatory day', () => {
    const comp = compensatoryDays([{ date: '2026-11-21', name: 'X', source: 'law' }], new Set(['2026-11-23']));
    expect(comp).toEqual([{ date: '2026-11-24', name: 'Nghỉ bù X', source: 'compensatory' }]);
  });
});

describe('working calendar', () => {
  const calendar = createWorkingCalendar();

  it('treats weekends, holidays and compensatory days as days off', () => {
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-02-18')).toBe(false); // Tết
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // compensatory
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
    expect(calendar.holidayOf('2026-09-02')).toEqual({ date: '2026-09-02', name: 'Quốc khánh', source: 'law' });
    expect(calendar.holidayOf('2026-11-21')).toBeNull();
    expect(calendar.holidaysOf(2026)).toHaveLength(12);
  });

  it('applies announced holidays and working days', () => {
    const adjusted = createWorkingCalendar([
      { date: '2026-09-01', kind: 'working_day', name: 'Nghỉ Quốc khánh chuyển sang 03/09' },
      { date: '2026-09-03', kind: 'holiday', name: 'Quốc khánh (theo thông báo)' },
      { date: '2026-02-21', kind: 'working_day', name: 'Làm bù Tết' },
      { date: '2026-02-23', kind: 'holiday', name: 'Nghỉ Tết (hoán đổi)' },
    ]);
    expect(adjusted.isWorkingDay('2026-09-01')).toBe(true);
    expect(adjusted.isWorkingDay('2026-09-03')).toBe(false);
    expect(adjusted.holidayOf('2026-09-01')).toBeNull();
    expect(adjusted.holidayOf('2026-09-03')).toEqual({ date: '2026-09-03', name: 'Quốc khánh (theo thông báo)', source: 'announced' });
    expect(adjusted.isWorkingDay('2026-02-21')).toBe(true); // a Saturday worked
    expect(adjusted.isWorkingDay('2026-02-23')).toBe(false);
    expect(adjusted.workingWeekendsOf(2026)).toEqual(['2026-02-21']);
    expect(adjusted.workingWeekendsOf(2025)).toEqual([]);
    const days = adjusted.holidaysOf(2026).map((h) => h.date);
    expect(days).toContain('2026-09-03');
    expect(days).toContain('2026-02-23');
    expect(days).not.toContain('2026-09-01');
    expect(days).toEqual([...days].sort());
    // The unadjusted calendar is not affected.
    expect(calendar.isWorkingDay('2026-09-03')).toBe(true);
  });

  it('cancels a compensatory day with a working_day adjustment', () => {
    const adjusted = createWorkingCalendar([{ date: '2026-04-27', kind: 'working_day', name: 'Đi làm' }]);
    expect(adjusted.isWorkingDay('2026-04-27')).toBe(true);
    expect(adjusted.holidaysOf(2026).map((h) => h.source)).not.toContain('compensatory');
  });

  it('adds working days over weekends and Tết', () => {
    expect(calendar.addWorkingDays('2026-12-14', 2)).toBe('2026-12-16');
    expect(calendar.addWorkingDays('2026-12-18', 1)).toBe('2026-12-21'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23'); // over Tết
    expect(calendar.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-21', 0)).toBe('2026-02-21');
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // over 01/01/2027 and the weekend
    expect(calendar.nextWorkingDayOnOrAfter('2026-02-14')).toBe('2026-02-23');
    expect(calendar.nextWorkingDayOnOrAfter('2026-02-23')).toBe('2026-02-23');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(calendar.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });

  it('counts 2026 working days', () => {
    let count = 0;
    for (let n = toDayNumber('2026-01-01'); n <= toDayNumber('2026-12-31'); n++) if (calendar.isWorkingDay(fromDayNumber(n))) count++;
    // 261 weekdays (52 weeks + Thursday 31/12) − 11 weekday days off: 01/01, Tết × 5, 27/04 (Nghỉ bù), 30/04, 01/05, 01/09, 02/09.
    expect(count).toBe(261 - 11);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
  });

  const adjustmentsArb = fc.uniqueArray(
    fc.record({
      date: fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber),
      kind: fc.constantFrom<CalendarAdjustment['kind']>('holiday', 'working_day'),
      name: fc.constant('Điều chỉnh'),
    }),
    { selector: (a) => a.date, maxLength: 30 },
  );

  it('addWorkingDays lands on a working day n working days later (property)', () => {
    fc.assert(
      fc.property(
        adjustmentsArb,
        fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-06-30') }).map(fromDayNumber),
        fc.integer({ min: 1, max: 120 }),
        (adjustments, d, n) => {
          const cal = createWorkingCalendar(adjustments);
          const result = cal.addWorkingDays(d, n);
          expect(cal.isWorkingDay(result)).toBe(true);
          expect(result > d).toBe(true);
          expect(cal.workingDaysBetween(d, result)).toBe(n);
          expect(cal.workingDaysBetween(d, addDays(result, -1))).toBe(n - 1);
          const next = cal.nextWorkingDayOnOrAfter(d);
          expect(cal.isWorkingDay(next)).toBe(true);
          expect(cal.workingDaysBetween(addDays(d, -1), addDays(next, -1))).toBe(0);
          for (const a of adjustments) expect(cal.isWorkingDay(a.date)).toBe(a.kind === 'working_day');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is fast enough for thousands of deadline computations', () => {
    const cal = createWorkingCalendar();
    const started = performance.now();
    let d = '2020-01-01';
    for (let i = 0; i < 5000; i++) {
      cal.addWorkingDays(d, 10);
      d = addDays(d, 1);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('validateAdjustments', () => {
  it('accepts a clean list', () => {
    expect(
      validateAdjustments([
        { date: '2026-09-03', kind: 'holiday', name: 'Quốc khánh' },
        { date: '2026-02-21', kind: 'working_day', name: 'Làm bù' },
      ]),
    ).toEqual([]);
  });

  it('reports invalid dates, duplicates, empty names and unknown kinds in Vietnamese', () => {
    expect(
      validateAdjustments([
        { date: '2026-02-30', kind: 'holiday', name: 'Sai' },
        { date: '30/02/2026', kind: 'holiday', name: 'Sai định dạng' },
        { date: '2026-09-03', kind: 'holiday', name: 'Quốc khánh' },
        { date: '2026-09-03', kind: 'working_day', name: 'Trùng' },
        { date: '2026-09-04', kind: 'holiday', name: '  ' },
        { date: '2026-09-05', kind: 'nghi', name: 'Loại lạ' },
      ]),
    ).toEqual([
      { index: 0, message: 'Ngày 30/02/2026 không tồn tại.' },
      { index: 1, message: 'Ngày "30/02/2026" không đúng định dạng ngày.' },
      { index: 3, message: 'Ngày 03/09/2026 bị trùng với dòng 3.' },
      { index: 4, message: 'Ngày 04/09/2026: chưa nhập tên ngày nghỉ hoặc ngày làm việc.' },
      { index: 5, message: 'Loại ngày "nghi" không hợp lệ (chỉ nhận ngày nghỉ hoặc ngày làm việc).' },
    ]);
  });
});

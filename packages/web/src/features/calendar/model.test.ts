import { describe, expect, it } from 'vitest';
import { classifyDays, daysInMonth, monthWeeks, weekdayOf } from './model.ts';

describe('monthWeeks', () => {
  it('starts weeks on Monday: 1/1/2026 is a Thursday, so three blanks lead', () => {
    const weeks = monthWeeks(2026, 1);
    expect(weeks[0]).toEqual([null, null, null, '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('handles leap February (2028: 29 days) and a month starting on Monday (June 2026)', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(monthWeeks(2026, 6)[0]![0]).toBe('2026-06-01');
  });
});

describe('classifyDays', () => {
  const info = classifyDays({
    holidays: [
      { date: '2026-02-17', name: 'Tết Nguyên đán', source: 'law' },
      { date: '2026-02-17', name: 'Mùng 1 Tết', source: 'announced' },
      { date: '2026-05-01', name: 'Quốc tế Lao động', source: 'law' },
    ],
    workingWeekends: ['2026-02-07'],
  });

  it('marks holidays with every name and source, once each', () => {
    expect(info('2026-02-17')).toEqual({ kind: 'holiday', names: ['Tết Nguyên đán', 'Mùng 1 Tết'], sources: ['law', 'announced'] });
  });

  it('marks a Saturday worked, other weekends, and ordinary working days', () => {
    expect(weekdayOf('2026-02-07')).toBe(6);
    expect(info('2026-02-07').kind).toBe('working_weekend');
    expect(info('2026-02-08').kind).toBe('weekend');
    expect(info('2026-02-09').kind).toBe('working');
  });
});

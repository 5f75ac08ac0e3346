import { describe, expect, it } from 'vitest';
import { addDaysIso, formatDeadline, formatLocalDeadline, formatWindow, progressPercent, progressText, vnDateTimeOf } from './format.ts';

describe('formats', () => {
  it('shows an instant in Vietnam time, HH:mm dd/mm/yyyy (10:00 UTC = 17:00 UTC+7)', () => {
    expect(formatDeadline('2026-12-16T10:00:00.000Z')).toBe('17:00 16/12/2026');
    // 20:30 UTC is already the next day in Vietnam.
    expect(formatDeadline('2026-12-31T20:30:00Z')).toBe('03:30 01/01/2027');
    expect(formatDeadline(null)).toBe('—');
    expect(formatDeadline('not a date')).toBe('—');
  });

  it('reads the Vietnam date and time back for the pickers', () => {
    expect(vnDateTimeOf('2026-12-31T20:30:00Z')).toEqual({ date: '2027-01-01', time: '03:30' });
  });

  it('writes windows and local deadlines as civil servants do', () => {
    expect(formatWindow('2026-11-15', '2026-12-14')).toBe('15/11/2026 – 14/12/2026');
    expect(formatLocalDeadline('2026-12-16', '17:00')).toBe('17:00 16/12/2026');
  });

  it('moves calendar dates across month and year ends', () => {
    expect(addDaysIso('2026-12-16', -1)).toBe('2026-12-15');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts sent and accepted as done: 10 sent + 2 accepted of 114 = "12/114 đã gửi", 11%', () => {
    const counts = { sent: 10, accepted: 2, not_started: 100, in_progress: 2 };
    expect(progressText(counts, 114)).toBe('12/114 đã gửi');
    expect(progressPercent(counts, 114)).toBe(11);
    expect(progressPercent({}, 0)).toBe(0);
  });
});

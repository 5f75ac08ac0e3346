import { describe, expect, it } from 'vitest';
import { timelinessOf } from './timeliness.ts';

const deadlineAt = new Date('2026-12-16T10:00:00Z'); // 17:00 16/12/2026
const base = { status: 'not_started' as const, deadlineAt, sentAt: null, dueSoonDays: 3 };

describe('timelinessOf', () => {
  it('cancelled wins over everything', () => {
    expect(timelinessOf({ ...base, status: 'cancelled', now: new Date('2027-01-01T00:00:00Z') })).toBe('cancelled');
    expect(timelinessOf({ ...base, status: 'cancelled', sentAt: new Date('2026-12-20T00:00:00Z'), now: deadlineAt })).toBe('cancelled');
  });

  it('a sent report is on time up to the deadline instant, late after', () => {
    expect(timelinessOf({ ...base, status: 'sent', sentAt: deadlineAt, now: new Date('2027-01-01T00:00:00Z') })).toBe('on_time');
    expect(
      timelinessOf({ ...base, status: 'sent', sentAt: new Date(deadlineAt.getTime() + 1000), now: new Date('2027-01-01T00:00:00Z') }),
    ).toBe('late');
    expect(
      timelinessOf({ ...base, status: 'accepted', sentAt: new Date('2026-12-01T00:00:00Z'), now: new Date('2026-12-02T00:00:00Z') }),
    ).toBe('on_time');
  });

  it('unsent: overdue after the deadline, due soon within dueSoonDays × 24 h, else pending', () => {
    expect(timelinessOf({ ...base, now: new Date(deadlineAt.getTime() + 1) })).toBe('overdue');
    expect(timelinessOf({ ...base, now: deadlineAt })).toBe('due_soon');
    expect(timelinessOf({ ...base, now: new Date(deadlineAt.getTime() - 3 * 86_400_000) })).toBe('due_soon');
    expect(timelinessOf({ ...base, now: new Date(deadlineAt.getTime() - 3 * 86_400_000 - 1) })).toBe('pending');
    expect(timelinessOf({ ...base, status: 'in_progress', dueSoonDays: 0, now: new Date(deadlineAt.getTime() - 60_000) })).toBe('pending');
    expect(timelinessOf({ ...base, status: 'returned', now: new Date('2026-12-17T00:00:00Z') })).toBe('overdue');
  });
});

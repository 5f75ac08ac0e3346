import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime.ts';

describe('relativeTime', () => {
  const now = Date.parse('2026-03-16T09:30:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('says "Vừa xong" under a minute, also for a time slightly ahead of the browser clock', () => {
    expect(relativeTime(ago(0), now)).toBe('Vừa xong');
    expect(relativeTime(ago(59_999), now)).toBe('Vừa xong');
    expect(relativeTime(ago(-5_000), now)).toBe('Vừa xong');
  });

  it('counts whole minutes, then whole hours', () => {
    expect(relativeTime(ago(60_000), now)).toBe('1 phút trước');
    expect(relativeTime(ago(5 * 60_000 + 59_000), now)).toBe('5 phút trước');
    expect(relativeTime(ago(59 * 60_000), now)).toBe('59 phút trước');
    expect(relativeTime(ago(60 * 60_000), now)).toBe('1 giờ trước');
    expect(relativeTime(ago(23 * 3_600_000 + 59 * 60_000), now)).toBe('23 giờ trước');
  });

  it('shows dd/mm/yyyy HH:mm in Vietnam time from a day on', () => {
    // 2026-03-15T02:05Z is 09:05 on 15/03/2026 in Hà Nội (UTC+7).
    expect(relativeTime('2026-03-15T02:05:00Z', now)).toBe('15/03/2026 09:05');
    expect(relativeTime('2025-12-31T17:00:00Z', now)).toBe('01/01/2026 00:00');
  });
});

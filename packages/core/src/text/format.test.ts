import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatIsoDate, formatNumber, todayInVietnam } from './format.ts';

describe('display formats', () => {
  it('shows dates as dd/mm/yyyy in Vietnam time (UTC+7), whatever the machine’s zone', () => {
    // 17:30 UTC on 31 December is already 00:30 on 1 January in Hà Nội.
    expect(formatDate('2025-12-31T17:30:00Z')).toBe('01/01/2026');
    expect(formatDateTime('2025-12-31T17:30:05Z')).toBe('01/01/2026 00:30:05');
    expect(todayInVietnam(new Date('2026-11-22T18:00:00Z'))).toBe('2026-11-23');
  });

  it('shows calendar dates without shifting them', () => {
    expect(formatIsoDate('2025-07-01')).toBe('01/07/2025');
  });

  it('uses the Vietnamese number format', () => {
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
  });
});

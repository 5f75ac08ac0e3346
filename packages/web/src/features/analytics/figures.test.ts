import { describe, expect, it } from 'vitest';
import { formatChange, formatDuration, formatRounded, formatMonth, formatRate, progressPercent, targetLabel } from './figures.ts';

describe('formatRounded', () => {
  it('groups thousands with dots and uses a decimal comma: 1234567.5 → "1.234.567,5"', () => {
    expect(formatRounded('1234567.5')).toBe('1.234.567,5');
    expect(formatRounded('1200')).toBe('1.200');
    expect(formatRounded('-2500.25')).toBe('-2.500,25');
  });

  it('rounds half up to two places and drops trailing zeros: 3.14159 → "3,14", 2.005 → "2,01", 7.10 → "7,1", 7.001 → "7"', () => {
    expect(formatRounded('3.14159')).toBe('3,14');
    expect(formatRounded('2.005')).toBe('2,01');
    expect(formatRounded('7.10')).toBe('7,1');
    expect(formatRounded('7.001')).toBe('7');
  });

  it('keeps digits beyond a float: 12345678901234567.89 stays exact', () => {
    expect(formatRounded('12345678901234567.89')).toBe('12.345.678.901.234.567,89');
  });

  it('shows "–" for no figure or a text that is not a decimal', () => {
    expect(formatRounded(null)).toBe('–');
    expect(formatRounded(undefined)).toBe('–');
    expect(formatRounded('abc')).toBe('–');
  });
});

describe('rates and changes', () => {
  it('writes a percent with one decimal: "87.5" → "87,5%", "100.0" → "100%", null → "–"', () => {
    expect(formatRate('87.5')).toBe('87,5%');
    expect(formatRate('100.0')).toBe('100%');
    expect(formatRate('66.66')).toBe('66,7%');
    expect(formatRate(null)).toBe('–');
  });

  it('keeps a progress bar within 0–100: "112.4" → 100, "-5" → 0, "87.5" → 87.5', () => {
    expect(progressPercent('112.4')).toBe(100);
    expect(progressPercent('-5')).toBe(0);
    expect(progressPercent('87.5')).toBe(87.5);
    expect(progressPercent(null)).toBe(0);
  });

  it('draws a rise as ▲, a fall as ▼ with its size, no change as "= 0%"', () => {
    expect(formatChange('12.5')).toEqual({ direction: 'up', text: '▲ 12,5%' });
    expect(formatChange('-3.2')).toEqual({ direction: 'down', text: '▼ 3,2%' });
    expect(formatChange('0.0')).toEqual({ direction: 'flat', text: '= 0%' });
    expect(formatChange(null)).toBeNull();
  });

  it('says how much of the plan is reached: "87.5" → "Đạt 87,5% kế hoạch"', () => {
    expect(targetLabel('87.5')).toBe('Đạt 87,5% kế hoạch');
    expect(targetLabel('112.0')).toBe('Đạt 112% kế hoạch');
    expect(targetLabel('75.2', 'year_to_date')).toBe('Lũy kế năm đạt 75,2% kế hoạch năm');
    expect(targetLabel(null)).toBeNull();
  });
});

describe('durations and months', () => {
  it('writes an average lateness: 45 → "45 phút", 150 → "2 giờ 30 phút", 1620 (1 day 3 h) → "1 ngày 3 giờ"', () => {
    expect(formatDuration(45)).toBe('45 phút');
    expect(formatDuration(150)).toBe('2 giờ 30 phút');
    expect(formatDuration(1620)).toBe('1 ngày 3 giờ');
    expect(formatDuration(1440)).toBe('1 ngày');
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(0)).toBe('dưới 1 phút');
  });

  it('writes a month "2026-10" as "10/2026"', () => {
    expect(formatMonth('2026-10')).toBe('10/2026');
    expect(formatMonth(null)).toBe('–');
  });
});

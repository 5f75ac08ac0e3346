import { describe, expect, it } from 'vitest';
import { percentChange, percentOf } from './kpi.ts';

describe('percentChange', () => {
  it('(110 − 100) / 100 × 100 = 10,0 → "10.0"; (90 − 100) / 100 × 100 = −10,0 → "-10.0"', () => {
    expect(percentChange('110', '100')).toBe('10.0');
    expect(percentChange('90', '100')).toBe('-10.0');
  });

  it('a zero or missing base has no change (null); a missing current figure neither', () => {
    expect(percentChange('5', '0')).toBeNull();
    expect(percentChange('5', '0.000')).toBeNull();
    expect(percentChange('5', null)).toBeNull();
    expect(percentChange(null, '5')).toBeNull();
  });

  it('a negative base uses |base|: (−50 − (−100)) / 100 × 100 = +50,0; (−150 − (−100)) / 100 × 100 = −50,0', () => {
    expect(percentChange('-50', '-100')).toBe('50.0');
    expect(percentChange('-150', '-100')).toBe('-50.0');
  });

  it('one decimal, half away from zero: 1 / 3 → 33,333… → "33.3"; 2 / 3 → "66.7"; 100,05 vs 100 → 0,05 → "0.1"; 99,95 → "-0.1"', () => {
    expect(percentChange('4', '3')).toBe('33.3');
    expect(percentChange('5', '3')).toBe('66.7');
    expect(percentChange('100.05', '100')).toBe('0.1');
    expect(percentChange('99.95', '100')).toBe('-0.1');
  });

  it('exact decimals, no float error: (0,3 − 0,1) / 0,1 × 100 = 200,0; a tiny fall of 0,04 % reads "0.0", never "-0.0"', () => {
    expect(percentChange('0.3', '0.1')).toBe('200.0');
    expect(percentChange('99.96', '100')).toBe('0.0');
  });
});

describe('percentOf', () => {
  it('value / target × 100: 45 / 60 = 75,0 %; 61,5 / 60 = 102,5 %; 1 / 3 = 33,3 %', () => {
    expect(percentOf('45', '60')).toBe('75.0');
    expect(percentOf('61.5', '60')).toBe('102.5');
    expect(percentOf('1', '3')).toBe('33.3');
  });

  it('a zero or missing target, or a missing value, gives null', () => {
    expect(percentOf('45', '0')).toBeNull();
    expect(percentOf('45', null)).toBeNull();
    expect(percentOf(null, '60')).toBeNull();
  });

  it('text that is not a plain decimal ("1.234,5") is not read as a number: null', () => {
    expect(percentOf('1.234,5', '100')).toBeNull();
  });
});

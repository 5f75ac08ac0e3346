import { describe, expect, it } from 'vitest';
import type { ConstraintViolation } from '@baocao/core';
import { hasExplanation, unexplainedWarnings, violationKey } from './violations.ts';

const warning = (over: Partial<ConstraintViolation>): ConstraintViolation => ({
  constraintId: 'lk-khong-vuot',
  severity: 'warning',
  message: 'Lũy kế vượt hai lần dự toán.',
  ...over,
});

describe('violation keys and explanations', () => {
  it('names a violation by its constraint and cell, or row/column, or nothing for the whole form', () => {
    expect(violationKey(warning({ cell: 'THU:LK', row: 'THU', col: 'LK' }))).toBe('lk-khong-vuot|THU:LK');
    expect(violationKey(warning({ row: 'THU' }))).toBe('lk-khong-vuot|THU');
    expect(violationKey(warning({ constraintId: 'tong' }))).toBe('tong|');
  });

  it('lists the warnings still lacking an explanation; blank text does not count and errors are not explained', () => {
    const a = warning({ cell: 'A:LK' });
    const b = warning({ cell: 'B:LK' });
    const c = warning({ cell: 'C:LK' });
    const error = warning({ cell: 'D:LK', severity: 'error' });
    const explanations = { 'lk-khong-vuot|A:LK': 'Thu tiền sử dụng đất đột biến.', 'lk-khong-vuot|B:LK': '   ' };
    expect(unexplainedWarnings([a, b, c, error], explanations)).toEqual([b, c]);
    expect(hasExplanation(a, explanations)).toBe(true);
    expect(unexplainedWarnings([a], undefined)).toEqual([a]);
  });
});

import { describe, expect, it } from 'vitest';
import { defineForm, type ReportFormRef } from '@baocao/core';
import { formValueReader, type EvaluationCache } from './liveValues.ts';

const form = defineForm({
  name: 'Thu ngân sách xã',
  code: '01/NS-XA',
  rows: [
    {
      id: 'r1',
      code: 'THU',
      name: 'Tổng thu',
      kind: 'computed',
      formula: 'SUM(CHILDREN)',
      children: [
        { id: 'r2', code: 'THUE', name: 'Thu thuế', kind: 'input' },
        { id: 'r3', code: 'PHI', name: 'Phí, lệ phí', kind: 'input' },
      ],
    },
  ],
  columns: [
    { code: 'KN', name: 'Kỳ này', type: 'number' },
    { code: 'KT', name: 'Kỳ trước', type: 'number', kind: 'computed', formula: 'PREV(KN)' },
    { code: 'DK', name: 'Đã kiểm tra', type: 'boolean' },
  ],
});

const ref: ReportFormRef = {
  formId: '00000000-0000-4000-8000-00000000000f',
  versionId: '00000000-0000-4000-8000-0000000000a1',
  code: '01/NS-XA',
  name: form.name,
  kind: 'table',
  definition: form as unknown as Record<string, unknown>,
};
const periods = { [ref.formId]: { PREV: { 'THU:KN': '900', 'THUE:KN': '600' }, SAMEPERIOD_LASTYEAR: {}, YTD: {} } };
const dataWith = (values: Record<string, string | boolean | null>) => ({
  forms: { [ref.versionId]: { values, notes: {}, explanations: {} } },
});

describe('formValueReader', () => {
  it('reads computed cells: THU = THUE(1234.5) + PHI(100) = 1334.5; KT = PREV(KN) of last period', () => {
    const read = formValueReader([ref], dataWith({ 'THUE:KN': '1234.5', 'PHI:KN': '100' }), periods, new Map());
    expect(read('01/NS-XA', 'THU', 'KN')).toBe('1334.5');
    expect(read('01/NS-XA', 'THUE', 'KN')).toBe('1234.5');
    expect(read('01/NS-XA', 'THU', 'KT')).toBe('900');
    expect(read('01/NS-XA', 'PHI', 'KT')).toBeNull();
  });

  it('answers null for an unknown form or cell, and Có/Không for a boolean', () => {
    const read = formValueReader([ref], dataWith({ 'THUE:DK': true }), periods, new Map());
    expect(read('XX', 'THU', 'KN')).toBeNull();
    expect(read('01/NS-XA', 'NOPE', 'KN')).toBeNull();
    expect(read('01/NS-XA', 'THUE', 'DK')).toBe('Có');
  });

  it('evaluates a form again only when its values changed', () => {
    const cache: EvaluationCache = new Map();
    formValueReader([ref], dataWith({ 'THUE:KN': '1' }), periods, cache)('01/NS-XA', 'THU', 'KN');
    const first = cache.get(ref.versionId)!.evaluated;
    // Equal values in a new object: the evaluation is kept.
    expect(formValueReader([ref], dataWith({ 'THUE:KN': '1' }), periods, cache)('01/NS-XA', 'THU', 'KN')).toBe('1');
    expect(cache.get(ref.versionId)!.evaluated).toBe(first);
    expect(formValueReader([ref], dataWith({ 'THUE:KN': '2' }), periods, cache)('01/NS-XA', 'THU', 'KN')).toBe('2');
    expect(cache.get(ref.versionId)!.evaluated).not.toBe(first);
  });
});

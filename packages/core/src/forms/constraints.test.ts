import { describe, expect, it } from 'vitest';
import { checkConstraints } from './constraints.ts';
import { createEvaluator } from './formula/evaluator.ts';
import { defineForm } from './model.ts';

const form = defineForm({
  name: 'Biểu lao động',
  code: '03/BC',
  rows: [
    {
      id: '1',
      code: 'R01',
      name: 'Tổng số lao động',
      kind: 'input',
      checks: ['parent_ge_children'],
      children: [
        { id: '2', code: 'R02', name: 'Nam', kind: 'input' },
        { id: '3', code: 'R03', name: 'Nữ', kind: 'input' },
      ],
    },
    {
      id: '4',
      code: 'R04',
      name: 'Tổng thu nhập',
      kind: 'input',
      checks: ['equals_children'],
      children: [{ id: '5', code: 'R05', name: 'Lương', kind: 'input' }],
    },
  ],
  columns: [
    { code: 'C1', name: 'Số người', type: 'integer', checks: ['required', 'non_negative', 'integer'] },
    { code: 'C2', name: 'Ghi chú', type: 'text' },
  ],
  constraints: [
    {
      id: 'total',
      expression: '[R01:C1] <= 1000',
      message: 'Tổng số lao động vượt 1.000 người, hãy kiểm tra lại.',
      severity: 'warning',
      scope: { kind: 'form' },
    },
    { id: 'nu', expression: 'R03 <= R01', message: 'Số nữ lớn hơn tổng số.', scope: { kind: 'row', row: 'R03' } },
  ],
});

const run = (inputs: [string, unknown][]) => {
  const { values } = createEvaluator(form).evaluateAll(inputs as never);
  return checkConstraints(form, values).map((v) => `${v.constraintId} ${v.cell ?? '-'} ${v.severity}: ${v.message}`);
};

describe('checkConstraints', () => {
  it('all good → no violations', () => {
    expect(
      run([
        ['R01:C1', 10],
        ['R02:C1', 6],
        ['R03:C1', 4],
        ['R04:C1', 5],
        ['R05:C1', 5],
      ]),
    ).toEqual([]);
  });

  it('built-ins: parent ≥ children (10 < 6 + 7 = 13), equals children, required, non-negative, integer', () => {
    expect(
      run([
        ['R01:C1', 10],
        ['R02:C1', 6],
        ['R03:C1', 7],
        ['R04:C1', 5],
        ['R05:C1', -1.5],
      ]),
    ).toEqual([
      'builtin:parent_ge_children R01:C1 error: "Tổng số lao động" – cột "Số người" (10) nhỏ hơn tổng các chỉ tiêu con (13).',
      'builtin:equals_children R04:C1 error: "Tổng thu nhập" – cột "Số người" (5) khác tổng các chỉ tiêu con (-1,5).',
      'builtin:non_negative R05:C1 error: "Lương" – cột "Số người" không được là số âm.',
      'builtin:integer R05:C1 error: "Lương" – cột "Số người" phải là số nguyên.',
    ]);
    expect(
      run([
        ['R01:C1', 10],
        ['R02:C1', 6],
        ['R03:C1', 4],
        ['R04:C1', 5],
      ]),
    ).toEqual([
      'builtin:equals_children R04:C1 error: "Tổng thu nhập" – cột "Số người" (5) khác tổng các chỉ tiêu con (0).',
      'builtin:required R05:C1 error: Chưa nhập "Lương" – cột "Số người" (bắt buộc).',
    ]);
  });

  it('expression constraints: row scope checks each numeric column, form scope once', () => {
    expect(
      run([
        ['R01:C1', 1200],
        ['R02:C1', 0],
        ['R03:C1', 1300],
        ['R04:C1', 5],
        ['R05:C1', 5],
        ['R03:C2', 'ghi chú'],
      ]),
    ).toEqual([
      'total - warning: Tổng số lao động vượt 1.000 người, hãy kiểm tra lại.',
      'nu R03:C1 error: Số nữ lớn hơn tổng số.',
      'builtin:parent_ge_children R01:C1 error: "Tổng số lao động" – cột "Số người" (1.200) nhỏ hơn tổng các chỉ tiêu con (1.300).',
    ]);
  });

  it('a constraint that cannot be evaluated is a warning, not a silent pass', () => {
    const broken = {
      ...form,
      constraints: [{ id: 'x', expression: '[R01:C2] > 1', message: 'M', severity: 'error' as const, scope: { kind: 'form' as const } }],
    };
    const { values } = createEvaluator(broken).evaluateAll([['R01:C2', 'chữ']]);
    expect(checkConstraints(broken, values).filter((v) => v.constraintId === 'x')).toEqual([
      { constraintId: 'x', severity: 'warning', message: 'Không kiểm tra được ràng buộc "M": Không thể so sánh văn bản với số.' },
    ]);
  });
});

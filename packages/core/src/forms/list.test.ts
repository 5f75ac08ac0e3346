import { describe, expect, it } from 'vitest';
import { checkConstraints } from './constraints.ts';
import { createEvaluator } from './formula/evaluator.ts';
import { valueToString } from './formula/values.ts';
import { defineListForm, LIST_RECORD_ROW, listAsTableForm, validateListForm, type ListFormInput } from './list.ts';

/** Danh sách dự án đầu tư công, as a Sở Kế hoạch và Đầu tư would ask the communes for it. */
const projects: ListFormInput = {
  name: 'Danh sách dự án đầu tư công trên địa bàn',
  code: '03/DS-SKHĐT',
  columns: [
    { code: 'TEN', name: 'Tên dự án', checks: ['required'], maxLength: 500 },
    { code: 'MA_DA', name: 'Mã dự án', checks: ['required', 'unique'] },
    { code: 'NHOM', name: 'Nhóm dự án', type: 'catalog', catalogCode: 'NHOM_DU_AN' },
    {
      kind: 'group',
      name: 'Tổng mức đầu tư',
      children: [
        { code: 'NSTW', name: 'Ngân sách trung ương', type: 'number', unit: 'Triệu đồng', checks: ['non_negative'] },
        { code: 'NSDP', name: 'Ngân sách địa phương', type: 'number', unit: 'Triệu đồng', checks: ['non_negative'] },
        { code: 'TONG', name: 'Tổng số', type: 'number', unit: 'Triệu đồng', kind: 'computed', formula: 'NSTW + NSDP' },
      ],
    },
    { code: 'KC', name: 'Ngày khởi công', type: 'date' },
  ],
  totalColumns: ['NSTW', 'NSDP', 'TONG'],
};

describe('list forms', () => {
  it('accepts a well-formed list form, with no problem to publish', () => {
    expect(validateListForm(defineListForm(projects))).toEqual([]);
  });

  it('evaluates one record as a one-row table: TONG = NSTW(1200) + NSDP(800) = 2000, and a negative amount is refused', () => {
    const table = listAsTableForm(defineListForm(projects));
    const evaluator = createEvaluator(table);
    const key = (col: string) => `${LIST_RECORD_ROW}:${col}`;
    const result = evaluator.evaluateAll([
      [key('NSTW'), 1200],
      [key('NSDP'), 800],
    ]);
    expect(valueToString(result.values.get(key('TONG')) ?? null)).toBe('2000');
    const violations = checkConstraints(table, new Map([[key('NSTW'), -5]]));
    expect(violations.map((v) => v.constraintId)).toContain('builtin:non_negative');
  });

  it('reports a catalog column without its catalog, a check that does not fit its type, a total over text, a duplicate code', () => {
    const bad = defineListForm({
      ...projects,
      columns: [
        { code: 'TEN', name: 'Tên dự án', checks: ['non_negative'] },
        { code: 'NHOM', name: 'Nhóm dự án', type: 'catalog' },
        { code: 'TEN', name: 'Tên khác' },
      ],
      totalColumns: ['TEN', 'KHONG_CO'],
    });
    const problems = validateListForm(bad).map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(problems).toEqual([
      'columns.0.checks.0: Cột "Tên dự án" (TEN) không phải cột số nên không kiểm tra được "không âm".',
      'columns.1.catalogCode: Cột "Nhóm dự án" (NHOM) chọn từ danh mục nhưng chưa chọn danh mục.',
      'columns.2.code: Mã cột "TEN" bị trùng.',
      'totalColumns.0: Cột "Tên dự án" (TEN) không phải cột số nên không cộng được.',
      'totalColumns.1: Mã cột không tồn tại: KHONG_CO',
    ]);
  });

  it('reports formula problems at the column of the list form, in terms of column codes', () => {
    const bad = defineListForm({
      ...projects,
      columns: [
        { code: 'A', name: 'A', type: 'number', kind: 'computed', formula: 'B + 1' },
        { code: 'B', name: 'B', type: 'number', kind: 'computed', formula: 'A * 2' },
        { code: 'C', name: 'C', type: 'number', kind: 'computed', formula: 'KHONG_CO' },
      ],
      totalColumns: [],
    });
    const problems = validateListForm(bad);
    expect(problems).toEqual([
      { path: ['columns', 2, 'formula'], message: 'Công thức của cột C: Mã không tồn tại: KHONG_CO', severity: 'error' },
    ]);
    const cycle = validateListForm(defineListForm({ ...bad, columns: bad.columns.slice(0, 2) }));
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.message).toBe('Vòng lặp công thức: [A] → [B] → [A]');
  });
});

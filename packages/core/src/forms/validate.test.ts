import { describe, expect, it } from 'vitest';
import { defineForm, formDefinition, type FormInput } from './model.ts';
import { validateForm } from './validate.ts';

const base = (over: Partial<FormInput>): FormInput => ({
  name: 'Biểu thử',
  code: '02/BC',
  rows: [
    {
      id: '1',
      code: 'R01',
      name: 'Tổng số',
      kind: 'computed',
      formula: 'SUM(CHILDREN)',
      children: [
        { id: '2', code: 'R02', name: 'Nam', kind: 'input' },
        { id: '3', code: 'R03', name: 'Nữ', kind: 'input' },
      ],
    },
  ],
  columns: [
    { code: 'C1', name: 'Kỳ này' },
    { code: 'C2', name: 'Cùng kỳ' },
    { code: 'C3', name: 'So sánh (%)', kind: 'computed', formula: 'PERCENT(C1, C2)' },
  ],
  ...over,
});
const problems = (over: Partial<FormInput>) =>
  validateForm(defineForm(base(over))).map((p) => `${p.severity} ${p.path.join('.')}: ${p.message}`);

describe('validateForm', () => {
  it('a sound form has no problems', () => {
    expect(problems({})).toEqual([]);
  });

  it('row and column codes share one namespace', () => {
    const rows = [
      { id: '1', code: 'C1', name: 'Dòng C1', kind: 'input' as const },
      { id: '2', code: 'R9', name: 'Dòng', kind: 'input' as const },
    ];
    expect(
      problems({
        rows,
        columns: [
          { code: 'C1', name: 'Cột C1' },
          { code: 'R9', name: 'X' },
          { code: 'R9', name: 'Y' },
        ],
      }),
    ).toEqual([
      'error columns.0.code: Mã "C1" bị trùng: đã dùng cho dòng "Dòng C1".',
      'error columns.1.code: Mã "R9" bị trùng: đã dùng cho dòng "Dòng".',
      'error columns.2.code: Mã "R9" bị trùng: đã dùng cho dòng "Dòng".',
    ]);
  });

  it('formulas that do not parse, with the position', () => {
    expect(problems({ cellFormulas: [{ row: 'R02', col: 'C2', formula: 'C1 * (2' }] })).toEqual([
      'error cellFormulas.0.formula: Công thức của ô [R02:C2]: Lỗi cú pháp ở vị trí 8: thiếu dấu ")"',
    ]);
  });

  it('unknown codes and functions; a row code used as a column', () => {
    const columns = [
      { code: 'C1', name: 'A' },
      { code: 'C2', name: 'B', kind: 'computed' as const, formula: 'C1 + R99 + [C1:R02]' },
    ];
    expect(problems({ columns })).toEqual([
      'error columns.1.formula: Công thức của cột C2: Mã không tồn tại: R99',
      'error columns.1.formula: Công thức của cột C2: "C1" là mã cột, không phải mã dòng.',
      'error columns.1.formula: Công thức của cột C2: "R02" là mã dòng, không phải mã cột.',
    ]);
    expect(problems({ cellFormulas: [{ row: 'R02', col: 'C2', formula: 'SUMM(C1)' }] })).toEqual([
      'error cellFormulas.0.formula: Công thức của ô [R02:C2]: Hàm không tồn tại: SUMM',
    ]);
  });

  it('formulas on input rows and columns; computed ones without a formula', () => {
    const rows = [
      { id: '1', code: 'R01', name: 'Tổng', kind: 'computed' as const },
      { id: '2', code: 'R02', name: 'Nam', kind: 'input' as const, formula: 'R03' },
      { id: '3', code: 'R03', name: 'Phần I', kind: 'header' as const, formula: '1' },
    ];
    expect(problems({ rows, columns: [{ code: 'C1', name: 'A', formula: '1' }] })).toEqual([
      'error rows.0.formula: Dòng "Tổng" (R01) là dòng tính toán nhưng chưa có công thức.',
      'error rows.1.formula: Dòng "Nam" (R02) là dòng nhập liệu nên không có công thức; hãy chọn loại "tính toán".',
      'error rows.2.formula: Dòng "Phần I" (R03) là dòng tiêu đề, không có số liệu nên không có công thức.',
      'error columns.0.formula: Cột "A" (C1) là cột nhập liệu nên không có công thức; hãy chọn loại "tính toán".',
    ]);
  });

  it('cycles name the cells, in order: [R02:C2] → [R03:C2] → [R02:C2]', () => {
    const cellFormulas = [
      { row: 'R02', col: 'C2', formula: 'R03 + 1' },
      { row: 'R03', col: 'C2', formula: 'R02 * 2' },
    ];
    expect(problems({ cellFormulas })).toEqual(['error cellFormulas.0.formula: Vòng lặp công thức: [R02:C2] → [R03:C2] → [R02:C2]']);
  });

  it('a cell reading itself is a cycle too', () => {
    expect(problems({ cellFormulas: [{ row: 'R02', col: 'C1', formula: 'C1 + 1' }] })).toEqual([
      'error cellFormulas.0.formula: Vòng lặp công thức: [R02:C1] → [R02:C1]',
    ]);
  });

  it('per-cell items must point at real cells that have a value; reading a hatched cell is a warning', () => {
    expect(
      problems({
        disabledCells: [
          { row: 'R02', col: 'C2' },
          { row: 'R77', col: 'C1' },
        ],
        cellFormulas: [
          { row: 'R02', col: 'C2', formula: '1' },
          { row: 'R03', col: 'C2', formula: '[R02:C2] + 1' },
        ],
      }),
    ).toEqual([
      'error disabledCells.1: Mã dòng không tồn tại: R77',
      'error cellFormulas.0: Ô [R02:C2] thuộc dòng tiêu đề hoặc bị gạch chéo nên không có công thức.',
      'warning cellFormulas.1.formula: Công thức của ô [R03:C2]: ô [R02:C2] thuộc dòng tiêu đề hoặc bị gạch chéo, luôn để trống.',
    ]);
  });

  it('constraints: duplicate ids, unknown scope, bare codes in a whole-form constraint', () => {
    const c = (
      id: string,
      expression: string,
      scope: FormInput['constraints'] extends (infer T)[] | undefined ? (T extends { scope: infer S } ? S : never) : never,
    ) => ({ id, expression, message: 'Sai', scope });
    expect(
      problems({
        constraints: [
          c('k1', 'C1 >= 0', { kind: 'column', col: 'C1' }),
          c('k1', 'C1 > 0', { kind: 'row', row: 'R99' }),
          c('k2', 'C1 > 0', { kind: 'form' }),
        ],
      }),
    ).toEqual([
      'error constraints.1.id: Mã ràng buộc "k1" bị trùng.',
      'error constraints.1.scope: Mã dòng không tồn tại: R99',
      'error constraints.2.expression: Ràng buộc "k2" (toàn biểu): Mã cột C1 cần dòng và cột hiện tại; ở đây hãy viết dạng [mã dòng:mã cột].',
    ]);
  });

  it('the schema rejects malformed codes with a Vietnamese message', () => {
    const result = formDefinition.safeParse(base({ columns: [{ code: 'C 1', name: 'A' }] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('Mã chỉ gồm chữ, số');
  });
});

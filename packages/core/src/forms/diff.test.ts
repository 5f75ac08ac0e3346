import { describe, expect, it } from 'vitest';
import { diffDefinitions } from './diff.ts';
import { defineListForm } from './list.ts';
import { defineForm, type FormInput } from './model.ts';
import { defineOutline } from './outline.ts';

const v1: FormInput = {
  name: 'Biểu 01: Thu chi ngân sách',
  code: '01/BC-UBND',
  rows: [
    {
      id: 'r1',
      code: 'R1',
      name: 'Thu ngân sách',
      kind: 'computed',
      formula: 'SUM(CHILDREN)',
      children: [
        { id: 'r11', code: 'R11', name: 'Thu nội địa', kind: 'input' },
        { id: 'r12', code: 'R12', name: 'Thu xuất nhập khẩu', kind: 'input' },
      ],
    },
    { id: 'r2', code: 'R2', name: 'Chi ngân sách', kind: 'input' },
  ],
  columns: [
    { code: 'KH', name: 'Kế hoạch năm' },
    { kind: 'group', name: 'Thực hiện', children: [{ code: 'KN', name: 'Kỳ này' }] },
  ],
  disabledCells: [{ row: 'R2', col: 'KH' }],
  constraints: [{ id: 'c1', expression: 'KN <= KH', message: 'Thực hiện vượt kế hoạch.', scope: { kind: 'column', col: 'KN' } }],
};

describe('diffDefinitions', () => {
  it('finds nothing between a definition and itself', () => {
    const d = diffDefinitions('table', defineForm(v1), defineForm(v1));
    expect(d.identical).toBe(true);
  });

  it('names added, removed and changed rows, columns, constraints and cells, with what changed', () => {
    const v2 = defineForm({
      ...v1,
      name: 'Biểu 01: Thu, chi ngân sách',
      rows: [
        {
          ...v1.rows![0]!,
          children: [
            // R11 renamed to R1.1 (same id); R12 removed; a new row added at the end.
            { id: 'r11', code: 'R1.1', name: 'Thu nội địa', kind: 'input', unit: 'Tỷ đồng' },
            { id: 'r13', code: 'R13', name: 'Thu viện trợ', kind: 'input' },
          ],
        },
        { id: 'r2', code: 'R2', name: 'Chi ngân sách', kind: 'input' },
      ],
      columns: [
        { code: 'KH', name: 'Kế hoạch năm' },
        {
          kind: 'group',
          name: 'Thực hiện',
          children: [
            { code: 'KN', name: 'Kỳ này' },
            { code: 'LK', name: 'Lũy kế', kind: 'computed', formula: 'YTD(KN)' },
          ],
        },
      ],
      disabledCells: [],
      cellFormulas: [{ row: 'R2', col: 'KN', formula: 'R1 * 0.9' }],
      constraints: [
        { id: 'c1', expression: 'KN <= KH * 1.1', message: 'Thực hiện vượt kế hoạch quá 10%.', scope: { kind: 'column', col: 'KN' } },
      ],
    });
    const d = diffDefinitions('table', defineForm(v1), v2);
    expect(d.identical).toBe(false);
    expect(d.general).toEqual([
      { field: 'name', label: 'Tên biểu', before: 'Biểu 01: Thu chi ngân sách', after: 'Biểu 01: Thu, chi ngân sách' },
    ]);
    expect(d.rows.added).toEqual([{ key: 'R13', name: 'Thu viện trợ', changes: [] }]);
    expect(d.rows.removed).toEqual([{ key: 'R12', name: 'Thu xuất nhập khẩu', changes: [] }]);
    expect(d.rows.changed).toEqual([
      {
        key: 'R1.1',
        name: 'Thu nội địa',
        changes: [
          { field: 'code', label: 'Mã', before: 'R11', after: 'R1.1' },
          { field: 'unit', label: 'Đơn vị tính', before: null, after: 'Tỷ đồng' },
        ],
      },
    ]);
    expect(d.columns.added.map((c) => c.key)).toEqual(['LK']);
    expect(d.columns.changed).toEqual([]);
    expect(d.constraints.changed[0]!.changes.map((c) => c.field)).toEqual(['expression', 'message']);
    expect(d.cells.removed).toEqual([{ key: 'R2:KH', name: '[R2:KH]', changes: [] }]);
    expect(d.cells.added).toEqual([{ key: 'R2:KN', name: '[R2:KN]', changes: [] }]);
  });

  it('reports a moved row once, with its STT and its new parent, not every row after it', () => {
    const moved = defineForm({
      ...v1,
      rows: [
        { ...v1.rows![0]!, children: [v1.rows![0]!.children![0]!] },
        { id: 'r2', code: 'R2', name: 'Chi ngân sách', kind: 'input' },
        { id: 'r12', code: 'R12', name: 'Thu xuất nhập khẩu', kind: 'input' },
      ],
    });
    const d = diffDefinitions('table', defineForm(v1), moved);
    expect(d.rows.changed).toEqual([
      {
        key: 'R12',
        name: 'Thu xuất nhập khẩu',
        changes: [
          { field: 'parent', label: 'Thuộc', before: 'R1', after: null },
          { field: 'position', label: 'Vị trí', before: 'STT 2', after: 'STT III' },
        ],
      },
    ]);
  });

  it('compares list form columns by code, with their header group', () => {
    const a = defineListForm({
      name: 'DS',
      code: 'DS',
      columns: [
        { code: 'TEN', name: 'Tên' },
        { code: 'SL', name: 'Số lượng', type: 'integer' },
      ],
    });
    const b = defineListForm({
      name: 'DS',
      code: 'DS',
      columns: [
        { code: 'TEN', name: 'Tên' },
        { kind: 'group', name: 'Kết quả', children: [{ code: 'SL', name: 'Số lượng', type: 'number' }] },
      ],
    });
    expect(diffDefinitions('list', a, b).columns.changed).toEqual([
      {
        key: 'SL',
        name: 'Số lượng',
        changes: [
          { field: 'type', label: 'Kiểu dữ liệu', before: 'integer', after: 'number' },
          { field: 'header', label: 'Nhóm tiêu đề', before: null, after: 'Kết quả' },
        ],
      },
    ]);
  });

  it('compares outline sections by id and names them with their number', () => {
    const a = defineOutline({
      name: 'ĐC',
      code: 'ĐC',
      sections: [
        { id: 'a', title: 'Kết quả' },
        { id: 'b', title: 'Hạn chế' },
      ],
    });
    const b = defineOutline({
      name: 'ĐC',
      code: 'ĐC',
      sections: [
        { id: 'a', title: 'Kết quả đạt được', required: true },
        { id: 'c', title: 'Kiến nghị' },
      ],
    });
    const d = diffDefinitions('outline', a, b);
    expect(d.sections.removed).toEqual([{ key: 'b', name: 'II. Hạn chế', changes: [] }]);
    expect(d.sections.added).toEqual([{ key: 'c', name: 'II. Kiến nghị', changes: [] }]);
    expect(d.sections.changed[0]).toMatchObject({ key: 'a', name: 'I. Kết quả đạt được' });
    expect(d.sections.changed[0]!.changes.map((c) => c.field)).toEqual(['title', 'required']);
  });
});

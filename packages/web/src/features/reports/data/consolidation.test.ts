import { describe, expect, it } from 'vitest';
import { defineForm, FormDecimal, type CurrentUser } from '@baocao/core';
import {
  cellLabels,
  consolidatedGridValues,
  consolidatedValues,
  consolidationFormula,
  ignoredReasonLabel,
  isEmptyCellReason,
  receivingUnitOptions,
  ruleLabel,
  type ConsolidatedCellItem,
} from './consolidation.ts';

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const U3 = '00000000-0000-4000-8000-000000000003';
const R = '00000000-0000-4000-8000-0000000000aa';

const contributor = (unitId: string, value: string | null, weight: string | null = null) => ({
  unitId,
  unitName: `Xã ${unitId.slice(-1)}`,
  reportId: R,
  value,
  weight,
});

function cell(
  rule: string,
  value: string | null,
  contributors: ConsolidatedCellItem['contributors'],
  ignored: ConsolidatedCellItem['ignored'] = [],
): ConsolidatedCellItem {
  return { value, rule, contributors, ignored };
}

describe('ruleLabel and ignoredReasonLabel', () => {
  it('names each rule in Vietnamese, the weighted average with its weight', () => {
    expect(ruleLabel('sum')).toBe('Cộng');
    expect(ruleLabel('average')).toBe('Bình quân');
    expect(ruleLabel('weighted_average', 'Dân số')).toBe('Bình quân gia quyền (trọng số: Dân số)');
    expect(ruleLabel('weighted_average')).toBe('Bình quân gia quyền (trọng số: quyền số của từng đơn vị, xem cột Trọng số)');
    expect(ruleLabel('none')).toBe('Không tổng hợp');
    expect(ruleLabel('median')).toBe('median');
  });

  it('explains why a contributor was left out', () => {
    expect(ignoredReasonLabel('empty')).toBe('Ô trống');
    expect(ignoredReasonLabel('zero_weight')).toBe('Quyền số bằng 0');
    expect(ignoredReasonLabel('Báo cáo bị lỗi')).toBe('Báo cáo bị lỗi');
    expect(ignoredReasonLabel('constructor')).toBe('constructor');
  });

  it('knows an empty cell by code or by the label the server sends', () => {
    expect(isEmptyCellReason('empty')).toBe(true);
    expect(isEmptyCellReason('Ô trống')).toBe(true);
    expect(isEmptyCellReason('Thiếu quyền số')).toBe(false);
  });
});

describe('consolidationFormula', () => {
  it('sum: 1200 + 3400.5 = 4600.5, the empty unit left out', () => {
    const c = cell(
      'sum',
      '4600.5',
      [contributor(U1, '1200'), contributor(U2, '3400.5'), contributor(U3, null)],
      [{ unitId: U3, unitName: 'Xã 3', reason: 'empty' }],
    );
    expect(consolidationFormula(c)).toBe('1.200 + 3.400,5 = 4.600,5');
  });

  it('average: (10 + 20 + 60) / 3 = 30', () => {
    const c = cell('average', '30', [contributor(U1, '10'), contributor(U2, '20'), contributor(U3, '60')]);
    expect(consolidationFormula(c)).toBe('(10 + 20 + 60) / 3 = 30');
  });

  it('weighted average: (10 × 100 + 20 × 300) / (100 + 300) = 17.5, a unit without weight left out', () => {
    const c = cell(
      'weighted_average',
      '17.5',
      [contributor(U1, '10', '100'), contributor(U2, '20', '300'), contributor(U3, '50', null)],
      [{ unitId: U3, unitName: 'Xã 3', reason: 'no_weight' }],
    );
    expect(consolidationFormula(c)).toBe('(10 × 100 + 20 × 300) / (100 + 300) = 17,5');
  });

  it('many units are summed up in words; min, max, count and none say what they are', () => {
    const many = Array.from({ length: 7 }, (_, i) => contributor(`00000000-0000-4000-8000-00000000001${i}`, '1'));
    expect(consolidationFormula(cell('sum', '7', many))).toBe('Cộng 7 đơn vị = 7');
    expect(consolidationFormula(cell('max', '60', [contributor(U1, '10'), contributor(U2, '60')]))).toBe('Lớn nhất trong 2 giá trị = 60');
    expect(consolidationFormula(cell('count', '2', [contributor(U1, '10'), contributor(U2, '0')]))).toBe('Số đơn vị có số liệu = 2');
    expect(consolidationFormula(cell('none', null, []))).toBe('Chỉ tiêu này không tổng hợp từ đơn vị cấp dưới.');
    expect(consolidationFormula(cell('sum', null, [contributor(U1, null)]))).toBe('Không có đơn vị nào có số liệu: kết quả (trống)');
  });
});

const form = defineForm({
  code: '01/TEST',
  name: 'Biểu thử',
  rows: [
    { id: 'r1', code: 'R1', name: 'Dân số', kind: 'input' },
    { id: 'r2', code: 'R2', name: 'Ghi chú', kind: 'input' },
  ],
  columns: [
    { kind: 'group', name: 'Thực hiện', children: [{ code: 'C1', name: 'Kỳ này', type: 'number' }] },
    { code: 'T', name: 'Ghi chú', type: 'text' },
  ],
});

describe('consolidatedValues and consolidatedGridValues', () => {
  const response = {
    cells: {
      'R1:C1': cell('sum', '1500.25', []),
      'R2:C1': cell('sum', null, []),
      'R1:T': cell('none', null, []),
      'R9:C1': cell('sum', '5', []),
    },
  };

  it('fills every consolidated cell (null empties it) but never a cell that is not consolidated', () => {
    expect(consolidatedValues(response)).toEqual({ 'R1:C1': '1500.25', 'R2:C1': null, 'R9:C1': '5' });
  });

  it('gives the grid decimals for numeric columns and drops empty cells and cells outside the form', () => {
    const values = consolidatedGridValues(form, response);
    expect([...values.keys()]).toEqual(['R1:C1']);
    const v = values.get('R1:C1');
    expect(v).toBeInstanceOf(FormDecimal);
    expect((v as InstanceType<typeof FormDecimal>).toFixed()).toBe('1500.25');
  });

  it('names cells as the server does: "STT – name" and the column under its groups', () => {
    const { rows, cols } = cellLabels(form);
    expect(rows.get('R1')).toMatch(/Dân số$/);
    expect(cols.get('C1')).toBe('Thực hiện / Kỳ này');
    expect(cols.get('T')).toBe('Ghi chú');
  });
});

describe('receivingUnitOptions', () => {
  const a = (receivingUnitId: string, receivingUnitName: string, status: 'sent' | 'cancelled' = 'sent') => ({
    receivingUnitId,
    receivingUnitName,
    status,
  });
  const user = (unitId: string, grantUnits: string[] = []): Pick<CurrentUser, 'unitId' | 'grants'> => ({
    unitId,
    grants: grantUnits.map((u) => ({ id: R, role: 'report_officer' as never, unitId: u, unitName: '', includeSubtree: false })),
  });

  it('lists the receivers the user acts for, own unit first, each once', () => {
    const list = [a(U2, 'Huyện B'), a(U1, 'Tỉnh A'), a(U2, 'Huyện B'), a(U3, 'Huyện C')];
    expect(receivingUnitOptions(list, user(U1, [U2]))).toEqual([
      { unitId: U1, unitName: 'Tỉnh A' },
      { unitId: U2, unitName: 'Huyện B' },
    ]);
  });

  it('falls back to every receiver when none is the user’s, ignoring cancelled assignments', () => {
    const list = [a(U2, 'Huyện B'), a(U3, 'Huyện C', 'cancelled')];
    expect(receivingUnitOptions(list, user(U1))).toEqual([{ unitId: U2, unitName: 'Huyện B' }]);
  });
});

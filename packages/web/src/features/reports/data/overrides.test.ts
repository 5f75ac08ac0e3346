import { describe, expect, it } from 'vitest';
import { defineForm, type ConsolidationResponse } from '@baocao/core';
import { overrideOf, overrideProblems } from './consolidation.ts';

const form = defineForm({
  name: 'Biểu 02: Tổng hợp',
  code: '02/TH',
  sttStyles: ['arabic'],
  rows: [
    { id: 'r1', code: 'DS', name: 'Dân số trung bình', kind: 'input' },
    { id: 'r2', code: 'KHAC', name: 'Số vụ thiên tai', kind: 'input' },
  ],
  columns: [
    { code: 'KN', name: 'Kỳ này' },
    { kind: 'group', name: 'Kế hoạch', children: [{ code: 'KH', name: 'Năm' }] },
  ],
});

const cell = (value: string | null, rule = 'sum') => ({ value, rule, contributors: [], ignored: [] });
const response: Pick<ConsolidationResponse, 'cells'> = {
  cells: { 'DS:KN': cell('30'), 'DS:KH': cell(null), 'KHAC:KN': cell('5'), 'KHAC:KH': cell('1234.5') },
};
const ref = { versionId: 'fv-1', code: '02/TH' };

describe('overrides in the entry tab', () => {
  it('lists a figure typed 35 over a consolidated 30 without a note, named like the server names it', () => {
    const problems = overrideProblems(form, ref, response, { values: { 'DS:KN': '35', 'KHAC:KN': '5.0', 'KHAC:KH': '1234.50' } });
    expect(problems).toEqual([
      {
        kind: 'override_unexplained',
        formVersionId: 'fv-1',
        formCode: '02/TH',
        cell: 'DS:KN',
        message:
          'Dòng "1 – Dân số trung bình", cột "Kỳ này": số tổng hợp từ đơn vị cấp dưới là 30, số của đơn vị là 35 nhưng chưa ghi chú lý do điều chỉnh.',
      },
    ]);
  });

  it('a note takes the cell off the list; so does typing the figure back', () => {
    const values = { 'DS:KN': '35', 'KHAC:KN': '5', 'KHAC:KH': '1234.5' };
    expect(overrideProblems(form, ref, response, { values, notes: { 'DS:KN': 'Thôn mới sáp nhập' } })).toEqual([]);
    expect(overrideProblems(form, ref, response, { values: { ...values, 'DS:KN': '30' } })).toEqual([]);
  });

  it('names a column under its group and an emptied cell as "(trống)"', () => {
    const [problem] = overrideProblems(form, ref, response, { values: { 'DS:KN': '30', 'KHAC:KN': '5' } });
    expect(problem!.message).toBe(
      'Dòng "2 – Số vụ thiên tai", cột "Kế hoạch / Năm": số tổng hợp từ đơn vị cấp dưới là 1.234,5, số của đơn vị là (trống) nhưng chưa ghi chú lý do điều chỉnh.',
    );
  });

  it('nothing to list before the consolidation has loaded', () => {
    expect(overrideProblems(form, ref, undefined, { values: { 'DS:KN': '35' } })).toEqual([]);
  });

  it('tells the drill-down whether its cell is overridden, with the note', () => {
    const data = { values: { 'DS:KN': '35', 'KHAC:KN': '5' }, notes: { 'DS:KN': 'Lý do' } };
    expect(overrideOf(response, data, 'DS:KN')).toEqual({ key: 'DS:KN', consolidated: '30', value: '35', note: 'Lý do' });
    expect(overrideOf(response, data, 'KHAC:KN')).toBeNull();
    expect(overrideOf(response, data, 'DS:KH')).toBeNull();
    expect(overrideOf(response, data, 'NOPE:KN')).toBeNull();
  });
});

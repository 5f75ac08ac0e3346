import { describe, expect, it } from 'vitest';
import { headerRows } from './headers.ts';
import { defineForm, type FormInput } from './model.ts';
import { numberRows, toLetters, toRoman } from './numbering.ts';

const row = (code: string, children: FormInput['rows'] = []) => ({ id: code, code, name: code, kind: 'input' as const, children });
const tree = [row('A', [row('A1', [row('A1a'), row('A1b', [row('x'), row('y')])]), row('A2')]), row('B', [row('B1')])];

describe('STT numbering', () => {
  it('default levels I / 1 / a / - , restarting under each parent', () => {
    const stt = numberRows(defineForm({ name: 'T', code: 'T', rows: tree }));
    expect(Object.fromEntries(stt)).toEqual({ A: 'I', A1: '1', A1a: 'a', A1b: 'b', x: '-', y: '-', A2: '2', B: 'II', B1: '1' });
  });

  it('nested: 1, 1.1, 1.1.1 (deeper levels reuse the last style)', () => {
    const stt = numberRows(defineForm({ name: 'T', code: 'T', sttStyles: ['arabic', 'nested'], rows: tree }));
    expect(Object.fromEntries(stt)).toEqual({
      A: '1',
      A1: '1.1',
      A1a: '1.1.1',
      A1b: '1.1.2',
      x: '1.1.2.1',
      y: '1.1.2.2',
      A2: '1.2',
      B: '2',
      B1: '2.1',
    });
  });

  it('none and dash; nested under a dash restarts plainly', () => {
    const stt = numberRows(defineForm({ name: 'T', code: 'T', sttStyles: ['none', 'dash', 'nested'], rows: tree }));
    expect(Object.fromEntries(stt)).toMatchObject({ A: '', A1: '-', A1a: '1', A1b: '2', B: '', B1: '-' });
  });

  it('roman numerals and the Vietnamese letter order (a b c d đ e g …, no f)', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'CD', 'MCMXCIV']);
    expect([1, 4, 5, 6, 7, 23, 24, 25].map(toLetters)).toEqual(['a', 'd', 'đ', 'e', 'g', 'y', 'aa', 'ab']);
  });
});

describe('header grid', () => {
  it('two-level grouped header: "Thực hiện" over "Kỳ này" + "Lũy kế"; ungrouped leaves span both rows', () => {
    const form = defineForm({
      name: 'T',
      code: 'T',
      columns: [
        { code: 'KH', name: 'Kế hoạch năm' },
        {
          kind: 'group',
          name: 'Thực hiện',
          children: [
            { code: 'KN', name: 'Kỳ này' },
            { code: 'LK', name: 'Lũy kế' },
          ],
        },
        { code: 'SS', name: 'So sánh (%)' },
      ],
    });
    expect(headerRows(form)).toEqual([
      [
        { label: 'Kế hoạch năm', colSpan: 1, rowSpan: 2, column: 'KH' },
        { label: 'Thực hiện', colSpan: 2, rowSpan: 1 },
        { label: 'So sánh (%)', colSpan: 1, rowSpan: 2, column: 'SS' },
      ],
      [
        { label: 'Kỳ này', colSpan: 1, rowSpan: 1, column: 'KN' },
        { label: 'Lũy kế', colSpan: 1, rowSpan: 1, column: 'LK' },
      ],
    ]);
  });

  it('three levels with an uneven group: leaves fill down to the bottom row', () => {
    const form = defineForm({
      name: 'T',
      code: 'T',
      columns: [
        {
          kind: 'group',
          name: 'Tổng số',
          children: [
            { code: 'T', name: 'Cộng' },
            {
              kind: 'group',
              name: 'Chia ra',
              children: [
                { code: 'N', name: 'Nam' },
                { code: 'U', name: 'Nữ' },
              ],
            },
          ],
        },
      ],
    });
    const grid = headerRows(form).map((r) => r.map((c) => `${c.label} ${c.colSpan}×${c.rowSpan}`));
    expect(grid).toEqual([['Tổng số 3×1'], ['Cộng 1×2', 'Chia ra 2×1'], ['Nam 1×1', 'Nữ 1×1']]);
  });
});

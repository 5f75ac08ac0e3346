import { describe, expect, it } from 'vitest';
import { checkConstraints } from './constraints.ts';
import type { PeriodResolver } from './formula/bind.ts';
import { createEvaluator } from './formula/evaluator.ts';
import { FormDecimal, valueToString, type InputValue } from './formula/values.ts';
import { headerRows } from './headers.ts';
import { defineForm } from './model.ts';
import { numberRows } from './numbering.ts';
import { validateForm } from './validate.ts';

/** Biểu 01, as a province's Văn phòng UBND would design it (figures in tỷ đồng). */
const bieu01 = defineForm({
  name: 'Biểu 01: Tình hình kinh tế - xã hội',
  code: '01/BC-UBND',
  fieldGroup: 'Tài chính - Ngân sách',
  legalBasis: 'Nghị định 09/2019/NĐ-CP',
  rows: [
    {
      id: 'r1',
      code: 'R1',
      name: 'Thu ngân sách nhà nước trên địa bàn',
      unit: 'Tỷ đồng',
      kind: 'computed',
      formula: 'SUM(CHILDREN)',
      children: [
        {
          id: 'r11',
          code: 'R11',
          name: 'Thu nội địa',
          unit: 'Tỷ đồng',
          kind: 'computed',
          formula: 'SUM(CHILDREN)',
          children: [
            { id: 'r11a', code: 'R11a', name: 'Thu từ doanh nghiệp nhà nước', unit: 'Tỷ đồng', kind: 'input' },
            { id: 'r11b', code: 'R11b', name: 'Thu từ khu vực ngoài quốc doanh', unit: 'Tỷ đồng', kind: 'input' },
          ],
        },
        { id: 'r12', code: 'R12', name: 'Thu từ hoạt động xuất nhập khẩu', unit: 'Tỷ đồng', kind: 'input' },
      ],
    },
    {
      id: 'r2',
      code: 'R2',
      name: 'Chi ngân sách địa phương',
      unit: 'Tỷ đồng',
      kind: 'computed',
      formula: 'SUM(CHILDREN)',
      children: [
        { id: 'r21', code: 'R21', name: 'Chi đầu tư phát triển', unit: 'Tỷ đồng', kind: 'input' },
        { id: 'r22', code: 'R22', name: 'Chi thường xuyên', unit: 'Tỷ đồng', kind: 'input' },
      ],
    },
  ],
  columns: [
    { code: 'KH', name: 'Kế hoạch năm' },
    {
      kind: 'group',
      name: 'Thực hiện',
      children: [
        { code: 'KN', name: 'Kỳ này', checks: ['required', 'non_negative'] },
        { code: 'LK', name: 'Lũy kế', kind: 'computed', formula: 'YTD(KN)' },
      ],
    },
    { code: 'CK', name: 'Cùng kỳ năm trước', kind: 'computed', formula: 'SAMEPERIOD_LASTYEAR(KN)' },
    { code: 'SS', name: 'So sánh (%)', type: 'percent', decimals: 1, kind: 'computed', formula: 'PERCENT(KN, CK)' },
  ],
  constraints: [
    {
      id: 'lk-le-kh',
      expression: 'LK <= KH',
      message: 'Lũy kế thực hiện vượt kế hoạch năm.',
      severity: 'warning',
      scope: { kind: 'column', col: 'LK' },
    },
  ],
});

/** The unit's accepted reports: this year's earlier quarters (YTD) and the same quarter last year. */
const EARLIER_THIS_YEAR: Record<string, number> = {
  R11a: 3000,
  R11b: 2500,
  R12: 1000,
  R11: 5500,
  R1: 6500,
  R21: 1800,
  R22: 4000,
  R2: 5800,
};
const SAME_PERIOD_LAST_YEAR: Record<string, number> = {
  R11a: 1200,
  R11b: 1000,
  R12: 550,
  R11: 2200,
  R1: 2750,
  R21: 1000,
  R22: 2000,
  R2: 3000,
};
const resolver: PeriodResolver = {
  value: (fn, row, col) =>
    col !== 'KN' ? null : fn === 'YTD' ? EARLIER_THIS_YEAR[row] : fn === 'SAMEPERIOD_LASTYEAR' ? SAME_PERIOD_LAST_YEAR[row] : null,
};

const entered = new Map<string, InputValue>([
  ['R11a:KH', 6000],
  ['R11a:KN', 1500],
  ['R11b:KH', 5000],
  ['R11b:KN', new FormDecimal('1200.5')],
  ['R12:KH', 2000],
  ['R12:KN', 660],
  ['R21:KH', 2500],
  ['R21:KN', 900],
  ['R22:KH', 8000],
  ['R22:KN', 2100],
]);

describe('golden: Biểu 01 — Tình hình kinh tế - xã hội', () => {
  const ev = createEvaluator(bieu01, { resolver });
  const { values, errors } = ev.evaluateAll(entered);
  const v = (key: string) => valueToString(values.get(key) ?? null);

  it('is a valid form, numbered I / 1 / a, with "Thực hiện" merged over "Kỳ này" and "Lũy kế"', () => {
    expect(validateForm(bieu01)).toEqual([]);
    expect([...numberRows(bieu01).values()]).toEqual(['I', '1', 'a', 'b', '2', 'II', '1', '2']);
    expect(headerRows(bieu01).map((row) => row.map((c) => `${c.label} ${c.colSpan}×${c.rowSpan}`))).toEqual([
      ['Kế hoạch năm 1×2', 'Thực hiện 2×1', 'Cùng kỳ năm trước 1×2', 'So sánh (%) 1×2'],
      ['Kỳ này 1×1', 'Lũy kế 1×1'],
    ]);
    expect(errors.size).toBe(0);
  });

  it('Kế hoạch năm: R11 = a(6000) + b(5000) = 11000; I = R11(11000) + R12(2000) = 13000; II = 2500 + 8000 = 10500', () => {
    expect([v('R11:KH'), v('R1:KH'), v('R2:KH')]).toEqual(['11000', '13000', '10500']);
  });

  it('Kỳ này: R11 = a(1500) + b(1200.5) = 2700.5; I = R11(2700.5) + R12(660) = 3360.5; II = 900 + 2100 = 3000', () => {
    expect([v('R11:KN'), v('R1:KN'), v('R2:KN')]).toEqual(['2700.5', '3360.5', '3000']);
  });

  it('Lũy kế = earlier quarters + Kỳ này: a 3000 + 1500 = 4500; b 2500 + 1200.5 = 3700.5; I 6500 + 3360.5 = 9860.5', () => {
    expect([v('R11a:LK'), v('R11b:LK'), v('R12:LK'), v('R11:LK'), v('R1:LK')]).toEqual(['4500', '3700.5', '1660', '8200.5', '9860.5']);
    expect([v('R21:LK'), v('R22:LK'), v('R2:LK')]).toEqual(['2700', '6100', '8800']);
  });

  it('Cùng kỳ năm trước comes from last year: I = 2750, II = 3000', () => {
    expect([v('R1:CK'), v('R11:CK'), v('R2:CK')]).toEqual(['2750', '2200', '3000']);
  });

  it('So sánh (%) also on total rows: a 1500/1200 = 125; b 1200.5/1000 = 120.05; R11 2700.5/2200 = 122.75; I 3360.5/2750 = 122.2; II 3000/3000 = 100', () => {
    expect([v('R11a:SS'), v('R11b:SS'), v('R12:SS'), v('R11:SS'), v('R1:SS')]).toEqual(['125', '120.05', '120', '122.75', '122.2']);
    expect([v('R21:SS'), v('R22:SS'), v('R2:SS')]).toEqual(['90', '105', '100']);
  });

  it('constraint: R21 Lũy kế (2700) > Kế hoạch (2500) is the only warning', () => {
    expect(checkConstraints(bieu01, values, { resolver })).toEqual([
      {
        constraintId: 'lk-le-kh',
        cell: 'R21:LK',
        row: 'R21',
        col: 'LK',
        severity: 'warning',
        message: 'Lũy kế thực hiện vượt kế hoạch năm.',
      },
    ]);
  });

  it('typing a correction re-evaluates only what depends on it: b 1200.5 → 1300.5 moves R11, I and their Lũy kế and %', () => {
    const changed = ev.setInput('R11b:KN', new FormDecimal('1300.5'));
    expect(new Set(changed)).toEqual(new Set(['R11b:KN', 'R11b:LK', 'R11b:SS', 'R11:KN', 'R11:LK', 'R11:SS', 'R1:KN', 'R1:LK', 'R1:SS']));
    expect(valueToString(ev.get('R1:KN')!)).toBe('3460.5');
    expect(valueToString(ev.get('R11b:SS')!)).toBe('130.05');
  });
});

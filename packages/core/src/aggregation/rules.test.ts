import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FormDecimal } from '../forms/formula/values.ts';
import { aggregate, readAggregationNumber, rollUp, type AggregationInput, type Contribution } from './rules.ts';

/*
 * Golden datasets: every expected figure below is computed by hand, and the test name carries the
 * arithmetic in Vietnamese notation ("1.234,5" = 1234.5; "(trống)" = an empty cell).
 */

const text = (value: Decimal | null) => (value === null ? null : value.toFixed());

/** Contributions from units A, B, C… in order. */
function units(...values: AggregationInput[]): Contribution[] {
  return values.map((value, i) => ({ unitId: String.fromCharCode(65 + i), value }));
}

function weighted(...pairs: [AggregationInput, AggregationInput][]): Contribution[] {
  return pairs.map(([value, weight], i) => ({ unitId: String.fromCharCode(65 + i), value, weight }));
}

describe('sum (Cộng)', () => {
  it('sum: 1.234,5 + 200 + (trống) = 1.434,5', () => {
    const r = aggregate('sum', units('1234.5', 200, null));
    expect(text(r.value)).toBe('1434.5');
    expect(r.used).toBe(2);
    expect(r.ignored).toEqual([{ unitId: 'C', reason: 'empty' }]);
  });

  it('sum: (trống) + (trống) = (trống), not 0 — an unreported figure stays empty', () => {
    const r = aggregate('sum', units(null, undefined, '  '));
    expect(r.value).toBeNull();
    expect(r.used).toBe(0);
    expect(r.ignored.map((i) => i.reason)).toEqual(['empty', 'empty', 'empty']);
  });

  it('sum of nothing = (trống)', () => {
    expect(aggregate('sum', [])).toEqual({ value: null, used: 0, ignored: [] });
  });

  it('sum: 0,1 + 0,2 = 0,3 exactly (binary floats give 0,30000000000000004)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(text(aggregate('sum', units(0.1, 0.2)).value)).toBe('0.3');
    expect(text(aggregate('sum', units('0.1', new FormDecimal('0.2'))).value)).toBe('0.3');
  });

  it('sum: 100.000.000.000.000.000.000 (1e20) + 1 = 100.000.000.000.000.000.001 — the 1 is kept', () => {
    expect(1e20 + 1).toBe(1e20);
    expect(text(aggregate('sum', units('100000000000000000000', 1)).value)).toBe('100000000000000000001');
    expect(text(aggregate('sum', units(1e20, 1)).value)).toBe('100000000000000000001');
  });

  it('sum: money to the đồng: 1.234.567.890,15 + 9.876.543.210,85 + 0,01 = 11.111.111.101,01', () => {
    expect(text(aggregate('sum', units('1234567890.15', '9876543210.85', '0.01')).value)).toBe('11111111101.01');
  });

  it('sum: 5 + (−5) = 0, not −0', () => {
    expect(text(aggregate('sum', units(5, -5)).value)).toBe('0');
    expect(aggregate('sum', units(-0)).value!.isNegative()).toBe(false);
  });

  it('sum: 10 + "1.234,5" (formatted text, not a number) = 10, the text is listed as not a number', () => {
    const r = aggregate('sum', units(10, '1.234,5', 'abc'));
    expect(text(r.value)).toBe('10');
    expect(r.ignored).toEqual([
      { unitId: 'B', reason: 'not_number' },
      { unitId: 'C', reason: 'not_number' },
    ]);
  });
});

describe('average (Bình quân)', () => {
  it('average: (10 + (trống) + 25) / 2 = 17,5 — not (10 + 0 + 25) / 3 = 11,67', () => {
    const r = aggregate('average', units(10, null, 25));
    expect(text(r.value)).toBe('17.5');
    expect(r.used).toBe(2);
    expect(r.ignored).toEqual([{ unitId: 'B', reason: 'empty' }]);
  });

  it('average: (1 + 2 + 7) / 3 = 3,333… to 34 significant digits', () => {
    expect(text(aggregate('average', units(1, 2, 7)).value)).toBe(`3.${'3'.repeat(33)}`);
  });

  it('average: (−4 + 4 + 0,5) / 3 = 0,1666… ≈ 0,17', () => {
    const value = aggregate('average', units(-4, 4, '0.5')).value!;
    expect(text(value)).toBe(`0.1${'6'.repeat(32)}7`);
    expect(value.toDecimalPlaces(2).toFixed()).toBe('0.17');
  });

  it('average: (trống) + (trống) = (trống)', () => {
    expect(aggregate('average', units(null, null)).value).toBeNull();
  });
});

describe('weighted average (Bình quân gia quyền)', () => {
  it('poverty rate of three communes weighted by population: (5,2×12.000 + 3,8×8.000 + 7,5×4.000) / 24.000 = 122.800 / 24.000 = 5,11(6) ≈ 5,12 — not the plain average 16,5 / 3 = 5,5', () => {
    const r = aggregate('weighted_average', weighted(['5.2', 12000], ['3.8', 8000], ['7.5', 4000]));
    expect(text(r.value)).toBe(`5.11${'6'.repeat(30)}7`);
    expect(r.value!.toDecimalPlaces(2).toFixed()).toBe('5.12');
    expect(r.used).toBe(3);
    expect(r.ignored).toEqual([]);
    expect(text(aggregate('average', units('5.2', '3.8', '7.5')).value)).toBe('5.5');
  });

  it('(10×1.000 + 20×3.000 + 40×1.000) / 5.000 = 110.000 / 5.000 = 22', () => {
    expect(text(aggregate('weighted_average', weighted([10, 1000], [20, 3000], [40, 1000])).value)).toBe('22');
  });

  it('4 with weight 0, 6 without a weight, 8×2, 10×6: (16 + 60) / 8 = 9,5; the zero and missing weights are listed', () => {
    const r = aggregate('weighted_average', weighted([4, 0], [6, null], [8, 2], [10, 6]));
    expect(text(r.value)).toBe('9.5');
    expect(r.used).toBe(2);
    expect(r.ignored).toEqual([
      { unitId: 'A', reason: 'zero_weight' },
      { unitId: 'B', reason: 'no_weight' },
    ]);
  });

  it('a contribution without the weight property at all is listed as no_weight: 6 (no weight) + 3×1 = 3', () => {
    const r = aggregate('weighted_average', [
      { unitId: 'A', value: 6 },
      { unitId: 'B', value: 3, weight: 1 },
    ]);
    expect(text(r.value)).toBe('3');
    expect(r.ignored).toEqual([{ unitId: 'A', reason: 'no_weight' }]);
  });

  it('all weights 0: Σ quyền số = 0 → (trống), never a division by zero', () => {
    const r = aggregate('weighted_average', weighted([5, 0], [7, '0']));
    expect(r.value).toBeNull();
    expect(r.used).toBe(0);
    expect(r.ignored.map((i) => i.reason)).toEqual(['zero_weight', 'zero_weight']);
  });

  it('an empty value does not add its weight: ((trống)×100 + 6×1 + 9×2) / 3 = 24 / 3 = 8 — not 24 / 103', () => {
    const r = aggregate('weighted_average', weighted([null, 100], [6, 1], [9, 2]));
    expect(text(r.value)).toBe('8');
    expect(r.ignored).toEqual([{ unitId: 'A', reason: 'empty' }]);
  });

  it('a negative weight is listed, not used: 5×(−1) + 3×2 → 6 / 2 = 3', () => {
    const r = aggregate('weighted_average', weighted([5, -1], [3, 2]));
    expect(text(r.value)).toBe('3');
    expect(r.ignored).toEqual([{ unitId: 'A', reason: 'negative_weight' }]);
  });

  it('a weight that is not a number is listed: 5×"nhiều" + 3×2 = 3', () => {
    const r = aggregate('weighted_average', weighted([5, 'nhiều'], [3, 2]));
    expect(text(r.value)).toBe('3');
    expect(r.ignored).toEqual([{ unitId: 'A', reason: 'not_number' }]);
  });

  it('exact decimals: (0,1×1 + 0,2×1) / 2 = 0,15', () => {
    expect(text(aggregate('weighted_average', weighted([0.1, 1], [0.2, 1])).value)).toBe('0.15');
  });
});

describe('min and max (Nhỏ nhất, Lớn nhất)', () => {
  it('min(−3,5; 2; (trống); −10) = −10 and max = 2', () => {
    const values = units('-3.5', 2, null, -10);
    expect(text(aggregate('min', values).value)).toBe('-10');
    expect(text(aggregate('max', values).value)).toBe('2');
    expect(aggregate('max', values).used).toBe(3);
    expect(aggregate('min', values).ignored).toEqual([{ unitId: 'C', reason: 'empty' }]);
  });

  it('max(−3,5; (trống); −10) = −3,5 — an empty cell is not read as 0', () => {
    expect(text(aggregate('max', units('-3.5', null, -10)).value)).toBe('-3.5');
    expect(text(aggregate('min', units('3.5', null, 10)).value)).toBe('3.5');
  });

  it('min/max of (trống) = (trống)', () => {
    expect(aggregate('min', units(null)).value).toBeNull();
    expect(aggregate('max', []).value).toBeNull();
  });
});

describe('count (Đếm)', () => {
  it('count(0; (trống); 7; −1; "") = 3 — a 0 is a value, an empty cell is not', () => {
    const r = aggregate('count', units(0, null, 7, -1, ''));
    expect(text(r.value)).toBe('3');
    expect(r.used).toBe(3);
    expect(r.ignored).toEqual([
      { unitId: 'B', reason: 'empty' },
      { unitId: 'E', reason: 'empty' },
    ]);
  });

  it('count((trống); (trống)) = 0 — a count is never empty', () => {
    expect(text(aggregate('count', units(null, null)).value)).toBe('0');
    expect(text(aggregate('count', []).value)).toBe('0');
  });

  it('count(5; "abc") = 1 — text that is not a number is not counted', () => {
    expect(text(aggregate('count', units(5, 'abc')).value)).toBe('1');
  });
});

describe('none (Không tổng hợp)', () => {
  it('none: a ratio 5 % and 7 % is not consolidated → (trống), nothing used or ignored', () => {
    expect(aggregate('none', units(5, 7, null))).toEqual({ value: null, used: 0, ignored: [] });
  });
});

describe('reading values', () => {
  it('reads decimal text, numbers and decimals; blank, NaN and Infinity are empty; formatted text is not a number', () => {
    expect(readAggregationNumber(' 1234.50 ')!.toString()).toBe('1234.5');
    expect(readAggregationNumber('-.5')!.toString()).toBe('-0.5');
    expect(readAggregationNumber('1e3')!.toString()).toBe('1000');
    expect(readAggregationNumber(12)!.toString()).toBe('12');
    expect(readAggregationNumber(' ')).toBeNull();
    expect(readAggregationNumber(Number.NaN)).toBeNull();
    expect(readAggregationNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(readAggregationNumber(undefined)).toBeNull();
    expect(readAggregationNumber('1.234,5')).toBe('not_number');
    expect(readAggregationNumber('0x10')).toBe('not_number');
    expect(readAggregationNumber('Infinity')).toBe('not_number');
    expect(readAggregationNumber(true as never)).toBe('not_number');
  });

  it('computes with our 34-digit decimals even when given another Decimal', () => {
    const n = readAggregationNumber(new FormDecimal('2'));
    expect(n).toBeInstanceOf(FormDecimal);
  });
});

describe('rollUp: sub-totals and grand total', () => {
  const g = (unit: string, value: AggregationInput, weight?: AggregationInput): Contribution => ({ unitId: unit, value, weight });

  it('average: huyện A (10 + 20) / 2 = 15, huyện B 60 / 1 = 60; grand total (10 + 20 + 60) / 3 = 30 — not the mean of means (15 + 60) / 2 = 37,5', () => {
    const r = rollUp(
      'average',
      new Map([
        ['A', [g('a1', 10), g('a2', 20)]],
        ['B', [g('b1', 60)]],
      ]),
    );
    expect(text(r.groups.get('A')!.value)).toBe('15');
    expect(text(r.groups.get('B')!.value)).toBe('60');
    expect(text(r.total.value)).toBe('30');
    expect(r.total.used).toBe(3);
  });

  it('weighted average: A (10×1 + 20×3) / 4 = 17,5, B 50×6 / 6 = 50; grand total (10 + 60 + 300) / 10 = 37 — not (17,5 + 50) / 2 = 33,75', () => {
    const r = rollUp(
      'weighted_average',
      new Map([
        ['A', [g('a1', 10, 1), g('a2', 20, 3)]],
        ['B', [g('b1', 50, 6)]],
      ]),
    );
    expect(text(r.groups.get('A')!.value)).toBe('17.5');
    expect(text(r.groups.get('B')!.value)).toBe('50');
    expect(text(r.total.value)).toBe('37');
  });

  it('count: A count(1; 2; (trống)) = 2, B count(3) = 1; grand total 2 + 1 = 3 — not the number of groups', () => {
    const r = rollUp(
      'count',
      new Map([
        ['A', [g('a1', 1), g('a2', 2), g('a3', null)]],
        ['B', [g('b1', 3)]],
      ]),
    );
    expect(text(r.groups.get('A')!.value)).toBe('2');
    expect(text(r.groups.get('B')!.value)).toBe('1');
    expect(text(r.total.value)).toBe('3');
    expect(r.total.ignored).toEqual([{ unitId: 'a3', reason: 'empty' }]);
  });

  it('sum: A 1.234,5 + 200 = 1.434,5, B (trống) = (trống); grand total 1.434,5', () => {
    const r = rollUp(
      'sum',
      new Map([
        ['A', [g('a1', '1234.5'), g('a2', 200)]],
        ['B', [g('b1', null)]],
      ]),
    );
    expect(text(r.groups.get('A')!.value)).toBe('1434.5');
    expect(r.groups.get('B')!.value).toBeNull();
    expect(text(r.total.value)).toBe('1434.5');
    expect([...r.groups.keys()]).toEqual(['A', 'B']);
  });

  it('min/max: A {−3; 5}, B {−10; 2} → min −10, max 5', () => {
    const groups = new Map([
      ['A', [g('a1', -3), g('a2', 5)]],
      ['B', [g('b1', -10), g('b2', 2)]],
    ]);
    expect(text(rollUp('min', groups).total.value)).toBe('-10');
    expect(text(rollUp('max', groups).total.value)).toBe('5');
    expect(text(rollUp('min', groups).groups.get('A')!.value)).toBe('-3');
  });

  it('no groups: grand total of sum is (trống), of count 0', () => {
    expect(rollUp('sum', new Map()).total.value).toBeNull();
    expect(text(rollUp('count', new Map()).total.value)).toBe('0');
  });
});

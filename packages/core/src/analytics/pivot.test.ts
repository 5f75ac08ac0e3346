import { describe, expect, it } from 'vitest';
import { FormDecimal } from '../forms/formula/values.ts';
import { buildPivot, MIXED_SERIES_NOTE, notAggregatableNote, pivotDecimalText, type BuildPivotInput, type FactAggregate } from './pivot.ts';
import { aggregatesOf, cellAt, indicator, type TestFact } from './pivot.test-support.ts';

/*
 * Golden tables: every expected figure is computed by hand and the test name carries the arithmetic
 * in Vietnamese notation ("80,5" = 80.5). Cells are compared as the exact text the API returns.
 */

const UNITS = [
  { key: 'A', label: 'Xã A' },
  { key: 'B', label: 'Xã B' },
];
const PERIODS = [
  { key: 'M2026-01', label: 'Tháng 01/2026' },
  { key: 'M2026-02', label: 'Tháng 02/2026' },
];

function pivot(facts: TestFact[], overrides: Partial<BuildPivotInput> = {}) {
  return buildPivot({
    aggregates: aggregatesOf(facts),
    rows: ['unit'],
    columns: [],
    members: { unit: UNITS, period: PERIODS },
    indicators: [indicator('CT01', 'sum')],
    ...overrides,
  });
}

describe('sum', () => {
  it('sum: commune A 120 + commune B 80,5 = 200,5 in the total row', () => {
    const r = pivot([
      { coords: { unit: 'A' }, value: '120' },
      { coords: { unit: 'B' }, value: '80.5' },
    ]);
    expect(r.rows).toEqual([
      { kind: 'member', keys: ['A'], labels: ['Xã A'] },
      { kind: 'member', keys: ['B'], labels: ['Xã B'] },
      { kind: 'total', keys: [], labels: ['Tổng cộng'] },
    ]);
    expect(r.columns).toEqual([{ kind: 'total', keys: [], labels: ['Tổng cộng'] }]);
    expect(r.cells).toEqual([['120'], ['80.5'], ['200.5']]);
    expect(r.factCount).toBe(2);
    expect(r.notes).toEqual([]);
  });

  it('sum with periods in columns: A 0,1 + 0,2 = 0,3 exactly (no float error); column M01 A 0,1 + B 5 = 5,1; grand 0,1 + 0,2 + 5 = 5,3', () => {
    const r = pivot(
      [
        { coords: { unit: 'A', period: 'M2026-01' }, value: '0.1' },
        { coords: { unit: 'A', period: 'M2026-02' }, value: '0.2' },
        { coords: { unit: 'B', period: 'M2026-01' }, value: '5' },
      ],
      { columns: ['period'] },
    );
    expect(r.cells).toEqual([
      ['0.1', '0.2', '0.3'],
      ['5', null, '5'],
      ['5.1', '0.2', '5.3'],
    ]);
  });

  it('an indicator missing from the list aggregates by sum: 7 + 8 = 15', () => {
    const r = pivot(
      [
        { coords: { unit: 'A' }, value: '7', indicatorCode: 'X' },
        { coords: { unit: 'B' }, value: '8', indicatorCode: 'X' },
      ],
      { indicators: [] },
    );
    expect(cellAt(r, 'total')).toBe('15');
    expect(r.indicators).toEqual([]);
  });
});

describe('average, weighted average, min, max, count', () => {
  it('average subtotal and total are means of the facts: A (10, 20) → 15, B (30) → 30, total (10 + 20 + 30) / 3 = 20, not (15 + 30) / 2 = 22,5', () => {
    const r = pivot(
      [
        { coords: { unit: 'A', period: 'M2026-01' }, value: '10' },
        { coords: { unit: 'A', period: 'M2026-02' }, value: '20' },
        { coords: { unit: 'B', period: 'M2026-01' }, value: '30' },
      ],
      { rows: ['unit', 'period'], indicators: [indicator('CT01', 'average')] },
    );
    expect(cellAt(r, ['A', 'M2026-01'])).toBe('10');
    expect(cellAt(r, ['A'])).toBe('15');
    expect(cellAt(r, ['B'])).toBe('30');
    expect(cellAt(r, 'total')).toBe('20');
  });

  it('average from pre-merged partials: A (count 2, Σ 30) and B (count 1, Σ 30) → 60 / 3 = 20', () => {
    const base = { indicatorCode: 'CT01', measure: 'TH', weightedSum: null, weightSum: null };
    const aggregates: FactAggregate[] = [
      { ...base, coords: { unit: 'A' }, count: 2, sum: '30', min: '10', max: '20' },
      { ...base, coords: { unit: 'B' }, count: 1, sum: '30', min: '30', max: '30' },
    ];
    const r = buildPivot({ aggregates, rows: ['unit'], columns: [], members: {}, indicators: [indicator('CT01', 'average')] });
    expect(r.cells).toEqual([['15'], ['30'], ['20']]);
    expect(r.factCount).toBe(3);
  });

  it('average 10 / 3 = 3,333333 (6 decimals, half away from zero); 20 / 3 = 6,666667', () => {
    const r = pivot(
      [
        { coords: { unit: 'A' }, value: '3' },
        { coords: { unit: 'A' }, value: '3' },
        { coords: { unit: 'A' }, value: '4' },
        { coords: { unit: 'B' }, value: '6' },
        { coords: { unit: 'B' }, value: '7' },
        { coords: { unit: 'B' }, value: '7' },
      ],
      { indicators: [indicator('CT01', 'average')] },
    );
    expect(r.cells).toEqual([['3.333333'], ['6.666667'], ['5']]);
  });

  it('weighted average: 50% (weight 200) and 80% (weight 100) = (50·200 + 80·100) / 300 = 60%', () => {
    const r = pivot(
      [
        { coords: { unit: 'A' }, value: '50', weight: '200' },
        { coords: { unit: 'B' }, value: '80', weight: '100' },
      ],
      { indicators: [indicator('CT01', 'weighted_average')] },
    );
    expect(r.cells).toEqual([['50'], ['80'], ['60']]);
  });

  it('weighted average without any positive weight is empty (Σ weight = 0), never a plain mean', () => {
    const r = pivot(
      [
        { coords: { unit: 'A' }, value: '50' },
        { coords: { unit: 'B' }, value: '80', weight: '0' },
      ],
      { indicators: [indicator('CT01', 'weighted_average')] },
    );
    expect(r.cells).toEqual([[null], [null], [null]]);
  });

  it('min of 5, −3, 12 = −3; max = 12; count = 3 (A holds 5 and −3, B holds 12)', () => {
    const facts: TestFact[] = [
      { coords: { unit: 'A' }, value: '5' },
      { coords: { unit: 'A', period: 'M2026-02' }, value: '-3' },
      { coords: { unit: 'B' }, value: '12' },
    ];
    expect(pivot(facts, { indicators: [indicator('CT01', 'min')] }).cells).toEqual([['-3'], ['12'], ['-3']]);
    expect(pivot(facts, { indicators: [indicator('CT01', 'max')] }).cells).toEqual([['5'], ['12'], ['12']]);
    expect(pivot(facts, { indicators: [indicator('CT01', 'count')] }).cells).toEqual([['2'], ['1'], ['3']]);
  });

  it("'none': a leaf of one fact shows 12,5; the total of 12,5 and 14 is empty with the note (once)", () => {
    const r = pivot(
      [
        { coords: { unit: 'A' }, value: '12.5' },
        { coords: { unit: 'B' }, value: '14' },
      ],
      { indicators: [indicator('CT01', 'none', 'Tỷ lệ hộ nghèo')] },
    );
    expect(r.cells).toEqual([['12.5'], ['14'], [null]]);
    expect(r.notes).toEqual(['Chỉ tiêu "Tỷ lệ hộ nghèo" không cộng gộp được (tỷ lệ, chỉ số): ô tổng để trống.']);
    expect(r.notes).toEqual([notAggregatableNote('Tỷ lệ hộ nghèo')]);
  });

  it("'none' with a single fact in the whole table: the total is that fact (Σcount = 1), no note", () => {
    const r = pivot([{ coords: { unit: 'A' }, value: '12.5' }], { indicators: [indicator('CT01', 'none')] });
    expect(r.cells).toEqual([['12.5'], ['12.5']]);
    expect(r.notes).toEqual([]);
  });
});

describe('series are never mixed', () => {
  it('two indicators in rows: each subtotal is its own sum (CT01 A 1 + B 2 = 3; CT02 A 10 + B 20 = 30), the grand total is empty with the note', () => {
    const r = pivot(
      [
        { coords: { indicator: 'CT01', unit: 'A' }, value: '1', indicatorCode: 'CT01' },
        { coords: { indicator: 'CT01', unit: 'B' }, value: '2', indicatorCode: 'CT01' },
        { coords: { indicator: 'CT02', unit: 'A' }, value: '10', indicatorCode: 'CT02' },
        { coords: { indicator: 'CT02', unit: 'B' }, value: '20', indicatorCode: 'CT02' },
      ],
      {
        rows: ['indicator', 'unit'],
        members: {
          unit: UNITS,
          indicator: [
            { key: 'CT01', label: 'Dân số' },
            { key: 'CT02', label: 'Số hộ' },
          ],
        },
        indicators: [indicator('CT02', 'sum'), indicator('CT01', 'sum'), indicator('CT99', 'sum')],
      },
    );
    expect(r.cells.map((line) => line[0])).toEqual(['1', '2', '3', '10', '20', '30', null]);
    expect(r.notes).toEqual([MIXED_SERIES_NOTE]);
    expect(r.indicators.map((i) => i.code)).toEqual(['CT02', 'CT01']);
  });

  it('two measures of one indicator not placed on any axis: every cell is empty, the note appears once', () => {
    const r = pivot([
      { coords: { unit: 'A' }, value: '1', measure: 'TH' },
      { coords: { unit: 'A' }, value: '2', measure: 'KH' },
      { coords: { unit: 'B' }, value: '3', measure: 'TH' },
    ]);
    expect(r.cells).toEqual([[null], ['3'], [null]]);
    expect(r.notes).toEqual([MIXED_SERIES_NOTE]);
  });
});

describe('layout', () => {
  it('rows empty: exactly one total row, 1 + 2 + 3 = 6', () => {
    const r = pivot(
      [
        { coords: {}, value: '1' },
        { coords: {}, value: '2' },
        { coords: {}, value: '3' },
      ],
      { rows: [] },
    );
    expect(r.rows).toEqual([{ kind: 'total', keys: [], labels: ['Tổng cộng'] }]);
    expect(r.cells).toEqual([['6']]);
  });

  it('no aggregates: one total row and column, the cell empty, no fact', () => {
    const r = pivot([], { columns: ['period'] });
    expect(r.rows).toEqual([{ kind: 'total', keys: [], labels: ['Tổng cộng'] }]);
    expect(r.columns).toEqual([{ kind: 'total', keys: [], labels: ['Tổng cộng'] }]);
    expect(r.cells).toEqual([[null]]);
    expect(r.factCount).toBe(0);
  });

  it('two row dimensions: members of A, "Xã A / Cộng" (1 + 2 = 3), members of B, "Xã B / Cộng" (4), "Tổng cộng" (7)', () => {
    const r = pivot(
      [
        { coords: { unit: 'B', period: 'M2026-01' }, value: '4' },
        { coords: { unit: 'A', period: 'M2026-02' }, value: '2' },
        { coords: { unit: 'A', period: 'M2026-01' }, value: '1' },
      ],
      { rows: ['unit', 'period'] },
    );
    expect(r.rows).toEqual([
      { kind: 'member', keys: ['A', 'M2026-01'], labels: ['Xã A', 'Tháng 01/2026'] },
      { kind: 'member', keys: ['A', 'M2026-02'], labels: ['Xã A', 'Tháng 02/2026'] },
      { kind: 'subtotal', keys: ['A'], labels: ['Xã A', 'Cộng'] },
      { kind: 'member', keys: ['B', 'M2026-01'], labels: ['Xã B', 'Tháng 01/2026'] },
      { kind: 'subtotal', keys: ['B'], labels: ['Xã B', 'Cộng'] },
      { kind: 'total', keys: [], labels: ['Tổng cộng'] },
    ]);
    expect(r.cells).toEqual([['1'], ['2'], ['3'], ['4'], ['4'], ['7']]);
  });

  it('disaggregation inside units: each unit\'s "Cộng" is its Tổng số (A 50 = Nam 27 + Nữ 23), not 50 + 27 + 23 = 100; total 50 + 40 = 90', () => {
    const members = {
      unit: UNITS,
      disaggregation: [
        { key: '', label: 'Tổng số' },
        { key: 'GIOI_TINH=NAM', label: 'Nam' },
        { key: 'GIOI_TINH=NU', label: 'Nữ' },
      ],
    };
    const facts = [
      { coords: { unit: 'A', disaggregation: '' }, value: '50' },
      { coords: { unit: 'A', disaggregation: 'GIOI_TINH=NAM' }, value: '27' },
      { coords: { unit: 'A', disaggregation: 'GIOI_TINH=NU' }, value: '23' },
      { coords: { unit: 'B', disaggregation: '' }, value: '40' },
      { coords: { unit: 'B', disaggregation: 'GIOI_TINH=NAM' }, value: '21' },
      { coords: { unit: 'B', disaggregation: 'GIOI_TINH=NU' }, value: '19' },
    ];
    const r = pivot(facts, { rows: ['unit', 'disaggregation'], members });
    expect(cellAt(r, ['A'])).toBe('50');
    expect(cellAt(r, ['B'])).toBe('40');
    expect(cellAt(r, 'total')).toBe('90');
    // Breakdowns on the columns: the row total is the Tổng số column, Nam 27 + 21 = 48 on the total row.
    const c = pivot(facts, { rows: ['unit'], columns: ['disaggregation'], members });
    expect(cellAt(c, ['A'], 'total')).toBe('50');
    expect(cellAt(c, 'total', ['GIOI_TINH=NAM'])).toBe('48');
    expect(cellAt(c, 'total', 'total')).toBe('90');
  });

  it('breakdowns without a Tổng số member add up: Nam 27 + Nữ 23 = 50', () => {
    const members = {
      unit: UNITS,
      disaggregation: [
        { key: 'GIOI_TINH=NAM', label: 'Nam' },
        { key: 'GIOI_TINH=NU', label: 'Nữ' },
      ],
    };
    const r = pivot(
      [
        { coords: { unit: 'A', disaggregation: 'GIOI_TINH=NAM' }, value: '27' },
        { coords: { unit: 'A', disaggregation: 'GIOI_TINH=NU' }, value: '23' },
      ],
      { rows: ['disaggregation'], members },
    );
    expect(cellAt(r, 'total')).toBe('50');
  });

  it('three row dimensions: inner groups close before outer ones (2026/A: 1 + 2 = 3, 2026: 3 + 4 = 7, total 7 + 8 = 15)', () => {
    const r = pivot(
      [
        { coords: { year: '2026', unit: 'A', period: 'M2026-01' }, value: '1' },
        { coords: { year: '2026', unit: 'A', period: 'M2026-02' }, value: '2' },
        { coords: { year: '2026', unit: 'B', period: 'M2026-01' }, value: '4' },
        { coords: { year: '2027', unit: 'A', period: 'M2027-01' }, value: '8' },
      ],
      { rows: ['year', 'unit', 'period'] },
    );
    expect(r.rows.map((h) => `${h.kind}:${h.keys.join('/')}`)).toEqual([
      'member:2026/A/M2026-01',
      'member:2026/A/M2026-02',
      'subtotal:2026/A',
      'member:2026/B/M2026-01',
      'subtotal:2026/B',
      'subtotal:2026',
      'member:2027/A/M2027-01',
      'subtotal:2027/A',
      'subtotal:2027',
      'total:',
    ]);
    expect(r.cells.map((line) => line[0])).toEqual(['1', '2', '3', '4', '4', '7', '8', '8', '8', '15']);
  });

  it('columns with two dimensions mirror the rows: year 2026 subtotal 1 + 2 = 3, total 3 + 5 = 8', () => {
    const r = pivot(
      [
        { coords: { unit: 'A', year: '2026', period: 'M2026-01' }, value: '1' },
        { coords: { unit: 'A', year: '2026', period: 'M2026-02' }, value: '2' },
        { coords: { unit: 'A', year: '2027', period: 'M2027-01' }, value: '5' },
      ],
      { columns: ['year', 'period'] },
    );
    expect(r.columns.map((h) => `${h.kind}:${h.labels.join('/')}`)).toEqual([
      'member:2026/Tháng 01/2026',
      'member:2026/Tháng 02/2026',
      'subtotal:2026/Cộng',
      'member:2027/M2027-01',
      'subtotal:2027/Cộng',
      'total:Tổng cộng',
    ]);
    expect(r.cells[0]).toEqual(['1', '2', '3', '5', '5', '8']);
    expect(r.cells).toHaveLength(2);
  });

  it('member order follows `members` (B before A), unlisted keys go last sorted by key with the key as label', () => {
    const r = pivot(
      [
        { coords: { unit: 'Z' }, value: '1' },
        { coords: { unit: 'A' }, value: '2' },
        { coords: { unit: 'C' }, value: '3' },
        { coords: { unit: 'B' }, value: '4' },
      ],
      { members: { unit: [UNITS[1]!, UNITS[0]!] } },
    );
    expect(r.rows.map((h) => h.labels[0])).toEqual(['Xã B', 'Xã A', 'C', 'Z', 'Tổng cộng']);
    expect(r.cells.map((line) => line[0])).toEqual(['4', '2', '3', '1', '10']);
  });
});

describe('decimal text', () => {
  it('rounds half away from zero to 6 decimals, drops trailing zeros, never "-0"', () => {
    expect(pivotDecimalText(new FormDecimal('0.0000005'))).toBe('0.000001');
    expect(pivotDecimalText(new FormDecimal('-0.0000005'))).toBe('-0.000001');
    expect(pivotDecimalText(new FormDecimal('-0.0000004'))).toBe('0');
    expect(pivotDecimalText(new FormDecimal('1234567.500'))).toBe('1234567.5');
    expect(pivotDecimalText(new FormDecimal('1e21'))).toBe('1000000000000000000000');
  });

  it('a sum that cancels out, 0,1 + (−0,1) = 0, reads "0"', () => {
    const r = pivot([
      { coords: { unit: 'A' }, value: '0.1' },
      { coords: { unit: 'B' }, value: '-0.1' },
    ]);
    expect(cellAt(r, 'total')).toBe('0');
  });
});

describe('performance', () => {
  it('50.000 aggregates into 1.000 units × 20 periods (≈ 21.000 cells) in well under a second; grand total 50.000 × 1,5 = 75.000', () => {
    const periods = Array.from({ length: 20 }, (_, i) => ({ key: `M${String(i).padStart(2, '0')}`, label: `Kỳ ${i}` }));
    const units = Array.from({ length: 1000 }, (_, i) => ({ key: `U${String(i).padStart(4, '0')}`, label: `Đơn vị ${i}` }));
    const aggregates: FactAggregate[] = Array.from({ length: 50_000 }, (_, i) => ({
      coords: { unit: units[i % 1000]!.key, period: periods[Math.floor(i / 1000) % 20]!.key },
      indicatorCode: 'CT01',
      measure: 'TH',
      count: 1,
      sum: '1.5',
      min: '1.5',
      max: '1.5',
      weightedSum: null,
      weightSum: null,
    }));
    // CPU time, not wall time: on a shared test machine the wall clock measures the neighbours too.
    const started = process.cpuUsage();
    const r = buildPivot({ aggregates, rows: ['unit'], columns: ['period'], members: { unit: units, period: periods }, indicators: [] });
    const { user, system } = process.cpuUsage(started);
    const elapsedMs = (user + system) / 1000;
    expect(r.rows).toHaveLength(1001);
    expect(r.columns).toHaveLength(21);
    expect(cellAt(r, 'total')).toBe('75000');
    // Each (unit, period) holds 50.000 / 20.000 = 2,5 facts on average: U0000 × M00 has i = 0 and 20.000, 40.000 → 3 × 1,5 = 4,5.
    expect(cellAt(r, ['U0000'], ['M00'])).toBe('4.5');
    expect(elapsedMs).toBeLessThan(1000);
  });
});

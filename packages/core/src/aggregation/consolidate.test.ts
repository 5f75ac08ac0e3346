import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidationCell, type ConsolidationReport } from './consolidate.ts';

/*
 * Golden dataset: huyện H consolidates its communes X1…X4. X1–X3 have accepted reports, X4 has not
 * reported yet, X9 (not one of H's communes) sent a report anyway. Figures are hand-computed.
 */

const text = (value: Decimal | null) => (value === null ? null : value.toFixed());

const CELLS: ConsolidationCell[] = [
  { key: 'DS:SL', rule: 'sum' }, // dân số (population)
  { key: 'HN:TL', rule: 'weighted_average', weightKey: 'DS:SL' }, // tỷ lệ hộ nghèo (%), weighted by population
  { key: 'TB:GT', rule: 'average' },
  { key: 'TT:SL', rule: 'count' },
  { key: 'NN:GT', rule: 'min' },
  { key: 'LN:GT', rule: 'max' },
  { key: 'CS:GT', rule: 'none' }, // chỉ số giá: not added up
];

const REPORTS: ConsolidationReport[] = [
  // Deliberately not in display order, with the unexpected unit in between.
  { unitId: 'X3', values: { 'DS:SL': '4000', 'HN:TL': '7.5', 'TB:GT': 25, 'TT:SL': 1, 'NN:GT': '-2', 'LN:GT': '-2', 'CS:GT': '103.1' } },
  { unitId: 'X9', values: { 'DS:SL': 999999, 'HN:TL': 50, 'TB:GT': 1000, 'TT:SL': 1, 'NN:GT': -1000, 'LN:GT': 1000, 'CS:GT': 1 } },
  { unitId: 'X1', values: { 'DS:SL': 12000, 'HN:TL': '5.2', 'TB:GT': 10, 'TT:SL': 0, 'NN:GT': '3.5', 'LN:GT': null, 'CS:GT': '101.4' } },
  { unitId: 'X2', values: { 'DS:SL': '8000', 'HN:TL': '3.8', 'TT:SL': null, 'NN:GT': -7, 'LN:GT': '-0.5', 'CS:GT': '99.8' } },
];

describe('consolidate: huyện H from communes X1–X4 (X4 missing, X9 unexpected)', () => {
  const result = consolidate({ expectedUnitIds: ['X1', 'X2', 'X3', 'X4'], reports: REPORTS, cells: CELLS });

  it('lists the missing subunit X4 and the unexpected report from X9', () => {
    expect(result.missingUnitIds).toEqual(['X4']);
    expect(result.unexpectedUnitIds).toEqual(['X9']);
  });

  it('sum: dân số 12.000 + 8.000 + 4.000 = 24.000 — X9’s 999.999 is not added', () => {
    const cell = result.cells['DS:SL']!;
    expect(text(cell.value)).toBe('24000');
    expect(cell.rule).toBe('sum');
  });

  it('drill-down lists every expected unit that reported, in display order X1, X2, X3, with its value', () => {
    expect(result.cells['DS:SL']!.contributors.map((c) => [c.unitId, text(c.value), c.weight])).toEqual([
      ['X1', '12000', null],
      ['X2', '8000', null],
      ['X3', '4000', null],
    ]);
  });

  it('weighted average: tỷ lệ hộ nghèo (5,2×12.000 + 3,8×8.000 + 7,5×4.000) / 24.000 = 122.800 / 24.000 = 5,11(6) ≈ 5,12, weights read from each report’s dân số', () => {
    const cell = result.cells['HN:TL']!;
    expect(text(cell.value)).toBe(`5.11${'6'.repeat(30)}7`);
    expect(cell.value!.toDecimalPlaces(2).toFixed()).toBe('5.12');
    expect(cell.contributors.map((c) => [c.unitId, text(c.value), text(c.weight)])).toEqual([
      ['X1', '5.2', '12000'],
      ['X2', '3.8', '8000'],
      ['X3', '7.5', '4000'],
    ]);
    expect(cell.ignored).toEqual([]);
  });

  it('average: (10 + (trống: X2 has no such cell) + 25) / 2 = 17,5; X2 stays in the drill-down with an empty value', () => {
    const cell = result.cells['TB:GT']!;
    expect(text(cell.value)).toBe('17.5');
    expect(cell.contributors.map((c) => [c.unitId, text(c.value)])).toEqual([
      ['X1', '10'],
      ['X2', null],
      ['X3', '25'],
    ]);
    expect(cell.ignored).toEqual([{ unitId: 'X2', reason: 'empty' }]);
  });

  it('count: count(0; (trống); 1) = 2', () => {
    expect(text(result.cells['TT:SL']!.value)).toBe('2');
  });

  it('min(3,5; −7; −2) = −7 and max((trống); −0,5; −2) = −0,5 — X9’s −1.000 and 1.000 are not used', () => {
    expect(text(result.cells['NN:GT']!.value)).toBe('-7');
    expect(text(result.cells['LN:GT']!.value)).toBe('-0.5');
  });

  it('none: chỉ số giá 101,4; 99,8; 103,1 is not consolidated (trống), but the drill-down still shows each value', () => {
    const cell = result.cells['CS:GT']!;
    expect(cell.value).toBeNull();
    expect(cell.contributors.map((c) => text(c.value))).toEqual(['101.4', '99.8', '103.1']);
  });

  it('has exactly one consolidated cell per requested key', () => {
    expect(Object.keys(result.cells).sort()).toEqual(CELLS.map((c) => c.key).sort());
  });
});

describe('consolidate: edge cases', () => {
  it('nobody has reported: every subunit is missing, sums are (trống), counts 0, drill-downs empty', () => {
    const r = consolidate({
      expectedUnitIds: ['X1', 'X2'],
      reports: [],
      cells: [
        { key: 'A', rule: 'sum' },
        { key: 'B', rule: 'count' },
      ],
    });
    expect(r.missingUnitIds).toEqual(['X1', 'X2']);
    expect(r.cells['A']!.value).toBeNull();
    expect(r.cells['A']!.contributors).toEqual([]);
    expect(text(r.cells['B']!.value)).toBe('0');
  });

  it('a weighted average without a weight cell uses no unit: every contributor is listed as no_weight → (trống)', () => {
    const r = consolidate({
      expectedUnitIds: ['X1', 'X2'],
      reports: [
        { unitId: 'X1', values: { R: 5 } },
        { unitId: 'X2', values: { R: 7 } },
      ],
      cells: [{ key: 'R', rule: 'weighted_average', weightKey: null }],
    });
    expect(r.cells['R']!.value).toBeNull();
    expect(r.cells['R']!.ignored).toEqual([
      { unitId: 'X1', reason: 'no_weight' },
      { unitId: 'X2', reason: 'no_weight' },
    ]);
  });

  it('a unit with weight 0 (dân số 0) is listed: (4×0 + 6×3) / 3 = 6', () => {
    const r = consolidate({
      expectedUnitIds: ['X1', 'X2'],
      reports: [
        { unitId: 'X1', values: { R: 4, W: 0 } },
        { unitId: 'X2', values: { R: 6, W: 3 } },
      ],
      cells: [{ key: 'R', rule: 'weighted_average', weightKey: 'W' }],
    });
    expect(text(r.cells['R']!.value)).toBe('6');
    expect(r.cells['R']!.ignored).toEqual([{ unitId: 'X1', reason: 'zero_weight' }]);
    expect(r.cells['R']!.contributors.map((c) => text(c.weight))).toEqual(['0', '3']);
  });

  it('cell keys are read as own properties only ("constructor" is an empty cell, not Object)', () => {
    const r = consolidate({
      expectedUnitIds: ['X1'],
      reports: [{ unitId: 'X1', values: {} }],
      cells: [{ key: 'constructor', rule: 'count' }],
    });
    expect(text(r.cells['constructor']!.value)).toBe('0');
    expect(r.cells['constructor']!.ignored).toEqual([{ unitId: 'X1', reason: 'empty' }]);
  });

  it('a unit listed twice as expected counts once', () => {
    const r = consolidate({
      expectedUnitIds: ['X1', 'X1', 'X2'],
      reports: [{ unitId: 'X1', values: { A: 5 } }],
      cells: [{ key: 'A', rule: 'sum' }],
    });
    expect(text(r.cells['A']!.value)).toBe('5');
    expect(r.missingUnitIds).toEqual(['X2']);
  });

  it('two reports from one unit, or a cell listed twice, is a caller error', () => {
    expect(() =>
      consolidate({
        expectedUnitIds: ['X1'],
        reports: [
          { unitId: 'X1', values: { A: 5 } },
          { unitId: 'X1', values: { A: 6 } },
        ],
        cells: [{ key: 'A', rule: 'sum' }],
      }),
    ).toThrow(/more than one report/);
    expect(() =>
      consolidate({
        expectedUnitIds: ['X1'],
        reports: [],
        cells: [
          { key: 'A', rule: 'sum' },
          { key: 'A', rule: 'max' },
        ],
      }),
    ).toThrow(/listed twice/);
  });
});

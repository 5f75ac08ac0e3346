import { describe, expect, it } from 'vitest';
import { explorationQuery } from '@baocao/core';
import {
  buildQuery,
  chipLabel,
  DEFAULT_LAYOUT,
  defaultPeriodRange,
  EMPTY_PANEL,
  layoutForIndicators,
  moveDimension,
  panelOfQuery,
  periodCodeLabel,
  periodCount,
  queryProblem,
  shiftDimension,
  zoneDimensions,
  type Layout,
  type PanelState,
} from './exploreModel.ts';

const layoutOf = (result: ReturnType<typeof moveDimension>): Layout => {
  if (!result.ok) throw new Error(result.message);
  return result.layout;
};

describe('dimension zones', () => {
  it('the default puts Đơn vị on rows and Kỳ báo cáo on columns; the other 5 are unused', () => {
    expect(zoneDimensions(DEFAULT_LAYOUT, 'rows')).toEqual(['unit']);
    expect(zoneDimensions(DEFAULT_LAYOUT, 'columns')).toEqual(['period']);
    expect(zoneDimensions(DEFAULT_LAYOUT, 'unused')).toEqual(['indicator', 'measure', 'disaggregation', 'year', 'regime']);
  });

  it('moving a dimension takes it out of its zone and inserts it where dropped', () => {
    const l = layoutOf(moveDimension(DEFAULT_LAYOUT, 'indicator', 'rows', 0));
    expect(l).toEqual({ rows: ['indicator', 'unit'], columns: ['period'] });
    expect(layoutOf(moveDimension(l, 'unit', 'columns'))).toEqual({ rows: ['indicator'], columns: ['period', 'unit'] });
    expect(layoutOf(moveDimension(l, 'unit', 'unused'))).toEqual({ rows: ['indicator'], columns: ['period'] });
  });

  it('reorders within a zone without counting it twice against the limit', () => {
    const full: Layout = { rows: ['indicator', 'unit', 'measure', 'disaggregation'], columns: ['period'] };
    expect(layoutOf(moveDimension(full, 'disaggregation', 'rows', 0)).rows).toEqual(['disaggregation', 'indicator', 'unit', 'measure']);
  });

  it('refuses a 5th row dimension and a 4th column dimension, in Vietnamese', () => {
    const full: Layout = { rows: ['indicator', 'unit', 'measure', 'disaggregation'], columns: ['period', 'year', 'regime'] };
    expect(moveDimension(full, 'year', 'rows')).toEqual({ ok: false, message: 'Hàng có tối đa 4 chiều: hãy bỏ bớt một chiều trước.' });
    expect(moveDimension(full, 'unit', 'columns')).toEqual({ ok: false, message: 'Cột có tối đa 3 chiều: hãy bỏ bớt một chiều trước.' });
  });

  it('shifts a dimension earlier or later, and not past either end', () => {
    const l: Layout = { rows: ['indicator', 'unit'], columns: [] };
    expect(shiftDimension(l, 'unit', -1).rows).toEqual(['unit', 'indicator']);
    expect(shiftDimension(l, 'unit', 1)).toBe(l);
    expect(shiftDimension(l, 'period', 1)).toBe(l);
  });

  it('names each chip with its place for screen readers', () => {
    expect(chipLabel(DEFAULT_LAYOUT, 'unit')).toBe('Đơn vị, trong Hàng, vị trí 1');
    expect(chipLabel(DEFAULT_LAYOUT, 'year')).toBe('Năm, không dùng');
  });

  it('choosing a second indicator brings "Chỉ tiêu" to the front of the rows; one indicator leaves the layout alone', () => {
    expect(layoutForIndicators(DEFAULT_LAYOUT, 2)).toEqual({ rows: ['indicator', 'unit'], columns: ['period'] });
    expect(layoutForIndicators(DEFAULT_LAYOUT, 1)).toBe(DEFAULT_LAYOUT);
  });
});

describe('periods', () => {
  it('the last 12 months up to M2026-10 run from M2025-11 (across the new year)', () => {
    expect(defaultPeriodRange('month', 'M2026-10', '2026-11-23')).toEqual({ from: 'M2025-11', to: 'M2026-10' });
  });

  it('the last 6 months up to M2026-03: M2025-10 … M2026-03', () => {
    expect(defaultPeriodRange('month', 'M2026-03', '2026-11-23', 6)).toEqual({ from: 'M2025-10', to: 'M2026-03' });
  });

  it('without a latest period, counts back from the current one: quarter of 23/11/2026 is Q2026-4', () => {
    expect(defaultPeriodRange('quarter', undefined, '2026-11-23', 4)).toEqual({ from: 'Q2026-1', to: 'Q2026-4' });
  });

  it('years are offered 5 at most by default: Y2022 … Y2026', () => {
    expect(defaultPeriodRange('year', 'Y2026', '2026-11-23')).toEqual({ from: 'Y2022', to: 'Y2026' });
  });

  it('counts periods: M2025-11 … M2026-10 is 12; a reversed range is 0', () => {
    expect(periodCount('month', 'M2025-11', 'M2026-10')).toBe(12);
    expect(periodCount('month', 'M2026-10', 'M2025-11')).toBe(0);
    expect(periodCount('quarter', 'M2025-11', 'M2026-10')).toBe(0);
  });

  it('labels a period code: M2026-10 → "Tháng 10/2026"', () => {
    expect(periodCodeLabel('M2026-10')).toBe('Tháng 10/2026');
  });
});

describe('the query', () => {
  const panel: PanelState = {
    ...EMPTY_PANEL,
    indicatorCodes: ['LD_TAO_VIEC_LAM'],
    kinds: ['commune', 'ward'],
    from: 'M2026-05',
    to: 'M2026-10',
  };

  it('a panel by level makes a query the contract accepts, and reads back the same', () => {
    const query = buildQuery(panel, DEFAULT_LAYOUT);
    expect(query.units).toEqual({ mode: 'level', kinds: ['commune', 'ward'] });
    const parsed = explorationQuery.parse(query);
    expect(panelOfQuery(parsed)).toEqual({ panel, layout: DEFAULT_LAYOUT });
    expect(queryProblem(query)).toBeNull();
  });

  it('explicit units go by id', () => {
    const id = '6f1b0a8e-3c1d-4f5e-9a7b-2c3d4e5f6a7b';
    expect(buildQuery({ ...panel, unitMode: 'explicit', unitIds: [id] }, DEFAULT_LAYOUT).units).toEqual({
      mode: 'explicit',
      unitIds: [id],
    });
    expect(queryProblem(buildQuery({ ...panel, unitMode: 'explicit', unitIds: [] }, DEFAULT_LAYOUT))).toBe('Hãy chọn ít nhất một đơn vị.');
  });

  it('says what is missing before asking the server', () => {
    expect(queryProblem(buildQuery(EMPTY_PANEL, DEFAULT_LAYOUT))).toBe('Hãy chọn ít nhất một chỉ tiêu.');
    expect(queryProblem(buildQuery({ ...panel, to: undefined }, DEFAULT_LAYOUT))).toBe('Hãy chọn kỳ báo cáo từ và đến.');
    expect(queryProblem(buildQuery({ ...panel, from: 'M2026-11' }, DEFAULT_LAYOUT))).toBe('Kỳ “từ” phải trước hoặc trùng kỳ “đến”.');
    // M2016-01 … M2026-10 is 130 months, more than the 120 allowed.
    expect(queryProblem(buildQuery({ ...panel, from: 'M2016-01' }, DEFAULT_LAYOUT))).toBe('Chọn tối đa 120 kỳ báo cáo.');
  });

  it('several indicators need "Chỉ tiêu" on rows or columns', () => {
    const two = { ...panel, indicatorCodes: ['LD_TAO_VIEC_LAM', 'KHACH_DL'] };
    expect(queryProblem(buildQuery(two, DEFAULT_LAYOUT))).toMatch(/^Đã chọn nhiều chỉ tiêu: hãy đưa “Chỉ tiêu” vào Hàng hoặc Cột/u);
    expect(queryProblem(buildQuery(two, layoutForIndicators(DEFAULT_LAYOUT, 2)))).toBeNull();
  });
});

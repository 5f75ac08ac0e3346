import { ANALYTICS_LIMITS, type ExplorationOptions } from '@baocao/core';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { aggregationSql } from './explore-queries.ts';
import { periodRange, rollPeriods } from './explore.ts';
import { analyticsFixture, type AnalyticsFixture, explored, refusal, table, vonQuery } from './fixtures.test-support.ts';

describe('periodRange', () => {
  it('lists the months from..to in order, with the same months a year earlier when asked', () => {
    expect(periodRange({ periodType: 'month', from: 'M2025-11', to: 'M2026-02', samePeriodLastYear: false })).toEqual({
      codes: ['M2025-11', 'M2025-12', 'M2026-01', 'M2026-02'],
      years: [2025, 2026],
    });
    expect(periodRange({ periodType: 'quarter', from: 'Q2026-1', to: 'Q2026-2', samePeriodLastYear: true })).toEqual({
      codes: ['Q2025-1', 'Q2025-2', 'Q2026-1', 'Q2026-2'],
      years: [2025, 2026],
    });
  });

  it('accepts exactly 120 months (M2017-01 … M2026-12) and refuses 121 with guidance', () => {
    expect(periodRange({ periodType: 'month', from: 'M2017-01', to: 'M2026-12', samePeriodLastYear: false }).codes).toHaveLength(120);
    expect(() => periodRange({ periodType: 'month', from: 'M2016-12', to: 'M2026-12', samePeriodLastYear: false })).toThrow(
      /hơn 120 kỳ.*loại kỳ dài hơn/u,
    );
  });

  it('refuses a code of another type and custom periods', () => {
    expect(() => periodRange({ periodType: 'month', from: 'Q2026-1', to: 'M2026-03', samePeriodLastYear: false })).toThrow(
      'Kỳ bắt đầu "Q2026-1" không phải là một kỳ hằng tháng.',
    );
    expect(() => periodRange({ periodType: 'custom', from: 'C1', to: 'C2', samePeriodLastYear: false })).toThrow(/Kỳ tự định nghĩa/u);
  });
});

describe('rollPeriods', () => {
  const last6 = { periodType: 'month' as const, from: 'M2026-01', to: 'M2026-06', samePeriodLastYear: true, rolling: true };

  it('moves a rolling range of 6 months to end at the newest figures: M2026-01…06 → M2026-05…10', () => {
    expect(rollPeriods(last6, 'M2026-10')).toEqual({ ...last6, from: 'M2026-05', to: 'M2026-10' });
  });

  it('crosses a year: 3 quarters ending Q2026-4 → Q2026-2 … Q2026-4, then ending Q2027-1 → Q2026-3 … Q2027-1', () => {
    const q = { periodType: 'quarter' as const, from: 'Q2026-2', to: 'Q2026-4', samePeriodLastYear: false, rolling: true };
    expect(rollPeriods(q, 'Q2027-1')).toEqual({ ...q, from: 'Q2026-3', to: 'Q2027-1' });
  });

  it('leaves a fixed range, an unknown latest period or a latest period of another type alone', () => {
    expect(rollPeriods({ ...last6, rolling: false }, 'M2026-10')).toEqual({ ...last6, rolling: false });
    expect(rollPeriods(last6, undefined)).toBe(last6);
    expect(rollPeriods(last6, 'Q2026-3')).toBe(last6);
  });
});

describe('the aggregation query', () => {
  it('is the SQL committed in explore-queries.sql.snap', async () => {
    const query = new PgDialect().sqlToQuery(
      aggregationSql(
        {
          years: [2025, 2026],
          periodType: 'month',
          periodCodes: ['M2025-01', 'M2026-01'],
          unitIds: ['00000000-0000-4000-8000-000000000001'],
          indicatorCodes: ['CT-VON'],
          measures: ['TH'],
          totalOnly: false,
          regimeId: '00000000-0000-4000-8000-000000000002',
        },
        ['unit', 'period', 'year', 'regime', 'disaggregation'],
        ANALYTICS_LIMITS.pivotCells + 1,
      ),
    );
    await expect(`${query.sql}\n\n-- params: ${JSON.stringify(query.params)}\n`).toMatchFileSnapshot('./explore-queries.sql.snap');
  });
});

describe.each(backends)('exploration through HTTP on %s', (backend) => {
  let f: AnalyticsFixture;
  beforeAll(async () => {
    f = await analyticsFixture(backend);
  }, 120_000);
  afterAll(() => f.t.close());

  it('sums CT-VON: An Lạc 120 + 100 = 220, Bình Minh 80,5 + 50 = 130,5; January 120 + 80,5 = 200,5; total 350,5', async () => {
    const result = await explored(f.provinceViewer, vonQuery([f.units.binhMinh, f.units.anLac]));
    expect(result.columns.map((c) => c.labels)).toEqual([['Tháng 1/2026'], ['Tháng 2/2026'], ['Tổng cộng']]);
    expect(table(result)).toEqual({
      'UBND xã An Lạc': ['120', '100', '220'],
      'UBND xã Bình Minh': ['80.5', '50', '130.5'],
      'Tổng cộng': ['200.5', '150', '350.5'],
    });
    expect(result.factCount).toBe(4);
    expect(result.indicators).toEqual([{ code: 'CT-VON', name: 'Vốn đầu tư thực hiện', unitOfMeasure: 'Triệu đồng', aggregation: 'sum' }]);
  });

  it('closes each unit with a sub-total when units and periods are both on rows: 120 + 100 = 220, 80,5 + 50 = 130,5', async () => {
    const result = await explored(f.provinceViewer, vonQuery([f.units.anLac, f.units.binhMinh], { rows: ['unit', 'period'], columns: [] }));
    expect(result.rows.map((r) => r.kind)).toEqual(['member', 'member', 'subtotal', 'member', 'member', 'subtotal', 'total']);
    expect(table(result)).toEqual({
      'UBND xã An Lạc / Tháng 1/2026': ['120'],
      'UBND xã An Lạc / Tháng 2/2026': ['100'],
      'UBND xã An Lạc / Cộng': ['220'],
      'UBND xã Bình Minh / Tháng 1/2026': ['80.5'],
      'UBND xã Bình Minh / Tháng 2/2026': ['50'],
      'UBND xã Bình Minh / Cộng': ['130.5'],
      'Tổng cộng': ['350.5'],
    });
  });

  it('averages by the weight: poverty 50 % (weight 200) and 80 % (weight 100) → (10000 + 8000) / 300 = 60 %', async () => {
    const result = await explored(
      f.provinceViewer,
      vonQuery([f.units.anLac, f.units.binhMinh], {
        indicatorCodes: ['CT-HN'],
        measures: [],
        periods: { periodType: 'month', from: 'M2026-01', to: 'M2026-01' },
      }),
    );
    expect(table(result)).toEqual({ 'UBND xã An Lạc': ['50', '50'], 'UBND xã Bình Minh': ['80', '80'], 'Tổng cộng': ['60', '60'] });
  });

  it('averages prices of the three communes chosen by level: (7000 + 8200 + 7600) / 3 = 7600', async () => {
    const result = await explored(f.provinceViewer, {
      ...vonQuery([], { indicatorCodes: ['CT-GIA'], measures: [], periods: { periodType: 'month', from: 'M2026-01', to: 'M2026-01' } }),
      units: { mode: 'level', rootUnitId: f.units.root, kinds: ['commune'] },
      columns: [],
    });
    expect(table(result)).toEqual({
      'UBND xã An Lạc': ['7000'],
      'UBND xã Bình Minh': ['8200'],
      'UBND xã Cát Hải': ['7600'],
      'Tổng cộng': ['7600'],
    });
  });

  it('shows every disaggregation when placed (Tổng số 30 + 20 = 50, Nam 18 + 9 = 27, Nữ 12 + 11 = 23), only the total otherwise', async () => {
    const base = vonQuery([f.units.anLac, f.units.binhMinh], {
      indicatorCodes: ['CT-LD'],
      measures: [],
      periods: { periodType: 'month', from: 'M2026-01', to: 'M2026-01' },
    });
    const split = await explored(f.provinceViewer, { ...base, rows: ['disaggregation'], columns: ['unit'] });
    expect(split.rows.map((r) => r.labels[0])).toEqual(['Tổng số', 'Giới tính: Nam', 'Giới tính: Nữ', 'Tổng cộng']);
    expect(table(split)['Tổng số']).toEqual(['30', '20', '50']);
    expect(table(split)['Giới tính: Nam']).toEqual(['18', '9', '27']);
    expect(table(split)['Giới tính: Nữ']).toEqual(['12', '11', '23']);
    const totals = await explored(f.provinceViewer, { ...base, rows: [], columns: ['unit'] });
    expect(totals.cells).toEqual([['30', '20', '50']]);
    expect(totals.factCount).toBe(2);
  });

  it('adds the same months of last year: January 2025 90 + 60 = 150 beside January 2026 200,5', async () => {
    const result = await explored(
      f.provinceViewer,
      vonQuery([f.units.anLac, f.units.binhMinh], {
        rows: [],
        columns: ['year', 'period'],
        periods: { periodType: 'month', from: 'M2026-01', to: 'M2026-01', samePeriodLastYear: true },
      }),
    );
    expect(result.columns.map((c) => c.labels.join(' / '))).toEqual([
      'Năm 2025 / Tháng 1/2025',
      'Năm 2025 / Cộng',
      'Năm 2026 / Tháng 1/2026',
      'Năm 2026 / Cộng',
      'Tổng cộng',
    ]);
    expect(result.cells).toEqual([['150', '150', '200.5', '200.5', '350.5']]);
  });

  it('labels imported data under "Số liệu nhập từ nguồn khác" on the regime dimension', async () => {
    const result = await explored(f.provinceViewer, vonQuery([f.units.anLac], { rows: ['regime'], columns: [] }));
    expect(table(result)).toEqual({ 'Số liệu nhập từ nguồn khác': ['220'], 'Tổng cộng': ['220'] });
  });

  it('puts several indicators side by side without adding them up', async () => {
    const result = await explored(
      f.provinceViewer,
      vonQuery([f.units.anLac], { indicatorCodes: ['CT-VON', 'CT-GIA'], measures: ['TH'], rows: ['indicator'], columns: [] }),
    );
    expect(table(result)).toEqual({
      'Vốn đầu tư thực hiện (Triệu đồng)': ['220'],
      'Giá lúa bình quân (Đồng/kg)': ['7000'],
      'Tổng cộng': [null],
    });
    expect(result.notes.length).toBeGreaterThan(0);
  });

  it('refuses several indicators, or several measures, when "Chỉ tiêu" / "Cột số liệu" is not placed', async () => {
    const indicators = await f.provinceViewer.post(
      '/api/v1/analytics/explore',
      vonQuery([f.units.anLac], { indicatorCodes: ['CT-VON', 'CT-GIA'] }),
    );
    expect(refusal(indicators)).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Khi chọn nhiều chỉ tiêu, hãy kéo "Chỉ tiêu" vào hàng hoặc cột.',
    });
    const measures = refusal(
      await f.provinceViewer.post('/api/v1/analytics/explore', vonQuery([f.units.anLac, f.units.binhMinh], { measures: [] })),
    );
    expect(measures).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(measures.message).toContain('KH (Kế hoạch năm), TH (Thực hiện)');
    expect(measures.message).toContain('kéo "Cột số liệu" vào hàng hoặc cột');
    // With the measure placed: plan 1500 + 1000 = 2500 beside the January figure 200,5.
    const placed = await explored(
      f.provinceViewer,
      vonQuery([f.units.anLac, f.units.binhMinh], {
        measures: [],
        rows: ['measure'],
        columns: [],
        periods: { periodType: 'month', from: 'M2026-01', to: 'M2026-01' },
      }),
    );
    expect(table(placed)).toEqual({ 'Kế hoạch năm': ['2500'], 'Thực hiện': ['200.5'], 'Tổng cộng': [null] });
  });

  it('refuses from after to, 121 months and custom periods; an unknown indicator is an empty table', async () => {
    const backwards = refusal(
      await f.provinceViewer.post(
        '/api/v1/analytics/explore',
        vonQuery([f.units.anLac], { periods: { periodType: 'month', from: 'M2026-03', to: 'M2026-01' } }),
      ),
    );
    expect(backwards).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Kỳ bắt đầu (Tháng 3/2026) phải trước hoặc trùng kỳ kết thúc (Tháng 1/2026).',
    });
    const long = refusal(
      await f.provinceViewer.post(
        '/api/v1/analytics/explore',
        vonQuery([f.units.anLac], { periods: { periodType: 'month', from: 'M2016-01', to: 'M2026-01' } }),
      ),
    );
    expect(long).toMatchObject({ status: 422, code: 'ANALYTICS_TOO_LARGE' });
    const custom = refusal(
      await f.provinceViewer.post(
        '/api/v1/analytics/explore',
        vonQuery([f.units.anLac], { periods: { periodType: 'custom', from: 'C1', to: 'C2' } }),
      ),
    );
    expect(custom).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const unknown = await explored(f.provinceViewer, vonQuery([f.units.anLac], { indicatorCodes: ['KHONG-CO'] }));
    expect(unknown).toMatchObject({ factCount: 0, indicators: [], cells: [[null]] });
    expect(unknown.notes).toEqual(['Không có trong kho chỉ tiêu: "KHONG-CO".']);
  });

  it('refuses a table of 120 days × 171 groups = 20.520 cells (over 20.000), asking to narrow it or export the facts', async () => {
    const days = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    await f.importFacts([
      ...days.map((d) => f.fact(f.units.catHai, 'CT-THU', `D${d}`, '1')),
      ...Array.from({ length: 170 }, (_, i) =>
        f.fact(f.units.catHai, 'CT-THU', 'D2026-01-01', '1', { disaggregation: `NHOM=${String(i).padStart(3, '0')}` }),
      ),
    ]);
    const query = vonQuery([f.units.catHai], {
      indicatorCodes: ['CT-THU'],
      periods: { periodType: 'day', from: 'D2026-01-01', to: 'D2026-04-30' },
      rows: ['period'],
      columns: ['disaggregation'],
    });
    const res = refusal(await f.provinceViewer.post('/api/v1/analytics/explore', query));
    expect(res).toMatchObject({ status: 422, code: 'ANALYTICS_TOO_LARGE' });
    expect(res.message).toContain('20.520 ô');
    expect(res.message).toContain('kết xuất dữ liệu chi tiết (CSV)');
    // Without the groups on the table only the totals are read: 120 days of 1 = 120.
    const fits = await explored(f.provinceViewer, { ...query, columns: [] });
    expect(fits.cells.at(-1)).toEqual(['120']);
  });

  it('keeps a commune viewer to their commune: B named → OUT_OF_SCOPE, by level → An Lạc only', async () => {
    const named = refusal(await f.anLacViewer.post('/api/v1/analytics/explore', vonQuery([f.units.anLac, f.units.binhMinh])));
    expect(named).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
    const root = refusal(
      await f.anLacViewer.post('/api/v1/analytics/explore', {
        ...vonQuery([]),
        units: { mode: 'level', rootUnitId: f.units.root, kinds: [] },
      }),
    );
    expect(root).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
    const level = await explored(f.anLacViewer, { ...vonQuery([]), units: { mode: 'level', kinds: ['commune'] } });
    expect(table(level)).toEqual({ 'UBND xã An Lạc': ['120', '100', '220'], 'Tổng cộng': ['120', '100', '220'] });
  });

  it('offers the measures, disaggregations and latest periods of the facts the caller may read', async () => {
    const options = async (c: typeof f.admin, codes: string) => {
      const res = await c.get(`/api/v1/analytics/options?indicatorCodes=${codes}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ExplorationOptions;
    };
    expect(await options(f.provinceViewer, 'CT-VON')).toEqual({
      measures: [
        { code: 'KH', name: 'Kế hoạch năm' },
        { code: 'TH', name: 'Thực hiện' },
        { code: 'UT', name: 'Ước thực hiện' },
      ],
      disaggregations: [{ key: '', label: 'Tổng số' }],
      periodTypes: ['month'],
      latestPeriods: { month: 'M2026-03' },
    });
    // Bình Minh's estimate of March is not An Lạc's business.
    expect(await options(f.anLacViewer, 'CT-VON')).toMatchObject({
      measures: [
        { code: 'KH', name: 'Kế hoạch năm' },
        { code: 'TH', name: 'Thực hiện' },
      ],
      latestPeriods: { month: 'M2026-02' },
    });
    expect((await options(f.anLacViewer, 'CT-LD,CT-GIA')).disaggregations).toEqual([
      { key: '', label: 'Tổng số' },
      { key: 'GIOI_TINH=NAM', label: 'Giới tính: Nam' },
      { key: 'GIOI_TINH=NU', label: 'Giới tính: Nữ' },
    ]);
  });
});

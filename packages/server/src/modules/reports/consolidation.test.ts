import { defineForm, FormDecimal, type ConsolidationResponse } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { consolidationCells, decimalText } from './consolidation.ts';
import { consolidationForm, reportsDataFixture, type ReportsDataFixture } from './fixtures.test-support.ts';

/*
 * Golden figures, computed by hand. Biểu 02 of "Tháng 1/2026", received by Sở Kế hoạch và Đầu tư:
 *
 *              DS:KN   DS:KH  HN:KH  GIA:KN  NS:KN  KHAC:KN
 * An Lạc       120     200    50     10      55.5   5        accepted (version 1)
 * Bình Minh    80.5    100    80     20      62     –        version 1 accepted; correction draft v2 has DS:KN 999, GIA:KN 1000
 * Cát Hải      0       –      70     30      58     –        accepted
 * Đồng Tiến    1000    …                                     returned (never accepted)
 * Hòa Bình     –                                             not started
 *
 * An Lạc passed its report down to three divisions: Kinh tế (DS:KN 40, GIA:KN 7) and Văn hóa - Xã
 * hội (DS:KN 60, GIA:KN 9) accepted; the office division has not reported.
 */
describe.each(backends)('report consolidation from accepted subunit reports on %s', (backend) => {
  let f: ReportsDataFixture;
  let summaryId: string;
  let reports: Record<'anLac' | 'binhMinh' | 'catHai' | 'dongTien' | 'economy' | 'culture', string>;

  beforeAll(async () => {
    f = await reportsDataFixture(backend);
    summaryId = f.forms.summary.versionId;
    const v = (values: Record<string, string>) => ({ [summaryId]: values });
    const anLacTask = await f.assignmentOf(f.units.anLac);
    const delegated = await f.anLacLeader.post(`/api/v1/assignments/${anLacTask}/delegate`, {
      unitIds: [f.units.economy, f.units.culture, f.units.officeDiv],
      deadlineDate: '2026-01-15',
    });
    if (delegated.statusCode !== 201 && delegated.statusCode !== 200)
      throw new Error(`delegate: ${delegated.statusCode} ${delegated.body}`);

    const insert = async (unitId: string, input: Omit<Parameters<ReportsDataFixture['insertReport']>[0], 'assignmentId'>) =>
      (await f.insertReport({ assignmentId: await f.assignmentOf(unitId), ...input })).reportId;
    reports = {
      anLac: await insert(f.units.anLac, {
        state: 'accepted',
        versions: [
          {
            accepted: true,
            forms: v({ 'DS:KN': '120', 'DS:KH': '200', 'HN:KH': '50', 'GIA:KN': '10', 'NS:KN': '55.5', 'KHAC:KN': '5', 'GC:KN': 'x' }),
          },
        ],
      }),
      binhMinh: await insert(f.units.binhMinh, {
        state: 'draft',
        versions: [
          { accepted: true, forms: v({ 'DS:KN': '80.5', 'DS:KH': '100', 'HN:KH': '80', 'GIA:KN': '20', 'NS:KN': '62' }) },
          { forms: v({ 'DS:KN': '999', 'DS:KH': '100', 'HN:KH': '80', 'GIA:KN': '1000', 'NS:KN': '62' }) },
        ],
      }),
      catHai: await insert(f.units.catHai, {
        state: 'accepted',
        versions: [{ accepted: true, forms: v({ 'DS:KN': '0', 'HN:KH': '70', 'GIA:KN': '30', 'NS:KN': '58' }) }],
      }),
      dongTien: await insert(f.units.dongTien, { state: 'returned', versions: [{ forms: v({ 'DS:KN': '1000', 'GIA:KN': '1000' }) }] }),
      economy: await insert(f.units.economy, {
        state: 'accepted',
        versions: [{ accepted: true, forms: v({ 'DS:KN': '40', 'GIA:KN': '7' }) }],
      }),
      culture: await insert(f.units.culture, {
        state: 'accepted',
        versions: [{ accepted: true, forms: v({ 'DS:KN': '60', 'GIA:KN': '9' }) }],
      }),
    };
  }, 60_000);
  afterAll(() => f.t.close());

  describe("the department's view of the period", () => {
    let body: ConsolidationResponse;
    beforeAll(async () => {
      const res = await f.planningOfficer.get(`/api/v1/periods/${f.periodId}/consolidation?formVersionId=${summaryId}`);
      expect(res.statusCode, res.body).toBe(200);
      body = res.json();
    });

    it('sum: 120 + 80.5 + 0 = 200.5, with each commune in the drill-down', () => {
      expect(body.cells['DS:KN']).toEqual({
        value: '200.5',
        rule: 'sum',
        contributors: [
          { unitId: f.units.anLac, unitName: 'UBND xã An Lạc', reportId: reports.anLac, value: '120', weight: null },
          { unitId: f.units.binhMinh, unitName: 'UBND xã Bình Minh', reportId: reports.binhMinh, value: '80.5', weight: null },
          { unitId: f.units.catHai, unitName: 'UBND xã Cát Hải', reportId: reports.catHai, value: '0', weight: null },
        ],
        ignored: [],
      });
    });

    it('sum of a column where one commune left the cell empty: 200 + 100 = 300, Cát Hải listed as "Ô trống"', () => {
      expect(body.cells['DS:KH']!.value).toBe('300');
      expect(body.cells['DS:KH']!.ignored).toEqual([{ unitId: f.units.catHai, unitName: 'UBND xã Cát Hải', reason: 'Ô trống' }]);
    });

    it('weighted average of rates 50% (weight 200) and 80% (weight 100) = (10000 + 8000) / 300 = 60%; a rate without population is left out', () => {
      const cell = body.cells['HN:KH']!;
      expect(cell.value).toBe('60');
      expect(cell.rule).toBe('weighted_average');
      expect(cell.contributors.map((c) => [c.value, c.weight])).toEqual([
        ['50', '200'],
        ['80', '100'],
        ['70', null],
      ]);
      expect(cell.ignored).toEqual([{ unitId: f.units.catHai, unitName: 'UBND xã Cát Hải', reason: 'Thiếu quyền số' }]);
    });

    it('average of 3 communes (10, 20, 30) = 20', () => {
      expect(body.cells['GIA:KN']).toMatchObject({ value: '20', rule: 'average' });
    });

    it('max of 55.5, 62 and 58 = 62', () => {
      expect(body.cells['NS:KN']).toMatchObject({ value: '62', rule: 'max' });
    });

    it('a row without an indicator is summed: 5 from An Lạc alone, the two empty cells listed', () => {
      expect(body.cells['KHAC:KN']).toMatchObject({ value: '5', rule: 'sum' });
      expect(body.cells['KHAC:KN']!.ignored.map((i) => i.unitName)).toEqual(['UBND xã Bình Minh', 'UBND xã Cát Hải']);
    });

    it('a cell nobody filled stays empty instead of becoming 0', () => {
      expect(body.cells['HN:KN']!.value).toBeNull();
    });

    it('consolidates input cells of numeric columns only: no computed row, no text column', () => {
      const keys = Object.keys(body.cells);
      expect(keys).toContain('KHAC:KH');
      expect(keys.filter((k) => k.startsWith('TONG:') || k.endsWith(':GC'))).toEqual([]);
      expect(keys).toHaveLength(5 * 2);
    });

    it('during a correction the accepted version 1 counts, not the draft version 2 (80.5, not 999)', () => {
      expect(body.cells['DS:KN']!.contributors.find((c) => c.unitId === f.units.binhMinh)!.value).toBe('80.5');
      expect(body.reportedUnits).toContainEqual({
        unitId: f.units.binhMinh,
        unitName: 'UBND xã Bình Minh',
        reportId: reports.binhMinh,
        versionNo: 1,
      });
    });

    it('a returned (not accepted) report is not counted, and a missing unit is listed and not counted', () => {
      expect(body.missingUnits).toEqual([
        { unitId: f.units.hoaBinh, unitName: 'UBND phường Hòa Bình', status: 'not_started' },
        { unitId: f.units.dongTien, unitName: 'UBND xã Đồng Tiến', status: 'returned' },
      ]);
      expect(body.reportedUnits.map((u) => u.unitName)).toEqual(['UBND xã An Lạc', 'UBND xã Bình Minh', 'UBND xã Cát Hải']);
      for (const cell of Object.values(body.cells)) {
        expect(cell.contributors.map((c) => c.unitId)).not.toContain(f.units.dongTien);
      }
    });
  });

  describe("a consolidating unit's own report", () => {
    it("pre-fills An Lạc's report from its divisions: 40 + 60 = 100 and average (7, 9) = 8; the office division is missing", async () => {
      const res = await f.anLacOfficer.get(`/api/v1/reports/${reports.anLac}/consolidation?formVersionId=${summaryId}`);
      expect(res.statusCode, res.body).toBe(200);
      const body: ConsolidationResponse = res.json();
      expect(body.formVersionId).toBe(summaryId);
      expect(body.cells['DS:KN']).toMatchObject({ value: '100', rule: 'sum' });
      expect(body.cells['DS:KN']!.contributors.map((c) => [c.unitName, c.reportId, c.value])).toEqual([
        ['Phòng Kinh tế xã An Lạc', reports.economy, '40'],
        ['Phòng Văn hóa - Xã hội xã An Lạc', reports.culture, '60'],
      ]);
      expect(body.cells['GIA:KN']!.value).toBe('8');
      expect(body.missingUnits).toEqual([
        { unitId: f.units.officeDiv, unitName: 'Văn phòng HĐND và UBND xã An Lạc', status: 'not_started' },
      ]);
    });

    it('a report that was not passed down has nothing to consolidate: every unit-less cell is empty', async () => {
      const res = await f.binhMinhOfficer.get(`/api/v1/reports/${reports.binhMinh}/consolidation?formVersionId=${summaryId}`);
      expect(res.statusCode, res.body).toBe(200);
      const body: ConsolidationResponse = res.json();
      expect(body.reportedUnits).toEqual([]);
      expect(body.missingUnits).toEqual([]);
      expect(body.cells['DS:KN']).toEqual({ value: null, rule: 'sum', contributors: [], ignored: [] });
    });

    it("An Lạc's leader, who receives its divisions' reports, sees them in the period view", async () => {
      const res = await f.anLacLeader.get(`/api/v1/periods/${f.periodId}/consolidation?formVersionId=${summaryId}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().cells['DS:KN'].value).toBe('100');
    });
  });

  describe('who may see it', () => {
    it('the receiving department may not read the sender-side pre-fill of a report', async () => {
      const res = await f.planningOfficer.get(`/api/v1/reports/${reports.anLac}/consolidation?formVersionId=${summaryId}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    });

    it("another commune cannot read An Lạc's consolidation", async () => {
      const res = await f.binhMinhOfficer.get(`/api/v1/reports/${reports.anLac}/consolidation?formVersionId=${summaryId}`);
      expect(res.statusCode).toBe(403);
    });

    it('a data-entry officer receives nothing: the period view is refused', async () => {
      const res = await f.binhMinhOfficer.get(`/api/v1/periods/${f.periodId}/consolidation?formVersionId=${summaryId}`);
      expect(res.statusCode).toBe(403);
    });

    it('a receiving unit the officer does not hold report.receive on is refused', async () => {
      const res = await f.anLacLeader.get(
        `/api/v1/periods/${f.periodId}/consolidation?formVersionId=${summaryId}&receivingUnitId=${f.units.planning}`,
      );
      expect(res.statusCode).toBe(403);
    });

    it('a form that is not on the report is not found', async () => {
      const res = await f.anLacOfficer.get(`/api/v1/reports/${reports.anLac}/consolidation?formVersionId=${f.forms.other.versionId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('Biểu mẫu này không thuộc báo cáo.');
    });
  });
});

describe('consolidation rules of a form', () => {
  const rules = new Map([
    ['CT-DS', { code: 'CT-DS', aggregation: 'sum', weightIndicatorCode: null }],
    ['CT-HN', { code: 'CT-HN', aggregation: 'weighted_average', weightIndicatorCode: 'CT-DS' }],
    ['CT-GIA', { code: 'CT-GIA', aggregation: 'average', weightIndicatorCode: null }],
  ]);

  it("takes each row's rule from its indicator, weights from the weight indicator's row in the same column, sum otherwise", () => {
    const cells = consolidationCells(defineForm(consolidationForm()), rules);
    expect(cells.filter((c) => c.key.endsWith(':KN'))).toEqual([
      { key: 'DS:KN', rule: 'sum' },
      { key: 'HN:KN', rule: 'weighted_average', weightKey: 'DS:KN' },
      { key: 'GIA:KN', rule: 'average' },
      { key: 'NS:KN', rule: 'sum' }, // CT-NS is not in this library: summed
      { key: 'KHAC:KN', rule: 'sum' },
    ]);
  });

  it('a weighted average whose weight indicator no row reports has no weight cell (every unit is listed as missing its weight)', () => {
    const form = defineForm(consolidationForm({ rows: consolidationForm().rows!.filter((r) => r.code !== 'DS' && r.code !== 'TONG') }));
    expect(consolidationCells(form, rules).find((c) => c.key === 'HN:KH')).toEqual({
      key: 'HN:KH',
      rule: 'weighted_average',
      weightKey: null,
    });
  });

  it('rounds a figure to the 6 decimals a cell keeps: average (10, 10, 20) = 40 / 3 = 13.333333', () => {
    expect(decimalText(new FormDecimal(40).div(3))).toBe('13.333333');
    expect(decimalText(new FormDecimal('-0.0000001'))).toBe('0');
    expect(decimalText(new FormDecimal('1234567.5'))).toBe('1234567.5');
    expect(decimalText(null)).toBeNull();
  });
});

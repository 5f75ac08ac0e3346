import type { ExplorationQueryInput, PivotResult, Role } from '@baocao/core';
import { expect } from 'vitest';
import type { DatabaseKind } from '../../db/client.ts';
import { ManualClock } from '../../jobs/clock.ts';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';
import { vn } from '../assignments/fixtures.test-support.ts';
import { importFacts, type ImportFactInput } from './facts.ts';

/*
 * Test support of analytics: the indicators and the sex catalog the facts refer to, and a golden
 * dataset of imported facts whose totals are computed by hand in the tests' names. Other analytics
 * tests (dashboards, the public portal) may reuse analyticsFixture.
 */

/** The indicators of the golden dataset and the acceptance tests, with their aggregation rules. */
export const ANALYTICS_INDICATORS = [
  { code: 'CT-VON', name: 'Vốn đầu tư thực hiện', unitOfMeasure: 'Triệu đồng', valueType: 'number', aggregation: 'sum' },
  { code: 'CT-DS', name: 'Dân số trung bình', unitOfMeasure: 'Người', valueType: 'integer', aggregation: 'sum' },
  {
    code: 'CT-HN',
    name: 'Tỷ lệ hộ nghèo',
    unitOfMeasure: '%',
    valueType: 'percent',
    aggregation: 'weighted_average',
    weightIndicatorCode: 'CT-DS',
  },
  {
    code: 'CT-LD',
    name: 'Lao động được tạo việc làm',
    unitOfMeasure: 'Người',
    valueType: 'integer',
    aggregation: 'sum',
    disaggregations: ['GIOI_TINH'],
  },
  { code: 'CT-GIA', name: 'Giá lúa bình quân', unitOfMeasure: 'Đồng/kg', valueType: 'number', aggregation: 'average' },
  { code: 'CT-THU', name: 'Thu ngân sách theo nhóm', unitOfMeasure: 'Triệu đồng', valueType: 'number', aggregation: 'sum' },
] as const;

/** Creates the sex catalog (GIOI_TINH: Nam, Nữ) and the indicators, through the API as an administrator would. */
export async function createAnalyticsReferenceData(admin: Client): Promise<void> {
  const catalog = await admin.post('/api/v1/catalogs', {
    code: 'GIOI_TINH',
    name: 'Giới tính',
    items: [
      { code: 'NAM', name: 'Nam' },
      { code: 'NU', name: 'Nữ' },
    ],
  });
  if (catalog.statusCode !== 201) throw new Error(`catalog: ${catalog.statusCode} ${catalog.body}`);
  for (const body of ANALYTICS_INDICATORS) {
    const res = await admin.post('/api/v1/indicators', { disaggregations: [], periodicities: [], coordinatingUnitIds: [], ...body });
    if (res.statusCode !== 201) throw new Error(`indicator ${body.code}: ${res.statusCode} ${res.body}`);
  }
}

/**
 * A province with three communes (An Lạc, Bình Minh, Cát Hải) and a department, and imported facts:
 *
 * | indicator (rule)            | An Lạc            | Bình Minh         | Cát Hải  |
 * |-----------------------------|-------------------|-------------------|----------|
 * | CT-VON TH (sum)             | 01: 120, 02: 100  | 01: 80,5, 02: 50  | 01: 30   |
 * | CT-VON KH (plan, 2026-01)   | 1500              | 1000              |          |
 * | CT-VON UT (estimate, 03)    |                   | 03: 95            |          |
 * | CT-VON TH 2025-01           | 90                | 60                |          |
 * | CT-HN TH (weighted by DS)   | 01: 50 % (w 200)  | 01: 80 % (w 100)  |          |
 * | CT-LD TH (by sex)           | 01: 30 = 18 + 12  | 01: 20 = 9 + 11   |          |
 * | CT-GIA TH (average)         | 01: 7000          | 01: 8200          | 01: 7600 |
 *
 * (months of 2026 unless told). People: an administrator, a provincial viewer (the whole tree), a
 * second user of the province committee, and viewers of An Lạc and of Bình Minh only.
 */
export async function analyticsFixture(backend: DatabaseKind) {
  const clock = new ManualClock(vn('2026-04-10', '10:00'));
  const t: TestApp = await createTestApp(backend, {}, { clock });
  const db = t.database.db;
  const root = await makeUnit(db, { name: 'UBND tỉnh thử' });
  const planning = await makeUnit(db, { parentId: root.id, name: 'Sở Kế hoạch và Đầu tư' });
  const anLac = await makeUnit(db, { parentId: root.id, name: 'UBND xã An Lạc', kind: 'commune' });
  const binhMinh = await makeUnit(db, { parentId: root.id, name: 'UBND xã Bình Minh', kind: 'commune' });
  const catHai = await makeUnit(db, { parentId: root.id, name: 'UBND xã Cát Hải', kind: 'commune' });
  const units = { root: root.id, planning: planning.id, anLac: anLac.id, binhMinh: binhMinh.id, catHai: catHai.id };

  const as = async (role: Role, unitId: string, includeSubtree = false): Promise<Client & { userId: string }> => {
    const u = await makeUser(db, { unitId, grants: [{ role, unitId, includeSubtree }] });
    return Object.assign(await loggedIn(t.app, u.username, u.password), { userId: u.id });
  };
  const admin = await as('system_admin', root.id, true);
  await createAnalyticsReferenceData(admin);

  const fact = (
    unitId: string,
    indicatorCode: string,
    periodCode: string,
    value: string,
    extra: Partial<ImportFactInput> = {},
  ): ImportFactInput => ({
    unitId,
    indicatorCode,
    periodType: periodCode.startsWith('D') ? 'day' : 'month',
    periodCode,
    measure: 'TH',
    measureName: 'Thực hiện',
    value,
    sourceNote: 'Số liệu kiểm thử',
    ...extra,
  });
  const plan = { measure: 'KH', measureName: 'Kế hoạch năm' };
  await db.transaction((tx) =>
    importFacts(
      tx,
      [
        fact(anLac.id, 'CT-VON', 'M2026-01', '120'),
        fact(anLac.id, 'CT-VON', 'M2026-02', '100'),
        fact(binhMinh.id, 'CT-VON', 'M2026-01', '80.5'),
        fact(binhMinh.id, 'CT-VON', 'M2026-02', '50'),
        fact(catHai.id, 'CT-VON', 'M2026-01', '30'),
        fact(anLac.id, 'CT-VON', 'M2026-01', '1500', plan),
        fact(binhMinh.id, 'CT-VON', 'M2026-01', '1000', plan),
        fact(binhMinh.id, 'CT-VON', 'M2026-03', '95', { measure: 'UT', measureName: 'Ước thực hiện' }),
        fact(anLac.id, 'CT-VON', 'M2025-01', '90'),
        fact(binhMinh.id, 'CT-VON', 'M2025-01', '60'),
        fact(anLac.id, 'CT-HN', 'M2026-01', '50', { weight: '200' }),
        fact(binhMinh.id, 'CT-HN', 'M2026-01', '80', { weight: '100' }),
        fact(anLac.id, 'CT-LD', 'M2026-01', '30'),
        fact(anLac.id, 'CT-LD', 'M2026-01', '18', { disaggregation: 'GIOI_TINH=NAM' }),
        fact(anLac.id, 'CT-LD', 'M2026-01', '12', { disaggregation: 'GIOI_TINH=NU' }),
        fact(binhMinh.id, 'CT-LD', 'M2026-01', '20'),
        fact(binhMinh.id, 'CT-LD', 'M2026-01', '9', { disaggregation: 'GIOI_TINH=NAM' }),
        fact(binhMinh.id, 'CT-LD', 'M2026-01', '11', { disaggregation: 'GIOI_TINH=NU' }),
        fact(anLac.id, 'CT-GIA', 'M2026-01', '7000'),
        fact(binhMinh.id, 'CT-GIA', 'M2026-01', '8200'),
        fact(catHai.id, 'CT-GIA', 'M2026-01', '7600'),
      ],
      clock.now(),
    ),
  );

  return {
    t,
    db,
    clock,
    units,
    admin,
    /** Reads the figures of the whole province. */
    provinceViewer: await as('viewer', root.id, true),
    /** Another user of the province committee (sees views shared with the committee's users). */
    committeeColleague: await as('viewer', root.id, true),
    /** Reads An Lạc's figures only. */
    anLacViewer: await as('viewer', anLac.id),
    /** Reads Bình Minh's figures only. */
    binhMinhViewer: await as('viewer', binhMinh.id),
    /** Imports more facts (tests that need their own). */
    importFacts: (facts: ImportFactInput[]) => db.transaction((tx) => importFacts(tx, facts, clock.now())),
    fact,
  };
}

export type AnalyticsFixture = Awaited<ReturnType<typeof analyticsFixture>>;

/** A query of CT-VON "Thực hiện" in January and February 2026 for some units, units on rows and periods on columns. */
export function vonQuery(unitIds: string[], overrides: Partial<ExplorationQueryInput> = {}): ExplorationQueryInput {
  return {
    indicatorCodes: ['CT-VON'],
    measures: ['TH'],
    units: { mode: 'explicit', unitIds },
    periods: { periodType: 'month', from: 'M2026-01', to: 'M2026-02' },
    rows: ['unit'],
    columns: ['period'],
    ...overrides,
  };
}

/** POSTs a query to /analytics/explore and expects a table. */
export async function explored(client: Client, query: ExplorationQueryInput): Promise<PivotResult> {
  const res = await client.post('/api/v1/analytics/explore', query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PivotResult;
}

/** The table as label → cells, for readable expectations: { 'UBND xã An Lạc': ['120', '100', '220'] }. */
export function table(result: PivotResult): Record<string, (string | null)[]> {
  return Object.fromEntries(result.rows.map((r, i) => [r.labels.join(' / '), result.cells[i]!]));
}

/** The error code and message of a refused request. */
export function refusal(res: { statusCode: number; json(): unknown }): { status: number; code: string; message: string } {
  const { error } = res.json() as { error: { code: string; message: string } };
  return { status: res.statusCode, code: error.code, message: error.message };
}

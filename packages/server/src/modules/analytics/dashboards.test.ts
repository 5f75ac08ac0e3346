/**
 * Dashboards through the real app: KPI figures hand-computed from imported facts, a saved view as a
 * tile, a tile outside the reader's authority shown as unavailable, optimistic versions, audit.
 */
import { createIndicatorBody, type DashboardData, type SaveDashboardBody } from '@baocao/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser, systemContext } from '../../test/factories.ts';
import { createIndicator } from '../indicators/index.ts';
import { TILE_OUT_OF_SCOPE_MESSAGE } from './dashboards.ts';
import { importFacts } from './facts.ts';

const BASE = '/api/v1/analytics/dashboards';

/** Budget revenue (thu ngân sách) of one unit in one month, measure TH (thực hiện) unless said otherwise. */
function revenue(db: Db, unitId: string, periodCode: string, value: string, measure = 'TH', indicatorCode = 'NS_THU') {
  return importFacts(db, [
    {
      unitId,
      indicatorCode,
      periodType: periodCode.startsWith('Y') ? 'year' : 'month',
      periodCode,
      measure,
      measureName: measure === 'TH' ? 'Thực hiện' : 'Kế hoạch',
      unitOfMeasure: 'triệu đồng',
      value,
      sourceNote: 'Số liệu kiểm thử',
    },
  ]);
}

async function auditActions(db: Db, targetId: string): Promise<string[]> {
  const res = await db.execute(sql`select action from audit_log where target_id = ${targetId} order by seq`);
  return (res as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
}

describe.each(backends)('analytics: dashboards on %s', (backend) => {
  let t: TestApp;
  let db: Db;
  let admin: Client;
  let manager: Client;
  let reader: Client;
  let health: string;
  let finance: string;
  let viewId: string;
  let dashboardId: string;

  const kpiTile = { kind: 'kpi', title: 'Thu ngân sách', indicatorCode: 'NS_THU', measure: 'TH', periodType: 'month' } as const;
  const tiles = (): SaveDashboardBody['tiles'] => [
    { ...kpiTile, target: { indicatorCode: 'NS_KH', measure: 'KH' } },
    { ...kpiTile, title: 'Thu ngân sách — Sở Tài chính', unitId: finance },
    { kind: 'view', title: 'Thu theo tháng', viewId },
    { ...kpiTile, title: 'So với kế hoạch tháng', target: { indicatorCode: 'NS_THU', measure: 'KH' } },
  ];

  beforeAll(async () => {
    t = await createTestApp(backend);
    db = t.database.db;
    const root = await makeUnit(db, { name: 'UBND tỉnh Hòa Bình' });
    health = (await makeUnit(db, { parentId: root.id, name: 'Sở Y tế' })).id;
    finance = (await makeUnit(db, { parentId: root.id, name: 'Sở Tài chính' })).id;
    const a = await makeUser(db, { unitId: root.id, grants: [{ role: 'system_admin', unitId: root.id, includeSubtree: true }] });
    const m = await makeUser(db, { unitId: health, grants: [{ role: 'report_owner', unitId: health, includeSubtree: true }] });
    const r = await makeUser(db, { unitId: health, grants: [{ role: 'viewer', unitId: health }] });
    admin = await loggedIn(t.app, a.username, a.password);
    manager = await loggedIn(t.app, m.username, m.password);
    reader = await loggedIn(t.app, r.username, r.password);
    for (const [code, name] of [
      ['NS_THU', 'Thu ngân sách nhà nước trên địa bàn'],
      ['NS_KH', 'Kế hoạch thu ngân sách năm'],
    ] as const) {
      await createIndicator(
        db,
        systemContext(),
        createIndicatorBody.parse({ code, name, unitOfMeasure: 'triệu đồng', valueType: 'number', aggregation: 'sum' }),
      );
    }
    await revenue(db, health, 'M2025-03', '80');
    await revenue(db, health, 'M2026-02', '100');
    await revenue(db, health, 'M2026-03', '110');
    await revenue(db, health, 'M2026-03', '100', 'KH');
    await revenue(db, health, 'Y2026', '440', 'KH', 'NS_KH');
    await revenue(db, finance, 'M2026-03', '50');

    const view = await admin.post('/api/v1/analytics/views', {
      name: 'Thu ngân sách Sở Y tế theo tháng',
      sharing: 'all',
      query: {
        indicatorCodes: ['NS_THU'],
        measures: ['TH'],
        units: { mode: 'explicit', unitIds: [health] },
        periods: { periodType: 'month', from: 'M2026-02', to: 'M2026-03' },
        rows: ['unit'],
        columns: ['period'],
      },
    });
    expect(view.statusCode, view.body).toBe(201);
    viewId = view.json().id;
  }, 60_000);
  afterAll(() => t.close());

  it('a report owner composes the dashboard of Sở Y tế (201, audited), with the right to change it', async () => {
    const res = await manager.post(BASE, { name: 'Bảng điều hành Sở Y tế', unitId: health, tiles: tiles() });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Bảng điều hành Sở Y tế', unitId: health, unitName: 'Sở Y tế', version: 1, canManage: true });
    expect(body.tiles).toHaveLength(4);
    dashboardId = body.id;
    expect(await auditActions(db, dashboardId)).toEqual(['dashboard.saved']);
  });

  it('KPI: 110 in Tháng 3/2026 — +10.0 % on 100 in Tháng 2, +37.5 % on 80 in Tháng 3/2025; the year so far 100 + 110 = 210 is 47.7 % of the year plan 440', async () => {
    const res = await manager.get(`${BASE}/${dashboardId}/data`);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json() as DashboardData;
    expect(data.tiles[0]).toEqual({
      kind: 'kpi',
      kpi: {
        periodCode: 'M2026-03',
        periodLabel: 'Tháng 3/2026',
        value: '110',
        previous: '100',
        changeVsPrevious: '10.0',
        samePeriodLastYear: '80',
        changeVsLastYear: '37.5',
        target: '440',
        targetBasis: 'year_to_date',
        yearToDate: '210',
        targetRate: '47.7',
        unitOfMeasure: 'triệu đồng',
      },
    });
  });

  it('KPI target in the same period comes first: 110 of the month plan 100 = 110.0 %', async () => {
    const data = (await manager.get(`${BASE}/${dashboardId}/data`)).json() as DashboardData;
    expect(data.tiles[3]).toMatchObject({
      kind: 'kpi',
      kpi: { value: '110', target: '100', targetBasis: 'period', yearToDate: null, targetRate: '110.0' },
    });
  });

  it('a view tile shows the saved view and its pivot: 100 + 110 = 210 for Sở Y tế', async () => {
    const data = (await manager.get(`${BASE}/${dashboardId}/data`)).json() as DashboardData;
    const tile = data.tiles[2]!;
    expect(tile.kind).toBe('view');
    if (tile.kind !== 'view') return;
    expect(tile.view).toMatchObject({ id: viewId, name: 'Thu ngân sách Sở Y tế theo tháng' });
    const row = tile.result.rows.findIndex((r) => r.kind === 'member' && r.keys[0] === health);
    const columns = tile.result.columns.map((c) => (c.kind === 'total' ? 'total' : c.keys.at(-1)));
    expect(columns).toEqual(['M2026-02', 'M2026-03', 'total']);
    expect(tile.result.cells[row]).toEqual(['100', '110', '210']);
  });

  it('a reader of Sở Y tế only sees the Sở Tài chính tile as unavailable, and every other tile as usual', async () => {
    const res = await reader.get(`${BASE}/${dashboardId}/data`);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json() as DashboardData;
    expect(data.dashboard.canManage).toBe(false);
    expect(data.tiles.map((tile) => tile.kind)).toEqual(['kpi', 'unavailable', 'view', 'kpi']);
    expect(data.tiles[1]).toEqual({ kind: 'unavailable', message: TILE_OUT_OF_SCOPE_MESSAGE });
    expect(data.tiles[0]).toMatchObject({ kind: 'kpi', kpi: { value: '110', changeVsPrevious: '10.0' } });
    // The administrator sees Sở Tài chính's figure: 50 in Tháng 3/2026, nothing before it.
    const full = (await admin.get(`${BASE}/${dashboardId}/data`)).json() as DashboardData;
    expect(full.tiles[1]).toMatchObject({ kind: 'kpi', kpi: { value: '50', previous: null, changeVsPrevious: null } });
  });

  it('figures are read live: a new month 121 becomes the KPI at once, +10.0 % on 110', async () => {
    await revenue(db, health, 'M2026-04', '121');
    const data = (await reader.get(`${BASE}/${dashboardId}/data`)).json() as DashboardData;
    expect(data.tiles[0]).toMatchObject({
      kind: 'kpi',
      kpi: { periodCode: 'M2026-04', periodLabel: 'Tháng 4/2026', value: '121', previous: '110', changeVsPrevious: '10.0' },
    });
    // No M2025-04 figure: no change against last year; the year so far 100 + 110 + 121 = 331 of 440 = 75.2 %.
    expect(data.tiles[0]).toMatchObject({
      kpi: { samePeriodLastYear: null, changeVsLastYear: null, yearToDate: '331', targetRate: '75.2' },
    });
  });

  it('lists the dashboard for readers of Sở Y tế, not for those of Sở Tài chính', async () => {
    const list = await reader.get(BASE);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: dashboardId, tileCount: 4, canManage: false })]);
    const f = await makeUser(db, { unitId: finance, grants: [{ role: 'viewer', unitId: finance }] });
    const outsider = await loggedIn(t.app, f.username, f.password);
    expect((await outsider.get(BASE)).json().items).toEqual([]);
    expect((await outsider.get(`${BASE}/${dashboardId}`)).statusCode).toBe(403);
    expect((await outsider.get(`${BASE}/${dashboardId}/data`)).statusCode).toBe(403);
  });

  it('refuses an unknown indicator code, naming it (400), and a reader composing (403)', async () => {
    const bad = await manager.post(BASE, {
      name: 'Sai mã',
      unitId: health,
      tiles: [{ ...kpiTile, indicatorCode: 'KHONG_CO' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.json().error.message).toContain('"KHONG_CO"');
    expect((await reader.post(BASE, { name: 'Của tôi', unitId: health, tiles: [] })).statusCode).toBe(403);
    expect((await manager.post(BASE, { name: 'Sở khác', unitId: finance, tiles: [] })).statusCode).toBe(403);
  });

  it('update with the version read (1 → 2); with a stale version 1 → 409 CONFLICT, nothing changed', async () => {
    const body = { name: 'Bảng điều hành Sở Y tế (sửa)', unitId: health, tiles: tiles().slice(0, 1), version: 1 };
    const ok = await manager.request('PUT', `${BASE}/${dashboardId}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, name: 'Bảng điều hành Sở Y tế (sửa)' });
    expect(ok.json().tiles).toHaveLength(1);

    const stale = await admin.request('PUT', `${BASE}/${dashboardId}`, { ...body, name: 'Ghi đè', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await manager.get(`${BASE}/${dashboardId}`)).json()).toMatchObject({ version: 2, name: 'Bảng điều hành Sở Y tế (sửa)' });
    expect(await auditActions(db, dashboardId)).toEqual(['dashboard.saved', 'dashboard.saved']);
  });

  it('delete is soft: gone from the API (404), the row and the audit stay', async () => {
    expect((await reader.delete(`${BASE}/${dashboardId}`)).statusCode).toBe(403);
    const res = await manager.delete(`${BASE}/${dashboardId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await manager.get(`${BASE}/${dashboardId}`)).statusCode).toBe(404);
    expect((await reader.get(BASE)).json().items).toEqual([]);
    const rows = await db.execute(sql`select deleted_at is not null as deleted from dashboard where id = ${dashboardId}`);
    expect((rows as unknown as { rows: { deleted: boolean }[] }).rows).toEqual([{ deleted: true }]);
    expect(await auditActions(db, dashboardId)).toEqual(['dashboard.saved', 'dashboard.saved', 'dashboard.deleted']);
  });
});

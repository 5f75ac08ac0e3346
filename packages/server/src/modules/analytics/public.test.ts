/**
 * The public portal through the real app: publishing within the publisher's authority, nothing
 * unpublished reachable without login (API and HTML), monthly snapshots made once per month by the
 * scheduled task (figures hand-computed from the facts put in), and pages safe and readable.
 */
import { createIndicatorBody, type PublicDataset, vnToUtc } from '@baocao/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { ManualClock } from '../../jobs/clock.ts';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser, systemContext } from '../../test/factories.ts';
import { createIndicator } from '../indicators/index.ts';
import { importFacts } from './facts.ts';
import { publishSnapshotsTask } from './publish-job.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** Births (số trẻ sinh) registered by a unit in a month of 2026. */
function births(db: Db, unitId: string, month: string, value: string) {
  return importFacts(db, [
    {
      unitId,
      indicatorCode: 'DS_SINH',
      periodType: 'month',
      periodCode: `M2026-${month}`,
      measure: 'TH',
      measureName: 'Thực hiện',
      unitOfMeasure: 'trẻ',
      value,
      sourceNote: 'Số liệu kiểm thử',
    },
  ]);
}

function query(unitIds: string[], from = 'M2026-09', to = 'M2026-11') {
  return {
    indicatorCodes: ['DS_SINH'],
    measures: ['TH'],
    units: { mode: 'explicit', unitIds },
    periods: { periodType: 'month', from, to },
    rows: ['unit'],
    columns: ['period'],
  };
}

describe.each(backends)('analytics: the public portal on %s', (backend) => {
  let t: TestApp;
  let db: Db;
  let publisher: Client;
  let health: string;
  let commune: string;
  let education: string;
  let datasetA: string;
  let datasetB: string;
  // 10:00 on 10/11/2026 in Vietnam.
  const clock = new ManualClock(vnToUtc('2026-11-10', '10:00'));
  const anonymous = (url: string) => t.app.inject({ method: 'GET', url });
  const runJob = () => publishSnapshotsTask.run({ db, config: testConfig(), clock, log: silent });

  const snapshotMonths = async (datasetId: string) => {
    const res = await db.execute(sql`select month from public_snapshot where dataset_id = ${datasetId} order by month`);
    return (res as unknown as { rows: { month: string }[] }).rows.map((r) => r.month);
  };
  const auditActions = async (targetId: string) => {
    const res = await db.execute(sql`select action from audit_log where target_id = ${targetId} order by seq`);
    return (res as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
  };
  /** The figures of the unit's row of a public pivot, by period code ("total" for the grand total). */
  const rowOf = (d: PublicDataset, unitId: string) => {
    const r = d.result.rows.findIndex((h) => h.kind === 'member' && h.keys[0] === unitId);
    return Object.fromEntries(d.result.columns.map((c, i) => [c.kind === 'total' ? 'total' : c.keys.at(-1)!, d.result.cells[r]![i]]));
  };

  beforeAll(async () => {
    t = await createTestApp(backend, {}, { clock });
    db = t.database.db;
    const root = await makeUnit(db, { name: 'UBND tỉnh Hòa Bình' });
    health = (await makeUnit(db, { parentId: root.id, name: 'Sở Y tế' })).id;
    commune = (await makeUnit(db, { parentId: health, name: 'Trạm Y tế xã Yên Mông', kind: 'division' })).id;
    education = (await makeUnit(db, { parentId: root.id, name: 'Sở Giáo dục và Đào tạo' })).id;
    const p = await makeUser(db, { unitId: health, grants: [{ role: 'report_owner', unitId: health, includeSubtree: true }] });
    publisher = await loggedIn(t.app, p.username, p.password);
    await createIndicator(
      db,
      systemContext(),
      createIndicatorBody.parse({
        code: 'DS_SINH',
        name: 'Số trẻ em sinh ra',
        unitOfMeasure: 'trẻ',
        valueType: 'integer',
        aggregation: 'sum',
      }),
    );
    await births(db, health, '09', '120');
    await births(db, health, '10', '80.5');
    await births(db, commune, '10', '1234567');
    await births(db, education, '10', '999');
  }, 60_000);
  afterAll(() => t.close());

  it('publishes two datasets (201, audited), each with its November snapshot: Sở Y tế 120 + 80,5 = 200,5', async () => {
    const a = await publisher.post('/api/v1/analytics/published', {
      title: 'Số trẻ sinh ra — Sở Y tế',
      description: 'Số trẻ em sinh ra theo tháng.\nNguồn: báo cáo thống kê y tế.',
      query: query([health, commune]),
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ active: true, latestSnapshot: '2026-11', unpublishedAt: null });
    datasetA = a.json().id;
    const b = await publisher.post('/api/v1/analytics/published', { title: 'Bộ dữ liệu sẽ ngừng công khai', query: query([commune]) });
    expect(b.statusCode, b.body).toBe(201);
    datasetB = b.json().id;
    expect(await snapshotMonths(datasetA)).toEqual(['2026-11']);
    expect(await auditActions(datasetA)).toEqual(['dataset.published']);

    const pub = (await anonymous(`/api/v1/public/datasets/${datasetA}`)).json() as PublicDataset;
    expect(pub.month).toBe('2026-11');
    expect(rowOf(pub, health)).toEqual({ 'M2026-09': '120', 'M2026-10': '80.5', total: '200.5' });
  });

  it('refuses a query over Sở Giáo dục, outside the publisher’s authority (403), and stores nothing', async () => {
    const before = (await publisher.get('/api/v1/analytics/published')).json().items.length;
    const res = await publisher.post('/api/v1/analytics/published', { title: 'Ngoài phạm vi', query: query([health, education]) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
    // A whole level under no root would reach every unit once snapshots are computed without an actor.
    const level = await publisher.post('/api/v1/analytics/published', {
      title: 'Mọi đơn vị',
      query: { ...query([health]), units: { mode: 'level', kinds: [] } },
    });
    expect(level.statusCode).toBe(400);
    expect((await publisher.get('/api/v1/analytics/published')).json().items).toHaveLength(before);
  });

  it('nothing unpublished is reachable: B withdrawn → listed nowhere, 404 through the API and the page, all without login', async () => {
    const res = await publisher.delete(`/api/v1/analytics/published/${datasetB}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, unpublishedAt: clock.now().toISOString() });
    expect(await auditActions(datasetB)).toEqual(['dataset.published', 'dataset.unpublished']);

    const list = await anonymous('/api/v1/public/datasets');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([datasetA]);
    const api = await anonymous(`/api/v1/public/datasets/${datasetB}`);
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const page = await anonymous(`/cong-khai/${datasetB}`);
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Không tìm thấy bộ dữ liệu');
    expect(page.body).not.toContain('Bộ dữ liệu sẽ ngừng công khai');
    const portal = await anonymous('/cong-khai');
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('Số trẻ sinh ra — Sở Y tế');
    expect(portal.body).not.toContain('Bộ dữ liệu sẽ ngừng công khai');
    expect((await anonymous('/cong-khai/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await anonymous('/cong-khai/khong-phai-ma')).statusCode).toBe(404);
    expect((await anonymous('/api/v1/public/datasets/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('the page: Vietnamese, phone-friendly, figures 1.234.567 and 80,5 right-aligned, captioned, with a chart and its text', async () => {
    const res = await anonymous(`/cong-khai/${datasetA}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/u);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('UBND tỉnh Hòa Bình');
    expect(html).toContain('Số liệu cập nhật tháng <time datetime="2026-11">11/2026</time>');
    expect(html).toContain('<caption id="ds-cap">Số trẻ sinh ra — Sở Y tế<span class="uom">Đơn vị tính: trẻ</span></caption>');
    expect(html).toContain('<th scope="col">Tháng 9/2026</th>');
    expect(html).toContain('<th scope="row">Sở Y tế</th><td class="num">120</td><td class="num">80,5</td><td class="num">200,5</td>');
    expect(html).toContain('<td class="num">1.234.567</td>');
    expect(html).toContain('<p>Nguồn: báo cáo thống kê y tế.</p>');
    // Bars of the totals: Sở Y tế 200,5 and the commune 1.234.567, described in words for screen readers.
    expect(html).toMatch(/<svg role="img" aria-labelledby="ds-ct ds-cd"/u);
    expect(html).toContain('<desc id="ds-cd">Sở Y tế: 200,5; Trạm Y tế xã Yên Mông: 1.234.567</desc>');
    expect(html).not.toContain('<script');
  });

  it('the monthly job: twice in November → still one snapshot; facts added since are not public before December', async () => {
    await births(db, health, '11', '30');
    expect(await runJob()).toEqual({ done: 0 });
    expect(await runJob()).toEqual({ done: 0 });
    expect(await snapshotMonths(datasetA)).toEqual(['2026-11']);
    const pub = (await anonymous(`/api/v1/public/datasets/${datasetA}`)).json() as PublicDataset;
    expect(rowOf(pub, health)).toEqual({ 'M2026-09': '120', 'M2026-10': '80.5', total: '200.5' });
  });

  it('in December (00:30 on 01/12 in Vietnam), two runs at once make one new snapshot: 120 + 80,5 + 30 = 230,5', async () => {
    clock.set(vnToUtc('2026-12-01', '00:30'));
    const [first, second] = await Promise.all([runJob(), runJob()]);
    expect((first?.done ?? 0) + (second?.done ?? 0)).toBe(1);
    expect(await runJob()).toEqual({ done: 0 });
    expect(await snapshotMonths(datasetA)).toEqual(['2026-11', '2026-12']);
    // The withdrawn dataset gets no new snapshot.
    expect(await snapshotMonths(datasetB)).toEqual(['2026-11']);
    const pub = (await anonymous(`/api/v1/public/datasets/${datasetA}`)).json() as PublicDataset;
    expect(pub.month).toBe('2026-12');
    expect(rowOf(pub, health)).toEqual({ 'M2026-09': '120', 'M2026-10': '80.5', 'M2026-11': '30', total: '230.5' });
    expect((await anonymous(`/cong-khai/${datasetA}`)).body).toContain('Số liệu cập nhật tháng <time datetime="2026-12">12/2026</time>');
    expect(await auditActions(datasetA)).toEqual(['dataset.published', 'dataset.snapshot']);
  });

  it('refresh replaces the month’s snapshot (still two), and a withdrawn dataset cannot be refreshed (409)', async () => {
    await births(db, commune, '11', '5');
    const res = await publisher.post(`/api/v1/analytics/published/${datasetA}/refresh`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await snapshotMonths(datasetA)).toEqual(['2026-11', '2026-12']);
    const pub = (await anonymous(`/api/v1/public/datasets/${datasetA}`)).json() as PublicDataset;
    // The commune's November figure now counts: 1.234.567 + 5 = 1.234.572.
    expect(rowOf(pub, commune)).toEqual({ 'M2026-09': null, 'M2026-10': '1234567', 'M2026-11': '5', total: '1234572' });
    expect(await auditActions(datasetA)).toEqual(['dataset.published', 'dataset.snapshot', 'dataset.snapshot']);
    expect((await publisher.post(`/api/v1/analytics/published/${datasetB}/refresh`)).statusCode).toBe(409);
  });

  it('escapes every text: a title with markup is shown as text, never as markup', async () => {
    const res = await publisher.post('/api/v1/analytics/published', {
      title: '<script>alert("x")</script> & "Trẻ"',
      query: query([health]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const html = (await anonymous('/cong-khai')).body;
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Trẻ&quot;');
    expect(html).not.toContain('<script');
  });
});

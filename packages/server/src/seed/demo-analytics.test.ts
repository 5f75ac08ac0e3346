import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { ManualClock } from '../jobs/clock.ts';
import type { AuthedContext } from '../modules/access/index.ts';
import { dashboardData, listDashboards } from '../modules/analytics/dashboards.ts';
import { listPublicDatasets, getPublicDataset } from '../modules/analytics/public.ts';
import { factValue } from '../modules/analytics/tables.ts';
import { listViews } from '../modules/analytics/views.ts';
import { orgUnit } from '../modules/units/tables.ts';
import { loadActor } from '../modules/users/index.ts';
import { appUser } from '../modules/users/tables.ts';
import { backends, createTestDatabase } from '../test/db.ts';
import { DEMO_DASHBOARD_NAME, DEMO_DATASET_TITLE, DEMO_SOURCE_NOTE, DEMO_VIEW_NAME, demoFraction, demoMonths } from './demo-analytics.ts';
import { seedDemo } from './demo.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

describe('the demo figures are a pure function of unit, indicator and period', () => {
  it('the same keys give the same fraction on every start; another period gives another', () => {
    expect(demoFraction('31001', 'LD_TAO_VIEC_LAM', 'M2026-10')).toBe(demoFraction('31001', 'LD_TAO_VIEC_LAM', 'M2026-10'));
    expect(demoFraction('31001', 'LD_TAO_VIEC_LAM', 'M2026-10')).not.toBe(demoFraction('31001', 'LD_TAO_VIEC_LAM', 'M2026-09'));
    // A golden value: a change of the hash would change every demo figure (and the e2e tests reading them).
    expect(demoFraction('31001', 'LD_TAO_VIEC_LAM', 'M2026-10').toFixed(6)).toBe('0.736462');
  });

  it('seeded on 23/11/2026: the 24 months M2024-11 … M2026-10, calendar windows (February 2025: 01/02–28/02)', () => {
    const months = demoMonths('2026-11-23');
    expect(months).toHaveLength(24);
    expect(months[0]!.code).toBe('M2024-11');
    expect(months[23]!.code).toBe('M2026-10');
    expect(months.find((m) => m.code === 'M2025-02')).toMatchObject({ start: '2025-02-01', end: '2025-02-28' });
    // In January the last complete month is December of the year before.
    expect(demoMonths('2027-01-02').at(-1)!.code).toBe('M2026-12');
  });
});

describe.each(backends)('the demo analytics seed on %s', (backend) => {
  let database: Database;
  let provinceId: string;
  let communeIds: string[];
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await seedDemo(database.db, { password: 'Mật khẩu demo 2026', config: testConfig(), clock });
    const units = await database.db.select().from(orgUnit);
    provinceId = units.find((u) => u.adminCode === '31')!.id;
    communeIds = units.filter((u) => u.parentId === provinceId && ['commune', 'ward', 'special_zone'].includes(u.kind)).map((u) => u.id);
  }, 180_000);
  afterAll(() => database.close());

  const count = async (where: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from fact_value where ${where}`))[0]!.n;

  it('imports 7 monthly facts × 24 months for each of the 114 communes and the city: 115 × 168 = 19,320, and 115 × 4 targets = 460', async () => {
    expect(communeIds).toHaveLength(114);
    expect(await count(sql`period_type = 'month' and measure = 'TH'`)).toBe(19_320);
    expect(await count(sql`period_type = 'year' and measure = 'KH'`)).toBe(460);
    expect(await count(sql`source_kind <> 'import' or source_note <> ${DEMO_SOURCE_NOTE} or superseded_at is not null`)).toBe(0);
    const perUnit = rowsOf<{ unit_id: string; n: number; first: string; last: string }>(
      await database.db.execute(sql`
        select unit_id, count(*)::int as n, min(period_code) as first, max(period_code) as last
        from fact_value where period_type = 'month' group by unit_id`),
    );
    expect(perUnit.map((r) => r.unit_id).sort()).toEqual([...communeIds, provinceId].sort());
    expect(new Set(perUnit.map((r) => `${r.n} ${r.first}…${r.last}`))).toEqual(new Set(['168 M2024-11…M2026-10']));
  });

  it('every figure is in its plausible range (jobs 20–400, tourists 500–50,000, firms 0–30, households 3,000–25,000, poverty 0,5–9,5 %)', async () => {
    const ranges = rowsOf<{ indicator_code: string; lo: string; hi: string }>(
      await database.db.execute(sql`
        select indicator_code, min(value)::text as lo, max(value)::text as hi from fact_value
        where period_type = 'month' and disaggregation = '' and unit_id <> ${provinceId} group by indicator_code`),
    );
    const within = Object.fromEntries(ranges.map((r) => [r.indicator_code, [Number(r.lo), Number(r.hi)]]));
    const check = (code: string, lo: number, hi: number) => {
      expect(within[code]![0]).toBeGreaterThanOrEqual(lo);
      expect(within[code]![1]).toBeLessThanOrEqual(hi);
    };
    check('LD_TAO_VIEC_LAM', 20, 400);
    check('KHACH_DL', 500, 50_000);
    check('DN_THANH_LAP', 0, 30);
    check('SO_HO', 3000, 25_000);
    check('TL_HO_NGHEO', 0.5, 9.5);
    // One decimal for the poverty rate of a commune: 10 × value is whole.
    expect(await count(sql`indicator_code = 'TL_HO_NGHEO' and unit_id <> ${provinceId} and value * 10 <> trunc(value * 10)`)).toBe(0);
  });

  it('NAM + NU = the total for every unit and month (115 × 24 = 2,760 checks, no difference)', async () => {
    const [row] = rowsOf<{ checked: number; wrong: number }>(
      await database.db.execute(sql`
        select count(*)::int as checked, count(*) filter (where total is distinct from nam + nu)::int as wrong
        from (
          select unit_id, period_code,
            sum(value) filter (where disaggregation = '') as total,
            sum(value) filter (where disaggregation = 'GIOI_TINH=NAM') as nam,
            sum(value) filter (where disaggregation = 'GIOI_TINH=NU') as nu
          from fact_value where indicator_code = 'LD_TAO_VIEC_LAM' and measure = 'TH' group by unit_id, period_code) x`),
    );
    expect(row).toEqual({ checked: 2760, wrong: 0 });
  });

  it('the city figure of LD_TAO_VIEC_LAM in Tháng 10/2026 = Σ of its 114 communes (total, NAM and NU)', async () => {
    const sums = rowsOf<{ disaggregation: string; communes: string; city: string; n: number }>(
      await database.db.execute(sql`
        select c.disaggregation, sum(c.value)::text as communes, count(*)::int as n,
          (select p.value::text from fact_value p where p.unit_id = ${provinceId} and p.period_code = 'M2026-10'
             and p.indicator_code = 'LD_TAO_VIEC_LAM' and p.disaggregation = c.disaggregation) as city
        from fact_value c
        where c.indicator_code = 'LD_TAO_VIEC_LAM' and c.period_code = 'M2026-10' and c.unit_id <> ${provinceId}
        group by c.disaggregation order by c.disaggregation`),
    );
    expect(sums.map((s) => s.disaggregation)).toEqual(['', 'GIOI_TINH=NAM', 'GIOI_TINH=NU']);
    for (const s of sums) expect({ n: s.n, sum: s.communes }).toEqual({ n: 114, sum: s.city });
  });

  it('the city poverty rate is the households-weighted mean of the communes (2 decimals), weighted by the city households', async () => {
    // Per unit and month: the rate, its weight and the households figure side by side.
    const perUnit = sql`
      select unit_id, period_code,
        max(value) filter (where indicator_code = 'TL_HO_NGHEO') as rate,
        max(weight) filter (where indicator_code = 'TL_HO_NGHEO') as weight,
        max(value) filter (where indicator_code = 'SO_HO') as households
      from fact_value where period_type = 'month' and indicator_code in ('TL_HO_NGHEO', 'SO_HO') group by unit_id, period_code`;
    const [weights] = rowsOf<{ checked: number; wrong: number }>(
      await database.db.execute(
        sql`select count(*)::int as checked, count(*) filter (where weight is distinct from households)::int as wrong from (${perUnit}) u`,
      ),
    );
    expect(weights).toEqual({ checked: 115 * 24, wrong: 0 });
    const rows = rowsOf<{ period_code: string; mean: string; city: string }>(
      await database.db.execute(sql`
        select period_code,
          round(sum(rate * weight) filter (where unit_id <> ${provinceId}) / sum(weight) filter (where unit_id <> ${provinceId}), 2)::text as mean,
          max(rate) filter (where unit_id = ${provinceId})::text as city
        from (${perUnit}) u group by period_code`),
    );
    expect(rows).toHaveLength(24);
    for (const r of rows) expect(r.city).toBe(r.mean);
  });

  it('the yearly targets Y2025 and Y2026 (KH) ≈ 12 × the monthly average × 1,1, and the city target = Σ communes', async () => {
    const one = communeIds[0]!;
    const [avg] = rowsOf<{ avg: string }>(
      await database.db.execute(sql`select avg(value)::text as avg from fact_value where unit_id = ${one}
        and indicator_code = 'LD_TAO_VIEC_LAM' and disaggregation = '' and period_code like 'M2025-%'`),
    );
    const [target] = await database.db
      .select({ value: factValue.value, measureName: factValue.measureName })
      .from(factValue)
      .where(and(eq(factValue.unitId, one), eq(factValue.indicatorCode, 'LD_TAO_VIEC_LAM'), eq(factValue.periodCode, 'Y2025')));
    expect(target!.measureName).toBe('Kế hoạch năm');
    // Rounded to tens: within 5 of the exact 13,2 × average.
    expect(Math.abs(Number(target!.value) - 13.2 * Number(avg!.avg))).toBeLessThanOrEqual(5);
    const totals = rowsOf<{ key: string; communes: string; city: string }>(
      await database.db.execute(sql`
        select c.indicator_code || ' ' || c.period_code as key, sum(c.value)::text as communes,
          max(p.value)::text as city
        from fact_value c join fact_value p on p.unit_id = ${provinceId} and p.indicator_code = c.indicator_code
          and p.period_code = c.period_code and p.measure = 'KH'
        where c.measure = 'KH' and c.unit_id <> ${provinceId} group by 1 order by 1`),
    );
    expect(totals.map((t) => t.key)).toEqual(['KHACH_DL Y2025', 'KHACH_DL Y2026', 'LD_TAO_VIEC_LAM Y2025', 'LD_TAO_VIEC_LAM Y2026']);
    for (const t of totals) expect(t.communes).toBe(t.city);
  });

  /** The city-wide viewer of the demo (khaithac): what the e2e journeys log in as to read analytics. */
  const viewer = async (): Promise<AuthedContext> => {
    const [user] = await database.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'khaithac'));
    return { actor: (await loadActor(database.db, user!.id))!, ip: null, userAgent: 'vitest' };
  };
  const cityFigure = async (indicatorCode: string, periodCode: string) => {
    const [row] = await database.db
      .select({ value: factValue.value })
      .from(factValue)
      .where(
        and(
          eq(factValue.unitId, provinceId),
          eq(factValue.indicatorCode, indicatorCode),
          eq(factValue.periodCode, periodCode),
          eq(factValue.disaggregation, ''),
        ),
      );
    return row!.value;
  };

  it('shares the view "Lao động được tạo việc làm theo tháng" with everyone: the city, M2025-11 … M2026-10, a line chart', async () => {
    const ctx = await viewer();
    const view = (await listViews(database.db, ctx)).items.find((v) => v.name === DEMO_VIEW_NAME)!;
    expect(view).toMatchObject({
      sharing: 'all',
      ownerName: 'Nguyễn Văn Quản',
      mine: false,
      display: { mode: 'chart', chartType: 'line' },
      query: {
        indicatorCodes: ['LD_TAO_VIEC_LAM'],
        measures: ['TH'],
        units: { mode: 'explicit', unitIds: [provinceId] },
        periods: { periodType: 'month', from: 'M2025-11', to: 'M2026-10' },
        rows: ['indicator'],
        columns: ['period'],
      },
    });
  });

  it('the city dashboard shows Tháng 10/2026: jobs against the Y2026 target, tourists, firms, poverty, and the 12-month view', async () => {
    const ctx = await viewer();
    const listed = (await listDashboards(database.db, ctx)).items.find((d) => d.name === DEMO_DASHBOARD_NAME)!;
    expect(listed).toMatchObject({ unitId: provinceId, tileCount: 5 });
    const data = await dashboardData({ db: database.db, clock }, ctx, listed.id);
    expect(data.dashboard.tiles.map((t) => t.title)).toEqual([
      'Lao động được tạo việc làm',
      'Lượt khách du lịch',
      'Doanh nghiệp thành lập mới',
      'Tỷ lệ hộ nghèo',
      DEMO_VIEW_NAME,
    ]);
    const kpis = data.tiles.flatMap((t) => (t.kind === 'kpi' ? [t.kpi] : []));
    expect(kpis).toHaveLength(4);
    expect(kpis.map((k) => k.periodCode)).toEqual(['M2026-10', 'M2026-10', 'M2026-10', 'M2026-10']);
    const [jobs, tourists, firms, poverty] = kpis;
    expect(Number(jobs!.value)).toBe(Number(await cityFigure('LD_TAO_VIEC_LAM', 'M2026-10')));
    expect(Number(jobs!.target)).toBe(Number(await cityFigure('LD_TAO_VIEC_LAM', 'Y2026')));
    expect(Number(tourists!.target)).toBe(Number(await cityFigure('KHACH_DL', 'Y2026')));
    expect(jobs!.samePeriodLastYear).not.toBeNull();
    expect(Number(firms!.value)).toBe(Number(await cityFigure('DN_THANH_LAP', 'M2026-10')));
    expect(Number(poverty!.value)).toBe(Number(await cityFigure('TL_HO_NGHEO', 'M2026-10')));
    const viewTile = data.tiles[4]!;
    expect(viewTile.kind).toBe('view');
    if (viewTile.kind === 'view') {
      expect(viewTile.result.columns.filter((c) => c.kind === 'member')).toHaveLength(12);
      expect(viewTile.result.factCount).toBe(12);
    }
  });

  it('publishes "Lao động được tạo việc làm theo phường, xã": Tháng 10/2026, 114 communes × (total, Nam, Nữ), snapshot 2026-11', async () => {
    const listed = (await listPublicDatasets(database.db)).items.find((d) => d.title === DEMO_DATASET_TITLE)!;
    expect(listed.month).toBe('2026-11');
    const dataset = await getPublicDataset(database.db, listed.id);
    expect(dataset.result.rows.filter((r) => r.kind === 'member')).toHaveLength(114);
    expect(dataset.result.factCount).toBe(114 * 3);
  });
});

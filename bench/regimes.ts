/**
 * Regimes benchmark: the core period arithmetic, and opening one monthly period for a ministry-sized
 * regime (3,321 communes, one data-entry account each: 3,321 assignments and 3,321 notifications in
 * one transaction), against the same rows written by one raw INSERT … SELECT on the same database.
 * Run: npm run bench:regimes (PGlite), or with TEST_DATABASE_URL=postgres://… for PostgreSQL too.
 * Prints figures and ratios; never fails on time.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import {
  addDays,
  createWorkingCalendar,
  planPeriods,
  regimeContent,
  type RegimeContentInput,
  tetDate,
} from '../packages/core/src/index.ts';
import { testConfig } from '../packages/server/src/config.ts';
import type { Db } from '../packages/server/src/db/client.ts';
import { ManualClock } from '../packages/server/src/jobs/clock.ts';
import { openDuePeriods } from '../packages/server/src/modules/assignments/index.ts';
import { regime, regimeVersion } from '../packages/server/src/modules/regimes/tables.ts';
import { backends, createTestDatabase } from '../packages/server/src/test/db.ts';
import { makeUnit } from '../packages/server/src/test/factories.ts';

const COMMUNES = 3321;
const AIM_OPEN_MS = 5000;

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function contentFor(rootUnitId: string, receivingUnitId: string, frequency: 'month' | 'day'): RegimeContentInput {
  return {
    name: 'Báo cáo đo hiệu năng',
    content: 'Đo hiệu năng mở kỳ báo cáo.',
    contentKind: 'numeric',
    kind: 'dinh_ky',
    legalBasis: { documentNumber: '09/2019/NĐ-CP', documentDate: '2019-01-24' },
    reportingUnits: { mode: 'by_kind', rootUnitId, kinds: ['commune'], includeSubtree: true },
    receivingUnitId,
    sendingMethods: ['phan_mem'],
    deadlines: [{ label: 'Xã gửi tỉnh', rule: { kind: 'working_days_after', days: 2, time: '17:00' } }],
    frequency,
    effectiveFrom: '2026-01-01',
  };
}

function benchCore(): void {
  const calendar = createWorkingCalendar();
  const walk = time(() => {
    let d = '2000-01-01';
    // Twenty years forward, back and forward again: the per-year cache is warm after the first pass.
    for (let i = 0; i < 200_000; i++) d = calendar.addWorkingDays(d, i % 3000 < 1500 ? 3 : -3);
    return d;
  });
  console.log(
    `addWorkingDays: 200,000 calls in ${walk.ms.toFixed(0)} ms (${((200_000 / walk.ms) * 1000).toFixed(0)} /s), reached ${walk.value}`,
  );
  const tet = time(() => Array.from({ length: 201 }, (_, i) => tetDate(1900 + i)));
  console.log(`tetDate 1900–2100 (cold lunar computations): ${tet.ms.toFixed(1)} ms`);
  const daily = regimeContent.parse(contentFor('00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000001', 'day'));
  const plan = time(() => planPeriods(daily, calendar, { from: '2026-01-01', to: addDays('2026-01-01', 5 * 365) }));
  console.log(`planPeriods, daily regime over 5 years: ${plan.value.length} periods in ${plan.ms.toFixed(0)} ms`);
}

async function seedCommunes(db: Db): Promise<{ rootId: string; receiverId: string }> {
  const root = await makeUnit(db, { name: 'UBND tỉnh đo hiệu năng' });
  const receiver = await makeUnit(db, { parentId: root.id, name: 'Văn phòng UBND tỉnh' });
  await db.execute(sql`
    insert into org_unit (id, parent_id, path, depth, name, kind, search_text, sort_order)
    select u.id, r.id, r.path || u.id || '/', r.depth + 1, 'UBND xã ' || n, 'commune', 'ubnd xa ' || n, n
    from (select gen_random_uuid() as id, n from generate_series(1, ${COMMUNES}) as n) u, org_unit r where r.id = ${root.id}::uuid`);
  await db.execute(sql`
    with u as (
      insert into app_user (username, full_name, unit_id, password_hash, must_change_password, search_text)
      select 'xa' || o.sort_order, 'Cán bộ xã ' || o.sort_order, o.id, 'x', false, 'can bo xa'
      from org_unit o where o.kind = 'commune'
      returning id, unit_id)
    insert into role_grant (user_id, role, unit_id) select id, 'data_entry', unit_id from u`);
  return { rootId: root.id, receiverId: receiver.id };
}

async function benchOpening(kind: 'pglite' | 'postgres'): Promise<void> {
  const database = await createTestDatabase(kind);
  try {
    const { db } = database;
    const { rootId, receiverId } = await seedCommunes(db);
    const content = regimeContent.parse(contentFor(rootId, receiverId, 'month'));
    const [r] = await db
      .insert(regime)
      .values({
        code: 'BENCH',
        name: content.name,
        kind: 'dinh_ky',
        frequency: 'month',
        ownerUnitId: receiverId,
        status: 'active',
        searchText: 'bench',
      })
      .returning();
    const [v] = await db
      .insert(regimeVersion)
      .values({ regimeId: r!.id, versionNo: 1, status: 'published', content, publishedAt: new Date() })
      .returning();
    await db
      .update(regime)
      .set({ currentVersionId: v!.id })
      .where(sql`id = ${r!.id}`);

    // 05/01/2026: exactly one period (Tháng 1/2026) is due.
    const clock = new ManualClock('2026-01-05T02:00:00Z');
    const start = performance.now();
    const { opened } = await openDuePeriods({ db, config: testConfig(), clock });
    const openMs = performance.now() - start;

    // The same rows by hand, for a second period: one INSERT … SELECT each for the period, the assignments and the notifications.
    const rawStart = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into regime_period (regime_id, regime_version_id, period_code, period_type, label, window_start, window_end, deadlines, deadline_at, form_version_ids, opened_at)
        select regime_id, regime_version_id, 'RAW', period_type, label, window_start, window_end, deadlines, deadline_at, form_version_ids, now()
        from regime_period limit 1`);
      await tx.execute(sql`
        insert into assignment (regime_period_id, unit_id, receiving_unit_id, level, deadline_at, original_deadline_at, form_version_ids)
        select p.id, o.id, ${receiverId}::uuid, 0, p.deadline_at, p.deadline_at, '[]'::jsonb
        from regime_period p cross join org_unit o where p.period_code = 'RAW' and o.kind = 'commune'`);
      await tx.execute(sql`
        insert into notification (user_id, kind, title, body, created_at)
        select g.user_id, 'assignment_new', 'Có báo cáo mới', 'Tháng 1/2026', now() from role_grant g join org_unit o on o.id = g.unit_id where o.kind = 'commune'`);
    });
    const rawMs = performance.now() - rawStart;
    const counts = await db.execute(
      sql`select (select count(*) from assignment a join regime_period p on p.id = a.regime_period_id where p.period_code <> 'RAW') as a, (select count(*) from notification where body <> 'Tháng 1/2026') as n`,
    );
    const row = (counts as unknown as { rows: { a: string; n: string }[] }).rows[0]!;
    console.log(
      `${kind.padEnd(8)} opened ${opened} period: ${Number(row.a).toLocaleString('en')} assignments + ${Number(row.n).toLocaleString('en')} notifications in ${openMs.toFixed(0)} ms ` +
        `(aim ${AIM_OPEN_MS} ms, ratio ${(openMs / AIM_OPEN_MS).toFixed(2)}); raw INSERT … SELECT of the same rows ${rawMs.toFixed(0)} ms ` +
        `→ ours / raw = ${(openMs / rawMs).toFixed(1)}×`,
    );
  } finally {
    await database.close();
  }
}

benchCore();
for (const kind of backends) await benchOpening(kind);

/**
 * The data of the analytics benchmark (bench/analytics.ts), written in SQL with generate_series:
 * 3,321 communes under one province, 50 monthly indicators (one with a Nam/Nữ breakdown, one
 * averaged with weights) over 60 months, and one monthly regime's 199,260 assignments with their
 * reports for the timeliness statistics. Each step is skipped when already done, so an interrupted
 * run resumes where it stopped.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createIndicatorBody, regimeContent } from '../packages/core/src/index.ts';
import type { Db } from '../packages/server/src/db/client.ts';
import { createIndicator, seedReferenceData } from '../packages/server/src/modules/indicators/index.ts';
import { makeUnit, systemContext } from '../packages/server/src/test/factories.ts';

export const COMMUNES = 3321;
export const INDICATORS = 50;
export const FIRST_YEAR = 2021;
export const YEARS = 5;
/** What marks the bench's communes (org_unit.search_text). */
export const BENCH_COMMUNE = 'bench commune';

export const n = (x: number) => x.toLocaleString('en');
export const f1 = (x: number) => x.toFixed(1);
export const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
export const code = (k: number) => `BENCH_${String(k).padStart(2, '0')}`;

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const one = async (db: Db, query: ReturnType<typeof sql>) => rowsOf<{ v: string | null }>(await db.execute(query))[0]?.v ?? null;

/**
 * Generates what is missing, step by step (units and indicators; each year of facts in its own
 * transaction; the timeliness workload in one), so that an interrupted run resumes where it stopped.
 */
export async function generate(db: Db): Promise<boolean> {
  const ctx = systemContext();
  let generated = false;
  let rootId = await one(db, sql`select parent_id::text as v from org_unit where search_text = ${BENCH_COMMUNE} limit 1`);
  if (!rootId) {
    generated = true;
    const start = performance.now();
    await db.transaction(async (tx) => {
      const root = await makeUnit(tx, { name: 'UBND tỉnh đo hiệu năng khai thác' });
      await makeUnit(tx, { parentId: root.id, name: 'Sở Tài chính (đo hiệu năng)', kind: 'department' });
      // Two communes in three, a ward in three, a special zone every 300th: the level-by-kind query reads the wards.
      await tx.execute(sql`
        insert into org_unit (id, parent_id, path, depth, name, kind, search_text, sort_order)
        select u.id, r.id, r.path || u.id || '/', r.depth + 1,
          case when n % 300 = 0 then 'UBND đặc khu ' when n % 3 = 0 then 'UBND phường ' else 'UBND xã ' end || n,
          case when n % 300 = 0 then 'special_zone' when n % 3 = 0 then 'ward' else 'commune' end, ${BENCH_COMMUNE}, n
        from (select gen_random_uuid() as id, n from generate_series(1, ${COMMUNES}) as n) u, org_unit r where r.id = ${root.id}::uuid`);
      await seedReferenceData(tx, ctx);
      for (let k = 1; k <= INDICATORS; k++) {
        const weighted = k === INDICATORS;
        await createIndicator(
          tx,
          ctx,
          createIndicatorBody.parse({
            code: code(k),
            name: `Chỉ tiêu đo hiệu năng ${String(k).padStart(2, '0')}${weighted ? ' (bình quân có quyền số)' : ''}`,
            unitOfMeasure: weighted ? '%' : 'Đơn vị',
            valueType: weighted ? 'percent' : 'number',
            aggregation: weighted ? 'weighted_average' : 'sum',
            weightIndicatorCode: weighted ? code(INDICATORS - 1) : null,
            disaggregations: k === 1 ? ['GIOI_TINH'] : [],
            periodicities: ['month'],
          }),
        );
      }
      rootId = root.id;
    });
    console.log(`set-up: ${n(COMMUNES)} communes, ${INDICATORS} indicators in ${f1((performance.now() - start) / 1000)} s`);
  }

  // value(unit n, indicator k, month t) with one decimal, never 0; the weighted indicator's weight
  // is indicator 49's value of the same unit and month, as a report would carry it.
  const value = (k: string) => sql.raw(`((u.sort_order * 37 + ${k} * 101 + ((y - ${FIRST_YEAR}) * 12 + m) * 13) % 10000) / 10.0 + 1`);
  let total = 0;
  let loadMs = 0;
  for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
    // The Nam/Nữ rows are the last of a year written: the year is complete when they are there.
    if (
      await one(
        db,
        sql`select 'y' as v from fact_value where year = ${year} and indicator_code = ${code(1)} and disaggregation = 'GIOI_TINH=NU' limit 1`,
      )
    )
      continue;
    generated = true;
    const t = await timed(() =>
      db.transaction(async (tx) => {
        const main = await tx.execute(sql`
          insert into fact_value (year, period_type, period_code, period_start, period_end, unit_id, indicator_code, disaggregation,
            measure, measure_name, unit_of_measure, value, weight, source_kind, source_note, recorded_at)
          select y, 'month', 'M' || y || '-' || lpad(m::text, 2, '0'), make_date(y, m, 1), (make_date(y, m, 1) + interval '1 month - 1 day')::date,
            u.id, 'BENCH_' || lpad(k::text, 2, '0'), '', 'TH', 'Thực hiện', case when k = ${INDICATORS} then '%' else 'Đơn vị' end,
            ${value('k')}, case when k = ${INDICATORS} then ${value(String(INDICATORS - 1))} end,
            'import', 'Số liệu đo hiệu năng', now()
          from (select ${year}::int as y) yy cross join generate_series(1, 12) m
            cross join (select id, sort_order from org_unit where search_text = ${BENCH_COMMUNE}) u
            cross join generate_series(1, ${INDICATORS}) k`);
        const split = await tx.execute(sql`
          insert into fact_value (year, period_type, period_code, period_start, period_end, unit_id, indicator_code, disaggregation,
            measure, measure_name, unit_of_measure, value, source_kind, source_note, recorded_at)
          select f.year, f.period_type, f.period_code, f.period_start, f.period_end, f.unit_id, f.indicator_code, d.key,
            f.measure, f.measure_name, f.unit_of_measure,
            case when d.key = 'GIOI_TINH=NAM' then round(f.value * 0.52, 1) else f.value - round(f.value * 0.52, 1) end,
            f.source_kind, f.source_note, f.recorded_at
          from fact_value f cross join (values ('GIOI_TINH=NAM'), ('GIOI_TINH=NU')) d(key)
          where f.year = ${year} and f.indicator_code = ${code(1)} and f.disaggregation = ''`);
        return (main as unknown as { rowCount: number }).rowCount + (split as unknown as { rowCount: number }).rowCount;
      }),
    );
    total += t.value;
    loadMs += t.ms;
    console.log(`facts ${year}: ${n(t.value)} rows in ${f1(t.ms / 1000)} s (${n(Math.round(t.value / (t.ms / 1000)))} rows/s)`);
  }
  if (total > 0) console.log(`facts: ${n(total)} rows in ${f1(loadMs / 1000)} s (${n(Math.round(total / (loadMs / 1000)))} rows/s)`);

  if (!(await one(db, sql`select 'y' as v from regime where code = 'BENCH-TK'`))) {
    generated = true;
    const receiverId = (await one(db, sql`select id::text as v from org_unit where parent_id = ${rootId}::uuid and kind = 'department'`))!;
    const timeliness = await timed(() => db.transaction((tx) => timelinessWorkload(tx, rootId!, receiverId)));
    console.log(`timeliness workload: ${n(timeliness.value)} assignments (with their reports) in ${f1(timeliness.ms / 1000)} s`);
  }
  if (generated) {
    // VACUUM as well as ANALYZE: the visibility map lets the covering index answer without the heap.
    const analyze = await timed(() => db.execute(sql`vacuum (analyze) fact_value, assignment, report, report_version, org_unit`));
    console.log(`vacuum (analyze): ${f1(analyze.ms / 1000)} s`);
  }
  return generated;
}

/**
 * One monthly regime over the same 60 months, every commune assigned: 84 % sent on time, 9 % late
 * (up to 5 days), 7 % never sent; some reports returned once, 1 % corrected (a second version).
 */
async function timelinessWorkload(db: Db, rootId: string, receiverId: string): Promise<number> {
  const content = regimeContent.parse({
    name: 'Báo cáo đo hiệu năng thống kê tình hình thực hiện',
    content: 'Đo hiệu năng thống kê tình hình thực hiện báo cáo.',
    contentKind: 'numeric',
    kind: 'dinh_ky',
    legalBasis: { documentNumber: '09/2019/NĐ-CP', documentDate: '2019-01-24' },
    reportingUnits: { mode: 'by_kind', rootUnitId: rootId, kinds: ['commune', 'ward', 'special_zone'], includeSubtree: true },
    receivingUnitId: receiverId,
    sendingMethods: ['phan_mem'],
    deadlines: [{ label: 'Xã gửi Sở Tài chính', rule: { kind: 'day_of_month', monthOffset: 0, day: 18, time: '17:00' } }],
    frequency: 'month',
    effectiveFrom: `${FIRST_YEAR}-01-01`,
  });
  const [regimeRow] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into regime (code, name, kind, frequency, owner_unit_id, status, search_text)
      values ('BENCH-TK', ${content.name}, 'dinh_ky', 'month', ${receiverId}::uuid, 'active', 'bench-tk') returning id`),
  );
  await db.execute(sql`
    with v as (
      insert into regime_version (regime_id, version_no, status, content, published_at)
      values (${regimeRow!.id}::uuid, 1, 'published', ${JSON.stringify(content)}::jsonb, now()) returning id)
    update regime set current_version_id = v.id from v where regime.id = ${regimeRow!.id}::uuid`);
  // The 18th of each month at 17:00 in Vietnam (10:00 UTC); the cut-off window from the 15th before.
  await db.execute(sql`
    insert into regime_period (regime_id, regime_version_id, period_code, period_type, label, window_start, window_end,
      deadlines, deadline_at, state, form_version_ids, opened_at, closed_at)
    select r.id, r.current_version_id, 'M' || to_char(d, 'YYYY-MM'), 'month', 'Tháng ' || extract(month from d) || '/' || extract(year from d),
      (d - interval '1 month' + interval '14 days')::date, (d + interval '13 days')::date,
      jsonb_build_array(jsonb_build_object('label', 'Xã gửi Sở Tài chính', 'date', to_char(d + interval '17 days', 'YYYY-MM-DD'),
        'time', '17:00', 'at', to_char((d + interval '17 days 10 hours') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'))),
      (d + interval '17 days 10 hours') at time zone 'UTC', 'closed', '[]'::jsonb, d at time zone 'UTC', (d + interval '1 month') at time zone 'UTC'
    from regime r, generate_series(make_date(${FIRST_YEAR}, 1, 1), make_date(${FIRST_YEAR + YEARS - 1}, 12, 1), interval '1 month') d
    where r.code = 'BENCH-TK'`);
  // h: a stable pseudo-random 0..99 per unit and period, deciding the outcome.
  await db.execute(sql`
    insert into assignment (regime_period_id, unit_id, receiving_unit_id, deadline_at, original_deadline_at, status, sent_at, form_version_ids, created_at)
    select p.id, u.id, ${receiverId}::uuid, p.deadline_at, p.deadline_at,
      case when h < 93 then 'accepted' else 'not_started' end,
      case when h < 84 then p.deadline_at - (h % 72 + 1) * interval '1 hour'
           when h < 93 then p.deadline_at + ((u.sort_order * 7 + h * 131) % 7200 + 1) * interval '1 minute' end,
      '[]'::jsonb, p.opened_at
    from regime_period p join regime r on r.id = p.regime_id and r.code = 'BENCH-TK'
      cross join lateral (select id, sort_order, abs(hashtext(id::text || p.period_code)) % 100 as h
                          from org_unit where search_text = ${BENCH_COMMUNE}) u`);
  await db.execute(sql`
    insert into report (assignment_id, regime_period_id, unit_id, receiving_unit_id, state, current_version_no, sent_at, accepted_at,
      return_count, created_at, updated_at)
    select a.id, a.regime_period_id, a.unit_id, a.receiving_unit_id, 'accepted',
      case when abs(hashtext(a.id::text)) % 100 = 0 then 2 else 1 end, a.sent_at, a.sent_at + interval '1 day',
      case when abs(hashtext(a.id::text)) % 100 < 5 then 1 else 0 end, a.created_at, a.sent_at + interval '1 day'
    from assignment a join org_unit o on o.id = a.unit_id
    where o.search_text = ${BENCH_COMMUNE} and a.status = 'accepted'`);
  await db.execute(sql`
    insert into report_version (report_id, version_no, data, content_hash, sent_at, accepted_at, locked_at, created_at, updated_at)
    select r.id, v, '{"forms":{},"narrative":{},"attachments":[]}'::jsonb, md5(r.id::text || v), r.sent_at, r.accepted_at, r.accepted_at,
      r.created_at, r.updated_at
    from report r cross join lateral generate_series(1, r.current_version_no) v
    join org_unit o on o.id = r.unit_id where o.search_text = ${BENCH_COMMUNE}`);
  return COMMUNES * YEARS * 12;
}

/**
 * Analytics benchmark: a country-sized fact table (3,321 communes × 50 monthly indicators × 60
 * months ≈ 10 million facts, plus a Nam/Nữ breakdown of one indicator) generated in SQL, then ten
 * typical pivots through the real `explore(db, 'system', query)` and the timeliness statistics of one
 * year over every commune (≈ 40,000 of 200,000 assignments) through `timelinessStats`, each 20 times
 * after 2 warm-ups; each pivot is compared with its main aggregation SQL run alone through `pg`.
 * Run: npm run bench:analytics (PostgreSQL only: BENCH_DATABASE_URL, TEST_DATABASE_URL or
 * DATABASE_URL; the data goes to a database `bench_analytics` next to it, kept between runs;
 * `--fresh` regenerates it, `--explain` prints the plan of every pivot whose p95 misses 200 ms).
 * Prints figures and ratios; never fails on time.
 */
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { explorationQuery, timelinessQuery, type ExplorationQueryInput, type PivotDimension } from '../packages/core/src/index.ts';
import { openDatabase, type Db } from '../packages/server/src/db/client.ts';
import { explore, prepareExploration } from '../packages/server/src/modules/analytics/index.ts';
import { aggregationSql, type GroupedDimension } from '../packages/server/src/modules/analytics/explore-queries.ts';
import { timelinessStats } from '../packages/server/src/modules/reports/service/timeliness-stats.ts';
import { systemContext } from '../packages/server/src/test/factories.ts';
import { BENCH_COMMUNE, code, f1, FIRST_YEAR, generate, INDICATORS, n, rowsOf, timed, YEARS } from './analytics-data.ts';

const RUNS = 20;
const WARM_UPS = 2;
const AIM_P95_MS = 200;
const DATABASE = 'bench_analytics';
/** When the statistics are read: every deadline of the last year has passed. */
const NOW = new Date('2026-01-20T03:00:00Z');

const args = new Set(process.argv.slice(2));
const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!baseUrl) {
  console.error(
    'bench:analytics needs PostgreSQL (10 million facts are not for the embedded PGlite): ' +
      'set BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL to postgres://…',
  );
  process.exit(1);
}

// ---------- helpers ----------

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const month = (year: number, m: number) => `M${year}-${String(m).padStart(2, '0')}`;

/** 2 warm-ups, then 20 timed runs. */
async function runs<T>(fn: () => Promise<T>): Promise<{ ms: number[]; value: T }> {
  let value = await fn();
  for (let i = 1; i < WARM_UPS; i++) value = await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await timed(fn)).ms);
  return { ms, value };
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// ---------- the data ----------

async function openBenchDatabase(): Promise<{ url: string; created: boolean }> {
  const exists = await withAdmin(async (admin) => {
    if (args.has('--fresh')) await admin.query(`drop database if exists ${DATABASE} with (force)`);
    const found = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`create database ${DATABASE}`);
    return found.rowCount !== 0;
  });
  const url = new URL(baseUrl!);
  url.pathname = `/${DATABASE}`;
  return { url: url.toString(), created: !exists };
}

// ---------- the queries ----------

type Case = { label: string; query: ExplorationQueryInput };

function pivotCases(rootId: string, hundredUnits: string[]): Case[] {
  const year = FIRST_YEAR + YEARS - 1;
  const lastYear = { periodType: 'month' as const, from: month(year, 1), to: month(year, 12) };
  const communes = { mode: 'level' as const, rootUnitId: rootId, kinds: ['commune' as const, 'ward' as const, 'special_zone' as const] };
  const all = { mode: 'level' as const, rootUnitId: rootId };
  const one = [code(2)];
  return [
    {
      label: '1 ind × 3,321 communes × 12 months → unit × year',
      query: { indicatorCodes: one, units: communes, periods: lastYear, rows: ['unit'], columns: ['year'] },
    },
    {
      label: '1 ind × 3,321 communes × 6 months → unit × period',
      query: { indicatorCodes: one, units: communes, periods: { ...lastYear, to: month(year, 6) }, rows: ['unit'], columns: ['period'] },
    },
    {
      label: '1 ind × 60 months, province total → period',
      query: { indicatorCodes: one, units: all, periods: { ...lastYear, from: month(FIRST_YEAR, 1) }, rows: [], columns: ['period'] },
    },
    {
      label: '5 ind × 12 months → indicator × period',
      query: { indicatorCodes: [2, 3, 4, 5, 6].map(code), units: all, periods: lastYear, rows: ['indicator'], columns: ['period'] },
    },
    {
      label: 'disaggregation: 1 ind × 12 months → Nam/Nữ × period',
      query: { indicatorCodes: [code(1)], units: all, periods: lastYear, rows: ['disaggregation'], columns: ['period'] },
    },
    {
      label: 'year dimension: 3 ind × 60 months → indicator × year',
      query: {
        indicatorCodes: [2, 3, 4].map(code),
        units: all,
        periods: { ...lastYear, from: month(FIRST_YEAR, 1) },
        rows: ['indicator'],
        columns: ['year'],
      },
    },
    {
      label: 'explicit 100 units × 12 months → unit × period',
      query: {
        indicatorCodes: one,
        units: { mode: 'explicit', unitIds: hundredUnits },
        periods: lastYear,
        rows: ['unit'],
        columns: ['period'],
      },
    },
    {
      label: 'level by kind (1,107 wards) × 12 months → unit × period',
      query: {
        indicatorCodes: one,
        units: { mode: 'level', rootUnitId: rootId, kinds: ['ward'] },
        periods: lastYear,
        rows: ['unit'],
        columns: ['period'],
      },
    },
    {
      label: 'samePeriodLastYear: 1 ind × 12 + 12 months → period',
      query: { indicatorCodes: one, units: all, periods: { ...lastYear, samePeriodLastYear: true }, rows: [], columns: ['period'] },
    },
    {
      label: 'weighted average: 1 ind × 12 months → period',
      query: { indicatorCodes: [code(INDICATORS)], units: all, periods: lastYear, rows: [], columns: ['period'] },
    },
    {
      label: '50 ind × 1 month → indicator',
      query: {
        indicatorCodes: Array.from({ length: INDICATORS }, (_, i) => code(i + 1)),
        units: all,
        periods: { ...lastYear, from: month(year, 12) },
        rows: ['indicator'],
        columns: [],
      },
    },
  ];
}

/** The main aggregation of a pivot exactly as explore sends it, to run alone through pg. */
async function rawAggregation(db: Db, input: ExplorationQueryInput): Promise<{ text: string; values: unknown[] }> {
  const query = explorationQuery.parse(input);
  const prepared = await prepareExploration(db, 'system', query);
  const placed = new Set<PivotDimension>([...query.rows, ...query.columns]);
  const grouped = [...placed].filter((d): d is GroupedDimension => d !== 'indicator' && d !== 'measure');
  const compiled = new PgDialect().sqlToQuery(aggregationSql(prepared.filter, grouped, 20_001));
  return { text: compiled.sql, values: compiled.params };
}

interface Line {
  label: string;
  facts: string;
  cells: string;
  ms: number[];
  raw: number[] | null;
}

function printTable(lines: Line[]): void {
  const header = ['query', 'facts', 'cells', 'p50', 'p95', 'max', 'raw p50', 'ours/raw'];
  const rows = lines.map((l) => [
    l.label,
    l.facts,
    l.cells,
    f1(pct(l.ms, 0.5)),
    f1(pct(l.ms, 0.95)) + (pct(l.ms, 0.95) > AIM_P95_MS ? ' !' : ''),
    f1(Math.max(...l.ms)),
    l.raw ? f1(pct(l.raw, 0.5)) : '',
    l.raw ? `${(pct(l.ms, 0.5) / pct(l.raw, 0.5)).toFixed(2)}×` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log(`(ms; ${WARM_UPS} warm-ups then ${RUNS} runs each; "!" marks a p95 above the ${AIM_P95_MS} ms aim)`);
}

async function benchQueries(db: Db, url: string): Promise<void> {
  const [root] = rowsOf<{ id: string }>(
    await db.execute(sql`select parent_id as id from org_unit where search_text = ${BENCH_COMMUNE} limit 1`),
  );
  const hundred = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from org_unit where search_text = ${BENCH_COMMUNE} and sort_order % 33 = 1 order by sort_order limit 100`,
    ),
  ).map((r) => r.id);
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const lines: Line[] = [];
  try {
    for (const c of pivotCases(root!.id, hundred)) {
      const query = explorationQuery.parse(c.query);
      const ours = await runs(() => explore(db, 'system', query));
      const aggregation = await rawAggregation(db, c.query);
      const alone = await runs(() => raw.query(aggregation.text, aggregation.values));
      const result = ours.value;
      lines.push({
        label: c.label,
        facts: n(result.factCount),
        cells: n(result.rows.length * result.columns.length),
        ms: ours.ms,
        raw: alone.ms,
      });
      if (args.has('--explain') && pct(ours.ms, 0.95) > AIM_P95_MS) {
        const plan = await raw.query(`explain (analyze, buffers) ${aggregation.text}`, aggregation.values);
        // Long arrays of unit ids are cut: the shape of the plan is what matters.
        const lines = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']!.replace(/'\{[^}]{120,}\}'/gu, "'{…}'"));
        console.log(`\n${c.label}:\n${lines.join('\n')}\n`);
      }
    }
    const actor = systemContext().actor;
    const year = FIRST_YEAR + YEARS - 1;
    const tq = timelinessQuery.parse({ from: `${year}-01-01`, to: `${year}-12-31` });
    const stats = await runs(() => timelinessStats(db, actor, tq, NOW));
    // The rows the statistics are made of, read alone, and the same counts made by PostgreSQL.
    const bounds = [`${year - 1}-12-31T17:00:00Z`, `${year}-12-31T17:00:00Z`];
    const rowsAlone = await runs(() =>
      raw.query(
        `select a.id, rep.id, g.id, g.name, p.period_code, p.label, o.id, o.name, o.kind, a.status, a.deadline_at, a.original_deadline_at,
           a.sent_at, coalesce(rep.out_of_band, false), coalesce(rep.return_count, 0)::int, coalesce(rep.current_version_no > 1, false)
         from assignment a join regime_period p on p.id = a.regime_period_id join regime g on g.id = p.regime_id
         join org_unit o on o.id = a.unit_id left join report rep on rep.assignment_id = a.id
         where a.status <> 'cancelled' and a.deadline_at >= $1 and a.deadline_at < $2`,
        bounds,
      ),
    );
    const countsInSql = await runs(() =>
      raw.query(
        `select a.unit_id, count(*) filter (where a.sent_at <= a.deadline_at) as on_time, count(*) filter (where a.sent_at > a.deadline_at) as late,
           count(*) filter (where a.sent_at is null and a.deadline_at < $3) as not_sent
         from assignment a where a.status <> 'cancelled' and a.deadline_at >= $1 and a.deadline_at < $2 group by a.unit_id`,
        [...bounds, NOW.toISOString()],
      ),
    );
    const t = stats.value.totals;
    lines.push({
      label: `timeliness ${year} (assignments) → ${n(stats.value.units.length)} units ranked`,
      facts: n(t.due + t.pending),
      cells: n(stats.value.units.length),
      ms: stats.ms,
      raw: rowsAlone.ms,
    });
    console.log('');
    printTable(lines);
    console.log(
      `timeliness ${year}: on time ${t.onTimeRate} %, sent ${t.sentRate} % of ${n(t.due)} due; its rows read alone p50 ${f1(pct(rowsAlone.ms, 0.5))} ms ` +
        `(the raw column above), the same counts made in SQL (GROUP BY unit) p50 ${f1(pct(countsInSql.ms, 0.5))} ms`,
    );
  } finally {
    await raw.end();
  }
}

// ---------- main ----------

const { url, created } = await openBenchDatabase();
const database = await openDatabase({ databaseUrl: url });
try {
  await database.migrate();
  if (!(await generate(database.db))) console.log(`${DATABASE}: the data is already there (--fresh regenerates it)`);
  else if (!created) console.log(`${DATABASE}: an interrupted generation was completed`);
  const [size] = rowsOf<{ facts: string; bytes: string; version: string }>(
    await database.db
      .execute(sql`select sum(c.reltuples)::bigint::text as facts, pg_size_pretty(sum(pg_total_relation_size(c.oid))) as bytes,
      current_setting('server_version') || ', jit ' || current_setting('jit') as version
      from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'fact_value'::regclass`),
  );
  console.log(`fact_value: ≈ ${n(Number(size!.facts))} rows, ${size!.bytes} with indexes; PostgreSQL ${size!.version}`);
  await benchQueries(database.db, url);
} finally {
  await database.close();
}

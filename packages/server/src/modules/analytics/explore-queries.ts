import { and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { PivotDimension } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { regime } from '../regimes/index.ts';
import { orgUnit } from '../units/tables.ts';

/**
 * The SQL of exploration: the facts in force of some indicators, units and periods, aggregated
 * partially (count, sum, min, max, Σ value·weight, Σ weight) by the dimensions placed, for core's
 * buildPivot to finish. The unit ids are already limited to the caller's authority; `year = any(…)`
 * lets PostgreSQL read only the partitions of those years. The generated SQL of the main query is
 * committed (explore-queries.sql.snap) so that a change shows in review.
 */

/** Which facts a query reads. */
export interface FactFilter {
  years: readonly number[];
  periodType: string;
  periodCodes: readonly string[];
  unitIds: readonly string[];
  indicatorCodes: readonly string[];
  /** Empty: every measure. */
  measures: readonly string[];
  /** Only the totals (disaggregation ""), when the disaggregation is not placed. */
  totalOnly: boolean;
  regimeId: string | null;
}

/** The dimensions grouped besides indicator and measure (always grouped: figures of different series never mix). */
export type GroupedDimension = Exclude<PivotDimension, 'indicator' | 'measure'>;

const DIMENSION_COLUMNS: Record<GroupedDimension, { select: SQL; group: SQL }> = {
  unit: { select: sql`f.unit_id::text`, group: sql`f.unit_id` },
  period: { select: sql`f.period_code`, group: sql`f.period_code` },
  year: { select: sql`f.year::text`, group: sql`f.year` },
  regime: { select: sql`coalesce(f.regime_id::text, '')`, group: sql`f.regime_id` },
  disaggregation: { select: sql`f.disaggregation`, group: sql`f.disaggregation` },
};

export function factWhere(filter: FactFilter): SQL {
  const conditions: SQL[] = [
    sql`f.superseded_at is null`,
    sql`f.year = any(${sql.param([...filter.years])}::smallint[])`,
    sql`f.period_type = ${filter.periodType}`,
    sql`f.period_code = any(${sql.param([...filter.periodCodes])}::text[])`,
    sql`f.unit_id = any(${sql.param([...filter.unitIds])}::uuid[])`,
    sql`f.indicator_code = any(${sql.param([...filter.indicatorCodes])}::text[])`,
  ];
  if (filter.measures.length > 0) conditions.push(sql`f.measure = any(${sql.param([...filter.measures])}::text[])`);
  if (filter.totalOnly) conditions.push(sql`f.disaggregation = ''`);
  if (filter.regimeId) conditions.push(sql`f.regime_id = ${filter.regimeId}`);
  return sql.join(conditions, sql`\n  and `);
}

/** The main aggregation, as SQL (also what the committed snapshot is made of). */
export function aggregationSql(filter: FactFilter, dimensions: readonly GroupedDimension[], limit: number): SQL {
  const selected = dimensions.map((d) => sql`${DIMENSION_COLUMNS[d].select} as ${sql.identifier(d)}`);
  const grouped = [sql`f.indicator_code`, sql`f.measure`, ...dimensions.map((d) => DIMENSION_COLUMNS[d].group)];
  return sql`select f.indicator_code, f.measure, max(f.measure_name) as measure_name,${sql.join(
    selected.map((s) => sql`\n  ${s},`),
    sql``,
  )}
  count(*)::int as count,
  sum(f.value)::text as sum,
  min(f.value)::text as min,
  max(f.value)::text as max,
  (sum(f.value * f.weight) filter (where f.weight > 0))::text as weighted_sum,
  (sum(f.weight) filter (where f.weight > 0))::text as weight_sum
from fact_value f
where ${factWhere(filter)}
group by ${sql.join(grouped, sql`, `)}
limit ${limit}`;
}

export interface AggregateRow {
  indicator_code: string;
  measure: string;
  measure_name: string;
  count: number;
  sum: string;
  min: string;
  max: string;
  weighted_sum: string | null;
  weight_sum: string | null;
  unit?: string;
  period?: string;
  year?: string;
  regime?: string;
  disaggregation?: string;
}

export async function aggregateFacts(
  db: Db,
  filter: FactFilter,
  dimensions: readonly GroupedDimension[],
  limit: number,
): Promise<AggregateRow[]> {
  if (filter.unitIds.length === 0 || filter.indicatorCodes.length === 0 || filter.periodCodes.length === 0) return [];
  return rowsOf<AggregateRow>(await db.execute(aggregationSql(filter, dimensions, limit)));
}

/** Ids of the units under `rootPath` (all when null) of `kinds` (all when empty) where `scope` holds. */
export async function unitIdsOfSelection(
  db: Db,
  opts: { rootPath: string | null; kinds: readonly string[]; scope: SQL },
): Promise<string[]> {
  const rows = await db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(
      and(
        opts.scope,
        opts.rootPath ? like(orgUnit.path, `${opts.rootPath}%`) : undefined,
        opts.kinds.length > 0 ? inArray(orgUnit.kind, [...opts.kinds]) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

export interface UnitNode {
  id: string;
  path: string;
  name: string;
  sortOrder: number;
}

export async function unitNodes(db: Db, ids: readonly string[]): Promise<UnitNode[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgUnit.id, path: orgUnit.path, name: orgUnit.name, sortOrder: orgUnit.sortOrder })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...ids]));
}

export async function unitPath(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, id));
  return row?.path;
}

export async function regimeNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: regime.id, name: regime.name })
    .from(regime)
    .where(inArray(regime.id, [...ids]))
    .orderBy(asc(regime.name));
}

export interface OptionRow {
  measure: string;
  measure_name: string;
  disaggregation: string;
  period_type: string;
  latest: string;
}

/** What facts in force exist for some indicators within `scope` (a condition over org_unit): for the pickers. */
export async function explorationOptionRows(db: Db, indicatorCodes: readonly string[], scope: SQL): Promise<OptionRow[]> {
  if (indicatorCodes.length === 0) return [];
  const res = await db.execute(sql`select f.measure, max(f.measure_name) as measure_name, f.disaggregation, f.period_type,
  max(f.period_code) as latest
from fact_value f
join ${orgUnit} on ${orgUnit.id} = f.unit_id
where f.superseded_at is null
  and f.indicator_code = any(${sql.param([...indicatorCodes])}::text[])
  and ${scope}
group by f.measure, f.disaggregation, f.period_type`);
  return rowsOf<OptionRow>(res);
}

/** One fact as the detail export writes it. */
export interface ExportFactRow {
  id: number;
  year: number;
  unit_id: string;
  indicator_code: string;
  disaggregation: string;
  measure: string;
  measure_name: string;
  unit_of_measure: string | null;
  period_type: string;
  period_code: string;
  period_start: string;
  period_end: string;
  regime_id: string | null;
  value: string;
  weight: string | null;
  source_kind: string;
  version_no: number | null;
  source_note: string | null;
  recorded_at: string;
}

/** The next `limit` facts after `after` in (year, id) order: keyset pages, constant cost however far the export is. */
export async function factPage(
  db: Db,
  filter: FactFilter,
  after: { year: number; id: number } | null,
  limit: number,
): Promise<ExportFactRow[]> {
  if (filter.unitIds.length === 0 || filter.indicatorCodes.length === 0 || filter.periodCodes.length === 0) return [];
  const res = await db.execute(sql`select f.id::float8 as id, f.year::int as year, f.unit_id, f.indicator_code, f.disaggregation,
  f.measure, f.measure_name, f.unit_of_measure, f.period_type, f.period_code, f.period_start::text as period_start,
  f.period_end::text as period_end, f.regime_id, f.value::text as value, f.weight::text as weight, f.source_kind, f.version_no,
  f.source_note, to_char(f.recorded_at at time zone 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') as recorded_at
from fact_value f
where ${factWhere(filter)}${after ? sql` and (f.year, f.id) > (${after.year}::smallint, ${after.id}::bigint)` : sql``}
order by f.year, f.id
limit ${limit}`);
  return rowsOf<ExportFactRow>(res).map((r) => ({ ...r, id: Number(r.id) }));
}

export async function countFacts(db: Db, filter: FactFilter): Promise<number> {
  if (filter.unitIds.length === 0 || filter.indicatorCodes.length === 0 || filter.periodCodes.length === 0) return 0;
  const res = await db.execute(sql`select count(*)::int as n from fact_value f where ${factWhere(filter)}`);
  return rowsOf<{ n: number }>(res)[0]?.n ?? 0;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

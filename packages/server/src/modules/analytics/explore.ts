import {
  ANALYTICS_LIMITS,
  buildPivot,
  formatNumber,
  nextPeriod,
  parsePeriodCode,
  PERIOD_TYPES,
  PERIOD_TYPE_LABELS,
  periodCode,
  periodLabel,
  previousPeriod,
  PIVOT_DIMENSION_LABELS,
  samePeriodLastYear,
  type ExplorationOptions,
  type ExplorationQuery,
  type FactAggregate,
  type PeriodKey,
  type PeriodSelection,
  type PivotDimension,
  type PivotIndicator,
  type PivotResult,
  type UnitSelection,
} from '@baocao/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, authorize, unitScopeSql } from '../access/index.ts';
import { indicatorRules } from '../indicators/index.ts';
import {
  aggregateFacts,
  explorationOptionRows,
  unitIdsOfSelection,
  unitPath,
  type AggregateRow,
  type FactFilter,
  type GroupedDimension,
} from './explore-queries.ts';
import { disaggregationMembers, labelMembers } from './members.ts';

/**
 * Exploration (khai thác số liệu): the facts of some indicators × units × periods as a pivot table,
 * always within the caller's `analytics.read` authority. Units named one by one must all be within
 * it (OUT_OF_SCOPE otherwise: never silently narrowed); units chosen by level are those the caller
 * may read. 'system' (the public portal's snapshot job, after the publisher was checked) reads all.
 */

export type Who = Actor | 'system';

/** A query checked and resolved: which facts it reads, and the indicators it is about. */
export interface PreparedExploration {
  query: ExplorationQuery;
  filter: FactFilter;
  indicators: PivotIndicator[];
  /** Requested codes that are not in the indicator library. */
  unknownIndicators: string[];
}

function fail(message: string): never {
  throw new AppError('VALIDATION_FAILED', undefined, message);
}

/** The period codes from..to (and, when asked, the same periods a year earlier), in time order, and their years. */
export function periodRange(selection: Pick<PeriodSelection, 'periodType' | 'from' | 'to' | 'samePeriodLastYear'>): {
  codes: string[];
  years: number[];
} {
  const { periodType: type } = selection;
  if (type === 'custom') {
    fail(
      'Kỳ tự định nghĩa không nối tiếp nhau theo thời gian nên không khai thác theo khoảng kỳ được; hãy chọn loại kỳ khác (tháng, quý, năm…).',
    );
  }
  const keyOf = (code: string, which: string): PeriodKey => {
    const key = parsePeriodCode(code);
    if (!key || key.type !== type) fail(`${which} "${code}" không phải là một kỳ ${PERIOD_TYPE_LABELS[type].toLowerCase()}.`);
    return key!;
  };
  const from = keyOf(selection.from, 'Kỳ bắt đầu');
  const to = keyOf(selection.to, 'Kỳ kết thúc');
  const last = periodCode(to);
  if (periodCode(from) > last) {
    fail(`Kỳ bắt đầu (${periodLabel(from)}) phải trước hoặc trùng kỳ kết thúc (${periodLabel(to)}).`);
  }
  const keys: PeriodKey[] = [];
  for (let key = from; ; key = nextPeriod(key)) {
    keys.push(key);
    if (keys.length > ANALYTICS_LIMITS.periods) {
      throw new AppError(
        'ANALYTICS_TOO_LARGE',
        { limit: ANALYTICS_LIMITS.periods },
        `Khoảng từ ${periodLabel(from)} đến ${periodLabel(to)} có hơn ${ANALYTICS_LIMITS.periods} kỳ, quá giới hạn của một lần khai thác. ` +
          'Hãy rút ngắn khoảng thời gian hoặc chọn loại kỳ dài hơn (quý, năm).',
      );
    }
    if (periodCode(key) === last) break;
  }
  const all = selection.samePeriodLastYear ? [...keys.map(samePeriodLastYear), ...keys] : keys;
  const codes = [...new Set(all.map(periodCode))].sort();
  return { codes, years: [...new Set(all.map((k) => k.year))].sort((a, b) => a - b) };
}

/**
 * A rolling selection moved so that it ends at `latest` (the newest period with figures), keeping its
 * length; unchanged when it is not rolling, when nothing is known, or when it already ends there.
 */
export function rollPeriods(selection: PeriodSelection, latest: string | undefined): PeriodSelection {
  if (!selection.rolling || !latest || latest === selection.to) return selection;
  const end = parsePeriodCode(latest);
  if (!end || end.type !== selection.periodType) return selection;
  const length = periodRange({ ...selection, samePeriodLastYear: false }).codes.length;
  let start = end;
  for (let i = 1; i < length; i++) start = previousPeriod(start);
  return { ...selection, from: periodCode(start), to: latest };
}

/** The ids of the units a query reads, checked against the caller's authority. */
async function resolveUnits(db: Db, who: Who, selection: UnitSelection): Promise<string[]> {
  if (who !== 'system') await authorize(db, who, 'analytics.read', []);
  if (selection.mode === 'explicit') {
    const ids = [...new Set(selection.unitIds)];
    if (who !== 'system') await authorize(db, who, 'analytics.read', ids);
    return ids;
  }
  let rootPath: string | null = null;
  if (selection.rootUnitId) {
    if (who !== 'system') await authorize(db, who, 'analytics.read', [selection.rootUnitId]);
    rootPath = (await unitPath(db, selection.rootUnitId)) ?? null;
    if (!rootPath) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị.');
  }
  const scope = who === 'system' ? sql`true` : unitScopeSql(who, 'analytics.read');
  return unitIdsOfSelection(db, { rootPath, kinds: selection.kinds, scope });
}

function checkPlacement(query: ExplorationQuery): void {
  const placed = [...query.rows, ...query.columns];
  const twice = placed.find((d, i) => placed.indexOf(d) !== i);
  if (twice) fail(`Mỗi chiều chỉ được đặt một lần vào hàng hoặc cột: "${PIVOT_DIMENSION_LABELS[twice]}" đang được đặt hai lần.`);
  if (new Set(query.indicatorCodes).size > 1 && !placed.includes('indicator')) {
    fail('Khi chọn nhiều chỉ tiêu, hãy kéo "Chỉ tiêu" vào hàng hoặc cột.');
  }
}

/** The checks of a query that need no data (saving a view runs them too). */
export function checkQueryShape(query: ExplorationQuery): void {
  checkPlacement(query);
  periodRange(query.periods);
}

/** Checks a query and resolves its units, periods and indicators (exploration and the facts export share it). */
export async function prepareExploration(db: Db, who: Who, asked: ExplorationQuery): Promise<PreparedExploration> {
  checkPlacement(asked);
  const query = asked.periods.rolling
    ? {
        ...asked,
        periods: rollPeriods(
          asked.periods,
          (await explorationOptions(db, who, asked.indicatorCodes)).latestPeriods[asked.periods.periodType],
        ),
      }
    : asked;
  const { codes, years } = periodRange(query.periods);
  const unitIds = await resolveUnits(db, who, query.units);
  const requested = [...new Set(query.indicatorCodes)];
  const rules = new Map((await indicatorRules(db, requested)).map((r) => [r.code, r]));
  const indicators = requested.flatMap((code) => {
    const r = rules.get(code);
    return r ? [{ code, name: r.name, unitOfMeasure: r.unitOfMeasure, aggregation: r.aggregation }] : [];
  });
  const placed = new Set<PivotDimension>([...query.rows, ...query.columns]);
  return {
    query,
    indicators,
    unknownIndicators: requested.filter((code) => !rules.has(code)),
    filter: {
      years,
      periodType: query.periods.periodType,
      periodCodes: codes,
      unitIds,
      indicatorCodes: indicators.map((i) => i.code),
      measures: [...new Set(query.measures)],
      totalOnly: !placed.has('disaggregation'),
      regimeId: query.regimeId ?? null,
    },
  };
}

const tooLarge = (what: string) =>
  new AppError(
    'ANALYTICS_TOO_LARGE',
    { limit: ANALYTICS_LIMITS.pivotCells },
    `Bảng khai thác có ${what}, vượt quá giới hạn ${formatNumber(ANALYTICS_LIMITS.pivotCells)} ô của một lần hiển thị. ` +
      'Hãy chọn ít chỉ tiêu, đơn vị hoặc kỳ hơn, bỏ bớt chiều ở hàng hoặc cột, hoặc kết xuất dữ liệu chi tiết (CSV).',
  );

/** Refuses a table that would mix several measures of one indicator in a cell: the reader must choose. */
function checkMeasures(rows: readonly AggregateRow[], prepared: PreparedExploration): void {
  const byIndicator = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const measures = byIndicator.get(r.indicator_code) ?? new Map<string, string>();
    measures.set(r.measure, r.measure_name);
    byIndicator.set(r.indicator_code, measures);
  }
  for (const [code, measures] of byIndicator) {
    if (measures.size < 2) continue;
    const name = prepared.indicators.find((i) => i.code === code)?.name ?? code;
    const list = [...measures]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([m, n]) => `${m} (${n})`)
      .join(', ');
    fail(
      `Số liệu của chỉ tiêu "${name}" có nhiều cột số liệu: ${list}. ` +
        'Hãy chọn một cột số liệu, hoặc kéo "Cột số liệu" vào hàng hoặc cột.',
    );
  }
}

/** The pivot table of a query, in the caller's authority. */
export async function explore(db: Db, who: Who, query: ExplorationQuery): Promise<PivotResult> {
  return explorePrepared(db, await prepareExploration(db, who, query));
}

/** The pivot table of a query already checked and resolved (prepareExploration). */
export async function explorePrepared(db: Db, prepared: PreparedExploration): Promise<PivotResult> {
  const { query } = prepared;
  const placed = new Set<PivotDimension>([...query.rows, ...query.columns]);
  const grouped = [...placed].filter((d): d is GroupedDimension => d !== 'indicator' && d !== 'measure');
  const rows = await aggregateFacts(db, prepared.filter, grouped, ANALYTICS_LIMITS.pivotCells + 1);
  if (rows.length > ANALYTICS_LIMITS.pivotCells) throw tooLarge(`hơn ${formatNumber(ANALYTICS_LIMITS.pivotCells)} ô số liệu`);
  if (!placed.has('measure')) checkMeasures(rows, prepared);

  const coordsOf = (r: AggregateRow): FactAggregate['coords'] => {
    const coords: FactAggregate['coords'] = {};
    for (const d of placed) coords[d] = d === 'indicator' ? r.indicator_code : d === 'measure' ? r.measure : (r[d] ?? '');
    return coords;
  };
  const aggregates: FactAggregate[] = rows.map((r) => ({
    coords: coordsOf(r),
    indicatorCode: r.indicator_code,
    measure: r.measure,
    count: r.count,
    sum: r.sum,
    min: r.min,
    max: r.max,
    weightedSum: r.weighted_sum,
    weightSum: r.weight_sum,
  }));
  const leaves = (dimensions: readonly PivotDimension[]) =>
    new Set(aggregates.map((a) => dimensions.map((d) => a.coords[d] ?? '').join('\u001f'))).size;
  const cells = leaves(query.rows) * leaves(query.columns);
  if (cells > ANALYTICS_LIMITS.pivotCells) throw tooLarge(`${formatNumber(cells)} ô`);

  const members = await labelMembers(db, {
    dimensions: placed,
    unitIds: distinct(rows, 'unit'),
    periodCodes: prepared.filter.periodCodes,
    years: prepared.filter.years,
    indicators: prepared.indicators,
    measures: measureNames(rows, prepared.filter.measures),
    disaggregations: distinct(rows, 'disaggregation'),
    regimes: distinct(rows, 'regime'),
  });
  const result = buildPivot({ aggregates, rows: query.rows, columns: query.columns, members, indicators: prepared.indicators });
  if (prepared.unknownIndicators.length > 0) {
    result.notes.push(`Không có trong kho chỉ tiêu: ${prepared.unknownIndicators.map((c) => `"${c}"`).join(', ')}.`);
  }
  return result;
}

function distinct(rows: readonly AggregateRow[], field: 'unit' | 'disaggregation' | 'regime'): string[] {
  return [...new Set(rows.map((r) => r[field] ?? ''))];
}

/** Measure code → name: the requested ones in their order, then the others by code. */
function measureNames(rows: readonly AggregateRow[], requested: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const r of rows) if (!found.has(r.measure) || r.measure_name > found.get(r.measure)!) found.set(r.measure, r.measure_name);
  const order = [...requested.filter((m) => found.has(m)), ...[...found.keys()].filter((m) => !requested.includes(m)).sort()];
  return new Map(order.map((m) => [m, found.get(m)!]));
}

/** What the pickers offer for some indicators: measures, disaggregations, period types and the latest period of each. */
export async function explorationOptions(db: Db, who: Who, indicatorCodes: string[]): Promise<ExplorationOptions> {
  if (who !== 'system') await authorize(db, who, 'analytics.read', []);
  const scope = who === 'system' ? sql`true` : unitScopeSql(who, 'analytics.read');
  const rows = await explorationOptionRows(db, [...new Set(indicatorCodes)], scope);
  const measures = new Map<string, string>();
  const latest = new Map<string, string>();
  for (const r of rows) {
    if (!measures.has(r.measure) || r.measure_name > measures.get(r.measure)!) measures.set(r.measure, r.measure_name);
    if (r.period_type === 'custom') continue;
    if (!latest.has(r.period_type) || r.latest > latest.get(r.period_type)!) latest.set(r.period_type, r.latest);
  }
  return {
    measures: [...measures].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, name]) => ({ code, name })),
    disaggregations: await disaggregationMembers(db, [...new Set(rows.map((r) => r.disaggregation))]),
    periodTypes: PERIOD_TYPES.filter((t) => latest.has(t)),
    latestPeriods: Object.fromEntries(latest),
  };
}

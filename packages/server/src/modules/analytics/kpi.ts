import {
  type ExplorationQuery,
  type KpiTileSpec,
  type KpiValue,
  parsePeriodCode,
  percentChange,
  percentOf,
  periodCode,
  periodLabel,
  type PeriodKey,
  type PeriodType,
  previousPeriod,
  samePeriodLastYear,
  type PivotResult,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { type Actor, authorize } from '../access/index.ts';
import { latestPeriodWithFigure } from './dashboards-queries.ts';
import { explore } from './explore.ts';

/** One series of figures: an indicator in one measure, for one unit, in periods of one type. */
interface Series {
  indicatorCode: string;
  measure: string;
  unitId: string;
  periodType: PeriodType;
}

/**
 * A KPI tile's figures with the reader's authority: the latest period in which the unit has a
 * figure, the previous period's and the same period last year's, and the target — the target
 * indicator in the same period or, when there is none, in the year of that period (a yearly plan).
 * Figures go through `explore`, so a KPI always equals what the pivot table shows for the same
 * cell. Throws OUT_OF_SCOPE / FORBIDDEN / NOT_FOUND like `authorize` when the reader may not see
 * the unit: the caller turns that into an unavailable tile.
 */
export async function evaluateKpi(
  db: Db,
  actor: Actor,
  spec: KpiTileSpec,
  unitId: string,
  unitOfMeasure: string | null,
): Promise<KpiValue> {
  await authorize(db, actor, 'analytics.read', [unitId]);
  const series: Series = { indicatorCode: spec.indicatorCode, measure: spec.measure, unitId, periodType: spec.periodType };
  const latest = await latestPeriodWithFigure(db, series);
  if (!latest) return emptyKpi(unitOfMeasure);

  const key = parsePeriodCode(latest.periodCode);
  // Custom periods (C1, C2…) have no calendar neighbours: only their own figure is shown.
  const previousCode = key ? periodCode(previousPeriod(key)) : null;
  const lastYearCode = key ? periodCode(samePeriodLastYear(key)) : null;
  const figures = await seriesFigures(db, actor, series, latest.periodCode, previousCode, lastYearCode);
  const value = figures.get(latest.periodCode) ?? null;
  const previous = previousCode ? (figures.get(previousCode) ?? null) : null;
  const lastYear = lastYearCode ? (figures.get(lastYearCode) ?? null) : null;
  const target = spec.target ? await targetFigure(db, actor, { ...spec.target, unitId, periodType: spec.periodType }, latest) : null;
  // A yearly plan is compared with the figures of the year so far, not with one month's.
  const yearToDate = target?.basis === 'year_to_date' && key ? await yearToDateFigure(db, actor, series, key) : null;
  const compared = target?.basis === 'year_to_date' ? yearToDate : value;

  return {
    periodCode: latest.periodCode,
    periodLabel: key ? periodLabel(key) : latest.periodCode,
    value,
    previous,
    changeVsPrevious: percentChange(value, previous),
    samePeriodLastYear: lastYear,
    changeVsLastYear: percentChange(value, lastYear),
    target: target?.value ?? null,
    targetBasis: target?.value ? target.basis : null,
    yearToDate,
    targetRate: percentOf(compared, target?.value ?? null),
    unitOfMeasure,
  };
}

function emptyKpi(unitOfMeasure: string | null): KpiValue {
  return {
    periodCode: null,
    periodLabel: null,
    value: null,
    previous: null,
    changeVsPrevious: null,
    samePeriodLastYear: null,
    changeVsLastYear: null,
    target: null,
    targetBasis: null,
    yearToDate: null,
    targetRate: null,
    unitOfMeasure,
  };
}

async function targetFigure(
  db: Db,
  actor: Actor,
  target: { indicatorCode: string; measure: string; unitId: string; periodType: PeriodType },
  period: { periodCode: string; year: number },
): Promise<{ value: string | null; basis: 'period' | 'year_to_date' }> {
  const samePeriod = await seriesFigures(db, actor, target, period.periodCode, null, null);
  const found = samePeriod.get(period.periodCode) ?? null;
  if (found !== null || target.periodType === 'year') return { value: found, basis: 'period' };
  const yearCode = `Y${period.year}`;
  const yearly = await seriesFigures(db, actor, { ...target, periodType: 'year' }, yearCode, null, null);
  return { value: yearly.get(yearCode) ?? null, basis: 'year_to_date' };
}

/** The series from the first period of `latest`'s year to `latest`, by the indicator's rule (Σ for a sum). */
async function yearToDateFigure(db: Db, actor: Actor, series: Series, latest: PeriodKey): Promise<string | null> {
  let first = latest;
  for (let key = previousPeriod(latest); key.year === latest.year; key = previousPeriod(key)) first = key;
  const result = await explore(db, actor, {
    indicatorCodes: [series.indicatorCode],
    measures: [series.measure],
    units: { mode: 'explicit', unitIds: [series.unitId] },
    periods: { periodType: series.periodType, from: periodCode(first), to: periodCode(latest), samePeriodLastYear: false, rolling: false },
    rows: [],
    columns: [],
  });
  return result.cells[0]?.[0] ?? null;
}

/**
 * The figures of a series in `code`, its previous period and the same period last year, by period
 * code: one exploration of previous…current with the same periods one year earlier.
 */
async function seriesFigures(
  db: Db,
  actor: Actor,
  series: Series,
  code: string,
  previousCode: string | null,
  lastYearCode: string | null,
): Promise<Map<string, string | null>> {
  const query: ExplorationQuery = {
    indicatorCodes: [series.indicatorCode],
    measures: [series.measure],
    units: { mode: 'explicit', unitIds: [series.unitId] },
    periods: {
      periodType: series.periodType,
      from: previousCode ?? code,
      to: code,
      samePeriodLastYear: lastYearCode !== null,
      rolling: false,
    },
    rows: ['unit'],
    columns: ['period'],
  };
  return figuresByPeriod(await explore(db, actor, query));
}

/** The unit's row of a pivot with periods as its only column dimension, by period code. */
export function figuresByPeriod(result: PivotResult): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const rowIndex = result.rows.findIndex((r) => r.kind === 'member');
  if (rowIndex < 0) return out;
  const cells = result.cells[rowIndex] ?? [];
  result.columns.forEach((column, c) => {
    const code = column.keys.at(-1);
    if (column.kind === 'member' && code !== undefined) out.set(code, cells[c] ?? null);
  });
  return out;
}

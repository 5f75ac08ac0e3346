import type { Decimal } from 'decimal.js';
import type { Aggregation } from '../api/indicators.ts';
import type { PivotDimension, PivotIndicator, PivotResult } from '../api/analytics.ts';
import { FormDecimal } from '../forms/formula/values.ts';
import { addExact, compareExact, exactText, exactToDecimal, isZeroExact, parseExact, type Exact } from './exact.ts';
import { appendKey, buildAxis, type PivotAxis, type PivotMember } from './pivot-axis.ts';

export { SUBTOTAL_LABEL, TOTAL_LABEL, type PivotMember } from './pivot-axis.ts';

/*
 * Pivot tables of facts (bảng khai thác số liệu). The server hands in partial aggregates per series
 * and member combination (GROUP BY in SQL); this module lays them out and finishes every cell with
 * the indicator's aggregation rule. Sub-totals and totals merge partials (Σsum, Σcount, min of mins…)
 * exactly like aggregation/rules.ts, so an average total is the mean of the facts, never a mean of
 * means. Figures of different series (indicator × measure) are never added together.
 */

/** Partial aggregates of the facts of one series (indicator × measure) at one combination of dimension members. */
export interface FactAggregate {
  /** Member key of each dimension placed on rows or columns (e.g. { unit: '<uuid>', period: 'M2026-01' }). */
  coords: Partial<Record<PivotDimension, string>>;
  indicatorCode: string;
  measure: string;
  count: number;
  /** Exact decimal text. */
  sum: string;
  min: string;
  max: string;
  /** Σ value·weight and Σ weight over the facts that have a positive weight; null when none has. */
  weightedSum: string | null;
  weightSum: string | null;
}

export interface BuildPivotInput {
  aggregates: readonly FactAggregate[];
  rows: readonly PivotDimension[];
  columns: readonly PivotDimension[];
  /** Members of each placed dimension in display order (keys not listed go last, sorted by key; their label is the key). */
  members: Partial<Record<PivotDimension, readonly PivotMember[]>>;
  /** The rule of each indicator (by code); an indicator missing here aggregates by 'sum'. */
  indicators: readonly PivotIndicator[];
}

export const MIXED_SERIES_NOTE = 'Không cộng gộp các chỉ tiêu hoặc cột số liệu khác nhau: ô tổng tương ứng để trống.';

export function notAggregatableNote(indicatorName: string): string {
  return `Chỉ tiêu "${indicatorName}" không cộng gộp được (tỷ lệ, chỉ số): ô tổng để trống.`;
}

/** Decimals kept in a pivot figure, as in the consolidation's stored values. */
export const PIVOT_FRACTION_DIGITS = 6;

/** A decimal as shown and stored: at most 6 decimals (half away from zero), no trailing zeros, never "-0". */
export function pivotDecimalText(value: Decimal): string {
  const rounded = value.toDecimalPlaces(PIVOT_FRACTION_DIGITS, FormDecimal.ROUND_HALF_UP);
  return rounded.isZero() ? '0' : rounded.toFixed();
}

/** The merged partials of one series; only the fields its rule reads are kept (the others stay null). */
interface SeriesPartial {
  readonly series: string;
  readonly indicatorCode: string;
  readonly rule: Aggregation;
  readonly count: number;
  readonly sum: Exact | null;
  readonly min: Exact | null;
  readonly max: Exact | null;
  readonly weightedSum: Exact | null;
  readonly weightSum: Exact | null;
}

/** A cell's partial: nothing, one series, or several (which has no figure). */
type CellPartial = SeriesPartial | 'mixed' | null;

const seriesKey = (a: Pick<FactAggregate, 'indicatorCode' | 'measure'>) => appendKey(a.indicatorCode, a.measure);

const plus = (a: Exact | null, b: Exact | null) => (a === null ? b : b === null ? a : addExact(a, b));
const least = (a: Exact | null, b: Exact | null) => (a === null ? b : b === null ? a : compareExact(b, a) < 0 ? b : a);
const greatest = (a: Exact | null, b: Exact | null) => (a === null ? b : b === null ? a : compareExact(b, a) > 0 ? b : a);

/** Partials are never mutated: a merge returns a new one, so children shared by several parents stay intact. */
function merge(a: CellPartial, b: CellPartial): CellPartial {
  if (a === null) return b;
  if (b === null) return a;
  if (a === 'mixed' || b === 'mixed' || a.series !== b.series) return 'mixed';
  return {
    series: a.series,
    indicatorCode: a.indicatorCode,
    rule: a.rule,
    count: a.count + b.count,
    sum: plus(a.sum, b.sum),
    min: least(a.min, b.min),
    max: greatest(a.max, b.max),
    weightedSum: plus(a.weightedSum, b.weightedSum),
    weightSum: plus(a.weightSum, b.weightSum),
  };
}

const parse = (text: string | null): Exact | null => (text === null ? null : parseExact(text));

/** Reads only what the rule needs: parsing is the costly part of a large table. */
function partialOf(a: FactAggregate, rule: Aggregation): SeriesPartial {
  const weighted = rule === 'weighted_average' && a.weightSum !== null && a.weightedSum !== null;
  return {
    series: seriesKey(a),
    indicatorCode: a.indicatorCode,
    rule,
    count: a.count,
    sum: rule === 'sum' || rule === 'average' || rule === 'none' ? parse(a.sum) : null,
    min: rule === 'min' ? parse(a.min) : null,
    max: rule === 'max' ? parse(a.max) : null,
    weightedSum: weighted ? parse(a.weightedSum) : null,
    weightSum: weighted ? parse(a.weightSum) : null,
  };
}

/** The figure of a finished cell as text, or null; `blockedByRule` when rule 'none' hid a figure made of several facts. */
function finish(p: SeriesPartial): { text: string | null; blockedByRule: boolean } {
  const exact = (v: Exact | null) => ({ text: v === null ? null : exactText(v, PIVOT_FRACTION_DIGITS), blockedByRule: false });
  const ratio = (num: Exact | null, den: Decimal | null) => ({
    text: num === null || den === null || den.isZero() ? null : pivotDecimalText(exactToDecimal(num).div(den)),
    blockedByRule: false,
  });
  if (p.count <= 0 && p.rule !== 'count') return exact(null);
  switch (p.rule) {
    case 'sum':
      return exact(p.sum);
    case 'average':
      return ratio(p.sum, new FormDecimal(p.count));
    case 'weighted_average':
      return ratio(p.weightedSum, p.weightSum === null || isZeroExact(p.weightSum) ? null : exactToDecimal(p.weightSum));
    case 'min':
      return exact(p.min);
    case 'max':
      return exact(p.max);
    case 'count':
      return { text: String(p.count), blockedByRule: false };
    case 'none':
      return p.count === 1 ? exact(p.sum) : { text: null, blockedByRule: true };
    default: {
      const unknown: never = p.rule;
      throw new Error(`unknown aggregation rule: ${String(unknown)}`);
    }
  }
}

/** Distinct member combinations of an axis, with the leaf index of each aggregate. */
function indexLeaves(aggregates: readonly FactAggregate[], dimensions: readonly PivotDimension[]) {
  const byKey = new Map<string, number>();
  const leaves: string[][] = [];
  const leafOfAggregate = new Int32Array(aggregates.length);
  for (let i = 0; i < aggregates.length; i++) {
    const coords = aggregates[i]!.coords;
    // Built by concatenation, not arrays: this runs once per aggregate and allocation dominates.
    let key = '';
    for (let d = 0; d < dimensions.length; d++)
      key = d === 0 ? (coords[dimensions[0]!] ?? '') : appendKey(key, coords[dimensions[d]!] ?? '');
    let leaf = byKey.get(key);
    if (leaf === undefined) {
      leaf = leaves.length;
      byKey.set(key, leaf);
      leaves.push(dimensions.map((d) => coords[d] ?? ''));
    }
    leafOfAggregate[i] = leaf;
  }
  return { leaves, leafOfAggregate };
}

/**
 * Folds a vector of partials along an axis: one entry per header, parents merged from their children.
 * A parent over the members of 'disaggregation' is its total member ("", Tổng số) when there is one:
 * the breakdowns (Nam, Nữ) are parts of that total, and adding them to it would count it twice.
 */
function foldAxis(axis: PivotAxis, dimensions: readonly PivotDimension[], leafPartial: (leaf: number) => CellPartial): CellPartial[] {
  const out: CellPartial[] = new Array<CellPartial>(axis.headers.length);
  for (let h = 0; h < axis.headers.length; h++) {
    const leaf = axis.leafOf[h]!;
    if (leaf >= 0) {
      out[h] = leafPartial(leaf);
      continue;
    }
    const children = axis.childrenOf[h]!;
    const varying = axis.headers[h]!.keys.length;
    if (dimensions[varying] === 'disaggregation') {
      const total = children.find((child) => axis.headers[child]!.keys[varying] === '');
      if (total !== undefined) {
        out[h] = out[total] ?? null;
        continue;
      }
    }
    let acc: CellPartial = null;
    for (const child of children) acc = merge(acc, out[child] ?? null);
    out[h] = acc;
  }
  return out;
}

/**
 * Lays out a pivot table from partial aggregates: row and column headers (members, sub-totals after
 * each outer group, the grand total last) and every cell finished with its indicator's rule.
 */
export function buildPivot(input: BuildPivotInput): PivotResult {
  const { aggregates, rows, columns, members, indicators } = input;
  const ruleOf = new Map(indicators.map((i) => [i.code, i.aggregation] as const));

  const rowIndex = indexLeaves(aggregates, rows);
  const colIndex = indexLeaves(aggregates, columns);
  const rowAxis = buildAxis(rows, rowIndex.leaves, members);
  const colAxis = buildAxis(columns, colIndex.leaves, members);

  // Leaf grid, sparse: leaf row → leaf column → merged partial.
  const leafGrid: Map<number, CellPartial>[] = rowIndex.leaves.map(() => new Map());
  let factCount = 0;
  const present = new Set<string>();
  aggregates.forEach((a, i) => {
    factCount += a.count;
    present.add(a.indicatorCode);
    const partial = partialOf(a, ruleOf.get(a.indicatorCode) ?? 'sum');
    const line = leafGrid[rowIndex.leafOfAggregate[i]!]!;
    const col = colIndex.leafOfAggregate[i]!;
    line.set(col, merge(line.get(col) ?? null, partial));
  });

  // Fold along the columns for each leaf row, then along the rows for each column header.
  const byLeafRow = leafGrid.map((line) => foldAxis(colAxis, columns, (col) => line.get(col) ?? null));
  const cellsByColumn = colAxis.headers.map((_, c) => foldAxis(rowAxis, rows, (leafRow) => byLeafRow[leafRow]?.[c] ?? null));

  let mixed = false;
  const blocked = new Set<string>();
  const cells = rowAxis.headers.map((_, r) =>
    colAxis.headers.map((_, c) => {
      const partial = cellsByColumn[c]?.[r] ?? null;
      if (partial === null) return null;
      if (partial === 'mixed') {
        mixed = true;
        return null;
      }
      const { text, blockedByRule } = finish(partial);
      if (blockedByRule) blocked.add(partial.indicatorCode);
      return text;
    }),
  );

  const used = indicators.filter((i) => present.has(i.code));
  const notes = [...(mixed ? [MIXED_SERIES_NOTE] : []), ...used.filter((i) => blocked.has(i.code)).map((i) => notAggregatableNote(i.name))];

  return {
    rowDimensions: [...rows],
    columnDimensions: [...columns],
    rows: rowAxis.headers,
    columns: colAxis.headers,
    cells,
    indicators: used.map((i) => ({ ...i })),
    factCount,
    notes,
  };
}

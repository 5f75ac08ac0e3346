import { Decimal } from 'decimal.js';
import type { Aggregation } from '../api/indicators.ts';
import { dec, FormDecimal, toValue, ZERO } from '../forms/formula/values.ts';

/*
 * Aggregation rules (tổng hợp): how one indicator's figures from several units roll up into one.
 * Pure and exact: values are FormDecimal (34 significant digits, half away from zero), never floats,
 * so a province total equals the sum of its communes to the đồng.
 *
 * Empty cells follow the form engine (forms/formula/ops.ts, docs/decisions.md "Formula semantics in
 * one place"): SUM, AVG, MIN, MAX skip nulls, and when every value is null the result is null, so a
 * figure nobody has reported stays empty instead of turning into a misleading 0.
 *
 * - sum: Σ of the non-empty values. Empty cells are skipped (not counted as 0 — same total, but they
 *   are listed as ignored so the drill-down shows who left the cell empty). All empty → null.
 * - average: arithmetic mean of the non-empty values: Σ / (number of NON-EMPTY values), like AVG.
 *   An empty cell does not pull the mean towards 0. All empty → null.
 * - weighted_average: Σ value·weight / Σ weight over the contributions that have BOTH a non-empty
 *   value and a non-empty positive weight (e.g. a poverty rate weighted by population). An empty
 *   value is ignored ('empty'); a value without a weight ('no_weight'), with a zero weight
 *   ('zero_weight') or a negative one ('negative_weight') is ignored and listed — it is never
 *   silently given weight 1. No usable contribution (Σ weight = 0) → null, like division by zero.
 * - min / max: the smallest / largest non-empty value. Empty cells are skipped, never read as 0
 *   (a column of negatives has a negative max). All empty → null.
 * - count: how many contributions have a non-empty value (0 counts: it is a value). Always a
 *   number — 0 when nothing is filled — because "how many units reported" has an answer even then.
 * - none: null. The figure is not consolidated (a ratio or an index that cannot be added up); nothing
 *   is used or ignored.
 *
 * Text that is not a plain decimal ("1.234,5", "abc") is not a number: ignored as 'not_number' by
 * every rule (stored values are canonical decimal text; formatted text is a caller bug to surface).
 */

/** What a caller may hand in as a value or a weight. JS numbers go through their decimal text. */
export type AggregationInput = Decimal | number | string | null | undefined;

export interface Contribution {
  unitId: string;
  value: AggregationInput;
  /** Only read by weighted_average. */
  weight?: AggregationInput;
}

export const IGNORED_REASONS = ['empty', 'not_number', 'no_weight', 'zero_weight', 'negative_weight'] as const;
export type IgnoredReason = (typeof IGNORED_REASONS)[number];

/** Vietnamese explanations for the drill-down ("vì sao không tính"). */
export const IGNORED_REASON_LABELS: Record<IgnoredReason, string> = {
  empty: 'Ô trống',
  not_number: 'Không phải số',
  no_weight: 'Thiếu quyền số',
  zero_weight: 'Quyền số bằng 0',
  negative_weight: 'Quyền số âm',
};

export interface IgnoredContribution {
  unitId: string;
  reason: IgnoredReason;
}

export interface AggregateResult {
  /** The aggregated figure, or null when there is none (all empty, rule 'none', Σ weight = 0). */
  value: Decimal | null;
  /** How many contributions went into the figure. */
  used: number;
  /** Contributions left out, in input order, with the reason. */
  ignored: IgnoredContribution[];
}

const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a value or weight: null/undefined/blank text (and NaN/Infinity, as in the form engine's
 * toValue) are empty; decimals and numbers become FormDecimal; text must be a plain decimal.
 */
export function readAggregationNumber(input: AggregationInput): Decimal | null | 'not_number' {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text === '') return null;
    if (!PLAIN_DECIMAL.test(text)) return 'not_number';
    const n = new FormDecimal(text);
    return n.isFinite() ? dec(n) : 'not_number';
  }
  const value = toValue(input);
  if (value === null) return null;
  return Decimal.isDecimal(value) ? value : 'not_number';
}

/**
 * A mergeable partial aggregate: what is needed to finish any rule, and what two partials combine
 * into. Sub-totals and grand totals are merges of partials, never aggregates of aggregated figures
 * (the mean of group means is not the mean).
 */
export interface AggregationState {
  readonly rule: Aggregation;
  /** Contributions used. */
  used: number;
  /** Σ value (Σ value·weight for weighted_average). */
  total: Decimal;
  /** Σ weight (weighted_average only). */
  weightTotal: Decimal;
  min: Decimal | null;
  max: Decimal | null;
  ignored: IgnoredContribution[];
}

export function emptyState(rule: Aggregation): AggregationState {
  return { rule, used: 0, total: ZERO, weightTotal: ZERO, min: null, max: null, ignored: [] };
}

/** Adds one contribution to a partial aggregate (mutates and returns it). */
export function accumulate(state: AggregationState, contribution: Contribution): AggregationState {
  if (state.rule === 'none') return state;
  const ignore = (reason: IgnoredReason) => {
    state.ignored.push({ unitId: contribution.unitId, reason });
    return state;
  };
  const value = readAggregationNumber(contribution.value);
  if (value === null) return ignore('empty');
  if (value === 'not_number') return ignore('not_number');
  if (state.rule === 'weighted_average') {
    const weight = readAggregationNumber(contribution.weight);
    if (weight === null) return ignore('no_weight');
    if (weight === 'not_number') return ignore('not_number');
    if (weight.isZero()) return ignore('zero_weight');
    if (weight.isNegative()) return ignore('negative_weight');
    state.total = state.total.plus(value.times(weight));
    state.weightTotal = state.weightTotal.plus(weight);
  } else {
    state.total = state.total.plus(value);
    if (state.min === null || value.lt(state.min)) state.min = value;
    if (state.max === null || value.gt(state.max)) state.max = value;
  }
  state.used += 1;
  return state;
}

/** Combines partial aggregates of the same rule (e.g. the districts of a province). */
export function mergeStates(rule: Aggregation, states: Iterable<AggregationState>): AggregationState {
  const merged = emptyState(rule);
  for (const s of states) {
    if (s.rule !== rule) throw new Error(`cannot merge a '${s.rule}' partial into '${rule}'`);
    merged.used += s.used;
    merged.total = merged.total.plus(s.total);
    merged.weightTotal = merged.weightTotal.plus(s.weightTotal);
    if (s.min !== null && (merged.min === null || s.min.lt(merged.min))) merged.min = s.min;
    if (s.max !== null && (merged.max === null || s.max.gt(merged.max))) merged.max = s.max;
    merged.ignored.push(...s.ignored);
  }
  return merged;
}

/** The figure a partial aggregate stands for. */
export function finishState(state: AggregationState): AggregateResult {
  const { rule, used } = state;
  const ignored = [...state.ignored];
  const result = (value: Decimal | null): AggregateResult => ({ value: value === null ? null : dec(value), used, ignored });
  switch (rule) {
    case 'sum':
      return result(used === 0 ? null : state.total);
    case 'average':
      return result(used === 0 ? null : state.total.div(used));
    case 'weighted_average':
      return result(used === 0 || state.weightTotal.isZero() ? null : state.total.div(state.weightTotal));
    case 'min':
      return result(state.min);
    case 'max':
      return result(state.max);
    case 'count':
      return result(new FormDecimal(used));
    case 'none':
      return { value: null, used: 0, ignored: [] };
    default: {
      const unknown: never = rule;
      throw new Error(`unknown aggregation rule: ${String(unknown)}`);
    }
  }
}

/** Aggregates one figure from its contributions with the given rule (see the rules above). */
export function aggregate(rule: Aggregation, contributions: Iterable<Contribution>): AggregateResult {
  const state = emptyState(rule);
  for (const c of contributions) accumulate(state, c);
  return finishState(state);
}

export interface RollUpResult<K> {
  /** One figure per group, in the map's order (sub-totals). */
  groups: Map<K, AggregateResult>;
  /** The grand total over every underlying contribution — not an aggregate of the group figures. */
  total: AggregateResult;
}

/**
 * Sub-totals and grand total for analytics. The grand total merges the groups' partials, so it is
 * what `aggregate` gives over all contributions: for an average the mean of all values (not the mean
 * of the group means), for a weighted average Σvw/Σw over all, for count the sum of the counts.
 */
export function rollUp<K>(rule: Aggregation, groups: Map<K, readonly Contribution[]>): RollUpResult<K> {
  const states = new Map<K, AggregationState>();
  for (const [key, contributions] of groups) {
    const state = emptyState(rule);
    for (const c of contributions) accumulate(state, c);
    states.set(key, state);
  }
  const results = new Map<K, AggregateResult>();
  for (const [key, state] of states) results.set(key, finishState(state));
  return { groups: results, total: finishState(mergeStates(rule, states.values())) };
}

/** Aggregation (tổng hợp): roll-up rules, consolidation of subunits' reports, analytics sub-totals. */
export {
  aggregate,
  rollUp,
  accumulate,
  mergeStates,
  finishState,
  emptyState,
  readAggregationNumber,
  IGNORED_REASONS,
  IGNORED_REASON_LABELS,
  type AggregationInput,
  type AggregationState,
  type AggregateResult,
  type Contribution,
  type IgnoredContribution,
  type IgnoredReason,
  type RollUpResult,
} from './rules.ts';
export {
  consolidate,
  type ConsolidatedCell,
  type ConsolidationCell,
  type ConsolidationInput,
  type ConsolidationReport,
  type ConsolidationResult,
  type Contributor,
} from './consolidate.ts';

/** Analytics (khai thác dữ liệu): pivot tables of facts, timeliness statistics, KPI figures. */
export {
  buildPivot,
  pivotDecimalText,
  notAggregatableNote,
  MIXED_SERIES_NOTE,
  PIVOT_FRACTION_DIGITS,
  SUBTOTAL_LABEL,
  TOTAL_LABEL,
  type BuildPivotInput,
  type FactAggregate,
  type PivotMember,
} from './pivot.ts';
export {
  timelinessOutcome,
  rankUnits,
  timelinessTotals,
  timelinessTrend,
  percentText,
  vnMonth,
  type TimelinessFacts,
  type TimelinessFigures,
  type TimelinessLine,
} from './timeliness.ts';
export { percentChange, percentOf } from './kpi.ts';

/**
 * The function catalogue: names and arities, checked when parsing so that `SUMM(…)` or `ROUND(x)`
 * is reported to the designer at once, not when a user first types a number.
 */
export interface FunctionSpec {
  min: number;
  max: number;
  /** Accepts CHILDREN as an argument; skips empty cells. */
  aggregate?: boolean;
  /** Reads another period through the caller's resolver; its one argument must be a cell reference. */
  period?: boolean;
}

export const FUNCTIONS = {
  SUM: { min: 1, max: Infinity, aggregate: true },
  AVG: { min: 1, max: Infinity, aggregate: true },
  MIN: { min: 1, max: Infinity, aggregate: true },
  MAX: { min: 1, max: Infinity, aggregate: true },
  ROUND: { min: 1, max: 2 },
  ABS: { min: 1, max: 1 },
  IF: { min: 3, max: 3 },
  AND: { min: 1, max: Infinity },
  OR: { min: 1, max: Infinity },
  NOT: { min: 1, max: 1 },
  DIV: { min: 2, max: 2 },
  PERCENT: { min: 2, max: 2 },
  PREV: { min: 1, max: 1, period: true },
  SAMEPERIOD_LASTYEAR: { min: 1, max: 1, period: true },
  YTD: { min: 1, max: 1, period: true },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;
export type PeriodFunction = 'PREV' | 'SAMEPERIOD_LASTYEAR' | 'YTD';

export function functionSpec(name: string): FunctionSpec | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? (FUNCTIONS as Record<string, FunctionSpec>)[name] : undefined;
}

/** Words that are not codes when written bare; a code spelled like one must be bracketed: `[TRUE]`. */
export const KEYWORDS = ['TRUE', 'FALSE', 'CHILDREN'] as const;

import type { Aggregation } from '../api/indicators.ts';
import type { PivotDimension, PivotIndicator, PivotResult } from '../api/analytics.ts';
import { FormDecimal } from '../forms/formula/values.ts';
import type { FactAggregate } from './pivot.ts';

/** An indicator of the tests, named after its code. */
export function indicator(code: string, aggregation: Aggregation, name = `Chỉ tiêu ${code}`): PivotIndicator {
  return { code, name, unitOfMeasure: null, aggregation };
}

export interface TestFact {
  coords: Partial<Record<PivotDimension, string>>;
  value: string;
  /** Only for weighted averages. */
  weight?: string;
  indicatorCode?: string;
  measure?: string;
}

/**
 * Partial aggregates as the server's GROUP BY would make them: facts with the same series and the
 * same coordinates merge into one aggregate (Σ, min, max, Σ value·weight over positive weights).
 */
export function aggregatesOf(facts: readonly TestFact[]): FactAggregate[] {
  const groups = new Map<string, FactAggregate>();
  for (const f of facts) {
    const indicatorCode = f.indicatorCode ?? 'CT01';
    const measure = f.measure ?? 'TH';
    const key = JSON.stringify([indicatorCode, measure, Object.entries(f.coords).sort()]);
    const value = new FormDecimal(f.value);
    const weight = f.weight === undefined ? null : new FormDecimal(f.weight);
    const weighted = weight !== null && weight.gt(0);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        coords: { ...f.coords },
        indicatorCode,
        measure,
        count: 1,
        sum: value.toFixed(),
        min: value.toFixed(),
        max: value.toFixed(),
        weightedSum: weighted ? value.times(weight).toFixed() : null,
        weightSum: weighted ? weight.toFixed() : null,
      });
      continue;
    }
    g.count += 1;
    g.sum = value.plus(g.sum).toFixed();
    g.min = value.lt(g.min) ? value.toFixed() : g.min;
    g.max = value.gt(g.max) ? value.toFixed() : g.max;
    if (weighted) {
      g.weightedSum = value
        .times(weight)
        .plus(g.weightedSum ?? 0)
        .toFixed();
      g.weightSum = weight.plus(g.weightSum ?? 0).toFixed();
    }
  }
  return [...groups.values()];
}

/** The cell at the row and column headers with these kinds and keys (throws when absent, to fail loudly). */
export function cellAt(result: PivotResult, rowKeys: readonly string[] | 'total', colKeys: readonly string[] | 'total' = 'total') {
  const find = (headers: PivotResult['rows'], keys: readonly string[] | 'total') => {
    const i = headers.findIndex((h) => (keys === 'total' ? h.kind === 'total' : h.kind !== 'total' && sameKeys(h.keys, keys)));
    if (i < 0) throw new Error(`no header ${JSON.stringify(keys)}`);
    return i;
  };
  return result.cells[find(result.rows, rowKeys)]![find(result.columns, colKeys)]!;
}

function sameKeys(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

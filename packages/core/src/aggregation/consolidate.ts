import type { Decimal } from 'decimal.js';
import type { Aggregation } from '../api/indicators.ts';
import { aggregate, readAggregationNumber, type AggregationInput, type Contribution, type IgnoredContribution } from './rules.ts';

/** One subunit's accepted report: its cell values by cell key (whatever the caller uses, e.g. "ROW:COL"). */
export interface ConsolidationReport {
  unitId: string;
  values: Readonly<Record<string, AggregationInput>>;
}

/** A cell to consolidate and its rule; a weighted average reads each unit's weight from `weightKey` in the same report. */
export interface ConsolidationCell {
  key: string;
  rule: Aggregation;
  weightKey?: string | null;
}

export interface ConsolidationInput {
  /** The subunits expected to report, in display order. */
  expectedUnitIds: readonly string[];
  /** Accepted reports, at most one per unit. */
  reports: readonly ConsolidationReport[];
  cells: readonly ConsolidationCell[];
}

/** One line of the drill-down: what a reporting unit contributed to a cell. */
export interface Contributor {
  unitId: string;
  /** The unit's value (null when empty or not a number). */
  value: Decimal | null;
  /** The unit's weight (weighted averages only, else null). */
  weight: Decimal | null;
}

export interface ConsolidatedCell {
  value: Decimal | null;
  rule: Aggregation;
  /** Every expected unit that reported, in the order of expectedUnitIds — including those whose cell is empty. */
  contributors: Contributor[];
  /** Contributors left out of the figure, with the reason. */
  ignored: IgnoredContribution[];
}

export interface ConsolidationResult {
  cells: Record<string, ConsolidatedCell>;
  /** Expected units without a report (chưa báo cáo), in the order of expectedUnitIds. */
  missingUnitIds: string[];
  /** Reports from units that are not expected: not consolidated, listed so nobody is surprised. */
  unexpectedUnitIds: string[];
}

function cellOf(values: Readonly<Record<string, AggregationInput>>, key: string): AggregationInput {
  // Own properties only: a cell key such as "constructor" must not read Object.prototype.
  return Object.hasOwn(values, key) ? values[key] : null;
}

function asNumber(input: AggregationInput): Decimal | null {
  const n = readAggregationNumber(input);
  return n === 'not_number' ? null : n;
}

/**
 * Pre-fills a consolidating unit's form from its subunits' accepted reports: one figure per cell by
 * the cell's rule (see rules.ts), with the contributors behind it and the subunits still missing.
 */
export function consolidate(input: ConsolidationInput): ConsolidationResult {
  const expected = [...new Set(input.expectedUnitIds)];
  const expectedSet = new Set(expected);
  const reportByUnit = new Map<string, ConsolidationReport>();
  const unexpected: string[] = [];
  for (const report of input.reports) {
    if (reportByUnit.has(report.unitId) || unexpected.includes(report.unitId)) {
      throw new Error(`more than one report for unit ${report.unitId}`);
    }
    if (expectedSet.has(report.unitId)) reportByUnit.set(report.unitId, report);
    else unexpected.push(report.unitId);
  }
  const reporting = expected.flatMap((unitId) => {
    const report = reportByUnit.get(unitId);
    return report ? [report] : [];
  });

  const seenKeys = new Set<string>();
  const cells = input.cells.map((cell): [string, ConsolidatedCell] => {
    if (seenKeys.has(cell.key)) throw new Error(`cell ${cell.key} listed twice`);
    seenKeys.add(cell.key);
    const weighted = cell.rule === 'weighted_average';
    const contributions: Contribution[] = reporting.map((report) => ({
      unitId: report.unitId,
      value: cellOf(report.values, cell.key),
      weight: weighted && cell.weightKey ? cellOf(report.values, cell.weightKey) : null,
    }));
    const result = aggregate(cell.rule, contributions);
    return [
      cell.key,
      {
        value: result.value,
        rule: cell.rule,
        contributors: contributions.map((c) => ({
          unitId: c.unitId,
          value: asNumber(c.value),
          weight: weighted ? asNumber(c.weight) : null,
        })),
        ignored: result.ignored,
      },
    ];
  });

  return {
    cells: Object.fromEntries(cells),
    missingUnitIds: expected.filter((unitId) => !reportByUnit.has(unitId)),
    unexpectedUnitIds: unexpected,
  };
}

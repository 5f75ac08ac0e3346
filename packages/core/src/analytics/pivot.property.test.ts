import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PivotDimension, PivotResult } from '../api/analytics.ts';
import { AGGREGATIONS } from '../api/indicators.ts';
import { FormDecimal } from '../forms/formula/values.ts';
import { buildPivot, pivotDecimalText } from './pivot.ts';
import { aggregatesOf, indicator, type TestFact } from './pivot.test-support.ts';

/** Dimensions of one series (the indicator and measure stay fixed, so every total can be made). */
const DIMENSIONS = ['unit', 'period', 'disaggregation', 'year'] as const satisfies readonly PivotDimension[];

const decimalText = (maxScale: number) =>
  fc
    .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: maxScale }))
    .map(([mantissa, scale]) => new FormDecimal(mantissa.toString()).div(10 ** scale).toFixed());

const fact = (maxScale: number): fc.Arbitrary<TestFact> =>
  fc.record({
    coords: fc.record({
      unit: fc.constantFrom('A', 'B', 'C', 'D'),
      period: fc.constantFrom('M2026-01', 'M2026-02', 'M2026-03'),
      // Breakdowns only: a Tổng số member ("") contains the others, so a total over it is that member,
      // not a sum (its own golden tests in pivot.test.ts); without it the breakdowns add up.
      disaggregation: fc.constantFrom('GIOI_TINH=NAM', 'GIOI_TINH=NU', 'NHOM_TUOI=0-14'),
      year: fc.constantFrom('2025', '2026'),
    }),
    value: decimalText(maxScale),
    weight: fc.option(decimalText(2), { nil: undefined }),
  });

/** Rows: 0 to 3 dimensions in any order; columns: 0 to 2 of the others. */
const layout = fc
  .shuffledSubarray([...DIMENSIONS], { minLength: 0, maxLength: 4 })
  .chain((dims) =>
    fc.integer({ min: 0, max: Math.min(3, dims.length) }).map((n) => ({ rows: dims.slice(0, n), columns: dims.slice(n, n + 2) })),
  );

/** Headers that stand for one leaf each: the members, or the total when the axis has no dimension. */
const leafIndices = (headers: PivotResult['rows']) =>
  headers.flatMap((h, i) => (h.kind === 'member' || (h.kind === 'total' && headers.length === 1) ? [i] : []));

const sumOf = (texts: (string | null | undefined)[]) => {
  const values = texts.filter((t): t is string => t !== null && t !== undefined);
  return values.length === 0 ? null : pivotDecimalText(values.reduce((s, t) => s.plus(t), new FormDecimal(0)));
};

function sumPivot(facts: TestFact[], rows: PivotDimension[], columns: PivotDimension[]) {
  return buildPivot({ aggregates: aggregatesOf(facts), rows, columns, members: {}, indicators: [indicator('CT01', 'sum')] });
}

describe('pivot properties (sum rule, one series)', () => {
  it('the grand total equals the sum of all leaf cells, and the sum of all facts', () => {
    fc.assert(
      fc.property(fc.array(fact(4), { maxLength: 40 }), layout, (facts, { rows, columns }) => {
        const r = sumPivot(facts, rows, columns);
        const leaves = leafIndices(r.rows).flatMap((i) => leafIndices(r.columns).map((j) => r.cells[i]![j]));
        const grand = r.cells.at(-1)!.at(-1);
        expect(grand).toBe(sumOf(leaves));
        expect(grand).toBe(sumOf(facts.map((f) => f.value)));
        expect(r.factCount).toBe(facts.length);
        expect(r.notes).toEqual([]);
      }),
    );
  });

  it("every row's total column equals the sum of the row's member cells", () => {
    fc.assert(
      fc.property(fc.array(fact(4), { maxLength: 40 }), layout, (facts, { rows, columns }) => {
        const r = sumPivot(facts, rows, columns);
        const memberColumns = leafIndices(r.columns);
        for (const line of r.cells) expect(line.at(-1)).toBe(sumOf(memberColumns.map((j) => line[j])));
      }),
    );
  });

  it('every row sub-total equals the sum of the member rows of its group, column by column', () => {
    fc.assert(
      fc.property(fc.array(fact(4), { maxLength: 40 }), layout, (facts, { rows, columns }) => {
        const r = sumPivot(facts, rows, columns);
        r.rows.forEach((h, i) => {
          if (h.kind !== 'subtotal') return;
          const members = r.rows.flatMap((m, k) => (m.kind === 'member' && h.keys.every((key, l) => m.keys[l] === key) ? [k] : []));
          expect(members.length).toBeGreaterThan(0);
          r.columns.forEach((_, j) => expect(r.cells[i]![j]).toBe(sumOf(members.map((k) => r.cells[k]![j]))));
        });
      }),
    );
  });

  it('the order of the aggregates does not change the table', () => {
    fc.assert(
      fc.property(
        fc
          .array(fact(4), { maxLength: 30 })
          .chain((facts) => fc.tuple(fc.constant(facts), fc.shuffledSubarray(facts, { minLength: facts.length }))),
        layout,
        ([facts, shuffled], { rows, columns }) => {
          expect(sumPivot(shuffled, rows, columns)).toEqual(sumPivot(facts, rows, columns));
        },
      ),
    );
  });
});

describe('pivot properties (every rule)', () => {
  it('figures never have more than 6 decimals, trailing zeros or "-0"', () => {
    fc.assert(
      fc.property(
        fc.array(fact(10), { minLength: 1, maxLength: 30 }),
        layout,
        fc.constantFrom(...AGGREGATIONS),
        (facts, { rows, columns }, rule) => {
          const r = buildPivot({ aggregates: aggregatesOf(facts), rows, columns, members: {}, indicators: [indicator('CT01', rule)] });
          for (const value of r.cells.flat()) {
            if (value !== null) expect(value).toMatch(/^(0|-?[1-9]\d*|-?\d+\.\d{0,5}[1-9])$/);
          }
        },
      ),
    );
  });

  it('the average total is the mean of all facts (Σ / n), whatever the layout', () => {
    fc.assert(
      fc.property(fc.array(fact(4), { minLength: 1, maxLength: 30 }), layout, (facts, { rows, columns }) => {
        const r = buildPivot({ aggregates: aggregatesOf(facts), rows, columns, members: {}, indicators: [indicator('CT01', 'average')] });
        const total = facts.reduce((s, f) => s.plus(f.value), new FormDecimal(0));
        expect(r.cells.at(-1)!.at(-1)).toBe(pivotDecimalText(total.div(facts.length)));
      }),
    );
  });

  it('the weighted average total is Σ value·weight / Σ weight over the positive weights', () => {
    fc.assert(
      fc.property(fc.array(fact(4), { minLength: 1, maxLength: 30 }), layout, (facts, { rows, columns }) => {
        const r = buildPivot({
          aggregates: aggregatesOf(facts),
          rows,
          columns,
          members: {},
          indicators: [indicator('CT01', 'weighted_average')],
        });
        const weighted = facts.filter((f) => f.weight !== undefined && new FormDecimal(f.weight).gt(0));
        const num = weighted.reduce((s, f) => s.plus(new FormDecimal(f.value).times(f.weight!)), new FormDecimal(0));
        const den = weighted.reduce((s, f) => s.plus(f.weight!), new FormDecimal(0));
        expect(r.cells.at(-1)!.at(-1)).toBe(den.isZero() ? null : pivotDecimalText(num.div(den)));
      }),
    );
  });
});

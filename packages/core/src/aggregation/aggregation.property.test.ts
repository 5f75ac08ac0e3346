import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGGREGATIONS } from '../api/indicators.ts';
import { FormDecimal } from '../forms/formula/values.ts';
import { consolidate } from './consolidate.ts';
import { aggregate, rollUp, type AggregateResult, type AggregationInput, type Contribution } from './rules.ts';

const text = (value: Decimal | null) => (value === null ? null : value.toFixed());

/**
 * Exact decimals of up to 13 integer and 4 fractional digits, so that value × weight and sums of a
 * few dozen of them stay inside 34 significant digits (what the properties compare is exact).
 */
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 4 }))
  .map(([mantissa, scale]) => new FormDecimal(mantissa.toString()).div(10 ** scale));

/** A cell as callers hand it in: a decimal, its text, a JS integer, or empty. */
const cellValue: fc.Arbitrary<AggregationInput> = fc.oneof(
  { weight: 4, arbitrary: decimal },
  { weight: 1, arbitrary: decimal.map((d) => d.toFixed()) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, '') },
);

const positiveWeight = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: 0, max: 2 }))
  .map(([mantissa, scale]) => new FormDecimal(mantissa.toString()).div(10 ** scale));

/** Weights including the awkward ones: missing, zero, negative, not a number. */
const anyWeight: fc.Arbitrary<AggregationInput> = fc.oneof(
  { weight: 5, arbitrary: positiveWeight },
  { weight: 1, arbitrary: fc.constantFrom(null, 0, '0', -3, 'nhiều') },
);

const contributions = (weight: fc.Arbitrary<AggregationInput> = anyWeight, maxLength = 30) =>
  fc
    .array(fc.record({ value: fc.oneof({ weight: 9, arbitrary: cellValue }, { weight: 1, arbitrary: fc.constant('1.234,5') }), weight }), {
      maxLength,
    })
    .map((items): Contribution[] => items.map((item, i) => ({ unitId: `u${i}`, ...item })));

const rule = fc.constantFrom(...AGGREGATIONS);

function sameResult(actual: AggregateResult, expected: AggregateResult) {
  expect(text(actual.value)).toBe(text(expected.value));
  expect(actual.used).toBe(expected.used);
  expect(actual.ignored).toEqual(expected.ignored);
}

describe('aggregation properties', () => {
  it('sum is order-independent', () => {
    fc.assert(
      fc.property(
        contributions().chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))),
        ([cs, shuffled]) => {
          const a = aggregate('sum', cs);
          const b = aggregate('sum', shuffled);
          expect(text(b.value)).toBe(text(a.value));
          expect(b.used).toBe(a.used);
        },
      ),
    );
  });

  it('the sum over all units equals the sum of the group sums, for any split of the units into groups', () => {
    fc.assert(
      fc.property(
        contributions().chain((cs) =>
          fc.tuple(fc.constant(cs), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cs.length, maxLength: cs.length })),
        ),
        ([cs, groupOf]) => {
          const groups: Contribution[][] = [[], [], [], []];
          cs.forEach((c, i) => groups[groupOf[i]!]!.push(c));
          const groupSums = groups.map((g, i) => ({ unitId: `g${i}`, value: aggregate('sum', g).value }));
          expect(text(aggregate('sum', groupSums).value)).toBe(text(aggregate('sum', cs).value));
        },
      ),
    );
  });

  it('the average lies between the min and the max (and is empty exactly when they are)', () => {
    fc.assert(
      fc.property(contributions(), (cs) => {
        const avg = aggregate('average', cs).value;
        const min = aggregate('min', cs).value;
        const max = aggregate('max', cs).value;
        expect(avg === null).toBe(min === null);
        expect(max === null).toBe(min === null);
        if (avg !== null) {
          expect(avg.gte(min!)).toBe(true);
          expect(avg.lte(max!)).toBe(true);
        }
      }),
    );
  });

  it('a weighted average with equal weights equals the plain average', () => {
    fc.assert(
      fc.property(contributions(fc.constant(null)), positiveWeight, (cs, w) => {
        const equal = cs.map((c) => ({ ...c, weight: w }));
        const r = aggregate('weighted_average', equal);
        expect(text(r.value)).toBe(text(aggregate('average', cs).value));
        expect(r.used).toBe(aggregate('average', cs).used);
      }),
    );
  });

  it('count equals the number of usable values, and sum of an all-empty set is empty', () => {
    fc.assert(
      fc.property(contributions(), (cs) => {
        const sum = aggregate('sum', cs);
        expect(text(aggregate('count', cs).value)).toBe(String(sum.used));
        expect(sum.value === null).toBe(sum.used === 0);
        expect(sum.used + sum.ignored.length).toBe(cs.length);
      }),
    );
  });

  it('rollUp: the grand total equals aggregate over the flattened contributions, and each sub-total aggregate over its group, for every rule', () => {
    fc.assert(
      fc.property(rule, fc.array(contributions(anyWeight, 8), { maxLength: 5 }), (r, groupList) => {
        const groups = new Map(groupList.map((cs, i) => [`G${i}`, cs.map((c) => ({ ...c, unitId: `G${i}-${c.unitId}` }))]));
        const rolled = rollUp(r, groups);
        sameResult(rolled.total, aggregate(r, [...groups.values()].flat()));
        expect([...rolled.groups.keys()]).toEqual([...groups.keys()]);
        for (const [key, cs] of groups) sameResult(rolled.groups.get(key)!, aggregate(r, cs));
      }),
    );
  });

  it('consolidate: each cell is aggregate over the expected units that reported; every expected unit is either a contributor or missing', () => {
    fc.assert(
      fc.property(
        rule,
        fc.array(fc.record({ reported: fc.boolean(), value: cellValue, weight: anyWeight }), { maxLength: 12 }),
        fc.array(cellValue, { maxLength: 3 }),
        (r, units, strays) => {
          const expectedUnitIds = units.map((_, i) => `X${i}`);
          const reports = [
            ...strays.map((value, i) => ({ unitId: `Y${i}`, values: { V: value, W: 1 } })),
            ...units.flatMap((u, i) => (u.reported ? [{ unitId: `X${i}`, values: { V: u.value, W: u.weight } }] : [])),
          ].reverse();
          const result = consolidate({ expectedUnitIds, reports, cells: [{ key: 'V', rule: r, weightKey: 'W' }] });
          const reporting = units.flatMap((u, i) => (u.reported ? [{ unitId: `X${i}`, value: u.value, weight: u.weight }] : []));
          const cell = result.cells['V']!;
          expect(text(cell.value)).toBe(text(aggregate(r, reporting).value));
          expect(cell.ignored).toEqual(aggregate(r, reporting).ignored);
          expect(cell.contributors.map((c) => c.unitId)).toEqual(reporting.map((c) => c.unitId));
          expect(result.missingUnitIds).toEqual(expectedUnitIds.filter((_, i) => !units[i]!.reported));
          expect([...result.unexpectedUnitIds].sort()).toEqual(strays.map((_, i) => `Y${i}`).sort());
        },
      ),
    );
  });
});

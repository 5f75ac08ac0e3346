import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormulaNode } from './ast.ts';
import type { PeriodResolver } from './bind.ts';
import { FormulaError } from './errors.ts';
import { createEvaluator, type EvaluationResult } from './evaluator.ts';
import { aggregate, arithmetic, compare, divide, negate, percent, round, toNumber, truth, type AggregateName } from './ops.ts';
import { parseFormula } from './parser.ts';
import { acyclicForm } from './random-forms.test-support.ts';
import { FormDecimal, toValue, valueToString, type InputValue, type Result } from './values.ts';
import { cellKey, type Form } from '../model.ts';
import { flattenRows, leafColumns } from '../structure.ts';
import { validateForm } from '../validate.ts';

/** A resolver with fixed, position-dependent answers, so cross-period functions are exercised too. */
const resolver: PeriodResolver = {
  value: (fn, row, col) =>
    fn === 'SAMEPERIOD_LASTYEAR' && row.endsWith('1') ? null : new FormDecimal(row.length * 10 + col.length + fn.length),
};

/**
 * The reference: a direct reading of the rules, written separately from the engine — no cell
 * space, no binding, no graph, no ordering. Each cell is evaluated recursively and memoised.
 * Value operations (null rules, decimals) come from ops.ts, which semantics.test.ts checks.
 */
function referenceEvaluate(form: Form, inputs: Map<string, InputValue>): Map<string, string> {
  const rows = flattenRows(form);
  const cols = leafColumns(form);
  const rowByCode = new Map(rows.map((r) => [r.row.code, r]));
  const colByCode = new Map(cols.map((c) => [c.column.code, c.column]));
  const disabled = new Set(form.disabledCells.map((d) => cellKey(d.row, d.col)));
  const hasValue = (row: string, col: string) => rowByCode.get(row)!.row.kind !== 'header' && !disabled.has(cellKey(row, col));
  const formulaOf = (row: string, col: string): string | undefined => {
    if (!hasValue(row, col)) return undefined;
    const override = form.cellFormulas.find((f) => f.row === row && f.col === col);
    if (override) return override.formula;
    const c = colByCode.get(col)!;
    if (c.kind === 'computed') return c.formula;
    const r = rowByCode.get(row)!.row;
    return r.kind === 'computed' ? r.formula : undefined;
  };
  const memo = new Map<string, Result>();

  const cell = (row: string, col: string): Result => {
    if (!hasValue(row, col)) return null;
    const key = cellKey(row, col);
    if (memo.has(key)) return memo.get(key)!;
    const formula = formulaOf(row, col);
    const value = formula === undefined ? toValue(inputs.get(key)) : expr(parseFormula(formula), row, col);
    memo.set(key, value);
    return value;
  };
  const ref = (n: FormulaNode, row: string, col: string): [string, string] => {
    if (n.type === 'cell') return [n.row, n.col];
    if (n.type !== 'code') throw new Error('not a reference');
    return colByCode.has(n.code) ? [row, n.code] : [n.code, col];
  };
  const expr = (n: FormulaNode, row: string, col: string): Result => {
    const ev = (m: FormulaNode) => expr(m, row, col);
    switch (n.type) {
      case 'number':
        return new FormDecimal(n.value);
      case 'string':
      case 'boolean':
        return n.value;
      case 'cell':
      case 'code':
        return cell(...ref(n, row, col));
      case 'children':
        throw new Error('CHILDREN outside an aggregate');
      case 'negate':
        return negate(ev(n.operand), n.span);
      case 'binary':
        return ['+', '-', '*', '/'].includes(n.op)
          ? arithmetic(n.op as '+', ev(n.left), ev(n.right), n.span)
          : compare(n.op, ev(n.left), ev(n.right), n.span);
      case 'call': {
        const a = n.args;
        switch (n.name) {
          case 'SUM':
          case 'AVG':
          case 'MIN':
          case 'MAX': {
            const children = rowByCode.get(row)!.children.map((i) => rows[i]!.row.code);
            const values = a.flatMap((m) => (m.type === 'children' ? children.map((c) => cell(c, col)) : [ev(m)]));
            return aggregate(n.name as AggregateName, values, n.span);
          }
          case 'ROUND':
            return round(ev(a[0]!), a[1] ? ev(a[1]) : null, n.span);
          case 'ABS': {
            const x = toNumber(ev(a[0]!), n.span);
            return x === null || x instanceof FormulaError ? x : x.abs();
          }
          case 'IF': {
            const c = truth(ev(a[0]!), a[0]!.span);
            return c instanceof FormulaError ? c : ev(c ? a[1]! : a[2]!);
          }
          case 'AND':
          case 'OR':
          case 'NOT': {
            const ts = a.map((m) => truth(ev(m), m.span));
            const err = ts.find((t) => t instanceof FormulaError);
            if (err) return err;
            return n.name === 'AND' ? ts.every(Boolean) : n.name === 'OR' ? ts.some(Boolean) : !ts[0];
          }
          case 'DIV':
          case 'PERCENT': {
            const x = toNumber(ev(a[0]!), n.span);
            if (x instanceof FormulaError) return x;
            const y = toNumber(ev(a[1]!), n.span);
            if (y instanceof FormulaError) return y;
            return n.name === 'DIV' ? divide(x, y) : percent(x, y);
          }
          default: {
            const [r, c] = ref(a[0]!, row, col);
            const other = toValue(resolver.value(n.name as 'PREV', r, c));
            return n.name === 'YTD' ? arithmetic('+', other, cell(r, c), n.span) : other;
          }
        }
      }
    }
  };

  const out = new Map<string, string>();
  for (const r of rows)
    for (const c of cols)
      if (hasValue(r.row.code, c.column.code)) out.set(cellKey(r.row.code, c.column.code), show(cell(r.row.code, c.column.code)));
  return out;
}

/** A value as text that keeps its type: an empty cell (null) and an empty text ("") differ. */
const show = (v: Result | undefined) =>
  v instanceof FormulaError
    ? `#${v.code}: ${v.message}`
    : v === null || v === undefined
      ? '∅'
      : `${typeof v === 'string' ? 's' : 'v'}:${valueToString(v)}`;

function flatten(result: EvaluationResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of result.values) out.set(k, show(v));
  for (const [k, e] of result.errors) out.set(k, show(e));
  return out;
}

/** Static dependencies of a cell, read off its formula (all branches of IF included). */
function staticDeps(form: Form, key: string): Set<string> {
  const ev = createEvaluator(form);
  const [row, col] = key.split(':') as [string, string];
  const i = ev.space.rowIndex.get(row)! * ev.space.columns.length + ev.space.colIndex.get(col)!;
  const formula = ev.space.formulas[i];
  const out = new Set<string>();
  if (!formula) return out;
  const rows = flattenRows(form);
  const colCodes = new Set(leafColumns(form).map((c) => c.column.code));
  const add = (r: string, c: string) => {
    const j = ev.space.rowIndex.get(r)! * ev.space.columns.length + ev.space.colIndex.get(c)!;
    if (ev.space.valued[j]) out.add(cellKey(r, c));
  };
  const visit = (n: FormulaNode) => {
    if (n.type === 'cell') add(n.row, n.col);
    else if (n.type === 'code') add(...((colCodes.has(n.code) ? [row, n.code] : [n.code, col]) as [string, string]));
    else if (n.type === 'children') for (const c of rows[ev.space.rowIndex.get(row)!]!.children) add(rows[c]!.row.code, col);
    else if (n.type === 'negate') visit(n.operand);
    else if (n.type === 'binary') [n.left, n.right].forEach(visit);
    else if (n.type === 'call') {
      if (n.name === 'PREV' || n.name === 'SAMEPERIOD_LASTYEAR') return;
      n.args.forEach(visit);
    }
  };
  visit(parseFormula(formula.text));
  return out;
}

describe('evaluator properties', () => {
  it('on random acyclic forms, full evaluation equals the recursive reference evaluator', () => {
    fc.assert(
      fc.property(acyclicForm, ({ form, inputs }) => {
        const ev = createEvaluator(form, { resolver });
        expect(ev.cycles).toEqual([]);
        expect(flatten(ev.evaluateAll(inputs))).toEqual(referenceEvaluate(form, inputs));
      }),
      { numRuns: 300 },
    );
  });

  it('incremental updates after random edit sequences equal a full evaluation, and report exactly the changed cells', () => {
    const edits = fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          fc.constant(null),
          fc.integer({ min: -100, max: 100 }).map((i) => new FormDecimal(i).div(4)),
          fc.constant('chữ'),
        ),
      ),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(acyclicForm, edits, ({ form, inputs }, steps) => {
        const ev = createEvaluator(form, { resolver });
        ev.evaluateAll(inputs);
        const inputKeys = [...inputs.keys()].filter((k) => ev.isInput(k));
        fc.pre(inputKeys.length > 0);
        const current = new Map([...inputs].filter(([k]) => ev.isInput(k)));
        for (const [n, value] of steps) {
          const key = inputKeys[n % inputKeys.length]!;
          const before = flatten(ev.snapshot());
          const changed = ev.setInput(key, value);
          current.set(key, value);
          const after = flatten(ev.snapshot());
          expect(after).toEqual(flatten(createEvaluator(form, { resolver }).evaluateAll(current)));
          const reallyChanged = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
          expect(new Set(changed)).toEqual(new Set(reallyChanged));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a cycle injected into a random form is detected, and every reported cycle is a real cycle of formula references', () => {
    fc.assert(
      fc.property(acyclicForm, fc.nat(), fc.nat(), ({ form }, a, b) => {
        const probe = createEvaluator(form);
        const computed = probe.space.keys.filter((k, i) => probe.space.valued[i] && probe.space.formulas[i]);
        fc.pre(computed.length > 0);
        // X: a computed cell; Y: X itself or any cell X transitively reads. Make Y read X.
        const x = computed[a % computed.length]!;
        const reach = new Set([x]);
        for (const queue = [x]; queue.length > 0;) {
          for (const d of staticDeps(form, queue.pop()!)) {
            if (reach.has(d)) continue;
            reach.add(d);
            queue.push(d);
          }
        }
        const y = [...reach][b % reach.size]!;
        const [yr, yc] = y.split(':') as [string, string];
        const [xr, xc] = x.split(':') as [string, string];
        const cyclic: Form = {
          ...form,
          cellFormulas: [
            ...form.cellFormulas.filter((f) => cellKey(f.row, f.col) !== y),
            { row: yr, col: yc, formula: `[${xr}:${xc}] + 1` },
          ],
        };
        const ev = createEvaluator(cyclic);
        expect(ev.cycles.length).toBeGreaterThan(0);
        expect(ev.get(y)).toBeInstanceOf(FormulaError);
        expect((ev.get(y) as FormulaError).code).toBe('CYCLE');
        for (const cycle of ev.cycles) {
          const cells = cycle.cells;
          expect(cells[0]).toBe(cells.at(-1));
          expect(new Set(cells.slice(0, -1)).size).toBe(cells.length - 1);
          for (let i = 0; i + 1 < cells.length; i++) expect(staticDeps(cyclic, cells[i]!).has(cells[i + 1]!)).toBe(true);
          expect(cycle.message).toBe(`Vòng lặp công thức: ${cells.map((k) => `[${k}]`).join(' → ')}`);
        }
        if (validateForm(form).every((p) => p.severity !== 'error')) {
          expect(validateForm(cyclic).map((p) => p.message)).toEqual(expect.arrayContaining(ev.cycles.map((c) => c.message)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

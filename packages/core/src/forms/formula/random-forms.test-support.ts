/**
 * fast-check generators shared by the property tests: random formula trees, and random forms whose
 * formulas are acyclic by construction. Test support only; not exported from the package.
 */
import fc from 'fast-check';
import type { FormulaNode } from './ast.ts';
import { printFormula } from './printer.ts';
import { FormDecimal, type InputValue } from './values.ts';
import { defineForm, type Form, type FormInput } from '../model.ts';
import { flattenRows } from '../structure.ts';

const S = { start: 0, end: 0 };

export interface RefPool {
  /** Bare codes allowed here. */
  codes: string[];
  /** [row:col] pairs allowed here. */
  cells: [string, string][];
  children: boolean;
}

const numberLiteral = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
  .map(([i, f, frac]) => (frac ? new FormDecimal(`${i}.${String(f).padStart(2, '0')}`).toFixed() : String(i)));

/** A random formula tree over the references in `pool`. */
export function formulaTree(pool: RefPool, maxDepth = 3): fc.Arbitrary<FormulaNode> {
  const leaves: fc.Arbitrary<FormulaNode>[] = [
    numberLiteral.map((value) => ({ type: 'number', value, span: S })),
    fc.boolean().map((value) => ({ type: 'boolean', value, span: S })),
    fc.constantFrom('x', 'Hà Nội', 'a"b', '').map((value) => ({ type: 'string', value, span: S })),
  ];
  if (pool.codes.length) leaves.push(fc.constantFrom(...pool.codes).map((code) => ({ type: 'code', code, span: S })));
  if (pool.cells.length) leaves.push(fc.constantFrom(...pool.cells).map(([row, col]) => ({ type: 'cell', row, col, span: S })));
  const refs = leaves.slice(3);
  // Mostly numbers and references, so values flow through; some text and TRUE/FALSE for type errors.
  const leaf = fc.oneof(...leaves.map((arbitrary, i) => ({ arbitrary, weight: i === 1 || i === 2 ? 1 : 4 })));
  const tree = fc.letrec<{ node: FormulaNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      leaf,
      leaf,
      tie('node').map((operand) => ({ type: 'negate', operand, span: S }) as FormulaNode),
      fc
        .tuple(fc.constantFrom('+', '-', '*', '/', '=', '<>', '<', '<=', '>', '>=' as const), tie('node'), tie('node'))
        .map(([op, left, right]) => ({ type: 'binary', op, left, right, span: S }) as FormulaNode),
      fc
        .tuple(
          fc.constantFrom('SUM', 'AVG', 'MIN', 'MAX'),
          fc.array(pool.children ? fc.oneof(tie('node'), fc.constant<FormulaNode>({ type: 'children', span: S })) : tie('node'), {
            minLength: 1,
            maxLength: 3,
          }),
        )
        .map(([name, args]) => ({ type: 'call', name, args, span: S }) as FormulaNode),
      fc
        .tuple(fc.constantFrom('ROUND', 'DIV', 'PERCENT'), tie('node'), tie('node'))
        .map(([name, a, b]) => ({ type: 'call', name, args: [a, b], span: S }) as FormulaNode),
      fc
        .tuple(fc.constantFrom('ABS', 'NOT', 'AND', 'OR'), tie('node'))
        .map(([name, a]) => ({ type: 'call', name, args: [a], span: S }) as FormulaNode),
      fc
        .tuple(tie('node'), tie('node'), tie('node'))
        .map(([a, b, c]) => ({ type: 'call', name: 'IF', args: [a, b, c], span: S }) as FormulaNode),
      ...(refs.length
        ? [
            fc
              .tuple(fc.constantFrom('PREV', 'SAMEPERIOD_LASTYEAR', 'YTD'), fc.oneof(...refs))
              .map(([name, ref]) => ({ type: 'call', name, args: [ref], span: S }) as FormulaNode),
          ]
        : []),
    ),
  }));
  return tree.node;
}

/** Codes a designer may write (model grammar), including ones that must be bracketed in formulas. */
export const anyCode = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,5}$/),
  fc.stringMatching(/^[0-9][0-9.\-/]{0,4}$/),
  fc.constantFrom('TRUE', 'false', 'Children', 'SUM', 'Đ1', 'chỉ_tiêu.1', 'A-1', '1/2'),
);

export interface RandomForm {
  form: Form;
  inputs: Map<string, InputValue>;
}

interface Shape {
  parents: number[];
  rowKinds: ('header' | 'input' | 'computed')[];
  colKinds: ('input' | 'computed')[];
}

const shape: fc.Arbitrary<Shape> = fc.tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 4 })).chain(([n, m]) =>
  fc.record({
    parents: fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 }))),
    rowKinds: fc.tuple(...Array.from({ length: n }, () => fc.constantFrom('header', 'input', 'input', 'computed', 'computed' as const))),
    colKinds: fc.tuple(...Array.from({ length: m }, () => fc.constantFrom('input', 'input', 'computed' as const))),
  }),
);

/**
 * A random form whose formulas cannot form a cycle: give cell (row i in display order, column k)
 * the potential k − i·BIG. Row formulas read only later rows (CHILDREN included, since children
 * follow their parent), column formulas only earlier columns of the same row or CHILDREN, and cell
 * formulas only cells of lower potential — every reference strictly lowers the potential.
 */
export const acyclicForm: fc.Arbitrary<RandomForm> = shape.chain((s) => {
  const n = s.parents.length;
  const rowCodes = s.parents.map((_, i) => `R${i}`);
  const colCodes = s.colKinds.map((_, k) => `C${k}`);
  // Build the tree, then read positions in display (pre-) order.
  const nodes = rowCodes.map((code, i) => ({ id: code, code, name: `Dòng ${i}`, kind: s.rowKinds[i]!, children: [] as unknown[] }));
  const roots: unknown[] = [];
  s.parents.forEach((p, i) => (p < 0 ? roots : nodes[p]!.children).push(nodes[i]!));
  const flat = flattenRows({ rows: roots as Form['rows'] });
  const order = flat.map((f) => f.row.code);
  const pos = new Map(order.map((c, i) => [c, i]));
  const hasChildren = new Set(flat.filter((f) => f.children.length > 0).map((f) => f.row.code));
  const later = (r: string) => order.filter((c) => pos.get(c)! > pos.get(r)!);

  const rowFormulas = rowCodes.map((r) =>
    s.rowKinds[rowCodes.indexOf(r)] === 'computed'
      ? formulaTree({
          codes: later(r),
          cells: later(r).flatMap((j) => colCodes.map((c) => [j, c] as [string, string])),
          children: hasChildren.has(r),
        })
      : fc.constant(undefined),
  );
  // A column formula is applied in every row, so it may use CHILDREN but not other rows.
  const colFormulas = colCodes.map((c, k) =>
    s.colKinds[k] === 'computed' ? formulaTree({ codes: colCodes.slice(0, k), cells: [], children: true }) : fc.constant(undefined),
  );
  const cellOverride = fc.option(
    fc.tuple(fc.constantFrom(...rowCodes), fc.integer({ min: 0, max: colCodes.length - 1 })).chain(([r, k]) => {
      const cells: [string, string][] = [
        ...later(r).flatMap((j) => colCodes.map((c) => [j, c] as [string, string])),
        ...colCodes.slice(0, k).map((c) => [r, c] as [string, string]),
      ];
      return formulaTree({ codes: [...colCodes.slice(0, k), ...later(r)], cells, children: true }).map((ast) => ({
        row: r,
        col: colCodes[k]!,
        ast,
      }));
    }),
    { nil: undefined },
  );
  const disabled = fc.subarray(
    rowCodes.flatMap((r) => colCodes.map((c) => ({ row: r, col: c }))),
    { maxLength: 2 },
  );
  const inputValue: fc.Arbitrary<InputValue> = fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 99 }))
        .map(([i, f]) => new FormDecimal(`${i}.${f}`)),
    },
    { weight: 1, arbitrary: fc.constantFrom('chữ', true, false) },
  );

  return fc
    .record({
      rowF: fc.tuple(...rowFormulas),
      colF: fc.tuple(...colFormulas),
      override: cellOverride,
      disabled,
      values: fc.array(inputValue, { minLength: n * colCodes.length, maxLength: n * colCodes.length }),
    })
    .map(({ rowF, colF, override, disabled, values }) => {
      rowF.forEach((ast, i) => {
        if (ast) (nodes[i] as { formula?: string }).formula = printFormula(ast);
      });
      const input: FormInput = {
        name: 'Biểu ngẫu nhiên',
        code: 'RND',
        rows: roots as FormInput['rows'],
        columns: colCodes.map((code, k) => ({
          code,
          name: code,
          kind: s.colKinds[k]!,
          ...(colF[k] ? { formula: printFormula(colF[k]) } : {}),
        })),
        disabledCells: disabled,
        cellFormulas: override ? [{ row: override.row, col: override.col, formula: printFormula(override.ast) }] : [],
      };
      const form = defineForm(input);
      const inputs = new Map<string, InputValue>();
      order.forEach((r, i) => colCodes.forEach((c, k) => inputs.set(`${r}:${c}`, values[i * colCodes.length + k])));
      return { form, inputs };
    });
});

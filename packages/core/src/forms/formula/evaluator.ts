import type { Form } from '../model.ts';
import { buildCellSpace, type CellSpace } from '../structure.ts';
import type { FormulaNode } from './ast.ts';
import { bindFormula, type EvalEnv, type PeriodResolver, type Thunk } from './bind.ts';
import { FormulaError } from './errors.ts';
import { cycleThrough, isCyclic, stronglyConnected } from './graph.ts';
import { tryParseFormula } from './parser.ts';
import { toValue, valuesEqual, type InputValue, type Result, type Value } from './values.ts';

export interface EvaluationResult {
  /** Every cell with a value and no error, by key "row:col"; empty cells are null. */
  values: Map<string, Value>;
  /** Cells whose formula failed (syntax, unknown code, cycle, type error, or an erroring input). */
  errors: Map<string, FormulaError>;
}

export interface FormulaCycle {
  /** Cell keys, first repeated at the end; each cell's formula reads the next. */
  cells: string[];
  message: string;
}

export interface FormEvaluator {
  readonly space: CellSpace;
  /** Cycles found when building; their cells evaluate to the cycle error. */
  readonly cycles: readonly FormulaCycle[];
  /** Replaces all inputs (keys of non-input cells are ignored) and evaluates every computed cell. */
  evaluateAll(inputs?: ReadonlyMap<string, InputValue> | Iterable<readonly [string, InputValue]>): EvaluationResult;
  /**
   * Sets one input cell and re-evaluates only the cells that depend on it (transitively), in
   * dependency order. Returns the keys whose value or error changed, the input first. Throws if
   * the key is not an input cell.
   */
  setInput(key: string, value: InputValue): string[];
  /** Current value or error of a cell; undefined for cells without a value (header row, hatched). */
  get(key: string): Result | undefined;
  isInput(key: string): boolean;
  snapshot(): EvaluationResult;
}

export interface EvaluatorOptions {
  resolver?: PeriodResolver;
}

/** Binds every computed cell's formula and orders the cells; reusable for many evaluations. */
export function createEvaluator(form: Form, options: EvaluatorOptions = {}): FormEvaluator {
  const space = buildCellSpace(form);
  const { size, valued, keys } = space;
  const nc = space.columns.length;
  const env: EvalEnv = { values: new Array<Result>(size).fill(null), resolver: options.resolver };
  const run = new Array<Thunk | undefined>(size);
  const constant = new Array<FormulaError | undefined>(size);
  const deps: number[][] = new Array<number[]>(size);
  const EMPTY: number[] = [];
  const isInput = new Uint8Array(size);
  const keyIndex = new Map<string, number>();

  // Parse each distinct formula text once: a column formula is shared by 2,000 rows.
  const parsed = new Map<string, { ok: true; ast: FormulaNode } | { ok: false; error: FormulaError }>();
  const computed: number[] = [];
  for (let i = 0; i < size; i++) {
    deps[i] = EMPTY;
    if (!valued[i]) continue;
    keyIndex.set(keys[i]!, i);
    const formula = space.formulas[i];
    if (!formula) {
      isInput[i] = 1;
      continue;
    }
    computed.push(i);
    let p = parsed.get(formula.text);
    if (!p) parsed.set(formula.text, (p = tryParseFormula(formula.text)));
    if (!p.ok) {
      constant[i] = p.error;
      continue;
    }
    try {
      const bound = bindFormula(p.ast, space, { row: Math.floor(i / nc), col: i % nc });
      run[i] = bound.run;
      deps[i] = bound.deps;
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      constant[i] = error;
    }
  }

  const depsOf = (i: number) => deps[i]!;
  const dependants: number[][] = Array.from({ length: size }, () => []);
  for (const i of computed) for (const d of deps[i]!) dependants[d]!.push(i);

  // Evaluation order = Tarjan's dependencies-first component order; cyclic components are errors.
  const order: number[] = [];
  const position = new Int32Array(size).fill(-1);
  const cycles: FormulaCycle[] = [];
  for (const component of stronglyConnected(size, computed, depsOf)) {
    if (isInput[component[0]!]) continue; // inputs are reached as dependencies; they are not evaluated
    if (isCyclic(component, depsOf)) {
      const path = cycleThrough(component, depsOf).map((i) => keys[i]!);
      const message = `Vòng lặp công thức: ${path.map((k) => `[${k}]`).join(' → ')}`;
      cycles.push({ cells: path, message });
      const error = new FormulaError('CYCLE', message, undefined, path);
      for (const i of component) {
        constant[i] = error;
        run[i] = undefined;
      }
    }
    for (const i of component) {
      position[i] = order.length;
      order.push(i);
    }
  }

  const evaluate = (i: number): Result => constant[i] ?? run[i]!(env);

  // Evaluated lazily: most callers start with evaluateAll(inputs), so an empty first pass is wasted.
  let evaluated = false;
  const ensure = () => {
    if (!evaluated) evaluateAll();
  };

  function evaluateAll(inputs?: ReadonlyMap<string, InputValue> | Iterable<readonly [string, InputValue]>): EvaluationResult {
    evaluated = true;
    env.values.fill(null);
    if (inputs) {
      for (const [key, value] of inputs) {
        const i = keyIndex.get(key);
        if (i !== undefined && isInput[i]) env.values[i] = toValue(value);
      }
    }
    for (const i of order) env.values[i] = evaluate(i);
    return snapshot();
  }

  // Scratch space for incremental updates, stamped so it need not be cleared.
  const seen = new Uint32Array(size);
  let stamp = 0;

  function setInput(key: string, input: InputValue): string[] {
    const i = keyIndex.get(key);
    if (i === undefined || !isInput[i]) throw new Error(`Ô ${key} không phải ô nhập liệu.`);
    ensure();
    const value = toValue(input);
    if (valuesEqual(env.values[i]!, value)) return [];
    env.values[i] = value;
    const changed = [key];
    stamp++;
    const affected: number[] = [];
    const stack = [i];
    while (stack.length > 0) {
      for (const d of dependants[stack.pop()!]!) {
        if (seen[d] === stamp) continue;
        seen[d] = stamp;
        affected.push(d);
        stack.push(d);
      }
    }
    affected.sort((a, b) => position[a]! - position[b]!);
    for (const d of affected) {
      const next = evaluate(d);
      if (!valuesEqual(env.values[d]!, next)) {
        env.values[d] = next;
        changed.push(keys[d]!);
      } else env.values[d] = next;
    }
    return changed;
  }

  function snapshot(): EvaluationResult {
    ensure();
    const values = new Map<string, Value>();
    const errors = new Map<string, FormulaError>();
    for (let i = 0; i < size; i++) {
      if (!valued[i]) continue;
      const v = env.values[i]!;
      if (v instanceof FormulaError) errors.set(keys[i]!, v);
      else values.set(keys[i]!, v);
    }
    return { values, errors };
  }

  return {
    space,
    cycles,
    evaluateAll,
    setInput,
    get: (key) => {
      ensure();
      const i = keyIndex.get(key);
      return i === undefined ? undefined : env.values[i];
    },
    isInput: (key) => {
      const i = keyIndex.get(key);
      return i !== undefined && isInput[i] === 1;
    },
    snapshot,
  };
}

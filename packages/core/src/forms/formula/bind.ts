import type { FormulaNode } from './ast.ts';
import { FormulaError, type SourceSpan } from './errors.ts';
import type { PeriodFunction } from './functions.ts';
import { aggregate, arithmetic, compare, divide, negate, percent, round, toNumber, truth, type AggregateName } from './ops.ts';
import { FormDecimal, toValue, type InputValue, type Result } from './values.ts';
import type { CellSpace } from '../structure.ts';

/**
 * Values from other periods: the unit's accepted reports, fetched by the caller beforehand (the
 * engine is synchronous and does no I/O). `row` and `col` are codes of this form.
 * - PREV: the cell in the previous period's report;
 * - SAMEPERIOD_LASTYEAR: the cell in the same period of last year;
 * - YTD: the total of the cell over this year's periods *before* the current one; the engine adds
 *   the current value, so YTD(C1) updates as the user types.
 * Return null or undefined when there is no data.
 */
export interface PeriodResolver {
  value(fn: PeriodFunction, row: string, col: string): InputValue;
}

export interface EvalEnv {
  /** Current value of every cell, by cell index. */
  values: Result[];
  resolver: PeriodResolver | undefined;
}

export type Thunk = (env: EvalEnv) => Result;

export interface BoundFormula {
  /** Indices of the cells (with a value) the formula reads, each once. */
  deps: number[];
  run: Thunk;
}

/** Where a formula is evaluated: the current row and column (indices), if any. */
export interface BindContext {
  row: number | null;
  col: number | null;
}

const NULL: Thunk = () => null;

/**
 * Resolves the references of a parsed formula against the form (in the cell it is evaluated in)
 * and turns it into a closure over cell indices. Throws FormulaError for unknown codes and for
 * references that need a current row/column where there is none (a whole-form constraint).
 */
export function bindFormula(ast: FormulaNode, space: CellSpace, ctx: BindContext): BoundFormula {
  const binder = new Binder(space, ctx);
  const run = binder.build(ast);
  return { deps: [...binder.deps], run };
}

// A class rather than closures per call: binding runs once per computed cell (thousands of times),
// and methods are created once.
class Binder {
  readonly deps = new Set<number>();
  private readonly nc: number;

  constructor(
    private readonly space: CellSpace,
    private readonly ctx: BindContext,
  ) {
    this.nc = space.columns.length;
  }

  private unknown(code: string, span: SourceSpan): FormulaError {
    return new FormulaError('UNKNOWN_CODE', `Mã không tồn tại: ${code}`, span);
  }

  private noContext(what: string, span: SourceSpan): FormulaError {
    return new FormulaError('NO_CONTEXT', `${what} cần dòng và cột hiện tại; ở đây hãy viết dạng [mã dòng:mã cột].`, span);
  }

  /** The cell index a reference denotes. */
  private refIndex(node: FormulaNode & { type: 'cell' | 'code' }): number {
    const { space, ctx, nc } = this;
    if (node.type === 'cell') {
      const r = space.rowIndex.get(node.row);
      if (r === undefined) throw this.unknown(node.row, node.span);
      const c = space.colIndex.get(node.col);
      if (c === undefined) throw this.unknown(node.col, node.span);
      return r * nc + c;
    }
    const c = space.colIndex.get(node.code);
    if (c !== undefined) {
      if (ctx.row === null) throw this.noContext(`Mã cột ${node.code}`, node.span);
      return ctx.row * nc + c;
    }
    const r = space.rowIndex.get(node.code);
    if (r !== undefined) {
      if (ctx.col === null) throw this.noContext(`Mã dòng ${node.code}`, node.span);
      return r * nc + ctx.col;
    }
    throw this.unknown(node.code, node.span);
  }

  private read(i: number): Thunk {
    if (!this.space.valued[i]) return NULL; // header rows and hatched cells have no value
    this.deps.add(i);
    return (env) => env.values[i]!;
  }

  build(node: FormulaNode): Thunk {
    switch (node.type) {
      case 'number': {
        const value = new FormDecimal(node.value);
        return () => value;
      }
      case 'string': {
        const value = node.value;
        return () => value;
      }
      case 'boolean': {
        const value = node.value;
        return () => value;
      }
      case 'cell':
      case 'code':
        return this.read(this.refIndex(node));
      case 'children':
        throw new FormulaError('CHILDREN_MISPLACED', 'CHILDREN chỉ dùng được làm tham số của SUM, AVG, MIN, MAX.', node.span);
      case 'negate': {
        const operand = this.build(node.operand);
        return (env) => negate(operand(env), node.span);
      }
      case 'binary': {
        const left = this.build(node.left);
        const right = this.build(node.right);
        const { op, span } = node;
        if (op === '+' || op === '-' || op === '*' || op === '/') return (env) => arithmetic(op, left(env), right(env), span);
        return (env) => compare(op, left(env), right(env), span);
      }
      case 'call':
        return this.call(node);
    }
  }

  private children(span: SourceSpan): Thunk[] {
    const { ctx, nc } = this;
    if (ctx.row === null || ctx.col === null) throw this.noContext('CHILDREN', span);
    const col = ctx.col;
    return this.space.rows[ctx.row]!.children.map((r) => this.read(r * nc + col));
  }

  private call(node: FormulaNode & { type: 'call' }): Thunk {
    const { name, span } = node;
    if (name === 'SUM' || name === 'AVG' || name === 'MIN' || name === 'MAX') {
      const args = node.args.flatMap((a) => (a.type === 'children' ? this.children(a.span) : [this.build(a)]));
      return (env) =>
        aggregate(
          name as AggregateName,
          args.map((a) => a(env)),
          span,
        );
    }
    if (name === 'PREV' || name === 'SAMEPERIOD_LASTYEAR' || name === 'YTD') return this.period(name, node.args[0]!, span);
    const args = node.args.map((a) => this.build(a));
    const [a, b, c] = args as [Thunk, Thunk | undefined, Thunk | undefined];
    switch (name) {
      case 'ROUND':
        return (env) => round(a(env), b ? b(env) : null, span);
      case 'ABS':
        return (env) => {
          const x = toNumber(a(env), span);
          return x === null || x instanceof FormulaError ? x : x.abs();
        };
      case 'IF':
        return (env) => {
          const cond = truth(a(env), node.args[0]!.span);
          if (cond instanceof FormulaError) return cond;
          return cond ? b!(env) : c!(env);
        };
      case 'AND':
      case 'OR':
      case 'NOT':
        return (env) => {
          let acc = name === 'AND';
          for (let i = 0; i < args.length; i++) {
            const t = truth(args[i]!(env), node.args[i]!.span);
            if (t instanceof FormulaError) return t;
            acc = name === 'AND' ? acc && t : name === 'OR' ? acc || t : !t;
          }
          return acc;
        };
      case 'DIV':
      case 'PERCENT':
        return (env) => {
          const x = toNumber(a(env), span);
          if (x instanceof FormulaError) return x;
          const y = toNumber(b!(env), span);
          if (y instanceof FormulaError) return y;
          return name === 'DIV' ? divide(x, y) : percent(x, y);
        };
      default:
        throw new FormulaError('UNKNOWN_FUNCTION', `Hàm không tồn tại: ${name}`, span);
    }
  }

  private period(fn: PeriodFunction, arg: FormulaNode, span: SourceSpan): Thunk {
    const { space, nc } = this;
    if (arg.type !== 'cell' && arg.type !== 'code') {
      throw new FormulaError('REFERENCE_REQUIRED', `Hàm ${fn} cần một tham chiếu ô.`, arg.span);
    }
    const i = this.refIndex(arg);
    const row = space.rows[Math.floor(i / nc)]!.row.code;
    const col = space.columns[i % nc]!.column.code;
    const fetch = (env: EvalEnv): Result => {
      if (!env.resolver) return null;
      try {
        return toValue(env.resolver.value(fn, row, col));
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return new FormulaError('RESOLVER', `Không lấy được số liệu kỳ khác cho ô [${row}:${col}]: ${detail}`, span);
      }
    };
    if (fn !== 'YTD') return fetch;
    const current = this.read(i);
    return (env) => arithmetic('+', fetch(env), current(env), span);
  }
}

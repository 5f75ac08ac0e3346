import type { Decimal } from 'decimal.js';
import { formatNumber } from '../text/format.ts';
import { bindFormula, type EvalEnv, type PeriodResolver } from './formula/bind.ts';
import { FormulaError } from './formula/errors.ts';
import { truth } from './formula/ops.ts';
import { tryParseFormula } from './formula/parser.ts';
import { isDecimal, toValue, ZERO, type InputValue, type Result } from './formula/values.ts';
import type { BuiltinCheck, Form, FormConstraint } from './model.ts';
import { buildCellSpace, isNumericColumn, type CellSpace } from './structure.ts';

export interface ConstraintViolation {
  /** The constraint's id, or "builtin:<check>" for a ticked built-in check. */
  constraintId: string;
  /** Cell key "row:col" when the violation is about one cell. */
  cell?: string;
  row?: string;
  col?: string;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Checks the form's constraints and ticked built-in checks against evaluated values (e.g.
 * evaluator.snapshot().values; missing keys are empty). Constraint expressions use the formula
 * engine: TRUE (or a non-zero number) passes, FALSE fails, empty passes (nothing to check yet).
 * An expression that cannot be evaluated is reported as a warning rather than silently passing.
 */
export function checkConstraints(
  form: Form,
  values: ReadonlyMap<string, InputValue>,
  options: { resolver?: PeriodResolver } = {},
): ConstraintViolation[] {
  const space = buildCellSpace(form);
  const env: EvalEnv = { values: space.keys.map((k) => toValue(values.get(k))), resolver: options.resolver };
  const out: ConstraintViolation[] = [];
  for (const constraint of form.constraints) checkOne(constraint, space, env, out);
  checkBuiltins(space, env, out);
  return out;
}

function contexts(c: FormConstraint, space: CellSpace): { row: number | null; col: number | null }[] {
  const nc = space.columns.length;
  const scope = c.scope;
  if (scope.kind === 'form') return [{ row: null, col: null }];
  if (scope.kind === 'cell') {
    const row = space.rowIndex.get(scope.row);
    const col = space.colIndex.get(scope.col);
    return row === undefined || col === undefined ? [] : [{ row, col }];
  }
  if (scope.kind === 'row') {
    const row = space.rowIndex.get(scope.row);
    if (row === undefined) return [];
    // Numeric columns only: a row rule ("tổng ≥ thành phần") is about figures, not notes or dates.
    return space.columns.filter((c) => isNumericColumn(c.column) && space.valued[row * nc + c.index]).map((c) => ({ row, col: c.index }));
  }
  const col = space.colIndex.get(scope.col);
  if (col === undefined) return [];
  return space.rows.filter((r) => space.valued[r.index * nc + col]).map((r) => ({ row: r.index, col }));
}

function checkOne(c: FormConstraint, space: CellSpace, env: EvalEnv, out: ConstraintViolation[]): void {
  const broken = (message: string) =>
    out.push({ constraintId: c.id, severity: 'warning', message: `Không kiểm tra được ràng buộc "${c.message}": ${message}` });
  const parsed = tryParseFormula(c.expression);
  if (!parsed.ok) return void broken(parsed.error.message);
  for (const ctx of contexts(c, space)) {
    let result: Result;
    try {
      result = bindFormula(parsed.ast, space, ctx).run(env);
    } catch (error) {
      if (error instanceof FormulaError) return void broken(error.message);
      throw error;
    }
    const ok = result === null ? true : truth(result, parsed.ast.span);
    if (ok === true) continue;
    const where: Partial<ConstraintViolation> = {};
    if (ctx.row !== null) where.row = space.rows[ctx.row]!.row.code;
    if (ctx.col !== null) where.col = space.columns[ctx.col]!.column.code;
    if (ctx.row !== null && ctx.col !== null) where.cell = space.keys[ctx.row * space.columns.length + ctx.col]!;
    if (ok instanceof FormulaError) {
      out.push({
        constraintId: c.id,
        ...where,
        severity: 'warning',
        message: `Không kiểm tra được ràng buộc "${c.message}": ${ok.message}`,
      });
    } else out.push({ constraintId: c.id, ...where, severity: c.severity, message: c.message });
  }
}

const fmt = (d: Decimal) => formatNumber(d.toNumber());

function checkBuiltins(space: CellSpace, env: EvalEnv, out: ConstraintViolation[]): void {
  const nc = space.columns.length;
  const done = new Set<string>();
  const apply = (check: BuiltinCheck, r: number, c: number) => {
    const i = r * nc + c;
    if (!space.valued[i] || done.has(`${check}|${i}`)) return;
    done.add(`${check}|${i}`);
    const row = space.rows[r]!;
    const column = space.columns[c]!.column;
    const v = env.values[i]!;
    const where = {
      constraintId: `builtin:${check}`,
      cell: space.keys[i]!,
      row: row.row.code,
      col: column.code,
      severity: 'error' as const,
    };
    const name = `"${row.row.name}" – cột "${column.name}"`;
    switch (check) {
      case 'required':
        // Only cells the user fills in; a computed cell is empty because its inputs are.
        if (!space.formulas[i] && (v === null || v === '')) out.push({ ...where, message: `Chưa nhập ${name} (bắt buộc).` });
        return;
      case 'non_negative':
        if (isDecimal(v) && v.isNegative() && !v.isZero()) out.push({ ...where, message: `${name} không được là số âm.` });
        return;
      case 'integer':
        if (isDecimal(v) && !v.isInteger()) out.push({ ...where, message: `${name} phải là số nguyên.` });
        return;
      case 'parent_ge_children':
      case 'equals_children': {
        if (!isNumericColumn(column) || row.children.length === 0) return;
        const children = row.children.map((ch) => env.values[ch * nc + c] ?? null).filter((x): x is Decimal => isDecimal(x));
        if (children.length === 0 && v === null) return;
        const parent = isDecimal(v) ? v : ZERO;
        const sum = children.reduce((a, b) => a.plus(b), ZERO);
        if (check === 'parent_ge_children' && parent.lt(sum)) {
          out.push({ ...where, message: `${name} (${fmt(parent)}) nhỏ hơn tổng các chỉ tiêu con (${fmt(sum)}).` });
        } else if (check === 'equals_children' && !parent.eq(sum)) {
          out.push({ ...where, message: `${name} (${fmt(parent)}) khác tổng các chỉ tiêu con (${fmt(sum)}).` });
        }
        return;
      }
    }
  };
  for (const r of space.rows) for (const check of r.row.checks) for (const c of space.columns) apply(check, r.index, c.index);
  for (const c of space.columns) for (const check of c.column.checks) for (const r of space.rows) apply(check, r.index, c.index);
}

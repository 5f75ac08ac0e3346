import type { FormulaNode } from './formula/ast.ts';
import { walk } from './formula/ast.ts';
import { bindFormula } from './formula/bind.ts';
import { FormulaError } from './formula/errors.ts';
import { createEvaluator } from './formula/evaluator.ts';
import { tryParseFormula } from './formula/parser.ts';
import { cellKey, type Form } from './model.ts';
import { buildCellSpace, cellIndex, type CellSpace } from './structure.ts';

export interface FormProblem {
  /** Where in the form definition, as in Zod issues: ["rows", 0, "children", 1, "formula"]. */
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
}

type Path = (string | number)[];

/**
 * Checks a (schema-valid) form as a whole: unique codes across rows and columns, each row/column
 * kind matching its formula, formulas that parse and reference existing codes, per-cell items that
 * point at real cells, constraints, and formula cycles. Returns Vietnamese problems; [] when the
 * form can be published.
 */
export function validateForm(form: Form): FormProblem[] {
  const problems: FormProblem[] = [];
  const error = (path: Path, message: string) => problems.push({ path, message, severity: 'error' });
  const warning = (path: Path, message: string) => problems.push({ path, message, severity: 'warning' });
  const space = buildCellSpace(form);

  // One namespace for row and column codes, so that a bare "C1" in a formula means one thing.
  const owners = new Map<string, string>();
  const ids = new Set<string>();
  for (const { row, path } of space.rows) {
    const first = owners.get(row.code);
    if (first) error([...path, 'code'], `Mã "${row.code}" bị trùng: đã dùng cho ${first}.`);
    else owners.set(row.code, `dòng "${row.name}"`);
    if (ids.has(row.id)) error([...path, 'id'], `Mã định danh dòng "${row.id}" bị trùng.`);
    ids.add(row.id);
  }
  for (const { column, path } of space.columns) {
    const first = owners.get(column.code);
    if (first) error([...path, 'code'], `Mã "${column.code}" bị trùng: đã dùng cho ${first}.`);
    else owners.set(column.code, `cột "${column.name}"`);
  }

  /** Parses a formula and checks its codes; returns the tree when it parses. */
  const checkFormula = (text: string, path: Path, label: string): FormulaNode | undefined => {
    const parsed = tryParseFormula(text);
    if (!parsed.ok) {
      error(path, `${label}: ${parsed.error.message}`);
      return undefined;
    }
    for (const p of referenceProblems(parsed.ast, space)) (p.warning ? warning : error)(path, `${label}: ${p.message}`);
    return parsed.ast;
  };

  for (const { row, path } of space.rows) {
    const label = `Công thức của dòng ${row.code}`;
    if (row.kind === 'computed' && !row.formula)
      error([...path, 'formula'], `Dòng "${row.name}" (${row.code}) là dòng tính toán nhưng chưa có công thức.`);
    if (row.kind === 'input' && row.formula)
      error([...path, 'formula'], `Dòng "${row.name}" (${row.code}) là dòng nhập liệu nên không có công thức; hãy chọn loại "tính toán".`);
    if (row.kind === 'header' && row.formula)
      error([...path, 'formula'], `Dòng "${row.name}" (${row.code}) là dòng tiêu đề, không có số liệu nên không có công thức.`);
    if (row.formula && row.kind === 'computed') checkFormula(row.formula, [...path, 'formula'], label);
  }
  for (const { column, path } of space.columns) {
    if (column.kind === 'computed' && !column.formula)
      error([...path, 'formula'], `Cột "${column.name}" (${column.code}) là cột tính toán nhưng chưa có công thức.`);
    if (column.kind === 'input' && column.formula)
      error(
        [...path, 'formula'],
        `Cột "${column.name}" (${column.code}) là cột nhập liệu nên không có công thức; hãy chọn loại "tính toán".`,
      );
    if (column.formula && column.kind === 'computed')
      checkFormula(column.formula, [...path, 'formula'], `Công thức của cột ${column.code}`);
  }

  const cellProblem = (row: string, col: string): string | undefined => {
    if (!space.rowIndex.has(row)) return `Mã dòng không tồn tại: ${row}`;
    if (!space.colIndex.has(col)) return `Mã cột không tồn tại: ${col}`;
    return undefined;
  };
  const disabled = new Set<string>();
  form.disabledCells.forEach((d, i) => {
    const problem = cellProblem(d.row, d.col);
    if (problem) error(['disabledCells', i], problem);
    else if (disabled.has(cellKey(d.row, d.col))) warning(['disabledCells', i], `Ô [${d.row}:${d.col}] được gạch chéo hai lần.`);
    disabled.add(cellKey(d.row, d.col));
  });
  const overridden = new Set<string>();
  form.cellFormulas.forEach((f, i) => {
    const key = cellKey(f.row, f.col);
    const problem = cellProblem(f.row, f.col);
    if (problem) return error(['cellFormulas', i], problem);
    if (overridden.has(key)) error(['cellFormulas', i], `Ô [${key}] có hai công thức riêng.`);
    overridden.add(key);
    if (!space.valued[cellIndex(space, f.row, f.col)]) {
      error(['cellFormulas', i], `Ô [${key}] thuộc dòng tiêu đề hoặc bị gạch chéo nên không có công thức.`);
    }
    checkFormula(f.formula, ['cellFormulas', i, 'formula'], `Công thức của ô [${key}]`);
  });

  const constraintIds = new Set<string>();
  form.constraints.forEach((c, i) => {
    const path: Path = ['constraints', i];
    if (constraintIds.has(c.id)) error([...path, 'id'], `Mã ràng buộc "${c.id}" bị trùng.`);
    constraintIds.add(c.id);
    const scope = c.scope;
    if (scope.kind === 'cell') {
      const problem = cellProblem(scope.row, scope.col);
      if (problem) error([...path, 'scope'], problem);
    } else if (scope.kind === 'row' && !space.rowIndex.has(scope.row)) error([...path, 'scope'], `Mã dòng không tồn tại: ${scope.row}`);
    else if (scope.kind === 'column' && !space.colIndex.has(scope.col)) error([...path, 'scope'], `Mã cột không tồn tại: ${scope.col}`);
    const ast = checkFormula(c.expression, [...path, 'expression'], `Ràng buộc "${c.id}"`);
    if (ast && scope.kind === 'form') {
      try {
        bindFormula(ast, space, { row: null, col: null });
      } catch (e) {
        if (!(e instanceof FormulaError) || e.code !== 'NO_CONTEXT') throw e;
        error([...path, 'expression'], `Ràng buộc "${c.id}" (toàn biểu): ${e.message}`);
      }
    }
  });

  // Cycles only matter (and are only well defined) once the codes are sound.
  if (!problems.some((p) => p.severity === 'error')) {
    for (const cycle of createEvaluator(form).cycles) error(formulaPath(form, space, cycle.cells[0]!), cycle.message);
  }
  return problems;
}

/** Unknown codes (errors) and references to cells that never have a value (warnings). */
function referenceProblems(ast: FormulaNode, space: CellSpace): { message: string; warning?: boolean }[] {
  const out: { message: string; warning?: boolean }[] = [];
  const isHeader = (row: string) => space.rows[space.rowIndex.get(row)!]!.row.kind === 'header';
  for (const node of walk(ast)) {
    if (node.type === 'code') {
      if (space.rowIndex.has(node.code)) {
        if (isHeader(node.code)) out.push({ message: `dòng ${node.code} là dòng tiêu đề, không có số liệu.`, warning: true });
      } else if (!space.colIndex.has(node.code)) out.push({ message: `Mã không tồn tại: ${node.code}` });
    } else if (node.type === 'cell') {
      const rowOk = space.rowIndex.has(node.row);
      const colOk = space.colIndex.has(node.col);
      if (!rowOk)
        out.push({
          message: space.colIndex.has(node.row) ? `"${node.row}" là mã cột, không phải mã dòng.` : `Mã không tồn tại: ${node.row}`,
        });
      if (!colOk)
        out.push({
          message: space.rowIndex.has(node.col) ? `"${node.col}" là mã dòng, không phải mã cột.` : `Mã không tồn tại: ${node.col}`,
        });
      if (rowOk && colOk && !space.valued[cellIndex(space, node.row, node.col)]) {
        out.push({ message: `ô [${node.row}:${node.col}] thuộc dòng tiêu đề hoặc bị gạch chéo, luôn để trống.`, warning: true });
      }
    }
  }
  return out;
}

/** Where the formula of a computed cell is written. */
function formulaPath(form: Form, space: CellSpace, key: string): Path {
  const [row, col] = splitKey(key);
  const i = cellIndex(space, row, col);
  const source = space.formulas[i]?.source;
  if (source === 'cell') return ['cellFormulas', form.cellFormulas.findIndex((f) => f.row === row && f.col === col), 'formula'];
  if (source === 'column') return [...space.columns[space.colIndex.get(col)!]!.path, 'formula'];
  return [...space.rows[space.rowIndex.get(row)!]!.path, 'formula'];
}

/** "R01:C1" → ["R01", "C1"]. Codes contain no ":". */
export function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

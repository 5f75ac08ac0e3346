import { cellKey, NUMERIC_COLUMN_TYPES, type ColumnNode, type Form, type FormColumn, type FormRow } from './model.ts';

/** A row with its place in the tree. `path` indexes into form.rows for validation messages. */
export interface FlatRow {
  row: FormRow;
  index: number;
  level: number;
  parent: number | null;
  children: number[];
  path: (string | number)[];
}

/** Rows in display order (pre-order: a parent before its children). */
export function flattenRows(form: Pick<Form, 'rows'>): FlatRow[] {
  const out: FlatRow[] = [];
  const visit = (rows: FormRow[], level: number, parent: number | null, path: (string | number)[]) => {
    rows.forEach((row, i) => {
      const index = out.length;
      const rowPath = [...path, i];
      out.push({ row, index, level, parent, children: [], path: rowPath });
      if (parent !== null) out[parent]!.children.push(index);
      visit(row.children, level + 1, index, [...rowPath, 'children']);
    });
  };
  visit(form.rows, 0, null, ['rows']);
  return out;
}

export interface FlatColumn {
  column: FormColumn;
  index: number;
  path: (string | number)[];
}

function isGroup(node: ColumnNode): node is Extract<ColumnNode, { kind: 'group' }> {
  return node.kind === 'group';
}

/** Leaf columns, left to right. */
export function leafColumns(form: Pick<Form, 'columns'>): FlatColumn[] {
  const out: FlatColumn[] = [];
  const visit = (nodes: ColumnNode[], path: (string | number)[]) => {
    nodes.forEach((node, i) => {
      if (isGroup(node)) visit(node.children, [...path, i, 'children']);
      else out.push({ column: node, index: out.length, path: [...path, i] });
    });
  };
  visit(form.columns, ['columns']);
  return out;
}

export const isNumericColumn = (column: FormColumn): boolean => NUMERIC_COLUMN_TYPES.includes(column.type);

/** Where the formula of a computed cell comes from. */
export type FormulaSource = 'cell' | 'column' | 'row';

/**
 * The grid of cells. Cell index = rowIndex × columnCount + columnIndex. A cell "has a value" unless
 * its row is a header row or the cell is hatched (disabled).
 */
export interface CellSpace {
  rows: FlatRow[];
  columns: FlatColumn[];
  rowIndex: Map<string, number>;
  colIndex: Map<string, number>;
  size: number;
  valued: Uint8Array;
  keys: string[];
  /** For each cell: the formula that applies, or undefined for an input (or valueless) cell. */
  formulas: ({ text: string; source: FormulaSource } | undefined)[];
}

/**
 * Builds the grid and decides which formula applies to each cell, in this order:
 * 1. a per-cell formula;
 * 2. the column's formula if the column is computed — so "So sánh (%)" is a percentage on total rows too;
 * 3. the row's formula if the row is computed, but only in numeric columns: a total row's note or
 *    date column stays an input (SUM of text makes no sense);
 * header rows and hatched cells have no value and no formula.
 * Duplicate codes: the first row/column wins (validateForm reports the duplicate).
 */
export function buildCellSpace(form: Form): CellSpace {
  const rows = flattenRows(form);
  const columns = leafColumns(form);
  const rowIndex = new Map<string, number>();
  const colIndex = new Map<string, number>();
  for (const r of rows) if (!rowIndex.has(r.row.code)) rowIndex.set(r.row.code, r.index);
  for (const c of columns) if (!colIndex.has(c.column.code)) colIndex.set(c.column.code, c.index);
  const nc = columns.length;
  const size = rows.length * nc;
  const valued = new Uint8Array(size);
  const keys = new Array<string>(size);
  const formulas = new Array<{ text: string; source: FormulaSource } | undefined>(size).fill(undefined);
  for (const r of rows) {
    for (const c of columns) {
      const i = r.index * nc + c.index;
      keys[i] = cellKey(r.row.code, c.column.code);
      if (r.row.kind === 'header') continue;
      valued[i] = 1;
      if (c.column.kind === 'computed' && c.column.formula) formulas[i] = { text: c.column.formula, source: 'column' };
      else if (r.row.kind === 'computed' && r.row.formula && isNumericColumn(c.column))
        formulas[i] = { text: r.row.formula, source: 'row' };
    }
  }
  for (const d of form.disabledCells) {
    const i = indexOf(rowIndex, colIndex, nc, d.row, d.col);
    if (i >= 0) {
      valued[i] = 0;
      formulas[i] = undefined;
    }
  }
  for (const f of form.cellFormulas) {
    const i = indexOf(rowIndex, colIndex, nc, f.row, f.col);
    if (i >= 0 && valued[i]) formulas[i] = { text: f.formula, source: 'cell' };
  }
  return { rows, columns, rowIndex, colIndex, size, valued, keys, formulas };
}

function indexOf(rowIndex: Map<string, number>, colIndex: Map<string, number>, nc: number, row: string, col: string): number {
  const r = rowIndex.get(row);
  const c = colIndex.get(col);
  return r === undefined || c === undefined ? -1 : r * nc + c;
}

export function cellIndex(space: CellSpace, row: string, col: string): number {
  return indexOf(space.rowIndex, space.colIndex, space.columns.length, row, col);
}

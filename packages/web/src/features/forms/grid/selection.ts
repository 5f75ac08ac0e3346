/**
 * Range selection in the entry grid, as in a spreadsheet. Pure: positions are row/column indices
 * of the form's cell space (rows in display order, leaf columns), never DOM state.
 *
 * A selection is the active cell (where typing goes) plus a rectangle spanned by an anchor and a
 * focus corner. Shift+arrows and Shift+click move the focus; a plain move collapses everything to
 * one cell. Ctrl+A spans the whole form but keeps the active cell, like Excel.
 */
import { move, type GridPos, type Move } from './keyboard.ts';

export interface GridSelection {
  active: GridPos;
  anchor: GridPos;
  focus: GridPos;
}

/** Inclusive bounds. */
export interface GridRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One cell selected. */
export function collapse(p: GridPos): GridSelection {
  return { active: p, anchor: p, focus: p };
}

export function rectOf(sel: GridSelection): GridRect {
  return {
    top: Math.min(sel.anchor.r, sel.focus.r),
    left: Math.min(sel.anchor.c, sel.focus.c),
    bottom: Math.max(sel.anchor.r, sel.focus.r),
    right: Math.max(sel.anchor.c, sel.focus.c),
  };
}

export function rectSize(rect: GridRect): { rows: number; cols: number } {
  return { rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 };
}

export function isSingleCell(rect: GridRect): boolean {
  return rect.top === rect.bottom && rect.left === rect.right;
}

export function contains(rect: GridRect, p: GridPos): boolean {
  return p.r >= rect.top && p.r <= rect.bottom && p.c >= rect.left && p.c <= rect.right;
}

/** Shift+move: the focus corner moves, the anchor and the active cell stay. */
export function extend(sel: GridSelection, m: Move, rows: number, cols: number, page?: number): GridSelection {
  return { ...sel, focus: move(sel.focus, m, rows, cols, page) };
}

/** Shift+click or a mouse drag: the rectangle from the anchor to `p`. */
export function extendTo(sel: GridSelection, p: GridPos): GridSelection {
  return { ...sel, focus: p };
}

/** Ctrl+A: every cell, the active cell unchanged. */
export function selectAll(sel: GridSelection | null, rows: number, cols: number): GridSelection {
  return { active: sel?.active ?? { r: 0, c: 0 }, anchor: { r: 0, c: 0 }, focus: { r: rows - 1, c: cols - 1 } };
}

/** The rectangle as a selection whose active cell is its top-left corner (after a paste or an undo). */
export function selectRect(rect: GridRect): GridSelection {
  const topLeft = { r: rect.top, c: rect.left };
  return { active: topLeft, anchor: topLeft, focus: { r: rect.bottom, c: rect.right } };
}

/** The smallest rectangle around the positions; null for none. */
export function boundingRect(positions: Iterable<GridPos>): GridRect | null {
  let rect: GridRect | null = null;
  for (const p of positions) {
    if (!rect) rect = { top: p.r, left: p.c, bottom: p.r, right: p.c };
    else {
      rect.top = Math.min(rect.top, p.r);
      rect.left = Math.min(rect.left, p.c);
      rect.bottom = Math.max(rect.bottom, p.r);
      rect.right = Math.max(rect.right, p.c);
    }
  }
  return rect;
}

/** Keeps a selection inside the form after the designer removed rows or columns; null for an empty form. */
export function clampSelection(sel: GridSelection | null, rows: number, cols: number): GridSelection | null {
  if (!sel || rows === 0 || cols === 0) return null;
  const clamp = (p: GridPos) => (p.r < rows && p.c < cols ? p : { r: Math.min(p.r, rows - 1), c: Math.min(p.c, cols - 1) });
  const active = clamp(sel.active);
  const anchor = clamp(sel.anchor);
  const focus = clamp(sel.focus);
  return active === sel.active && anchor === sel.anchor && focus === sel.focus ? sel : { active, anchor, focus };
}

/** Every position of the rectangle, row by row. */
export function* cellsOf(rect: GridRect): Generator<GridPos> {
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) yield { r, c };
}

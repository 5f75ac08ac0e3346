/**
 * Undo and redo for the entry grid. Pure and immutable: a history is two stacks of steps, and a
 * step is everything one user action changed (a typed cell, a paste, a clear of a selection), so
 * that Ctrl+Z takes back a 3×2 paste at once. Values are the grid's input values (decimals, text,
 * booleans, dates, null for empty).
 */
import { toValue, valuesEqual, type InputValue } from '@baocao/core';

export interface CellChange {
  key: string;
  before: InputValue;
  after: InputValue;
}

/** A write the grid applies: the cell key "row:col" and its new value (null empties it). */
export interface CellWrite {
  key: string;
  value: InputValue;
}

export interface EditHistory {
  /** Oldest first; the last one is what Ctrl+Z takes back. */
  readonly past: readonly (readonly CellChange[])[];
  /** Steps taken back, the next one to redo last. */
  readonly future: readonly (readonly CellChange[])[];
}

export const EMPTY_HISTORY: EditHistory = { past: [], future: [] };

/** Steps kept; the oldest are dropped beyond it (a paste of 20,000 cells is one step). */
export const HISTORY_LIMIT = 100;

export function sameValue(a: InputValue, b: InputValue): boolean {
  return valuesEqual(toValue(a), toValue(b));
}

/**
 * One step from the changes of one action: a cell changed twice keeps its first `before` and its
 * last `after`, and cells that end where they started are dropped.
 */
export function makeStep(changes: Iterable<CellChange>): CellChange[] {
  const byKey = new Map<string, CellChange>();
  for (const c of changes) {
    const seen = byKey.get(c.key);
    byKey.set(c.key, seen ? { key: c.key, before: seen.before, after: c.after } : c);
  }
  return [...byKey.values()].filter((c) => !sameValue(c.before, c.after));
}

/** Records an action; a new action forgets what was undone. An action that changed nothing is not a step. */
export function record(history: EditHistory, changes: Iterable<CellChange>, limit = HISTORY_LIMIT): EditHistory {
  const step = makeStep(changes);
  if (step.length === 0) return history;
  const past = [...history.past, step];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

export const canUndo = (history: EditHistory): boolean => history.past.length > 0;
export const canRedo = (history: EditHistory): boolean => history.future.length > 0;

/** Takes back the last step: the writes that restore each cell's value before it. */
export function undo(history: EditHistory): { history: EditHistory; writes: CellWrite[]; step: readonly CellChange[] } | null {
  const step = history.past.at(-1);
  if (!step) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, step] },
    writes: [...step].reverse().map((c) => ({ key: c.key, value: c.before })),
    step,
  };
}

/** Does again the last step taken back. */
export function redo(history: EditHistory): { history: EditHistory; writes: CellWrite[]; step: readonly CellChange[] } | null {
  const step = history.future.at(-1);
  if (!step) return null;
  return {
    history: { past: [...history.past, step], future: history.future.slice(0, -1) },
    writes: step.map((c) => ({ key: c.key, value: c.after })),
    step,
  };
}

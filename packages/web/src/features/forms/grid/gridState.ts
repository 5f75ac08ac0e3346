import { useDeferredValue, useMemo, useRef, useState } from 'react';
import {
  checkConstraints,
  createEvaluator,
  isFormulaError,
  type ConstraintViolation,
  type Form,
  type FormEvaluator,
  type InputValue,
  type PeriodResolver,
  type Result,
} from '@baocao/core';
import { EMPTY_HISTORY, canRedo, canUndo, makeStep, record, redo, sameValue, undo, type CellChange, type CellWrite } from './history.ts';

export interface GridState {
  evaluator: FormEvaluator;
  /** Bumped on every change, so that cells re-render. */
  version: number;
  get: (key: string) => Result | undefined;
  isInput: (key: string) => boolean;
  /** Writes values as one user step (one Ctrl+Z); keys of non-input cells are ignored. Returns what changed. */
  apply: (writes: readonly CellWrite[]) => CellChange[];
  /** One typed cell: `apply` of one write. */
  setValue: (key: string, value: InputValue) => void;
  /** Takes back the last step; returns its changes, or null when there is nothing to undo. */
  undo: () => readonly CellChange[] | null;
  redo: () => readonly CellChange[] | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Empties every input cell, as one step. */
  clear: () => void;
  /** The input cells that hold a value (a copy), keyed "row:col". */
  values: () => Map<string, InputValue>;
  /** Checks the constraints now, on the current values (the `violations` below lag a moment after typing). */
  check: () => ConstraintViolation[];
  /** Constraint and built-in check violations (computed a moment after typing, not on each key). */
  violations: ConstraintViolation[];
  byCell: Map<string, ConstraintViolation[]>;
  /** Cells whose formula failed: "#LỖI" with this message. */
  formulaErrors: number;
}

export interface GridStateOptions {
  initial?: ReadonlyMap<string, InputValue>;
  /** Called for each changed cell. */
  onChange?: (key: string, value: InputValue) => void;
  /** Called once per user step with every cell it changed. */
  onChangeBatch?: (changes: CellWrite[]) => void;
  resolver?: PeriodResolver;
}

/** Above this many cells, one full evaluation is cheaper than incremental updates (a large paste). */
const BULK_WRITES = 64;

/**
 * Values of one filled form. The evaluator is rebuilt only when the form (or the period resolver)
 * changes — in the designer's preview, on each edit of the design — and keeps the values typed so
 * far; typing into a cell uses setInput, which recomputes only the cells that depend on it. Every
 * change goes through `apply`, so that undo, redo and the change callbacks see the same steps.
 */
export function useGridState(form: Form, options: GridStateOptions = {}): GridState {
  const { initial, resolver } = options;
  const inputs = useRef<Map<string, InputValue>>(new Map(initial ?? []));
  const history = useRef(EMPTY_HISTORY);
  // The latest callbacks: callers often pass inline functions.
  const callbacks = useRef(options);
  callbacks.current = options;
  const [version, setVersion] = useState(0);
  const evaluator = useMemo(() => {
    const ev = createEvaluator(form, { resolver });
    ev.evaluateAll(inputs.current);
    return ev;
  }, [form, resolver]);

  const actions = useMemo(() => {
    const write = (writes: readonly CellWrite[]): CellChange[] => {
      const changes: CellChange[] = [];
      for (const { key, value } of writes) {
        if (!evaluator.isInput(key)) continue;
        const before = inputs.current.get(key) ?? null;
        if (sameValue(before, value)) continue;
        changes.push({ key, before, after: value ?? null });
        if (value === null || value === undefined) inputs.current.delete(key);
        else inputs.current.set(key, value);
      }
      if (changes.length === 0) return changes;
      if (changes.length > BULK_WRITES) evaluator.evaluateAll(inputs.current);
      else for (const c of changes) evaluator.setInput(c.key, c.after);
      const step = makeStep(changes);
      const { onChange, onChangeBatch } = callbacks.current;
      for (const c of step) onChange?.(c.key, c.after);
      if (step.length) onChangeBatch?.(step.map((c) => ({ key: c.key, value: c.after })));
      return step;
    };
    const apply = (writes: readonly CellWrite[]) => {
      const step = write(writes);
      history.current = record(history.current, step);
      if (step.length) setVersion((v) => v + 1);
      return step;
    };
    const travel = (move: typeof undo) => () => {
      const done = move(history.current);
      if (!done) return null;
      history.current = done.history;
      write(done.writes);
      setVersion((v) => v + 1);
      return done.step;
    };
    return {
      apply,
      setValue: (key: string, value: InputValue) => void apply([{ key, value }]),
      undo: travel(undo),
      redo: travel(redo),
      clear: () => void apply([...inputs.current.keys()].map((key) => ({ key, value: null }))),
      values: () => new Map([...inputs.current].filter(([, v]) => v !== null && v !== undefined)),
    };
  }, [evaluator]);

  const checkedVersion = useDeferredValue(version);
  const { violations, byCell, formulaErrors } = useMemo(() => {
    void checkedVersion;
    const snap = evaluator.snapshot();
    const violations = checkConstraints(form, snap.values, { resolver });
    const byCell = new Map<string, ConstraintViolation[]>();
    for (const v of violations) if (v.cell) byCell.set(v.cell, [...(byCell.get(v.cell) ?? []), v]);
    return { violations, byCell, formulaErrors: snap.errors.size };
  }, [form, evaluator, resolver, checkedVersion]);

  return {
    evaluator,
    version,
    get: (key) => evaluator.get(key),
    isInput: (key) => evaluator.isInput(key),
    ...actions,
    canUndo: canUndo(history.current),
    canRedo: canRedo(history.current),
    check: () => checkConstraints(form, evaluator.snapshot().values, { resolver }),
    violations,
    byCell,
    formulaErrors,
  };
}

export function resultTitle(value: Result | undefined): string | undefined {
  return isFormulaError(value) ? value.message : undefined;
}

import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import {
  checkConstraints,
  createEvaluator,
  isFormulaError,
  type ConstraintViolation,
  type Form,
  type FormEvaluator,
  type InputValue,
  type Result,
} from '@baocao/core';

export interface GridState {
  evaluator: FormEvaluator;
  /** Bumped on every change, so that cells re-render. */
  version: number;
  get: (key: string) => Result | undefined;
  isInput: (key: string) => boolean;
  setValue: (key: string, value: InputValue) => void;
  /** Constraint and built-in check violations (computed a moment after typing, not on each key). */
  violations: ConstraintViolation[];
  byCell: Map<string, ConstraintViolation[]>;
  /** Cells whose formula failed: "#LỖI" with this message. */
  formulaErrors: number;
  clear: () => void;
}

/**
 * Values of one filled form. The evaluator is rebuilt only when the form changes (in the designer's
 * preview, on each edit of the design) and keeps the values typed so far; typing into a cell uses
 * setInput, which recomputes only the cells that depend on it.
 */
export function useGridState(
  form: Form,
  initial?: ReadonlyMap<string, InputValue>,
  onChange?: (key: string, value: InputValue) => void,
): GridState {
  const inputs = useRef<Map<string, InputValue>>(new Map(initial ?? []));
  const [version, setVersion] = useState(0);
  const evaluator = useMemo(() => {
    const ev = createEvaluator(form);
    ev.evaluateAll(inputs.current);
    return ev;
  }, [form]);

  const setValue = useCallback(
    (key: string, value: InputValue) => {
      if (!evaluator.isInput(key)) return;
      inputs.current.set(key, value);
      evaluator.setInput(key, value);
      setVersion((v) => v + 1);
      onChange?.(key, value);
    },
    [evaluator, onChange],
  );

  const clear = useCallback(() => {
    inputs.current.clear();
    evaluator.evaluateAll(new Map());
    setVersion((v) => v + 1);
  }, [evaluator]);

  const checkedVersion = useDeferredValue(version);
  const { violations, byCell, formulaErrors } = useMemo(() => {
    void checkedVersion;
    const snap = evaluator.snapshot();
    const violations = checkConstraints(form, snap.values);
    const byCell = new Map<string, ConstraintViolation[]>();
    for (const v of violations) {
      const keys = v.cell ? [v.cell] : [];
      for (const k of keys) byCell.set(k, [...(byCell.get(k) ?? []), v]);
    }
    return { violations, byCell, formulaErrors: snap.errors.size };
  }, [form, evaluator, checkedVersion]);

  return {
    evaluator,
    version,
    get: (key) => evaluator.get(key),
    isInput: (key) => evaluator.isInput(key),
    setValue,
    violations,
    byCell,
    formulaErrors,
    clear,
  };
}

export function resultTitle(value: Result | undefined): string | undefined {
  return isFormulaError(value) ? value.message : undefined;
}

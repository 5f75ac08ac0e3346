import type { ConstraintViolation } from '@baocao/core';

/**
 * A violation's identity across recomputations, to attach an explanation (giải trình) to a warning:
 * the constraint and the cell ("lk-khong-vuot|THU:LK"), or the row or column it is about, or
 * nothing for a whole-form rule ("builtin:x|"). Stable as long as the form's codes are.
 */
export function violationKey(v: ConstraintViolation): string {
  return `${v.constraintId}|${v.cell ?? v.row ?? v.col ?? ''}`;
}

export function hasExplanation(v: ConstraintViolation, explanations: Readonly<Record<string, string>> | undefined): boolean {
  return (explanations?.[violationKey(v)] ?? '').trim() !== '';
}

/** Warnings that still need an explanation before the report can be sent (errors must be fixed, not explained). */
export function unexplainedWarnings(
  violations: readonly ConstraintViolation[],
  explanations: Readonly<Record<string, string>> | undefined,
): ConstraintViolation[] {
  return violations.filter((v) => v.severity === 'warning' && !hasExplanation(v, explanations));
}

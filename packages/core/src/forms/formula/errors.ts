/**
 * Formula errors. One class serves three moments: parsing (syntax, unknown function), binding to
 * the form (unknown code, cycle) and evaluation (text in arithmetic). At evaluation an error is a
 * *value*: it is stored in the cell, shown to the user, and propagates to the cells that use it,
 * the way a spreadsheet shows #VALUE! — one bad cell must not stop the rest of the form.
 */

/** Offsets into the formula text, 0-based, end exclusive. Messages show `start + 1` (users count from 1). */
export interface SourceSpan {
  start: number;
  end: number;
}

export type FormulaErrorCode =
  | 'SYNTAX'
  | 'UNKNOWN_FUNCTION'
  | 'ARITY'
  | 'CHILDREN_MISPLACED'
  | 'REFERENCE_REQUIRED'
  | 'UNKNOWN_CODE'
  | 'NO_CONTEXT'
  | 'CYCLE'
  | 'TYPE'
  | 'RESOLVER';

export class FormulaError extends Error {
  override readonly name = 'FormulaError';
  constructor(
    readonly code: FormulaErrorCode,
    message: string,
    readonly span?: SourceSpan,
    /** For CYCLE: the cell keys of the cycle, first repeated at the end. */
    readonly cells?: readonly string[],
  ) {
    super(message);
  }

  /** 1-based position for display, when known. */
  get position(): number | undefined {
    return this.span ? this.span.start + 1 : undefined;
  }
}

export function syntaxError(span: SourceSpan, detail: string): FormulaError {
  return new FormulaError('SYNTAX', `Lỗi cú pháp ở vị trí ${span.start + 1}: ${detail}`, span);
}

export function isFormulaError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}

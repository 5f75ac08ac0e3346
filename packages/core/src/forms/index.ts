/** Forms (biểu mẫu): the model, STT numbering, header grid, validation, formulas and constraints. */
export * from './model.ts';
export { flattenRows, leafColumns, buildCellSpace, cellIndex, isNumericColumn } from './structure.ts';
export type { FlatRow, FlatColumn, CellSpace, FormulaSource } from './structure.ts';
export { numberRows, toRoman, toLetters, VIETNAMESE_LETTERS } from './numbering.ts';
export { headerRows, type HeaderCell } from './headers.ts';
export { validateForm, splitKey, type FormProblem } from './validate.ts';
export { checkConstraints, type ConstraintViolation } from './constraints.ts';
export * from './formula/index.ts';
export * from './list.ts';
export * from './outline.ts';
export * from './definitions.ts';
export { diffDefinitions } from './diff.ts';
export * from './paste.ts';

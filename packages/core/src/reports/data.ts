import type { NarrativeSection, ReportCellValue, ReportData, ReportDataPatch, ReportFormData } from '../api/reports.ts';
import { FormulaError } from '../forms/formula/errors.ts';
import { FormDecimal, isDecimal, toValue, type InputValue, type Result } from '../forms/formula/values.ts';
import type { FormColumn } from '../forms/model.ts';
import { isNumericColumn } from '../forms/structure.ts';

/**
 * The data of a report version as stored, and the one way it changes: a patch merged in. Cells are
 * stored as JSON-friendly values (decimal text, booleans, strings, null); the formula engine works
 * on decimals, so the two conversions below are the only bridge between them.
 */

/** Plain decimal text as stored: optional minus, digits, optional fraction. No exponent, no grouping. */
export const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export function emptyReportData(): ReportData {
  return { forms: {}, narrative: {}, attachments: [] };
}

function emptyFormData(): ReportFormData {
  return { values: {}, notes: {}, explanations: {} };
}

/** Copies `base` with `changes` merged in: a null change removes the key. */
function merge<T>(base: Record<string, T>, changes: Record<string, T | null> | undefined): Record<string, T> {
  if (!changes) return base;
  const out = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

const isEmptyForm = (f: ReportFormData) =>
  f.records === undefined &&
  Object.keys(f.values).length === 0 &&
  Object.keys(f.notes).length === 0 &&
  Object.keys(f.explanations).length === 0;

/**
 * Merges a save into the data, returning new data (the input is not changed): values, notes and
 * explanations are merged key by key, a null removing the key (an empty cell is an absent key);
 * `records` replaces the list form's records as a whole; a null narrative section removes it.
 * Attachments are not part of a patch (they are uploaded and removed one by one).
 * A form or outline left with nothing in it is dropped, so a patch followed by the patch that puts
 * the old values back gives the original data.
 */
export function applyReportPatch(data: ReportData, patch: ReportDataPatch): ReportData {
  const forms = { ...data.forms };
  for (const [versionId, change] of Object.entries(patch.forms ?? {})) {
    const current = forms[versionId] ?? emptyFormData();
    const next: ReportFormData = {
      ...current,
      values: merge<ReportCellValue>(current.values, change.values),
      notes: merge(current.notes, change.notes),
      explanations: merge(current.explanations, change.explanations),
    };
    if (change.records !== undefined) next.records = change.records.map((r) => ({ ...r }));
    if (isEmptyForm(next)) delete forms[versionId];
    else forms[versionId] = next;
  }
  const narrative = { ...data.narrative };
  for (const [outlineId, sections] of Object.entries(patch.narrative ?? {})) {
    const next = merge<NarrativeSection>(narrative[outlineId] ?? {}, sections);
    if (Object.keys(next).length === 0) delete narrative[outlineId];
    else narrative[outlineId] = next;
  }
  return { forms, narrative, attachments: data.attachments };
}

/**
 * A stored value as the engine's input, read by the column's type: decimal text in a numeric
 * column becomes a decimal; an empty string is an empty cell. Anything that does not fit its column
 * (text in a number column) is handed over as it is, so the engine shows the error on the cells
 * that use it instead of silently treating it as empty; validateFormValues reports it to the user.
 */
export function cellValueToInput(column: Pick<FormColumn, 'type'>, v: ReportCellValue): InputValue {
  if (v === null || v === '') return null;
  if (typeof v === 'string' && isNumericColumn(column as FormColumn) && DECIMAL_TEXT.test(v)) return new FormDecimal(v);
  return v;
}

/**
 * An engine value as stored: decimals as plain decimal text without exponent or trailing zeros
 * ("1234.5", "0.000001", "-3"), booleans and strings as they are; empty cells, errors and
 * non-finite numbers as null.
 */
export function inputToCellValue(v: InputValue | Result): ReportCellValue {
  if (v instanceof FormulaError) return null;
  const value = toValue(v);
  if (value === null) return null;
  if (isDecimal(value)) return value.toFixed();
  return value;
}

/** Two stored values mean the same: equal decimals ("1.50" and "1.5"), and '' is an empty cell. */
export function sameCellValue(a: ReportCellValue | undefined, b: ReportCellValue | undefined): boolean {
  const x = a === '' || a === undefined ? null : a;
  const y = b === '' || b === undefined ? null : b;
  if (typeof x === 'string' && typeof y === 'string' && DECIMAL_TEXT.test(x) && DECIMAL_TEXT.test(y)) {
    return new FormDecimal(x).eq(new FormDecimal(y));
  }
  return x === y;
}

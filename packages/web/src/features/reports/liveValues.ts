import {
  type PeriodValues,
  type ReportCellValue,
  type ReportData,
  type ReportFormRef,
  evaluateReportForm,
  inputToCellValue,
  type EvaluatedForm,
} from '@baocao/core';
import { tableFormOf } from './formData.ts';

/**
 * The live figures the narrative quotes ({{key}} → a cell of a table form), computed cells
 * included: each table form is evaluated with the current values when first asked, and the
 * evaluation is kept while the form's values stay the same (so typing in the narrative does not
 * recompute a 2,000-row form on every key).
 */
export type EvaluationCache = Map<string, { values: Readonly<Record<string, ReportCellValue>>; evaluated: EvaluatedForm | null }>;

function sameValues(a: Readonly<Record<string, ReportCellValue>>, b: Readonly<Record<string, ReportCellValue>>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k in b && a[k] === b[k]);
}

const EMPTY: Readonly<Record<string, ReportCellValue>> = Object.freeze({});

/** A reader of current cell values by form code, row and column code: decimal text, text, "Có"/"Không", or null. */
export function formValueReader(
  forms: readonly ReportFormRef[],
  data: Pick<ReportData, 'forms'>,
  periodValues: PeriodValues,
  cache: EvaluationCache,
): (formCode: string, row: string, col: string) => string | null {
  const byCode = new Map(forms.filter((f) => f.kind === 'table').map((f) => [f.code, f]));
  const evaluated = (ref: ReportFormRef): EvaluatedForm | null => {
    const values = data.forms[ref.versionId]?.values ?? EMPTY;
    const hit = cache.get(ref.versionId);
    if (hit && sameValues(hit.values, values)) return hit.evaluated;
    const form = tableFormOf(ref);
    const result = form ? evaluateReportForm(form, { values }, periodValues[ref.formId] ?? periodValues[ref.versionId]) : null;
    cache.set(ref.versionId, { values, evaluated: result });
    return result;
  };
  return (formCode, row, col) => {
    const ref = byCode.get(formCode);
    if (!ref) return null;
    const result = evaluated(ref)?.values.get(`${row}:${col}`);
    if (result === undefined) return null;
    const stored = inputToCellValue(result);
    if (stored === null) return null;
    if (typeof stored === 'boolean') return stored ? 'Có' : 'Không';
    return stored;
  };
}

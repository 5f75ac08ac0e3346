import type { FormKind } from '../api/forms.ts';
import type { PeriodValues, ReportCellValue, ReportData, ReportFormData } from '../api/reports.ts';
import { checkConstraints, type ConstraintViolation } from '../forms/constraints.ts';
import type { PeriodResolver } from '../forms/formula/bind.ts';
import { createEvaluator } from '../forms/formula/evaluator.ts';
import { FormDecimal, type InputValue, type Result } from '../forms/formula/values.ts';
import type { Form } from '../forms/model.ts';
import { buildCellSpace, type CellSpace } from '../forms/structure.ts';
import { formatNumber } from '../text/format.ts';
import { cellValueToInput, DECIMAL_TEXT } from './data.ts';
import { cellPlace, formColumnLabels, parseFormDefinition, formRowLabels, outlineSectionTitle } from './labels.ts';
import { checkListRecords } from './list-records.ts';
import { validateFormValues } from './validate.ts';
import { flattenSections, numberSections, type Outline } from '../forms/outline.ts';

/**
 * Evaluating a report's forms with their stored data, and what stops it from being submitted.
 * The browser (live, as the user types) and the server (when "submit" is asked) run the same
 * code, so the list the user sees is the list the server refuses with.
 */

/** The forms of a report as the report detail lists them (reportFormRef; formId and other fields may be present). */
export type ReportFormDefinitions = {
  versionId: string;
  code: string;
  name: string;
  kind: FormKind;
  definition: unknown;
  /** When present, periodValues are looked up by it (they are keyed by form id); otherwise by versionId. */
  formId?: string;
}[];

/** Values of other periods for one form: by function, then cell key "ROW:COL" → decimal text. */
export type FormPeriodValues = PeriodValues[string];

export interface EvaluatedForm {
  /** Every cell that has a value (inputs and computed), by key; a failed formula is its FormulaError. */
  values: Map<string, Result>;
  violations: ConstraintViolation[];
  /** How many computed cells failed (text in a number cell read by a total, a missing period value…). */
  formulaErrors: number;
}

/** The PREV / SAMEPERIOD_LASTYEAR / YTD values of one form as the engine's resolver. */
export function periodResolver(periodValues: FormPeriodValues | undefined): PeriodResolver | undefined {
  if (!periodValues) return undefined;
  return {
    value(fn, row, col): InputValue {
      const text = periodValues[fn]?.[`${row}:${col}`];
      return text !== undefined && DECIMAL_TEXT.test(text) ? new FormDecimal(text) : null;
    },
  };
}

/** The engine inputs of a table form's stored values: input cells only, read by their column's type. */
export function formInputs(form: Form | CellSpace, values: Record<string, ReportCellValue>): Map<string, InputValue> {
  const space = 'keys' in form ? form : buildCellSpace(form);
  const nc = space.columns.length;
  const inputs = new Map<string, InputValue>();
  for (const [key, value] of Object.entries(values)) {
    const at = key.indexOf(':');
    const r = space.rowIndex.get(key.slice(0, at));
    const c = space.colIndex.get(key.slice(at + 1));
    if (at < 0 || r === undefined || c === undefined) continue;
    const i = r * nc + c;
    if (!space.valued[i] || space.formulas[i]) continue;
    inputs.set(key, cellValueToInput(space.columns[c]!.column, value));
  }
  return inputs;
}

/** Evaluates every cell of a table form with the stored values and checks its constraints. */
export function evaluateReportForm(form: Form, data: Pick<ReportFormData, 'values'>, periodValues?: FormPeriodValues): EvaluatedForm {
  const resolver = periodResolver(periodValues);
  const evaluator = createEvaluator(form, { resolver });
  const result = evaluator.evaluateAll(formInputs(evaluator.space, data.values ?? {}));
  const values = new Map<string, Result>(result.values);
  for (const [key, error] of result.errors) values.set(key, error);
  const violations = checkConstraints(form, result.values, { resolver });
  return { values, violations, formulaErrors: result.errors.size };
}

/**
 * A violation's identity across evaluations: the key its explanation (giải trình) is stored under
 * in ReportFormData.explanations, e.g. "lk-ge-ky|THU:LK", "builtin:required|R01:C1", or
 * "tong-khop|" for a whole-form rule. Unique per violation: checkConstraints reports a constraint
 * at most once per cell (and once when it has no cell), and ids are unique within a form.
 * THIS is the authority: the web grid's violationKey (features/forms/grid/violations.ts) must give
 * the same key, or explanations written in the grid would not count when submitting.
 */
export function violationKey(v: ConstraintViolation): string {
  return `${v.constraintId}|${v.cell ?? v.row ?? v.col ?? ''}`;
}

export interface SubmissionProblem {
  kind: 'error' | 'unexplained_warning' | 'narrative_required' | 'narrative_too_long' | 'cell_invalid';
  formVersionId: string;
  formCode: string;
  message: string;
  /** Cell key "ROW:COL" (table forms), or "<record number>:<column code>" for a list form's record. */
  cell?: string;
  /** The violation key, for an unexplained warning (where its explanation goes). */
  violationKey?: string;
  /** The outline section, for narrative problems. */
  sectionId?: string;
}

/**
 * Everything that stops the report from being submitted, in form order: for table forms the
 * values that do not fit the form, constraint errors, and warnings without an explanation; for
 * list forms the records that break the columns' rules; for outlines the required sections left
 * blank and sections over their length. Empty: it may be submitted. The server maps the kinds to
 * REPORT_HAS_ERRORS (error, cell_invalid), WARNINGS_UNEXPLAINED and NARRATIVE_REQUIRED.
 */
export function submissionProblems(forms: ReportFormDefinitions, data: ReportData, periodValues?: PeriodValues): SubmissionProblem[] {
  const out: SubmissionProblem[] = [];
  for (const ref of forms) {
    const base = { formVersionId: ref.versionId, formCode: ref.code };
    const broken = () =>
      out.push({ ...base, kind: 'error', message: `Biểu "${ref.code}" có định nghĩa không hợp lệ, không kiểm tra được số liệu.` });
    const formData = data.forms[ref.versionId];
    if (ref.kind === 'table') {
      const form = parseFormDefinition('table', ref.definition);
      if (!form) {
        broken();
        continue;
      }
      const values = formData?.values ?? {};
      for (const p of validateFormValues(form, values)) out.push({ ...base, kind: 'cell_invalid', message: p.message, cell: p.key });
      const periods = periodValues?.[ref.formId ?? ref.versionId] ?? periodValues?.[ref.versionId];
      const { violations } = evaluateReportForm(form, { values }, periods);
      tableViolationProblems(form, violations, formData?.explanations ?? {}, base, out);
    } else if (ref.kind === 'list') {
      const list = parseFormDefinition('list', ref.definition);
      if (!list) {
        broken();
        continue;
      }
      for (const p of checkListRecords(list, formData?.records ?? [])) {
        out.push({ ...base, kind: p.kind, message: p.message, cell: p.cell });
      }
    } else {
      const outline = parseFormDefinition('outline', ref.definition);
      if (!outline) {
        broken();
        continue;
      }
      narrativeProblems(outline, data.narrative[ref.versionId] ?? {}, base, out);
    }
  }
  return out;
}

type Base = { formVersionId: string; formCode: string };

function tableViolationProblems(
  form: Form,
  violations: ConstraintViolation[],
  explanations: Record<string, string>,
  base: Base,
  out: SubmissionProblem[],
): void {
  let rows: Map<string, string> | undefined;
  let cols: Map<string, string> | undefined;
  // Built-in checks name their row and column already; a designer's message usually does not.
  const located = (v: ConstraintViolation) => {
    if (v.constraintId.startsWith('builtin:') || !v.row || !v.col) return v.message;
    rows ??= formRowLabels(form);
    cols ??= formColumnLabels(form.columns);
    return `${cellPlace(rows.get(v.row) ?? v.row, cols.get(v.col) ?? v.col)}: ${v.message}`;
  };
  const cell = (v: ConstraintViolation) => (v.cell ? { cell: v.cell } : {});
  for (const v of violations) {
    if (v.severity === 'error') out.push({ ...base, kind: 'error', message: located(v), ...cell(v) });
  }
  for (const v of violations) {
    if (v.severity !== 'warning') continue;
    const key = violationKey(v);
    if ((explanations[key] ?? '').trim() !== '') continue;
    out.push({
      ...base,
      kind: 'unexplained_warning',
      message: `${located(v)} (cảnh báo chưa có giải trình)`,
      violationKey: key,
      ...cell(v),
    });
  }
}

function narrativeProblems(
  outline: Outline,
  texts: Record<string, { text: string } | undefined>,
  base: Base,
  out: SubmissionProblem[],
): void {
  const numbers = numberSections(outline);
  for (const { section } of flattenSections(outline)) {
    const text = texts[section.id]?.text ?? '';
    const title = outlineSectionTitle(numbers.get(section.id), section.title);
    if (section.required && text.trim() === '') {
      out.push({
        ...base,
        kind: 'narrative_required',
        sectionId: section.id,
        message: `Mục "${title}" là mục bắt buộc nhưng chưa có nội dung.`,
      });
    }
    const length = [...text].length;
    if (section.maxLength !== undefined && length > section.maxLength) {
      out.push({
        ...base,
        kind: 'narrative_too_long',
        sectionId: section.id,
        message: `Mục "${title}" dài ${formatNumber(length)} ký tự, vượt quá giới hạn ${formatNumber(section.maxLength)} ký tự.`,
      });
    }
  }
}

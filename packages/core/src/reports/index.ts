/**
 * Report data rules shared by browser and server (contract; implementations in the files named).
 * The signatures below are the contract other modules code against.
 */
export { applyReportPatch, emptyReportData, cellValueToInput, inputToCellValue, sameCellValue } from './data.ts';
export {
  validateFormValues,
  valueProblem,
  isIsoDate,
  MAX_INTEGER_DIGITS,
  MAX_FRACTION_DIGITS,
  MAX_TEXT_LENGTH,
  type CellProblem,
} from './validate.ts';
export {
  evaluateReportForm,
  submissionProblems,
  violationKey,
  periodResolver,
  formInputs,
  type EvaluatedForm,
  type SubmissionProblem,
  type ReportFormDefinitions,
  type FormPeriodValues,
} from './evaluate.ts';
export { checkListRecords, type RecordProblem } from './list-records.ts';
export { diffReportData, LIST_CHANGE_LIMIT } from './diff.ts';
export { formRowLabels, formColumnLabels, outlineSectionTitle } from './labels.ts';
export {
  consolidationOverrides,
  unexplainedOverrides,
  unexplainedOverrideMessage,
  formatStoredDecimal,
  type ConsolidatedFigure,
  type ConsolidationOverride,
} from './overrides.ts';

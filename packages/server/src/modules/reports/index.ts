/**
 * What other modules may use of reports: the workflow's one entry point, reading a report the
 * actor may see, and the accepted data other periods and analytics build on.
 */
export { actionsFor, canRead, capabilitiesFor, capabilitiesOn, loadReport, type ReportCapabilities } from './access.ts';
export { periodValuesFor } from './period-values.ts';
export { acceptedVersions, acceptedVersionsOfUnit, formDefinitions } from './queries.ts';
export { getReport } from './service/get-report.ts';
export { checkPatch, saveReport } from './service/save-report.ts';
export { transitionIn, transitionReport, type TransitionInput, type TransitionOutcome } from './service/transition-report.ts';
export { contentHashOf, reportForms, type ReportDeps } from './support.ts';
export { report, reportEvent, reportSnapshot, reportVersion, storedFile } from './tables.ts';
export {
  summarizeTimeliness,
  timelinessEntries,
  timelinessRecords,
  timelinessStats,
  type TimelinessEntry,
} from './service/timeliness-stats.ts';

/**
 * What other modules may use of analytics: writing facts (the reports module on acceptance, the demo
 * seed and the bench), exploring them within an actor's authority (dashboards, the public portal's
 * snapshots with 'system'), and opening saved views.
 */
export {
  factColumns,
  factsOfForm,
  factYear,
  importFacts,
  replaceReportFacts,
  type EvaluatedTableForm,
  type FormFact,
  type ImportFactInput,
  type ReportFactsInput,
} from './facts.ts';
export { factsOfReport } from './facts-queries.ts';
export { explore, explorationOptions, periodRange, prepareExploration, type PreparedExploration, type Who } from './explore.ts';
export { loadView } from './views.ts';
export { factValue, analyticsView } from './tables.ts';

/**
 * What other modules and the scheduler may use of periods and assignments. The regimes module
 * calls `openDuePeriods` after publishing a version — after its transaction committed, since this
 * opens transactions of its own.
 */
export { openDuePeriods, openPeriodsTask } from './open-periods.ts';
export { closeExpiredPeriodsTask, remindersTask } from './reminders.ts';
export { assignmentRoutes } from './routes.ts';
export { assignment, regimePeriod, regimePeriodEvent } from './tables.ts';
export { assignmentContext, type AssignmentContext } from './context.ts';
export { setAssignmentProgress } from './progress.ts';

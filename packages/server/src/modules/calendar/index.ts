/** What other modules (regimes, assignments) may use of the working-day calendar. */
export { loadWorkingCalendar } from './service.ts';

import type { WorkingCalendar } from './calendar.ts';
import { addDays, addMonths, daysInMonth, formatIsoDate, isoDateOf } from './dates.ts';
import { vnToUtc } from './timezone.ts';
import type { DateWindow, Deadline, DeadlineRule, PeriodType } from './types.ts';

/** The deadline of a period whose window is `window`, by `rule` (see `DeadlineRule`). */
export function computeDeadline(window: DateWindow, rule: DeadlineRule, calendar: WorkingCalendar): Deadline {
  let date: string;
  switch (rule.kind) {
    case 'day_of_month': {
      const target = addMonths(Number(window.end.slice(0, 4)), Number(window.end.slice(5, 7)), rule.monthOffset);
      date = isoDateOf(target.year, target.month, Math.min(rule.day, daysInMonth(target.year, target.month)));
      break;
    }
    case 'days_after':
      date = addDays(window.end, rule.days);
      break;
    case 'working_days_after':
      date = calendar.addWorkingDays(window.end, rule.days);
      break;
    case 'fixed_date':
      date = rule.date;
      break;
  }
  if (rule.rollForward !== false) date = calendar.nextWorkingDayOnOrAfter(date);
  return { date, time: rule.time, at: vnToUtc(date, rule.time) };
}

/**
 * LEGAL R7 (ND 09/2019 Art. 8 k5b): the deadline must be at least one working day after the window
 * closes. Null when it is, else a Vietnamese message naming both dates.
 */
export function checkDeadline(window: DateWindow, deadline: Deadline, calendar: WorkingCalendar): string | null {
  const earliest = calendar.addWorkingDays(window.end, 1);
  if (deadline.date >= earliest) return null;
  return `Hạn gửi ${formatIsoDate(deadline.date)} chưa sau ngày chốt số liệu ${formatIsoDate(window.end)} ít nhất 01 ngày làm việc.`;
}

/**
 * The rule a new regime starts with: a daily report is due 16:30 the next day; a report to the
 * Government or the Prime Minister on the 25th of the period's last month at 17:00 (LEGAL R8); any
 * other one `defaultWorkingDays` working days after the cut-off at 17:00 (LEGAL R10).
 */
export function defaultDeadlineRule(opts: {
  frequency: PeriodType;
  reportsToGovernment: boolean;
  defaultWorkingDays: number;
}): DeadlineRule {
  // A daily report cannot wait for the 25th, even to the Government.
  if (opts.frequency === 'day') return { kind: 'days_after', days: 1, time: '16:30', rollForward: true };
  if (opts.reportsToGovernment) return { kind: 'day_of_month', monthOffset: 0, day: 25, time: '17:00', rollForward: true };
  return { kind: 'working_days_after', days: opts.defaultWorkingDays, time: '17:00', rollForward: true };
}

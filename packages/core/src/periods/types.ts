/**
 * The vocabulary of reporting periods (kỳ báo cáo), cut-off windows (thời gian chốt số liệu),
 * deadlines (thời hạn gửi báo cáo) and the working-day calendar. Dates are calendar dates in
 * Vietnam written `YYYY-MM-DD`; instants are UTC `Date`s. Vietnam has no daylight saving time, so
 * local time is always UTC+7 (Asia/Ho_Chi_Minh).
 */

/** A calendar date `YYYY-MM-DD` in Vietnam. */
export type IsoDate = string;
/** A local time of day `HH:mm` in Vietnam. */
export type LocalTime = string;

export const PERIOD_TYPES = [
  'day',
  'half_month',
  'week',
  'month',
  'quarter',
  'half_year',
  'nine_months',
  'year',
  'school_year',
  'custom',
] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  day: 'Hằng ngày',
  half_month: '15 ngày',
  week: 'Hằng tuần',
  month: 'Hằng tháng',
  quarter: 'Hằng quý',
  half_year: '6 tháng',
  nine_months: '9 tháng',
  year: 'Hằng năm',
  school_year: 'Năm học',
  custom: 'Theo kỳ tự định nghĩa',
};

/**
 * How a period's window is cut: `cutoff` is ND 09/2019 Art. 12 (month: 15th of the previous month
 * to the 14th; quarter, 6 and 9 months and year from the 15th of the month before), `calendar` is
 * the 1st to the last day. Day, week, 15 days and school year windows are the same in both modes.
 */
export const WINDOW_MODES = ['cutoff', 'calendar'] as const;
export type WindowMode = (typeof WINDOW_MODES)[number];
export const WINDOW_MODE_LABELS: Record<WindowMode, string> = {
  cutoff: 'Theo Nghị định 09/2019/NĐ-CP (từ ngày 15 kỳ trước đến ngày 14 kỳ này)',
  calendar: 'Theo lịch (từ ngày đầu đến ngày cuối kỳ)',
};

/**
 * One period of a regular type. `year` is the calendar year the period belongs to (for a school
 * year: the year it starts, 2026 = "Năm học 2026–2027"; for a week: the ISO week-numbering year).
 * `index`: day → day of the year (1–366), half_month → 1–24 (2 per month: 1st–14th, 15th–end),
 * week → ISO week 1–53, month → 1–12, quarter → 1–4, half_year → 1–2, nine_months, year and
 * school_year → 1.
 */
export interface PeriodKey {
  type: Exclude<PeriodType, 'custom'>;
  year: number;
  index: number;
}

/** An inclusive range of calendar dates: the figures of `start` 00:00 up to `end` 24:00. */
export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

export interface WindowOptions {
  mode: WindowMode;
  /** Last day of a school year (month and day in the following calendar year); default 31/5. */
  schoolYearEnd?: { month: number; day: number };
}

/**
 * When a period's report must be sent.
 * - `day_of_month`: a fixed day and time in the month that is `monthOffset` months after the month
 *   in which the window ends (0 = the reporting month itself: "trước ngày 20 của tháng báo cáo").
 *   A day past the month's end is the last day of that month.
 * - `days_after`: `days` calendar days after the window's last day at `time` (daily reports
 *   "16:30 ngày hôm sau" = { days: 1, time: '16:30' }).
 * - `working_days_after`: the `days`-th working day after the window's last day (R10).
 * - `fixed_date`: an explicit date (thematic and ad hoc regimes, custom periods).
 * `rollForward` (default true): a deadline on a non-working day moves to the next working day.
 */
export type DeadlineRule =
  | { kind: 'day_of_month'; monthOffset: number; day: number; time: LocalTime; rollForward?: boolean }
  | { kind: 'days_after'; days: number; time: LocalTime; rollForward?: boolean }
  | { kind: 'working_days_after'; days: number; time: LocalTime; rollForward?: boolean }
  | { kind: 'fixed_date'; date: IsoDate; time: LocalTime; rollForward?: boolean };

export interface Deadline {
  date: IsoDate;
  time: LocalTime;
  /** The same moment as a UTC instant. */
  at: Date;
}

/** A day the Government announced differently from the rules: an extra day off, or a Saturday worked. */
export interface CalendarAdjustment {
  date: IsoDate;
  kind: 'holiday' | 'working_day';
  name: string;
}

export interface Holiday {
  date: IsoDate;
  name: string;
  /** Where it comes from: the Labour Code rule, a compensatory day, or the administrator's list. */
  source: 'law' | 'compensatory' | 'announced';
}

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

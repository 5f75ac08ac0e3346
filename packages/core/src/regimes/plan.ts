import type { RegimeContent } from '../api/regimes.ts';
import type { WorkingCalendar } from '../periods/calendar.ts';
import { addDays, formatIsoDate, maxIsoDate, minIsoDate } from '../periods/dates.ts';
import { checkDeadline, computeDeadline } from '../periods/deadlines.ts';
import { periodCode, periodLabel, periodsEndingBetween, periodWindow } from '../periods/periods.ts';
import { formatVnDateTime, vnToUtc } from '../periods/timezone.ts';
import type { DateWindow, Deadline, IsoDate, LocalTime, PeriodKey, PeriodType, WindowOptions } from '../periods/types.ts';

export interface PlannedDeadline {
  label: string;
  date: IsoDate;
  time: LocalTime;
  at: Date;
}

/** A period of a regime as the rules compute it (before it is opened). */
export interface PlannedPeriod {
  /** 'M2026-11', … for regular periods; 'C1', 'C2', … (by start date) for custom ones. */
  code: string;
  type: PeriodType;
  /** Null for a custom period. */
  key: PeriodKey | null;
  label: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  /** windowStart − openLeadDays. */
  opensOn: IsoDate;
  /** One per level (LEGAL R9): level 0 first, each lower level due earlier. */
  deadlines: PlannedDeadline[];
}

export interface RegimeProblem {
  code: 'REGIME_INVALID' | 'DEADLINE_TOO_EARLY' | 'DEADLINE_LEVELS_ORDER' | 'CUSTOM_PERIODS_OVERLAP';
  /** Where in the content, e.g. 'deadlines.0.rule', 'customPeriods.2', 'effectiveTo'. */
  path: string;
  message: string;
}

const DEFAULT_LEVEL_LABEL = 'Hạn gửi báo cáo';
const MIN_DATE = '0001-01-01';
const MAX_DATE = '9999-12-31';

function windowOptions(content: RegimeContent): WindowOptions {
  return { mode: content.windowMode, ...(content.schoolYearEnd ? { schoolYearEnd: content.schoolYearEnd } : {}) };
}

function withLabel(label: string, d: Deadline): PlannedDeadline {
  return { label, date: d.date, time: d.time, at: d.at };
}

/** Custom periods sorted by start (then end), each with its code 'C1', 'C2', … and its index in the content. */
function sortedCustomPeriods(content: RegimeContent): { code: string; index: number; period: RegimeContent['customPeriods'][number] }[] {
  return content.customPeriods
    .map((period, index) => ({ period, index }))
    .sort((a, b) =>
      a.period.start !== b.period.start
        ? a.period.start < b.period.start
          ? -1
          : 1
        : a.period.end < b.period.end
          ? -1
          : a.period.end > b.period.end
            ? 1
            : a.index - b.index,
    )
    .map((p, i) => ({ ...p, code: `C${i + 1}` }));
}

interface PlannedWithSource extends PlannedPeriod {
  /** For a custom period, its index in `content.customPeriods`. */
  customIndex: number | null;
}

function plan(content: RegimeContent, calendar: WorkingCalendar, range: { from: IsoDate; to: IsoDate }): PlannedWithSource[] {
  const levels = content.deadlines;
  if (content.frequency === 'custom') {
    const result: PlannedWithSource[] = [];
    for (const { code, index, period } of sortedCustomPeriods(content)) {
      if (period.end < range.from || period.end > range.to) continue;
      const window: DateWindow = { start: period.start, end: period.end };
      const date = calendar.nextWorkingDayOnOrAfter(period.deadlineDate);
      const deadlines: PlannedDeadline[] = [
        { label: levels[0]?.label ?? DEFAULT_LEVEL_LABEL, date, time: period.deadlineTime, at: vnToUtc(date, period.deadlineTime) },
      ];
      for (const level of levels.slice(1)) deadlines.push(withLabel(level.label, computeDeadline(window, level.rule, calendar)));
      result.push({
        code,
        type: 'custom',
        key: null,
        label: period.label,
        windowStart: period.start,
        windowEnd: period.end,
        opensOn: addDays(period.start, -content.openLeadDays),
        deadlines,
        customIndex: index,
      });
    }
    return result;
  }

  const from = maxIsoDate(range.from, content.effectiveFrom);
  const to = minIsoDate(range.to, content.effectiveTo ?? range.to);
  const opts = windowOptions(content);
  return periodsEndingBetween(content.frequency, from, to, opts).map((key) => {
    const window = periodWindow(key, opts);
    return {
      code: periodCode(key),
      type: key.type,
      key,
      label: periodLabel(key),
      windowStart: window.start,
      windowEnd: window.end,
      opensOn: addDays(window.start, -content.openLeadDays),
      deadlines: levels.map((level) => withLabel(level.label, computeDeadline(window, level.rule, calendar))),
      customIndex: null,
    };
  });
}

/**
 * The periods of a regime whose window ends in `range`, with their windows and deadlines. A regular
 * frequency yields the periods whose cut-off falls in both the range and the regime's effective
 * range; a custom one its listed periods (whatever the effective range), sorted by start and coded
 * 'C1', 'C2', …, level 0 due at the listed date and time (moved to a working day).
 */
export function planPeriods(content: RegimeContent, calendar: WorkingCalendar, range: { from: IsoDate; to: IsoDate }): PlannedPeriod[] {
  return plan(content, calendar, range).map(({ customIndex: _customIndex, ...period }) => period);
}

function addYears(d: IsoDate, years: number): IsoDate {
  const year = Number(d.slice(0, 4)) + years;
  // 29/2 + 1 year → 28/2 (no such day), which is fine for a horizon.
  const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
  return `${String(year).padStart(4, '0')}-${md}`;
}

/**
 * Problems of a regime's content (Vietnamese messages), empty when it may be saved (or published,
 * with `forPublish`). Deadlines are checked on every period of the first two years from
 * `effectiveFrom` (or every custom period); each distinct problem is reported once, on the first
 * period showing it.
 */
export function validateRegimeContent(content: RegimeContent, calendar: WorkingCalendar, opts: { forPublish: boolean }): RegimeProblem[] {
  const problems: RegimeProblem[] = [];
  const reported = new Set<string>();
  const report = (problem: RegimeProblem): void => {
    const key = `${problem.code}|${problem.path}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(problem);
  };

  if (content.effectiveTo !== null && content.effectiveTo < content.effectiveFrom) {
    report({
      code: 'REGIME_INVALID',
      path: 'effectiveTo',
      message: `Ngày hết hiệu lực ${formatIsoDate(content.effectiveTo)} trước ngày bắt đầu hiệu lực ${formatIsoDate(content.effectiveFrom)}.`,
    });
  }
  if ((content.kind === 'chuyen_de' || content.kind === 'dot_xuat') && content.frequency !== 'custom') {
    report({
      code: 'REGIME_INVALID',
      path: 'frequency',
      message: 'Báo cáo chuyên đề và báo cáo đột xuất phải khai báo kỳ báo cáo tự định nghĩa.',
    });
  }
  if (content.deadlines.length === 0) {
    report({ code: 'REGIME_INVALID', path: 'deadlines', message: 'Chưa khai báo thời hạn gửi báo cáo.' });
  }

  if (content.frequency === 'custom') {
    if (content.customPeriods.length === 0) {
      report({ code: 'REGIME_INVALID', path: 'customPeriods', message: 'Chưa khai báo kỳ báo cáo nào.' });
    }
    content.customPeriods.forEach((p, i) => {
      if (p.start > p.end) {
        report({
          code: 'REGIME_INVALID',
          path: `customPeriods.${i}`,
          message: `Kỳ "${p.label}": ngày bắt đầu ${formatIsoDate(p.start)} sau ngày kết thúc ${formatIsoDate(p.end)}.`,
        });
      }
    });
    // Sorted by start, a period overlaps an earlier one exactly when it starts before the latest end so far.
    let latest: { index: number; label: string; start: IsoDate; end: IsoDate } | null = null;
    for (const { index, period } of sortedCustomPeriods(content)) {
      if (period.start > period.end) continue;
      if (latest && period.start <= latest.end) {
        report({
          code: 'CUSTOM_PERIODS_OVERLAP',
          path: `customPeriods.${index}`,
          message:
            `Kỳ "${period.label}" (${formatIsoDate(period.start)}–${formatIsoDate(period.end)}) trùng thời gian với kỳ ` +
            `"${latest.label}" (${formatIsoDate(latest.start)}–${formatIsoDate(latest.end)}).`,
        });
      }
      if (!latest || period.end > latest.end) latest = { index, label: period.label, start: period.start, end: period.end };
    }
  }

  const range =
    content.frequency === 'custom'
      ? { from: MIN_DATE, to: MAX_DATE }
      : { from: content.effectiveFrom, to: minIsoDate(addDays(addYears(content.effectiveFrom, 2), -1), content.effectiveTo ?? MAX_DATE) };
  for (const period of plan(content, calendar, range)) {
    const window: DateWindow = { start: period.windowStart, end: period.windowEnd };
    period.deadlines.forEach((deadline, i) => {
      const problem = checkDeadline(window, deadline, calendar);
      if (problem) {
        const path = period.customIndex !== null && i === 0 ? `customPeriods.${period.customIndex}` : `deadlines.${i}.rule`;
        report({ code: 'DEADLINE_TOO_EARLY', path, message: `${period.label}: ${problem}` });
      }
      const upper = period.deadlines[i - 1];
      if (upper && deadline.at.getTime() >= upper.at.getTime()) {
        report({
          code: 'DEADLINE_LEVELS_ORDER',
          path: `deadlines.${i}.rule`,
          message:
            `${period.label}: hạn gửi của cấp "${deadline.label}" (${formatVnDateTime(deadline.at)}) phải sớm hơn ` +
            `hạn gửi của cấp "${upper.label}" (${formatVnDateTime(upper.at)}).`,
        });
      }
    });
  }

  if (opts.forPublish) {
    if (content.outlineFormId === null && content.contentKind !== 'numeric') {
      report({ code: 'REGIME_INVALID', path: 'outlineFormId', message: 'Chưa chọn mẫu đề cương báo cáo.' });
    }
    if (content.formIds.length === 0 && content.contentKind !== 'text') {
      report({ code: 'REGIME_INVALID', path: 'formIds', message: 'Chưa chọn biểu mẫu số liệu.' });
    }
  }
  return problems;
}

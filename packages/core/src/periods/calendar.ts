import { daysFromCivil, formatIsoDate, fromDayNumber, isValidIsoDate, toDayNumber } from './dates.ts';
import { compensatoryDays, isWeekend, statutoryHolidays } from './holidays.ts';
import type { CalendarAdjustment, Holiday, IsoDate } from './types.ts';

/** Which days are worked, after the Labour Code and the Government's announcements. */
export interface WorkingCalendar {
  isWorkingDay(d: IsoDate): boolean;
  /** The holiday (law, compensatory or announced) on `d`, or null. */
  holidayOf(d: IsoDate): Holiday | null;
  /**
   * The days off of `year` other than ordinary weekends, sorted: the law's holidays (a law holiday
   * falling on a weekend is listed too, its compensatory day follows it), compensatory days and
   * announced ones; minus those cancelled by a 'working_day' adjustment.
   */
  holidaysOf(year: number): Holiday[];
  /** Saturdays and Sundays worked by announcement. */
  workingWeekendsOf(year: number): IsoDate[];
  nextWorkingDayOnOrAfter(d: IsoDate): IsoDate;
  /** n ≥ 1: the n-th working day strictly after d (n ≤ −1: the |n|-th strictly before; 0: d). */
  addWorkingDays(d: IsoDate, n: number): IsoDate;
  /** The number of working days in (a, b] (negative when b < a). */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
}

interface YearInfo {
  year: number;
  /** Day number of 1 January. */
  first: number;
  /** Day number of 31 December. */
  last: number;
  /** 1 = working day, by day of the year (0-based). */
  working: Uint8Array;
  holidays: Holiday[];
  holidayByDate: Map<IsoDate, Holiday>;
  workingWeekends: IsoDate[];
}

function byDate<T extends { date: IsoDate }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * A working-day calendar: Saturdays, Sundays, the law's holidays and their compensatory days are off;
 * a 'holiday' adjustment adds a day off (source 'announced'), a 'working_day' adjustment makes the
 * day worked (a Saturday worked, or a computed holiday the Government moved). Years are computed on
 * first use and cached.
 */
export function createWorkingCalendar(adjustments: CalendarAdjustment[] = []): WorkingCalendar {
  const adjustmentsByYear = new Map<number, CalendarAdjustment[]>();
  for (const a of adjustments) {
    const year = Number(a.date.slice(0, 4));
    const list = adjustmentsByYear.get(year) ?? [];
    list.push(a);
    adjustmentsByYear.set(year, list);
  }
  const years = new Map<number, YearInfo>();
  let lastInfo: YearInfo | null = null;

  function buildYear(year: number): YearInfo {
    const own = adjustmentsByYear.get(year) ?? [];
    const workedDays = new Set(own.filter((a) => a.kind === 'working_day').map((a) => a.date));
    const announced = new Map<IsoDate, Holiday>();
    for (const a of own) if (a.kind === 'holiday') announced.set(a.date, { date: a.date, name: a.name, source: 'announced' });

    const law = statutoryHolidays(year).filter((h) => !workedDays.has(h.date));
    const compensatory = compensatoryDays(law, new Set(announced.keys())).filter((h) => !workedDays.has(h.date));
    const holidayByDate = new Map<IsoDate, Holiday>();
    for (const h of [...law, ...compensatory]) holidayByDate.set(h.date, h);
    // The administrator's entry wins over a computed one on the same day.
    for (const h of announced.values()) holidayByDate.set(h.date, h);

    const first = daysFromCivil(year, 1, 1);
    const last = daysFromCivil(year, 12, 31);
    const working = new Uint8Array(last - first + 1);
    const workingWeekends: IsoDate[] = [];
    for (let n = first; n <= last; n++) {
      const date = fromDayNumber(n);
      const weekend = isWeekend(date);
      let isWorking = !weekend && !holidayByDate.has(date);
      if (workedDays.has(date)) {
        isWorking = true;
        if (weekend) workingWeekends.push(date);
      }
      working[n - first] = isWorking ? 1 : 0;
    }
    return {
      year,
      first,
      last,
      working,
      holidays: [...holidayByDate.values()].sort(byDate),
      holidayByDate,
      workingWeekends,
    };
  }

  function yearInfo(year: number): YearInfo {
    let info = years.get(year);
    if (!info) {
      info = buildYear(year);
      years.set(year, info);
    }
    return info;
  }

  function infoForDay(n: number): YearInfo {
    if (lastInfo && n >= lastInfo.first && n <= lastInfo.last) return lastInfo;
    const info = yearInfo(Number(fromDayNumber(n).slice(0, 4)));
    lastInfo = info;
    return info;
  }

  function workingAt(n: number): boolean {
    const info = infoForDay(n);
    return info.working[n - info.first] === 1;
  }

  function holidayOf(d: IsoDate): Holiday | null {
    return yearInfo(Number(d.slice(0, 4))).holidayByDate.get(d) ?? null;
  }

  return {
    isWorkingDay: (d) => workingAt(toDayNumber(d)),
    holidayOf,
    holidaysOf: (year) => yearInfo(year).holidays.map((h) => ({ ...h })),
    workingWeekendsOf: (year) => [...yearInfo(year).workingWeekends],
    nextWorkingDayOnOrAfter(d) {
      let n = toDayNumber(d);
      while (!workingAt(n)) n++;
      return fromDayNumber(n);
    },
    addWorkingDays(d, count) {
      let n = toDayNumber(d);
      const step = count >= 0 ? 1 : -1;
      let remaining = Math.abs(Math.trunc(count));
      while (remaining > 0) {
        n += step;
        if (workingAt(n)) remaining--;
      }
      return fromDayNumber(n);
    },
    workingDaysBetween(a, b) {
      const na = toDayNumber(a);
      const nb = toDayNumber(b);
      const [lo, hi, sign] = na <= nb ? [na, nb, 1] : [nb, na, -1];
      let count = 0;
      for (let n = lo + 1; n <= hi; n++) if (workingAt(n)) count++;
      return sign * count;
    },
  };
}

const ADJUSTMENT_KINDS = new Set(['holiday', 'working_day']);

/** Problems of an administrator's list of calendar adjustments, with Vietnamese messages. */
export function validateAdjustments(list: { date: string; kind: string; name: string }[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const date = typeof item.date === 'string' ? item.date : '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      problems.push({ index, message: `Ngày "${date}" không đúng định dạng ngày.` });
    } else if (!isValidIsoDate(date)) {
      problems.push({ index, message: `Ngày ${formatIsoDate(date)} không tồn tại.` });
    } else {
      const earlier = seen.get(date);
      if (earlier === undefined) seen.set(date, index);
      else problems.push({ index, message: `Ngày ${formatIsoDate(date)} bị trùng với dòng ${earlier + 1}.` });
    }
    if (!ADJUSTMENT_KINDS.has(item.kind)) {
      problems.push({ index, message: `Loại ngày "${item.kind}" không hợp lệ (chỉ nhận ngày nghỉ hoặc ngày làm việc).` });
    }
    if (typeof item.name !== 'string' || item.name.trim() === '') {
      const which = isValidIsoDate(date) ? `Ngày ${formatIsoDate(date)}: c` : 'C';
      problems.push({ index, message: `${which}hưa nhập tên ngày nghỉ hoặc ngày làm việc.` });
    }
  });
  return problems;
}

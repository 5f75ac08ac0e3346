import type { CalendarYearResponse } from '@baocao/core';

export const WEEKDAY_HEADERS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] as const;
export const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'] as const;
export const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);

export const HOLIDAY_SOURCE_LABELS: Record<CalendarYearResponse['holidays'][number]['source'], string> = {
  law: 'Nghỉ lễ, Tết theo Bộ luật Lao động',
  compensatory: 'Nghỉ bù',
  announced: 'Nghỉ theo thông báo',
};

export const ADJUSTMENT_KIND_LABELS = { holiday: 'Ngày nghỉ', working_day: 'Ngày làm việc (làm bù)' } as const;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOf(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The weeks of a month (1–12), Monday first; days outside the month are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = isoOf(year, month, 1);
  const lead = (weekdayOf(first) + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(isoOf(year, month, d));
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export type DayKind = 'working' | 'weekend' | 'holiday' | 'working_weekend';

export interface DayInfo {
  kind: DayKind;
  /** Names of the holidays on the day (several sources may name it). */
  names: string[];
  sources: CalendarYearResponse['holidays'][number]['source'][];
}

/** How each day of the year stands: working, weekend, a day off (with its names), or a weekend worked. */
export function classifyDays(data: Pick<CalendarYearResponse, 'holidays' | 'workingWeekends'>): (iso: string) => DayInfo {
  const holidays = new Map<string, DayInfo>();
  for (const h of data.holidays) {
    const info = holidays.get(h.date) ?? { kind: 'holiday' as const, names: [], sources: [] };
    if (!info.names.includes(h.name)) info.names.push(h.name);
    if (!info.sources.includes(h.source)) info.sources.push(h.source);
    holidays.set(h.date, info);
  }
  const worked = new Set(data.workingWeekends);
  return (iso) => {
    const holiday = holidays.get(iso);
    if (holiday) return holiday;
    if (worked.has(iso)) return { kind: 'working_weekend', names: [], sources: [] };
    const wd = weekdayOf(iso);
    return { kind: wd === 0 || wd === 6 ? 'weekend' : 'working', names: [], sources: [] };
  };
}

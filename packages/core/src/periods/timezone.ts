import { formatIsoDate, fromDayNumber, toDayNumber } from './dates.ts';
import type { IsoDate, LocalTime } from './types.ts';

/** Vietnam is UTC+7 all year (no daylight saving time). */
const VN_OFFSET_MINUTES = 7 * 60;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseLocalTime(time: LocalTime): number {
  const m = LOCAL_TIME.exec(time);
  if (!m) throw new RangeError(`Invalid time: ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 'YYYY-MM-DD' 'HH:mm' in Vietnam → the UTC instant. */
export function vnToUtc(date: IsoDate, time: LocalTime): Date {
  const minutes = toDayNumber(date) * DAY_MINUTES + parseLocalTime(time) - VN_OFFSET_MINUTES;
  return new Date(minutes * MINUTE_MS);
}

/** The Vietnam calendar date and time (minutes, seconds dropped) of an instant. */
export function utcToVn(at: Date): { date: IsoDate; time: LocalTime } {
  const minutes = Math.floor(at.getTime() / MINUTE_MS) + VN_OFFSET_MINUTES;
  const day = Math.floor(minutes / DAY_MINUTES);
  const minuteOfDay = minutes - day * DAY_MINUTES;
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return { date: fromDayNumber(day), time: `${hh}:${mm}` };
}

/** Today's date in Vietnam at the instant `at`. */
export function vnToday(at: Date): IsoDate {
  return utcToVn(at).date;
}

/** 'HH:mm dd/mm/yyyy' in Vietnam time. */
export function formatVnDateTime(at: Date): string {
  const { date, time } = utcToVn(at);
  return `${time} ${formatIsoDate(date)}`;
}

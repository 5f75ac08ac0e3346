/** Display formats users read: dd/mm/yyyy, 24-hour time, Asia/Ho_Chi_Minh, Vietnamese numbers. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** 23/11/2026 */
export function formatDate(value: Date | string): string {
  return dateFormat.format(toDate(value));
}

/** 23/11/2026 10:05:09 */
export function formatDateTime(value: Date | string): string {
  const date = toDate(value);
  return `${dateFormat.format(date)} ${timeFormat.format(date)}`;
}

/** 1.234.567,5 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A calendar date (YYYY-MM-DD) as dd/mm/yyyy, without any time-zone shift. */
export function formatIsoDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Vietnam, YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return isoDateFormat.format(now);
}

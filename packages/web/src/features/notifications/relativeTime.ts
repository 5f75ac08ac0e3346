import { formatDateTimeShort } from '../../shared/dates.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "Vừa xong", "5 phút trước", "3 giờ trước"; a day or more ago, dd/mm/yyyy HH:mm (Vietnam time). */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const elapsed = Math.max(0, now - new Date(iso).getTime());
  if (elapsed < MINUTE) return 'Vừa xong';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} phút trước`;
  if (elapsed < 24 * HOUR) return `${Math.floor(elapsed / HOUR)} giờ trước`;
  return formatDateTimeShort(iso);
}

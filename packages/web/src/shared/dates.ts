import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime, formatIsoDate } from '@baocao/core';

export const DATE_FORMAT = 'DD/MM/YYYY';

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh */
export function formatDateTimeShort(value: string): string {
  return formatDateTime(value).slice(0, 16);
}

/** A calendar date (YYYY-MM-DD, possibly with a time part) as dd/mm/yyyy, or a dash. */
export function showIsoDate(value: string | null | undefined): string {
  if (!value) return '—';
  return formatIsoDate(value.slice(0, 10));
}

export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromIsoDate(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value.slice(0, 10), 'YYYY-MM-DD') : null;
}

export function isFuture(value: string | null | undefined): boolean {
  return !!value && new Date(value).getTime() > Date.now();
}

import { formatIsoDate, TIME_ZONE, type AssignmentStatus, type PeriodState, type Timeliness } from '@baocao/core';

const vnParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as 'HH:mm dd/mm/yyyy' in Vietnam time ("17:00 16/12/2026"), or a dash. */
export function formatDeadline(at: string | Date | null | undefined): string {
  if (!at) return '—';
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '—';
  const parts = Object.fromEntries(vnParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/** A deadline given as a date and a local time: "17:00 16/12/2026". */
export function formatLocalDeadline(date: string, time: string): string {
  return `${time} ${formatIsoDate(date)}`;
}

/** A cut-off window: "15/11/2026 – 14/12/2026". */
export function formatWindow(start: string, end: string): string {
  return `${formatIsoDate(start)} – ${formatIsoDate(end)}`;
}

/** The Vietnam calendar date and time of an instant (for pre-filling date and time pickers). */
export function vnDateTimeOf(at: string): { date: string; time: string } {
  const parts = Object.fromEntries(vnParts.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export const TIMELINESS_COLORS: Record<Timeliness, string> = {
  on_time: 'green',
  late: 'orange',
  pending: 'blue',
  due_soon: 'gold',
  overdue: 'red',
  cancelled: 'default',
};

export const PERIOD_STATE_COLORS: Record<PeriodState, string> = {
  open: 'processing',
  extended: 'warning',
  closed: 'default',
};

export const ASSIGNMENT_STATUS_COLORS: Record<AssignmentStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  sent: 'success',
  accepted: 'green',
  returned: 'volcano',
  cancelled: 'default',
};

export const REGIME_STATUS_COLORS = { draft: 'default', active: 'green', stopped: 'red' } as const;

/** "12/114 đã gửi": sent and accepted out of every assignment. */
export function progressText(counts: Partial<Record<AssignmentStatus, number>>, total: number): string {
  const done = (counts.sent ?? 0) + (counts.accepted ?? 0);
  return `${done}/${total} đã gửi`;
}

export function progressPercent(counts: Partial<Record<AssignmentStatus, number>>, total: number): number {
  if (total <= 0) return 0;
  return Math.round((((counts.sent ?? 0) + (counts.accepted ?? 0)) / total) * 100);
}

/** A calendar date moved by `days` (YYYY-MM-DD, no time zone involved). */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

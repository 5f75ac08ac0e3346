import type { AssignmentStatus, Timeliness } from '../api/regimes.ts';

const HOUR_MS = 3_600_000;

/**
 * How an assignment stands against its deadline: cancelled; sent on time or late; not sent and
 * overdue, due within `dueSoonDays` days, or still pending.
 */
export function timelinessOf(a: {
  status: AssignmentStatus;
  deadlineAt: Date;
  sentAt: Date | null;
  now: Date;
  dueSoonDays: number;
}): Timeliness {
  if (a.status === 'cancelled') return 'cancelled';
  if (a.sentAt) return a.sentAt.getTime() <= a.deadlineAt.getTime() ? 'on_time' : 'late';
  const left = a.deadlineAt.getTime() - a.now.getTime();
  if (left < 0) return 'overdue';
  if (left <= a.dueSoonDays * 24 * HOUR_MS) return 'due_soon';
  return 'pending';
}

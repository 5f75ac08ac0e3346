import { formatIsoDate, formatVnDateTime, timelinessOf, type AssignmentStatus, type Timeliness } from '@baocao/core';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../jobs/clock.ts';
import type { RequestContext } from '../access/index.ts';

/** What the scheduler's use cases need: no request, no actor. */
export interface SystemDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** The context of changes the scheduler makes: the audit log records them without an actor. */
export const SYSTEM_CONTEXT: RequestContext = { actor: null, ip: null, userAgent: null };
export const SYSTEM_ACTOR_NAME = 'Hệ thống (tự động)';

/** Where notifications about assignments take the user. */
export const TASKS_LINK = '/viec-can-lam';

/** "17:00 16/12/2026" for an instant, in Vietnam's time. */
export function deadlineText(at: Date): string {
  return formatVnDateTime(at);
}

/** "15/11/2026 – 14/12/2026". */
export function windowText(start: string, end: string): string {
  return `${formatIsoDate(start)} – ${formatIsoDate(end)}`;
}

export function timeliness(
  a: { status: string; deadlineAt: Date; sentAt: Date | null },
  now: Date,
  config: Pick<Config, 'dueSoonDays'>,
): Timeliness {
  return timelinessOf({
    status: a.status as AssignmentStatus,
    deadlineAt: a.deadlineAt,
    sentAt: a.sentAt,
    now,
    dueSoonDays: config.dueSoonDays,
  });
}

/** Statuses in which the unit still has to send. */
export const UNSENT_STATUSES: readonly AssignmentStatus[] = ['not_started', 'in_progress', 'returned'];

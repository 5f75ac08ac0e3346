import type { NotificationKind } from '@baocao/core';
import type { ScheduledTask } from '../../jobs/types.ts';
import { notifyUnits } from '../notifications/index.ts';
import { closeLocked } from './periods.ts';
import * as q from './queries.ts';
import { deadlineText, SYSTEM_ACTOR_NAME, SYSTEM_CONTEXT, type SystemDeps, TASKS_LINK } from './support.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders come at most 60 days before a deadline (regimeContent.reminders.daysBefore). */
const REMINDER_HORIZON_MS = 61 * DAY_MS;

/**
 * Closes the periods of regimes that refuse late reports once every deadline has passed. Each
 * period in its own transaction, re-checked under the row lock.
 */
export async function closeExpiredPeriods(deps: SystemDeps): Promise<number> {
  const now = deps.clock.now();
  let closed = 0;
  for (const { id } of await q.expiredPeriodsToClose(deps.db, now)) {
    const done = await deps.db.transaction(async (tx) => {
      const period = await q.lockPeriod(tx, id);
      if (!period || period.state === 'closed') return false;
      if ((await q.expiredPeriodsToClose(tx, now, id)).length === 0) return false;
      const found = await q.findPeriod(tx, id);
      await closeLocked(tx, deps, { period, regimeName: found!.regimeName, ownerUnitId: found!.ownerUnitId }, now, {
        ctx: SYSTEM_CONTEXT,
        actorName: SYSTEM_ACTOR_NAME,
        reason: 'Đã hết thời hạn gửi báo cáo; chế độ báo cáo không nhận báo cáo gửi muộn.',
      });
      return true;
    });
    if (done) closed++;
  }
  return closed;
}

interface ReminderSettings {
  daysBefore: number[];
  overdueEveryDays: number;
}

function settingsOf(raw: unknown): ReminderSettings {
  const r = (raw ?? {}) as Partial<ReminderSettings>;
  return {
    daysBefore: Array.isArray(r.daysBefore) ? r.daysBefore.filter((d) => typeof d === 'number') : [3, 1],
    overdueEveryDays: typeof r.overdueEveryDays === 'number' ? r.overdueEveryDays : 1,
  };
}

interface Reminder {
  assignmentId: string;
  periodId: string;
  unitId: string;
  kind: Extract<NotificationKind, 'deadline_soon' | 'overdue'>;
  dedupeKey: string;
  title: string;
  body: string;
  note: string;
}

/**
 * The one reminder an unsent assignment is due now, if any: before the deadline, the nearest
 * threshold passed (after an outage, not every one missed); after it, the current overdue round.
 * The deadline is part of the key, so that an extension re-arms the reminders.
 */
export function reminderFor(
  c: { id: string; periodId: string; unitId: string; deadlineAt: Date; periodLabel: string; regimeName: string; reminders: unknown },
  now: Date,
): Reminder | null {
  const settings = settingsOf(c.reminders);
  const deadline = c.deadlineAt.getTime();
  const at = c.deadlineAt.toISOString();
  const base = { assignmentId: c.id, periodId: c.periodId, unitId: c.unitId };
  const subject = `${c.periodLabel} — ${c.regimeName}`;
  if (now.getTime() < deadline) {
    const passed = settings.daysBefore.filter((d) => now.getTime() >= deadline - d * DAY_MS);
    if (passed.length === 0) return null;
    const d = Math.min(...passed);
    return {
      ...base,
      kind: 'deadline_soon',
      dedupeKey: `deadline_soon:${c.id}:${d}:${at}`,
      title: 'Sắp đến hạn gửi báo cáo',
      body: `${subject}: hạn gửi ${deadlineText(c.deadlineAt)} (còn dưới ${d} ngày).`,
      note: `Nhắc sắp đến hạn (trước ${d} ngày).`,
    };
  }
  const every = settings.overdueEveryDays;
  const round = every > 0 ? Math.floor((now.getTime() - deadline) / (every * DAY_MS)) : 0;
  return {
    ...base,
    kind: 'overdue',
    dedupeKey: `overdue:${c.id}:${at}:${round}`,
    title: 'Quá hạn gửi báo cáo',
    body: `${subject}: đã quá hạn gửi ${deadlineText(c.deadlineAt)} mà đơn vị chưa gửi báo cáo.`,
    note: round === 0 ? 'Nhắc quá hạn.' : `Nhắc quá hạn (lần ${round + 1}).`,
  };
}

/** Sends the reminders that are due; returns how many assignments were reminded. */
export async function sendReminders(deps: SystemDeps): Promise<number> {
  const now = deps.clock.now();
  const candidates = await q.reminderCandidates(deps.db, new Date(now.getTime() + REMINDER_HORIZON_MS));
  const due = candidates.flatMap((c) => reminderFor(c, now) ?? []);
  if (due.length === 0) return 0;
  const sent = await q.existingDedupeKeys(
    deps.db,
    due.map((r) => r.dedupeKey),
  );
  let reminded = 0;
  for (const r of due) {
    if (sent.has(r.dedupeKey)) continue;
    const created = await deps.db.transaction(async (tx) => {
      const n = await notifyUnits(tx, { now, config: deps.config }, [r.unitId], {
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: TASKS_LINK,
        dedupeKey: r.dedupeKey,
      });
      if (n > 0)
        await q.insertEvent(tx, { regimePeriodId: r.periodId, assignmentId: r.assignmentId, kind: 'reminded', reason: r.note, at: now });
      return n;
    });
    if (created > 0) reminded++;
  }
  return reminded;
}

export const closeExpiredPeriodsTask: ScheduledTask = {
  name: 'close-expired-periods',
  run: async (ctx) => ({ done: await closeExpiredPeriods(ctx) }),
};

export const remindersTask: ScheduledTask = {
  name: 'reminders',
  run: async (ctx) => ({ done: await sendReminders(ctx) }),
};

import { addDays, planPeriods, vnToday, type PlannedPeriod, type WorkingCalendar } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import type { ScheduledTask } from '../../jobs/types.ts';
import { recordAudit } from '../audit/index.ts';
import { loadWorkingCalendar } from '../calendar/index.ts';
import { notifyUnits } from '../notifications/index.ts';
import { type ActiveRegimeVersion, listActiveRegimeVersions, resolveReportingUnits } from '../regimes/index.ts';
import * as q from './queries.ts';
import { deadlineText, SYSTEM_ACTOR_NAME, SYSTEM_CONTEXT, type SystemDeps, TASKS_LINK, windowText } from './support.ts';

/** At most this many periods of one regime per run: a daily regime's backlog is caught up over a few ticks. */
const MAX_PERIODS_PER_RUN = 500;

type ActiveVersion = ActiveRegimeVersion;

/**
 * Opens every period that is due (its opening day has come, in Vietnam) and not opened yet, with
 * one level-0 assignment per reporting unit: for every active regime, or only `regimeId`.
 * Idempotent and safe when two processes run it at once (an advisory lock per regime and the
 * unique period code); after downtime it catches up the periods it missed.
 */
export async function openDuePeriods(deps: SystemDeps, opts: { regimeId?: string } = {}): Promise<{ opened: number }> {
  const now = deps.clock.now();
  const versions = await listActiveRegimeVersions(deps.db, opts.regimeId ? { regimeId: opts.regimeId } : {});
  if (versions.length === 0) return { opened: 0 };
  const calendar = await loadWorkingCalendar(deps.db);
  let opened = 0;
  const failures: { regimeCode: string; error: unknown }[] = [];
  // One regime's problem must not hold back the others' periods.
  for (const version of versions) {
    try {
      opened += await openRegimePeriods(deps, version, calendar, now);
    } catch (error) {
      failures.push({ regimeCode: version.regimeCode, error });
    }
  }
  if (failures.length === 1) throw failures[0]!.error;
  if (failures.length > 1) {
    throw new AggregateError(
      failures.map((f) => f.error),
      `opening periods failed for regimes ${failures.map((f) => f.regimeCode).join(', ')}`,
    );
  }
  return { opened };
}

/** The periods of one regime version that are due now and not yet opened, oldest first. */
export async function duePeriods(db: Db, version: ActiveVersion, calendar: WorkingCalendar, now: Date): Promise<PlannedPeriod[]> {
  const content = version.content;
  const today = vnToday(now);
  // Regular periods follow one another: start after the latest one opened, so that a daily regime
  // does not re-plan years. Listed (custom) periods are few, may come in any order and are opened
  // whatever the effective range.
  const listed = content.frequency === 'custom';
  const latest = listed ? null : await q.latestWindowEnd(db, version.regimeId);
  const afterLatest = latest ? addDays(latest, 1) : null;
  const from = listed ? '0001-01-01' : afterLatest && afterLatest > content.effectiveFrom ? afterLatest : content.effectiveFrom;
  const to = addDays(today, content.openLeadDays + 366);
  if (from > to) return [];
  const existing = await q.openedCodesSince(db, version.regimeId, from);
  return planPeriods(content, calendar, { from, to })
    .filter((p) => p.opensOn <= today && !existing.has(p.code))
    .sort((a, b) => (a.windowEnd === b.windowEnd ? a.code.localeCompare(b.code) : a.windowEnd < b.windowEnd ? -1 : 1))
    .slice(0, MAX_PERIODS_PER_RUN);
}

async function openRegimePeriods(deps: SystemDeps, version: ActiveVersion, calendar: WorkingCalendar, now: Date): Promise<number> {
  let opened = 0;
  for (const period of await duePeriods(deps.db, version, calendar, now)) {
    if (await openPeriod(deps, version, period, now)) opened++;
  }
  return opened;
}

/** Opens one period in its own transaction; false when it was already open (another process won). */
async function openPeriod(deps: SystemDeps, version: ActiveVersion, planned: PlannedPeriod, now: Date): Promise<boolean> {
  const { content } = version;
  const top = planned.deadlines[0];
  if (!top) throw new Error(`regime ${version.regimeCode}: period ${planned.code} has no deadline`);
  return deps.db.transaction(async (tx) => {
    await q.lockRegimeForOpening(tx, version.regimeId);
    if (await q.periodCodeExists(tx, version.regimeId, planned.code)) return false;

    const formIds = [...new Set([...content.formIds, ...(content.outlineFormId ? [content.outlineFormId] : [])])];
    const latestVersions = new Map((await q.latestPublishedVersions(tx, formIds)).map((v) => [v.formId, v.versionId]));
    const formVersionIds = formIds.flatMap((id) => latestVersions.get(id) ?? []);

    const period = await q.insertPeriod(tx, {
      regimeId: version.regimeId,
      regimeVersionId: version.versionId,
      periodCode: planned.code,
      periodType: planned.type,
      label: planned.label,
      windowStart: planned.windowStart,
      windowEnd: planned.windowEnd,
      deadlines: planned.deadlines.map((d): q.StoredDeadline => ({ label: d.label, date: d.date, time: d.time, at: d.at.toISOString() })),
      deadlineAt: top.at,
      state: 'open',
      formVersionIds,
      openedAt: now,
    });
    if (!period) return false;

    const units = (await resolveReportingUnits(tx, content.reportingUnits)).filter((u) => u.id !== content.receivingUnitId);
    await q.insertAssignments(
      tx,
      units.map((u) => ({
        regimePeriodId: period.id,
        unitId: u.id,
        receivingUnitId: content.receivingUnitId,
        level: 0,
        deadlineAt: top.at,
        originalDeadlineAt: top.at,
        formVersionIds,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await q.insertEvent(tx, { regimePeriodId: period.id, kind: 'opened', newDeadlineAt: top.at, at: now });
    await recordAudit(tx, SYSTEM_CONTEXT, {
      action: 'period.opened',
      targetType: 'regime_period',
      targetId: period.id,
      unitId: version.ownerUnitId,
      actorName: SYSTEM_ACTOR_NAME,
      summary: {
        regimeId: version.regimeId,
        regimeVersionId: version.versionId,
        code: planned.code,
        label: planned.label,
        windowStart: planned.windowStart,
        windowEnd: planned.windowEnd,
        deadlineAt: top.at.toISOString(),
        units: units.length,
      },
    });
    await notifyUnits(
      tx,
      { now, config: deps.config },
      units.map((u) => u.id),
      {
        kind: 'assignment_new',
        title: 'Có báo cáo mới cần thực hiện',
        body: `${planned.label} — ${version.regimeName}: kỳ chốt số liệu ${windowText(planned.windowStart, planned.windowEnd)}, hạn gửi ${deadlineText(top.at)}`,
        link: TASKS_LINK,
        dedupeKey: `assignment_new:${period.id}`,
      },
    );
    return true;
  });
}

export const openPeriodsTask: ScheduledTask = {
  name: 'open-periods',
  run: async (ctx) => ({ done: (await openDuePeriods(ctx)).opened }),
};

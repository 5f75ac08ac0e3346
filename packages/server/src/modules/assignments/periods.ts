import {
  vnToUtc,
  type closePeriodBody,
  type extendPeriodBody,
  type monitoringQuery,
  type MonitoringResponse,
  type RegimeContent,
  type RegimePeriodDetail,
  type RegimePeriodSummary,
} from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type AuthedContext, authorize } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyUnits } from '../notifications/index.ts';
import { countsByPeriod, emptyCounts, orderForms, presentAssignmentSummary, presentPeriodSummary } from './presenter.ts';
import * as q from './queries.ts';
import { deadlineText, type SystemDeps, TASKS_LINK, timeliness } from './support.ts';

type CloseInput = z.output<typeof closePeriodBody>;
type ExtendInput = z.output<typeof extendPeriodBody>;
type MonitoringInput = z.output<typeof monitoringQuery>;

/**
 * The periods of a regime as its owner manages them: the list, the monitoring table (units ×
 * periods), one period's detail, and closing, reopening and extending (gia hạn) a period. Everything
 * here needs 'regime.manage' on the regime's owner unit; the receiving unit may read a period's detail.
 */

/** At most this many periods in one monitoring table (a daily regime over a long range). */
const MAX_MONITORING_PERIODS = 400;

async function loadManagedRegime(db: Db, ctx: AuthedContext, regimeId: string): Promise<q.RegimeHeaderRow> {
  const header = await q.findRegimeHeader(db, regimeId);
  if (!header) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy chế độ báo cáo.');
  await authorize(db, ctx.actor, 'regime.manage', [header.ownerUnitId]);
  return header;
}

async function loadPeriod(db: Db, id: string): Promise<q.PeriodWithRegime> {
  const found = await q.findPeriod(db, id);
  if (!found) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy kỳ báo cáo.');
  return found;
}

async function loadManagedPeriod(db: Db, ctx: AuthedContext, id: string): Promise<q.PeriodWithRegime> {
  const found = await loadPeriod(db, id);
  await authorize(db, ctx.actor, 'regime.manage', [found.ownerUnitId]);
  return found;
}

export async function listPeriods(deps: SystemDeps, ctx: AuthedContext, regimeId: string): Promise<{ items: RegimePeriodSummary[] }> {
  await loadManagedRegime(deps.db, ctx, regimeId);
  const periods = await q.periodsOfRegime(deps.db, regimeId);
  const counts = countsByPeriod(
    await q.statusCounts(
      deps.db,
      periods.map((p) => p.id),
    ),
  );
  return { items: periods.map((p) => presentPeriodSummary(p, counts.get(p.id))) };
}

/** Level-0 units × the periods whose window ends in [from, to] (default: the latest 12), oldest first. */
export async function monitoring(
  deps: SystemDeps,
  ctx: AuthedContext,
  regimeId: string,
  input: MonitoringInput,
): Promise<MonitoringResponse> {
  await loadManagedRegime(deps.db, ctx, regimeId);
  const ranged = input.from !== undefined || input.to !== undefined;
  const periods = (
    await q.periodsOfRegime(deps.db, regimeId, ranged ? { from: input.from, to: input.to, limit: MAX_MONITORING_PERIODS } : { limit: 12 })
  ).reverse();
  const now = deps.clock.now();
  const rows = new Map<string, MonitoringResponse['rows'][number]>();
  for (const c of await q.monitoringCells(
    deps.db,
    periods.map((p) => p.id),
  )) {
    const row = rows.get(c.unitId) ?? { unitId: c.unitId, unitName: c.unitName, cells: {} };
    row.cells[c.periodId] = {
      assignmentId: c.id,
      status: c.status as MonitoringResponse['rows'][number]['cells'][string]['status'],
      timeliness: timeliness(c, now, deps.config),
      deadlineAt: c.deadlineAt.toISOString(),
      sentAt: c.sentAt?.toISOString() ?? null,
      childCount: c.childCount,
    };
    rows.set(c.unitId, row);
  }
  return {
    periods: periods.map((p) => ({
      id: p.id,
      code: p.periodCode,
      label: p.label,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      deadlineAt: p.deadlineAt.toISOString(),
      state: p.state as RegimePeriodSummary['state'],
    })),
    rows: [...rows.values()],
  };
}

/** A period with every assignment (the delegation tree), its history and its forms. */
export async function getPeriodDetail(deps: SystemDeps, ctx: AuthedContext, id: string): Promise<RegimePeriodDetail> {
  const found = await loadPeriod(deps.db, id);
  let canManage = true;
  try {
    await authorize(deps.db, ctx.actor, 'regime.manage', [found.ownerUnitId]);
  } catch (refusal) {
    // The receiving unit follows the period too, without managing it.
    canManage = false;
    const receivingUnitId = (found.content as RegimeContent).receivingUnitId;
    try {
      await authorize(deps.db, ctx.actor, 'report.work', [receivingUnitId]);
    } catch {
      throw refusal;
    }
  }
  return presentDetail(deps, found, canManage);
}

async function presentDetail(deps: SystemDeps, found: q.PeriodWithRegime, canManage: boolean): Promise<RegimePeriodDetail> {
  const { db } = deps;
  const p = found.period;
  const now = deps.clock.now();
  const [assignments, events, counts, forms] = [
    await q.assignmentsOfPeriod(db, p.id),
    await q.eventsOfPeriod(db, p.id),
    countsByPeriod(await q.statusCounts(db, [p.id])),
    await q.formsOfVersions(db, p.formVersionIds as string[]),
  ];
  const eventUnitIds = (e: (typeof events)[number]): string[] =>
    Array.isArray(e.event.unitIds) ? (e.event.unitIds as string[]) : e.assignmentUnitId ? [e.assignmentUnitId] : [];
  const names = new Map((await q.unitsByIds(db, [...new Set(events.flatMap(eventUnitIds))])).map((u) => [u.id, u.name]));
  return {
    ...presentPeriodSummary(p, counts.get(p.id) ?? emptyCounts()),
    regimeName: found.regimeName,
    regimeCode: found.regimeCode,
    forms: orderForms(p.formVersionIds as string[], forms),
    assignments: assignments.map((a) => presentAssignmentSummary(a, now, deps.config)),
    events: events.map((e) => ({
      id: e.event.id,
      kind: e.event.kind as RegimePeriodDetail['events'][number]['kind'],
      reason: e.event.reason,
      oldDeadlineAt: e.event.oldDeadlineAt?.toISOString() ?? null,
      newDeadlineAt: e.event.newDeadlineAt?.toISOString() ?? null,
      unitNames: eventUnitIds(e).map((id) => names.get(id) ?? ''),
      actorName: e.actorName ?? null,
      at: e.event.at.toISOString(),
    })),
    canManage,
  };
}

/** The period locked for a change; refused when another change came first (the client's `version` is stale). */
async function lockAtVersion(tx: Db, id: string, version: number): Promise<q.PeriodRow> {
  const p = await q.lockPeriod(tx, id);
  if (!p) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy kỳ báo cáo.');
  if (p.version !== version) throw new AppError('CONFLICT');
  return p;
}

export async function closePeriod(deps: SystemDeps, ctx: AuthedContext, id: string, input: CloseInput): Promise<RegimePeriodDetail> {
  const found = await loadManagedPeriod(deps.db, ctx, id);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const p = await lockAtVersion(tx, id, input.version);
    if (p.state === 'closed') throw new AppError('PERIOD_CLOSED');
    await closeLocked(tx, deps, { period: p, regimeName: found.regimeName, ownerUnitId: found.ownerUnitId }, now, {
      ctx,
      reason: input.reason ?? null,
    });
  });
  return presentDetail(deps, await loadPeriod(deps.db, id), true);
}

/**
 * Closes a locked period: state, event, audit and a notice to the units that have not sent. Used by
 * the owner and by the scheduler (regimes that refuse late reports), so `ctx` may have no actor.
 */
export async function closeLocked(
  tx: Db,
  deps: SystemDeps,
  target: { period: q.PeriodRow; regimeName: string; ownerUnitId: string },
  now: Date,
  by: { ctx: Parameters<typeof recordAudit>[1]; reason: string | null; actorName?: string },
): Promise<void> {
  const p = target.period;
  const updated = await q.updatePeriod(tx, p.id, { state: 'closed', closedAt: now });
  await q.insertEvent(tx, { regimePeriodId: p.id, kind: 'closed', reason: by.reason, actorId: by.ctx.actor?.id ?? null, at: now });
  await recordAudit(tx, by.ctx, {
    action: 'period.closed',
    targetType: 'regime_period',
    targetId: p.id,
    unitId: target.ownerUnitId,
    ...(by.actorName ? { actorName: by.actorName } : {}),
    summary: { code: p.periodCode, label: p.label, reason: by.reason },
  });
  await notifyUnits(tx, { now, config: deps.config }, await q.unsentTopUnitIds(tx, p.id), {
    kind: 'period_closed',
    title: 'Kỳ báo cáo đã đóng',
    body: `${p.label} — ${target.regimeName}: kỳ báo cáo đã đóng, không nhận thêm báo cáo.${by.reason ? ` Lý do: ${by.reason}` : ''}`,
    link: TASKS_LINK,
    dedupeKey: `period_closed:${p.id}:${updated.version}`,
  });
}

export async function reopenPeriod(deps: SystemDeps, ctx: AuthedContext, id: string, input: CloseInput): Promise<RegimePeriodDetail> {
  const found = await loadManagedPeriod(deps.db, ctx, id);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const p = await lockAtVersion(tx, id, input.version);
    if (p.state !== 'closed') throw new AppError('CONFLICT', undefined, 'Kỳ báo cáo đang mở, không cần mở lại.');
    const state = (await q.hasEvent(tx, id, 'extended')) ? 'extended' : 'open';
    const updated = await q.updatePeriod(tx, id, { state, closedAt: null });
    await q.insertEvent(tx, { regimePeriodId: id, kind: 'reopened', reason: input.reason ?? null, actorId: ctx.actor.id, at: now });
    await recordAudit(tx, ctx, {
      action: 'period.reopened',
      targetType: 'regime_period',
      targetId: id,
      unitId: found.ownerUnitId,
      summary: { code: p.periodCode, label: p.label, reason: input.reason ?? null, state },
    });
    await notifyUnits(tx, { now, config: deps.config }, await q.unsentTopUnitIds(tx, id), {
      kind: 'period_reopened',
      title: 'Kỳ báo cáo được mở lại',
      body: `${p.label} — ${found.regimeName}: kỳ báo cáo được mở lại, hạn gửi ${deadlineText(p.deadlineAt)}.${input.reason ? ` Lý do: ${input.reason}` : ''}`,
      link: TASKS_LINK,
      dedupeKey: `period_reopened:${id}:${updated.version}`,
    });
  });
  return presentDetail(deps, await loadPeriod(deps.db, id), true);
}

/**
 * Gia hạn: moves the deadline of every level-0 assignment (and the period's), or only those of the
 * chosen units. The new deadline must be later than each affected one; a closed period reopens.
 */
export async function extendPeriod(deps: SystemDeps, ctx: AuthedContext, id: string, input: ExtendInput): Promise<RegimePeriodDetail> {
  const found = await loadManagedPeriod(deps.db, ctx, id);
  const now = deps.clock.now();
  const newAt = vnToUtc(input.deadlineDate, input.deadlineTime);
  const chosen = input.unitIds && input.unitIds.length > 0 ? [...new Set(input.unitIds)] : null;
  await deps.db.transaction(async (tx) => {
    const p = await lockAtVersion(tx, id, input.version);
    const affected = await q.lockTopAssignments(tx, id, chosen ?? undefined);
    if (chosen) {
      const inPeriod = new Set(affected.map((a) => a.unitId));
      const strangers = chosen.filter((u) => !inPeriod.has(u));
      if (strangers.length > 0) {
        const names = (await q.unitsByIds(tx, strangers)).map((u) => u.name);
        throw new AppError(
          'REGIME_INVALID',
          { unitIds: strangers },
          `Đơn vị không thuộc kỳ báo cáo này nên không gia hạn được${names.length ? `: ${names.join(', ')}` : ''}.`,
        );
      }
    }
    const oldAt = new Date(Math.max(chosen ? 0 : p.deadlineAt.getTime(), ...affected.map((a) => a.deadlineAt.getTime())));
    if (newAt.getTime() <= oldAt.getTime()) {
      throw new AppError(
        'REGIME_INVALID',
        { deadlineAt: newAt.toISOString(), currentDeadlineAt: oldAt.toISOString() },
        `Hạn gửi mới (${deadlineText(newAt)}) phải sau hạn gửi hiện tại (${deadlineText(oldAt)}).`,
      );
    }
    await q.updateAssignmentDeadlines(
      tx,
      affected.map((a) => a.id),
      newAt,
      now,
    );
    await q.updatePeriod(tx, id, { state: 'extended', closedAt: null, ...(chosen ? {} : { deadlineAt: newAt }) });
    await q.insertEvent(tx, {
      regimePeriodId: id,
      kind: 'extended',
      reason: input.reason,
      oldDeadlineAt: oldAt,
      newDeadlineAt: newAt,
      unitIds: chosen,
      actorId: ctx.actor.id,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'period.extended',
      targetType: 'regime_period',
      targetId: id,
      unitId: found.ownerUnitId,
      summary: {
        code: p.periodCode,
        label: p.label,
        reason: input.reason,
        before: oldAt.toISOString(),
        after: newAt.toISOString(),
        unitIds: chosen,
        reopened: p.state === 'closed',
      },
    });
    await notifyUnits(
      tx,
      { now, config: deps.config },
      affected.map((a) => a.unitId),
      {
        kind: 'period_extended',
        title: 'Gia hạn gửi báo cáo',
        body: `${p.label} — ${found.regimeName}: hạn gửi được gia hạn đến ${deadlineText(newAt)}. Lý do: ${input.reason}`,
        link: TASKS_LINK,
        dedupeKey: `period_extended:${id}:${newAt.toISOString()}:${p.version}`,
      },
    );
  });
  return presentDetail(deps, await loadPeriod(deps.db, id), true);
}

import { checkDeadline, vnToUtc, type AssignmentDetail, type delegateBody, type PeriodState, type Permission } from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, type AuthedContext, authorize, permissionsOf, unitScopeSql } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { loadWorkingCalendar } from '../calendar/index.ts';
import { notifyUnits } from '../notifications/index.ts';
import { orderForms, presentAssignmentSummary, suggestedChildDeadline } from './presenter.ts';
import * as q from './queries.ts';
import { deadlineText, type SystemDeps, TASKS_LINK } from './support.ts';

type DelegateInput = z.output<typeof delegateBody>;

/**
 * One assignment (giao báo cáo) and passing it down (giao tiếp): a unit with 'assignment.delegate'
 * asks its subunits or divisions to report part or all of it, earlier than its own deadline.
 */

function scopesOf(actor: Actor): q.AssignmentScopes {
  const scope = (permission: Permission) => (cols: q.UnitColumns) => unitScopeSql(actor, permission, cols);
  return {
    workOnUnit: scope('report.work'),
    workOnReceiver: scope('report.work'),
    manageOwner: scope('regime.manage'),
    delegateOnUnit: scope('assignment.delegate'),
  };
}

/** An assignment the actor may read: its unit's workers, the receiving unit's, the regime's managers. */
async function loadReadable(db: Db, ctx: AuthedContext, id: string) {
  const row = await q.findAssignment(db, id, scopesOf(ctx.actor));
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo được giao.');
  if (!(row.workOnUnit || row.workOnReceiver || row.manageOwner)) {
    const permissions = permissionsOf(ctx.actor);
    throw new AppError(permissions.includes('report.work') || permissions.includes('regime.manage') ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  }
  return row;
}

export async function getAssignment(deps: SystemDeps, ctx: AuthedContext, id: string): Promise<AssignmentDetail> {
  const { db } = deps;
  const row = await loadReadable(db, ctx, id);
  const now = deps.clock.now();
  const a = row.assignment;
  const versionIds = a.formVersionIds as string[];
  const [children, forms] = [await q.childrenOf(db, id), await q.formsOfVersions(db, versionIds)];
  return {
    ...presentAssignmentSummary(row, now, deps.config),
    regimeId: row.regimeId,
    regimeCode: row.regimeCode,
    regimeName: row.regimeName,
    periodLabel: row.period.label,
    windowStart: row.period.windowStart,
    windowEnd: row.period.windowEnd,
    periodState: row.period.state as PeriodState,
    forms: orderForms(versionIds, forms),
    note: a.note,
    children: children.map((c) => presentAssignmentSummary(c, now, deps.config)),
    canDelegate: row.delegateOnUnit && row.period.state !== 'closed',
    suggestedChildDeadline: suggestedChildDeadline(row.period.deadlines as q.StoredDeadline[], a.level, a.deadlineAt, now),
  };
}

export async function delegateAssignment(
  deps: SystemDeps,
  ctx: AuthedContext,
  id: string,
  input: DelegateInput,
): Promise<AssignmentDetail> {
  const { db } = deps;
  const row = await q.findAssignment(db, id, scopesOf(ctx.actor));
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo được giao.');
  const parent = row.assignment;
  await authorize(db, ctx.actor, 'assignment.delegate', [parent.unitId]);
  if (row.period.state === 'closed') throw new AppError('PERIOD_CLOSED');

  const unitIds = [...new Set(input.unitIds)];
  const targets = await q.unitsByIds(db, unitIds);
  if (targets.length !== unitIds.length) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị.');
  const outside = targets.filter((t) => !t.active || t.id === parent.unitId || !t.path.startsWith(row.unitPath));
  if (outside.length > 0) {
    throw new AppError(
      'DELEGATE_NOT_SUBUNIT',
      { unitIds: outside.map((t) => t.id) },
      `Chỉ giao tiếp cho đơn vị trực thuộc hoặc phòng, ban của ${row.unitName} (đang hoạt động): ${outside.map((t) => t.name).join(', ')} không thuộc.`,
    );
  }

  const deadlineAt = vnToUtc(input.deadlineDate, input.deadlineTime);
  const tooLate = (parentDeadline: Date) =>
    new AppError(
      'DELEGATE_DEADLINE_TOO_LATE',
      { deadlineAt: deadlineAt.toISOString(), parentDeadlineAt: parentDeadline.toISOString() },
      `Hạn giao tiếp (${deadlineText(deadlineAt)}) phải trước hạn gửi báo cáo của ${row.unitName} (${deadlineText(parentDeadline)}).`,
    );
  if (deadlineAt.getTime() >= parent.deadlineAt.getTime()) throw tooLate(parent.deadlineAt);
  const calendar = await loadWorkingCalendar(db);
  const problem = checkDeadline(
    { start: row.period.windowStart, end: row.period.windowEnd },
    { date: input.deadlineDate, time: input.deadlineTime, at: deadlineAt },
    calendar,
  );
  if (problem) throw new AppError('DEADLINE_TOO_EARLY', { deadlineAt: deadlineAt.toISOString() }, problem);

  const parentForms = parent.formVersionIds as string[];
  const formVersionIds = input.formVersionIds ? [...new Set(input.formVersionIds)] : parentForms;
  if (formVersionIds.some((v) => !parentForms.includes(v))) {
    throw new AppError('VALIDATION_FAILED', undefined, 'Chỉ được giao tiếp các biểu mẫu thuộc báo cáo được giao cho đơn vị mình.');
  }
  if (formVersionIds.length === 0 && parentForms.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, 'Chọn ít nhất một biểu mẫu để giao tiếp.');
  }

  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const period = await q.lockPeriod(tx, parent.regimePeriodId);
    if (!period || period.state === 'closed') throw new AppError('PERIOD_CLOSED');
    const locked = await q.lockAssignment(tx, id);
    if (!locked) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo được giao.');
    if (deadlineAt.getTime() >= locked.deadlineAt.getTime()) throw tooLate(locked.deadlineAt);
    const already = new Set(await q.childUnitIds(tx, id));
    const repeated = targets.filter((t) => already.has(t.id));
    if (repeated.length > 0) {
      throw new AppError(
        'CONFLICT',
        { unitIds: repeated.map((t) => t.id) },
        `Báo cáo này đã được giao tiếp cho ${repeated.map((t) => t.name).join(', ')}.`,
      );
    }
    await q.insertAssignments(
      tx,
      unitIds.map((unitId) => ({
        regimePeriodId: parent.regimePeriodId,
        unitId,
        receivingUnitId: parent.unitId,
        parentAssignmentId: parent.id,
        level: parent.level + 1,
        deadlineAt,
        originalDeadlineAt: deadlineAt,
        formVersionIds,
        note: input.note ?? null,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const event = await q.insertEvent(tx, {
      regimePeriodId: parent.regimePeriodId,
      assignmentId: parent.id,
      kind: 'delegated',
      reason: input.note ?? null,
      newDeadlineAt: deadlineAt,
      unitIds,
      actorId: ctx.actor.id,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'assignment.delegated',
      targetType: 'assignment',
      targetId: parent.id,
      unitId: parent.unitId,
      summary: { periodId: parent.regimePeriodId, unitIds, deadlineAt: deadlineAt.toISOString(), formVersionIds, note: input.note ?? null },
    });
    await notifyUnits(tx, { now, config: deps.config }, unitIds, {
      kind: 'assignment_new',
      title: 'Có báo cáo mới cần thực hiện',
      body: `${period.label} — ${row.regimeName}: ${row.unitName} giao thực hiện, hạn gửi ${deadlineText(deadlineAt)}`,
      link: TASKS_LINK,
      dedupeKey: `assignment_new:${event.id}`,
    });
  });
  return getAssignment(deps, ctx, id);
}

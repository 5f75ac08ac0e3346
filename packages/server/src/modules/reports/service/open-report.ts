import { emptyReportData, type ReportDetail } from '@baocao/core';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { type AuthedContext, permissionsOf } from '../../access/index.ts';
import { type AssignmentContext, assignmentContext, setAssignmentProgress } from '../../assignments/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { canRead, capabilitiesOn } from '../access.ts';
import * as q from '../queries.ts';
import { contentHashOf, type ReportDeps } from '../support.ts';
import { getReport } from './get-report.ts';

/**
 * Opening the report of an assignment (lập báo cáo): the unit's data entry creates it on first
 * opening — the report in draft, version 1 empty, the 'created' event — and everyone who may read
 * it gets the same report afterwards. Two simultaneous first openings make one report (the unique
 * assignment index; the loser reads the winner's).
 */
export async function openReport(deps: ReportDeps, ctx: AuthedContext, assignmentId: string): Promise<ReportDetail> {
  const a = await loadAssignment(deps.db, assignmentId);
  const existing = await q.findReportIdByAssignment(deps.db, assignmentId);
  if (existing) return getReport(deps, ctx, existing);

  const caps = await capabilitiesOn(deps.db, ctx.actor, a);
  if (!caps.sender.permissions.includes('report.enter')) {
    if (canRead(caps)) {
      throw new AppError('NOT_FOUND', undefined, `${a.unitName} chưa bắt đầu lập báo cáo ${a.period.label} của chế độ "${a.regime.name}".`);
    }
    const anywhere = permissionsOf(ctx.actor).some((p) => p.startsWith('report.'));
    throw new AppError(anywhere ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  }
  if (a.status === 'cancelled') throw new AppError('CONFLICT', undefined, 'Báo cáo được giao này đã bị hủy.');
  if (a.period.state === 'closed') {
    throw new AppError('PERIOD_CLOSED', undefined, `Kỳ báo cáo ${a.period.label} đã đóng: không thể bắt đầu lập báo cáo.`);
  }

  const reportId = await deps.db.transaction(async (tx) => {
    const created = await createReportIn(tx, deps, ctx, a);
    if (created) await setAssignmentProgress(tx, a.id, { status: 'in_progress', now: deps.clock.now() });
    return created ?? (await q.findReportIdByAssignment(tx, assignmentId));
  });
  return getReport(deps, ctx, reportId!);
}

export async function loadAssignment(db: Db, assignmentId: string): Promise<AssignmentContext> {
  const a = await assignmentContext(db, assignmentId);
  if (!a) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo được giao.');
  return a;
}

/**
 * Creates the report of an assignment inside the caller's transaction: the report row, version 1
 * with empty data, the 'created' event, the audit row. Returns the new report's id, or undefined
 * when another transaction created it first (nothing is written then).
 */
export async function createReportIn(tx: Db, deps: ReportDeps, ctx: AuthedContext, a: AssignmentContext): Promise<string | undefined> {
  const now = deps.clock.now();
  const created = await q.insertReport(tx, {
    assignmentId: a.id,
    regimePeriodId: a.period.id,
    unitId: a.unitId,
    receivingUnitId: a.receivingUnitId,
    state: 'draft',
    currentVersionNo: 1,
    createdAt: now,
    updatedAt: now,
  });
  if (!created) return undefined;
  const data = emptyReportData();
  const contentHash = contentHashOf(data);
  await q.insertVersion(tx, {
    reportId: created.id,
    versionNo: 1,
    data,
    contentHash,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedBy: ctx.actor.id,
    updatedAt: now,
  });
  await q.insertEvent(tx, {
    reportId: created.id,
    versionNo: 1,
    action: 'created',
    fromState: null,
    toState: 'draft',
    actorId: ctx.actor.id,
    actorName: ctx.actor.fullName,
    at: now,
    contentHash,
  });
  await q.insertSnapshot(tx, contentHash, data, now);
  await recordAudit(tx, ctx, {
    action: 'report.created',
    targetType: 'report',
    targetId: created.id,
    unitId: a.unitId,
    summary: { assignmentId: a.id, periodId: a.period.id, regimeId: a.regime.id },
  });
  return created.id;
}

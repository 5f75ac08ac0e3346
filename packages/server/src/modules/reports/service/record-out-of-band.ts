import { checkTransition, type ReportDetail } from '@baocao/core';
import { AppError } from '../../../http/errors.ts';
import { type AuthedContext, permissionsOf } from '../../access/index.ts';
import { canRead, capabilitiesOn } from '../access.ts';
import * as q from '../queries.ts';
import type { ReportDeps } from '../support.ts';
import { getReport } from './get-report.ts';
import { createReportIn, loadAssignment } from './open-report.ts';
import { transitionIn } from './transition-report.ts';

/**
 * The receiving unit records that an assignment's report arrived outside the system (e-mail, the
 * document system) at a given time, with evidence — even when the unit never opened its report:
 * the report is created first, then 'record_out_of_band' runs, in one transaction. The unit
 * back-fills the data later (the receiver returns the report to it for that, or accepts it as is).
 */
export async function recordOutOfBand(
  deps: ReportDeps,
  ctx: AuthedContext,
  assignmentId: string,
  input: { receivedAt: string; evidence: string },
): Promise<ReportDetail> {
  const a = await loadAssignment(deps.db, assignmentId);
  const caps = await capabilitiesOn(deps.db, ctx.actor, a);
  if (!canRead(caps)) {
    const anywhere = permissionsOf(ctx.actor).some((p) => p.startsWith('report.'));
    throw new AppError(anywhere ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  }
  // Checked before anything is created: someone who may not record it leaves no report behind.
  const check = checkTransition('draft', 'record_out_of_band', caps.receiver, input);
  if (!check.ok) throw new AppError(check.code, undefined, check.message);
  if (a.status === 'cancelled') throw new AppError('CONFLICT', undefined, 'Báo cáo được giao này đã bị hủy.');

  const reportId = await deps.db.transaction(async (tx) => {
    const id =
      (await q.findReportIdByAssignment(tx, assignmentId)) ??
      (await createReportIn(tx, deps, ctx, a)) ??
      (await q.findReportIdByAssignment(tx, assignmentId));
    await transitionIn(tx, deps, ctx, id!, { action: 'record_out_of_band', receivedAt: input.receivedAt, evidence: input.evidence });
    return id!;
  });
  return getReport(deps, ctx, reportId);
}

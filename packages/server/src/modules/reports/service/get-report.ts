import type { ReportDetail, ReportState } from '@baocao/core';
import { AppError } from '../../../http/errors.ts';
import type { AuthedContext } from '../../access/index.ts';
import { actionsFor, loadReport } from '../access.ts';
import { periodValuesFor } from '../period-values.ts';
import { presentEvent, presentSummary, presentVersionSummary } from '../presenter.ts';
import * as q from '../queries.ts';
import { editProblem } from '../rules.ts';
import { reportForms, type ReportDeps, versionData } from '../support.ts';
import { loadAssignment } from './open-report.ts';

/** A report as its reader sees it: forms, the current version's data, history, and what they may do. */
export async function getReport(deps: ReportDeps, ctx: AuthedContext, reportId: string): Promise<ReportDetail> {
  const { db } = deps;
  const { row, caps } = await loadReport(db, ctx.actor, reportId);
  const summary = await q.findSummary(db, reportId);
  const current = await q.findVersionWithEditor(db, reportId, row.currentVersionNo);
  if (!summary || !current) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo.');
  const a = await loadAssignment(db, row.assignmentId);
  const forms = await reportForms(db, a.formVersionIds);
  const [versions, events, periodValues] = [
    await q.versionsOf(db, reportId),
    await q.eventsOf(db, reportId),
    await periodValuesFor(db, { unitId: row.unitId, regimeId: a.regime.id, period: a.period, forms }),
  ];
  const version = current.version;
  return {
    ...presentSummary(summary, deps.clock.now(), deps.config),
    windowStart: a.period.windowStart,
    windowEnd: a.period.windowEnd,
    periodState: a.period.state,
    lateSendingAllowed: a.regime.allowLateSending,
    forms,
    version: {
      versionNo: version.versionNo,
      revision: version.revision,
      data: versionData(version),
      contentHash: version.contentHash,
      updatedAt: version.updatedAt.toISOString(),
      updatedBy: current.updatedByName ?? null,
    },
    versions: versions.map(presentVersionSummary),
    events: events.map(presentEvent),
    actions: actionsFor(row.state as ReportState, caps),
    editable: editProblem(row, caps, version, a) === null,
    consolidates: a.childAssignmentIds.length > 0,
    periodValues,
    revision: row.revision,
  };
}

import { diffReportData, type ReportData, type ReportDiff } from '@baocao/core';
import { AppError } from '../../../http/errors.ts';
import type { AuthedContext } from '../../access/index.ts';
import { loadReport } from '../access.ts';
import * as q from '../queries.ts';
import { reportForms, type ReportDeps, versionData } from '../support.ts';
import { loadAssignment } from './open-report.ts';

/** Every version stays readable: by number, as it stood at an event (by hash), and compared. */

const versionNotFound = (versionNo: number) => new AppError('NOT_FOUND', undefined, `Báo cáo không có phiên bản ${versionNo}.`);

export async function getReportVersion(
  deps: ReportDeps,
  ctx: AuthedContext,
  reportId: string,
  versionNo: number,
): Promise<{ versionNo: number; data: ReportData; contentHash: string; locked: boolean }> {
  await loadReport(deps.db, ctx.actor, reportId);
  const v = await q.findVersion(deps.db, reportId, versionNo);
  if (!v) throw versionNotFound(versionNo);
  return { versionNo: v.versionNo, data: versionData(v), contentHash: v.contentHash, locked: v.lockedAt !== null };
}

/** The content as it was at one of this report's events (what was sent, returned, accepted…). */
export async function getReportSnapshot(
  deps: ReportDeps,
  ctx: AuthedContext,
  reportId: string,
  contentHash: string,
): Promise<{ contentHash: string; data: ReportData }> {
  await loadReport(deps.db, ctx.actor, reportId);
  const snapshot = await q.findSnapshotOfReport(deps.db, reportId, contentHash);
  if (!snapshot) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy nội dung báo cáo tại thời điểm này.');
  return { contentHash, data: versionData(snapshot) };
}

/** Cells, narrative sections and attachments that differ between two versions (row and column names included). */
export async function diffReportVersions(
  deps: ReportDeps,
  ctx: AuthedContext,
  reportId: string,
  range: { from: number; to: number },
): Promise<ReportDiff> {
  const { row } = await loadReport(deps.db, ctx.actor, reportId);
  const [from, to] = [await q.findVersion(deps.db, reportId, range.from), await q.findVersion(deps.db, reportId, range.to)];
  if (!from) throw versionNotFound(range.from);
  if (!to) throw versionNotFound(range.to);
  const a = await loadAssignment(deps.db, row.assignmentId);
  const forms = await reportForms(deps.db, a.formVersionIds);
  return diffReportData(forms, { versionNo: from.versionNo, data: versionData(from) }, { versionNo: to.versionNo, data: versionData(to) });
}

import {
  foldDiacritics,
  normalizeText,
  REPORT_STATES,
  timelinessOf,
  type AssignmentStatus,
  type incomingQuery,
  type incomingResponse,
  type reportListQuery,
  type reportListResponse,
} from '@baocao/core';
import type { z } from 'zod';
import { AppError } from '../../../http/errors.ts';
import { type AuthedContext, permissionsOf, unitScopeSql } from '../../access/index.ts';
import { presentSummary } from '../presenter.ts';
import * as q from '../queries.ts';
import type { ReportDeps } from '../support.ts';

type ListQuery = z.output<typeof reportListQuery>;

/**
 * Reports in the actor's scope, filtered in SQL: the sender side lists the reports of units where
 * the actor holds 'report.work', the receiver side those sent to units where it holds 'report.receive'.
 */
export async function listReports(deps: ReportDeps, ctx: AuthedContext, query: ListQuery): Promise<z.infer<typeof reportListResponse>> {
  const scope =
    query.side === 'sender'
      ? unitScopeSql(ctx.actor, 'report.work', q.SENDER_UNIT)
      : unitScopeSql(ctx.actor, 'report.receive', q.RECEIVER_UNIT);
  const search = query.q ? foldDiacritics(normalizeText(query.q)).toLowerCase() : '';
  const { items, total } = await q.listSummaries(deps.db, {
    scope,
    periodId: query.periodId,
    regimeId: query.regimeId,
    state: query.state,
    search: search || undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  const now = deps.clock.now();
  return { items: items.map((r) => presentSummary(r, now, deps.config)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The receiver's view of one period: every assignment sent to a unit where the actor holds
 * 'report.receive', with its report when the unit opened one, and how many stand in each state
 * ('not_started' for those without a report). The counts cover all items; `state` filters the list.
 */
export async function incomingReports(
  deps: ReportDeps,
  ctx: AuthedContext,
  periodId: string,
  query: z.output<typeof incomingQuery>,
): Promise<z.infer<typeof incomingResponse>> {
  const { db } = deps;
  const period = await q.findPeriodHeader(db, periodId);
  if (!period) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy kỳ báo cáo.');
  const receivers = await q.receivingUnitsOfPeriod(db, periodId, unitScopeSql(ctx.actor, 'report.receive', q.RECEIVER_UNIT));
  const mine = receivers.filter((r) => r.inScope).map((r) => r.id);
  if (mine.length === 0) {
    throw new AppError(permissionsOf(ctx.actor).includes('report.receive') ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  }
  // The units in their set order, then by name as Vietnamese sorts it (Đ after D, not after Z).
  const assignments = (await q.incomingAssignments(db, periodId, mine)).sort(
    (x, y) => x.unitSortOrder - y.unitSortOrder || x.unitName.localeCompare(y.unitName, 'vi'),
  );
  const reports = new Map(
    (
      await q.summariesOfAssignments(
        db,
        assignments.map((a) => a.id),
      )
    ).map((r) => [r.report.assignmentId, r]),
  );
  const now = deps.clock.now();
  const counts: Record<string, number> = Object.fromEntries(['not_started', ...REPORT_STATES].map((s) => [s, 0]));
  const items = assignments.map((a) => {
    const row = reports.get(a.id);
    const summary = row ? presentSummary(row, now, deps.config) : null;
    counts[summary?.state ?? 'not_started']! += 1;
    return {
      assignmentId: a.id,
      unitId: a.unitId,
      unitName: a.unitName,
      status: a.status as AssignmentStatus,
      report: summary,
      deadlineAt: a.deadlineAt.toISOString(),
      timeliness:
        summary?.timeliness ??
        timelinessOf({
          status: a.status as AssignmentStatus,
          deadlineAt: a.deadlineAt,
          sentAt: null,
          now,
          dueSoonDays: deps.config.dueSoonDays,
        }),
    };
  });
  return {
    periodId,
    periodLabel: period.label,
    regimeName: period.regimeName,
    items: query.state ? items.filter((i) => i.report?.state === query.state) : items,
    counts,
  };
}

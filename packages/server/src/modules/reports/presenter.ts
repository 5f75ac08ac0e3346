import type { ReportEventItem, ReportState, ReportSummary, reportVersionSummary } from '@baocao/core';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { EventRow, SummaryRow, versionsOf } from './queries.ts';
import { reportTimeliness } from './support.ts';

/** The fields of reports that leave the server: explicit, never a row. */

export function presentSummary(row: SummaryRow, now: Date, config: Pick<Config, 'dueSoonDays'>): ReportSummary {
  const r = row.report;
  const { timeliness, lateMinutes } = reportTimeliness(r, { status: row.assignmentStatus, deadlineAt: row.deadlineAt }, now, config);
  return {
    id: r.id,
    assignmentId: r.assignmentId,
    regimeId: row.regimeId,
    regimeCode: row.regimeCode,
    regimeName: row.regimeName,
    periodId: r.regimePeriodId,
    periodCode: row.periodCode,
    periodLabel: row.periodLabel,
    unitId: r.unitId,
    unitName: row.unitName,
    receivingUnitId: r.receivingUnitId,
    receivingUnitName: row.receivingUnitName,
    state: r.state as ReportState,
    versionNo: r.currentVersionNo,
    deadlineAt: row.deadlineAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    outOfBand: r.outOfBand,
    timeliness,
    lateMinutes,
    returnCount: r.returnCount,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentEvent(e: EventRow): ReportEventItem {
  return {
    id: e.id,
    action: e.action as ReportEventItem['action'],
    fromState: (e.fromState as ReportState | null) ?? null,
    toState: e.toState as ReportState,
    versionNo: e.versionNo,
    reason: e.reason,
    receivedAt: e.receivedAt?.toISOString() ?? null,
    evidence: e.evidence,
    actorName: e.actorName,
    at: e.at.toISOString(),
    contentHash: e.contentHash,
  };
}

export function presentVersionSummary(v: Awaited<ReturnType<typeof versionsOf>>[number]): z.infer<typeof reportVersionSummary> {
  return {
    versionNo: v.versionNo,
    reason: v.reason,
    createdAt: v.createdAt.toISOString(),
    sentAt: v.sentAt?.toISOString() ?? null,
    acceptedAt: v.acceptedAt?.toISOString() ?? null,
    locked: v.lockedAt !== null,
    contentHash: v.contentHash,
  };
}

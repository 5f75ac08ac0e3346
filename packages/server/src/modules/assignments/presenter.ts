import {
  ASSIGNMENT_STATUSES,
  type AssignmentDetail,
  type AssignmentStatus,
  type AssignmentSummary,
  type PeriodState,
  type RegimePeriodSummary,
} from '@baocao/core';
import type { Config } from '../../config.ts';
import type { AssignmentSummaryRow, PeriodRow, StoredDeadline } from './queries.ts';
import { timeliness } from './support.ts';

export type StatusCounts = Record<AssignmentStatus, number>;

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Counts per period id from rows of (periodId, status, n). */
export function countsByPeriod(rows: { periodId: string; status: string; n: number }[]): Map<string, StatusCounts> {
  const out = new Map<string, StatusCounts>();
  for (const r of rows) {
    const counts = out.get(r.periodId) ?? emptyCounts();
    counts[r.status as AssignmentStatus] = r.n;
    out.set(r.periodId, counts);
  }
  return out;
}

export function presentPeriodSummary(row: PeriodRow, counts: StatusCounts = emptyCounts()): RegimePeriodSummary {
  return {
    id: row.id,
    regimeId: row.regimeId,
    code: row.periodCode,
    label: row.label,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    deadlines: (row.deadlines as StoredDeadline[]).map((d) => ({ label: d.label, date: d.date, time: d.time, at: d.at })),
    deadlineAt: row.deadlineAt.toISOString(),
    state: row.state as PeriodState,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    version: row.version,
  };
}

export function presentAssignmentSummary(row: AssignmentSummaryRow, now: Date, config: Pick<Config, 'dueSoonDays'>): AssignmentSummary {
  const a = row.assignment;
  return {
    id: a.id,
    regimePeriodId: a.regimePeriodId,
    parentAssignmentId: a.parentAssignmentId,
    level: a.level,
    unitId: a.unitId,
    unitName: row.unitName,
    receivingUnitId: a.receivingUnitId,
    receivingUnitName: row.receivingUnitName,
    deadlineAt: a.deadlineAt.toISOString(),
    originalDeadlineAt: a.originalDeadlineAt.toISOString(),
    status: a.status as AssignmentStatus,
    timeliness: timeliness(a, now, config),
    sentAt: a.sentAt?.toISOString() ?? null,
    childCount: row.childCount,
    version: a.version,
  };
}

export interface FormRef {
  formId: string;
  versionId: string;
  code: string;
  name: string;
  kind: string;
}

/** The forms of `versionIds`, in that order. */
export function orderForms(versionIds: string[], forms: FormRef[]): FormRef[] {
  const byVersion = new Map(forms.map((f) => [f.versionId, f]));
  return versionIds.flatMap((id) => {
    const f = byVersion.get(id);
    return f ? [{ formId: f.formId, versionId: f.versionId, code: f.code, name: f.name, kind: f.kind }] : [];
  });
}

/**
 * The regime's deadline for the level below an assignment at `level` (R9: one deadline a level, top
 * first), when the period holds one, it is still ahead of `now` and before the assignment's own
 * deadline (a later one could not be given); otherwise null.
 */
export function suggestedChildDeadline(
  deadlines: readonly StoredDeadline[],
  level: number,
  ownDeadlineAt: Date,
  now: Date,
): AssignmentDetail['suggestedChildDeadline'] {
  const next = deadlines[level + 1];
  if (!next) return null;
  const at = new Date(next.at).getTime();
  if (at <= now.getTime() || at >= ownDeadlineAt.getTime()) return null;
  return { date: next.date, time: next.time, label: next.label };
}

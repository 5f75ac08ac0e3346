import { and, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignment, regimePeriod } from '../assignments/tables.ts';
import { regime } from '../regimes/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { report } from './tables.ts';

/** The reporting unit's columns, for the caller's scope (`unitScopeSql(actor, 'analytics.read', TIMELINESS_UNIT)`). */
export const TIMELINESS_UNIT = { id: orgUnit.id, path: orgUnit.path };

export interface TimelinessFilter {
  /** The caller's authority over TIMELINESS_UNIT: always part of the WHERE clause. */
  scope: SQL;
  regimeId?: string | undefined;
  /** Empty: every kind. */
  unitKinds: readonly string[];
  /** The deadline in force lies in [deadlineFrom, deadlineBefore). */
  deadlineFrom: Date;
  deadlineBefore: Date;
  /** Only this unit and its subtree. */
  rootUnitId?: string | undefined;
  /** Only this unit's assignments. */
  unitId?: string | undefined;
}

export type TimelinessRow = Awaited<ReturnType<typeof timelinessRows>>[number];

/**
 * Every assignment (cancelled ones excepted) whose deadline in force falls in the range, with what
 * timeliness needs: the deadline in force (extensions included) and the original one, the sending
 * that counts (assignment.sent_at mirrors `countedSentAt`: the recorded time of an out-of-band
 * arrival, kept while the unit back-fills; cleared by a return), and from the report, when the unit
 * ever opened one, how often it was returned and whether a correction was approved.
 */
export async function timelinessRows(db: Db, f: TimelinessFilter) {
  const where: (SQL | undefined)[] = [
    f.scope,
    ne(assignment.status, 'cancelled'),
    gte(assignment.deadlineAt, f.deadlineFrom),
    lt(assignment.deadlineAt, f.deadlineBefore),
    f.regimeId ? eq(regimePeriod.regimeId, f.regimeId) : undefined,
    f.unitKinds.length > 0 ? inArray(orgUnit.kind, [...f.unitKinds]) : undefined,
    f.unitId ? eq(assignment.unitId, f.unitId) : undefined,
    // Paths are chains of uuids and slashes: no LIKE metacharacter to escape.
    f.rootUnitId ? sql`${orgUnit.path} like (select r.path from org_unit r where r.id = ${f.rootUnitId}) || '%'` : undefined,
  ];
  return db
    .select({
      assignmentId: assignment.id,
      reportId: report.id,
      regimeId: regime.id,
      regimeName: regime.name,
      periodCode: regimePeriod.periodCode,
      periodLabel: regimePeriod.label,
      unitId: orgUnit.id,
      unitName: orgUnit.name,
      unitKind: orgUnit.kind,
      status: assignment.status,
      deadlineAt: assignment.deadlineAt,
      originalDeadlineAt: assignment.originalDeadlineAt,
      sentAt: assignment.sentAt,
      outOfBand: sql<boolean>`coalesce(${report.outOfBand}, false)`,
      returnCount: sql<number>`coalesce(${report.returnCount}, 0)::int`,
      corrected: sql<boolean>`coalesce(${report.currentVersionNo} > 1, false)`,
    })
    .from(assignment)
    .innerJoin(regimePeriod, eq(regimePeriod.id, assignment.regimePeriodId))
    .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
    .innerJoin(orgUnit, eq(orgUnit.id, assignment.unitId))
    .leftJoin(report, eq(report.assignmentId, assignment.id))
    .where(and(...where));
}

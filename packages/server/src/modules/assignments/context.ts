import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AssignmentStatus, PeriodState } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { regime, regimeVersion } from '../regimes/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { assignment, regimePeriod } from './tables.ts';

/**
 * What another module (reports) needs to know about one assignment: who reports to whom, the period
 * and its window, deadline and state, the regime and whether it lets units send late, the forms,
 * and the assignments passed down from it. Read-only; works on a transaction as on the database.
 */
export interface AssignmentContext {
  id: string;
  unitId: string;
  unitName: string;
  receivingUnitId: string;
  receivingUnitName: string;
  parentAssignmentId: string | null;
  level: number;
  status: AssignmentStatus;
  /** The deadline in force for this unit (extensions included). */
  deadlineAt: Date;
  sentAt: Date | null;
  /** The form versions the unit reports on, in the assignment's order. */
  formVersionIds: string[];
  childAssignmentIds: string[];
  period: {
    id: string;
    code: string;
    type: string;
    label: string;
    windowStart: string;
    windowEnd: string;
    deadlineAt: Date;
    state: PeriodState;
  };
  regime: { id: string; code: string; name: string; ownerUnitId: string; allowLateSending: boolean };
}

const unitOf = alias(orgUnit, 'cu');
const receiverOf = alias(orgUnit, 'cr');

export async function assignmentContext(db: Db, assignmentId: string): Promise<AssignmentContext | undefined> {
  const [row] = await db
    .select({
      assignment,
      unitName: unitOf.name,
      receivingUnitName: receiverOf.name,
      period: regimePeriod,
      regimeId: regime.id,
      regimeCode: regime.code,
      regimeName: regime.name,
      ownerUnitId: regime.ownerUnitId,
      // The regime version the period was opened from decides (regimeContent defaults it to true).
      allowLateSending: sql<boolean>`coalesce((${regimeVersion.content} ->> 'allowLateSending')::boolean, true)`,
    })
    .from(assignment)
    .innerJoin(unitOf, eq(unitOf.id, assignment.unitId))
    .innerJoin(receiverOf, eq(receiverOf.id, assignment.receivingUnitId))
    .innerJoin(regimePeriod, eq(regimePeriod.id, assignment.regimePeriodId))
    .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
    .innerJoin(regimeVersion, eq(regimeVersion.id, regimePeriod.regimeVersionId))
    .where(eq(assignment.id, assignmentId));
  if (!row) return undefined;
  const children = await db
    .select({ id: assignment.id })
    .from(assignment)
    .where(eq(assignment.parentAssignmentId, assignmentId))
    .orderBy(asc(assignment.id));
  const a = row.assignment;
  const p = row.period;
  return {
    id: a.id,
    unitId: a.unitId,
    unitName: row.unitName,
    receivingUnitId: a.receivingUnitId,
    receivingUnitName: row.receivingUnitName,
    parentAssignmentId: a.parentAssignmentId,
    level: a.level,
    status: a.status as AssignmentStatus,
    deadlineAt: a.deadlineAt,
    sentAt: a.sentAt,
    formVersionIds: a.formVersionIds as string[],
    childAssignmentIds: children.map((c) => c.id),
    period: {
      id: p.id,
      code: p.periodCode,
      type: p.periodType,
      label: p.label,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      deadlineAt: p.deadlineAt,
      state: p.state as PeriodState,
    },
    regime: {
      id: row.regimeId,
      code: row.regimeCode,
      name: row.regimeName,
      ownerUnitId: row.ownerUnitId,
      allowLateSending: row.allowLateSending,
    },
  };
}

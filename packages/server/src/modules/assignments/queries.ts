import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { form, formVersion } from '../forms/tables.ts';
import { notification } from '../notifications/tables.ts';
import { regime, regimeVersion } from '../regimes/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';
import { assignment, regimePeriod, regimePeriodEvent } from './tables.ts';

/**
 * The only SQL of periods and assignments. Functions take the database or a transaction first; the
 * caller passes the actor's scope as SQL conditions where a list depends on it.
 */

export type PeriodRow = typeof regimePeriod.$inferSelect;
export type AssignmentRow = typeof assignment.$inferSelect;
export type EventRow = typeof regimePeriodEvent.$inferSelect;

/** A deadline as stored in `regime_period.deadlines` (the instant as an ISO string). */
export interface StoredDeadline {
  label: string;
  date: string;
  time: string;
  at: string;
}

const unitOf = alias(orgUnit, 'au');
const receiverOf = alias(orgUnit, 'ar');
const ownerOf = alias(orgUnit, 'ow');
const parentAssignment = alias(assignment, 'pa');
const parentUnit = alias(orgUnit, 'pu');

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// ---- regimes ---------------------------------------------------------------------------------

export interface RegimeHeaderRow {
  id: string;
  code: string;
  name: string;
  ownerUnitId: string;
  ownerUnitName: string;
}

export async function findRegimeHeader(db: Db, regimeId: string): Promise<RegimeHeaderRow | undefined> {
  const [row] = await db
    .select({ id: regime.id, code: regime.code, name: regime.name, ownerUnitId: regime.ownerUnitId, ownerUnitName: orgUnit.name })
    .from(regime)
    .innerJoin(orgUnit, eq(orgUnit.id, regime.ownerUnitId))
    .where(eq(regime.id, regimeId));
  return row;
}

/**
 * Serialises the opening of one regime's periods across transactions and processes: held until the
 * transaction ends, so the existence re-check that follows sees what another process committed.
 */
export async function lockRegimeForOpening(tx: Db, regimeId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'regime:' + regimeId}, 0))`);
}

// ---- periods ---------------------------------------------------------------------------------

/** The last day of the latest window opened for the regime, or null before its first period. */
export async function latestWindowEnd(db: Db, regimeId: string): Promise<string | null> {
  const [row] = await db
    .select({ end: sql<string | null>`max(${regimePeriod.windowEnd})::text` })
    .from(regimePeriod)
    .where(eq(regimePeriod.regimeId, regimeId));
  return row?.end ?? null;
}

/** Codes of the regime's periods whose window ends on or after `from`. */
export async function openedCodesSince(db: Db, regimeId: string, from: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: regimePeriod.periodCode })
    .from(regimePeriod)
    .where(and(eq(regimePeriod.regimeId, regimeId), gte(regimePeriod.windowEnd, from)));
  return new Set(rows.map((r) => r.code));
}

export async function periodCodeExists(tx: Db, regimeId: string, code: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: regimePeriod.id })
    .from(regimePeriod)
    .where(and(eq(regimePeriod.regimeId, regimeId), eq(regimePeriod.periodCode, code)));
  return row !== undefined;
}

/** Inserts a period; undefined when another transaction opened the same code first. */
export async function insertPeriod(tx: Db, values: typeof regimePeriod.$inferInsert): Promise<PeriodRow | undefined> {
  const [row] = await tx
    .insert(regimePeriod)
    .values(values)
    .onConflictDoNothing({ target: [regimePeriod.regimeId, regimePeriod.periodCode] })
    .returning();
  return row;
}

export interface PeriodWithRegime {
  period: PeriodRow;
  regimeCode: string;
  regimeName: string;
  ownerUnitId: string;
  /** The regime version's content the period was opened from (JSON, as stored). */
  content: unknown;
}

const periodWithRegimeColumns = {
  period: regimePeriod,
  regimeCode: regime.code,
  regimeName: regime.name,
  ownerUnitId: regime.ownerUnitId,
  content: regimeVersion.content,
};

export async function findPeriod(db: Db, id: string): Promise<PeriodWithRegime | undefined> {
  const [row] = await db
    .select(periodWithRegimeColumns)
    .from(regimePeriod)
    .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
    .innerJoin(regimeVersion, eq(regimeVersion.id, regimePeriod.regimeVersionId))
    .where(eq(regimePeriod.id, id));
  return row;
}

/** Every change to a period, and to its level-0 assignments' deadlines, locks the period row first. */
export async function lockPeriod(tx: Db, id: string): Promise<PeriodRow | undefined> {
  const [row] = await tx.select().from(regimePeriod).where(eq(regimePeriod.id, id)).for('update');
  return row;
}

/** Changes a period and bumps its version (the optimistic check of close, reopen and extend). */
export async function updatePeriod(tx: Db, id: string, values: Partial<typeof regimePeriod.$inferInsert>): Promise<PeriodRow> {
  const [row] = await tx
    .update(regimePeriod)
    .set({ ...values, version: sql`${regimePeriod.version} + 1` })
    .where(eq(regimePeriod.id, id))
    .returning();
  return row!;
}

/** The regime's periods, newest window first. */
export async function periodsOfRegime(db: Db, regimeId: string, range: { from?: string; to?: string; limit?: number } = {}) {
  const where: SQL[] = [eq(regimePeriod.regimeId, regimeId)];
  if (range.from) where.push(gte(regimePeriod.windowEnd, range.from));
  if (range.to) where.push(lte(regimePeriod.windowEnd, range.to));
  const query = db
    .select()
    .from(regimePeriod)
    .where(and(...where))
    .orderBy(desc(regimePeriod.windowEnd), desc(regimePeriod.periodCode));
  return range.limit ? query.limit(range.limit) : query;
}

/** How many level-0 assignments of each period are in each status. */
export async function statusCounts(db: Db, periodIds: string[]) {
  if (periodIds.length === 0) return [];
  return db
    .select({ periodId: assignment.regimePeriodId, status: assignment.status, n: sql<number>`count(*)::int` })
    .from(assignment)
    .where(and(inArray(assignment.regimePeriodId, periodIds), isNull(assignment.parentAssignmentId)))
    .groupBy(assignment.regimePeriodId, assignment.status);
}

/** Open or extended periods of regimes that refuse late reports, whose every deadline has passed. */
export async function expiredPeriodsToClose(db: Db, now: Date, periodId?: string): Promise<{ id: string }[]> {
  return db
    .select({ id: regimePeriod.id })
    .from(regimePeriod)
    .innerJoin(regimeVersion, eq(regimeVersion.id, regimePeriod.regimeVersionId))
    .where(
      and(
        periodId ? eq(regimePeriod.id, periodId) : undefined,
        inArray(regimePeriod.state, ['open', 'extended']),
        sql`(${regimeVersion.content} ->> 'allowLateSending') = 'false'`,
        lte(regimePeriod.deadlineAt, now),
        sql`not exists (select 1 from assignment la where la.regime_period_id = ${regimePeriod.id}
              and la.parent_assignment_id is null and la.deadline_at > ${now.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(asc(regimePeriod.deadlineAt));
}

// ---- assignments ----------------------------------------------------------------------------

const childCountSql = sql<number>`(select count(*)::int from assignment ch where ch.parent_assignment_id = ${assignment.id})`;

const assignmentSummaryColumns = {
  assignment,
  unitName: unitOf.name,
  receivingUnitName: receiverOf.name,
  childCount: childCountSql,
};

export type AssignmentSummaryRow = { assignment: AssignmentRow; unitName: string; receivingUnitName: string; childCount: number };

function selectAssignmentSummaries(db: Db) {
  return db
    .select(assignmentSummaryColumns)
    .from(assignment)
    .innerJoin(unitOf, eq(unitOf.id, assignment.unitId))
    .innerJoin(receiverOf, eq(receiverOf.id, assignment.receivingUnitId));
}

export async function insertAssignments(tx: Db, values: (typeof assignment.$inferInsert)[]): Promise<AssignmentRow[]> {
  if (values.length === 0) return [];
  const out: AssignmentRow[] = [];
  // Bounded statements: a regime may have thousands of reporting units.
  for (let i = 0; i < values.length; i += 500) {
    out.push(
      ...(await tx
        .insert(assignment)
        .values(values.slice(i, i + 500))
        .returning()),
    );
  }
  return out;
}

/** Every assignment of the period, delegated ones included, in tree order (level, then unit). */
export async function assignmentsOfPeriod(db: Db, periodId: string): Promise<AssignmentSummaryRow[]> {
  return selectAssignmentSummaries(db)
    .where(eq(assignment.regimePeriodId, periodId))
    .orderBy(asc(assignment.level), asc(unitOf.path), asc(unitOf.sortOrder), asc(unitOf.name));
}

export async function childrenOf(db: Db, assignmentId: string): Promise<AssignmentSummaryRow[]> {
  return selectAssignmentSummaries(db).where(eq(assignment.parentAssignmentId, assignmentId)).orderBy(asc(unitOf.path), asc(unitOf.name));
}

/** Level-0 assignments of a period, locked, optionally only those of `unitIds`. */
export async function lockTopAssignments(tx: Db, periodId: string, unitIds?: string[]): Promise<AssignmentRow[]> {
  const where: SQL[] = [eq(assignment.regimePeriodId, periodId), isNull(assignment.parentAssignmentId)];
  if (unitIds) where.push(inArray(assignment.unitId, unitIds));
  return tx
    .select()
    .from(assignment)
    .where(and(...where))
    .orderBy(asc(assignment.id))
    .for('update');
}

export async function updateAssignmentDeadlines(tx: Db, ids: string[], deadlineAt: Date, now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(assignment)
    .set({ deadlineAt, updatedAt: now, version: sql`${assignment.version} + 1` })
    .where(inArray(assignment.id, ids));
}

/** Level-0 units of the period that have not sent (or whose report was returned). */
export async function unsentTopUnitIds(db: Db, periodId: string): Promise<string[]> {
  const rows = await db
    .select({ unitId: assignment.unitId })
    .from(assignment)
    .where(
      and(
        eq(assignment.regimePeriodId, periodId),
        isNull(assignment.parentAssignmentId),
        inArray(assignment.status, ['not_started', 'in_progress', 'returned']),
      ),
    );
  return rows.map((r) => r.unitId);
}

export async function topUnitIds(db: Db, periodId: string): Promise<string[]> {
  const rows = await db
    .select({ unitId: assignment.unitId })
    .from(assignment)
    .where(and(eq(assignment.regimePeriodId, periodId), isNull(assignment.parentAssignmentId)));
  return rows.map((r) => r.unitId);
}

/** Scope conditions over the assignment's unit, its receiving unit and its regime's owner unit. */
export type UnitColumns = { id: AnyPgColumn; path: AnyPgColumn };
export interface AssignmentScopes {
  workOnUnit: (cols: UnitColumns) => SQL;
  workOnReceiver: (cols: UnitColumns) => SQL;
  manageOwner: (cols: UnitColumns) => SQL;
  delegateOnUnit: (cols: UnitColumns) => SQL;
}

/** An assignment with its period, regime, names, and what the actor may do with it. */
export async function findAssignment(db: Db, id: string, scopes: AssignmentScopes) {
  const [row] = await db
    .select({
      ...assignmentSummaryColumns,
      period: regimePeriod,
      regimeId: regime.id,
      regimeCode: regime.code,
      regimeName: regime.name,
      ownerUnitId: regime.ownerUnitId,
      unitPath: unitOf.path,
      workOnUnit: sql<boolean>`coalesce(${scopes.workOnUnit({ id: unitOf.id, path: unitOf.path })}, false)`,
      workOnReceiver: sql<boolean>`coalesce(${scopes.workOnReceiver({ id: receiverOf.id, path: receiverOf.path })}, false)`,
      manageOwner: sql<boolean>`coalesce(${scopes.manageOwner({ id: ownerOf.id, path: ownerOf.path })}, false)`,
      delegateOnUnit: sql<boolean>`coalesce(${scopes.delegateOnUnit({ id: unitOf.id, path: unitOf.path })}, false)`,
    })
    .from(assignment)
    .innerJoin(unitOf, eq(unitOf.id, assignment.unitId))
    .innerJoin(receiverOf, eq(receiverOf.id, assignment.receivingUnitId))
    .innerJoin(regimePeriod, eq(regimePeriod.id, assignment.regimePeriodId))
    .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
    .innerJoin(ownerOf, eq(ownerOf.id, regime.ownerUnitId))
    .where(eq(assignment.id, id));
  return row;
}

export async function lockAssignment(tx: Db, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await tx.select().from(assignment).where(eq(assignment.id, id)).for('update');
  return row;
}

export async function childUnitIds(tx: Db, parentId: string): Promise<string[]> {
  const rows = await tx.select({ unitId: assignment.unitId }).from(assignment).where(eq(assignment.parentAssignmentId, parentId));
  return rows.map((r) => r.unitId);
}

// ---- "Việc cần làm" ---------------------------------------------------------------------------

export interface TaskScopeGrant {
  unitId: string;
  unitPath: string;
  includeSubtree: boolean;
}

/** Assignments of the units the grants name (a subtree grant: its whole subtree), soonest deadline first. */
export async function taskRows(db: Db, opts: { grants: TaskScopeGrant[]; openOnly: boolean; limit: number }) {
  if (opts.grants.length === 0) return [];
  const scope = or(...opts.grants.map((g) => (g.includeSubtree ? sql`${unitOf.path} like ${g.unitPath + '%'}` : eq(unitOf.id, g.unitId))));
  const where: (SQL | undefined)[] = [scope];
  if (opts.openOnly) where.push(inArray(assignment.status, ['not_started', 'in_progress', 'returned']));
  const rows = await db
    .select({
      assignment,
      unitName: unitOf.name,
      receivingUnitName: receiverOf.name,
      delegatedBy: parentUnit.name,
      periodLabel: regimePeriod.label,
      periodState: regimePeriod.state,
      windowStart: regimePeriod.windowStart,
      windowEnd: regimePeriod.windowEnd,
      regimeId: regime.id,
      regimeCode: regime.code,
      regimeName: regime.name,
    })
    .from(assignment)
    .innerJoin(unitOf, eq(unitOf.id, assignment.unitId))
    .innerJoin(receiverOf, eq(receiverOf.id, assignment.receivingUnitId))
    .innerJoin(regimePeriod, eq(regimePeriod.id, assignment.regimePeriodId))
    .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
    .leftJoin(parentAssignment, eq(parentAssignment.id, assignment.parentAssignmentId))
    .leftJoin(parentUnit, eq(parentUnit.id, parentAssignment.unitId))
    .where(and(...where))
    // The most recent ones when there are too many; the caller orders them soonest first.
    .orderBy(desc(assignment.deadlineAt), asc(assignment.id))
    .limit(opts.limit);
  return rows.reverse();
}

// ---- monitoring ----------------------------------------------------------------------------

/** Level-0 assignments of the periods, with their unit's name and place in the tree. */
export async function monitoringCells(db: Db, periodIds: string[]) {
  if (periodIds.length === 0) return [];
  return db
    .select({
      id: assignment.id,
      periodId: assignment.regimePeriodId,
      unitId: assignment.unitId,
      unitName: unitOf.name,
      unitPath: unitOf.path,
      unitSort: unitOf.sortOrder,
      status: assignment.status,
      deadlineAt: assignment.deadlineAt,
      sentAt: assignment.sentAt,
      childCount: childCountSql,
    })
    .from(assignment)
    .innerJoin(unitOf, eq(unitOf.id, assignment.unitId))
    .where(and(inArray(assignment.regimePeriodId, periodIds), isNull(assignment.parentAssignmentId)))
    .orderBy(asc(unitOf.path), asc(unitOf.sortOrder), asc(unitOf.name));
}

// ---- reminders -------------------------------------------------------------------------------

/** Unsent assignments of open or extended periods whose deadline is before `until`, with their regime version's reminder settings. */
export async function reminderCandidates(db: Db, until: Date) {
  return db
    .select({
      id: assignment.id,
      unitId: assignment.unitId,
      deadlineAt: assignment.deadlineAt,
      periodId: regimePeriod.id,
      periodLabel: regimePeriod.label,
      regimeName: regime.name,
      reminders: sql<unknown>`${regimeVersion.content} -> 'reminders'`,
    })
    .from(assignment)
    .innerJoin(regimePeriod, eq(regimePeriod.id, assignment.regimePeriodId))
    .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
    .innerJoin(regimeVersion, eq(regimeVersion.id, regimePeriod.regimeVersionId))
    .where(
      and(
        inArray(regimePeriod.state, ['open', 'extended']),
        inArray(assignment.status, ['not_started', 'in_progress', 'returned']),
        lte(assignment.deadlineAt, until),
      ),
    )
    .orderBy(asc(assignment.deadlineAt));
}

/** Of `keys`, the notification dedupe keys some account already received. */
export async function existingDedupeKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .selectDistinct({ key: notification.dedupeKey })
      .from(notification)
      .where(inArray(notification.dedupeKey, keys.slice(i, i + 1000)));
    for (const r of rows) if (r.key) out.add(r.key);
  }
  return out;
}

// ---- events --------------------------------------------------------------------------------

export async function insertEvent(tx: Db, values: typeof regimePeriodEvent.$inferInsert): Promise<EventRow> {
  const [row] = await tx.insert(regimePeriodEvent).values(values).returning();
  return row!;
}

export async function hasEvent(db: Db, periodId: string, kind: string): Promise<boolean> {
  const [row] = await db
    .select({ id: regimePeriodEvent.id })
    .from(regimePeriodEvent)
    .where(and(eq(regimePeriodEvent.regimePeriodId, periodId), eq(regimePeriodEvent.kind, kind)))
    .limit(1);
  return row !== undefined;
}

export async function eventsOfPeriod(db: Db, periodId: string) {
  return db
    .select({ event: regimePeriodEvent, actorName: appUser.fullName, assignmentUnitId: assignment.unitId })
    .from(regimePeriodEvent)
    .leftJoin(appUser, eq(appUser.id, regimePeriodEvent.actorId))
    .leftJoin(assignment, eq(assignment.id, regimePeriodEvent.assignmentId))
    .where(eq(regimePeriodEvent.regimePeriodId, periodId))
    .orderBy(asc(regimePeriodEvent.at), asc(regimePeriodEvent.id));
}

// ---- units and forms -----------------------------------------------------------------------

export async function unitsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path, active: orgUnit.active })
    .from(orgUnit)
    .where(inArray(orgUnit.id, ids));
}

/** The latest published version of each form (forms without one are left out). */
export async function latestPublishedVersions(db: Db, formIds: string[]): Promise<{ formId: string; versionId: string }[]> {
  if (formIds.length === 0) return [];
  const result = await db.execute(sql`
    select distinct on (fv.form_id) fv.form_id as "formId", fv.id as "versionId"
    from ${formVersion} fv
    where fv.form_id in (${sql.join(
      formIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and fv.status = 'published'
    order by fv.form_id, fv.version_no desc`);
  return rowsOf<{ formId: string; versionId: string }>(result);
}

export async function formsOfVersions(db: Db, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({ formId: form.id, versionId: formVersion.id, code: form.code, name: form.name, kind: form.kind })
    .from(formVersion)
    .innerJoin(form, eq(form.id, formVersion.formId))
    .where(inArray(formVersion.id, versionIds));
}

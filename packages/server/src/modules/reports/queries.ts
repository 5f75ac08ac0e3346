import { and, asc, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { assignment, regimePeriod } from '../assignments/index.ts';
import { form, formVersion } from '../forms/index.ts';
import { regime } from '../regimes/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';
import { report, reportEvent, reportSnapshot, reportVersion } from './tables.ts';

/**
 * The only SQL of reports. Functions take the database or a transaction first; lists take the
 * actor's scope as SQL over the unit they filter on. Assignments, periods, regimes, forms and
 * units are read here, never written: their modules own them.
 */

export type ReportRow = typeof report.$inferSelect;
export type VersionRow = typeof reportVersion.$inferSelect;
export type EventRow = typeof reportEvent.$inferSelect;

const senderUnit = alias(orgUnit, 'su');
const receiverUnit = alias(orgUnit, 'ru');
const updater = alias(appUser, 'upd');

// ---- reports ---------------------------------------------------------------------------------

/** Inserts the report of an assignment; undefined when another transaction opened it first. */
export async function insertReport(tx: Db, values: typeof report.$inferInsert): Promise<ReportRow | undefined> {
  const [row] = await tx.insert(report).values(values).onConflictDoNothing({ target: report.assignmentId }).returning();
  return row;
}

export async function findReportIdByAssignment(db: Db, assignmentId: string): Promise<string | undefined> {
  const [row] = await db.select({ id: report.id }).from(report).where(eq(report.assignmentId, assignmentId));
  return row?.id;
}

export async function updateReport(tx: Db, id: string, values: Partial<typeof report.$inferInsert>): Promise<ReportRow> {
  const [row] = await tx.update(report).set(values).where(eq(report.id, id)).returning();
  return row!;
}

// ---- versions --------------------------------------------------------------------------------

export async function insertVersion(tx: Db, values: typeof reportVersion.$inferInsert): Promise<VersionRow> {
  const [row] = await tx.insert(reportVersion).values(values).returning();
  return row!;
}

/** One version, `FOR UPDATE` with `lock` (saves and transitions change what they read). */
export async function findVersion(
  db: Db,
  reportId: string,
  versionNo: number,
  opts: { lock?: boolean } = {},
): Promise<VersionRow | undefined> {
  const query = db
    .select()
    .from(reportVersion)
    .where(and(eq(reportVersion.reportId, reportId), eq(reportVersion.versionNo, versionNo)));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row;
}

/** The version with the name of whoever saved it last. */
export async function findVersionWithEditor(db: Db, reportId: string, versionNo: number) {
  const [row] = await db
    .select({ version: reportVersion, updatedByName: updater.fullName })
    .from(reportVersion)
    .leftJoin(updater, eq(updater.id, reportVersion.updatedBy))
    .where(and(eq(reportVersion.reportId, reportId), eq(reportVersion.versionNo, versionNo)));
  return row;
}

export async function updateVersion(tx: Db, id: string, values: Partial<typeof reportVersion.$inferInsert>): Promise<VersionRow> {
  const [row] = await tx.update(reportVersion).set(values).where(eq(reportVersion.id, id)).returning();
  return row!;
}

/** Every version of a report without its data, oldest first. */
export async function versionsOf(db: Db, reportId: string) {
  return db
    .select({
      versionNo: reportVersion.versionNo,
      reason: reportVersion.reason,
      createdAt: reportVersion.createdAt,
      sentAt: reportVersion.sentAt,
      acceptedAt: reportVersion.acceptedAt,
      lockedAt: reportVersion.lockedAt,
      contentHash: reportVersion.contentHash,
    })
    .from(reportVersion)
    .where(eq(reportVersion.reportId, reportId))
    .orderBy(asc(reportVersion.versionNo));
}

// ---- events and snapshots --------------------------------------------------------------------

export async function insertEvent(tx: Db, values: typeof reportEvent.$inferInsert): Promise<EventRow> {
  const [row] = await tx.insert(reportEvent).values(values).returning();
  return row!;
}

/**
 * The timeline, oldest first. Two events share an instant only when written by one transaction
 * (a report created and recorded as received out of band at once): its creation comes first.
 */
export async function eventsOf(db: Db, reportId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(reportEvent)
    .where(eq(reportEvent.reportId, reportId))
    .orderBy(asc(reportEvent.at), sql`${reportEvent.action} <> 'created'`, asc(reportEvent.id));
}

/** The latest event of `action` on the report (the correction request an approval answers). */
export async function lastEventOf(db: Db, reportId: string, action: string): Promise<EventRow | undefined> {
  const [row] = await db
    .select()
    .from(reportEvent)
    .where(and(eq(reportEvent.reportId, reportId), eq(reportEvent.action, action)))
    .orderBy(desc(reportEvent.at), desc(reportEvent.id))
    .limit(1);
  return row;
}

/** Keeps a version's content as it is now, once per distinct content. */
export async function insertSnapshot(tx: Db, contentHash: string, data: unknown, now: Date): Promise<void> {
  await tx.insert(reportSnapshot).values({ contentHash, data, createdAt: now }).onConflictDoNothing({ target: reportSnapshot.contentHash });
}

/** A snapshot, only when one of this report's events points at it (hashes of other reports stay hidden). */
export async function findSnapshotOfReport(db: Db, reportId: string, contentHash: string) {
  const [row] = await db
    .select({ data: reportSnapshot.data })
    .from(reportSnapshot)
    .where(
      and(
        eq(reportSnapshot.contentHash, contentHash),
        sql`exists (select 1 from ${reportEvent} where ${reportEvent.reportId} = ${reportId} and ${reportEvent.contentHash} = ${contentHash})`,
      ),
    );
  return row;
}

// ---- forms -----------------------------------------------------------------------------------

export interface FormDefinitionRow {
  formId: string;
  versionId: string;
  code: string;
  name: string;
  kind: string;
  definition: unknown;
}

/** Form versions with their definitions (any order). */
export async function formDefinitions(db: Db, versionIds: readonly string[]): Promise<FormDefinitionRow[]> {
  if (versionIds.length === 0) return [];
  return db
    .select({
      formId: form.id,
      versionId: formVersion.id,
      code: form.code,
      name: form.name,
      kind: form.kind,
      definition: formVersion.definition,
    })
    .from(formVersion)
    .innerJoin(form, eq(form.id, formVersion.formId))
    .where(inArray(formVersion.id, [...versionIds]));
}

// ---- summaries (lists and the detail's header) ----------------------------------------------

const summaryColumns = {
  report,
  deadlineAt: assignment.deadlineAt,
  assignmentStatus: assignment.status,
  periodCode: regimePeriod.periodCode,
  periodLabel: regimePeriod.label,
  regimeId: regime.id,
  regimeCode: regime.code,
  regimeName: regime.name,
  unitName: senderUnit.name,
  receivingUnitName: receiverUnit.name,
};

export interface SummaryRow {
  report: ReportRow;
  deadlineAt: Date;
  assignmentStatus: string;
  periodCode: string;
  periodLabel: string;
  regimeId: string;
  regimeCode: string;
  regimeName: string;
  unitName: string;
  receivingUnitName: string;
}

function selectSummaries(db: Db) {
  return db
    .select(summaryColumns)
    .from(report)
    .innerJoin(assignment, eq(assignment.id, report.assignmentId))
    .innerJoin(regimePeriod, eq(regimePeriod.id, report.regimePeriodId))
    .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
    .innerJoin(senderUnit, eq(senderUnit.id, report.unitId))
    .innerJoin(receiverUnit, eq(receiverUnit.id, report.receivingUnitId));
}

export async function findSummary(db: Db, reportId: string): Promise<SummaryRow | undefined> {
  const [row] = await selectSummaries(db).where(eq(report.id, reportId));
  return row;
}

/** The unit columns a list's scope is written over: the sending unit, or the receiving unit. */
export const SENDER_UNIT = { id: senderUnit.id, path: senderUnit.path };
export const RECEIVER_UNIT = { id: receiverUnit.id, path: receiverUnit.path };

export interface ReportFilter {
  /** The actor's scope over SENDER_UNIT or RECEIVER_UNIT. */
  scope: SQL;
  periodId?: string | undefined;
  regimeId?: string | undefined;
  state?: string | undefined;
  /** Folded, lower-case search text (unit or regime). */
  search?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of reports in scope: the latest activity first. */
export async function listSummaries(db: Db, f: ReportFilter): Promise<{ items: SummaryRow[]; total: number }> {
  const where: (SQL | undefined)[] = [
    f.scope,
    f.periodId ? eq(report.regimePeriodId, f.periodId) : undefined,
    f.regimeId ? eq(regimePeriod.regimeId, f.regimeId) : undefined,
    f.state ? eq(report.state, f.state) : undefined,
  ];
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(sql`${senderUnit.searchText} like ${like}`, sql`${receiverUnit.searchText} like ${like}`, sql`${regime.searchText} like ${like}`),
    );
  }
  const condition = and(...where);
  const [items, [total]] = await Promise.all([
    selectSummaries(db)
      .where(condition)
      .orderBy(desc(report.updatedAt), asc(report.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: count() })
      .from(report)
      .innerJoin(regimePeriod, eq(regimePeriod.id, report.regimePeriodId))
      .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
      .innerJoin(senderUnit, eq(senderUnit.id, report.unitId))
      .innerJoin(receiverUnit, eq(receiverUnit.id, report.receivingUnitId))
      .where(condition),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every report of the given assignments (the incoming view joins them to its assignments). */
export async function summariesOfAssignments(db: Db, assignmentIds: readonly string[]): Promise<SummaryRow[]> {
  if (assignmentIds.length === 0) return [];
  return selectSummaries(db).where(inArray(report.assignmentId, [...assignmentIds]));
}

// ---- the receiver's view of a period ----------------------------------------------------------

/** The receiving units of a period's assignments, each with whether it lies in `scope` (over RECEIVER_UNIT). */
export async function receivingUnitsOfPeriod(db: Db, periodId: string, scope: SQL) {
  return db
    .selectDistinct({ id: receiverUnit.id, inScope: sql<boolean>`coalesce(${scope}, false)` })
    .from(assignment)
    .innerJoin(receiverUnit, eq(receiverUnit.id, assignment.receivingUnitId))
    .where(eq(assignment.regimePeriodId, periodId));
}

export async function findPeriodHeader(db: Db, periodId: string) {
  const [row] = await db
    .select({ id: regimePeriod.id, label: regimePeriod.label, regimeName: regime.name })
    .from(regimePeriod)
    .innerJoin(regime, eq(regime.id, regimePeriod.regimeId))
    .where(eq(regimePeriod.id, periodId));
  return row;
}

/** The period's assignments received by `receivingUnitIds` (the caller orders them by unit). */
export async function incomingAssignments(db: Db, periodId: string, receivingUnitIds: readonly string[]) {
  if (receivingUnitIds.length === 0) return [];
  return db
    .select({
      id: assignment.id,
      unitId: assignment.unitId,
      unitName: senderUnit.name,
      status: assignment.status,
      deadlineAt: assignment.deadlineAt,
      sentAt: assignment.sentAt,
      unitSortOrder: senderUnit.sortOrder,
    })
    .from(assignment)
    .innerJoin(senderUnit, eq(senderUnit.id, assignment.unitId))
    .where(and(eq(assignment.regimePeriodId, periodId), inArray(assignment.receivingUnitId, [...receivingUnitIds])));
}

// ---- other periods' accepted data (PREV, SAMEPERIOD_LASTYEAR, YTD) ---------------------------

/** The regime's periods of one type, with their codes and windows (for choosing PREV, last year, YTD). */
export async function periodsOfType(db: Db, regimeId: string, periodType: string) {
  return db
    .select({
      id: regimePeriod.id,
      code: regimePeriod.periodCode,
      windowStart: regimePeriod.windowStart,
      windowEnd: regimePeriod.windowEnd,
    })
    .from(regimePeriod)
    .where(and(eq(regimePeriod.regimeId, regimeId), eq(regimePeriod.periodType, periodType)));
}

/**
 * The latest accepted version of the unit's report in each of `periodIds` (a correction being
 * made leaves the accepted version in force), with the form versions that report was asked for.
 */
export async function acceptedVersionsOfUnit(db: Db, unitId: string, periodIds: readonly string[]) {
  if (periodIds.length === 0) return [];
  const rows = await db
    .select({
      periodId: report.regimePeriodId,
      reportId: report.id,
      versionNo: reportVersion.versionNo,
      acceptedAt: reportVersion.acceptedAt,
      data: reportVersion.data,
    })
    .from(report)
    .innerJoin(reportVersion, eq(reportVersion.reportId, report.id))
    .where(and(eq(report.unitId, unitId), inArray(report.regimePeriodId, [...periodIds]), isNotNull(reportVersion.acceptedAt)))
    .orderBy(asc(report.regimePeriodId), desc(reportVersion.acceptedAt), desc(reportVersion.versionNo));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.periodId)) latest.set(r.periodId, r);
  return [...latest.values()];
}

/**
 * Accepted versions of reports of any units (for analytics and consolidation): by report, the
 * latest accepted version, for the given periods and, optionally, units.
 */
export async function acceptedVersions(db: Db, filter: { periodIds: readonly string[]; unitIds?: readonly string[] }) {
  if (filter.periodIds.length === 0) return [];
  const rows = await db
    .select({
      reportId: report.id,
      assignmentId: report.assignmentId,
      periodId: report.regimePeriodId,
      unitId: report.unitId,
      receivingUnitId: report.receivingUnitId,
      versionNo: reportVersion.versionNo,
      acceptedAt: reportVersion.acceptedAt,
      data: reportVersion.data,
    })
    .from(report)
    .innerJoin(reportVersion, eq(reportVersion.reportId, report.id))
    .where(
      and(
        inArray(report.regimePeriodId, [...filter.periodIds]),
        filter.unitIds ? inArray(report.unitId, [...filter.unitIds]) : undefined,
        isNotNull(reportVersion.acceptedAt),
      ),
    )
    .orderBy(asc(report.id), desc(reportVersion.versionNo));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.reportId)) latest.set(r.reportId, r);
  return [...latest.values()];
}

import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignment, regimePeriod } from '../assignments/tables.ts';
import { form, formVersion } from '../forms/tables.ts';
import { indicator } from '../indicators/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { report, reportVersion, storedFile } from './tables.ts';

/*
 * The SQL of report data in and out (consolidation, Excel, attachments). Reading assignments,
 * periods, forms, indicators and units directly is a stop-gap: those modules do not yet export
 * read functions for what is needed here (see the helpers' notes); only reads, never writes.
 */

// ---------- Forms ----------

export interface FormVersionRow {
  versionId: string;
  formId: string;
  kind: string;
  code: string;
  name: string;
  versionNo: number;
  status: string;
  contentHash: string;
  definition: unknown;
  ownerUnitName: string;
}

/** Form versions by id, with their form's identity (any status: a report names only published ones). */
export async function formVersionsByIds(db: Db, versionIds: readonly string[]): Promise<FormVersionRow[]> {
  if (versionIds.length === 0) return [];
  return db
    .select({
      versionId: formVersion.id,
      formId: formVersion.formId,
      kind: form.kind,
      code: form.code,
      name: form.name,
      versionNo: formVersion.versionNo,
      status: formVersion.status,
      contentHash: formVersion.contentHash,
      definition: formVersion.definition,
      ownerUnitName: orgUnit.name,
    })
    .from(formVersion)
    .innerJoin(form, eq(form.id, formVersion.formId))
    .innerJoin(orgUnit, eq(orgUnit.id, form.ownerUnitId))
    .where(inArray(formVersion.id, [...versionIds]));
}

export interface IndicatorRule {
  code: string;
  aggregation: string;
  weightIndicatorCode: string | null;
}

export async function indicatorRules(db: Db, codes: readonly string[]): Promise<IndicatorRule[]> {
  if (codes.length === 0) return [];
  return db
    .select({ code: indicator.code, aggregation: indicator.aggregation, weightIndicatorCode: indicator.weightIndicatorCode })
    .from(indicator)
    .where(inArray(indicator.code, [...codes]));
}

// ---------- Assignments and periods ----------

export interface ReportContextRow {
  assignmentId: string;
  formVersionIds: unknown;
  regimeId: string;
  periodCode: string;
  periodType: string;
  periodLabel: string;
  windowStart: string;
  unitName: string;
}

/** What the report's files are named after (its period and unit), the forms it fills, and its regime. */
export async function reportContext(db: Db, reportId: string): Promise<ReportContextRow | undefined> {
  const [row] = await db
    .select({
      assignmentId: assignment.id,
      formVersionIds: assignment.formVersionIds,
      regimeId: regimePeriod.regimeId,
      periodCode: regimePeriod.periodCode,
      periodType: regimePeriod.periodType,
      periodLabel: regimePeriod.label,
      windowStart: regimePeriod.windowStart,
      unitName: orgUnit.name,
    })
    .from(report)
    .innerJoin(assignment, eq(assignment.id, report.assignmentId))
    .innerJoin(regimePeriod, eq(regimePeriod.id, report.regimePeriodId))
    .innerJoin(orgUnit, eq(orgUnit.id, report.unitId))
    .where(eq(report.id, reportId));
  return row;
}

export interface ExpectedAssignment {
  assignmentId: string;
  unitId: string;
  unitName: string;
  status: string;
}

const expectedColumns = { assignmentId: assignment.id, unitId: assignment.unitId, unitName: orgUnit.name, status: assignment.status };

/** The subunits an assignment was passed down to (cancelled ones left out), in display order (sort order, then name). */
export async function childAssignments(db: Db, parentAssignmentId: string): Promise<ExpectedAssignment[]> {
  return db
    .select(expectedColumns)
    .from(assignment)
    .innerJoin(orgUnit, eq(orgUnit.id, assignment.unitId))
    .where(and(eq(assignment.parentAssignmentId, parentAssignmentId), ne(assignment.status, 'cancelled')))
    .orderBy(asc(orgUnit.sortOrder), asc(orgUnit.name));
}

/** Every assignment of a period received by one unit (cancelled ones left out), in display order (sort order, then name). */
export async function assignmentsReceivedBy(db: Db, periodId: string, receivingUnitId: string): Promise<ExpectedAssignment[]> {
  return db
    .select(expectedColumns)
    .from(assignment)
    .innerJoin(orgUnit, eq(orgUnit.id, assignment.unitId))
    .where(
      and(eq(assignment.regimePeriodId, periodId), eq(assignment.receivingUnitId, receivingUnitId), ne(assignment.status, 'cancelled')),
    )
    .orderBy(asc(orgUnit.sortOrder), asc(orgUnit.name));
}

export async function findPeriodForms(db: Db, periodId: string): Promise<{ id: string; formVersionIds: unknown } | undefined> {
  const [row] = await db
    .select({ id: regimePeriod.id, formVersionIds: regimePeriod.formVersionIds })
    .from(regimePeriod)
    .where(eq(regimePeriod.id, periodId));
  return row;
}

/** The units receiving a period's assignments (not cancelled), for choosing the one to consolidate. */
export async function receivingUnitsOfPeriod(db: Db, periodId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ unitId: assignment.receivingUnitId })
    .from(assignment)
    .where(and(eq(assignment.regimePeriodId, periodId), ne(assignment.status, 'cancelled')));
  return rows.map((r) => r.unitId);
}

// ---------- Report versions ----------

export interface AcceptedVersionRow {
  reportId: string;
  assignmentId: string;
  unitId: string;
  versionNo: number;
  data: unknown;
}

/**
 * The version in force of each report of these assignments: the latest one accepted. During a
 * correction the new draft is not accepted yet, so the accepted version before it still counts.
 */
export async function acceptedVersionsOf(db: Db, assignmentIds: readonly string[]): Promise<AcceptedVersionRow[]> {
  if (assignmentIds.length === 0) return [];
  return db
    .selectDistinctOn([reportVersion.reportId], {
      reportId: report.id,
      assignmentId: report.assignmentId,
      unitId: report.unitId,
      versionNo: reportVersion.versionNo,
      data: reportVersion.data,
    })
    .from(reportVersion)
    .innerJoin(report, eq(report.id, reportVersion.reportId))
    .where(and(inArray(report.assignmentId, [...assignmentIds]), isNotNull(reportVersion.acceptedAt)))
    .orderBy(reportVersion.reportId, desc(reportVersion.versionNo));
}

export type ReportVersionRow = typeof reportVersion.$inferSelect;

export async function findVersion(db: Db, reportId: string, versionNo: number): Promise<ReportVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(reportVersion)
    .where(and(eq(reportVersion.reportId, reportId), eq(reportVersion.versionNo, versionNo)));
  return row;
}

/** The version a change is written to, locked until the transaction ends. */
export async function lockVersion(tx: Db, reportId: string, versionNo: number): Promise<ReportVersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(reportVersion)
    .where(and(eq(reportVersion.reportId, reportId), eq(reportVersion.versionNo, versionNo)))
    .for('update');
  return row;
}

export async function updateVersionData(
  tx: Db,
  id: string,
  values: { data: unknown; contentHash: string; revision: number; updatedBy: string; updatedAt: Date },
): Promise<void> {
  await tx.update(reportVersion).set(values).where(eq(reportVersion.id, id));
}

export async function touchReport(tx: Db, reportId: string, at: Date): Promise<void> {
  await tx.update(report).set({ updatedAt: at }).where(eq(report.id, reportId));
}

// ---------- Stored files ----------

/** Stores bytes once by their hash: the same document attached twice is kept once. */
export async function storeFile(tx: Db, file: { sha256: string; contentType: string; size: number; content: Buffer; createdAt: Date }) {
  await tx.insert(storedFile).values(file).onConflictDoNothing({ target: storedFile.sha256 });
}

export async function readStoredFile(db: Db, sha256: string): Promise<{ contentType: string; size: number; content: Buffer } | undefined> {
  const [row] = await db
    .select({ contentType: storedFile.contentType, size: storedFile.size, content: storedFile.content })
    .from(storedFile)
    .where(eq(storedFile.sha256, sha256));
  return row;
}

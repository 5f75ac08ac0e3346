import { and, asc, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { report, reportEvent, reportSnapshot, reportVersion } from '../reports/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';
import { certificate, reportSignature, trustedCertificate } from './tables.ts';

/**
 * The only SQL of signatures. Reports, units and users are read here, never written: their modules
 * own them.
 */

export type CertificateRow = typeof certificate.$inferSelect;
export type TrustedRow = typeof trustedCertificate.$inferSelect;
export type SignatureRow = typeof reportSignature.$inferSelect;

const importer = alias(appUser, 'imp');
const owner = alias(appUser, 'own');

export interface CertificateListRow {
  certificate: CertificateRow;
  userName: string | null;
  unitName: string | null;
  importedByName: string | null;
}

function selectCertificates(db: Db) {
  return db
    .select({ certificate, userName: owner.fullName, unitName: orgUnit.name, importedByName: importer.fullName })
    .from(certificate)
    .leftJoin(owner, eq(owner.id, certificate.userId))
    .leftJoin(orgUnit, eq(orgUnit.id, certificate.unitId))
    .leftJoin(importer, eq(importer.id, certificate.createdBy));
}

export async function insertCertificate(tx: Db, values: typeof certificate.$inferInsert): Promise<CertificateRow> {
  const [row] = await tx.insert(certificate).values(values).returning();
  return row!;
}

export async function findCertificate(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<CertificateListRow | undefined> {
  if (opts.lock) await db.select({ id: certificate.id }).from(certificate).where(eq(certificate.id, id)).for('update');
  const [row] = await selectCertificates(db).where(eq(certificate.id, id));
  return row;
}

/** Certificates matching `where` (the caller's scope as SQL over certificate and org_unit), newest first. */
export async function listCertificates(db: Db, where: SQL): Promise<CertificateListRow[]> {
  return selectCertificates(db).where(where).orderBy(desc(certificate.createdAt), asc(certificate.id));
}

/** The certificates a person or a unit may sign with (not disabled), the longest-lived first. */
export async function usableCertificates(db: Db, owner: { userId: string } | { unitId: string }): Promise<CertificateRow[]> {
  const who = 'userId' in owner ? eq(certificate.userId, owner.userId) : eq(certificate.unitId, owner.unitId);
  return db
    .select()
    .from(certificate)
    .where(and(who, eq(certificate.ownerKind, 'userId' in owner ? 'person' : 'unit'), isNull(certificate.disabledAt)))
    .orderBy(desc(certificate.notAfter));
}

export async function disableCertificate(tx: Db, id: string, by: string, at: Date): Promise<void> {
  await tx.update(certificate).set({ disabledAt: at, disabledBy: by }).where(eq(certificate.id, id));
}

/** The unit columns a list's scope is written over (the unit of a unit certificate). */
export const CERTIFICATE_UNIT = { id: orgUnit.id, path: orgUnit.path };

// ---- trust anchors kept in the database ---------------------------------------------------------

export async function trustedRows(db: Db): Promise<TrustedRow[]> {
  return db.select().from(trustedCertificate).orderBy(asc(trustedCertificate.createdAt));
}

export async function insertTrusted(tx: Db, values: typeof trustedCertificate.$inferInsert): Promise<TrustedRow | undefined> {
  const [row] = await tx.insert(trustedCertificate).values(values).onConflictDoNothing().returning();
  return row;
}

// ---- signatures ------------------------------------------------------------------------------

export async function insertSignature(tx: Db, values: typeof reportSignature.$inferInsert): Promise<SignatureRow> {
  const [row] = await tx.insert(reportSignature).values(values).returning();
  return row!;
}

/** The signatures of a version with their certificate, oldest first. */
export async function signaturesOfVersion(db: Db, reportId: string, versionNo: number) {
  return db
    .select({ signature: reportSignature, eventContentHash: reportEvent.contentHash })
    .from(reportSignature)
    .leftJoin(reportEvent, eq(reportEvent.id, reportSignature.eventId))
    .where(and(eq(reportSignature.reportId, reportId), eq(reportSignature.versionNo, versionNo)))
    .orderBy(asc(reportSignature.signedAt), asc(reportSignature.createdAt));
}

export async function signaturesInForce(db: Db, reportId: string, versionNo: number): Promise<SignatureRow[]> {
  return db
    .select()
    .from(reportSignature)
    .where(and(eq(reportSignature.reportId, reportId), eq(reportSignature.versionNo, versionNo), isNull(reportSignature.supersededAt)));
}

export async function supersedeSignatures(tx: Db, reportId: string, versionNo: number, at: Date): Promise<number> {
  const rows = await tx
    .update(reportSignature)
    .set({ supersededAt: at })
    .where(and(eq(reportSignature.reportId, reportId), eq(reportSignature.versionNo, versionNo), isNull(reportSignature.supersededAt)))
    .returning({ id: reportSignature.id });
  return rows.length;
}

export async function findSignature(db: Db, reportId: string, signatureId: string): Promise<SignatureRow | undefined> {
  const [row] = await db
    .select()
    .from(reportSignature)
    .where(and(eq(reportSignature.id, signatureId), eq(reportSignature.reportId, reportId)));
  return row;
}

/** Signatures over content with this SHA-256, or whose signed PDF has it (a file uploaded for verification). */
export async function signaturesMatchingFile(db: Db, sha256: string) {
  return db
    .select({ reportId: reportSignature.reportId, versionNo: reportSignature.versionNo })
    .from(reportSignature)
    .where(or(eq(reportSignature.contentHash, sha256), eq(reportSignature.pdfSha256, sha256)))
    .limit(20);
}

// ---- what is signed: a report version and what it refers to (read-only) ---------------------------

export async function reportForContent(db: Db, reportId: string) {
  const [row] = await db
    .select({ id: report.id, assignmentId: report.assignmentId, unitId: report.unitId, receivingUnitId: report.receivingUnitId })
    .from(report)
    .where(eq(report.id, reportId));
  return row;
}

export async function versionForContent(db: Db, reportId: string, versionNo: number) {
  const [row] = await db
    .select({ data: reportVersion.data, contentHash: reportVersion.contentHash })
    .from(reportVersion)
    .where(and(eq(reportVersion.reportId, reportId), eq(reportVersion.versionNo, versionNo)));
  return row;
}

/** The version's data as it stood at an event (kept by its hash). */
export async function snapshotData(db: Db, contentHash: string): Promise<unknown> {
  const [row] = await db.select({ data: reportSnapshot.data }).from(reportSnapshot).where(eq(reportSnapshot.contentHash, contentHash));
  return row?.data;
}

export async function unitsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgUnit.id, name: orgUnit.name, agencyCode: orgUnit.agencyCode, adminCode: orgUnit.adminCode })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...ids]));
}

export async function findUser(db: Db, id: string) {
  const [row] = await db
    .select({ id: appUser.id, fullName: appUser.fullName, unitId: appUser.unitId, unitName: orgUnit.name })
    .from(appUser)
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
    .where(eq(appUser.id, id));
  return row;
}

export async function findUnit(db: Db, id: string) {
  const [row] = await db.select({ id: orgUnit.id, name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, id));
  return row;
}

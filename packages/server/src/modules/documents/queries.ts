import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { report, reportEvent, reportVersion, storedFile } from '../reports/index.ts';
import { reportSignature } from '../signatures/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';

/*
 * The SQL of documents. Documents own no table: they read reports, their events and stored files,
 * units, users and leader signatures, and never write any of them.
 */

export async function findReport(db: Db, reportId: string) {
  const [row] = await db.select().from(report).where(eq(report.id, reportId));
  return row;
}

export async function findVersion(db: Db, reportId: string, versionNo: number) {
  const [row] = await db
    .select({ versionNo: reportVersion.versionNo, data: reportVersion.data, acceptedAt: reportVersion.acceptedAt })
    .from(reportVersion)
    .where(and(eq(reportVersion.reportId, reportId), eq(reportVersion.versionNo, versionNo)));
  return row;
}

export interface UnitRow {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  kind: string;
  depth: number;
}

/** The unit and every unit above it, nearest first (from the materialised path). */
export async function unitWithAncestors(db: Db, unitId: string): Promise<UnitRow[]> {
  const [unit] = await db.select({ path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, unitId));
  if (!unit) return [];
  const ids = unit.path.split('/').filter(Boolean);
  const rows = await db
    .select({
      id: orgUnit.id,
      parentId: orgUnit.parentId,
      name: orgUnit.name,
      shortName: orgUnit.shortName,
      kind: orgUnit.kind,
      depth: orgUnit.depth,
    })
    .from(orgUnit)
    .where(inArray(orgUnit.id, ids));
  return rows.sort((a, b) => b.depth - a.depth);
}

export interface ApprovalRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
}

/** The latest approval (duyệt) of a report version. */
export async function lastApproval(db: Db, reportId: string, versionNo: number): Promise<ApprovalRow | undefined> {
  const [row] = await db
    .select({ id: reportEvent.id, at: reportEvent.at, actorId: reportEvent.actorId, actorName: reportEvent.actorName })
    .from(reportEvent)
    .where(and(eq(reportEvent.reportId, reportId), eq(reportEvent.versionNo, versionNo), eq(reportEvent.action, 'approve')))
    .orderBy(desc(reportEvent.at), desc(reportEvent.id))
    .limit(1);
  return row;
}

/**
 * How many approvals of the unit's reports fall in [from, to) and come no later than `upTo`
 * (ties broken by event id, so two approvals in one instant still get distinct numbers). Events
 * are append-only, so a number once given never changes.
 */
export async function approvalsUpTo(
  db: Db,
  input: { unitId: string; from: Date; to: Date; upTo: { at: Date; id: string | null } },
): Promise<number> {
  const { at, id } = input.upTo;
  const notAfter = id === null ? lt(reportEvent.at, at) : or(lt(reportEvent.at, at), and(eq(reportEvent.at, at), lte(reportEvent.id, id)));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reportEvent)
    .innerJoin(report, eq(report.id, reportEvent.reportId))
    .where(
      and(
        eq(report.unitId, input.unitId),
        eq(reportEvent.action, 'approve'),
        gte(reportEvent.at, input.from),
        lt(reportEvent.at, input.to),
        notAfter,
      ),
    );
  return row?.n ?? 0;
}

export async function userNameAndPosition(db: Db, userId: string) {
  const [row] = await db.select({ fullName: appUser.fullName, position: appUser.position }).from(appUser).where(eq(appUser.id, userId));
  return row;
}

/** The PAdES-signed PDF of a version's leader signature in force (not superseded by a return), if one was stored. */
export async function leaderSignedPdf(db: Db, reportId: string, versionNo: number): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: storedFile.content })
    .from(reportSignature)
    .innerJoin(storedFile, eq(storedFile.sha256, reportSignature.pdfSha256))
    .where(
      and(
        eq(reportSignature.reportId, reportId),
        eq(reportSignature.versionNo, versionNo),
        eq(reportSignature.role, 'leader'),
        isNull(reportSignature.supersededAt),
        isNotNull(reportSignature.pdfSha256),
      ),
    )
    .orderBy(desc(reportSignature.signedAt), asc(reportSignature.id))
    .limit(1);
  return row?.content;
}

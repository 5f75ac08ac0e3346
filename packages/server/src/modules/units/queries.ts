import { and, asc, count, eq, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { appUser } from '../users/tables.ts';
import { orgUnit, orgUnitEvent } from './tables.ts';

export type UnitRow = typeof orgUnit.$inferSelect;

export async function listUnitRows(db: Db, opts: { readScope: SQL; manageScope: SQL; search?: string; includeInactive: boolean }) {
  const where: SQL[] = [opts.readScope];
  if (!opts.includeInactive) where.push(eq(orgUnit.active, true));
  if (opts.search) where.push(like(orgUnit.searchText, `%${opts.search}%`));
  return db
    .select({ unit: orgUnit, canManage: sql<boolean>`coalesce(${opts.manageScope}, false)` })
    .from(orgUnit)
    .where(and(...where))
    .orderBy(asc(orgUnit.depth), asc(orgUnit.sortOrder), asc(orgUnit.name));
}

export async function findUnit(db: Db, id: string, manageScope?: SQL) {
  const [row] = await db
    .select({ unit: orgUnit, canManage: sql<boolean>`coalesce(${manageScope ?? sql`false`}, false)` })
    .from(orgUnit)
    .where(eq(orgUnit.id, id));
  return row;
}

export async function lockUnit(tx: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await tx.select().from(orgUnit).where(eq(orgUnit.id, id)).for('update');
  return row;
}

export async function insertUnit(tx: Db, values: typeof orgUnit.$inferInsert): Promise<UnitRow> {
  const [row] = await tx.insert(orgUnit).values(values).returning();
  return row!;
}

export async function updateUnitRow(tx: Db, id: string, values: Partial<typeof orgUnit.$inferInsert>): Promise<UnitRow> {
  const [row] = await tx
    .update(orgUnit)
    .set({ ...values, version: sql`${orgUnit.version} + 1`, updatedAt: new Date() })
    .where(eq(orgUnit.id, id))
    .returning();
  return row!;
}

/** Re-roots a subtree: every path under `oldPath` now starts with `newPath`. */
export async function rewriteSubtreePaths(tx: Db, oldPath: string, newPath: string, depthDelta: number) {
  await tx
    .update(orgUnit)
    .set({
      path: sql`${newPath} || substr(${orgUnit.path}, ${oldPath.length + 1})`,
      depth: sql`${orgUnit.depth} + ${depthDelta}`,
    })
    .where(like(orgUnit.path, `${oldPath}%`));
}

export async function deleteUnitRow(tx: Db, id: string) {
  await tx.delete(orgUnit).where(eq(orgUnit.id, id));
}

export async function countActiveChildren(db: Db, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(orgUnit)
    .where(and(eq(orgUnit.parentId, id), eq(orgUnit.active, true)));
  return row?.n ?? 0;
}

export async function unitCounts(db: Db, id: string) {
  const [children] = await db.select({ n: count() }).from(orgUnit).where(eq(orgUnit.parentId, id));
  const [users] = await db.select({ n: count() }).from(appUser).where(eq(appUser.unitId, id));
  return { childCount: children?.n ?? 0, userCount: users?.n ?? 0 };
}

export async function insertUnitEvent(tx: Db, values: typeof orgUnitEvent.$inferInsert) {
  await tx.insert(orgUnitEvent).values(values);
}

export async function listUnitEvents(db: Db, unitId: string) {
  const fromParent = alias(orgUnit, 'from_parent');
  const toParent = alias(orgUnit, 'to_parent');
  return db
    .select({
      id: orgUnitEvent.id,
      kind: orgUnitEvent.kind,
      at: orgUnitEvent.at,
      actorName: orgUnitEvent.actorName,
      fromParentName: fromParent.name,
      toParentName: toParent.name,
      note: orgUnitEvent.note,
    })
    .from(orgUnitEvent)
    .leftJoin(fromParent, eq(fromParent.id, orgUnitEvent.fromParentId))
    .leftJoin(toParent, eq(toParent.id, orgUnitEvent.toParentId))
    .where(eq(orgUnitEvent.unitId, unitId))
    .orderBy(asc(orgUnitEvent.at));
}

export async function findUnitByAdminCode(db: Db, adminCode: string) {
  const [row] = await db
    .select()
    .from(orgUnit)
    .where(and(eq(orgUnit.adminCode, adminCode), eq(orgUnit.active, true)));
  return row;
}

export async function childrenAdminCodes(db: Db, parentId: string): Promise<Set<string>> {
  const rows = await db.select({ code: orgUnit.adminCode }).from(orgUnit).where(eq(orgUnit.parentId, parentId));
  return new Set(rows.map((r) => r.code).filter((c): c is string => c !== null));
}

export async function unitPathOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, id));
  return row?.path;
}

import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { orgUnit } from '../units/tables.ts';
import { roleGrant } from './tables.ts';
import type { ActorGrant } from './actor.ts';

export async function grantsOfUsers(db: Db, userIds: string[]): Promise<(ActorGrant & { userId: string })[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({
      id: roleGrant.id,
      userId: roleGrant.userId,
      role: roleGrant.role,
      unitId: roleGrant.unitId,
      unitName: orgUnit.name,
      unitPath: orgUnit.path,
      includeSubtree: roleGrant.includeSubtree,
    })
    .from(roleGrant)
    .innerJoin(orgUnit, eq(orgUnit.id, roleGrant.unitId))
    .where(inArray(roleGrant.userId, userIds))
    .orderBy(orgUnit.path, roleGrant.role);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** Of `unitIds`, those that exist, with whether each lies inside `scope`. One query for the set. */
export async function unitsAgainstScope(db: Db, unitIds: string[], scope: SQL) {
  return db
    .select({ id: orgUnit.id, inScope: sql<boolean>`coalesce(${scope}, false)` })
    .from(orgUnit)
    .where(inArray(orgUnit.id, unitIds));
}

export async function insertGrant(tx: Db, values: typeof roleGrant.$inferInsert) {
  const [row] = await tx.insert(roleGrant).values(values).returning();
  return row!;
}

export async function deleteGrant(tx: Db, userId: string, grantId: string) {
  const [row] = await tx
    .delete(roleGrant)
    .where(and(eq(roleGrant.id, grantId), eq(roleGrant.userId, userId)))
    .returning();
  return row;
}

export async function findGrant(db: Db, userId: string, grantId: string) {
  const [row] = await db
    .select({ grant: roleGrant, unitPath: orgUnit.path })
    .from(roleGrant)
    .innerJoin(orgUnit, eq(orgUnit.id, roleGrant.unitId))
    .where(and(eq(roleGrant.id, grantId), eq(roleGrant.userId, userId)));
  return row;
}

export async function unitPaths(db: Db, unitIds: string[]) {
  return db.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(inArray(orgUnit.id, unitIds));
}

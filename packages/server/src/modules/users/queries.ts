import { and, count, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roleGrant } from '../access/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from './tables.ts';

export type UserRow = typeof appUser.$inferSelect;

export interface UserFilter {
  scope: SQL;
  search?: string | undefined;
  unitPath?: string | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
  role?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listUserRows(db: Db, f: UserFilter) {
  const where: SQL[] = [f.scope];
  if (f.search) where.push(like(appUser.searchText, `%${f.search}%`));
  if (f.unitPath) where.push(like(orgUnit.path, `${f.unitPath}%`));
  if (f.unitId) where.push(eq(appUser.unitId, f.unitId));
  if (f.status) where.push(eq(appUser.status, f.status));
  if (f.role)
    where.push(sql`exists (select 1 from ${roleGrant} where ${roleGrant.userId} = ${appUser.id} and ${roleGrant.role} = ${f.role})`);
  const condition = and(...where);
  const [items, total] = await Promise.all([
    db
      .select({ user: appUser, unitName: orgUnit.name })
      .from(appUser)
      .innerJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
      .where(condition)
      .orderBy(orgUnit.path, appUser.fullName)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(appUser).innerJoin(orgUnit, eq(orgUnit.id, appUser.unitId)).where(condition),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findUserWithUnit(db: Db, id: string) {
  const [row] = await db
    .select({ user: appUser, unitName: orgUnit.name })
    .from(appUser)
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.unitId))
    .where(eq(appUser.id, id));
  return row;
}

export async function findUserByUsername(db: Db, username: string, lock = false) {
  const query = db.select().from(appUser).where(eq(appUser.username, username));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function lockUser(tx: Db, id: string) {
  const [row] = await tx.select().from(appUser).where(eq(appUser.id, id)).for('update');
  return row;
}

export async function insertUser(tx: Db, values: typeof appUser.$inferInsert): Promise<UserRow> {
  const [row] = await tx.insert(appUser).values(values).returning();
  return row!;
}

/** Updates a user; `bumpVersion` for edits an administrator makes (not for login bookkeeping). */
export async function updateUserRow(tx: Db, id: string, values: Partial<typeof appUser.$inferInsert>, bumpVersion = true) {
  const [row] = await tx
    .update(appUser)
    .set({ ...values, ...(bumpVersion ? { version: sql`${appUser.version} + 1` } : {}), updatedAt: new Date() })
    .where(eq(appUser.id, id))
    .returning();
  return row!;
}

export async function usersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: appUser.id, fullName: appUser.fullName }).from(appUser).where(inArray(appUser.id, ids));
}

export async function anyUserExists(db: Db): Promise<boolean> {
  const rows = await db.select({ id: appUser.id }).from(appUser).limit(1);
  return rows.length > 0;
}

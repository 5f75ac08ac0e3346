import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';
import { analyticsView } from './tables.ts';

export type ViewRow = typeof analyticsView.$inferSelect;
export interface ViewWithOwner {
  view: ViewRow;
  ownerName: string;
  ownerUnitName: string | null;
}

/** Views `userId` may open: their own, those shared with everyone, and those shared with their unit. */
function visibleTo(user: { id: string; unitId: string }): SQL {
  return and(
    isNull(analyticsView.deletedAt),
    or(
      eq(analyticsView.ownerId, user.id),
      eq(analyticsView.sharing, 'all'),
      and(eq(analyticsView.sharing, 'unit'), eq(analyticsView.ownerUnitId, user.unitId)),
    ),
  )!;
}

function selectViews(db: Db) {
  return db
    .select({ view: analyticsView, ownerName: appUser.fullName, ownerUnitName: orgUnit.name })
    .from(analyticsView)
    .innerJoin(appUser, eq(appUser.id, analyticsView.ownerId))
    .leftJoin(orgUnit, eq(orgUnit.id, analyticsView.ownerUnitId));
}

export async function listVisibleViews(db: Db, user: { id: string; unitId: string }): Promise<ViewWithOwner[]> {
  return selectViews(db)
    .where(visibleTo(user))
    .orderBy(sql`${analyticsView.ownerId} = ${user.id} desc`, desc(analyticsView.updatedAt));
}

export async function findVisibleView(db: Db, user: { id: string; unitId: string }, id: string): Promise<ViewWithOwner | undefined> {
  const [row] = await selectViews(db).where(and(eq(analyticsView.id, id), visibleTo(user)));
  return row;
}

export async function lockView(tx: Db, id: string): Promise<ViewRow | undefined> {
  const [row] = await tx
    .select()
    .from(analyticsView)
    .where(and(eq(analyticsView.id, id), isNull(analyticsView.deletedAt)))
    .for('update');
  return row;
}

export async function insertView(tx: Db, values: typeof analyticsView.$inferInsert): Promise<ViewRow> {
  const [row] = await tx.insert(analyticsView).values(values).returning();
  return row!;
}

export async function updateViewRow(tx: Db, id: string, values: Partial<typeof analyticsView.$inferInsert>): Promise<ViewRow> {
  const [row] = await tx
    .update(analyticsView)
    .set({ ...values, version: sql`${analyticsView.version} + 1` })
    .where(eq(analyticsView.id, id))
    .returning();
  return row!;
}

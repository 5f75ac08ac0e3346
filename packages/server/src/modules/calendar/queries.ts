import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarAdjustment } from './tables.ts';

export type AdjustmentRow = typeof calendarAdjustment.$inferSelect;

/** Every announced adjustment, oldest first: what the working calendar is built from. */
export async function listAllAdjustments(db: Db): Promise<AdjustmentRow[]> {
  return db.select().from(calendarAdjustment).orderBy(asc(calendarAdjustment.date));
}

export async function listYearAdjustments(db: Db, year: number): Promise<AdjustmentRow[]> {
  return db
    .select()
    .from(calendarAdjustment)
    .where(and(gte(calendarAdjustment.date, `${year}-01-01`), lte(calendarAdjustment.date, `${year}-12-31`)))
    .orderBy(asc(calendarAdjustment.date));
}

export async function findAdjustment(db: Db, date: string): Promise<AdjustmentRow | undefined> {
  const [row] = await db.select().from(calendarAdjustment).where(eq(calendarAdjustment.date, date));
  return row;
}

export async function upsertAdjustment(
  tx: Db,
  values: { date: string; kind: string; name: string; updatedBy: string; updatedAt: Date },
): Promise<AdjustmentRow> {
  const [row] = await tx
    .insert(calendarAdjustment)
    .values(values)
    .onConflictDoUpdate({
      target: calendarAdjustment.date,
      set: { kind: values.kind, name: values.name, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    })
    .returning();
  return row!;
}

export async function deleteAdjustment(tx: Db, date: string): Promise<AdjustmentRow | undefined> {
  const [row] = await tx.delete(calendarAdjustment).where(eq(calendarAdjustment.date, date)).returning();
  return row;
}

/** Replaces a whole year's list: the rows of other years are untouched. */
export async function replaceYearAdjustments(
  tx: Db,
  year: number,
  items: { date: string; kind: string; name: string }[],
  by: { updatedBy: string; updatedAt: Date },
): Promise<void> {
  await tx
    .delete(calendarAdjustment)
    .where(and(gte(calendarAdjustment.date, `${year}-01-01`), lte(calendarAdjustment.date, `${year}-12-31`)));
  if (items.length > 0) await tx.insert(calendarAdjustment).values(items.map((i) => ({ ...i, ...by })));
}

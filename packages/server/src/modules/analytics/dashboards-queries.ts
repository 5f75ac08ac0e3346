import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { indicator } from '../indicators/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';
import { dashboard, factValue } from './tables.ts';

export type DashboardRow = typeof dashboard.$inferSelect;

/** A dashboard with what its presenter needs; `canManage` is evaluated in SQL over the joined unit. */
export interface DashboardWithNames {
  dashboard: DashboardRow;
  unitName: string;
  updatedByName: string | null;
  canManage: boolean;
}

function selection(manageScope: SQL) {
  return {
    dashboard,
    unitName: orgUnit.name,
    updatedByName: appUser.fullName,
    canManage: sql<boolean>`coalesce(${manageScope}, false)`,
  };
}

/** Dashboards not deleted whose unit lies in `readScope` (a condition over org_unit). */
export async function listDashboardRows(db: Db, opts: { readScope: SQL; manageScope: SQL }): Promise<DashboardWithNames[]> {
  return db
    .select(selection(opts.manageScope))
    .from(dashboard)
    .innerJoin(orgUnit, eq(orgUnit.id, dashboard.unitId))
    .leftJoin(appUser, eq(appUser.id, dashboard.updatedBy))
    .where(and(isNull(dashboard.deletedAt), opts.readScope))
    .orderBy(asc(orgUnit.path), asc(dashboard.name), desc(dashboard.updatedAt));
}

export async function findDashboard(db: Db, id: string, manageScope: SQL): Promise<DashboardWithNames | undefined> {
  const [row] = await db
    .select(selection(manageScope))
    .from(dashboard)
    .innerJoin(orgUnit, eq(orgUnit.id, dashboard.unitId))
    .leftJoin(appUser, eq(appUser.id, dashboard.updatedBy))
    .where(and(eq(dashboard.id, id), isNull(dashboard.deletedAt)));
  return row;
}

export async function lockDashboard(tx: Db, id: string): Promise<DashboardRow | undefined> {
  const [row] = await tx
    .select()
    .from(dashboard)
    .where(and(eq(dashboard.id, id), isNull(dashboard.deletedAt)))
    .for('update');
  return row;
}

export async function insertDashboard(tx: Db, values: typeof dashboard.$inferInsert): Promise<DashboardRow> {
  const [row] = await tx.insert(dashboard).values(values).returning();
  return row!;
}

/** Writes the new content and bumps the version (the optimistic check was made under the row lock). */
export async function updateDashboardRow(
  tx: Db,
  id: string,
  values: Pick<typeof dashboard.$inferInsert, 'name' | 'description' | 'unitId' | 'tiles' | 'updatedBy' | 'updatedAt'>,
): Promise<DashboardRow> {
  const [row] = await tx
    .update(dashboard)
    .set({ ...values, version: sql`${dashboard.version} + 1` })
    .where(eq(dashboard.id, id))
    .returning();
  return row!;
}

export async function softDeleteDashboard(tx: Db, id: string, by: string, at: Date): Promise<void> {
  await tx
    .update(dashboard)
    .set({ deletedAt: at, updatedBy: by, updatedAt: at, version: sql`${dashboard.version} + 1` })
    .where(eq(dashboard.id, id));
}

/** The indicators among `codes` that exist, with their unit of measure. */
export async function indicatorsByCodes(db: Db, codes: readonly string[]): Promise<Map<string, { unitOfMeasure: string | null }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: indicator.code, unitOfMeasure: indicator.unitOfMeasure })
    .from(indicator)
    .where(inArray(indicator.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, { unitOfMeasure: r.unitOfMeasure }]));
}

export async function existingUnitIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
}

/**
 * The latest period (by its end, then code) in which `unitId` has a figure of the indicator in
 * `measure` for the total (no breakdown), among facts in force. Call it only after the reader's
 * authority on the unit was checked.
 */
export async function latestPeriodWithFigure(
  db: Db,
  key: { indicatorCode: string; measure: string; unitId: string; periodType: string },
): Promise<{ periodCode: string; year: number } | undefined> {
  const [row] = await db
    .select({ periodCode: factValue.periodCode, year: factValue.year })
    .from(factValue)
    .where(
      and(
        eq(factValue.indicatorCode, key.indicatorCode),
        eq(factValue.periodType, key.periodType),
        eq(factValue.unitId, key.unitId),
        eq(factValue.measure, key.measure),
        eq(factValue.disaggregation, ''),
        isNull(factValue.supersededAt),
      ),
    )
    .orderBy(desc(factValue.periodEnd), desc(factValue.periodCode))
    .limit(1);
  return row;
}

import { and, asc, count, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnit } from '../units/tables.ts';
import { indicator, indicatorSet, indicatorSetMember } from './tables.ts';

export type IndicatorRow = typeof indicator.$inferSelect;
export type IndicatorSetRow = typeof indicatorSet.$inferSelect;

export interface ManageOptions {
  /** Condition over the joined org_unit (the owner): the actor holds 'reference.manage' there. */
  manageScope: SQL;
  /** The actor manages reference data everywhere, including indicators without an owner. */
  globalManage: boolean;
}

/** For reads that do not need `canManage`. */
export const noScope: SQL = sql`false`;

function canManageSql(o: ManageOptions): SQL<boolean> {
  return sql<boolean>`case when ${indicator.ownerUnitId} is null then ${o.globalManage} else coalesce(${o.manageScope}, false) end`;
}

function selection(o: ManageOptions) {
  return { indicator, ownerUnitName: orgUnit.name, canManage: canManageSql(o) };
}

export type IndicatorWithOwner = { indicator: IndicatorRow; ownerUnitName: string | null; canManage: boolean };

export interface IndicatorFilter {
  search?: string | undefined;
  setCode?: string | undefined;
  fieldGroup?: string | undefined;
  includeInactive: boolean;
}

function filterConditions(f: IndicatorFilter): SQL | undefined {
  const where: SQL[] = [];
  if (!f.includeInactive) where.push(eq(indicator.active, true));
  if (f.search) where.push(like(indicator.searchText, `%${f.search}%`));
  if (f.fieldGroup) where.push(eq(indicator.fieldGroup, f.fieldGroup));
  if (f.setCode) {
    where.push(
      sql`exists (select 1 from ${indicatorSetMember} join ${indicatorSet} on ${indicatorSet.id} = ${indicatorSetMember.setId}
        where ${indicatorSetMember.indicatorId} = ${indicator.id} and ${indicatorSet.code} = ${f.setCode})`,
    );
  }
  return and(...where);
}

/** Position in the set when listing one set, otherwise the code. */
function orderFor(f: IndicatorFilter): SQL[] {
  if (!f.setCode) return [asc(indicator.code)];
  return [
    sql`(select ${indicatorSetMember.sortOrder} from ${indicatorSetMember} join ${indicatorSet} on ${indicatorSet.id} = ${indicatorSetMember.setId}
      where ${indicatorSetMember.indicatorId} = ${indicator.id} and ${indicatorSet.code} = ${f.setCode})`,
    asc(indicator.code),
  ];
}

export async function listIndicatorRows(
  db: Db,
  f: IndicatorFilter & ManageOptions & { limit?: number; offset?: number },
): Promise<IndicatorWithOwner[]> {
  const query = db
    .select(selection(f))
    .from(indicator)
    .leftJoin(orgUnit, eq(orgUnit.id, indicator.ownerUnitId))
    .where(filterConditions(f))
    .orderBy(...orderFor(f));
  if (f.limit !== undefined) return query.limit(f.limit).offset(f.offset ?? 0);
  return query;
}

export async function countIndicators(db: Db, f: IndicatorFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(indicator).where(filterConditions(f));
  return row?.n ?? 0;
}

export async function findIndicator(db: Db, id: string, o: ManageOptions): Promise<IndicatorWithOwner | undefined> {
  const [row] = await db
    .select(selection(o))
    .from(indicator)
    .leftJoin(orgUnit, eq(orgUnit.id, indicator.ownerUnitId))
    .where(eq(indicator.id, id));
  return row;
}

export async function getIndicator(db: Db, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicator).where(eq(indicator.id, id));
  return row;
}

export async function lockIndicator(tx: Db, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await tx.select().from(indicator).where(eq(indicator.id, id)).for('update');
  return row;
}

export async function indicatorsByCode(db: Db, codes: readonly string[]): Promise<IndicatorRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(indicator)
    .where(inArray(indicator.code, [...codes]));
}

export async function insertIndicator(tx: Db, values: typeof indicator.$inferInsert): Promise<IndicatorRow> {
  const [row] = await tx.insert(indicator).values(values).returning();
  return row!;
}

export async function updateIndicatorRow(tx: Db, id: string, values: Partial<typeof indicator.$inferInsert>): Promise<IndicatorRow> {
  const [row] = await tx
    .update(indicator)
    .set({ ...values, version: sql`${indicator.version} + 1`, updatedAt: new Date() })
    .where(eq(indicator.id, id))
    .returning();
  return row!;
}

/** Set codes of each indicator, in the sets' order of creation. */
export async function setCodesOf(db: Db, indicatorIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (indicatorIds.length === 0) return result;
  const rows = await db
    .select({ indicatorId: indicatorSetMember.indicatorId, code: indicatorSet.code })
    .from(indicatorSetMember)
    .innerJoin(indicatorSet, eq(indicatorSet.id, indicatorSetMember.setId))
    .where(inArray(indicatorSetMember.indicatorId, [...indicatorIds]))
    .orderBy(asc(indicatorSet.createdAt), asc(indicatorSet.code));
  for (const r of rows) result.set(r.indicatorId, [...(result.get(r.indicatorId) ?? []), r.code]);
  return result;
}

function setCanManageSql(o: ManageOptions): SQL<boolean> {
  return sql<boolean>`case when ${indicatorSet.ownerUnitId} is null then ${o.globalManage} else coalesce(${o.manageScope}, false) end`;
}

function setSelection(o: ManageOptions) {
  return {
    set: indicatorSet,
    ownerUnitName: orgUnit.name,
    canManage: setCanManageSql(o),
    indicatorCount: sql<number>`(select count(*)::int from ${indicatorSetMember} where ${indicatorSetMember.setId} = ${indicatorSet.id})`,
  };
}

export type IndicatorSetWithOwner = { set: IndicatorSetRow; ownerUnitName: string | null; canManage: boolean; indicatorCount: number };

export async function listSets(db: Db, o: ManageOptions = { manageScope: noScope, globalManage: false }): Promise<IndicatorSetWithOwner[]> {
  return db
    .select(setSelection(o))
    .from(indicatorSet)
    .leftJoin(orgUnit, eq(orgUnit.id, indicatorSet.ownerUnitId))
    .orderBy(asc(indicatorSet.name));
}

export async function findSet(db: Db, id: string, o: ManageOptions): Promise<IndicatorSetWithOwner | undefined> {
  const [row] = await db
    .select(setSelection(o))
    .from(indicatorSet)
    .leftJoin(orgUnit, eq(orgUnit.id, indicatorSet.ownerUnitId))
    .where(eq(indicatorSet.id, id));
  return row;
}

export async function getSet(db: Db, id: string): Promise<IndicatorSetRow | undefined> {
  const [row] = await db.select().from(indicatorSet).where(eq(indicatorSet.id, id));
  return row;
}

export async function lockSet(tx: Db, id: string): Promise<IndicatorSetRow | undefined> {
  const [row] = await tx.select().from(indicatorSet).where(eq(indicatorSet.id, id)).for('update');
  return row;
}

export async function updateSetRow(
  tx: Db,
  id: string,
  values: Partial<Pick<typeof indicatorSet.$inferInsert, 'name' | 'legalBasis' | 'description'>>,
): Promise<IndicatorSetRow> {
  const [row] = await tx.update(indicatorSet).set(values).where(eq(indicatorSet.id, id)).returning();
  return row!;
}

/** The members of a set in their order. */
export async function setMembers(db: Db, setId: string) {
  return db
    .select({
      indicatorId: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unitOfMeasure: indicator.unitOfMeasure,
      active: indicator.active,
      position: indicatorSetMember.position,
    })
    .from(indicatorSetMember)
    .innerJoin(indicator, eq(indicator.id, indicatorSetMember.indicatorId))
    .where(eq(indicatorSetMember.setId, setId))
    .orderBy(asc(indicatorSetMember.sortOrder), asc(indicator.code));
}

/** Replaces the whole membership of a set: the order of `members` becomes the sort order. */
export async function replaceMembers(
  tx: Db,
  setId: string,
  members: readonly { indicatorId: string; position: string | null }[],
): Promise<void> {
  await tx.delete(indicatorSetMember).where(eq(indicatorSetMember.setId, setId));
  if (members.length === 0) return;
  await tx
    .insert(indicatorSetMember)
    .values(members.map((m, i) => ({ setId, indicatorId: m.indicatorId, position: m.position, sortOrder: i })));
}

export async function setsByCode(db: Db, codes: readonly string[]): Promise<IndicatorSetRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(indicatorSet)
    .where(inArray(indicatorSet.code, [...codes]));
}

export async function insertSet(tx: Db, values: typeof indicatorSet.$inferInsert): Promise<IndicatorSetRow> {
  const [row] = await tx.insert(indicatorSet).values(values).returning();
  return row!;
}

/** Appends an indicator to a set (at the end); nothing happens when it is already a member. */
export async function addMember(tx: Db, setId: string, indicatorId: string, position?: string | null): Promise<void> {
  await tx
    .insert(indicatorSetMember)
    .values({
      setId,
      indicatorId,
      position: position ?? null,
      sortOrder: sql`(select coalesce(max(${indicatorSetMember.sortOrder}), -1) + 1 from ${indicatorSetMember} where ${indicatorSetMember.setId} = ${setId})`,
    })
    .onConflictDoNothing();
}

/** Units (read-only join on the units module's table) by id: for owners and coordinating agencies. */
export async function unitsById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgUnit.id, name: orgUnit.name, agencyCode: orgUnit.agencyCode, active: orgUnit.active })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...ids]));
}

/** Every unit's name and agency code, to resolve the agencies named in an imported sheet. */
export async function allUnitNames(db: Db) {
  return db.select({ id: orgUnit.id, name: orgUnit.name, agencyCode: orgUnit.agencyCode, active: orgUnit.active }).from(orgUnit);
}

/** Indicators by id with who is responsible for them (đơn vị chủ trì, phối hợp): for the regimes module. */
export async function allocationsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      active: indicator.active,
      ownerUnitId: indicator.ownerUnitId,
      coordinatingUnitIds: indicator.coordinatingUnitIds,
    })
    .from(indicator)
    .where(inArray(indicator.id, [...ids]));
}

import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnit } from '../units/tables.ts';
import { catalog, catalogEvent, catalogItem } from './tables.ts';

export type CatalogRow = typeof catalog.$inferSelect;
export type CatalogItemRow = typeof catalogItem.$inferSelect;

/**
 * Who may manage a catalog: one with an owner unit, whoever holds the permission on that unit
 * (`manageScope`, over the joined org_unit); a catalog without an owner, only a global manager.
 */
function canManageSql(manageScope: SQL, globalManage: boolean): SQL<boolean> {
  return sql<boolean>`case when ${catalog.ownerUnitId} is null then ${globalManage} else coalesce(${manageScope}, false) end`;
}

const itemCount = sql<number>`(select count(*)::int from ${catalogItem} where ${catalogItem.catalogId} = ${catalog.id})`;

export async function listCatalogRows(db: Db, opts: { manageScope: SQL; globalManage: boolean; scope?: string | undefined }) {
  return db
    .select({
      catalog,
      ownerUnitName: orgUnit.name,
      itemCount,
      canManage: canManageSql(opts.manageScope, opts.globalManage),
    })
    .from(catalog)
    .leftJoin(orgUnit, eq(orgUnit.id, catalog.ownerUnitId))
    .where(opts.scope ? eq(catalog.scope, opts.scope) : undefined)
    .orderBy(asc(catalog.name), asc(catalog.code));
}

export async function findCatalog(db: Db, id: string, opts: { manageScope: SQL; globalManage: boolean }) {
  const [row] = await db
    .select({
      catalog,
      ownerUnitName: orgUnit.name,
      itemCount,
      canManage: canManageSql(opts.manageScope, opts.globalManage),
    })
    .from(catalog)
    .leftJoin(orgUnit, eq(orgUnit.id, catalog.ownerUnitId))
    .where(eq(catalog.id, id));
  return row;
}

export async function getCatalog(db: Db, id: string): Promise<CatalogRow | undefined> {
  const [row] = await db.select().from(catalog).where(eq(catalog.id, id));
  return row;
}

export async function lockCatalog(tx: Db, id: string): Promise<CatalogRow | undefined> {
  const [row] = await tx.select().from(catalog).where(eq(catalog.id, id)).for('update');
  return row;
}

export async function catalogIdByCode(db: Db, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: catalog.id }).from(catalog).where(eq(catalog.code, code));
  return row?.id;
}

/** Code and name of every catalog: what indicators' disaggregations refer to. */
export async function catalogCodes(db: Db, codes?: readonly string[]) {
  return db
    .select({ code: catalog.code, name: catalog.name })
    .from(catalog)
    .where(codes ? inArray(catalog.code, codes.length ? [...codes] : ['']) : undefined);
}

/** Items of the catalogs whose code, upper-cased, is among `upperCodes` (disaggregation keys are upper-case). */
export async function itemsOfCatalogs(db: Db, upperCodes: readonly string[]) {
  if (upperCodes.length === 0) return [];
  return db
    .select({ catalogCode: catalog.code, catalogName: catalog.name, itemCode: catalogItem.code, itemName: catalogItem.name })
    .from(catalog)
    .leftJoin(catalogItem, eq(catalogItem.catalogId, catalog.id))
    .where(inArray(sql`upper(${catalog.code})`, [...upperCodes]))
    .orderBy(asc(catalog.code), asc(catalogItem.sortOrder), asc(catalogItem.code));
}

export async function insertCatalog(tx: Db, values: typeof catalog.$inferInsert): Promise<CatalogRow> {
  const [row] = await tx.insert(catalog).values(values).returning();
  return row!;
}

/** Updates a catalog and bumps its version (every change to it or to its items does). */
export async function updateCatalogRow(tx: Db, id: string, values: Partial<typeof catalog.$inferInsert>): Promise<CatalogRow> {
  const [row] = await tx
    .update(catalog)
    .set({ ...values, version: sql`${catalog.version} + 1`, updatedAt: new Date() })
    .where(eq(catalog.id, id))
    .returning();
  return row!;
}

export async function listItems(db: Db, catalogId: string): Promise<CatalogItemRow[]> {
  return db
    .select()
    .from(catalogItem)
    .where(eq(catalogItem.catalogId, catalogId))
    .orderBy(asc(catalogItem.sortOrder), asc(catalogItem.code));
}

export async function maxSortOrder(db: Db, catalogId: string, parentId: string | null): Promise<number> {
  const [row] = await db
    .select({ n: sql<number | null>`max(${catalogItem.sortOrder})` })
    .from(catalogItem)
    .where(and(eq(catalogItem.catalogId, catalogId), parentId ? eq(catalogItem.parentId, parentId) : sql`${catalogItem.parentId} is null`));
  return row?.n ?? -1;
}

export async function insertItem(tx: Db, values: typeof catalogItem.$inferInsert): Promise<CatalogItemRow> {
  const [row] = await tx.insert(catalogItem).values(values).returning();
  return row!;
}

export async function updateItemRow(tx: Db, id: string, values: Partial<typeof catalogItem.$inferInsert>): Promise<CatalogItemRow> {
  const [row] = await tx
    .update(catalogItem)
    .set({ ...values, version: sql`${catalogItem.version} + 1` })
    .where(eq(catalogItem.id, id))
    .returning();
  return row!;
}

export async function insertCatalogEvent(tx: Db, values: typeof catalogEvent.$inferInsert) {
  await tx.insert(catalogEvent).values(values);
}

export async function listCatalogEvents(db: Db, catalogId: string) {
  return db
    .select()
    .from(catalogEvent)
    .where(eq(catalogEvent.catalogId, catalogId))
    .orderBy(asc(catalogEvent.catalogVersion), asc(catalogEvent.at));
}

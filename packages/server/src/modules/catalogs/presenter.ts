import type { CATALOG_SCOPES, CatalogDetail, CatalogItem, CatalogSummary } from '@baocao/core';
import type { catalogEvent } from './tables.ts';
import type { CatalogItemRow, CatalogRow } from './queries.ts';

export function presentCatalogSummary(row: {
  catalog: CatalogRow;
  ownerUnitName: string | null;
  itemCount: number;
  canManage: boolean;
}): CatalogSummary {
  const c = row.catalog;
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    description: c.description,
    scope: c.scope as (typeof CATALOG_SCOPES)[number],
    fieldGroup: c.fieldGroup,
    ownerUnitId: c.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    version: c.version,
    active: c.active,
    itemCount: Number(row.itemCount),
    canManage: Boolean(row.canManage),
  };
}

export function presentItem(i: CatalogItemRow): CatalogItem {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    parentId: i.parentId,
    sortOrder: i.sortOrder,
    validFrom: i.validFrom,
    validTo: i.validTo,
    active: i.active,
    version: i.version,
  };
}

export function presentEvent(e: typeof catalogEvent.$inferSelect): CatalogDetail['events'][number] {
  return {
    id: e.id,
    itemId: e.itemId,
    catalogVersion: e.catalogVersion,
    kind: e.kind as CatalogDetail['events'][number]['kind'],
    at: e.at.toISOString(),
    actorName: e.actorName,
    before: e.before,
    after: e.after,
  };
}

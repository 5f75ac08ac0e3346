import { type UNIT_KINDS, type Unit } from '@baocao/core';
import type { UnitRow } from './queries.ts';

/** The fields of a unit that leave the server (never the search text or the raw path). */
export function presentUnit(row: UnitRow, canManage: boolean): Unit {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind as (typeof UNIT_KINDS)[number],
    agencyCode: row.agencyCode,
    adminCode: row.adminCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: row.active,
    sortOrder: row.sortOrder,
    depth: row.depth,
    version: row.version,
    canManage,
  };
}

import { or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { GLOBAL_ROLES, ROLE_PERMISSIONS, type Permission } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { orgUnit } from '../units/tables.ts';
import type { Actor } from './actor.ts';
import { unitPaths, unitsAgainstScope } from './queries.ts';

/**
 * The one authorization function of the server, and the scope conditions it is made of.
 *
 * A grant gives its role's permissions on its unit, and on the unit's whole subtree when
 * `includeSubtree` is set; system_admin's grants are global. Nothing else decides access: services
 * call `authorize` for the units a request touches, and list queries filter with `unitScope`.
 */

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => GLOBAL_ROLES.includes(g.role));
}

export function permissionsOf(actor: Actor): Permission[] {
  return [...new Set(actor.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))];
}

export type ScopeMode =
  /** The unit itself is covered by a grant (directly or through a subtree grant). */
  | 'unit'
  /** The unit's whole subtree is covered: needed to hand out a grant that includes the subtree. */
  | 'subtree';

/**
 * SQL condition over a unit's id and path columns: true when `actor` holds `permission` there.
 * 'all' when the actor's permission is global.
 */
export function unitScope(
  actor: Actor,
  permission: Permission,
  columns: { id: AnyPgColumn; path: AnyPgColumn } = { id: orgUnit.id, path: orgUnit.path },
  mode: ScopeMode = 'unit',
): SQL | 'all' {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  if (grants.some((g) => GLOBAL_ROLES.includes(g.role))) return 'all';
  const conditions: SQL[] = [];
  for (const g of grants) {
    if (g.includeSubtree) conditions.push(sql`${columns.path} like ${g.unitPath + '%'}`);
    else if (mode === 'unit') conditions.push(sql`${columns.id} = ${g.unitId}`);
  }
  return or(...conditions) ?? sql`false`;
}

/** `unitScope` as a condition that can always be put in a WHERE clause. */
export function unitScopeSql(actor: Actor, permission: Permission, columns?: { id: AnyPgColumn; path: AnyPgColumn }): SQL {
  const scope = unitScope(actor, permission, columns);
  return scope === 'all' ? sql`true` : scope;
}

/**
 * Throws unless `actor` holds `permission` on every one of `unitIds` (NOT_FOUND for a unit that
 * does not exist, OUT_OF_SCOPE for one outside the actor's grants). One query for the whole set.
 */
export async function authorize(
  db: Db,
  actor: Actor,
  permission: Permission,
  unitIds: readonly string[],
  mode: ScopeMode = 'unit',
): Promise<void> {
  const ids = [...new Set(unitIds)];
  const scope = unitScope(actor, permission, undefined, mode);
  if (ids.length === 0) {
    if (scope === 'all' || actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission))) return;
    throw new AppError('FORBIDDEN');
  }
  const rows = await unitsAgainstScope(db, ids, scope === 'all' ? sql`true` : scope);
  if (rows.length !== ids.length) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị.');
  if (rows.some((r) => !r.inScope)) {
    const holdsAnywhere = actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission));
    throw new AppError(holdsAnywhere ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  }
}

/** Throws unless `actor` holds `permission` everywhere (creating a new root unit, say). */
export function authorizeGlobal(actor: Actor, permission: Permission): void {
  if (unitScope(actor, permission) !== 'all') throw new AppError('FORBIDDEN');
}

/**
 * The permissions `actor` holds on each of `unitIds` (one query for the whole set): what a grant
 * gives on its unit, on the unit's subtree when `includeSubtree` is set, or everywhere for global
 * roles — the same rule as `unitScope`. Units that do not exist are absent from the map.
 */
export async function permissionsOnUnits(db: Db, actor: Actor, unitIds: readonly string[]): Promise<Map<string, Permission[]>> {
  const ids = [...new Set(unitIds)];
  const out = new Map<string, Permission[]>();
  if (ids.length === 0) return out;
  for (const unit of await unitPaths(db, ids)) {
    const held = new Set<Permission>();
    for (const g of actor.grants) {
      const covers = GLOBAL_ROLES.includes(g.role) || g.unitId === unit.id || (g.includeSubtree && unit.path.startsWith(g.unitPath));
      if (covers) for (const p of ROLE_PERMISSIONS[g.role]) held.add(p);
    }
    out.set(unit.id, [...held]);
  }
  return out;
}

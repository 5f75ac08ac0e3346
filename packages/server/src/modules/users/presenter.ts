import type { GrantSummary, UserSummary } from '@baocao/core';
import type { ActorGrant } from '../access/index.ts';
import type { UserRow } from './queries.ts';

export function presentGrant(g: ActorGrant): GrantSummary {
  return { id: g.id, role: g.role, unitId: g.unitId, unitName: g.unitName, includeSubtree: g.includeSubtree };
}

/** The fields of an account that leave the server: never the password hash or the search text. */
export function presentUser(row: UserRow, unitName: string, grants: ActorGrant[]): UserSummary {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    position: row.position,
    unitId: row.unitId,
    unitName,
    status: row.status as UserSummary['status'],
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    grants: grants.map(presentGrant),
  };
}

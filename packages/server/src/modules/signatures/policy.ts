import { or, type SQL, eq, and } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, authorize, authorizeGlobal, grantsOfUsers, unitScopeSql } from '../access/index.ts';
import { certificate } from './tables.ts';
import * as q from './queries.ts';

/**
 * Who may do what with certificates. A person's certificate: its holder, or whoever may manage the
 * holder's account (the users module's rule: the account's unit and every grant it holds inside the
 * manager's user.manage scope, a subtree grant needing the whole subtree). A unit's certificate:
 * whoever manages the unit (unit.manage).
 */

export async function authorizePersonCertificates(db: Db, actor: Actor, userId: string): Promise<void> {
  const user = await q.findUser(db, userId);
  if (!user) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy tài khoản.');
  if (userId === actor.id) return;
  const grants = await grantsOfUsers(db, [userId]);
  if (grants.some((g) => g.role === 'system_admin')) authorizeGlobal(actor, 'user.manage');
  await authorize(db, actor, 'user.manage', [user.unitId, ...grants.filter((g) => !g.includeSubtree).map((g) => g.unitId)]);
  const subtree = grants.filter((g) => g.includeSubtree).map((g) => g.unitId);
  if (subtree.length) await authorize(db, actor, 'user.manage', subtree, 'subtree');
}

export async function authorizeUnitCertificates(db: Db, actor: Actor, unitId: string): Promise<void> {
  await authorize(db, actor, 'unit.manage', [unitId]);
}

/**
 * The certificates a list shows: the caller's own, and those of units the caller manages or signs
 * for (unit.manage, or report.approve: the leader who sends sees the unit's seal certificate).
 */
export function listableCertificates(actor: Actor): SQL {
  const units = or(unitScopeSql(actor, 'unit.manage', q.CERTIFICATE_UNIT), unitScopeSql(actor, 'report.approve', q.CERTIFICATE_UNIT))!;
  return or(and(eq(certificate.ownerKind, 'person'), eq(certificate.userId, actor.id)), and(eq(certificate.ownerKind, 'unit'), units))!;
}

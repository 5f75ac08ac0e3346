import type { Role } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { insertGrant, type RequestContext } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { hashPassword } from './password.ts';
import * as q from './queries.ts';
import { userSearchText } from './service.ts';

export interface SeedAccount {
  username: string;
  fullName: string;
  position?: string;
  unitId: string;
  password: string;
  grants: { role: Role; unitId: string; includeSubtree: boolean }[];
  /** Demo accounts whose password is printed on the console need not change it. */
  mustChangePassword: boolean;
}

/**
 * Creates an account without an acting administrator: the first system administrator of a new
 * installation, and the demo accounts. Everything else goes through `createUser`.
 */
export async function createSeedAccount(tx: Db, ctx: RequestContext, account: SeedAccount): Promise<string> {
  const row = await q.insertUser(tx, {
    username: account.username,
    fullName: account.fullName,
    position: account.position ?? null,
    unitId: account.unitId,
    passwordHash: await hashPassword(account.password),
    mustChangePassword: account.mustChangePassword,
    searchText: userSearchText(account),
  });
  for (const g of account.grants) await insertGrant(tx, { userId: row.id, ...g });
  await recordAudit(tx, ctx, {
    action: 'user.created',
    actorName: ctx.actor ? undefined : 'Hệ thống',
    targetType: 'user',
    targetId: row.id,
    unitId: row.unitId,
    summary: { after: { username: row.username, fullName: row.fullName, unitId: row.unitId }, grants: account.grants, bootstrap: true },
  });
  return row.id;
}

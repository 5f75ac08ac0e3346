import {
  foldDiacritics,
  normalizeText,
  passwordProblems,
  type createUserBody,
  type grantInput,
  type updateUserBody,
  type userListQuery,
  type UserSummary,
} from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError, isUniqueViolation } from '../../http/errors.ts';
import {
  type ActorGrant,
  type AuthedContext,
  authorize,
  authorizeGlobal,
  deleteGrant,
  findGrant,
  grantsOfUsers,
  insertGrant,
  unitScopeSql,
} from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { endSessionsOfUser } from '../auth/sessions.ts';
import { unitPathOf } from '../units/index.ts';
import { generateTemporaryPassword, hashPassword } from './password.ts';
import { presentUser } from './presenter.ts';
import * as q from './queries.ts';

type ListQuery = z.output<typeof userListQuery>;
type CreateInput = z.output<typeof createUserBody>;
type UpdateInput = z.output<typeof updateUserBody>;
type GrantInput = z.output<typeof grantInput>;

export function userSearchText(u: { username: string; fullName: string; email?: string | null; position?: string | null }): string {
  return foldDiacritics([u.username, u.fullName, u.email, u.position].filter(Boolean).join(' ')).toLowerCase();
}

function snapshot(u: q.UserRow) {
  return {
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    position: u.position,
    unitId: u.unitId,
    status: u.status,
  };
}

function checkPasswordPolicy(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new AppError('PASSWORD_POLICY', { problems }, `Mật khẩu chưa đạt yêu cầu: ${problems.join(' ')}`);
}

/**
 * May `ctx.actor` manage this account? Only when the account's unit and every grant it holds lie
 * within the actor's user.manage scope (a subtree grant needs the whole subtree), so that no one
 * can take over an account more powerful than their own scope.
 */
async function authorizeManage(
  db: Db,
  ctx: AuthedContext,
  unitIds: string[],
  grants: Pick<ActorGrant, 'role' | 'unitId' | 'includeSubtree'>[],
) {
  if (grants.some((g) => g.role === 'system_admin')) authorizeGlobal(ctx.actor, 'user.manage');
  await authorize(db, ctx.actor, 'user.manage', [...unitIds, ...grants.filter((g) => !g.includeSubtree).map((g) => g.unitId)]);
  const subtree = grants.filter((g) => g.includeSubtree).map((g) => g.unitId);
  if (subtree.length) await authorize(db, ctx.actor, 'user.manage', subtree, 'subtree');
}

async function loadManageable(db: Db, ctx: AuthedContext, id: string) {
  const found = await q.findUserWithUnit(db, id);
  if (!found) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy tài khoản.');
  const grants = await grantsOfUsers(db, [id]);
  await authorizeManage(db, ctx, [found.user.unitId], grants);
  return found;
}

async function present(db: Db, id: string): Promise<UserSummary> {
  const found = await q.findUserWithUnit(db, id);
  if (!found) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy tài khoản.');
  return presentUser(found.user, found.unitName, await grantsOfUsers(db, [id]));
}

export async function listUsers(db: Db, ctx: AuthedContext, query: ListQuery) {
  let unitPath: string | undefined;
  await authorize(db, ctx.actor, 'user.read', query.unitId ? [query.unitId] : []);
  if (query.unitId) {
    if (query.includeSubunits) unitPath = await unitPathOf(db, query.unitId);
  }
  const { items, total } = await q.listUserRows(db, {
    scope: unitScopeSql(ctx.actor, 'user.read'),
    search: query.q ? foldDiacritics(normalizeText(query.q)).toLowerCase() : undefined,
    unitPath,
    unitId: query.unitId && !query.includeSubunits ? query.unitId : undefined,
    status: query.status,
    role: query.role,
    page: query.page,
    pageSize: query.pageSize,
  });
  const grants = await grantsOfUsers(
    db,
    items.map((i) => i.user.id),
  );
  return {
    items: items.map((i) =>
      presentUser(
        i.user,
        i.unitName,
        grants.filter((g) => g.userId === i.user.id),
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getUser(db: Db, ctx: AuthedContext, id: string): Promise<UserSummary> {
  const found = await q.findUserWithUnit(db, id);
  if (!found) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy tài khoản.');
  await authorize(db, ctx.actor, 'user.read', [found.user.unitId]);
  return present(db, id);
}

export async function createUser(
  db: Db,
  ctx: AuthedContext,
  input: CreateInput,
): Promise<{ user: UserSummary; temporaryPassword: string }> {
  await authorizeManage(db, ctx, [input.unitId], input.grants);
  const password = input.initialPassword ?? generateTemporaryPassword();
  checkPasswordPolicy(password, input.username);
  const passwordHash = await hashPassword(password);
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const row = await q.insertUser(tx, {
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        position: input.position ?? null,
        unitId: input.unitId,
        passwordHash,
        mustChangePassword: true,
        searchText: userSearchText(input),
      });
      for (const g of input.grants) {
        await insertGrant(tx, {
          userId: row.id,
          role: g.role,
          unitId: g.unitId,
          includeSubtree: g.includeSubtree,
          grantedBy: ctx.actor.id,
        });
      }
      await recordAudit(tx, ctx, {
        action: 'user.created',
        targetType: 'user',
        targetId: row.id,
        unitId: row.unitId,
        summary: { after: snapshot(row), grants: input.grants },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'app_user_username_unique'))
      throw new AppError('DUPLICATE_USERNAME', { field: 'username' }, `Tên đăng nhập "${input.username}" đã tồn tại.`);
    if (isUniqueViolation(error, 'role_grant_user_role_unit_uq'))
      throw new AppError('VALIDATION_FAILED', undefined, 'Một vai trò được cấp hai lần trên cùng một đơn vị.');
    throw error;
  }
  return { user: await present(db, id), temporaryPassword: password };
}

export async function updateUser(db: Db, ctx: AuthedContext, id: string, input: UpdateInput): Promise<UserSummary> {
  await loadManageable(db, ctx, id);
  if (input.unitId) await authorize(db, ctx.actor, 'user.manage', [input.unitId]);
  await db.transaction(async (tx) => {
    const before = await q.lockUser(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw new AppError('CONFLICT');
    const next = {
      fullName: input.fullName ?? before.fullName,
      email: input.email === undefined ? before.email : input.email,
      phone: input.phone === undefined ? before.phone : input.phone,
      position: input.position === undefined ? before.position : input.position,
      unitId: input.unitId ?? before.unitId,
    };
    const after = await q.updateUserRow(tx, id, { ...next, searchText: userSearchText({ ...next, username: before.username }) });
    await recordAudit(tx, ctx, {
      action: 'user.updated',
      targetType: 'user',
      targetId: id,
      unitId: after.unitId,
      summary: { before: snapshot(before), after: snapshot(after) },
    });
  });
  return present(db, id);
}

type StatusAction = 'disable' | 'enable' | 'unlock';

export async function changeUserStatus(
  db: Db,
  ctx: AuthedContext,
  id: string,
  action: StatusAction,
  version: number,
): Promise<UserSummary> {
  await loadManageable(db, ctx, id);
  if (action === 'disable' && id === ctx.actor.id) {
    throw new AppError('FORBIDDEN', undefined, 'Bạn không thể tự khóa tài khoản của mình.');
  }
  await db.transaction(async (tx) => {
    const before = await q.lockUser(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== version) throw new AppError('CONFLICT');
    const values =
      action === 'disable'
        ? { status: 'disabled' }
        : action === 'enable'
          ? { status: 'active', failedAttempts: 0, lockedUntil: null }
          : { failedAttempts: 0, lockedUntil: null };
    const after = await q.updateUserRow(tx, id, values);
    if (action === 'disable') await endSessionsOfUser(tx, id);
    const auditAction = action === 'disable' ? 'user.disabled' : action === 'enable' ? 'user.enabled' : 'user.unlocked';
    await recordAudit(tx, ctx, {
      action: auditAction,
      targetType: 'user',
      targetId: id,
      unitId: after.unitId,
      summary: {
        before: { status: before.status, lockedUntil: before.lockedUntil },
        after: { status: after.status, lockedUntil: after.lockedUntil },
      },
    });
  });
  return present(db, id);
}

export async function resetPassword(
  db: Db,
  ctx: AuthedContext,
  id: string,
  newPassword?: string,
): Promise<{ user: UserSummary; temporaryPassword: string }> {
  const { user } = await loadManageable(db, ctx, id);
  const password = newPassword ?? generateTemporaryPassword();
  checkPasswordPolicy(password, user.username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await q.updateUserRow(tx, id, {
      passwordHash,
      mustChangePassword: true,
      failedAttempts: 0,
      lockedUntil: null,
      passwordChangedAt: new Date(),
    });
    await endSessionsOfUser(tx, id);
    await recordAudit(tx, ctx, { action: 'user.password_reset', targetType: 'user', targetId: id, unitId: user.unitId });
  });
  return { user: await present(db, id), temporaryPassword: password };
}

export async function addGrant(db: Db, ctx: AuthedContext, id: string, input: GrantInput): Promise<UserSummary> {
  const { user } = await loadManageable(db, ctx, id);
  await authorizeManage(db, ctx, [], [input]);
  try {
    await db.transaction(async (tx) => {
      const grant = await insertGrant(tx, {
        userId: id,
        role: input.role,
        unitId: input.unitId,
        includeSubtree: input.includeSubtree,
        grantedBy: ctx.actor.id,
      });
      await recordAudit(tx, ctx, {
        action: 'user.grant_added',
        targetType: 'user',
        targetId: id,
        unitId: user.unitId,
        summary: { grant: { id: grant.id, ...input } },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'role_grant_user_role_unit_uq')) {
      throw new AppError('VALIDATION_FAILED', undefined, 'Tài khoản đã có vai trò này trên đơn vị này.');
    }
    throw error;
  }
  return present(db, id);
}

export async function revokeGrant(db: Db, ctx: AuthedContext, id: string, grantId: string): Promise<UserSummary> {
  const { user } = await loadManageable(db, ctx, id);
  const found = await findGrant(db, id, grantId);
  if (!found) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy quyền cần thu hồi.');
  if (id === ctx.actor.id && found.grant.role === 'system_admin') {
    throw new AppError('FORBIDDEN', undefined, 'Bạn không thể tự thu hồi quyền quản trị hệ thống của mình.');
  }
  await db.transaction(async (tx) => {
    const removed = await deleteGrant(tx, id, grantId);
    if (!removed) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'user.grant_revoked',
      targetType: 'user',
      targetId: id,
      unitId: user.unitId,
      summary: { grant: { id: removed.id, role: removed.role, unitId: removed.unitId, includeSubtree: removed.includeSubtree } },
    });
  });
  return present(db, id);
}

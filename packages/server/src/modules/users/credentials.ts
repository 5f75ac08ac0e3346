import { passwordProblems } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, grantsOfUsers } from '../access/index.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';
import * as q from './queries.ts';

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export type LoginAttempt =
  | { outcome: 'ok'; user: q.UserRow }
  | { outcome: 'unknown' }
  | { outcome: 'wrong_password'; user: q.UserRow; failures: number; lockedUntil: Date | null }
  | { outcome: 'locked'; user: q.UserRow; lockedUntil: Date }
  | { outcome: 'disabled'; user: q.UserRow };

/**
 * Checks a username and password and keeps the failure count: the `maxFailures`-th wrong password
 * in a row locks the account for `lockMinutes`. Must run in a transaction; the caller commits the
 * bookkeeping even when the attempt fails.
 */
export async function attemptLogin(
  tx: Db,
  username: string,
  password: string,
  policy: LockoutPolicy,
  now = new Date(),
): Promise<LoginAttempt> {
  const user = await q.findUserByUsername(tx, username.trim().toLowerCase(), true);
  if (!user) {
    await verifyAgainstDummy(password);
    return { outcome: 'unknown' };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { outcome: 'locked', user, lockedUntil: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedAttempts + 1;
    const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
    const updated = await q.updateUserRow(tx, user.id, { failedAttempts: lockedUntil ? 0 : failures, lockedUntil }, false);
    return { outcome: 'wrong_password', user: updated, failures, lockedUntil };
  }
  if (user.status !== 'active') return { outcome: 'disabled', user };
  const updated = await q.updateUserRow(tx, user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now }, false);
  return { outcome: 'ok', user: updated };
}

/** The caller's own change of password: checks the current one and the policy. */
export async function changeOwnPassword(tx: Db, userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const user = await q.lockUser(tx, userId);
  if (!user) throw new AppError('NOT_FOUND');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('WRONG_CURRENT_PASSWORD');
  const problems = passwordProblems(newPassword, user.username);
  if (newPassword === currentPassword) problems.push('Mật khẩu mới phải khác mật khẩu hiện tại.');
  if (problems.length) throw new AppError('PASSWORD_POLICY', { problems }, `Mật khẩu mới chưa đạt yêu cầu: ${problems.join(' ')}`);
  await q.updateUserRow(
    tx,
    userId,
    { passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: new Date() },
    false,
  );
}

/** The actor behind a session, or undefined when the account no longer may act. */
export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  const found = await q.findUserWithUnit(db, userId);
  if (!found || found.user.status !== 'active') return undefined;
  const grants = await grantsOfUsers(db, [userId]);
  return {
    id: found.user.id,
    username: found.user.username,
    fullName: found.user.fullName,
    unitId: found.user.unitId,
    unitName: found.unitName,
    mustChangePassword: found.user.mustChangePassword,
    grants,
  };
}

import { timingSafeEqual } from 'node:crypto';
import { formatDateTime, type SessionResponse } from '@baocao/core';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, type AuthedContext, isSystemAdmin, permissionsOf, type RequestContext } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { presentGrant } from '../users/presenter.ts';
import { attemptLogin, changeOwnPassword, loadActor, type LoginAttempt } from '../users/index.ts';
import { deleteSession, endSessionsOfUser, findSession, insertSession, newToken, sessionIdOf, touchSession } from './sessions.ts';

export interface AuthSettings {
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
}

export function authSettings(config: Config): AuthSettings {
  return {
    sessionSecret: config.sessionSecret,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    loginMaxFailures: config.loginMaxFailures,
    loginLockMinutes: config.loginLockMinutes,
  };
}

export function presentSession(actor: Actor, csrfToken: string): SessionResponse {
  return {
    user: {
      id: actor.id,
      username: actor.username,
      fullName: actor.fullName,
      unitId: actor.unitId,
      unitName: actor.unitName,
      mustChangePassword: actor.mustChangePassword,
      grants: actor.grants.map(presentGrant),
      permissions: permissionsOf(actor),
      isSystemAdmin: isSystemAdmin(actor),
    },
    csrfToken,
  };
}

function lockedError(lockedUntil: Date, settings: AuthSettings): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    { lockedUntil: lockedUntil.toISOString() },
    `Tài khoản tạm thời bị khóa do nhập sai mật khẩu ${settings.loginMaxFailures} lần liên tiếp. ` +
      `Vui lòng thử lại sau ${formatDateTime(lockedUntil)} hoặc liên hệ quản trị đơn vị để mở khóa.`,
  );
}

/**
 * Logs in. Failures are recorded (count, lock-out, audit) and committed before the error is
 * thrown, so that a wrong password always counts.
 */
export async function login(
  db: Db,
  settings: AuthSettings,
  ctx: RequestContext,
  input: { username: string; password: string },
): Promise<{ token: string; response: SessionResponse }> {
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  const attempt: LoginAttempt = await db.transaction(async (tx) => {
    const result = await attemptLogin(
      tx,
      input.username,
      input.password,
      { maxFailures: settings.loginMaxFailures, lockMinutes: settings.loginLockMinutes },
      now,
    );
    const failed = (reason: string, extra: object = {}) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        actorName: input.username.slice(0, 100),
        ...('user' in result ? { targetType: 'user', targetId: result.user.id, unitId: result.user.unitId } : {}),
        summary: { reason, ...extra },
      });
    switch (result.outcome) {
      case 'unknown':
        await failed('unknown_user');
        break;
      case 'locked':
        await failed('locked', { lockedUntil: result.lockedUntil });
        break;
      case 'disabled':
        await failed('disabled');
        break;
      case 'wrong_password':
        await failed('wrong_password', { failures: result.failures });
        if (result.lockedUntil) {
          await recordAudit(tx, ctx, {
            action: 'auth.lockout',
            actorName: input.username.slice(0, 100),
            targetType: 'user',
            targetId: result.user.id,
            unitId: result.user.unitId,
            summary: { failures: result.failures, lockedUntil: result.lockedUntil },
          });
        }
        break;
      case 'ok':
        await insertSession(tx, {
          id: sessionIdOf(token, settings.sessionSecret),
          userId: result.user.id,
          csrfToken,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + settings.sessionMaxHours * 3_600_000),
          ip: ctx.ip,
          userAgent: ctx.userAgent,
        });
        await recordAudit(
          tx,
          { ...ctx, actor: null },
          {
            action: 'auth.login',
            actorName: `${result.user.fullName} (${result.user.username})`,
            targetType: 'user',
            targetId: result.user.id,
            unitId: result.user.unitId,
          },
        );
    }
    return result;
  });
  switch (attempt.outcome) {
    case 'unknown':
      throw new AppError('INVALID_CREDENTIALS');
    case 'disabled':
      throw new AppError('ACCOUNT_DISABLED');
    case 'locked':
      throw lockedError(attempt.lockedUntil, settings);
    case 'wrong_password': {
      if (attempt.lockedUntil) throw lockedError(attempt.lockedUntil, settings);
      const left = settings.loginMaxFailures - attempt.failures;
      throw new AppError(
        'INVALID_CREDENTIALS',
        { attemptsLeft: left },
        left <= 2 ? `Tên đăng nhập hoặc mật khẩu không đúng. Còn ${left} lần thử trước khi tài khoản bị khóa tạm thời.` : undefined,
      );
    }
    case 'ok': {
      const actor = await loadActor(db, attempt.user.id);
      if (!actor) throw new AppError('ACCOUNT_DISABLED');
      return { token, response: presentSession(actor, csrfToken) };
    }
  }
}

export interface Authenticated {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
}

/** Resolves a session cookie; throws SESSION_EXPIRED / UNAUTHENTICATED. */
export async function authenticate(db: Db, settings: AuthSettings, token: string, now = new Date()): Promise<Authenticated> {
  const sessionId = sessionIdOf(token, settings.sessionSecret);
  const row = await findSession(db, sessionId);
  if (!row) throw new AppError('UNAUTHENTICATED');
  const idleLimit = new Date(now.getTime() - settings.sessionIdleMinutes * 60_000);
  if (row.expiresAt <= now || row.lastSeenAt <= idleLimit) {
    await deleteSession(db, sessionId);
    throw new AppError('SESSION_EXPIRED');
  }
  const actor = await loadActor(db, row.userId);
  if (!actor) {
    await deleteSession(db, sessionId);
    throw new AppError('ACCOUNT_DISABLED');
  }
  // Sliding idle timeout, written at most once a minute.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await touchSession(db, sessionId, now);
  return { actor, sessionId, csrfToken: row.csrfToken };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(db: Db, ctx: AuthedContext, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.id, unitId: ctx.actor.unitId });
  });
}

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(
  db: Db,
  ctx: AuthedContext,
  auth: Authenticated,
  input: { currentPassword: string; newPassword: string },
): Promise<SessionResponse> {
  await db.transaction(async (tx) => {
    await changeOwnPassword(tx, ctx.actor.id, input.currentPassword, input.newPassword);
    await endSessionsOfUser(tx, ctx.actor.id, auth.sessionId);
    await recordAudit(tx, ctx, {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: ctx.actor.id,
      unitId: ctx.actor.unitId,
      summary: { forced: ctx.actor.mustChangePassword },
    });
  });
  const actor = await loadActor(db, ctx.actor.id);
  if (!actor) throw new AppError('ACCOUNT_DISABLED');
  return presentSession(actor, auth.csrfToken);
}

import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { session } from './tables.ts';

/** Session ids stored in the database are HMACs of the cookie token: a leaked table opens nothing. */
export function sessionIdOf(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function insertSession(tx: Db, values: typeof session.$inferInsert) {
  await tx.insert(session).values(values);
}

export async function findSession(db: Db, id: string) {
  const [row] = await db.select().from(session).where(eq(session.id, id));
  return row;
}

export async function touchSession(db: Db, id: string, at: Date) {
  await db.update(session).set({ lastSeenAt: at }).where(eq(session.id, id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(session).where(eq(session.id, id));
}

/** Ends every session of an account (disabled, password reset), or all but one (own change). */
export async function endSessionsOfUser(tx: Db, userId: string, exceptSessionId?: string) {
  await tx.delete(session).where(and(eq(session.userId, userId), exceptSessionId ? ne(session.id, exceptSessionId) : undefined));
}

export async function deleteExpiredSessions(db: Db, now: Date, idleBefore: Date) {
  await db.delete(session).where(or(lt(session.expiresAt, now), lt(session.lastSeenAt, idleBefore)));
}

import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Role } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { roleGrant } from '../access/tables.ts';
import { appUser } from '../users/tables.ts';
import { emailOutbox, notification } from './tables.ts';

export type NotificationRow = typeof notification.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string | null;
  createdAt: Date;
}

/** Who receives a notification: the accounts of some units (by role) or some accounts by id. */
export type Recipients = { unitIds: readonly string[]; roles: readonly Role[] } | { userIds: readonly string[] };

/**
 * One INSERT … SELECT for every active recipient. An account that already has a notification with
 * the same dedupe key is skipped (ON CONFLICT on the partial unique index), so a reminder inserted
 * twice stays one. Returns the new rows' ids and accounts.
 */
export async function insertNotifications(tx: Db, recipients: Recipients, n: NewNotification): Promise<{ id: string; userId: string }[]> {
  const recipient =
    'unitIds' in recipients
      ? sql`exists (select 1 from ${roleGrant} where ${roleGrant.userId} = ${appUser.id}
          and ${inArray(roleGrant.unitId, [...recipients.unitIds])} and ${inArray(roleGrant.role, [...recipients.roles])})`
      : inArray(appUser.id, [...recipients.userIds]);
  // drizzle's INSERT … SELECT lists every column of the table, so the select gives them all, in order.
  return tx
    .insert(notification)
    .select((qb) =>
      qb
        .select({
          id: sql<string>`gen_random_uuid()`.as('id'),
          userId: appUser.id,
          kind: sql<string>`${n.kind}::text`.as('kind'),
          title: sql<string>`${n.title}::text`.as('title'),
          body: sql<string>`${n.body}::text`.as('body'),
          link: sql<string | null>`${n.link}::text`.as('link'),
          dedupeKey: sql<string | null>`${n.dedupeKey}::text`.as('dedupe_key'),
          createdAt: sql<Date>`${n.createdAt.toISOString()}::timestamptz`.as('created_at'),
          readAt: sql<Date | null>`null::timestamptz`.as('read_at'),
        })
        .from(appUser)
        .where(and(eq(appUser.status, 'active'), recipient)),
    )
    .onConflictDoNothing({ target: [notification.userId, notification.dedupeKey], where: sql`${notification.dedupeKey} is not null` })
    .returning({ id: notification.id, userId: notification.userId });
}

/** Queues one e-mail for each of `notificationIds` whose account has an address. */
export async function queueEmails(
  tx: Db,
  notificationIds: readonly string[],
  mail: { subject: string; textBody: string; now: Date },
): Promise<number> {
  if (notificationIds.length === 0) return 0;
  const now = mail.now.toISOString();
  const rows = await tx
    .insert(emailOutbox)
    .select((qb) =>
      qb
        .select({
          id: sql<string>`gen_random_uuid()`.as('id'),
          notificationId: sql<string>`${notification.id}`.as('notification_id'),
          toAddress: sql<string>`${appUser.email}`.as('to_address'),
          subject: sql<string>`${mail.subject}::text`.as('subject'),
          textBody: sql<string>`${mail.textBody}::text`.as('text_body'),
          status: sql<string>`'pending'`.as('status'),
          attempts: sql<number>`0`.as('attempts'),
          lastError: sql<string | null>`null::text`.as('last_error'),
          nextAttemptAt: sql<Date>`${now}::timestamptz`.as('next_attempt_at'),
          createdAt: sql<Date>`${now}::timestamptz`.as('created_at'),
          sentAt: sql<Date | null>`null::timestamptz`.as('sent_at'),
        })
        .from(notification)
        .innerJoin(appUser, eq(appUser.id, notification.userId))
        .where(and(inArray(notification.id, [...notificationIds]), isNotNull(appUser.email), ne(appUser.email, ''))),
    )
    .returning({ id: emailOutbox.id });
  return rows.length;
}

// ---- the reader's own notifications ------------------------------------------------------------

export async function listOwn(db: Db, f: { userId: string; unreadOnly: boolean; page: number; pageSize: number }) {
  const where = and(eq(notification.userId, f.userId), f.unreadOnly ? isNull(notification.readAt) : undefined);
  const [items, total] = await Promise.all([
    db
      .select()
      .from(notification)
      .where(where)
      .orderBy(desc(notification.createdAt), desc(notification.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(notification).where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the account's notifications read (keeping the first reading time); undefined when it is not theirs. */
export async function markRead(db: Db, userId: string, id: string, now: Date): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notification.id, id), eq(notification.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notification)
    .set({ readAt: now })
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return rows.length;
}

// ---- the e-mail outbox ----------------------------------------------------------------------------

/**
 * Claims up to `limit` due e-mails by moving their next attempt to `leaseUntil`, in one statement:
 * rows another process is claiming at the same moment are skipped (FOR UPDATE SKIP LOCKED) and,
 * once claimed, are not due for anyone else until the lease ends. Sending happens after this
 * commits, so a slow mail server never holds a database lock (on PGlite, the whole database).
 */
export async function claimDueEmails(db: Db, f: { now: Date; leaseUntil: Date; limit: number }): Promise<OutboxRow[]> {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, f.now)))
    .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
    .limit(f.limit)
    .for('update', { skipLocked: true });
  return db.update(emailOutbox).set({ nextAttemptAt: f.leaseUntil }).where(inArray(emailOutbox.id, due)).returning();
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: now, lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'pending')));
}

export async function markAttemptFailed(
  db: Db,
  id: string,
  f: { attempts: number; status: 'pending' | 'failed'; nextAttemptAt: Date; lastError: string },
): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ attempts: f.attempts, status: f.status, nextAttemptAt: f.nextAttemptAt, lastError: f.lastError })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'pending')));
}

/** Gives claimed e-mails back (due at `now`) when a run stops before sending them. */
export async function releaseClaims(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(emailOutbox)
    .set({ nextAttemptAt: now })
    .where(and(inArray(emailOutbox.id, [...ids]), eq(emailOutbox.status, 'pending')));
}

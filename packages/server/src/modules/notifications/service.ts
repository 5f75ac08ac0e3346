import { rolesWith, type NotificationItem, type NotificationKind, type notificationListQuery } from '@baocao/core';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthedContext } from '../access/index.ts';
import { composeEmail } from './mail.ts';
import { presentNotification } from './presenter.ts';
import * as q from './queries.ts';

/**
 * In-app notifications (thông báo) and the e-mails that go with them. Other modules notify inside
 * their own transaction: the rows commit or roll back with the change they announce, and e-mails are
 * only queued here; `emailDeliveryTask` sends them after commit.
 */

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the web app ("/viec-can-lam"); the e-mail links to PUBLIC_URL + link. */
  link?: string | null;
  /** Makes the notification idempotent per account: a second one with the same key is not created. */
  dedupeKey?: string | null;
}

export interface NotifyContext {
  now: Date;
  config: Config;
}

/**
 * Notifies the people who work on the reports of `unitIds`: active accounts holding a role with
 * 'report.work' granted on one of those units itself (not through a parent's subtree grant, and not
 * system administrators through their global scope). Returns how many notifications were created.
 */
export async function notifyUnits(tx: Db, ctx: NotifyContext, unitIds: string[], input: NotificationInput): Promise<number> {
  if (unitIds.length === 0) return 0;
  return notify(tx, ctx, { unitIds: [...new Set(unitIds)], roles: rolesWith('report.work') }, input);
}

/** Notifies the given accounts (the active ones among them). Returns how many notifications were created. */
export async function notifyUsers(tx: Db, ctx: NotifyContext, userIds: string[], input: NotificationInput): Promise<number> {
  if (userIds.length === 0) return 0;
  return notify(tx, ctx, { userIds: [...new Set(userIds)] }, input);
}

async function notify(tx: Db, ctx: NotifyContext, recipients: q.Recipients, input: NotificationInput): Promise<number> {
  const created = await q.insertNotifications(tx, recipients, {
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: input.link ?? null,
    dedupeKey: input.dedupeKey ?? null,
    createdAt: ctx.now,
  });
  if (created.length > 0 && ctx.config.smtpUrl) {
    const mail = composeEmail(input, ctx.config);
    await q.queueEmails(
      tx,
      created.map((c) => c.id),
      { ...mail, now: ctx.now },
    );
  }
  return created.length;
}

// ---- the reader's own notifications (every account sees only its own) --------------------------

type ListQuery = z.output<typeof notificationListQuery>;

export async function listNotifications(db: Db, ctx: AuthedContext, query: ListQuery) {
  const { items, total } = await q.listOwn(db, {
    userId: ctx.actor.id,
    unreadOnly: query.unreadOnly === 'true',
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: items.map(presentNotification), total, page: query.page, pageSize: query.pageSize };
}

export async function unreadCount(db: Db, ctx: AuthedContext): Promise<{ unread: number }> {
  return { unread: await q.countUnread(db, ctx.actor.id) };
}

/** Marks one notification read; another account's notification is "not found", not "forbidden". */
export async function markRead(db: Db, ctx: AuthedContext, now: Date, id: string): Promise<NotificationItem> {
  const row = await q.markRead(db, ctx.actor.id, id, now);
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy thông báo.');
  return presentNotification(row);
}

export async function markAllRead(db: Db, ctx: AuthedContext, now: Date): Promise<{ unread: number }> {
  await q.markAllRead(db, ctx.actor.id, now);
  return unreadCount(db, ctx);
}

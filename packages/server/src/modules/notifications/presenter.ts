import type { NotificationItem } from '@baocao/core';
import type { NotificationRow } from './queries.ts';

/** The fields of a notification that leave the server (never the dedupe key or the account id). */
export function presentNotification(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind as NotificationItem['kind'],
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

import { idParams, notificationItem, notificationListQuery, paged, unreadCountResponse } from '@baocao/core';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as notifications from './service.ts';

const tags = ['Thông báo'];

/** The signed-in account's own notifications. */
export function notificationRoutes(app: App, { db, clock }: Deps): void {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi (mới nhất trước)',
        querystring: notificationListQuery,
        response: { 200: paged(notificationItem) },
      },
    },
    async (request) => notifications.listNotifications(db, authedContext(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: 'Số thông báo chưa đọc', response: { 200: unreadCountResponse } } },
    async (request) => notifications.unreadCount(db, authedContext(request)),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Đánh dấu một thông báo đã đọc', params: idParams, response: { 200: notificationItem } } },
    async (request) => notifications.markRead(db, authedContext(request), clock.now(), request.params.id),
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Đánh dấu tất cả thông báo đã đọc', response: { 200: unreadCountResponse } } },
    async (request) => notifications.markAllRead(db, authedContext(request), clock.now()),
  );
}

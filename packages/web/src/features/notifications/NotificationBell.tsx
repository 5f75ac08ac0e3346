import { useId, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { App, Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { NotificationItem } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useLatestNotifications, useMarkAllNotificationsRead, useMarkNotificationRead, useUnreadCount } from '../../api/notifications.ts';
import { formatDateTimeShort } from '../../shared/dates.ts';
import { relativeTime } from './relativeTime.ts';
import './notifications.css';

/** The header's bell: the unread count, and a panel with the latest ten notifications. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const countId = useId();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: unread = 0 } = useUnreadCount();
  const latest = useLatestNotifications(open);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id, { onError: (error) => message.error(errorMessage(error)) });
    if (n.link) {
      setOpen(false);
      void navigate({ href: n.link });
    }
  };

  const onMarkAll = () =>
    markAll.mutate(undefined, {
      onSuccess: () => message.success('Đã đánh dấu tất cả thông báo là đã đọc.'),
      onError: (error) => message.error(errorMessage(error)),
    });

  const items = latest.data?.items ?? [];
  const panel = (
    <div className="notif-panel">
      <Flex justify="space-between" align="center" gap={12} className="notif-panel-head">
        <Typography.Text strong>Thông báo</Typography.Text>
        <Button type="link" size="small" onClick={onMarkAll} disabled={unread === 0} loading={markAll.isPending}>
          Đánh dấu tất cả đã đọc
        </Button>
      </Flex>
      {latest.isPending ? (
        <Flex justify="center" className="notif-panel-state">
          <Spin />
        </Flex>
      ) : latest.isError ? (
        <Typography.Text type="danger" className="notif-panel-state" role="alert">
          {errorMessage(latest.error)}
        </Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo nào." className="notif-panel-state" />
      ) : (
        <ul className="notif-list" aria-label="Thông báo mới nhất">
          {items.map((n) => (
            <li key={n.id}>
              <button type="button" className={n.readAt ? 'notif-item' : 'notif-item notif-unread'} onClick={() => openItem(n)}>
                <span className="notif-title">
                  {!n.readAt && (
                    <>
                      <span className="notif-dot" aria-hidden />
                      <span className="notif-sr-only">Chưa đọc: </span>
                    </>
                  )}
                  {n.title}
                </span>
                <span className="notif-body">{n.body}</span>
                <time className="notif-time" dateTime={n.createdAt} title={formatDateTimeShort(n.createdAt)}>
                  {relativeTime(n.createdAt)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <>
      <Popover content={panel} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
        <Button
          type="text"
          shape="circle"
          size="large"
          aria-label="Thông báo"
          aria-describedby={countId}
          aria-haspopup="dialog"
          aria-expanded={open}
          data-testid="notification-bell"
          icon={
            <Badge count={unread} size="small" overflowCount={99}>
              <BellOutlined aria-hidden className="notif-bell-icon" />
            </Badge>
          }
        />
      </Popover>
      <span id={countId} className="notif-sr-only">
        {unread === 0 ? 'Không có thông báo chưa đọc' : `${unread} thông báo chưa đọc`}
      </span>
    </>
  );
}

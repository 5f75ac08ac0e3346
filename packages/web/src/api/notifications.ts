import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationItem } from '@baocao/core';
import { api } from './client.ts';
import type { Paged } from './users.ts';

export const notificationsKey = ['notifications'] as const;

export interface NotificationFilters {
  page?: number;
  pageSize?: number;
  unreadOnly?: boolean;
}

export function listNotifications(filters: NotificationFilters = {}): Promise<Paged<NotificationItem>> {
  return api.get<Paged<NotificationItem>>('/notifications', {
    page: filters.page,
    pageSize: filters.pageSize,
    unreadOnly: filters.unreadOnly ? 'true' : undefined,
  });
}

export function unreadCount(): Promise<{ unread: number }> {
  return api.get<{ unread: number }>('/notifications/unread-count');
}

export function markNotificationRead(id: string): Promise<NotificationItem> {
  return api.post<NotificationItem>(`/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<{ unread: number }> {
  return api.post<{ unread: number }>('/notifications/read-all');
}

/** The unread count of the bell: every minute, and whenever the window gets the focus back. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: () => unreadCount().then((r) => r.unread),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** The latest notifications, newest first (fetched while the bell's panel is open). */
export function useLatestNotifications(enabled: boolean, pageSize = 10) {
  return useQuery({
    queryKey: [...notificationsKey, 'latest', pageSize],
    queryFn: () => listNotifications({ pageSize }),
    enabled,
    refetchOnWindowFocus: true,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: ({ unread }) => queryClient.setQueryData([...notificationsKey, 'unread-count'], unread),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

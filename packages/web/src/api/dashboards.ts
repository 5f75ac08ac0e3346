import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dashboard, DashboardData, PublishDatasetBody, PublishedDataset, SaveDashboardBody } from '@baocao/core';
import { api } from './client.ts';

// ---------- Dashboards (bảng điều khiển) ----------

export const dashboardsKey = ['analytics', 'dashboards'] as const;
/** A line of GET /analytics/dashboards (core's dashboardList). */
export type DashboardSummary = Omit<Dashboard, 'tiles'> & { tileCount: number };

export function useDashboardList() {
  return useQuery({
    queryKey: [...dashboardsKey, 'list'],
    queryFn: () => api.get<{ items: DashboardSummary[] }>('/analytics/dashboards').then((r) => r.items),
  });
}

export const dashboardDataQuery = (id: string) =>
  queryOptions({
    queryKey: [...dashboardsKey, 'data', id],
    queryFn: () => api.get<DashboardData>(`/analytics/dashboards/${id}/data`),
    // Figures are read live on the server: a leader coming back to the tab sees the reports accepted meanwhile.
    refetchOnWindowFocus: true,
  });

export function useDashboardData(id: string) {
  return useQuery(dashboardDataQuery(id));
}

export type DashboardAction =
  { kind: 'create'; body: SaveDashboardBody } | { kind: 'update'; id: string; body: SaveDashboardBody } | { kind: 'delete'; id: string };

function runDashboardAction(action: DashboardAction): Promise<Dashboard | null> {
  switch (action.kind) {
    case 'create':
      return api.post<Dashboard>('/analytics/dashboards', action.body);
    case 'update':
      return api.put<Dashboard>(`/analytics/dashboards/${action.id}`, action.body);
    case 'delete':
      return api.delete<null>(`/analytics/dashboards/${action.id}`).then(() => null);
  }
}

export function useDashboardMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runDashboardAction,
    onSettled: () => queryClient.invalidateQueries({ queryKey: dashboardsKey }),
  });
}

// ---------- Publishing (công khai thông tin) ----------

export const publishedKey = ['analytics', 'published'] as const;

export function usePublishedList() {
  return useQuery({
    queryKey: [...publishedKey, 'list'],
    queryFn: () => api.get<{ items: PublishedDataset[] }>('/analytics/published').then((r) => r.items),
  });
}

export type PublishAction =
  { kind: 'publish'; body: PublishDatasetBody } | { kind: 'unpublish'; id: string } | { kind: 'refresh'; id: string };

function runPublishAction(action: PublishAction): Promise<PublishedDataset | null> {
  switch (action.kind) {
    case 'publish':
      return api.post<PublishedDataset>('/analytics/published', action.body);
    case 'unpublish':
      return api.delete<PublishedDataset | null>(`/analytics/published/${action.id}`);
    case 'refresh':
      return api.post<PublishedDataset>(`/analytics/published/${action.id}/refresh`);
  }
}

export function usePublishMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runPublishAction,
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishedKey }),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExplorationOptions, ExplorationQueryInput, ExportFormat, PivotResult, SaveViewBody, SavedView } from '@baocao/core';
import { ApiError, api, csrfHeaders, fileErrorOf } from './client.ts';
import { filenameOf, saveBlob } from './signatures.ts';

// ---------- Exploration (khai thác dữ liệu) ----------

export const explorationKey = ['analytics', 'exploration'] as const;
export const viewsKey = ['analytics', 'views'] as const;

/** Measures, disaggregation members, period types and the latest period with facts, for some indicators. */
export function useExplorationOptions(indicatorCodes: readonly string[]) {
  const codes = [...indicatorCodes].sort();
  return useQuery({
    queryKey: [...explorationKey, 'options', codes],
    queryFn: () => api.get<ExplorationOptions>('/analytics/options', { indicatorCodes: codes.join(',') }),
    enabled: codes.length > 0,
    staleTime: 60_000,
  });
}

/** A pivot table of the facts; a mutation, so that a refused query leaves the previous table on screen. */
export function useExplore() {
  return useMutation({
    mutationFn: (query: ExplorationQueryInput) => api.post<PivotResult>('/analytics/explore', query),
  });
}

/**
 * Posts a query and saves the file answered under the name of its Content-Disposition; a refusal
 * (too large, out of scope) becomes an ApiError with the server's message rather than a saved JSON.
 */
async function postForFile(path: string, query: ExplorationQueryInput, format: ExportFormat, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}?format=${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...csrfHeaders() },
      credentials: 'same-origin',
      body: JSON.stringify(query),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!response.ok) throw await fileErrorOf(response);
  saveBlob(await response.blob(), filenameOf(response.headers.get('content-disposition')) ?? `${fallbackName}.${format}`);
}

/** The pivot table as the user sees it, as .xlsx or .csv. */
export function exportPivot(query: ExplorationQueryInput, format: ExportFormat): Promise<void> {
  return postForFile('/analytics/explore/export', query, format, 'khai-thac-so-lieu');
}

/** Every fact behind the table, one line each (streamed by the server). */
export function exportFacts(query: ExplorationQueryInput, format: ExportFormat): Promise<void> {
  return postForFile('/analytics/facts/export', query, format, 'so-lieu-chi-tiet');
}

// ---------- Saved views (khung nhìn) ----------

export function useSavedViews() {
  return useQuery({
    queryKey: [...viewsKey, 'list'],
    queryFn: () => api.get<{ items: SavedView[] }>('/analytics/views').then((r) => r.items),
  });
}

export const savedViewQuery = (id: string) =>
  queryOptions({ queryKey: [...viewsKey, 'detail', id], queryFn: () => api.get<SavedView>(`/analytics/views/${id}`), retry: false });

export function useSavedView(id: string | null) {
  return useQuery({ ...savedViewQuery(id ?? ''), enabled: !!id });
}

export type ViewAction =
  { kind: 'create'; body: SaveViewBody } | { kind: 'update'; id: string; body: SaveViewBody } | { kind: 'delete'; id: string };

function runViewAction(action: ViewAction): Promise<SavedView | null> {
  switch (action.kind) {
    case 'create':
      return api.post<SavedView>('/analytics/views', action.body);
    case 'update':
      return api.put<SavedView>(`/analytics/views/${action.id}`, action.body);
    case 'delete':
      return api.delete<unknown>(`/analytics/views/${action.id}`).then(() => null);
  }
}

export function useViewMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runViewAction,
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormSummary, FormVersionDetail, FormVersionSummary } from '@baocao/core';
import { api, apiUpload, downloadFile } from './client.ts';
import type { Paged } from './users.ts';

export const formsKey = ['forms'] as const;

export type FormView = 'mine' | 'library' | 'all';

export interface FormFilters {
  q?: string;
  view: FormView;
  page: number;
  pageSize: number;
}

/** A problem the server found in a definition; `path` is dotted ("rows.0.children.1.formula"). */
export interface ServerProblem {
  path: string | (string | number)[];
  message: string;
  severity: 'error' | 'warning';
}

export interface FormImportPreview {
  definition: unknown;
  problems: ServerProblem[];
  sheetName: string;
  summary: { rows: number; columns: number; headerDepth: number };
}

export interface ShareBody {
  version: number;
  sharing: 'private' | 'all' | 'units';
  units: { unitId: string; includeSubtree: boolean }[];
}

export function useFormList(filters: FormFilters) {
  return useQuery({
    queryKey: [...formsKey, 'list', filters],
    queryFn: () => api.get<Paged<FormSummary>>('/forms', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useForm(id: string) {
  return useQuery({ queryKey: [...formsKey, 'detail', id], queryFn: () => api.get<FormSummary>(`/forms/${id}`) });
}

export function useFormVersions(id: string) {
  return useQuery({
    queryKey: [...formsKey, 'versions', id],
    queryFn: () => api.get<{ items: FormVersionSummary[] }>(`/forms/${id}/versions`).then((r) => r.items),
  });
}

export function useFormVersion(id: string, versionId: string | undefined) {
  return useQuery({
    queryKey: [...formsKey, 'version', id, versionId],
    queryFn: () => api.get<FormVersionDetail>(`/forms/${id}/versions/${versionId}`),
    enabled: !!versionId,
    staleTime: Infinity,
  });
}

export function useFormDiff(id: string, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: [...formsKey, 'diff', id, from, to],
    queryFn: () => api.get<unknown>(`/forms/${id}/diff`, { from, to }),
    enabled: !!from && !!to && from !== to,
  });
}

export function useFormUsage(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...formsKey, 'usage', id],
    queryFn: () =>
      api.get<{ copies: { formId: string; code: string; name: string; ownerUnitName: string; fromVersionNo: number }[] }>(
        `/forms/${id}/usage`,
      ),
    enabled,
  });
}

export type FormAction =
  | { kind: 'create'; body: { kind: 'table' | 'list' | 'outline'; ownerUnitId: string; definition: unknown } }
  | { kind: 'newDraft'; id: string }
  | { kind: 'saveDraft'; id: string; body: { revision: number; definition: unknown; note?: string } }
  | { kind: 'publish'; id: string; body: { revision: number; note?: string } }
  | { kind: 'share'; id: string; body: ShareBody }
  | { kind: 'copy'; id: string; body: { versionId?: string; ownerUnitId: string; code: string; name?: string } };

function run(action: FormAction): Promise<unknown> {
  switch (action.kind) {
    case 'create':
      return api.post<FormSummary>('/forms', action.body);
    case 'newDraft':
      return api.post<FormVersionDetail>(`/forms/${action.id}/draft`);
    case 'saveDraft':
      return api.put<FormVersionDetail>(`/forms/${action.id}/draft`, action.body);
    case 'publish':
      return api.post<FormSummary>(`/forms/${action.id}/publish`, action.body);
    case 'share':
      return api.post<FormSummary>(`/forms/${action.id}/share`, action.body);
    case 'copy':
      return api.post<FormSummary>(`/forms/${action.id}/copy`, action.body);
  }
}

export function useFormMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async (_d, _e, action) => {
      // The draft being edited stays in the designer's state: refresh summaries, not the open draft.
      if (action.kind === 'saveDraft') {
        await queryClient.invalidateQueries({ queryKey: [...formsKey, 'versions'] });
        await queryClient.invalidateQueries({ queryKey: [...formsKey, 'list'] });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: formsKey });
    },
  });
}

export const importFormExcel = (file: File) => apiUpload<FormImportPreview>('/forms/import', file);

export const exportFormExcel = (id: string, versionId: string) => downloadFile(`/forms/${id}/versions/${versionId}/export.xlsx`);

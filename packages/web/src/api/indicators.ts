import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateIndicatorBody,
  CreateIndicatorSetBody,
  Indicator,
  IndicatorSet,
  IndicatorSetDetail,
  SetMembersBody,
  UpdateIndicatorSetBody,
} from '@baocao/core';
import { api, apiUpload } from './client.ts';
import type { Paged } from './users.ts';

export const indicatorsKey = ['indicators'] as const;

export interface IndicatorFilters {
  q?: string;
  setCode?: string;
  fieldGroup?: string;
  includeInactive?: boolean;
  page: number;
  pageSize: number;
}

export interface IndicatorImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string | null; message: string }[];
  saved: boolean;
}

export type UpdateIndicatorBody = Partial<Omit<CreateIndicatorBody, 'code' | 'setCodes'>> & { version: number };

export function useIndicatorList(filters: IndicatorFilters, enabled = true) {
  return useQuery({
    queryKey: [...indicatorsKey, 'list', filters],
    queryFn: () => api.get<Paged<Indicator>>('/indicators', { ...filters, includeInactive: filters.includeInactive || undefined }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useIndicator(id: string | null) {
  return useQuery({
    queryKey: [...indicatorsKey, 'detail', id],
    queryFn: () => api.get<Indicator>(`/indicators/${id}`),
    enabled: !!id,
  });
}

export function useIndicatorSets() {
  return useQuery({
    queryKey: [...indicatorsKey, 'sets'],
    queryFn: () => api.get<{ items: IndicatorSet[] }>('/indicator-sets').then((r) => r.items),
    staleTime: 60_000,
  });
}

type IndicatorAction = { kind: 'create'; body: CreateIndicatorBody } | { kind: 'update'; id: string; body: UpdateIndicatorBody };

export function useIndicatorMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: IndicatorAction) =>
      action.kind === 'create'
        ? api.post<Indicator>('/indicators', action.body)
        : api.patch<Indicator>(`/indicators/${action.id}`, action.body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: indicatorsKey }),
  });
}

export function importIndicators(file: File, dryRun: boolean): Promise<IndicatorImportResult> {
  return apiUpload<IndicatorImportResult>('/indicators/import', file, { query: { dryRun } });
}

export function useIndicatorSet(id: string | null) {
  return useQuery({
    queryKey: [...indicatorsKey, 'set', id],
    queryFn: () => api.get<IndicatorSetDetail>(`/indicator-sets/${id}`),
    enabled: !!id,
  });
}

type IndicatorSetAction =
  | { kind: 'create'; body: CreateIndicatorSetBody }
  | { kind: 'update'; id: string; body: UpdateIndicatorSetBody }
  | { kind: 'members'; id: string; body: SetMembersBody };

/** Create or edit a set, or replace its ordered members; every indicator query is refreshed after. */
export function useIndicatorSetMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: IndicatorSetAction) => {
      switch (action.kind) {
        case 'create':
          return api.post<IndicatorSetDetail>('/indicator-sets', action.body);
        case 'update':
          return api.patch<IndicatorSetDetail>(`/indicator-sets/${action.id}`, action.body);
        case 'members':
          return api.put<IndicatorSetDetail>(`/indicator-sets/${action.id}/members`, action.body);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: indicatorsKey }),
  });
}

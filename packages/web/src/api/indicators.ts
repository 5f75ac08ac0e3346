import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateIndicatorBody, Indicator, IndicatorSet } from '@baocao/core';
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

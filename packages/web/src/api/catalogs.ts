import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogDetail, CatalogSummary } from '@baocao/core';
import { api } from './client.ts';
import type { Paged } from './users.ts';

export const catalogsKey = ['catalogs'] as const;

export interface CatalogFilters {
  q?: string;
  scope?: 'shared' | 'sector';
  page: number;
  pageSize: number;
}

export interface CreateCatalogBody {
  code: string;
  name: string;
  description?: string | null;
  scope: 'shared' | 'sector';
  fieldGroup?: string | null;
  ownerUnitId?: string | null;
}

export interface CatalogItemBody {
  catalogVersion: number;
  code: string;
  name: string;
  parentId?: string | null;
  sortOrder?: number;
  validFrom?: string | null;
  validTo?: string | null;
  active?: boolean;
}

export function useCatalogList(filters: CatalogFilters) {
  return useQuery({
    queryKey: [...catalogsKey, 'list', filters],
    queryFn: () => api.get<Paged<CatalogSummary>>('/catalogs', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useCatalog(id: string | null) {
  return useQuery({
    queryKey: [...catalogsKey, 'detail', id],
    queryFn: () => api.get<CatalogDetail>(`/catalogs/${id}`),
    enabled: !!id,
  });
}

type CatalogAction =
  | { kind: 'create'; body: CreateCatalogBody }
  | { kind: 'update'; id: string; body: { version: number; name?: string; description?: string | null; fieldGroup?: string | null } }
  | { kind: 'addItem'; id: string; body: CatalogItemBody }
  | { kind: 'updateItem'; id: string; itemId: string; body: CatalogItemBody };

function run(action: CatalogAction): Promise<unknown> {
  switch (action.kind) {
    case 'create':
      return api.post<CatalogSummary>('/catalogs', { ...action.body, items: [] });
    case 'update':
      return api.patch(`/catalogs/${action.id}`, action.body);
    case 'addItem':
      return api.post(`/catalogs/${action.id}/items`, action.body);
    case 'updateItem':
      return api.patch(`/catalogs/${action.id}/items/${action.itemId}`, action.body);
  }
}

export function useCatalogMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: catalogsKey }) });
}

/** Catalog code → name, for showing an indicator's disaggregations (phân tổ) by name. */
export function useCatalogNames() {
  const list = useCatalogList({ page: 1, pageSize: 200 });
  const byCode = new Map((list.data?.items ?? []).map((c) => [c.code, c.name]));
  return {
    name: (code: string) => byCode.get(code) ?? code,
    options: (list.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
  };
}

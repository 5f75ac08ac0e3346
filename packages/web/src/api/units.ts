import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUnitBody, Unit, UnitDetail, UpdateUnitBody } from '@baocao/core';
import { api } from './client.ts';

export const unitsKey = ['units'] as const;

export const unitListQuery = (includeInactive: boolean) =>
  queryOptions({
    queryKey: [...unitsKey, 'list', { includeInactive }],
    queryFn: () => api.get<{ items: Unit[] }>('/units', { includeInactive }).then((r) => r.items),
    staleTime: 60_000,
  });

export const unitDetailQuery = (id: string) =>
  queryOptions({
    queryKey: [...unitsKey, 'detail', id],
    queryFn: () => api.get<UnitDetail>(`/units/${id}`),
  });

/** Every active unit of the province (an address book), for regime owners picking reporting and receiving units. */
export const unitDirectoryQuery = queryOptions({
  queryKey: [...unitsKey, 'directory', { includeInactive: false }],
  queryFn: () => api.get<{ items: Unit[] }>('/units/directory').then((r) => r.items),
  staleTime: 60_000,
});

/** Units the caller may see ('scope'), or the whole directory of active units ('directory'). */
export type UnitSource = 'scope' | 'directory';

export function useUnitList(includeInactive = false, source: UnitSource = 'scope') {
  const list = unitListQuery(includeInactive);
  return useQuery(source === 'directory' ? { ...list, ...unitDirectoryQuery } : list);
}

export function useUnitDetail(id: string | undefined) {
  return useQuery({ ...unitDetailQuery(id ?? ''), enabled: !!id });
}

export interface MoveUnitBody {
  version: number;
  newParentId: string;
  note?: string | null;
}
export interface DeactivateUnitBody {
  version: number;
  validTo?: string;
  note?: string | null;
}

type UnitAction =
  | { kind: 'create'; body: CreateUnitBody }
  | { kind: 'update'; id: string; body: UpdateUnitBody }
  | { kind: 'move'; id: string; body: MoveUnitBody }
  | { kind: 'deactivate'; id: string; body: DeactivateUnitBody }
  | { kind: 'reactivate'; id: string; version: number }
  | { kind: 'delete'; id: string };

function runUnitAction(action: UnitAction): Promise<Unit | null> {
  switch (action.kind) {
    case 'create':
      return api.post<Unit>('/units', action.body);
    case 'update':
      return api.patch<Unit>(`/units/${action.id}`, action.body);
    case 'move':
      return api.post<Unit>(`/units/${action.id}/move`, action.body);
    case 'deactivate':
      return api.post<Unit>(`/units/${action.id}/deactivate`, action.body);
    case 'reactivate':
      return api.post<Unit>(`/units/${action.id}/reactivate`, { version: action.version });
    case 'delete':
      return api.delete<unknown>(`/units/${action.id}`).then(() => null);
  }
}

/** Every change to units goes through here; the unit lists and details are refreshed afterwards. */
export function useUnitMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runUnitAction,
    onSettled: async (_data, error, action) => {
      if (action.kind === 'delete' && !error) {
        // The deleted unit's detail must not be fetched again.
        await queryClient.cancelQueries({ queryKey: [...unitsKey, 'detail', action.id] });
        queryClient.removeQueries({ queryKey: [...unitsKey, 'detail', action.id] });
        await queryClient.invalidateQueries({ queryKey: [...unitsKey, 'list'] });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: unitsKey });
    },
  });
}

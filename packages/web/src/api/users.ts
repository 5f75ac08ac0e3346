import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, GrantInput, Role, UserSummary } from '@baocao/core';
import { api } from './client.ts';

export const usersKey = ['users'] as const;

export interface UserFilters {
  q?: string;
  unitId?: string;
  includeSubunits?: boolean;
  status?: 'active' | 'disabled';
  role?: Role;
  page: number;
  pageSize: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TemporaryPasswordResponse {
  user: UserSummary;
  temporaryPassword: string;
}

export function useUserList(filters: UserFilters) {
  return useQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: () =>
      api.get<Paged<UserSummary>>('/users', {
        ...filters,
        includeSubunits: filters.unitId ? (filters.includeSubunits ?? true) : undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: [...usersKey, 'detail', id],
    queryFn: () => api.get<UserSummary>(`/users/${id}`),
    enabled: !!id,
  });
}

export interface UpdateUserInput {
  version: number;
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  position?: string | null;
  unitId?: string;
}

type UserAction =
  | { kind: 'update'; id: string; body: UpdateUserInput }
  | { kind: 'disable' | 'enable' | 'unlock'; id: string; version: number }
  | { kind: 'addGrant'; id: string; grant: GrantInput }
  | { kind: 'revokeGrant'; id: string; grantId: string };

function runUserAction(action: UserAction): Promise<UserSummary> {
  switch (action.kind) {
    case 'update':
      return api.patch<UserSummary>(`/users/${action.id}`, action.body);
    case 'disable':
    case 'enable':
    case 'unlock':
      return api.post<UserSummary>(`/users/${action.id}/${action.kind}`, { version: action.version });
    case 'addGrant':
      return api.post<UserSummary>(`/users/${action.id}/grants`, action.grant);
    case 'revokeGrant':
      return api.delete<UserSummary>(`/users/${action.id}/grants/${action.grantId}`);
  }
}

export function useUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runUserAction,
    onSuccess: (user) => queryClient.setQueryData([...usersKey, 'detail', user.id], user),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<TemporaryPasswordResponse>('/users', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword?: string }) =>
      api.post<TemporaryPasswordResponse>(`/users/${id}/reset-password`, newPassword ? { newPassword } : {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

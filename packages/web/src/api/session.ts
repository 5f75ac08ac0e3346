import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { CurrentUser, Permission, SessionResponse } from '@baocao/core';
import { api, isApiError, rememberSession } from './client.ts';

export const sessionKey = ['session'] as const;

/** The current session, or null when nobody is logged in. */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<SessionResponse | null> => {
    try {
      const session = await api.get<SessionResponse>('/auth/me', undefined, { noAuthRedirect: true });
      rememberSession(session);
      return session;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        rememberSession(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: Infinity,
  retry: false,
});

export function setSession(queryClient: QueryClient, session: SessionResponse | null): void {
  rememberSession(session);
  queryClient.setQueryData(sessionKey, session);
}

export async function login(queryClient: QueryClient, username: string, password: string): Promise<SessionResponse> {
  const session = await api.post<SessionResponse>('/auth/login', { username, password }, { noAuthRedirect: true });
  // Drop whatever the previous user had cached.
  queryClient.clear();
  setSession(queryClient, session);
  return session;
}

export async function logout(queryClient: QueryClient): Promise<void> {
  try {
    await api.post('/auth/logout', {}, { noAuthRedirect: true });
  } finally {
    queryClient.clear();
    setSession(queryClient, null);
  }
}

export async function changePassword(queryClient: QueryClient, currentPassword: string, newPassword: string): Promise<SessionResponse> {
  const session = await api.post<SessionResponse>('/auth/change-password', { currentPassword, newPassword });
  setSession(queryClient, session);
  return session;
}

/** The logged-in user; only call below the authenticated layout. */
export function useCurrentUser(): CurrentUser {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error('useCurrentUser called without a session');
  return data.user;
}

export function useSessionUser(): CurrentUser | null {
  const { data } = useQuery(sessionQuery);
  return data?.user ?? null;
}

export function hasPermission(user: CurrentUser | null, permission: Permission): boolean {
  return !!user && (user.isSystemAdmin || user.permissions.includes(permission));
}

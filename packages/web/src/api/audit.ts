import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditAction, AuditEntry, AuditVerifyResult } from '@baocao/core';
import { api } from './client.ts';
import type { Paged } from './users.ts';

export interface AuditFilters {
  q?: string;
  action?: AuditAction;
  actorId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditList(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: () => api.get<Paged<AuditEntry>>('/audit', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditVerify() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/audit/verify') });
}

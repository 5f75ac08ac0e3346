import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegimeSummary, TimelinessOutcome, TimelinessRecordPage, TimelinessResponse, UnitKind } from '@baocao/core';
import { api, downloadFile } from './client.ts';
import type { Paged } from './users.ts';

export const timelinessKey = ['analytics', 'timeliness'] as const;

/** The filters of the timeliness statistics (GET /analytics/timeliness and its records and export). */
export interface TimelinessFilters {
  regimeId?: string;
  unitKinds: UnitKind[];
  /** YYYY-MM-DD; the server defaults to the current year. */
  from?: string;
  to?: string;
  rootUnitId?: string;
}

export interface TimelinessRecordFilters {
  unitId?: string;
  outcome?: TimelinessOutcome;
  page: number;
  pageSize: number;
}

/**
 * The query string of the statistics. Written here rather than through the client's flat query
 * because `unitKinds` is a list: the server reads it as repeated keys (unitKinds=commune&unitKinds=ward).
 */
export function timelinessSearch(filters: TimelinessFilters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  if (filters.regimeId) params.set('regimeId', filters.regimeId);
  for (const kind of filters.unitKinds) params.append('unitKinds', kind);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.rootUnitId) params.set('rootUnitId', filters.rootUnitId);
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export function useTimeliness(filters: TimelinessFilters) {
  return useQuery({
    queryKey: [...timelinessKey, 'stats', filters],
    queryFn: () => api.get<TimelinessResponse>(`/analytics/timeliness${timelinessSearch(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useTimelinessRecords(filters: TimelinessFilters, records: TimelinessRecordFilters, enabled = true) {
  return useQuery({
    queryKey: [...timelinessKey, 'records', filters, records],
    queryFn: () =>
      api.get<TimelinessRecordPage>(
        `/analytics/timeliness/records${timelinessSearch(filters, {
          unitId: records.unitId,
          outcome: records.outcome,
          page: records.page,
          pageSize: records.pageSize,
        })}`,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function downloadTimelinessExcel(filters: TimelinessFilters): void {
  downloadFile(`/analytics/timeliness/export${timelinessSearch(filters)}`);
}

export interface RegimeOption {
  id: string;
  name: string;
}

/**
 * Regimes to filter the statistics by. GET /regimes lists only the regimes a user manages, so a
 * reader of the statistics (a viewer) would see none: the regimes their records name are added.
 */
export function useTimelinessRegimes(filters: Pick<TimelinessFilters, 'from' | 'to' | 'rootUnitId'>) {
  return useQuery({
    queryKey: [...timelinessKey, 'regimes', filters],
    queryFn: async (): Promise<RegimeOption[]> => {
      const [managed, seen] = await Promise.all([
        api.get<Paged<RegimeSummary>>('/regimes', { page: 1, pageSize: 200 }).catch(() => ({ items: [] as RegimeSummary[] })),
        api
          .get<TimelinessRecordPage>(`/analytics/timeliness/records${timelinessSearch({ ...filters, unitKinds: [] }, { pageSize: 500 })}`)
          .catch(() => ({ items: [] as TimelinessRecordPage['items'] })),
      ]);
      const byId = new Map<string, string>();
      for (const r of managed.items) byId.set(r.id, r.name);
      for (const r of seen.items) byId.set(r.regimeId, r.regimeName);
      return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    },
    staleTime: 60_000,
  });
}

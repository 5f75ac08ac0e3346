import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  BulkAcceptResult,
  IncomingItem,
  IncomingResponse,
  ReportData,
  ReportDataPatch,
  ReportDetail,
  ReportDiff,
  ReportState,
  ReportSummary,
  ReportVersionResponse,
  SaveReportResponse,
  TransitionBody,
} from '@baocao/core';

export type { BulkAcceptResult, IncomingItem, IncomingResponse, ReportVersionResponse, SaveReportResponse };
import { api } from './client.ts';
import { assignmentsKey, periodsKey, tasksKey } from './regimes.ts';
import type { Paged } from './users.ts';

/**
 * Reports (báo cáo): opening one from its assignment, reading, saving its data, the workflow,
 * versions and differences, the sender's and the receiver's lists (report data in and out —
 * consolidation, Excel, attachments — is in reportData.ts). Every key starts with reportsKey, so
 * invalidating it refreshes everything report-related.
 */
export const reportsKey = ['reports'] as const;
export const reportListKey = [...reportsKey, 'list'] as const;
export const incomingKey = [...reportsKey, 'incoming'] as const;
export const reportDetailKey = (id: string) => [...reportsKey, 'detail', id] as const;
export const reportVersionKey = (id: string, versionNo: number) => [...reportsKey, 'version', id, versionNo] as const;
export const reportSnapshotKey = (id: string, hash: string) => [...reportsKey, 'snapshot', id, hash] as const;
export const reportDiffKey = (id: string, from: number, to: number) => [...reportsKey, 'diff', id, from, to] as const;
export const reportConsolidationKey = (id: string, formVersionId: string) => [...reportsKey, 'consolidation', id, formVersionId] as const;
export const periodConsolidationKey = (periodId: string, formVersionId: string, receivingUnitId?: string) =>
  [...reportsKey, 'period-consolidation', periodId, formVersionId, receivingUnitId ?? null] as const;

export type ReportVersionSummary = ReportDetail['versions'][number];

// ---------- Reading ----------

export const reportDetailQuery = (id: string) =>
  queryOptions({ queryKey: reportDetailKey(id), queryFn: () => api.get<ReportDetail>(`/reports/${id}`) });

export function useReport(id: string) {
  return useQuery(reportDetailQuery(id));
}

export function fetchReport(queryClient: QueryClient, id: string): Promise<ReportDetail> {
  return queryClient.fetchQuery({ ...reportDetailQuery(id), staleTime: 0 });
}

export type ReportSide = 'sender' | 'receiver';

export interface ReportListFilters {
  side: ReportSide;
  periodId?: string;
  regimeId?: string;
  state?: ReportState;
  q?: string;
  page: number;
  pageSize: number;
}

export function useReportList(filters: ReportListFilters) {
  return useQuery({
    queryKey: [...reportListKey, filters],
    queryFn: () => api.get<Paged<ReportSummary>>('/reports', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

/** The regimes and periods of the reports on one side (the list filters' choices; the first 200 reports). */
export function useReportFacets(side: ReportSide) {
  return useQuery({
    queryKey: [...reportListKey, 'facets', side],
    queryFn: () => api.get<Paged<ReportSummary>>('/reports', { side, page: 1, pageSize: 200 }).then((r) => r.items),
    staleTime: 60_000,
  });
}

/** Every unit a period expects a report from, for the receiving unit (with or without a report yet). */
export function useIncoming(periodId: string) {
  return useQuery({
    queryKey: [...incomingKey, periodId],
    queryFn: () => api.get<IncomingResponse>(`/periods/${periodId}/incoming`),
    placeholderData: keepPreviousData,
  });
}

export function useReportVersion(id: string, versionNo: number | null) {
  return useQuery({
    queryKey: reportVersionKey(id, versionNo ?? 0),
    queryFn: () => api.get<ReportVersionResponse>(`/reports/${id}/versions/${versionNo}`),
    enabled: versionNo !== null,
    staleTime: 60_000,
  });
}

/** The content of a version as one event left it (kept by its hash; never changes). */
export function useReportSnapshot(id: string, hash: string | null) {
  return useQuery({
    queryKey: reportSnapshotKey(id, hash ?? ''),
    queryFn: () => api.get<{ contentHash: string; data: ReportData }>(`/reports/${id}/snapshots/${hash}`).then((r) => r.data),
    enabled: !!hash,
    staleTime: Infinity,
  });
}

export function useReportDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: reportDiffKey(id, from ?? 0, to ?? 0),
    queryFn: () => api.get<ReportDiff>(`/reports/${id}/diff`, { from: from!, to: to! }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: 60_000,
  });
}

// ---------- Writing ----------

/** Saves a patch against the revision the user edited; REPORT_STALE when someone saved meanwhile. */
export function saveReportData(id: string, body: { revision: number; patch: ReportDataPatch }): Promise<SaveReportResponse> {
  return api.patch<SaveReportResponse>(`/reports/${id}/data`, body);
}

async function refreshAfterWorkflow(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: reportListKey }),
    queryClient.invalidateQueries({ queryKey: incomingKey }),
    queryClient.invalidateQueries({ queryKey: tasksKey }),
    queryClient.invalidateQueries({ queryKey: assignmentsKey }),
    queryClient.invalidateQueries({ queryKey: periodsKey }),
  ]);
}

/** Opens the assignment's report, creating it on first use (the "Nhập báo cáo" button). */
export function useOpenReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) => api.post<ReportDetail>(`/assignments/${assignmentId}/report`),
    onSuccess: (detail) => {
      queryClient.setQueryData(reportDetailKey(detail.id), detail);
      void refreshAfterWorkflow(queryClient);
    },
  });
}

export type TransitionRequestBody = Omit<TransitionBody, 'reason' | 'evidence'> & { reason?: string | null; evidence?: string | null };

export function postTransition(id: string, body: TransitionRequestBody): Promise<ReportDetail> {
  return api.post<ReportDetail>(`/reports/${id}/transitions`, body);
}

/** One workflow step (trình, duyệt, gửi, tiếp nhận, trả lại…); the answer is the report after it. */
export function useTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TransitionRequestBody }) => postTransition(id, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(reportDetailKey(detail.id), detail);
    },
    onSettled: () => refreshAfterWorkflow(queryClient),
  });
}

export function useBulkAccept() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reportIds: string[]) =>
      api.post<{ results: BulkAcceptResult[] }>('/reports/bulk-accept', { reportIds }).then((r) => r.results),
    onSettled: async (results) => {
      for (const r of results ?? []) if (r.ok) void queryClient.invalidateQueries({ queryKey: reportDetailKey(r.reportId) });
      await refreshAfterWorkflow(queryClient);
    },
  });
}

/** The receiver records that a unit's report arrived outside the system before the unit opened it here. */
export function useRecordOutOfBand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, receivedAt, evidence }: { assignmentId: string; receivedAt: string; evidence: string }) =>
      api.post<ReportDetail>(`/assignments/${assignmentId}/out-of-band`, { receivedAt, evidence }),
    onSettled: () => refreshAfterWorkflow(queryClient),
  });
}

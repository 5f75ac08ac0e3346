import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsolidationResponse, ExcelPreviewResponse, ReportAttachment } from '@baocao/core';
import { api, apiUpload, downloadFile } from './client.ts';
import { periodConsolidationKey, reportConsolidationKey, reportsKey } from './reports.ts';

/**
 * Report data in and out: consolidation from subunits (a report's and a period's), the Excel round
 * trip, attachments. Keys live under reportsKey (api/reports.ts), so the report page's refreshes
 * reach them and a drill-down shares the cache of the grid that opened it.
 */

export interface AttachmentUploadResponse {
  attachment: ReportAttachment;
  revision: number;
}

/** The report's table form consolidated from its subunits' accepted reports. */
export function useConsolidation(reportId: string, formVersionId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: reportConsolidationKey(reportId, formVersionId ?? ''),
    queryFn: () => api.get<ConsolidationResponse>(`/reports/${reportId}/consolidation`, { formVersionId }),
    enabled: enabled && !!formVersionId,
  });
}

export const periodConsolidationPath = (periodId: string) => `/periods/${periodId}/consolidation`;

/** What a receiving unit's reporting units sent for a period, consolidated (the period's "Tổng hợp" page). */
export function usePeriodConsolidation(periodId: string, formVersionId: string | undefined, receivingUnitId?: string, enabled = true) {
  return useQuery({
    queryKey: periodConsolidationKey(periodId, formVersionId ?? '', receivingUnitId),
    queryFn: () => api.get<ConsolidationResponse>(periodConsolidationPath(periodId), { formVersionId, receivingUnitId }),
    enabled: enabled && !!formVersionId,
    placeholderData: keepPreviousData,
  });
}

/** Either a report's consolidation or a period's, as a drill-down is opened from one or the other. */
export type ConsolidationSource = { reportId: string } | { periodId: string; receivingUnitId?: string };

export function useConsolidationOf(source: ConsolidationSource, formVersionId: string, enabled = true) {
  const isReport = 'reportId' in source;
  const byReport = useConsolidation(isReport ? source.reportId : '', formVersionId, enabled && isReport);
  const byPeriod = usePeriodConsolidation(
    isReport ? '' : source.periodId,
    formVersionId,
    isReport ? undefined : source.receivingUnitId,
    enabled && !isReport,
  );
  return isReport ? byReport : byPeriod;
}

// ---------- Excel round trip ----------

/** The form with the report's current values as .xlsx (same layout as the form's own export). */
export function downloadReportExcel(reportId: string, formVersionId: string): void {
  downloadFile(`/reports/${reportId}/excel`, { formVersionId });
}

/** Reads a filled .xlsx against the form: what would change, what was rejected and why. Nothing is saved. */
export function previewReportExcel(reportId: string, formVersionId: string, file: File): Promise<ExcelPreviewResponse> {
  return apiUpload<ExcelPreviewResponse>(`/reports/${reportId}/excel/preview`, file, { query: { formVersionId } });
}

// ---------- Attachments ----------

export function downloadAttachment(reportId: string, versionNo: number, attachmentId: string): void {
  downloadFile(`/reports/${reportId}/versions/${versionNo}/attachments/${attachmentId}`);
}

/** Uploads one file (field 'file'); the report's detail is refreshed after. */
export function useUploadAttachment(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiUpload<AttachmentUploadResponse>(`/reports/${reportId}/attachments`, file),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...reportsKey, 'detail', reportId] }),
  });
}

export function useRemoveAttachment(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => api.delete<{ revision?: number } | undefined>(`/reports/${reportId}/attachments/${attachmentId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...reportsKey, 'detail', reportId] }),
  });
}

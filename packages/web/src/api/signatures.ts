import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CertificateItem,
  CertificateList,
  CertificateOwnerKind,
  TrustedCertificateList,
  VerifyUploadResult,
  VersionSignatures,
} from '@baocao/core';
import { api, apiPostForm, ApiError, fileErrorOf } from './client.ts';
import { reportsKey } from './reports.ts';

export type { CertificateItem, TrustedCertificateList, VerifyUploadResult, VersionSignatures };
export type TrustedCertificateItem = TrustedCertificateList['items'][number];

/**
 * Digital signatures: the certificates (chứng thư số) people and units sign with, the signatures on
 * each report version, the documents (DOCX, signed PDF) and verifying an uploaded file. A version's
 * signatures live under reportsKey so that refreshing a report refreshes them too.
 */
export const certificatesKey = ['certificates'] as const;
export const trustedCertificatesKey = ['trusted-certificates'] as const;
export const reportSignaturesKey = (reportId: string) => [...reportsKey, 'signatures', reportId] as const;
export const versionSignaturesKey = (reportId: string, versionNo: number) => [...reportSignaturesKey(reportId), versionNo] as const;

// ---------- Certificates ----------

export interface CertificateFilters {
  ownerKind?: CertificateOwnerKind;
  unitId?: string;
}

export function useCertificates(filters: CertificateFilters = {}) {
  return useQuery({
    queryKey: [...certificatesKey, filters],
    queryFn: () => api.get<CertificateList>('/certificates', { ...filters }).then((r) => r.items),
  });
}

export function useTrustedCertificates() {
  return useQuery({
    queryKey: trustedCertificatesKey,
    queryFn: () => api.get<TrustedCertificateList>('/trusted-certificates').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export interface ImportCertificateInput {
  file: File;
  ownerKind: CertificateOwnerKind;
  unitId?: string;
  userId?: string;
  /** Sent once with the file and never kept in the browser. */
  password?: string;
}

/** The multipart body of `POST /certificates`: the text fields first, then the file. */
export function importCertificateForm(input: ImportCertificateInput): FormData {
  const form = new FormData();
  form.append('ownerKind', input.ownerKind);
  if (input.unitId) form.append('unitId', input.unitId);
  if (input.userId) form.append('userId', input.userId);
  if (input.password) form.append('password', input.password);
  form.append('file', input.file, input.file.name);
  return form;
}

export function useImportCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportCertificateInput) => apiPostForm<CertificateItem>('/certificates', importCertificateForm(input)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: certificatesKey }),
  });
}

export function useDisableCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<CertificateItem>(`/certificates/${id}/disable`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: certificatesKey }),
  });
}

// ---------- Signatures of a report version ----------

export function useVersionSignatures(reportId: string, versionNo: number) {
  return useQuery({
    queryKey: versionSignaturesKey(reportId, versionNo),
    queryFn: () => api.get<VersionSignatures>(`/reports/${reportId}/versions/${versionNo}/signatures`),
    staleTime: 30_000,
  });
}

/** `POST /signatures/verify`: a signed PDF alone, or any file with its detached .p7s signature. */
export function useVerifyUpload() {
  return useMutation({
    mutationFn: ({ file, signature }: { file: File; signature?: File | null }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (signature) form.append('signature', signature, signature.name);
      return apiPostForm<VerifyUploadResult>('/signatures/verify', form);
    },
  });
}

// ---------- Downloads ----------

/** The file name a Content-Disposition header gives (RFC 6266: filename* in UTF-8 first), or null. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/u.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/gu, ''));
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/u.exec(disposition);
  if (!plain) return null;
  return (plain[2] ?? plain[1]!).trim() || null;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Chromium reads the blob when the click is handled; keep it a moment for slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Fetches a file and hands it to the browser as a download; a refusal (not signed yet, no access)
 * becomes an ApiError with the server's Vietnamese message instead of a JSON file saved to disk.
 */
export async function downloadFrom(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!response.ok) throw await fileErrorOf(response);
  saveBlob(await response.blob(), filenameOf(response.headers.get('content-disposition')) ?? fallbackName);
}

export type DocumentFormat = 'docx' | 'pdf';

export function downloadReportDocument(reportId: string, versionNo: number, format: DocumentFormat): Promise<void> {
  return downloadFrom(`/reports/${reportId}/versions/${versionNo}/document.${format}`, `bao-cao-phien-ban-${versionNo}.${format}`);
}

export function downloadSignedContent(reportId: string, versionNo: number): Promise<void> {
  return downloadFrom(`/reports/${reportId}/versions/${versionNo}/signed-content`, `noi-dung-da-ky-phien-ban-${versionNo}.json`);
}

export function downloadSignatureCms(reportId: string, signatureId: string): Promise<void> {
  return downloadFrom(`/reports/${reportId}/signatures/${signatureId}/cms`, `chu-ky-${signatureId}.p7s`);
}

/** A trusted root's PEM as a .crt file, made in the browser from what the list already holds. */
export function downloadPem(pem: string, filename: string): void {
  saveBlob(new Blob([pem.endsWith('\n') ? pem : `${pem}\n`], { type: 'application/x-pem-file' }), filename);
}

import type { ErrorCode, SessionResponse } from '@baocao/core';

/** An error answered by the server ({"error":{"code","message","details"?}}) or by the network. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK_ERROR';
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode | 'NETWORK_ERROR', message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** VALIDATION_FAILED issues, when there are any. */
  get issues(): { path: string; message: string }[] {
    const d = this.details as { issues?: unknown } | undefined;
    return Array.isArray(d?.issues) ? (d.issues as { path: string; message: string }[]) : [];
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The user-facing text of any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại.';
}

const BASE = '/api/v1';
let csrfToken: string | null = null;

interface AuthHandlers {
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
}
let handlers: AuthHandlers = { onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} };

export function setAuthHandlers(next: AuthHandlers): void {
  handlers = next;
}

/** Remember the csrf token of the latest session answer. */
export function rememberSession(session: SessionResponse | null): void {
  csrfToken = session?.csrfToken ?? null;
}

/** The csrf header for a state-changing request sent with fetch directly (a file answered to a POST). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not redirect to the login page on 401 (login itself, the session probe). */
  noAuthRedirect?: boolean;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }

  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const body = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code = (body?.code ?? (response.status >= 500 ? 'INTERNAL' : 'NOT_FOUND')) as ErrorCode;
    const message = body?.message ?? `Yêu cầu không thành công (mã ${response.status}).`;
    const error = new ApiError(response.status, code, message, body?.details);
    if (response.status === 401 && !options.noAuthRedirect) {
      csrfToken = null;
      handlers.onUnauthenticated();
    } else if (code === 'PASSWORD_CHANGE_REQUIRED') {
      handlers.onPasswordChangeRequired();
    }
    throw error;
  }
  return data as T;
}

/** Sends a file as multipart/form-data (field `field`), with the csrf header; answers JSON like apiRequest. */
export async function apiUpload<T>(path: string, file: File | Blob, options: { query?: Query; field?: string } = {}): Promise<T> {
  const body = new FormData();
  body.append(options.field ?? 'file', file, file instanceof File ? file.name : 'upload.xlsx');
  return apiPostForm<T>(path, body, options);
}

/** Posts a multipart/form-data body the caller built (text fields before files: the server reads them in order). */
export async function apiPostForm<T>(path: string, body: FormData, options: { query?: Query } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method: 'POST', headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code = (err?.code ?? (response.status >= 500 ? 'INTERNAL' : 'NOT_FOUND')) as ErrorCode;
    if (response.status === 401) handlers.onUnauthenticated();
    throw new ApiError(response.status, code, err?.message ?? `Yêu cầu không thành công (mã ${response.status}).`, err?.details);
  }
  return data as T;
}

/** Starts a browser download of a GET endpoint (the session cookie goes along). */
export function downloadFile(path: string, query?: Query): void {
  const a = document.createElement('a');
  a.href = buildUrl(path, query);
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'query' | 'body'>) =>
    apiRequest<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** A refused file request as an ApiError with the server's Vietnamese message (never a JSON file saved to disk). */
export async function fileErrorOf(response: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const code = (body?.error?.code ?? (response.status >= 500 ? 'INTERNAL' : 'NOT_FOUND')) as ErrorCode;
  return new ApiError(response.status, code, body?.error?.message ?? `Không tải được tệp (mã ${response.status}).`, body?.error?.details);
}

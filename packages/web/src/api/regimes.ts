import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentDetail,
  CalendarYearResponse,
  DeadlineRuleInput,
  FormKind,
  FormSummary,
  MonitoringResponse,
  PeriodPreview,
  PeriodType,
  RegimeContentInput,
  RegimeDetail,
  RegimeKind,
  RegimePeriodDetail,
  RegimePeriodSummary,
  RegimeSummary,
  ReportingUnitSelection,
  TaskItem,
  UnitKind,
} from '@baocao/core';
import { api } from './client.ts';
import type { Paged } from './users.ts';

export const regimesKey = ['regimes'] as const;
export const periodsKey = ['regime-periods'] as const;
export const assignmentsKey = ['assignments'] as const;
export const tasksKey = ['tasks'] as const;
export const calendarKey = ['calendar'] as const;

/** A problem the server found in a regime; `path` is dotted inside the content ("deadlines.0.rule"). */
export interface RegimeProblem {
  code?: string;
  path: string;
  message: string;
}

// ---------- Regimes ----------

export type RegimeStatus = RegimeSummary['status'];

export interface RegimeFilters {
  q?: string;
  kind?: RegimeKind;
  status?: RegimeStatus;
  page: number;
  pageSize: number;
}

export function useRegimeList(filters: RegimeFilters) {
  return useQuery({
    queryKey: [...regimesKey, 'list', filters],
    queryFn: () => api.get<Paged<RegimeSummary>>('/regimes', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export const regimeDetailQuery = (id: string) =>
  queryOptions({ queryKey: [...regimesKey, 'detail', id], queryFn: () => api.get<RegimeDetail>(`/regimes/${id}`) });

export function useRegime(id: string) {
  return useQuery(regimeDetailQuery(id));
}

export interface CreateRegimeBody {
  ownerUnitId: string;
  code: string;
  content: RegimeContentInput;
}

export type RegimeAction =
  | { kind: 'create'; body: CreateRegimeBody }
  | { kind: 'saveDraft'; id: string; body: { revision: number; content: RegimeContentInput } }
  | { kind: 'newVersion'; id: string }
  | { kind: 'publish'; id: string; body: { revision: number; note?: string | null } }
  | { kind: 'stop'; id: string; body: { reason?: string | null } };

function runRegimeAction(action: RegimeAction): Promise<RegimeDetail> {
  switch (action.kind) {
    case 'create':
      return api.post<RegimeDetail>('/regimes', action.body);
    case 'saveDraft':
      return api.put<RegimeDetail>(`/regimes/${action.id}/draft`, action.body);
    case 'newVersion':
      return api.post<RegimeDetail>(`/regimes/${action.id}/versions`);
    case 'publish':
      return api.post<RegimeDetail>(`/regimes/${action.id}/publish`, action.body);
    case 'stop':
      return api.post<RegimeDetail>(`/regimes/${action.id}/stop`, action.body);
  }
}

export function useRegimeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runRegimeAction,
    onSuccess: (detail) => {
      queryClient.setQueryData(regimeDetailQuery(detail.id).queryKey, detail);
    },
    onSettled: async (_d, _e, action) => {
      await queryClient.invalidateQueries({ queryKey: [...regimesKey, 'list'] });
      if (action.kind !== 'create' && action.kind !== 'saveDraft') {
        await queryClient.invalidateQueries({ queryKey: [...regimesKey, 'periods', action.id] });
        await queryClient.invalidateQueries({ queryKey: tasksKey });
      }
    },
  });
}

/** The default first-level deadline rule (LEGAL R8 for reports to the Government, else R10's N working days). */
export function fetchDefaultDeadline(frequency: PeriodType, reportsToGovernment: boolean) {
  return api.get<{ rule: DeadlineRuleInput }>('/regimes/default-deadline', { frequency, reportsToGovernment }).then((r) => r.rule);
}

export function previewPeriods(content: RegimeContentInput, count = 12, from?: string) {
  return api.post<{ periods: PeriodPreview[] }>('/regimes/preview-periods', { content, count, from });
}

/** The next periods a content would produce (the wizard's live calendar and the regime's calendar tab). */
export function usePeriodPreview(content: RegimeContentInput | null, count = 12, from?: string) {
  return useQuery({
    queryKey: [...regimesKey, 'preview-periods', content, count, from],
    queryFn: () => previewPeriods(content!, count, from),
    enabled: !!content,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
}

export interface PreviewUnitsResponse {
  total: number;
  units: { id: string; name: string; kind: UnitKind }[];
}

export function useUnitsPreview(selection: ReportingUnitSelection | null) {
  return useQuery({
    queryKey: [...regimesKey, 'preview-units', selection],
    queryFn: () => api.post<PreviewUnitsResponse>('/regimes/preview-units', { selection }),
    enabled: !!selection,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

/** Published forms the caller may use, of the given kinds (the wizard's pickers). */
export function usePublishedForms(kinds: readonly FormKind[]) {
  return useQuery({
    queryKey: [...regimesKey, 'forms', kinds],
    queryFn: async () => {
      const lists = await Promise.all(
        kinds.map((kind) => api.get<Paged<FormSummary>>('/forms', { view: 'all', kind, page: 1, pageSize: 200 })),
      );
      return lists.flatMap((l) => l.items).filter((f) => f.latestPublished !== null && !f.archived);
    },
    staleTime: 60_000,
  });
}

// ---------- Periods ----------

export function useRegimePeriods(regimeId: string) {
  return useQuery({
    queryKey: [...regimesKey, 'periods', regimeId],
    queryFn: () => api.get<{ items: RegimePeriodSummary[] }>(`/regimes/${regimeId}/periods`).then((r) => r.items),
  });
}

export function useMonitoring(regimeId: string, range: { from?: string; to?: string }, enabled = true) {
  return useQuery({
    queryKey: [...regimesKey, 'monitoring', regimeId, range],
    queryFn: () => api.get<MonitoringResponse>(`/regimes/${regimeId}/monitoring`, { ...range }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePeriod(id: string) {
  return useQuery({ queryKey: [...periodsKey, id], queryFn: () => api.get<RegimePeriodDetail>(`/regime-periods/${id}`) });
}

export type PeriodAction =
  | { kind: 'close'; id: string; body: { version: number; reason?: string | null } }
  | { kind: 'reopen'; id: string; body: { version: number } }
  | {
      kind: 'extend';
      id: string;
      body: { version: number; deadlineDate: string; deadlineTime: string; unitIds?: string[]; reason: string };
    };

export function usePeriodMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: PeriodAction) => api.post<RegimePeriodDetail>(`/regime-periods/${action.id}/${action.kind}`, action.body),
    onSuccess: (detail) => {
      queryClient.setQueryData([...periodsKey, detail.id], detail);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: periodsKey });
      await queryClient.invalidateQueries({ queryKey: regimesKey });
      await queryClient.invalidateQueries({ queryKey: tasksKey });
      await queryClient.invalidateQueries({ queryKey: assignmentsKey });
    },
  });
}

// ---------- Assignments and tasks ----------

export function useAssignment(id: string) {
  return useQuery({ queryKey: [...assignmentsKey, id], queryFn: () => api.get<AssignmentDetail>(`/assignments/${id}`) });
}

export interface DelegateBody {
  unitIds: string[];
  deadlineDate: string;
  deadlineTime: string;
  formVersionIds?: string[];
  note?: string | null;
}

export function useDelegateMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DelegateBody) => api.post<AssignmentDetail>(`/assignments/${id}/delegate`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData([...assignmentsKey, id], detail);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: assignmentsKey });
      await queryClient.invalidateQueries({ queryKey: tasksKey });
      await queryClient.invalidateQueries({ queryKey: periodsKey });
    },
  });
}

export type TaskInclude = 'open' | 'all';

export function useTasks(include: TaskInclude = 'open') {
  return useQuery({
    queryKey: [...tasksKey, include],
    queryFn: () => api.get<{ items: TaskItem[]; dueSoonDays: number }>('/tasks', { include }),
    placeholderData: keepPreviousData,
  });
}

// ---------- Working-day calendar ----------

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...calendarKey, year],
    queryFn: () => api.get<CalendarYearResponse>(`/calendar/${year}`),
    placeholderData: keepPreviousData,
  });
}

export type CalendarAction =
  { kind: 'put'; date: string; body: { kind: 'holiday' | 'working_day'; name: string } } | { kind: 'delete'; date: string };

export function useCalendarMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: CalendarAction) =>
      action.kind === 'put'
        ? api.put<unknown>(`/calendar/adjustments/${action.date}`, action.body)
        : api.delete<unknown>(`/calendar/adjustments/${action.date}`),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: calendarKey });
      // Deadlines computed from the calendar may move.
      await queryClient.invalidateQueries({ queryKey: [...regimesKey, 'preview-periods'] });
    },
  });
}

import { FormDecimal, TIME_ZONE, type ReportAction, type ReportCellValue } from '@baocao/core';
import { formatDecimal } from '../forms/grid/cellFormat.ts';

/**
 * What the report pages show, in Vietnamese conventions, as pure functions: stored cell values,
 * times, lateness, the natural next step of the workflow, and the problems the server answers with.
 */

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** A stored value as a reader sees it: "1.234,5", dd/mm/yyyy, Có/Không; an empty cell as "(trống)". */
export function formatStoredValue(v: ReportCellValue | undefined): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (DECIMAL_TEXT.test(v)) return formatDecimal(new FormDecimal(v));
  const date = ISO_DATE.exec(v);
  if (date) return `${date[3]}/${date[2]}/${date[1]}`;
  return v;
}

const vnParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(at: Date): Record<string, string> {
  return Object.fromEntries(vnParts.formatToParts(at).map((p) => [p.type, p.value]));
}

/** An instant as "dd/mm/yyyy HH:mm" in Vietnam time, or a dash. */
export function formatAt(at: string | Date | null | undefined): string {
  if (!at) return '—';
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '—';
  const p = partsOf(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "10:42" when it is today in Vietnam, else "10:42 09/12/2026". */
export function formatSavedTime(at: string | Date, now: Date = new Date()): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const p = partsOf(date);
  const t = partsOf(now);
  const time = `${p.hour}:${p.minute}`;
  return p.day === t.day && p.month === t.month && p.year === t.year ? time : `${time} ${p.day}/${p.month}/${p.year}`;
}

/** How late a report was sent: "Muộn 45 phút", "Muộn 2 giờ 5 phút", "Muộn 3 ngày 4 giờ". */
export function formatLateness(minutes: number): string | null {
  if (minutes <= 0) return null;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ngày`);
  if (hours) parts.push(`${hours} giờ`);
  // Minutes matter only while the delay is under a day.
  if (mins && !days) parts.push(`${mins} phút`);
  return `Muộn ${parts.join(' ')}`;
}

/** The step a user most likely came to take, drawn as the primary button (the furthest forward they may take). */
const NATURAL_ORDER: readonly ReportAction[] = ['send', 'approve', 'review', 'submit', 'accept', 'approve_correction'];

export function primaryAction(actions: readonly ReportAction[]): ReportAction | null {
  return NATURAL_ORDER.find((a) => actions.includes(a)) ?? null;
}

/** Steps that turn a report back or refuse: drawn as danger buttons. */
export const BACKWARD_ACTIONS: ReadonlySet<ReportAction> = new Set(['return', 'send_back', 'refuse_correction']);

/** The order the buttons are laid out in: forward steps first, then the way back, then the rest. */
export function orderedActions(actions: readonly ReportAction[]): ReportAction[] {
  const rank = (a: ReportAction) => {
    const i = NATURAL_ORDER.indexOf(a);
    if (i >= 0) return i;
    return BACKWARD_ACTIONS.has(a) ? 20 : 30;
  };
  return actions.filter((a) => a !== 'save').sort((a, b) => rank(a) - rank(b));
}

// ---------- Problems the server answers with ----------

export type ProblemKind = 'error' | 'unexplained_warning' | 'narrative_required' | 'narrative_too_long' | 'cell_invalid';

/** One thing that stops a transition (REPORT_HAS_ERRORS, WARNINGS_UNEXPLAINED, NARRATIVE_REQUIRED) or a save. */
export interface ReportProblem {
  kind: ProblemKind | string;
  formVersionId?: string;
  formCode?: string;
  message: string;
  /** Cell key "ROW:COL". */
  cell?: string;
  sectionId?: string;
  violationKey?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The problems in an error's details, whether the server put them as a list or under `problems`
 * (or `cells`, for REPORT_CELLS_INVALID); cell problems may name their cell `cell` or `key`.
 */
export function problemsOf(details: unknown): ReportProblem[] {
  const list = Array.isArray(details)
    ? details
    : isRecord(details)
      ? ((['problems', 'cells', 'items'] as const).map((k) => details[k]).find(Array.isArray) ?? [])
      : [];
  const out: ReportProblem[] = [];
  for (const item of list as unknown[]) {
    if (!isRecord(item) || typeof item.message !== 'string') continue;
    out.push({
      kind: str(item.kind) ?? 'cell_invalid',
      formVersionId: str(item.formVersionId),
      formCode: str(item.formCode),
      message: item.message,
      cell: str(item.cell) ?? str(item.key),
      sectionId: str(item.sectionId),
      violationKey: str(item.violationKey),
    });
  }
  return out;
}

export const PROBLEM_KIND_LABELS: Record<ProblemKind, string> = {
  error: 'Lỗi số liệu',
  cell_invalid: 'Ô không hợp lệ',
  unexplained_warning: 'Cảnh báo chưa giải trình',
  narrative_required: 'Thuyết minh còn thiếu',
  narrative_too_long: 'Thuyết minh quá dài',
};

/** Problems by form, in the order the server listed them (the form's own order). */
export function groupProblems(
  problems: readonly ReportProblem[],
): { formVersionId: string | null; formCode: string; items: ReportProblem[] }[] {
  const groups = new Map<string, { formVersionId: string | null; formCode: string; items: ReportProblem[] }>();
  for (const p of problems) {
    const key = p.formVersionId ?? '';
    const g = groups.get(key) ?? { formVersionId: p.formVersionId ?? null, formCode: p.formCode ?? '', items: [] };
    g.items.push(p);
    groups.set(key, g);
  }
  return [...groups.values()];
}

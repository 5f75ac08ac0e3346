import {
  formatIsoDate,
  regimeContent,
  type RegimeContent,
  type RegimeContentInput,
  type RegimeKind,
  type ReportingUnitSelection,
} from '@baocao/core';
import { ApiError } from '../../../api/client.ts';
import type { RegimeProblem } from '../../../api/regimes.ts';

/** What the wizard edits: the regime's owner and code (fixed once created) and its content. */
export interface WizardState {
  ownerUnitId: string;
  code: string;
  content: RegimeContent;
}

export type Rule = RegimeContent['deadlines'][number]['rule'];
export type RuleKind = Rule['kind'];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  working_days_after: 'Số ngày làm việc sau khi chốt số liệu',
  days_after: 'Số ngày sau khi chốt số liệu',
  day_of_month: 'Ngày cố định trong tháng',
  fixed_date: 'Ngày cụ thể',
};

export const DEFAULT_LEVEL_LABEL = 'Đơn vị gửi cơ quan nhận báo cáo';

export const MAX_LEVELS = 5;

/** Who sends to whom at each level (level 0 is the regime's reporting units). */
export function levelExplanation(level: number): string {
  if (level === 0) return 'Cấp 1: đơn vị thực hiện báo cáo gửi cơ quan nhận báo cáo.';
  if (level === 1) return 'Cấp 2: đơn vị trực thuộc (được giao tiếp) gửi đơn vị thực hiện báo cáo; phải trước thời hạn cấp 1.';
  return `Cấp ${level + 1}: đơn vị trực thuộc của cấp ${level} gửi đơn vị cấp trên; phải trước thời hạn cấp ${level}.`;
}

export function defaultLevelLabel(level: number): string {
  if (level === 0) return DEFAULT_LEVEL_LABEL;
  if (level === 1) return 'Đơn vị trực thuộc gửi đơn vị thực hiện báo cáo';
  return `Đơn vị cấp ${level + 1} gửi đơn vị cấp trên`;
}

/** A rule of the given kind, keeping the time and roll-forward of the previous one. */
export function ruleOfKind(kind: RuleKind, previous: Rule | undefined, today: string): Rule {
  const time = previous?.time ?? '17:00';
  const rollForward = previous?.rollForward ?? true;
  switch (kind) {
    case 'working_days_after':
      return { kind, days: 2, time, rollForward };
    case 'days_after':
      return { kind, days: 5, time, rollForward };
    case 'day_of_month':
      return { kind, monthOffset: 0, day: 20, time, rollForward };
    case 'fixed_date':
      return { kind, date: today, time, rollForward };
  }
}

/** A new lower level: due one working day before the level above it when that is a working-day rule. */
export function nextLevel(levels: RegimeContent['deadlines']): RegimeContent['deadlines'][number] {
  const above = levels[levels.length - 1]?.rule;
  let rule: Rule;
  if (above?.kind === 'working_days_after') rule = { ...above, days: Math.max(1, above.days - 1) };
  else if (above?.kind === 'days_after') rule = { ...above, days: Math.max(0, above.days - 1) };
  else if (above?.kind === 'day_of_month') rule = { ...above, day: Math.max(1, above.day - 2) };
  else rule = above ? { ...above } : { kind: 'working_days_after', days: 1, time: '17:00', rollForward: true };
  return { label: defaultLevelLabel(levels.length), rule };
}

/** ND 09/2019 Art. 13 k1 (LEGAL R8): reports to the Government are due on the 25th of the period's last month. */
export const GOVERNMENT_RULE: Rule = { kind: 'day_of_month', monthOffset: 0, day: 25, time: '17:00', rollForward: true };

/** Thematic and ad hoc regimes, and periodic ones with frequency "custom", list their periods. */
export function needsCustomPeriods(c: Pick<RegimeContent, 'kind' | 'frequency'>): boolean {
  return c.kind !== 'dinh_ky' || c.frequency === 'custom';
}

export function defaultContent(today: string): RegimeContent {
  return {
    name: '',
    content: '',
    contentKind: 'both',
    kind: 'dinh_ky',
    isStatistical: false,
    legalBasis: { documentNumber: '', documentDate: '', issuer: '' },
    reportingUnits: { mode: 'explicit', unitIds: [] },
    receivingUnitId: '',
    reportsToGovernment: false,
    sendingMethods: ['phan_mem'],
    windowMode: 'cutoff',
    schoolYearEnd: null,
    deadlines: [{ label: DEFAULT_LEVEL_LABEL, rule: { kind: 'working_days_after', days: 2, time: '17:00', rollForward: true } }],
    frequency: 'month',
    customPeriods: [],
    outlineFormId: null,
    formIds: [],
    guidance: '',
    effectiveFrom: today,
    effectiveTo: null,
    allowLateSending: true,
    openLeadDays: 0,
    reminders: { daysBefore: [3, 1], overdueEveryDays: 1 },
  };
}

/** Switching the kind: thematic and ad hoc regimes run on their own list of periods. */
export function withKind(c: RegimeContent, kind: RegimeKind): RegimeContent {
  if (kind === c.kind) return c;
  if (kind === 'dinh_ky') return { ...c, kind, frequency: c.frequency === 'custom' ? 'month' : c.frequency };
  return { ...c, kind, frequency: 'custom' };
}

// ---------- Steps ----------

export const STEPS = [
  { title: 'Thông tin chung', hint: 'Tên, ký hiệu, căn cứ' },
  { title: 'Nội dung yêu cầu', hint: 'Thuyết minh, số liệu' },
  { title: 'Đối tượng thực hiện', hint: 'Đơn vị báo cáo' },
  { title: 'Cơ quan nhận', hint: 'Phương thức gửi, nhận' },
  { title: 'Tần suất, chốt số liệu', hint: 'Kỳ báo cáo' },
  { title: 'Thời hạn gửi', hint: 'Các cấp, nhắc hạn' },
  { title: 'Mẫu đề cương, biểu mẫu', hint: 'Hướng dẫn quy trình' },
  { title: 'Rà soát, ban hành', hint: 'Lưu nháp, ban hành' },
] as const;

export const REVIEW_STEP = STEPS.length - 1;

const STEP_OF_FIELD: Record<string, number> = {
  ownerUnitId: 0,
  code: 0,
  name: 0,
  kind: 0,
  isStatistical: 0,
  legalBasis: 0,
  effectiveFrom: 0,
  effectiveTo: 0,
  content: 1,
  contentKind: 1,
  reportingUnits: 2,
  receivingUnitId: 3,
  reportsToGovernment: 3,
  sendingMethods: 3,
  frequency: 4,
  windowMode: 4,
  schoolYearEnd: 4,
  customPeriods: 4,
  deadlines: 5,
  allowLateSending: 5,
  openLeadDays: 5,
  reminders: 5,
  outlineFormId: 6,
  formIds: 6,
  guidance: 6,
};

/** The wizard step where a problem at `path` is fixed; unknown paths go to the review step. */
export function stepOfPath(path: string): number {
  const head = path.split('.')[0] ?? '';
  return STEP_OF_FIELD[head] ?? REVIEW_STEP;
}

/** Fields that decide the periods and their deadlines: what the live calendar preview depends on. */
const TIMING_FIELDS = new Set([
  'kind',
  'frequency',
  'windowMode',
  'schoolYearEnd',
  'customPeriods',
  'deadlines',
  'effectiveFrom',
  'effectiveTo',
  'openLeadDays',
  'reportsToGovernment',
]);

export function isTimingPath(path: string): boolean {
  return TIMING_FIELDS.has(path.split('.')[0] ?? '');
}

// ---------- Problems ----------

/**
 * Problems at `prefix` or below it. `exact`: only the path itself (a row's own problems, e.g.
 * 'customPeriods.2', without those of its fields).
 */
export function problemsAt(problems: readonly RegimeProblem[], prefix: string, exact = false): RegimeProblem[] {
  return problems.filter((p) => p.path === prefix || (!exact && p.path.startsWith(`${prefix}.`)));
}

const REQUEST_PARTS = new Set(['body', 'querystring', 'query', 'params']);

/** 'body.content.deadlines[0].rule' or ['content', 'deadlines', 0] → 'deadlines.0.rule'. */
export function normalizeProblemPath(path: unknown): string {
  const parts = (Array.isArray(path) ? path.map(String) : String(path ?? '').split(/[.[\]/]+/u)).filter(Boolean);
  if (parts.length > 0 && REQUEST_PARTS.has(parts[0]!)) parts.shift();
  // The body nests the content; "content" alone is the field "Nội dung yêu cầu".
  if (parts.length > 1 && parts[0] === 'content') parts.shift();
  return parts.join('.');
}

/** The problems a failed request reports: regime validation problems, or schema issues. */
export function problemsFromError(error: unknown): RegimeProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { problems?: unknown } | undefined;
  const raw = Array.isArray(details?.problems) ? (details.problems as { code?: string; path?: unknown; message?: string }[]) : [];
  const problems = raw.map((p) => ({ code: p.code, path: normalizeProblemPath(p.path), message: p.message ?? error.message }));
  if (problems.length) return problems;
  const issues = error.issues.map((i) => ({ path: normalizeProblemPath(i.path), message: i.message }));
  if (issues.length) return issues;
  // A domain code with no details still belongs to a step.
  const pathOfCode: Partial<Record<string, string>> = {
    DEADLINE_TOO_EARLY: 'deadlines',
    DEADLINE_LEVELS_ORDER: 'deadlines',
    CUSTOM_PERIODS_OVERLAP: 'customPeriods',
    NO_REPORTING_UNITS: 'reportingUnits',
  };
  const path = pathOfCode[error.code];
  return path ? [{ code: error.code, path, message: error.message }] : [];
}

const blank = (s: string | null | undefined) => !s || !s.trim();

export type SelectionMode = ReportingUnitSelection['mode'];

export const SELECTION_MODE_LABELS: Record<SelectionMode, string> = {
  explicit: 'Chọn từng đơn vị trên cây đơn vị',
  by_kind: 'Theo loại đơn vị (tự cập nhật khi cây đơn vị thay đổi)',
  by_indicator: 'Theo phân bổ chỉ tiêu (đơn vị chủ trì, phối hợp của chỉ tiêu)',
};

/** A fresh selection of the given mode (switching mode in step 3); by kind starts under the owner unit. */
export function selectionOfMode(mode: SelectionMode, ownerUnitId: string): ReportingUnitSelection {
  switch (mode) {
    case 'explicit':
      return { mode, unitIds: [] };
    case 'by_kind':
      return { mode, rootUnitId: ownerUnitId, kinds: [], includeSubtree: true };
    case 'by_indicator':
      return { mode, indicatorIds: [], includeCoordinating: true };
  }
}

function selectionProblems(s: ReportingUnitSelection): RegimeProblem[] {
  switch (s.mode) {
    case 'explicit':
      return s.unitIds.length ? [] : [{ path: 'reportingUnits', message: 'Chọn ít nhất một đơn vị thực hiện báo cáo.' }];
    case 'by_kind': {
      const problems: RegimeProblem[] = [];
      if (blank(s.rootUnitId)) problems.push({ path: 'reportingUnits.rootUnitId', message: 'Chọn đơn vị gốc.' });
      if (!s.kinds.length) problems.push({ path: 'reportingUnits.kinds', message: 'Chọn ít nhất một loại đơn vị.' });
      return problems;
    }
    case 'by_indicator':
      return s.indicatorIds.length ? [] : [{ path: 'reportingUnits.indicatorIds', message: 'Chọn ít nhất một chỉ tiêu.' }];
  }
}

/** The selection is complete enough to ask the server which units it resolves to. */
export function selectionReady(s: ReportingUnitSelection): boolean {
  return selectionProblems(s).length === 0;
}

export interface IndicatorName {
  code: string;
  name: string;
}

export type IndicatorNames = Readonly<Record<string, IndicatorName>>;

/** "mã – tên", as the indicator library shows an indicator. */
export function indicatorLabel(i: IndicatorName): string {
  return `${i.code} – ${i.name}`;
}

/**
 * What the browser can tell before asking the server: required fields with plain messages first,
 * then the contract's schema for everything else (ranges, formats).
 */
export function localProblems(state: WizardState): RegimeProblem[] {
  const c = state.content;
  const problems: RegimeProblem[] = [];
  const need = (path: string, value: string | null | undefined, message: string) => {
    if (blank(value)) problems.push({ path, message });
  };
  need('ownerUnitId', state.ownerUnitId, 'Chọn đơn vị chủ trì.');
  need('code', state.code, 'Nhập ký hiệu chế độ báo cáo.');
  need('name', c.name, 'Nhập tên báo cáo.');
  need('legalBasis.documentNumber', c.legalBasis.documentNumber, 'Nhập số, ký hiệu văn bản quy định chế độ báo cáo.');
  need('legalBasis.documentDate', c.legalBasis.documentDate, 'Chọn ngày ban hành văn bản.');
  need('effectiveFrom', c.effectiveFrom, 'Chọn ngày bắt đầu hiệu lực.');
  if (c.effectiveFrom && c.effectiveTo && c.effectiveTo < c.effectiveFrom) {
    problems.push({ path: 'effectiveTo', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.' });
  }
  need('content', c.content, 'Nhập nội dung yêu cầu báo cáo.');
  problems.push(...selectionProblems(c.reportingUnits));
  need('receivingUnitId', c.receivingUnitId, 'Chọn cơ quan nhận báo cáo.');
  if (!c.sendingMethods.length) problems.push({ path: 'sendingMethods', message: 'Chọn ít nhất một phương thức gửi, nhận báo cáo.' });
  if (needsCustomPeriods(c) && c.customPeriods.length === 0) {
    problems.push({ path: 'customPeriods', message: 'Thêm ít nhất một kỳ báo cáo (thời gian chốt số liệu và thời hạn gửi).' });
  }
  c.customPeriods.forEach((p, i) => {
    need(`customPeriods.${i}.label`, p.label, 'Nhập tên kỳ báo cáo.');
    need(`customPeriods.${i}.start`, p.start, 'Chọn ngày bắt đầu chốt số liệu.');
    need(`customPeriods.${i}.end`, p.end, 'Chọn ngày kết thúc chốt số liệu.');
    need(`customPeriods.${i}.deadlineDate`, p.deadlineDate, 'Chọn hạn gửi báo cáo.');
    if (p.start && p.end && p.end < p.start) {
      problems.push({ path: `customPeriods.${i}.end`, message: 'Ngày kết thúc chốt số liệu phải từ ngày bắt đầu trở đi.' });
    }
    if (p.end && p.deadlineDate && p.deadlineDate <= p.end) {
      problems.push({ path: `customPeriods.${i}.deadlineDate`, message: 'Hạn gửi phải sau ngày kết thúc chốt số liệu.' });
    }
  });
  c.deadlines.forEach((d, i) => {
    need(`deadlines.${i}.label`, d.label, 'Nhập tên cấp gửi báo cáo.');
    if (d.rule.kind === 'fixed_date') need(`deadlines.${i}.rule.date`, d.rule.date, 'Chọn ngày hạn gửi.');
  });

  const parsed = regimeContent.safeParse(c);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = normalizeProblemPath(issue.path as (string | number)[]);
      // One message per field: the plain one above wins.
      if (problems.some((p) => p.path === path || path.startsWith(`${p.path}.`) || p.path.startsWith(`${path}.`))) continue;
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The content to preview the periods with while other steps are still incomplete: only the timing
 * fields matter, the others get stand-ins so the request passes the schema.
 */
export function previewContent(c: RegimeContent): RegimeContentInput {
  const selectionOk = selectionProblems(c.reportingUnits).length === 0;
  return {
    ...c,
    name: blank(c.name) ? 'Xem trước' : c.name,
    content: blank(c.content) ? 'Xem trước' : c.content,
    legalBasis: {
      documentNumber: blank(c.legalBasis.documentNumber) ? 'Xem trước' : c.legalBasis.documentNumber,
      documentDate: c.legalBasis.documentDate || c.effectiveFrom,
      issuer: c.legalBasis.issuer ?? null,
    },
    reportingUnits: selectionOk ? c.reportingUnits : { mode: 'explicit', unitIds: [NIL_UUID] },
    receivingUnitId: blank(c.receivingUnitId) ? NIL_UUID : c.receivingUnitId,
    sendingMethods: c.sendingMethods.length ? c.sendingMethods : ['phan_mem'],
  };
}

/** The content as sent: empty optional texts as null. */
export function toBodyContent(c: RegimeContent): RegimeContentInput {
  return {
    ...c,
    legalBasis: { ...c.legalBasis, issuer: blank(c.legalBasis.issuer) ? null : c.legalBasis.issuer },
    guidance: blank(c.guidance) ? null : c.guidance,
  };
}

/** A stored content, with the defaults of the contract filled in (older drafts may lack new fields). */
export function fromStoredContent(c: RegimeContent, today: string): RegimeContent {
  const base = defaultContent(today);
  return {
    ...base,
    ...c,
    legalBasis: { ...base.legalBasis, ...c.legalBasis, issuer: c.legalBasis.issuer ?? '' },
    reminders: { ...base.reminders, ...c.reminders },
    guidance: c.guidance ?? '',
  };
}

/** A deadline rule in words: "17:00, 2 ngày làm việc sau khi chốt số liệu". */
export function describeRule(rule: Rule): string {
  let text: string;
  switch (rule.kind) {
    case 'working_days_after':
      text = `${rule.time}, ${rule.days} ngày làm việc sau khi chốt số liệu`;
      break;
    case 'days_after':
      text = `${rule.time}, ${rule.days} ngày sau khi chốt số liệu`;
      break;
    case 'day_of_month':
      text = `${rule.time} ngày ${rule.day} ${rule.monthOffset === 0 ? 'của tháng kết thúc kỳ' : `của tháng thứ ${rule.monthOffset} sau tháng kết thúc kỳ`}`;
      break;
    case 'fixed_date':
      text = `${rule.time} ngày ${rule.date ? formatIsoDate(rule.date) : '—'}`;
      break;
  }
  return rule.rollForward === false ? `${text} (giữ nguyên nếu trùng ngày nghỉ)` : text;
}

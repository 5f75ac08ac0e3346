import type { Permission } from '../access/roles.ts';
import type { ErrorCode } from '../errors.ts';

/**
 * The report workflow (quy trình báo cáo) as one table. The server re-reads a report's state under
 * `SELECT … FOR UPDATE` and calls `checkTransition` before writing; the UI calls `availableActions`
 * to decide which buttons to show. Both read `REPORT_TRANSITIONS` and nothing else.
 */
export const REPORT_STATES = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'sent',
  'accepted',
  'returned',
  'correction_requested',
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã trình',
  reviewed: 'Đã kiểm tra',
  approved: 'Đã duyệt',
  sent: 'Đã gửi',
  accepted: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
  correction_requested: 'Đề nghị đính chính',
};

/** antd Tag colours: neutral while the unit works, cool while it climbs, green once accepted, warm when it needs attention. */
export const REPORT_STATE_COLORS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'blue',
  reviewed: 'cyan',
  approved: 'geekblue',
  sent: 'purple',
  accepted: 'green',
  returned: 'red',
  correction_requested: 'orange',
};

export const REPORT_ACTIONS = [
  'save',
  'submit',
  'review',
  'approve',
  'send',
  'accept',
  'return',
  'send_back',
  'request_correction',
  'approve_correction',
  'refuse_correction',
  'record_out_of_band',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Button labels (verb form). */
export const REPORT_ACTION_LABELS: Record<ReportAction, string> = {
  save: 'Lưu',
  submit: 'Trình',
  review: 'Kiểm tra xong',
  approve: 'Duyệt',
  send: 'Gửi',
  accept: 'Tiếp nhận',
  return: 'Trả lại',
  send_back: 'Trả lại người soạn',
  request_correction: 'Đề nghị đính chính',
  approve_correction: 'Đồng ý đính chính',
  refuse_correction: 'Từ chối đính chính',
  record_out_of_band: 'Ghi nhận nhận ngoài hệ thống',
};

/**
 * Which side of a report an actor stands on, as the server computes it from the unit tree: the
 * sending unit (its drafters, reviewers, leaders), the receiving unit, or neither.
 */
export const REPORT_SIDES = ['sender', 'receiver', 'none'] as const;
export type ReportSide = (typeof REPORT_SIDES)[number];

/** What an actor may do on one report: the side, and the permissions held on that side's unit. */
export interface ActorCapabilities {
  side: ReportSide;
  permissions: readonly Permission[];
}

/** What a transition asks of the request besides the right person. */
export type TransitionInput = 'reason' | 'receivedAt' | 'evidence';

/**
 * What happens after the state changes: `new_version` — the server opens version n+1 of the report in
 * draft (an approved correction); `out_of_band` — the report arrived outside the system, the recorded
 * time counts for timeliness and the unit back-fills the data later.
 */
export type TransitionEffect = 'none' | 'new_version' | 'out_of_band';

export interface TransitionRule {
  from: readonly ReportState[];
  /** `null`: the state does not change (saving the data). */
  to: ReportState | null;
  side: Exclude<ReportSide, 'none'>;
  permission: Permission;
  needs: readonly TransitionInput[];
  effect: TransitionEffect;
}

/** The workflow. Every other export of this module derives from it. */
export const REPORT_TRANSITIONS = {
  save: { from: ['draft', 'returned'], to: null, side: 'sender', permission: 'report.enter', needs: [], effect: 'none' },
  submit: { from: ['draft', 'returned'], to: 'submitted', side: 'sender', permission: 'report.enter', needs: [], effect: 'none' },
  review: { from: ['submitted'], to: 'reviewed', side: 'sender', permission: 'report.review', needs: [], effect: 'none' },
  // A unit may have no reviewer: its leader approves straight from "submitted".
  approve: { from: ['submitted', 'reviewed'], to: 'approved', side: 'sender', permission: 'report.approve', needs: [], effect: 'none' },
  send: { from: ['approved'], to: 'sent', side: 'sender', permission: 'report.approve', needs: [], effect: 'none' },
  accept: { from: ['sent'], to: 'accepted', side: 'receiver', permission: 'report.receive', needs: [], effect: 'none' },
  return: { from: ['sent'], to: 'returned', side: 'receiver', permission: 'report.receive', needs: ['reason'], effect: 'none' },
  // Reviewers and leaders both hold report.review, so either can hand the report back to its drafter.
  send_back: {
    from: ['submitted', 'reviewed', 'approved'],
    to: 'draft',
    side: 'sender',
    permission: 'report.review',
    needs: ['reason'],
    effect: 'none',
  },
  request_correction: {
    from: ['accepted'],
    to: 'correction_requested',
    side: 'sender',
    permission: 'report.approve',
    needs: ['reason'],
    effect: 'none',
  },
  // The accepted version stays as it was, locked; the correction is made in a new draft version that
  // runs the same workflow (the accepted one stays in force until the new one is accepted).
  approve_correction: {
    from: ['correction_requested'],
    to: 'draft',
    side: 'receiver',
    permission: 'report.receive',
    needs: [],
    effect: 'new_version',
  },
  refuse_correction: {
    from: ['correction_requested'],
    to: 'accepted',
    side: 'receiver',
    permission: 'report.receive',
    needs: ['reason'],
    effect: 'none',
  },
  record_out_of_band: {
    from: ['draft', 'submitted', 'reviewed', 'approved', 'returned'],
    to: 'sent',
    side: 'receiver',
    permission: 'report.receive',
    needs: ['receivedAt', 'evidence'],
    effect: 'out_of_band',
  },
} as const satisfies Record<ReportAction, TransitionRule>;

export interface TransitionRequest {
  reason?: string | null;
  /** When the report arrived outside the system (ISO 8601 date-time). */
  receivedAt?: string | null;
  /** Evidence of the out-of-band arrival: document number, channel, who brought it. */
  evidence?: string | null;
}

export type TransitionErrorCode = Extract<
  ErrorCode,
  'TRANSITION_NOT_ALLOWED' | 'TRANSITION_FORBIDDEN' | 'REASON_REQUIRED' | 'RECEIVED_AT_REQUIRED'
>;

export type TransitionResult =
  { ok: true; to: ReportState; effect: TransitionEffect } | { ok: false; code: TransitionErrorCode; message: string };

const rule = (action: ReportAction): TransitionRule => REPORT_TRANSITIONS[action];

/** Whether `action` applies to a report in `state`, whoever asks. */
export function appliesTo(state: ReportState, action: ReportAction): boolean {
  return rule(action).from.includes(state);
}

/** Whether the actor stands on the right side with the right permission for `action`. */
export function mayPerform(action: ReportAction, caps: ActorCapabilities): boolean {
  const r = rule(action);
  return caps.side === r.side && caps.permissions.includes(r.permission);
}

/** What the request must carry for `action` (so the UI knows which fields to ask for). */
export function transitionNeeds(action: ReportAction): readonly TransitionInput[] {
  return rule(action).needs;
}

/** The actions the actor may take on a report in `state`, in table order: the buttons to show. */
export function availableActions(state: ReportState, caps: ActorCapabilities): ReportAction[] {
  return REPORT_ACTIONS.filter((action) => appliesTo(state, action) && mayPerform(action, caps));
}

/** Whether the report's data may be edited in `state`. */
export function isEditable(state: ReportState): boolean {
  return appliesTo(state, 'save');
}

const isBlank = (s: string | null | undefined): boolean => s == null || s.trim() === '';

/** Guards one step: does it apply to the state, may this actor take it, does the request carry what it needs. */
export function checkTransition(
  state: ReportState,
  action: ReportAction,
  caps: ActorCapabilities,
  input: TransitionRequest = {},
): TransitionResult {
  const r = rule(action);
  const label = REPORT_ACTION_LABELS[action];
  if (!r.from.includes(state)) {
    const stateLabel = (REPORT_STATE_LABELS as Partial<Record<string, string>>)[state] ?? state;
    return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: `Không thể ${label} báo cáo đang ở trạng thái ${stateLabel}.` };
  }
  if (!mayPerform(action, caps)) {
    return { ok: false, code: 'TRANSITION_FORBIDDEN', message: `Bạn không có quyền ${label} báo cáo này.` };
  }
  if (r.needs.includes('reason') && isBlank(input.reason)) {
    return { ok: false, code: 'REASON_REQUIRED', message: `Vui lòng nhập lý do ${label.toLocaleLowerCase('vi')}.` };
  }
  if (r.needs.includes('receivedAt') && (isBlank(input.receivedAt) || Number.isNaN(Date.parse(input.receivedAt!)))) {
    return { ok: false, code: 'RECEIVED_AT_REQUIRED', message: 'Vui lòng nhập thời điểm nhận báo cáo ngoài hệ thống (ngày giờ hợp lệ).' };
  }
  if (r.needs.includes('evidence') && isBlank(input.evidence)) {
    return {
      ok: false,
      code: 'REASON_REQUIRED',
      message: 'Vui lòng nhập ghi chú bằng chứng báo cáo đã nhận ngoài hệ thống (số văn bản, hình thức nhận, người chuyển).',
    };
  }
  return { ok: true, to: r.to ?? state, effect: r.effect };
}

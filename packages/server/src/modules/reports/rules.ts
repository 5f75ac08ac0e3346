import {
  checkTransition,
  ERRORS,
  type ReportCellValue,
  formatVnDateTime,
  isEditable,
  type ErrorCode,
  type ReportState,
  type SubmissionProblem,
} from '@baocao/core';
import { AppError } from '../../http/errors.ts';
import type { AssignmentContext } from '../assignments/index.ts';
import type { ReportCapabilities } from './access.ts';
import type { ReportRow, VersionRow } from './queries.ts';

/**
 * The guards besides the transition table, in one place so that what the detail shows (editable,
 * the buttons) and what a save or a transition refuses cannot drift apart.
 */

/**
 * Why the data of the report's current version may not be saved by this actor now, or null.
 * Corrections (versions after the first) are made after the period, so a closed period stops only
 * the first version.
 */
export function editProblem(
  r: Pick<ReportRow, 'state'>,
  caps: ReportCapabilities,
  version: Pick<VersionRow, 'versionNo' | 'lockedAt'>,
  a: Pick<AssignmentContext, 'period'>,
): AppError | null {
  const state = r.state as ReportState;
  if (!isEditable(state)) return new AppError('REPORT_NOT_EDITABLE');
  const check = checkTransition(state, 'save', caps.sender);
  if (!check.ok) return new AppError(check.code, undefined, 'Bạn không có quyền nhập số liệu báo cáo này.');
  if (version.lockedAt) return new AppError('REPORT_VERSION_LOCKED');
  if (version.versionNo === 1 && a.period.state === 'closed') return new AppError('PERIOD_CLOSED', undefined, periodClosedMessage(a));
  return null;
}

/**
 * Why the report may not be sent now, or null: the period was closed, or its deadline in force
 * (extensions included) has passed and the regime does not accept late reports. A correction
 * (version after the first) answers an approved request and is not held to the period.
 */
export function sendProblem(a: AssignmentContext, versionNo: number, now: Date): AppError | null {
  if (versionNo > 1) return null;
  if (a.period.state === 'closed') return new AppError('PERIOD_CLOSED', undefined, periodClosedMessage(a));
  if (now.getTime() > a.deadlineAt.getTime() && !a.regime.allowLateSending) {
    return new AppError(
      'LATE_SENDING_FORBIDDEN',
      { deadlineAt: a.deadlineAt.toISOString() },
      `Đã quá thời hạn gửi báo cáo (${formatVnDateTime(a.deadlineAt)}) và chế độ báo cáo "${a.regime.name}" không cho phép gửi muộn.`,
    );
  }
  return null;
}

function periodClosedMessage(a: Pick<AssignmentContext, 'period'>): string {
  return `Kỳ báo cáo ${a.period.label} đã đóng: không thể sửa hoặc gửi báo cáo của kỳ này.`;
}

/** The refusal of a submission, with every problem listed (the UI shows them and jumps to the cells). */
export function submissionError(problems: readonly SubmissionProblem[]): AppError {
  const code: ErrorCode = problems.some((p) => p.kind === 'error' || p.kind === 'cell_invalid')
    ? 'REPORT_HAS_ERRORS'
    : problems.some((p) => p.kind === 'unexplained_warning')
      ? 'WARNINGS_UNEXPLAINED'
      : 'NARRATIVE_REQUIRED';
  return new AppError(code, { problems }, withFirst(ERRORS[code].message, problems));
}

/** A consolidated cell the consolidating unit changed without a note saying why. */
export interface OverrideProblem {
  kind: 'override_unexplained';
  formVersionId: string;
  formCode: string;
  /** Cell key "ROW:COL". */
  cell: string;
  /** "1 – Dân số trung bình" */
  rowLabel: string;
  /** "Thực hiện / Kỳ này" */
  colLabel: string;
  /** The figure consolidated from the subunits (decimal text). */
  consolidated: string;
  /** The unit's value. */
  value: ReportCellValue;
  message: string;
}

/** The refusal of a submission while overridden cells have no note, each named (the UI lists them and jumps to them). */
export function overrideError(problems: readonly OverrideProblem[]): AppError {
  return new AppError(
    'CONSOLIDATION_OVERRIDE_UNEXPLAINED',
    { problems },
    withFirst(ERRORS.CONSOLIDATION_OVERRIDE_UNEXPLAINED.message, problems),
  );
}

/** "<message> <first problem> (và 3 vấn đề khác)". */
export function withFirst(message: string, problems: readonly { message: string }[]): string {
  const first = problems[0];
  if (!first) return message;
  const more = problems.length > 1 ? ` (và ${problems.length - 1} vấn đề khác)` : '';
  return `${message} ${first.message}${more}`;
}

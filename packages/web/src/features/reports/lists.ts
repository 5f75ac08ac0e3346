import {
  ASSIGNMENT_STATUS_LABELS,
  REPORT_STATE_LABELS,
  REPORT_STATES,
  type AssignmentStatus,
  type ReportState,
  type ReportSummary,
} from '@baocao/core';
import type { BulkAcceptResult, IncomingItem } from '../../api/reports.ts';

/** The choices of the list filters: the regimes of the reports, and the periods of each (newest first). */
export function facetsOf(items: readonly ReportSummary[]): {
  regimes: { value: string; label: string }[];
  periods: { value: string; label: string; regimeId: string }[];
} {
  const regimes = new Map<string, string>();
  const periods = new Map<string, { label: string; regimeId: string; code: string }>();
  for (const r of items) {
    regimes.set(r.regimeId, `${r.regimeCode} – ${r.regimeName}`);
    periods.set(r.periodId, { label: r.periodLabel, regimeId: r.regimeId, code: r.periodCode });
  }
  return {
    regimes: [...regimes].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    periods: [...periods]
      .sort((a, b) => (a[1].code < b[1].code ? 1 : a[1].code > b[1].code ? -1 : 0))
      .map(([value, p]) => ({ value, label: p.label, regimeId: p.regimeId })),
  };
}

/** Where one unit of a period stands for its receiver: its report's state, or not started. */
export type IncomingState = ReportState | 'not_started';

export function incomingState(item: IncomingItem): IncomingState {
  return item.report?.state ?? 'not_started';
}

export function incomingStateLabel(state: IncomingState | string): string {
  if (state === 'not_started') return 'Chưa bắt đầu';
  return (REPORT_STATE_LABELS as Record<string, string>)[state] ?? ASSIGNMENT_STATUS_LABELS[state as AssignmentStatus] ?? state;
}

/**
 * The chips over the receiver's list: every state present, in workflow order, "Chưa bắt đầu" first,
 * with its count (the server's counts when given, else counted from the items).
 */
export function stateChips(items: readonly IncomingItem[], counts?: Record<string, number>): { state: IncomingState; count: number }[] {
  const counted = new Map<string, number>();
  for (const i of items) counted.set(incomingState(i), (counted.get(incomingState(i)) ?? 0) + 1);
  const order: IncomingState[] = ['not_started', ...REPORT_STATES];
  return order.map((state) => ({ state, count: counts?.[state] ?? counted.get(state) ?? 0 })).filter((c) => c.count > 0);
}

/** A unit the receiver may record as received outside the system: nothing sent through it yet. */
export function mayRecordOutOfBand(item: IncomingItem): boolean {
  if (item.status === 'cancelled') return false;
  const state = incomingState(item);
  return state === 'not_started' || ['draft', 'submitted', 'reviewed', 'approved', 'returned'].includes(state);
}

/** "Đã tiếp nhận 5 báo cáo; 2 báo cáo không tiếp nhận được." */
export function bulkSummary(results: readonly BulkAcceptResult[]): string {
  const ok = results.filter((r) => r.ok).length;
  const failed = results.length - ok;
  if (failed === 0) return `Đã tiếp nhận ${ok} báo cáo.`;
  if (ok === 0) return `Không tiếp nhận được ${failed} báo cáo đã chọn; xem lý do ở từng dòng.`;
  return `Đã tiếp nhận ${ok} báo cáo; ${failed} báo cáo không tiếp nhận được (xem lý do ở từng dòng).`;
}

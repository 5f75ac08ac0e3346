import { formatVnDateTime, type ReportAction } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import type { AssignmentContext } from '../assignments/index.ts';
import { notifyUnits } from '../notifications/index.ts';
import { reportLink, type ReportDeps } from './support.ts';

export interface TransitionNotice {
  action: Exclude<ReportAction, 'save'>;
  reportId: string;
  eventId: string;
  a: AssignmentContext;
  actorName: string;
  reason: string | null;
  versionNo: number;
  receivedAt: Date | null;
  evidence: string | null;
  now: Date;
}

/**
 * Who hears of a step, and what they read (kind 'workflow', linking to the report). Written in the
 * transition's transaction: the notifications exist exactly when the step does; e-mails are queued
 * and sent after commit by the delivery task.
 */
export async function notifyTransition(tx: Db, deps: ReportDeps, n: TransitionNotice): Promise<void> {
  const message = messageOf(n);
  if (!message) return;
  await notifyUnits(tx, { now: n.now, config: deps.config }, message.unitIds, {
    kind: 'workflow',
    title: message.title,
    body: `${n.a.period.label} — ${n.a.regime.name}: ${message.body}`,
    link: reportLink(n.reportId),
    dedupeKey: `workflow:${n.eventId}`,
  });
}

function messageOf(n: TransitionNotice): { unitIds: string[]; title: string; body: string } | null {
  const { a } = n;
  const sender = [a.unitId];
  const receiver = [a.receivingUnitId];
  const because = n.reason ? ` Lý do: ${n.reason}` : '';
  switch (n.action) {
    case 'submit':
      return { unitIds: sender, title: 'Báo cáo chờ kiểm tra, duyệt', body: `${n.actorName} đã trình báo cáo của ${a.unitName}.` };
    case 'review':
      return {
        unitIds: sender,
        title: 'Báo cáo đã được kiểm tra, chờ duyệt',
        body: `${n.actorName} đã kiểm tra báo cáo của ${a.unitName}.`,
      };
    case 'send_back':
      return {
        unitIds: sender,
        title: 'Báo cáo được trả lại người soạn',
        body: `${n.actorName} trả lại báo cáo của ${a.unitName} để soạn lại.${because}`,
      };
    case 'approve':
      return null;
    case 'send':
      return {
        unitIds: receiver,
        title: 'Có báo cáo mới gửi đến',
        body: `${a.unitName} đã gửi báo cáo${n.versionNo > 1 ? ` (phiên bản ${n.versionNo}, đính chính)` : ''}.`,
      };
    case 'record_out_of_band':
      // Both sides: the receiving unit's colleagues, and the unit that will back-fill its data.
      return {
        unitIds: [...receiver, ...sender],
        title: 'Báo cáo được ghi nhận đã nhận ngoài hệ thống',
        body:
          `báo cáo của ${a.unitName} đã nhận ngoài hệ thống lúc ${n.receivedAt ? formatVnDateTime(n.receivedAt) : ''}` +
          ` (${n.evidence ?? ''}), ${n.actorName} ghi nhận.`,
      };
    case 'accept':
      return {
        unitIds: sender,
        title: 'Báo cáo đã được tiếp nhận',
        body: `${a.receivingUnitName} đã tiếp nhận báo cáo của ${a.unitName}.`,
      };
    case 'return':
      return { unitIds: sender, title: 'Báo cáo bị trả lại', body: `${a.receivingUnitName} trả lại báo cáo của ${a.unitName}.${because}` };
    case 'request_correction':
      return {
        unitIds: receiver,
        title: 'Đề nghị đính chính báo cáo',
        body: `${a.unitName} đề nghị đính chính báo cáo đã được tiếp nhận.${because}`,
      };
    case 'approve_correction':
      return {
        unitIds: sender,
        title: 'Đề nghị đính chính được đồng ý',
        body: `${a.receivingUnitName} đồng ý đính chính; phiên bản ${n.versionNo} của báo cáo đã được mở để sửa.`,
      };
    case 'refuse_correction':
      return {
        unitIds: sender,
        title: 'Đề nghị đính chính bị từ chối',
        body: `${a.receivingUnitName} từ chối đính chính báo cáo.${because}`,
      };
  }
}

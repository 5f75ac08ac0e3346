import { checkTransition, submissionProblems, type AssignmentStatus, type ReportAction, type ReportState } from '@baocao/core';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import type { AuthedContext } from '../../access/index.ts';
import { type AssignmentContext, setAssignmentProgress } from '../../assignments/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { signedReportPdf } from '../../documents/index.ts';
import { type SignedPdfMaker, signTransitionIn } from '../../signatures/index.ts';
import { capabilitiesFor, loadReport } from '../access.ts';
import { checkConsolidationOverrides } from '../consolidation.ts';
import { notifyTransition } from '../notify.ts';
import { periodValuesFor } from '../period-values.ts';
import { storeFile } from '../data-queries.ts';
import * as q from '../queries.ts';
import { sendProblem, submissionError } from '../rules.ts';
import { reportForms, type ReportDeps, versionData } from '../support.ts';
import { loadAssignment } from './open-report.ts';
import { recordAcceptedFacts } from './record-facts.ts';

export interface TransitionInput {
  action: Exclude<ReportAction, 'save'>;
  /** The report revision the user saw; undefined only for bulk acceptance (the state check guards it). */
  revision?: number | undefined;
  reason?: string | null | undefined;
  /** record_out_of_band: when the report arrived (ISO 8601). */
  receivedAt?: string | null | undefined;
  evidence?: string | null | undefined;
}

export interface TransitionOutcome {
  reportId: string;
  state: ReportState;
  revision: number;
  versionNo: number;
}

/** Every change of a report's state goes through here, one transaction each. */
export async function transitionReport(
  deps: ReportDeps,
  ctx: AuthedContext,
  reportId: string,
  input: TransitionInput,
): Promise<TransitionOutcome> {
  return deps.db.transaction((tx) => transitionIn(tx, deps, ctx, reportId, input));
}

type Progress = { status: Exclude<AssignmentStatus, 'cancelled'>; sentAt?: Date | null };

/**
 * One step of the workflow inside the caller's transaction: the report row read `FOR UPDATE`, its
 * revision and the transition table re-checked, the extra guards (a submission without problems,
 * a sending within the period's rules), then the new state and its effects, a snapshot of the
 * version's content, the event, the assignment's progress, the audit row and the notifications.
 */
export async function transitionIn(
  tx: Db,
  deps: ReportDeps,
  ctx: AuthedContext,
  reportId: string,
  input: TransitionInput,
): Promise<TransitionOutcome> {
  const { row, caps } = await loadReport(tx, ctx.actor, reportId, { lock: true });
  if (input.revision !== undefined && input.revision !== row.revision) throw new AppError('REPORT_STALE', { revision: row.revision });
  const from = row.state as ReportState;
  const check = checkTransition(from, input.action, capabilitiesFor(input.action, caps), input);
  if (!check.ok) throw new AppError(check.code, undefined, check.message);

  const a = await loadAssignment(tx, row.assignmentId);
  let version = await q.findVersion(tx, row.id, row.currentVersionNo, { lock: true });
  if (!version) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy phiên bản báo cáo.');
  const now = deps.clock.now();
  const receivedAt = input.action === 'record_out_of_band' ? parseReceivedAt(input.receivedAt!, now) : null;
  await guard(tx, input.action, row, a, version, now);

  const changes: Partial<q.ReportRow> = { state: check.to, revision: row.revision + 1, updatedAt: now };
  let progress: Progress | null = null;
  // A correction (a version accepted before) keeps the sending time that counted for timeliness.
  const firstSending = row.acceptedAt === null;
  switch (input.action) {
    case 'send':
      version = await q.updateVersion(tx, version.id, { sentAt: now });
      // After an out-of-band record the recorded time stays the one that counts: the unit back-fills.
      if (firstSending && !row.outOfBand) changes.sentAt = now;
      progress = { status: 'sent', sentAt: changes.sentAt ?? row.sentAt };
      break;
    case 'accept':
      version = await q.updateVersion(tx, version.id, { acceptedAt: now, lockedAt: now });
      await recordAcceptedFacts(tx, { report: row, assignment: a, version, now });
      changes.acceptedAt = now;
      progress = { status: 'accepted' };
      break;
    case 'return':
      changes.returnCount = row.returnCount + 1;
      // A returned report no longer counts as sent, unless it arrived out of band (back-filling).
      progress = { status: 'returned', sentAt: row.outOfBand ? undefined : null };
      break;
    case 'approve_correction': {
      const request = await q.lastEventOf(tx, row.id, 'request_correction');
      version = await q.insertVersion(tx, {
        reportId: row.id,
        versionNo: version.versionNo + 1,
        data: version.data,
        contentHash: version.contentHash,
        reason: request?.reason ?? null,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedBy: ctx.actor.id,
        updatedAt: now,
      });
      changes.currentVersionNo = version.versionNo;
      progress = { status: 'in_progress' };
      break;
    }
    case 'record_out_of_band':
      // The report stays 'sent' with the recorded time; the receiver then accepts it as it is, or
      // returns it so that the unit back-fills the data and sends it through the system (the
      // recorded time still counts for timeliness, see countedSentAt).
      version = await q.updateVersion(tx, version.id, { sentAt: receivedAt });
      changes.outOfBand = true;
      if (firstSending) changes.sentAt = receivedAt;
      progress = { status: 'sent', sentAt: changes.sentAt ?? row.sentAt };
      break;
    default:
      break;
  }
  const updated = await q.updateReport(tx, row.id, changes);

  await q.insertSnapshot(tx, version.contentHash, version.data, now);
  const event = await q.insertEvent(tx, {
    reportId: row.id,
    versionNo: version.versionNo,
    action: input.action,
    fromState: from,
    toState: check.to,
    reason: input.reason ?? null,
    receivedAt,
    evidence: input.evidence ?? null,
    actorId: ctx.actor.id,
    actorName: ctx.actor.fullName,
    at: now,
    contentHash: version.contentHash,
  });
  // R17: approving signs the version with the leader's certificate, sending adds the unit's; a
  // send-back or return re-opens the version, so its signatures stop applying.
  await signTransitionIn(
    tx,
    deps,
    ctx,
    {
      action: input.action,
      reportId: row.id,
      versionNo: version.versionNo,
      unitId: row.unitId,
      unitName: a.unitName,
      eventId: event.id,
      now,
    },
    { signedPdf: (made) => storeSignedPdf(tx, row.id, version.versionNo, made) },
  );
  if (progress) await setAssignmentProgress(tx, row.assignmentId, { ...progress, now });
  await recordAudit(tx, ctx, {
    action: 'report.transition',
    targetType: 'report',
    targetId: row.id,
    unitId: row.unitId,
    summary: { action: input.action, from, to: check.to, reason: input.reason ?? null, versionNo: version.versionNo },
  });
  await notifyTransition(tx, deps, {
    action: input.action,
    reportId: row.id,
    eventId: event.id,
    a,
    actorName: ctx.actor.fullName,
    reason: input.reason ?? null,
    versionNo: version.versionNo,
    receivedAt,
    evidence: input.evidence ?? null,
    now,
  });
  return { reportId: row.id, state: updated.state as ReportState, revision: updated.revision, versionNo: updated.currentVersionNo };
}

/** The checks a step needs beyond the transition table. */
async function guard(
  tx: Db,
  action: TransitionInput['action'],
  row: q.ReportRow,
  a: AssignmentContext,
  version: q.VersionRow,
  now: Date,
): Promise<void> {
  if (action === 'submit') {
    const forms = await reportForms(tx, a.formVersionIds);
    const periodValues = await periodValuesFor(tx, { unitId: row.unitId, regimeId: a.regime.id, period: a.period, forms });
    const problems = submissionProblems(forms, versionData(version), periodValues);
    if (problems.length > 0) throw submissionError(problems);
    await checkConsolidationOverrides(tx, a, forms, versionData(version));
  }
  if (action === 'send') {
    const problem = sendProblem(a, version.versionNo, now);
    if (problem) throw problem;
  }
}

function parseReceivedAt(text: string, now: Date): Date {
  const at = new Date(text);
  if (at.getTime() > now.getTime()) {
    throw new AppError('VALIDATION_FAILED', undefined, 'Thời điểm nhận báo cáo ngoài hệ thống không được sau thời điểm hiện tại.');
  }
  return at;
}

/**
 * The approval's official document: the PDF in the ND 30 layout, PAdES-signed with the same key and
 * signing time as the content's signature, kept by its hash with the report's files.
 */
async function storeSignedPdf(tx: Db, reportId: string, versionNo: number, made: Parameters<SignedPdfMaker>[0]): Promise<string | null> {
  if (made.role !== 'leader') return null;
  const { pdf, sha256 } = await signedReportPdf(tx, {
    reportId,
    versionNo,
    signer: made.signer,
    signerName: made.signerName,
    signingTime: made.signingTime,
  });
  await storeFile(tx, { sha256, contentType: 'application/pdf', size: pdf.length, content: pdf, createdAt: made.signingTime });
  return sha256;
}

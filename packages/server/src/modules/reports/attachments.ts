import { createHash, randomUUID } from 'node:crypto';
import { foldDiacritics, formatNumber, isEditable, type ReportAttachment, type ReportData, type ReportState } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Deps } from '../../http/types.ts';
import type { AuthedContext } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { loadReport, type ReportCapabilities, type ReportRow } from './access.ts';
import * as q from './data-queries.ts';
import { contentHashOf } from './support.ts';
import { ACCEPTED_TYPES, extensionOf, sniffDocument } from './sniff.ts';

/**
 * Attached documents (tài liệu đính kèm): uploaded into the version being worked on, listed in its
 * data, bytes stored once by SHA-256. Removing one takes it off the current version's list only:
 * the bytes stay, since versions sent or accepted before still list them.
 */

/** Per file. Uploads read at most one byte more, so a larger file is refused without being kept whole. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_NAME_LENGTH = 255;

const ACCEPTED_LIST = 'PDF, DOCX, XLSX và ảnh PNG, JPEG';

const megabytes = (bytes: number) => `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;

function tooLarge(fileName?: string): AppError {
  const which = fileName ? `Tệp "${fileName}"` : 'Tệp đính kèm';
  return new AppError(
    'ATTACHMENT_TOO_LARGE',
    { limitBytes: MAX_ATTACHMENT_BYTES },
    `${which} vượt quá dung lượng cho phép (tối đa ${megabytes(MAX_ATTACHMENT_BYTES)} mỗi tệp).`,
  );
}

/** The name as shown and downloaded: NFC, no folders, no control characters, at most 255 characters (extension kept). */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/u).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const name = base.replace(/[\u0000-\u001f\u007f]/gu, '').trim();
  if (!name) return 'tai-lieu';
  const chars = [...name];
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const ext = extensionOf(name);
  const keep = ext && ext.length < 20 ? `.${ext}` : '';
  return chars.slice(0, MAX_NAME_LENGTH - keep.length).join('') + keep;
}

/** An ASCII-only name for the plain `filename=` parameter of Content-Disposition. */
export function asciiFileName(name: string): string {
  return foldDiacritics(name).replace(/[^A-Za-z0-9._-]+/gu, '-') || 'tai-lieu';
}

function isFileTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

const attachmentsOf = (data: unknown): ReportAttachment[] => {
  const list = (data as { attachments?: unknown } | null)?.attachments;
  return Array.isArray(list) ? (list as ReportAttachment[]) : [];
};

/** Who may change the attachment list now: the sending side's data-entry right, on an editable, unlocked version. */
function assertMayChange(row: ReportRow, caps: ReportCapabilities, version: q.ReportVersionRow | undefined): q.ReportVersionRow {
  if (!caps.sender.permissions.includes('report.enter')) {
    throw new AppError('FORBIDDEN', undefined, 'Bạn không có quyền đính kèm hay gỡ tài liệu của báo cáo này.');
  }
  if (!version) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy phiên bản báo cáo.');
  if (version.lockedAt) throw new AppError('REPORT_VERSION_LOCKED');
  if (!isEditable(row.state as ReportState)) throw new AppError('REPORT_NOT_EDITABLE');
  return version;
}

export interface Upload {
  fileName: string;
  content: Buffer;
}

/**
 * Attaches a document to the version being worked on. The right to do so is checked before the
 * upload is read, and again under the report's and the version's row locks before writing.
 */
export async function addAttachment(
  { db, clock }: Pick<Deps, 'db' | 'clock'>,
  ctx: AuthedContext,
  reportId: string,
  readFile: () => Promise<Upload | undefined>,
): Promise<{ attachment: ReportAttachment; revision: number }> {
  const before = await loadReport(db, ctx.actor, reportId);
  assertMayChange(before.row, before.caps, await q.findVersion(db, reportId, before.row.currentVersionNo));

  let upload: Upload | undefined;
  try {
    upload = await readFile();
  } catch (error) {
    if (isFileTooLarge(error)) throw tooLarge();
    throw error;
  }
  if (!upload || upload.content.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { problems: [{ path: 'file', message: 'Chưa có tệp.', severity: 'error' }] },
      'Chưa chọn tệp để đính kèm (hoặc tệp rỗng).',
    );
  }
  const fileName = cleanFileName(upload.fileName);
  if (upload.content.length > MAX_ATTACHMENT_BYTES) throw tooLarge(fileName);
  const sniffed = await sniffDocument(fileName, upload.content);
  if (!sniffed.ok) {
    const why =
      sniffed.reason === 'unknown'
        ? 'không nhận ra định dạng của nội dung tệp'
        : sniffed.reason === 'not_accepted'
          ? `nội dung thực chất là ${sniffed.actual}`
          : `nội dung là ${sniffed.actual} nhưng tên tệp có đuôi "${extensionOf(fileName) ? `.${extensionOf(fileName)}` : '(không có)'}"; hãy đặt lại tên tệp cho đúng đuôi`;
    throw new AppError(
      'ATTACHMENT_REJECTED',
      { fileName, actual: sniffed.actual, reason: sniffed.reason },
      `Tệp "${fileName}" không được chấp nhận: ${why}. Chỉ nhận ${ACCEPTED_LIST}.`,
    );
  }
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  const now = clock.now();

  return db.transaction(async (tx) => {
    const { row, caps } = await loadReport(tx, ctx.actor, reportId, { lock: true });
    const version = assertMayChange(row, caps, await q.lockVersion(tx, reportId, row.currentVersionNo));
    await q.storeFile(tx, { sha256, contentType: sniffed.type.mime, size: upload.content.length, content: upload.content, createdAt: now });
    const attachment: ReportAttachment = {
      id: randomUUID(),
      fileName,
      contentType: sniffed.type.mime,
      size: upload.content.length,
      sha256,
      uploadedAt: now.toISOString(),
      uploadedBy: ctx.actor.fullName,
    };
    const revision = await writeAttachments(tx, ctx, { row, version, now }, [...attachmentsOf(version.data), attachment], {
      action: 'report.attachment_added',
      summary: { versionNo: version.versionNo, fileName, contentType: attachment.contentType, size: attachment.size, sha256 },
    });
    return { attachment, revision };
  });
}

/** Takes a document off the version being worked on; earlier versions keep listing it. */
export async function removeAttachment(
  { db, clock }: Pick<Deps, 'db' | 'clock'>,
  ctx: AuthedContext,
  reportId: string,
  attachmentId: string,
): Promise<{ revision: number }> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { row, caps } = await loadReport(tx, ctx.actor, reportId, { lock: true });
    const version = assertMayChange(row, caps, await q.lockVersion(tx, reportId, row.currentVersionNo));
    const list = attachmentsOf(version.data);
    const removed = list.find((a) => a.id === attachmentId);
    if (!removed) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy tài liệu đính kèm trong phiên bản đang soạn.');
    const revision = await writeAttachments(
      tx,
      ctx,
      { row, version, now },
      list.filter((a) => a.id !== attachmentId),
      {
        action: 'report.attachment_removed',
        summary: { versionNo: version.versionNo, fileName: removed.fileName, sha256: removed.sha256 },
      },
    );
    return { revision };
  });
}

/** A document as listed in one version, for anyone who may read the report. */
export async function readAttachment(db: Db, ctx: AuthedContext, reportId: string, versionNo: number, attachmentId: string) {
  await loadReport(db, ctx.actor, reportId);
  const version = await q.findVersion(db, reportId, versionNo);
  if (!version) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy phiên bản báo cáo.');
  const listed = attachmentsOf(version.data).find((a) => a.id === attachmentId);
  if (!listed) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy tài liệu đính kèm trong phiên bản này.');
  const stored = await q.readStoredFile(db, listed.sha256);
  if (!stored) throw new AppError('NOT_FOUND', undefined, 'Nội dung tài liệu đính kèm không còn trong kho lưu trữ.');
  const known = ACCEPTED_TYPES.some((t) => t.mime === stored.contentType);
  return {
    fileName: listed.fileName,
    asciiFileName: asciiFileName(listed.fileName),
    contentType: known ? stored.contentType : 'application/octet-stream',
    content: stored.content,
  };
}

/** Replaces the version's attachment list (new revision and content hash) and audits it, in the caller's transaction. */
async function writeAttachments(
  tx: Db,
  ctx: AuthedContext,
  at: { row: { id: string; unitId: string }; version: { id: string; data: unknown; revision: number }; now: Date },
  attachments: ReportAttachment[],
  audit: { action: 'report.attachment_added' | 'report.attachment_removed'; summary: Record<string, unknown> },
): Promise<number> {
  const { row, version, now } = at;
  const data = { ...(version.data as object), attachments };
  const revision = version.revision + 1;
  await q.updateVersionData(tx, version.id, {
    data,
    contentHash: contentHashOf(data as ReportData),
    revision,
    updatedBy: ctx.actor.id,
    updatedAt: now,
  });
  await q.touchReport(tx, row.id, now);
  await recordAudit(tx, ctx, { action: audit.action, targetType: 'report', targetId: row.id, unitId: row.unitId, summary: audit.summary });
  return revision;
}

import { type ReportData, SIGNATURE_STATUSES, type SignatureCheck, type VersionSignatures } from '@baocao/core';
import { AppError } from '../../../http/errors.ts';
import type { AuthedContext } from '../../access/index.ts';
import { contentHashOf, loadReport } from '../../reports/index.ts';
import { canonicalVersionContent, type VersionContent } from '../content.ts';
import { verifyDetached } from '../crypto/cms.ts';
import { presentSignature } from '../presenter.ts';
import * as q from '../queries.ts';
import { trustStore } from '../trust-store.ts';
import type { SignatureDeps } from './certificates.ts';

/**
 * The signatures of a version, each verified now against the content rebuilt from the database:
 * a change of the version's data after signing (even one made straight in SQL) shows as "content
 * changed". A superseded signature (the version was re-opened after it) is checked against the
 * content as it stood at its event, since that is what it signed.
 */
export async function versionSignatures(
  deps: SignatureDeps,
  ctx: AuthedContext,
  reportId: string,
  versionNo: number,
): Promise<VersionSignatures> {
  await loadReport(deps.db, ctx.actor, reportId);
  const current = await canonicalVersionContent(deps.db, reportId, versionNo);
  const version = await q.versionForContent(deps.db, reportId, versionNo);
  const rows = await q.signaturesOfVersion(deps.db, reportId, versionNo);
  const trust = await trustStore(deps.db, deps.config);
  const now = deps.clock.now();

  const signatures = [];
  for (const { signature, eventContentHash } of rows) {
    let content: VersionContent = current;
    if (signature.supersededAt && eventContentHash) {
      const then = await q.snapshotData(deps.db, eventContentHash);
      if (then) content = await canonicalVersionContent(deps.db, reportId, versionNo, { data: then as ReportData });
    }
    let check = await verifyDetached(signature.cms, content.bytes, trust, { now });
    if (check.status === 'content_changed' && !signature.supersededAt) check = explainChange(check, version?.data, eventContentHash);
    signatures.push(presentSignature(signature, check));
  }
  const inForce = signatures.filter((s) => !s.superseded);
  const worst = SIGNATURE_STATUSES.find((status) => inForce.some((s) => s.status === status));
  return { reportId, versionNo, contentHash: current.sha256, overall: worst ?? 'unsigned', signatures };
}

/** Tells a change of the figures from a change of the names around them (a unit renamed after signing). */
function explainChange(check: SignatureCheck, data: unknown, signedDataHash: string | null): SignatureCheck {
  if (!signedDataHash || data === undefined) return check;
  const sameData = contentHashOf(data as ReportData) === signedDataHash;
  return {
    ...check,
    message: sameData
      ? 'Số liệu, thuyết minh và tài liệu đính kèm không đổi, nhưng thông tin kèm theo (tên hoặc mã đơn vị, chế độ, kỳ báo cáo) đã khác lúc ký nên nội dung đã ký không còn khớp.'
      : 'Nội dung phiên bản đã bị thay đổi sau khi ký: số liệu, thuyết minh hoặc tài liệu đính kèm trong cơ sở dữ liệu khác với nội dung đã ký.',
  };
}

/** The exact bytes a version's signatures are made over, as they are now. */
export async function signedContent(
  deps: SignatureDeps,
  ctx: AuthedContext,
  reportId: string,
  versionNo: number,
): Promise<{ bytes: Buffer; filename: string; asciiFilename: string }> {
  await loadReport(deps.db, ctx.actor, reportId);
  const content = await canonicalVersionContent(deps.db, reportId, versionNo);
  const name = `noi-dung-ky-so-bao-cao-${reportId.slice(0, 8)}-phien-ban-${versionNo}.json`;
  return { bytes: content.bytes, filename: name, asciiFilename: name };
}

/** One signature's CMS (DER), to check with any tool. */
export async function signatureCms(
  deps: SignatureDeps,
  ctx: AuthedContext,
  reportId: string,
  signatureId: string,
): Promise<{ bytes: Buffer; filename: string }> {
  await loadReport(deps.db, ctx.actor, reportId);
  const row = await q.findSignature(deps.db, reportId, signatureId);
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy chữ ký số.');
  const who = row.role === 'leader' ? 'lanh-dao' : 'don-vi';
  return { bytes: row.cms, filename: `chu-ky-${who}-bao-cao-${reportId.slice(0, 8)}-phien-ban-${row.versionNo}.p7s` };
}

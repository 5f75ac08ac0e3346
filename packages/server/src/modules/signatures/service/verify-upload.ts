import type { SignatureCheck, VerifyUploadResult } from '@baocao/core';
import { AppError } from '../../../http/errors.ts';
import type { AuthedContext } from '../../access/index.ts';
import { assignmentContext } from '../../assignments/index.ts';
import { loadReport } from '../../reports/index.ts';
import { cmsDer, verifyDetached } from '../crypto/cms.ts';
import { sha256Hex } from '../crypto/der.ts';
import { isPdf, pdfSignatures } from '../pdf-signatures.ts';
import * as q from '../queries.ts';
import { trustStore } from '../trust-store.ts';
import type { SignatureDeps } from './certificates.ts';

/** The largest file (PDF or signed content) accepted for verification. */
export const MAX_VERIFY_FILE_BYTES = 30 * 1024 * 1024;

export interface VerifyUpload {
  file: Buffer | undefined;
  /** The detached signature (.p7s, DER or PEM), absent for a signed PDF. */
  signature: Buffer | undefined;
}

/**
 * Verifies what someone brings: a signed PDF (each signature over its byte ranges), or any file
 * with its detached CMS signature. Says which report version it is when the file is the signed
 * content (or the signed PDF) of a version the caller may open.
 */
export async function verifyUpload(deps: SignatureDeps, ctx: AuthedContext, upload: VerifyUpload): Promise<VerifyUploadResult> {
  const file = upload.file;
  if (!file || file.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { problems: [{ path: 'file', message: 'Chưa có tệp.' }] },
      'Chưa chọn tệp cần xác thực (hoặc tệp rỗng).',
    );
  }
  const trust = await trustStore(deps.db, deps.config);
  const now = deps.clock.now();
  const fileHash = sha256Hex(file);
  let kind: VerifyUploadResult['kind'];
  let signatures: SignatureCheck[];
  if (upload.signature && upload.signature.length > 0) {
    if (!cmsDer(upload.signature)) throw new AppError('SIGNATURE_INVALID_FILE');
    kind = 'detached';
    signatures = [await verifyDetached(upload.signature, file, trust, { now })];
  } else if (isPdf(file)) {
    kind = 'pdf';
    const found = pdfSignatures(file);
    signatures = [];
    for (const [i, s] of found.entries()) {
      const check = await verifyDetached(s.cms, s.signedBytes, trust, { now });
      const later = found.slice(i + 1).some((o) => o.coversWholeFile);
      if (!s.coversWholeFile && !later && check.status === 'valid') {
        signatures.push({
          ...check,
          status: 'content_changed',
          message: 'Tệp PDF đã được sửa thêm sau khi ký: phần thêm vào nằm ngoài phạm vi của chữ ký này.',
        });
      } else {
        signatures.push(
          !s.coversWholeFile && later ? { ...check, message: `${check.message} Sau chữ ký này tệp có thêm chữ ký khác.` } : check,
        );
      }
    }
  } else {
    throw new AppError(
      'VALIDATION_FAILED',
      { problems: [{ path: 'signature', message: 'Thiếu tệp chữ ký.' }] },
      'Tệp không phải PDF: hãy gửi kèm tệp chữ ký số tách rời (.p7s) của tệp này.',
    );
  }
  return { kind, fileHash, signatures, report: await matchingReport(deps, ctx, fileHash) };
}

/** The first report version this file is the signed content or signed PDF of, among those the caller may open. */
async function matchingReport(deps: SignatureDeps, ctx: AuthedContext, fileHash: string): Promise<VerifyUploadResult['report']> {
  for (const match of await q.signaturesMatchingFile(deps.db, fileHash)) {
    try {
      const { row } = await loadReport(deps.db, ctx.actor, match.reportId);
      const a = await assignmentContext(deps.db, row.assignmentId);
      if (!a) continue;
      return { reportId: match.reportId, versionNo: match.versionNo, unitName: a.unitName, periodLabel: a.period.label };
    } catch (error) {
      if (error instanceof AppError) continue;
      throw error;
    }
  }
  return null;
}

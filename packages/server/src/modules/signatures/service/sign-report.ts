import type { ReportAction, SignatureRole } from '@baocao/core';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import type { AuthedContext } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { canonicalVersionContent } from '../content.ts';
import { parseCertificate, parseCertificates } from '../crypto/certificate.ts';
import { serverKeySigner, verifyDetached } from '../crypto/cms.ts';
import { openPrivateKey } from '../crypto/key-store.ts';
import { checkCertificate, type TrustContext } from '../crypto/trust.ts';
import * as q from '../queries.ts';
import type { CmsSigner } from '../signer.ts';
import { trustStore } from '../trust-store.ts';

/**
 * Signing in the workflow (LEGAL R17): the leader's approval signs the canonical content of the
 * version with the leader's own certificate; the sending adds the unit's signature over the same
 * bytes; a send-back or a return re-opens the version, so its signatures stop applying. Runs inside
 * the transition's transaction: when it throws, the transition does not happen.
 */

export interface TransitionSigningStep {
  action: Exclude<ReportAction, 'save'>;
  reportId: string;
  versionNo: number;
  /** The sending unit and its name (for messages). */
  unitId: string;
  unitName: string;
  /** The approve or send event just written. */
  eventId: string;
  now: Date;
}

/** A signature made by a step, and the signer that made it (the signed PDF of the approval uses the same). */
export interface SignedStep {
  signatureId: string;
  role: SignatureRole;
  signer: CmsSigner;
  signerName: string;
  signingTime: Date;
  contentHash: string;
}

/**
 * Makes the leader's signed PDF with the same signer and signing time, before the signature row is
 * written (the row never changes afterwards): returns the stored PDF's SHA-256, or null for none.
 */
export type SignedPdfMaker = (signed: Omit<SignedStep, 'signatureId'>) => Promise<string | null>;

export async function signTransitionIn(
  tx: Db,
  deps: { config: Config },
  ctx: AuthedContext,
  step: TransitionSigningStep,
  options: { signedPdf?: SignedPdfMaker } = {},
): Promise<SignedStep | null> {
  switch (step.action) {
    case 'approve':
      return signVersion(tx, deps.config, ctx, step, 'leader', options.signedPdf);
    case 'send': {
      const inForce = await q.signaturesInForce(tx, step.reportId, step.versionNo);
      if (!inForce.some((s) => s.role === 'leader')) {
        throw new AppError(
          'SIGNATURE_REQUIRED',
          undefined,
          `Phiên bản ${step.versionNo} của báo cáo chưa có chữ ký số của lãnh đạo ${step.unitName} nên chưa thể gửi; hãy trả lại người soạn rồi trình duyệt lại để lãnh đạo ký.`,
        );
      }
      return signVersion(tx, deps.config, ctx, step, 'unit');
    }
    case 'send_back':
    case 'return':
      await q.supersedeSignatures(tx, step.reportId, step.versionNo, step.now);
      return null;
    default:
      return null;
  }
}

/** Whole seconds: the signing-time attribute has no fractions, and the stored time must equal it. */
const wholeSeconds = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000);

interface UsableCertificate {
  row: q.CertificateRow;
  signer: CmsSigner;
}

/**
 * The certificate to sign with: the owner's certificate that is valid now (trusted, not revoked,
 * within its dates), the longest-lived first. CERTIFICATE_MISSING says why when there is none.
 */
async function usableCertificate(
  tx: Db,
  config: Config,
  trust: TrustContext,
  owner: { userId: string } | { unitId: string },
  now: Date,
  whose: string,
): Promise<UsableCertificate> {
  const rows = await q.usableCertificates(tx, owner);
  const reasons: string[] = [];
  for (const row of rows) {
    const check = await checkCertificate(parseCertificate(row.certificatePem), parseCertificates(row.chainPem), trust, now);
    if (check.status !== 'valid') {
      reasons.push(`"${row.commonName}": ${check.message}`);
      continue;
    }
    let privateKey;
    try {
      privateKey = openPrivateKey(config.signingKeySecret, row.encryptedKey, row.fingerprintSha256);
    } catch {
      reasons.push(`"${row.commonName}": không mở được khóa bí mật đã lưu; hãy nhập lại chứng thư số hoặc liên hệ quản trị hệ thống.`);
      continue;
    }
    return {
      row,
      signer: serverKeySigner({
        certificatePem: row.certificatePem,
        chainPem: parseCertificates(row.chainPem).map((c) => c.pem),
        privateKey,
      }),
    };
  }
  const why = reasons.length > 0 ? ` Chứng thư số hiện có không dùng được: ${reasons.join(' ')}` : '';
  throw new AppError(
    'CERTIFICATE_MISSING',
    { owner },
    `${whose} chưa có chứng thư số còn hiệu lực để ký.${why} Hãy nhập chứng thư số tại mục "Chứng thư số" rồi thử lại.`,
  );
}

async function signVersion(
  tx: Db,
  config: Config,
  ctx: AuthedContext,
  step: TransitionSigningStep,
  role: SignatureRole,
  signedPdf?: SignedPdfMaker,
): Promise<SignedStep> {
  const trust = await trustStore(tx, config);
  const signingTime = wholeSeconds(step.now);
  const { row: cert, signer } =
    role === 'leader'
      ? await usableCertificate(tx, config, trust, { userId: ctx.actor.id }, signingTime, `Lãnh đạo ${ctx.actor.fullName}`)
      : await usableCertificate(tx, config, trust, { unitId: step.unitId }, signingTime, `Đơn vị ${step.unitName}`);
  const content = await canonicalVersionContent(tx, step.reportId, step.versionNo);
  const cms = await signer.signDetached(content.bytes, signingTime);
  // Never store a signature that does not verify.
  const check = await verifyDetached(cms, content.bytes, trust, { now: signingTime });
  if (check.status !== 'valid') {
    throw new AppError(
      'INTERNAL',
      { status: check.status },
      `Chữ ký số vừa tạo không kiểm tra được (${check.message}); báo cáo chưa được chuyển bước.`,
    );
  }
  const made = { role, signer, signerName: cert.commonName, signingTime, contentHash: content.sha256 };
  const pdfSha256 = signedPdf ? await signedPdf(made) : null;
  const signature = await q.insertSignature(tx, {
    reportId: step.reportId,
    versionNo: step.versionNo,
    role,
    certificateId: cert.id,
    eventId: step.eventId,
    signerName: cert.commonName,
    signedAt: signingTime,
    contentHash: content.sha256,
    cms: Buffer.from(cms),
    pdfSha256,
    createdAt: step.now,
  });
  await recordAudit(tx, ctx, {
    action: 'report.signed',
    targetType: 'report',
    targetId: step.reportId,
    unitId: step.unitId,
    summary: {
      role,
      versionNo: step.versionNo,
      signatureId: signature.id,
      signerName: cert.commonName,
      certificateSerial: cert.serialNumber,
      certificateFingerprint: cert.fingerprintSha256,
      contentHash: content.sha256,
    },
  });
  return { signatureId: signature.id, ...made };
}

import type { CertificateItem, CertificateStatus, ReportSignatureItem, SignatureCheck, SignatureRole } from '@baocao/core';
import type { CertificateListRow, SignatureRow } from './queries.ts';

/** Explicit fields only: never a key, never a row. */
export function presentCertificate(row: CertificateListRow, status: { status: CertificateStatus; message: string }): CertificateItem {
  const c = row.certificate;
  return {
    id: c.id,
    ownerKind: c.ownerKind as CertificateItem['ownerKind'],
    userId: c.userId,
    userName: row.userName,
    unitId: c.unitId,
    unitName: row.unitName,
    subject: c.subject,
    commonName: c.commonName,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    fingerprintSha256: c.fingerprintSha256,
    status: status.status,
    statusMessage: status.message,
    importedAt: c.createdAt.toISOString(),
    importedByName: row.importedByName,
  };
}

export function presentSignature(row: SignatureRow, check: SignatureCheck): ReportSignatureItem {
  return {
    ...check,
    // A signature that does not parse still has the name and time recorded when it was made.
    signerName: check.signerName ?? row.signerName,
    signedAt: check.signedAt ?? row.signedAt.toISOString(),
    id: row.id,
    role: row.role as SignatureRole,
    versionNo: row.versionNo,
    contentHash: row.contentHash,
    superseded: row.supersededAt !== null,
    hasSignedPdf: row.pdfSha256 !== null,
  };
}

import { z } from 'zod';
import { timestamp, uuid } from './common.ts';

/**
 * Digital signatures (chữ ký số) and the certificates (chứng thư số) they are made with.
 *
 * A report version's content has one canonical byte form (RFC 8785 JSON of the values, narrative,
 * attachment hashes and metadata); the leader's approval signs it with a CMS detached signature and
 * the sending adds the unit's. Verification recomputes the bytes from the database, so any change
 * of a signed version's data shows as "content changed".
 */

// ---------- Certificates ----------

/** A person's certificate (the leader who approves) or a unit's (the agency's seal, used when sending). */
export const CERTIFICATE_OWNER_KINDS = ['person', 'unit'] as const;
export type CertificateOwnerKind = (typeof CERTIFICATE_OWNER_KINDS)[number];

export const CERTIFICATE_OWNER_KIND_LABELS: Record<CertificateOwnerKind, string> = {
  person: 'Chứng thư số cá nhân',
  unit: 'Chứng thư số cơ quan, tổ chức',
};

/** What a certificate is good for right now, checked against the trusted roots, the CRLs and the clock. */
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'not_yet_valid', 'untrusted', 'revoked', 'disabled'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: 'Còn hiệu lực',
  expired: 'Đã hết hạn',
  not_yet_valid: 'Chưa đến thời gian hiệu lực',
  untrusted: 'Không được tin cậy',
  revoked: 'Đã bị thu hồi',
  disabled: 'Đã ngừng sử dụng',
};

/** What anyone may read of an X.509 certificate (never its key). */
export const certificateDetails = z.object({
  /** Distinguished name as "CN=…, O=…, L=…, C=VN". */
  subject: z.string(),
  /** The subject's common name (the person's or unit's name). */
  commonName: z.string(),
  issuer: z.string(),
  /** Hexadecimal, upper case. */
  serialNumber: z.string(),
  notBefore: timestamp,
  notAfter: timestamp,
  /** SHA-256 of the DER, hexadecimal upper case with colons. */
  fingerprintSha256: z.string(),
});
export type CertificateDetails = z.infer<typeof certificateDetails>;

export const certificateItem = certificateDetails.extend({
  id: uuid,
  ownerKind: z.enum(CERTIFICATE_OWNER_KINDS),
  userId: uuid.nullable(),
  userName: z.string().nullable(),
  unitId: uuid.nullable(),
  unitName: z.string().nullable(),
  status: z.enum(CERTIFICATE_STATUSES),
  /** Vietnamese explanation of the status (e.g. which CA is not trusted). */
  statusMessage: z.string(),
  importedAt: timestamp,
  importedByName: z.string().nullable(),
});
export type CertificateItem = z.infer<typeof certificateItem>;

export const certificateList = z.object({ items: z.array(certificateItem) });
export type CertificateList = z.infer<typeof certificateList>;

/**
 * The text fields of `POST /certificates` (multipart, with one file: a PKCS#12 .p12/.pfx, or a PEM
 * holding the certificate, its chain and its private key). A person's certificate belongs to
 * `userId` (default: the caller); a unit's to `unitId`, imported by the unit's administrator.
 */
export const importCertificateFields = z.object({
  ownerKind: z.enum(CERTIFICATE_OWNER_KINDS),
  userId: uuid.optional(),
  unitId: uuid.optional(),
  password: z.string().max(1000).optional(),
});
export type ImportCertificateFields = z.infer<typeof importCertificateFields>;

export const certificateListQuery = z.object({
  ownerKind: z.enum(CERTIFICATE_OWNER_KINDS).optional(),
  unitId: uuid.optional(),
});

/** A trusted root or intermediate (from configuration, or the demo province's own CA). */
export const trustedCertificateItem = certificateDetails.extend({
  source: z.enum(['config', 'demo']),
  /** The PEM, so anyone can verify a downloaded signature with their own tools. */
  pem: z.string(),
});
export const trustedCertificateList = z.object({ items: z.array(trustedCertificateItem) });
export type TrustedCertificateList = z.infer<typeof trustedCertificateList>;

// ---------- Signatures ----------

/** The leader's signature on approval (người có thẩm quyền); the unit's on sending (cơ quan, tổ chức). */
export const SIGNATURE_ROLES = ['leader', 'unit'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

export const SIGNATURE_ROLE_LABELS: Record<SignatureRole, string> = {
  leader: 'Chữ ký của người có thẩm quyền',
  unit: 'Chữ ký của cơ quan, tổ chức',
};

/** The result of verifying one signature, worst first when several apply. */
export const SIGNATURE_STATUSES = [
  'malformed',
  'content_changed',
  'untrusted',
  'revoked',
  'expired_at_signing',
  'not_yet_valid_at_signing',
  'valid',
] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

export const SIGNATURE_STATUS_LABELS: Record<SignatureStatus, string> = {
  valid: 'Chữ ký hợp lệ',
  content_changed: 'Nội dung đã bị thay đổi sau khi ký',
  untrusted: 'Chứng thư số không được tin cậy',
  revoked: 'Chứng thư số đã bị thu hồi',
  expired_at_signing: 'Chứng thư số đã hết hạn tại thời điểm ký',
  not_yet_valid_at_signing: 'Chứng thư số chưa có hiệu lực tại thời điểm ký',
  malformed: 'Chữ ký không đọc được',
};

export const signatureCheck = z.object({
  status: z.enum(SIGNATURE_STATUSES),
  /** Vietnamese sentence saying what was found (which CA, since when revoked, …). */
  message: z.string(),
  signerName: z.string().nullable(),
  /** The signing time inside the signature (signed attribute). */
  signedAt: timestamp.nullable(),
  certificate: certificateDetails.nullable(),
});
export type SignatureCheck = z.infer<typeof signatureCheck>;

export const reportSignatureItem = signatureCheck.extend({
  id: uuid,
  role: z.enum(SIGNATURE_ROLES),
  versionNo: z.number().int(),
  /** SHA-256 (hex) of the canonical bytes that were signed. */
  contentHash: z.string(),
  /** A later return or send-back re-opened the version for editing: this signature no longer applies. */
  superseded: z.boolean(),
  /** Whether a PAdES-signed PDF was made with this signature (the leader's). */
  hasSignedPdf: z.boolean(),
});
export type ReportSignatureItem = z.infer<typeof reportSignatureItem>;

export const versionSignatures = z.object({
  reportId: uuid,
  versionNo: z.number().int(),
  /** SHA-256 (hex) of the version's canonical bytes as they are now in the database. */
  contentHash: z.string(),
  /** The worst status among the signatures in force, or 'unsigned' when there is none. */
  overall: z.union([z.enum(SIGNATURE_STATUSES), z.literal('unsigned')]),
  signatures: z.array(reportSignatureItem),
});
export type VersionSignatures = z.infer<typeof versionSignatures>;

export const versionParams = z.object({ id: uuid, versionNo: z.coerce.number().int().min(1) });
export const signatureParams = z.object({ id: uuid, signatureId: uuid });

/**
 * `POST /signatures/verify` (multipart): a signed PDF alone, or any file with its detached `.p7s`
 * signature (fields `file` and `signature`). Answers what each signature inside says.
 */
export const verifyUploadResult = z.object({
  kind: z.enum(['pdf', 'detached']),
  /** The file's SHA-256 (hex). */
  fileHash: z.string(),
  /** Empty when a PDF carries no signature. */
  signatures: z.array(signatureCheck),
  /** When the file matches a report version of this system that the caller may open. */
  report: z.object({ reportId: uuid, versionNo: z.number().int(), unitName: z.string(), periodLabel: z.string() }).nullable(),
});
export type VerifyUploadResult = z.infer<typeof verifyUploadResult>;

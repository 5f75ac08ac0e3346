import { createHash, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { formatDateTime, type SignatureCheck, type SignatureStatus } from '@baocao/core';
import * as pkijs from 'pkijs';
import type { CmsSigner } from '../signer.ts';
import { type ParsedCertificate, parseCertificate } from './certificate.ts';
import { arrayBuffer, pemBlocks, sha256, subtle } from './der.ts';
import { keyAlgorithmOf, SUPPORTED_CURVES } from './key-material.ts';
import { checkCertificate, type TrustContext } from './trust.ts';

/**
 * CMS SignedData (RFC 5652), detached: made with pkijs over WebCrypto, and verified the way a
 * relying party does — the digest of the content, the signature over the signed attributes, then
 * the signer's certificate at the signing time inside the signature.
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface ServerKey {
  certificatePem: string;
  chainPem: readonly string[];
  privateKey: KeyObject;
}

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050. */
function timeValue(at: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  return at.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate: at }) : new asn1js.GeneralizedTime({ valueDate: at });
}

export async function webSigningKey(privateKey: KeyObject): Promise<CryptoKey> {
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    const algorithm =
      keyAlgorithmOf(privateKey) === 'RSA'
        ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
        : { name: 'ECDSA', namedCurve: SUPPORTED_CURVES[privateKey.asymmetricKeyDetails!.namedCurve!]! };
    return await subtle.importKey('pkcs8', arrayBuffer(pkcs8), algorithm, false, ['sign']);
  } finally {
    pkcs8.fill(0);
  }
}

/**
 * The signer of this product: the key kept on the server (decrypted from its sealed form just for
 * the signature). SHA-256 with RSA PKCS#1 v1.5 or ECDSA; signed attributes content-type,
 * signing-time and message-digest; the certificate and its chain included; no encapsulated content.
 */
export function serverKeySigner(key: ServerKey): CmsSigner {
  const certificate = parseCertificate(key.certificatePem);
  const chain = key.chainPem.map((pem) => parseCertificate(pem));
  return {
    certificatePem: certificate.pem,
    chainPem: chain.map((c) => c.pem),
    async signDetached(content, signingTime) {
      const signedData = new pkijs.SignedData({
        version: 1,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
        signerInfos: [
          new pkijs.SignerInfo({
            version: 1,
            sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.asn.issuer, serialNumber: certificate.asn.serialNumber }),
            signedAttrs: new pkijs.SignedAndUnsignedAttributes({
              type: 0,
              attributes: [
                new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
                new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(signingTime)] }),
                new pkijs.Attribute({
                  type: OID.messageDigest,
                  values: [new asn1js.OctetString({ valueHex: arrayBuffer(sha256(content)) })],
                }),
              ],
            }),
          }),
        ],
        certificates: [certificate.asn, ...chain.map((c) => c.asn)],
      });
      await signedData.sign(await webSigningKey(key.privateKey), 0, 'SHA-256');
      const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
      return new Uint8Array(contentInfo.toSchema().toBER(false));
    },
  };
}

/** A CMS signature as stored or uploaded: DER, or PEM ("PKCS7", "CMS"). Null when it is neither. */
export function cmsDer(input: Uint8Array): Buffer | null {
  const bytes = Buffer.from(input);
  if (bytes.length === 0) return null;
  if (bytes[0] === 0x30) return bytes;
  const block = pemBlocks(bytes.toString('latin1')).find((b) => ['PKCS7', 'CMS', 'PKCS #7 SIGNED DATA'].includes(b.label));
  return block?.der ?? null;
}

interface ParsedCms {
  signedData: pkijs.SignedData;
  certificates: ParsedCertificate[];
}

function parseCms(der: Buffer): ParsedCms | null {
  try {
    const info = pkijs.ContentInfo.fromBER(arrayBuffer(der));
    if (info.contentType !== OID.signedData) return null;
    const signedData = new pkijs.SignedData({ schema: info.content });
    const certificates = (signedData.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((c) => parseCertificate(new Uint8Array(c.toSchema().toBER(false))));
    return { signedData, certificates };
  } catch {
    return null;
  }
}

function signerCertificate(signer: pkijs.SignerInfo, certificates: ParsedCertificate[]): ParsedCertificate | undefined {
  if (signer.sid instanceof pkijs.IssuerAndSerialNumber) {
    const issuer = Buffer.from(signer.sid.issuer.toSchema().toBER(false));
    const serial = Buffer.from(signer.sid.serialNumber.valueBlock.valueHexView);
    return certificates.find((c) => c.issuerDer.equals(issuer) && Buffer.from(c.asn.serialNumber.valueBlock.valueHexView).equals(serial));
  }
  // subjectKeyIdentifier [0]: the identifier is the tail of the element, however pkijs decoded it.
  const sid = Buffer.from((signer.sid as asn1js.BaseBlock).toBER(false));
  return certificates.find((c) => {
    const ext = c.asn.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
    const ski = ext ? Buffer.from(ext.valueBlock.valueHexView) : null;
    return ski !== null && ski.length > 0 && sid.length > ski.length && sid.subarray(sid.length - ski.length).equals(ski);
  });
}

function attribute(signer: pkijs.SignerInfo, type: string): unknown {
  return signer.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
}

const malformed = (message: string, certificate: ParsedCertificate | null = null, signedAt: Date | null = null): SignatureCheck => ({
  status: 'malformed',
  message,
  signerName: certificate?.details.commonName ?? null,
  signedAt: signedAt?.toISOString() ?? null,
  certificate: certificate?.details ?? null,
});

/** What the certificate check found, as a signature status. */
const STATUS_AT_SIGNING: Record<string, SignatureStatus> = {
  valid: 'valid',
  untrusted: 'untrusted',
  revoked: 'revoked',
  expired: 'expired_at_signing',
  not_yet_valid: 'not_yet_valid_at_signing',
};

export interface VerifyOptions {
  /** The instant to judge a signature without a signing time at (the time of verification). */
  now: Date;
}

/**
 * Verifies a detached CMS signature over `content` against the trust anchors and CRLs. The signing
 * time inside the signature decides whether the certificate was valid; a revocation counts
 * whenever it happened (the message says whether before or after the signing).
 */
export async function verifyDetached(
  cms: Uint8Array,
  content: Uint8Array,
  trust: TrustContext,
  options: VerifyOptions,
): Promise<SignatureCheck> {
  const der = cmsDer(cms);
  const parsed = der ? parseCms(der) : null;
  if (!parsed) return malformed('Không đọc được chữ ký: tệp không phải chữ ký CMS/PKCS#7 (SignedData).');
  const signer = parsed.signedData.signerInfos[0];
  if (!signer) return malformed('Chữ ký CMS không có người ký nào.');
  const certificate = signerCertificate(signer, parsed.certificates);
  if (!certificate) return malformed('Chữ ký không kèm chứng thư số của người ký nên không kiểm tra được.');
  const time = attribute(signer, OID.signingTime) as { toDate?: () => Date } | undefined;
  const signedAt = time?.toDate ? time.toDate() : null;

  const digestName = DIGESTS[signer.digestAlgorithm.algorithmId];
  if (!digestName)
    return malformed(`Chữ ký dùng thuật toán băm chưa được hỗ trợ (${signer.digestAlgorithm.algorithmId}).`, certificate, signedAt);
  if (signer.signedAttrs) {
    const digest = attribute(signer, OID.messageDigest) as asn1js.OctetString | undefined;
    if (!digest) return malformed('Chữ ký thiếu thuộc tính message-digest.', certificate, signedAt);
    const actual = createHash(digestName).update(content).digest();
    if (!actual.equals(Buffer.from(digest.valueBlock.valueHexView))) {
      return {
        status: 'content_changed',
        message: 'Nội dung không còn đúng như khi ký: mã băm của nội dung hiện tại khác mã băm trong chữ ký.',
        signerName: certificate.details.commonName,
        signedAt: signedAt?.toISOString() ?? null,
        certificate: certificate.details,
      };
    }
  }
  let signatureOk = false;
  try {
    const result = await parsed.signedData.verify({ signer: 0, data: arrayBuffer(content), extendedMode: true, checkChain: false });
    signatureOk = result.signatureVerified === true;
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) {
    if (!signer.signedAttrs) {
      return {
        status: 'content_changed',
        message: 'Chữ ký không khớp với nội dung hiện tại.',
        signerName: certificate.details.commonName,
        signedAt: null,
        certificate: certificate.details,
      };
    }
    return malformed('Chữ ký không khớp với chứng thư số kèm theo: gói chữ ký đã bị sửa đổi.', certificate, signedAt);
  }

  const at = signedAt ?? options.now;
  const check = await checkCertificate(certificate, parsed.certificates, trust, at, {
    label: signedAt ? 'tại thời điểm ký' : 'tại thời điểm kiểm tra (chữ ký không ghi thời điểm ký)',
  });
  const status = STATUS_AT_SIGNING[check.status]!;
  const signerName = certificate.details.commonName;
  const message =
    status === 'valid'
      ? `Chữ ký hợp lệ: ${signerName} ký${signedAt ? ` lúc ${formatDateTime(signedAt)}` : ''}, nội dung không thay đổi; chứng thư số do "${
          /(?:^|, )CN=([^,]+)/u.exec(certificate.details.issuer)?.[1] ?? certificate.details.issuer
        }" cấp, còn hiệu lực tại thời điểm ký.`
      : check.message;
  return { status, message, signerName, signedAt: signedAt?.toISOString() ?? null, certificate: certificate.details };
}

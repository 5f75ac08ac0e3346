import { formatDateTime } from '@baocao/core';
import * as pkijs from 'pkijs';
import { type ParsedCertificate, distinguishedName, isIssuedBy } from './certificate.ts';
import { arrayBuffer, pemBlocks } from './der.ts';

/**
 * Whether a certificate can be relied on at an instant: a chain of signatures up to a trust
 * anchor (the configured roots and intermediates, the demo province's CA), every certificate of it
 * within its validity dates, none of them on a revocation list (whose own signature verifies).
 */

export interface ParsedCrl {
  der: Buffer;
  asn: pkijs.CertificateRevocationList;
  issuerDer: Buffer;
  issuer: string;
  /** Where it came from (the configured file), for messages and logs. */
  source: string;
}

export interface TrustContext {
  anchors: readonly ParsedCertificate[];
  crls: readonly ParsedCrl[];
}

/** Reads a CRL, PEM ("X509 CRL") or DER. */
export function parseCrl(bytes: Uint8Array, source: string): ParsedCrl {
  const text = Buffer.from(bytes).toString('latin1');
  const der = text.includes('-----BEGIN ') ? pemBlocks(text).find((b) => b.label === 'X509 CRL')?.der : Buffer.from(bytes);
  if (!der) throw new Error(`${source}: no X509 CRL block`);
  const asn = pkijs.CertificateRevocationList.fromBER(arrayBuffer(der));
  return { der, asn, issuerDer: Buffer.from(asn.issuer.toSchema().toBER(false)), issuer: distinguishedName(asn.issuer), source };
}

export type CertificateCheck =
  | { status: 'valid'; message: string; chain: ParsedCertificate[] }
  | { status: 'untrusted'; message: string; chain: null }
  | { status: 'revoked'; message: string; chain: ParsedCertificate[]; revokedAt: Date }
  | { status: 'expired' | 'not_yet_valid'; message: string; chain: ParsedCertificate[] };

const MAX_CHAIN = 8;

/**
 * The path from `cert` to an anchor, through the intermediates given (those that came with the
 * certificate or inside a signature) and the anchors themselves; null when there is none.
 */
export function buildChain(
  cert: ParsedCertificate,
  intermediates: readonly ParsedCertificate[],
  anchors: readonly ParsedCertificate[],
): ParsedCertificate[] | null {
  const isAnchor = (c: ParsedCertificate) => anchors.some((a) => a.fingerprint === c.fingerprint);
  const walk = (path: ParsedCertificate[]): ParsedCertificate[] | null => {
    const current = path[path.length - 1]!;
    if (isAnchor(current)) return path;
    if (path.length >= MAX_CHAIN) return null;
    for (const anchor of anchors) if (isIssuedBy(current, anchor)) return [...path, anchor];
    for (const candidate of intermediates) {
      if (!candidate.isCa || path.some((p) => p.fingerprint === candidate.fingerprint)) continue;
      if (!isIssuedBy(current, candidate)) continue;
      const found = walk([...path, candidate]);
      if (found) return found;
    }
    return null;
  };
  return walk([cert]);
}

/** CRL signatures checked once per process (CRLs are read at start and never change in memory). */
const crlVerified = new WeakMap<ParsedCrl, Map<string, boolean>>();

async function crlSignedBy(crl: ParsedCrl, issuer: ParsedCertificate): Promise<boolean> {
  let byIssuer = crlVerified.get(crl);
  if (!byIssuer) crlVerified.set(crl, (byIssuer = new Map()));
  let ok = byIssuer.get(issuer.fingerprint);
  if (ok === undefined) {
    try {
      ok = await crl.asn.verify({ issuerCertificate: issuer.asn });
    } catch {
      ok = false;
    }
    byIssuer.set(issuer.fingerprint, ok);
  }
  return ok;
}

/** The revocation of `cert` (issued by `issuer`) on a CRL the issuer signed, if any. */
export async function revocationOf(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  crls: readonly ParsedCrl[],
): Promise<{ revokedAt: Date; crl: ParsedCrl } | null> {
  const serial = Buffer.from(cert.asn.serialNumber.valueBlock.valueHexView);
  for (const crl of crls) {
    if (!crl.issuerDer.equals(issuer.subjectDer)) continue;
    if (!(await crlSignedBy(crl, issuer))) continue;
    const entry = crl.asn.revokedCertificates?.find((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).equals(serial));
    if (entry) return { revokedAt: entry.revocationDate.value, crl };
  }
  return null;
}

const issuerName = (c: ParsedCertificate) => {
  const cn = /(?:^|, )CN=([^,]+)/u.exec(c.details.issuer)?.[1];
  return cn ?? c.details.issuer;
};

/**
 * Checks `cert` at instant `at`, worst finding first: untrusted, revoked (whenever it was revoked:
 * the message says when), expired, not yet valid. `when` words the instant in messages
 * ("tại thời điểm ký", or nothing for "now").
 */
export async function checkCertificate(
  cert: ParsedCertificate,
  intermediates: readonly ParsedCertificate[],
  trust: TrustContext,
  at: Date,
  when: { label: string } = { label: '' },
): Promise<CertificateCheck> {
  const chain = buildChain(cert, intermediates, trust.anchors);
  if (!chain) {
    return {
      status: 'untrusted',
      chain: null,
      message: `Chứng thư số do "${issuerName(cert)}" cấp, không thuộc tổ chức chứng thực nào được hệ thống tin cậy (chưa có chứng thư gốc của tổ chức này trong cấu hình).`,
    };
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    const revoked = await revocationOf(chain[i]!, chain[i + 1]!, trust.crls);
    if (revoked) {
      const whose = i === 0 ? 'Chứng thư số' : `Chứng thư của tổ chức cấp "${chain[i]!.details.commonName}"`;
      const relation = when.label
        ? revoked.revokedAt.getTime() > at.getTime()
          ? `, sau thời điểm ký (${formatDateTime(at)})`
          : `, trước thời điểm ký (${formatDateTime(at)})`
        : '';
      return {
        status: 'revoked',
        chain,
        revokedAt: revoked.revokedAt,
        message: `${whose} đã bị thu hồi từ ${formatDateTime(revoked.revokedAt)}${relation} theo danh sách thu hồi của "${revoked.crl.issuer}".`,
      };
    }
  }
  const suffix = when.label ? ` ${when.label} (${formatDateTime(at)})` : '';
  for (const [i, c] of chain.entries()) {
    const whose = i === 0 ? 'Chứng thư số' : `Chứng thư của tổ chức cấp "${c.details.commonName}"`;
    if (at.getTime() > c.notAfter.getTime()) {
      return { status: 'expired', chain, message: `${whose} đã hết hạn từ ${formatDateTime(c.notAfter)}${suffix}.` };
    }
    if (at.getTime() < c.notBefore.getTime()) {
      return { status: 'not_yet_valid', chain, message: `${whose} chỉ có hiệu lực từ ${formatDateTime(c.notBefore)}${suffix}.` };
    }
  }
  const anchor = chain[chain.length - 1]!;
  return {
    status: 'valid',
    chain,
    message: `Chứng thư số còn hiệu lực đến ${formatDateTime(cert.notAfter)}, do "${issuerName(cert)}" cấp, thuộc chuỗi tin cậy của "${anchor.details.commonName}".`,
  };
}

import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { CertificateDetails } from '@baocao/core';
import * as pkijs from 'pkijs';
import { arrayBuffer, colonHex, pemBlocks, pemEncode, sha256 } from './der.ts';

/**
 * One X.509 certificate read two ways: pkijs's structure (names, extensions, what CMS needs) and
 * Node's `X509Certificate` (signature checks, matching a private key), with the details people read.
 */
export interface ParsedCertificate {
  der: Buffer;
  pem: string;
  asn: pkijs.Certificate;
  x509: X509Certificate;
  details: CertificateDetails;
  /** SHA-256 of the DER, "AB:CD:…": identifies the certificate everywhere. */
  fingerprint: string;
  /** DER of the subject and issuer names, compared byte for byte when building chains. */
  subjectDer: Buffer;
  issuerDer: Buffer;
  notBefore: Date;
  notAfter: Date;
  /** basicConstraints cA. */
  isCa: boolean;
}

/** Short names of the attribute types Vietnamese certificates carry (UID holds "CMND:…", "MST:…"). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GN',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
};

const attributeText = (value: unknown): string => {
  const block = (value as { valueBlock?: { value?: unknown } }).valueBlock;
  return typeof block?.value === 'string' ? block.value : '';
};

/** "CN=…, O=…, L=…, C=VN": the most specific part first, as RFC 4514 writes names and as people read them. */
export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${ATTRIBUTE_NAMES[tv.type] ?? tv.type}=${attributeText(tv.value)}`)
    .reverse()
    .join(', ');
}

export function commonNameOf(name: pkijs.RelativeDistinguishedNames): string {
  const cn = name.typesAndValues.filter((tv) => tv.type === '2.5.4.3').pop();
  return cn ? attributeText(cn.value) : distinguishedName(name);
}

/** Reads one certificate (DER, or PEM); throws on anything else. */
export function parseCertificate(input: Uint8Array | string): ParsedCertificate {
  const der = typeof input === 'string' ? pemBlocks(input).find((b) => b.label === 'CERTIFICATE')?.der : Buffer.from(input);
  if (!der || der.length === 0) throw new Error('no certificate');
  const asn = pkijs.Certificate.fromBER(arrayBuffer(der));
  const x509 = new X509Certificate(der);
  const fingerprint = colonHex(sha256(der));
  const serialNumber = Buffer.from(asn.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase();
  const basic = asn.extensions?.find((e) => e.extnID === '2.5.29.19')?.parsedValue as pkijs.BasicConstraints | undefined;
  const notBefore = asn.notBefore.value;
  const notAfter = asn.notAfter.value;
  return {
    der,
    pem: pemEncode('CERTIFICATE', der),
    asn,
    x509,
    fingerprint,
    subjectDer: Buffer.from(asn.subject.toSchema().toBER(false)),
    issuerDer: Buffer.from(asn.issuer.toSchema().toBER(false)),
    notBefore,
    notAfter,
    isCa: basic?.cA === true,
    details: {
      subject: distinguishedName(asn.subject),
      commonName: commonNameOf(asn.subject),
      issuer: distinguishedName(asn.issuer),
      serialNumber,
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      fingerprintSha256: fingerprint,
    },
  };
}

/** Every certificate of a PEM text (a bundle, or a chain stored with a certificate). */
export function parseCertificates(pem: string): ParsedCertificate[] {
  return pemBlocks(pem)
    .filter((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE')
    .map((b) => parseCertificate(b.der));
}

/** A certificate issued it: same name and its key verifies the signature. */
export function isIssuedBy(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (!cert.issuerDer.equals(issuer.subjectDer)) return false;
  try {
    return cert.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

export const isSelfSigned = (cert: ParsedCertificate): boolean => isIssuedBy(cert, cert);

/** A name built from (type OID, value) pairs, one attribute per RDN (pkijs alone would put them all in one set). */
export function x500Name(parts: readonly (readonly [type: string, value: string])[]): pkijs.RelativeDistinguishedNames {
  const sequence = new asn1js.Sequence({
    value: parts.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [
            new pkijs.AttributeTypeAndValue({
              type,
              // Country codes are PrintableString (RFC 5280); everything else UTF-8, for Vietnamese.
              value: type === '2.5.4.6' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
            }).toSchema(),
          ],
        }),
    ),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

export const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
} as const;

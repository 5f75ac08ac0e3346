import { createHash, generateKeyPair as generateNodeKeyPair, type KeyObject, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, type ParsedCertificate, parseCertificate, x500Name } from './certificate.ts';
import { webSigningKey } from './cms.ts';
import { arrayBuffer } from './der.ts';

/**
 * A small certification authority: the demo province's own CA (so that a fresh installation can
 * sign without a token), and the test CAs. Certificates are X.509 v3 with basic constraints, key
 * usage and key identifiers, as `openssl verify` and poppler expect; CRLs are v2.
 */

export type KeySpec = 'RSA' | 'EC';

export interface CertificateAuthority {
  certificate: ParsedCertificate;
  privateKey: KeyObject;
}

export interface IssuedCertificate {
  certificate: ParsedCertificate;
  privateKey: KeyObject;
}

const generate = promisify(generateNodeKeyPair);

/** RSA 2048 or ECDSA P-256. */
export async function generateKeyPair(spec: KeySpec): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return spec === 'RSA' ? generate('rsa', { modulusLength: 2048 }) : generate('ec', { namedCurve: 'prime256v1' });
}

/** 16 random bytes, positive, without a leading zero byte (RFC 5280 allows up to 20). */
function randomSerial(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return new asn1js.Integer({ valueHex: arrayBuffer(bytes) });
}

const keyIdentifier = (spki: pkijs.PublicKeyInfo) => createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest();

function extension(extnID: string, critical: boolean, value: { toSchema(): asn1js.BaseBlock } | asn1js.BaseBlock): pkijs.Extension {
  const schema = 'toSchema' in value ? value.toSchema() : value;
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

/** keyCertSign + cRLSign for a CA; digitalSignature + nonRepudiation for a signer. */
const keyUsage = (ca: boolean) => new asn1js.BitString({ valueHex: arrayBuffer(Buffer.from([ca ? 0x06 : 0xc0])), unusedBits: ca ? 1 : 6 });

interface CertificateSpec {
  subject: readonly (readonly [string, string])[];
  ca: boolean;
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
}

async function makeCertificate(spec: CertificateSpec, issuer: CertificateAuthority | null, selfKey: KeyObject): Promise<ParsedCertificate> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = randomSerial();
  cert.subject = x500Name(spec.subject);
  cert.issuer = issuer ? issuer.certificate.asn.subject : cert.subject;
  cert.notBefore = new pkijs.Time({ value: spec.notBefore });
  cert.notAfter = new pkijs.Time({ value: spec.notAfter });
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(arrayBuffer(spec.publicKey.export({ type: 'spki', format: 'der' })));
  const ownId = keyIdentifier(cert.subjectPublicKeyInfo);
  const issuerId = issuer ? keyIdentifier(issuer.certificate.asn.subjectPublicKeyInfo) : ownId;
  cert.extensions = [
    extension('2.5.29.19', true, new pkijs.BasicConstraints({ cA: spec.ca })),
    extension('2.5.29.15', true, keyUsage(spec.ca)),
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: arrayBuffer(ownId) })),
    extension(
      '2.5.29.35',
      false,
      new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: arrayBuffer(issuerId) }) }),
    ),
  ];
  await cert.sign(await webSigningKey(issuer ? issuer.privateKey : selfKey), 'SHA-256');
  return parseCertificate(new Uint8Array(cert.toSchema(true).toBER(false)));
}

export async function createCertificateAuthority(spec: {
  commonName: string;
  organisation?: string;
  key: KeySpec;
  notBefore: Date;
  notAfter: Date;
}): Promise<CertificateAuthority> {
  const keys = await generateKeyPair(spec.key);
  const subject: [string, string][] = [[OID.country, 'VN']];
  if (spec.organisation) subject.push([OID.organization, spec.organisation]);
  subject.push([OID.commonName, spec.commonName]);
  const certificate = await makeCertificate(
    { subject, ca: true, publicKey: keys.publicKey, notBefore: spec.notBefore, notAfter: spec.notAfter },
    null,
    keys.privateKey,
  );
  return { certificate, privateKey: keys.privateKey };
}

/**
 * An end-entity signing certificate: a person's (CN = full name, O = unit) or a unit's (CN = unit
 * name). `ca: true` makes an intermediate CA instead.
 */
export async function issueCertificate(
  issuer: CertificateAuthority,
  spec: { commonName: string; organisation?: string | undefined; key: KeySpec; notBefore: Date; notAfter: Date; ca?: boolean },
): Promise<IssuedCertificate> {
  const keys = await generateKeyPair(spec.key);
  const subject: [string, string][] = [[OID.country, 'VN']];
  if (spec.organisation) subject.push([OID.organization, spec.organisation]);
  subject.push([OID.commonName, spec.commonName]);
  const certificate = await makeCertificate(
    { subject, ca: spec.ca ?? false, publicKey: keys.publicKey, notBefore: spec.notBefore, notAfter: spec.notAfter },
    issuer,
    keys.privateKey,
  );
  return { certificate, privateKey: keys.privateKey };
}

/** A CRL signed by `issuer` listing the certificates revoked, by serial number (hex). */
export async function issueCrl(
  issuer: CertificateAuthority,
  spec: { revoked: { serialNumber: string; revokedAt: Date }[]; thisUpdate: Date; nextUpdate: Date },
): Promise<Buffer> {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.certificate.asn.subject;
  crl.thisUpdate = new pkijs.Time({ value: spec.thisUpdate });
  crl.nextUpdate = new pkijs.Time({ value: spec.nextUpdate });
  if (spec.revoked.length > 0) {
    crl.revokedCertificates = spec.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: arrayBuffer(Buffer.from(r.serialNumber, 'hex')) }),
          revocationDate: new pkijs.Time({ value: r.revokedAt }),
        }),
    );
  }
  await crl.sign(await webSigningKey(issuer.privateKey), 'SHA-256');
  return Buffer.from(crl.toSchema(true).toBER(false));
}

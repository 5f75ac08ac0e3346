import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import type { CmsSigner } from '../signatures/signer.ts';

/*
 * Test support of PDF signatures: a certificate made by the openssl CLI (a tool nobody here wrote)
 * and a CmsSigner over node-forge's PKCS#7 (detached, SHA-256, signed attributes content-type,
 * message-digest and signing-time), standing in for the signatures module's signer in these tests.
 */

export interface TestCertificate {
  certificatePem: string;
  keyPem: string;
}

/** A self-signed RSA-2048 certificate for `commonName` (UTF-8) in `organisation`, valid ten years. */
export function opensslCertificate(commonName: string, organisation: string): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-utf8',
        '-sha256',
        '-days',
        '3650',
        '-subj',
        `/C=VN/O=${organisation}/CN=${commonName}`,
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'pipe' },
    );
    return { certificatePem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function forgeCmsSigner(cert: TestCertificate): CmsSigner {
  const certificate = forge.pki.certificateFromPem(cert.certificatePem);
  const key = forge.pki.privateKeyFromPem(cert.keyPem);
  // forge reads a UTF8String name as its bytes but encodes it to UTF-8 again when it writes the
  // signer's issuer: decode it first, or the CMS would name an issuer its certificate does not have.
  for (const attr of certificate.issuer.attributes) {
    if ((attr.valueTagClass as number) === forge.asn1.Type.UTF8 && typeof attr.value === 'string')
      attr.value = forge.util.decodeUtf8(attr.value);
  }
  return {
    certificatePem: cert.certificatePem,
    chainPem: [],
    async signDetached(content, signingTime) {
      const p7 = forge.pkcs7.createSignedData();
      p7.content = forge.util.createBuffer(Buffer.from(content).toString('binary'));
      p7.addCertificate(certificate);
      p7.addSigner({
        key,
        certificate,
        digestAlgorithm: forge.pki.oids.sha256!,
        authenticatedAttributes: [
          { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
          { type: forge.pki.oids.messageDigest! },
          { type: forge.pki.oids.signingTime!, value: signingTime as unknown as string },
        ],
      });
      p7.sign({ detached: true });
      return new Uint8Array(Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary'));
    },
  };
}

/** poppler's pdfsig on a PDF: its whole report (it exits non-zero when a signature does not verify). */
export function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-pdfsig-'));
  const file = path.join(dir, 'signed.pdf');
  try {
    writeFileSync(file, pdf);
    try {
      return execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

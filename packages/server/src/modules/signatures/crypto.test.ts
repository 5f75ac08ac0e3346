import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueCertificate, issueCrl, type CertificateAuthority, type IssuedCertificate } from './crypto/ca.ts';
import { serverKeySigner, verifyDetached } from './crypto/cms.ts';
import { readKeyMaterial } from './crypto/key-material.ts';
import { checkCertificate, parseCrl } from './crypto/trust.ts';
import { openssl, opensslCmsVerify } from './fixtures.test-support.ts';
import { pdfSignatures } from './pdf-signatures.ts';

/*
 * The crypto layer on its own, against the openssl CLI: a three-level chain (root, intermediate,
 * signer), signatures openssl makes and ours, CRLs and their own signatures.
 */

const AT = new Date('2026-03-01T02:00:00Z');
const VALID = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') };

describe('signatures crypto against openssl', () => {
  let dir: string;
  let root: CertificateAuthority;
  let intermediate: CertificateAuthority;
  let signer: IssuedCertificate;
  const file = (name: string) => path.join(dir, name);
  const content = Buffer.from('{"báo cáo":"Tháng 2/2026","thu":"345.5"}', 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-crypto-'));
    root = await createCertificateAuthority({ commonName: 'Root CA thử', organisation: 'Bộ thử', key: 'RSA', ...VALID });
    intermediate = await issueCertificate(root, { commonName: 'CA trung gian thử', key: 'EC', ca: true, ...VALID });
    signer = await issueCertificate(intermediate, { commonName: 'Nguyễn Thị Ký', organisation: 'Sở thử', key: 'EC', ...VALID });
    writeFileSync(file('root.pem'), root.certificate.pem);
    writeFileSync(file('inter.pem'), intermediate.certificate.pem);
    writeFileSync(file('signer.pem'), signer.certificate.pem);
    writeFileSync(file('signer.key'), signer.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    writeFileSync(file('content.json'), content);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const trust = (crls: ReturnType<typeof parseCrl>[] = []) => ({ anchors: [root.certificate], crls });

  it('openssl accepts the certificates we issue as a chain to the root', () => {
    const out = openssl(dir, ['verify', '-CAfile', 'root.pem', '-untrusted', 'inter.pem', 'signer.pem']);
    expect(out).toContain('signer.pem: OK');
  });

  it('our signature carries the intermediate: openssl verifies it with the root alone; so do we', async () => {
    const cms = await serverKeySigner({
      certificatePem: signer.certificate.pem,
      chainPem: [intermediate.certificate.pem],
      privateKey: signer.privateKey,
    }).signDetached(content, AT);
    expect(opensslCmsVerify(cms, content, root.certificate.pem).ok).toBe(true);
    const check = await verifyDetached(cms, content, trust(), { now: AT });
    expect(check).toMatchObject({ status: 'valid', signerName: 'Nguyễn Thị Ký', signedAt: AT.toISOString() });
    expect(check.certificate!.issuer).toBe('CN=CA trung gian thử, C=VN');
  });

  it('verifies what openssl signs, whether it names the signer by issuer and serial or by key identifier', async () => {
    for (const extra of [[], ['-keyid']]) {
      openssl(dir, [
        'cms',
        '-sign',
        '-binary',
        '-md',
        'sha256',
        '-in',
        'content.json',
        '-signer',
        'signer.pem',
        '-inkey',
        'signer.key',
        '-certfile',
        'inter.pem',
        '-outform',
        'DER',
        '-out',
        'openssl.p7s',
        ...extra,
      ]);
      const cms = readFileSync(file('openssl.p7s'));
      const check = await verifyDetached(cms, content, trust(), { now: AT });
      expect(check.status).toBe('valid');
      const changed = Buffer.from(content);
      changed[changed.length - 3] = '6'.charCodeAt(0);
      expect((await verifyDetached(cms, changed, trust(), { now: AT })).status).toBe('content_changed');
    }
  });

  it('says what is wrong with something that is not a signature, and with a signature whose packet was altered', async () => {
    expect((await verifyDetached(Buffer.from('xin chào'), content, trust(), { now: AT })).status).toBe('malformed');
    const cms = Buffer.from(
      await serverKeySigner({
        certificatePem: signer.certificate.pem,
        chainPem: [intermediate.certificate.pem],
        privateKey: signer.privateKey,
      }).signDetached(content, AT),
    );
    // The last byte is the end of the signature value: the signed attributes no longer match it.
    cms.writeUInt8(cms.readUInt8(cms.length - 1) ^ 0x01, cms.length - 1);
    const check = await verifyDetached(cms, content, trust(), { now: AT });
    expect(check.status).toBe('malformed');
    expect(check.message).toContain('gói chữ ký đã bị sửa đổi');
  });

  it('a revoked intermediate revokes what it issued; a CRL whose own signature does not verify is ignored', async () => {
    const crl = await issueCrl(root, {
      revoked: [{ serialNumber: intermediate.certificate.details.serialNumber, revokedAt: new Date('2026-02-01T00:00:00Z') }],
      thisUpdate: new Date('2026-02-01T00:00:00Z'),
      nextUpdate: new Date('2026-04-01T00:00:00Z'),
    });
    writeFileSync(file('root.crl'), crl);
    expect(openssl(dir, ['crl', '-inform', 'DER', '-in', 'root.crl', '-CAfile', 'root.pem', '-noout', '-text'])).toContain(
      intermediate.certificate.details.serialNumber,
    );
    const check = await checkCertificate(signer.certificate, [intermediate.certificate], trust([parseCrl(crl, 'root.crl')]), AT);
    expect(check.status).toBe('revoked');
    expect(check.message).toContain('Chứng thư của tổ chức cấp "CA trung gian thử" đã bị thu hồi từ 01/02/2026 07:00:00');

    // The same list signed by someone else (same issuer name, another key): not the CA's word.
    const impostor = await createCertificateAuthority({ commonName: 'Root CA thử', organisation: 'Bộ thử', key: 'RSA', ...VALID });
    const forged = await issueCrl(impostor, {
      revoked: [{ serialNumber: intermediate.certificate.details.serialNumber, revokedAt: new Date('2026-02-01T00:00:00Z') }],
      thisUpdate: new Date('2026-02-01T00:00:00Z'),
      nextUpdate: new Date('2026-04-01T00:00:00Z'),
    });
    expect(
      (await checkCertificate(signer.certificate, [intermediate.certificate], trust([parseCrl(forged, 'forged.crl')]), AT)).status,
    ).toBe('valid');
  });

  it('reads a PKCS#12 holding the chain; the key picks its own certificate whatever the order', () => {
    openssl(dir, [
      'pkcs12',
      '-export',
      '-inkey',
      'signer.key',
      '-in',
      'signer.pem',
      '-certfile',
      'inter.pem',
      '-out',
      'chain.p12',
      '-passout',
      'pass:Mật khẩu 2',
    ]);
    const material = readKeyMaterial(readFileSync(file('chain.p12')), 'Mật khẩu 2');
    expect(material.certificate.fingerprint).toBe(signer.certificate.fingerprint);
    expect(material.chain.map((c) => c.fingerprint)).toEqual([intermediate.certificate.fingerprint]);
    expect(material.keyAlgorithm).toBe('EC');
    const pem = `${intermediate.certificate.pem}${readFileSync(file('signer.key'), 'utf8')}${signer.certificate.pem}`;
    expect(readKeyMaterial(Buffer.from(pem), undefined).certificate.fingerprint).toBe(signer.certificate.fingerprint);
  });

  it('finds each signature of a PDF by its /ByteRange and /Contents', () => {
    const cms = Buffer.from('3003020100', 'hex');
    const head = '%PDF-1.7\n1 0 obj\n<< /Type /Sig /ByteRange [0 AAAAAAAA BBBBBBBB CCCCCCCC] /Contents ';
    const hex = `<${cms.toString('hex')}${'0'.repeat(20)}>`;
    const tail = ' >>\nendobj\n%%EOF\n';
    const b = head.length;
    const c = b + hex.length;
    const d = tail.length;
    const pad = (n: number) => String(n).padStart(8, ' ');
    const text = `${head}${hex}${tail}`.replace('AAAAAAAA', pad(b)).replace('BBBBBBBB', pad(c)).replace('CCCCCCCC', pad(d));
    const [found] = pdfSignatures(Buffer.from(text, 'latin1'));
    expect(found!.cms.equals(cms)).toBe(true);
    expect(found!.coversWholeFile).toBe(true);
    expect(found!.signedBytes.toString('latin1')).toBe(text.slice(0, b) + text.slice(c));
  });
});

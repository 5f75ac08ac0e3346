import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CertificateItem, CertificateList, TrustedCertificateList } from '@baocao/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import { ManualClock } from '../../jobs/clock.ts';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';
import { auditRows } from '../reports/workflow.test-support.ts';
import { type CertificateAuthority, issueCertificate, issueCrl, type IssuedCertificate } from './crypto/ca.ts';
import { pemEncode } from './crypto/der.ts';
import { openPrivateKey } from './crypto/key-store.ts';
import { type FormPart, multipartBody, openssl, testCa, trustCa } from './fixtures.test-support.ts';
import { certificate } from './tables.ts';

const NOW = new Date('2026-01-05T03:00:00Z');
const VALID = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };

describe.each(backends)('certificates on %s', (backend) => {
  let t: TestApp;
  let dir: string;
  let ca: CertificateAuthority;
  let configuredCa: CertificateAuthority;
  let revoked: IssuedCertificate;
  let leader: Client & { userId: string };
  let unitAdmin: Client & { userId: string };
  let outsider: Client & { userId: string };
  let otherLeader: Client & { userId: string };
  let units: { a: string; b: string };
  const file = (name: string) => path.join(dir, name);

  /** Writes an issued certificate and its key (PKCS#8) as PEM files; their paths. */
  const writeIssued = (name: string, issued: IssuedCertificate) => {
    writeFileSync(file(`${name}.crt`), issued.certificate.pem);
    writeFileSync(file(`${name}.key`), issued.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    return { cert: file(`${name}.crt`), key: file(`${name}.key`) };
  };
  const issue = (commonName: string, key: 'RSA' | 'EC' = 'EC', validity = VALID, issuer = ca) =>
    issueCertificate(issuer, { commonName, organisation: 'UBND xã An Lạc', key, ...validity });
  /** A PKCS#12 made by the openssl CLI (modern AES-256/PBKDF2, or `-legacy` 3DES), with the CA as chain. */
  const pkcs12 = (name: string, issued: IssuedCertificate, password: string, legacy = false) => {
    const { cert, key } = writeIssued(name, issued);
    openssl(dir, [
      'pkcs12',
      '-export',
      ...(legacy ? ['-legacy'] : []),
      '-inkey',
      key,
      '-in',
      cert,
      '-certfile',
      file('ca.pem'),
      '-out',
      file(`${name}.p12`),
      '-passout',
      `pass:${password}`,
    ]);
    return readFileSync(file(`${name}.p12`));
  };
  const upload = (c: Client, parts: FormPart[]) => {
    const { body, headers } = multipartBody(parts);
    return c.request('POST', '/api/v1/certificates', body, { headers });
  };
  const person = (content: Buffer | string, password?: string, filename = 'chung-thu.p12'): FormPart[] => [
    { name: 'ownerKind', content: 'person' },
    ...(password === undefined ? [] : [{ name: 'password', content: password }]),
    { name: 'file', filename, content },
  ];
  const count = async () => (await t.database.db.select({ id: certificate.id }).from(certificate)).length;
  /** Refused with `code` and a Vietnamese message matching `message`; nothing stored. */
  const refused = async (res: { statusCode: number; body: string; json(): unknown }, code: string, message: RegExp, before: number) => {
    expect(res.statusCode, res.body).toBe(400);
    const error = (res.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await count()).toBe(before);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-certs-'));
    ca = await testCa();
    configuredCa = await testCa('RSA', 'CA Cấu hình kiểm thử');
    writeFileSync(file('ca.pem'), ca.certificate.pem);
    writeFileSync(file('trusted.pem'), configuredCa.certificate.pem);
    revoked = await issue('Người Bị Thu Hồi');
    const crl = await issueCrl(ca, {
      revoked: [{ serialNumber: revoked.certificate.details.serialNumber, revokedAt: new Date('2026-01-02T02:00:00Z') }],
      thisUpdate: new Date('2026-01-02T03:00:00Z'),
      nextUpdate: new Date('2026-02-02T03:00:00Z'),
    });
    writeFileSync(file('ca.crl'), pemEncode('X509 CRL', crl));

    t = await createTestApp(backend, { trustedCaFile: file('trusted.pem'), crlFiles: [file('ca.crl')] }, { clock: new ManualClock(NOW) });
    const db = t.database.db;
    await trustCa(db, ca);
    const root = await makeUnit(db, { name: 'UBND tỉnh thử' });
    const a = await makeUnit(db, { parentId: root.id, name: 'UBND xã An Lạc', kind: 'commune' });
    const b = await makeUnit(db, { parentId: root.id, name: 'UBND xã Bình Minh', kind: 'commune' });
    units = { a: a.id, b: b.id };
    const as = async (grants: { role: 'approver' | 'unit_admin' | 'data_entry'; unitId: string }[]) => {
      const u = await makeUser(db, { unitId: grants[0]!.unitId, grants });
      return Object.assign(await loggedIn(t.app, u.username, u.password), { userId: u.id });
    };
    leader = await as([{ role: 'approver', unitId: a.id }]);
    unitAdmin = await as([{ role: 'unit_admin', unitId: a.id }]);
    outsider = await as([{ role: 'data_entry', unitId: b.id }]);
    otherLeader = await as([{ role: 'approver', unitId: b.id }]);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a PKCS#12 made by OpenSSL 3 (AES-256, PBKDF2): the details openssl reads, valid, audited without key material', async () => {
    const issued = await issue('Nguyễn Văn An');
    const p12 = pkcs12('an', issued, 'Mật khẩu 1');
    const res = await upload(leader, person(p12, 'Mật khẩu 1'));
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json() as CertificateItem;
    expect(item).toMatchObject({
      ownerKind: 'person',
      userId: leader.userId,
      subject: 'CN=Nguyễn Văn An, O=UBND xã An Lạc, C=VN',
      commonName: 'Nguyễn Văn An',
      issuer: 'CN=CA Thử nghiệm kiểm thử, O=Hệ thống báo cáo (kiểm thử), C=VN',
      status: 'valid',
    });
    expect(item.statusMessage).toContain('còn hiệu lực đến 01/01/2028');
    // The serial and fingerprint as openssl prints them.
    const serial = openssl(dir, ['x509', '-in', file('an.crt'), '-noout', '-serial'])
      .trim()
      .replace('serial=', '');
    expect(item.serialNumber).toBe(serial);
    const fingerprint = openssl(dir, ['x509', '-in', file('an.crt'), '-noout', '-fingerprint', '-sha256'])
      .trim()
      .split('=')[1];
    expect(item.fingerprintSha256).toBe(fingerprint);

    const audit = (await auditRows(t.database.db, item.id)).find((r) => r.action === 'certificate.imported')!;
    expect(audit.summary).toMatchObject({
      ownerKind: 'person',
      serialNumber: item.serialNumber,
      fingerprintSha256: item.fingerprintSha256,
    });
    const text = JSON.stringify(audit.summary);
    expect(text).not.toMatch(/PRIVATE|Mật khẩu 1/u);
  });

  it('imports a legacy PKCS#12 (3DES, `openssl pkcs12 -legacy`) with an RSA key', async () => {
    const issued = await issue('Trần Thị Bình', 'RSA');
    const res = await upload(leader, person(pkcs12('binh', issued, 'Mật khẩu cũ', true), 'Mật khẩu cũ'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ commonName: 'Trần Thị Bình', status: 'valid' });
  });

  it('refuses a wrong PKCS#12 password, or none, in Vietnamese; nothing is stored', async () => {
    const p12 = pkcs12('sai', await issue('Lê Văn Sai'), 'dung');
    const before = await count();
    await refused(
      await upload(leader, person(p12, 'sai')),
      'CERTIFICATE_BAD_PASSWORD',
      /^Mật khẩu của tệp chứng thư số \(PKCS#12\) không đúng\.$/u,
      before,
    );
    await refused(await upload(leader, person(p12)), 'CERTIFICATE_BAD_PASSWORD', /hãy nhập mật khẩu/u, before);
  });

  it('imports PEM: the certificate, its chain and a PKCS#8 key; also the traditional RSA and EC key forms', async () => {
    const ec = await issue('Phạm Văn Pem');
    const { cert, key } = writeIssued('pem', ec);
    const pkcs8 = `${readFileSync(cert, 'utf8')}${ca.certificate.pem}${readFileSync(key, 'utf8')}`;
    const res = await upload(leader, person(pkcs8, undefined, 'chung-thu.pem'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ commonName: 'Phạm Văn Pem', status: 'valid' });

    const traditionalEc = openssl(dir, ['ec', '-in', key]);
    expect(traditionalEc).toContain('BEGIN EC PRIVATE KEY');
    const ecIssued = await issue('Phạm Văn Ec');
    writeIssued('ec2', ecIssued);
    const ecKey = openssl(dir, ['ec', '-in', file('ec2.key')]);
    expect((await upload(leader, person(`${ecKey}${ecIssued.certificate.pem}`, undefined, 'ec.pem'))).statusCode).toBe(201);

    const rsa = await issue('Phạm Văn Rsa', 'RSA');
    writeIssued('rsa', rsa);
    const rsaKey = openssl(dir, ['rsa', '-in', file('rsa.key'), '-traditional']);
    expect(rsaKey).toContain('BEGIN RSA PRIVATE KEY');
    const r = await upload(leader, person(`${rsa.certificate.pem}${rsaKey}`, undefined, 'rsa.pem'));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ commonName: 'Phạm Văn Rsa' });
  });

  it('refuses a certificate without its private key (PEM or DER), and garbage', async () => {
    const before = await count();
    const issued = await issue('Không Có Khóa');
    await refused(await upload(leader, person(issued.certificate.pem, undefined, 'a.pem')), 'CERTIFICATE_NO_KEY', /khóa bí mật/u, before);
    await refused(
      await upload(leader, person(issued.certificate.der, undefined, 'a.cer')),
      'CERTIFICATE_NO_KEY',
      /không có khóa bí mật/u,
      before,
    );
    await refused(
      await upload(leader, person(Buffer.from('xin chào, đây không phải chứng thư'), 'x', 'a.p12')),
      'CERTIFICATE_INVALID',
      /không đọc được/u,
      before,
    );
  });

  it('refuses a key that does not match the certificate', async () => {
    const before = await count();
    const one = await issue('Chủ Chứng Thư');
    const other = await issue('Người Khác');
    const pem = `${one.certificate.pem}${other.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string}`;
    await refused(
      await upload(leader, person(pem, undefined, 'a.pem')),
      'CERTIFICATE_KEY_MISMATCH',
      /không khớp với chứng thư số "Chủ Chứng Thư"/u,
      before,
    );
  });

  it('refuses an expired, a not yet valid, an untrusted and a revoked certificate, each with its reason', async () => {
    const before = await count();
    const expired = await issue('Hết Hạn', 'EC', {
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2025-12-31T10:00:00Z'),
    });
    await refused(
      await upload(leader, person(pkcs12('expired', expired, 'p'), 'p')),
      'CERTIFICATE_EXPIRED',
      /đã hết hạn từ 31\/12\/2025 17:00:00/u,
      before,
    );

    const future = await issue('Chưa Hiệu Lực', 'EC', {
      notBefore: new Date('2026-03-01T00:00:00Z'),
      notAfter: new Date('2028-01-01T00:00:00Z'),
    });
    await refused(
      await upload(leader, person(pkcs12('future', future, 'p'), 'p')),
      'CERTIFICATE_NOT_YET_VALID',
      /chỉ có hiệu lực từ 01\/03\/2026/u,
      before,
    );

    // Self-signed by the openssl CLI: no trusted CA issued it.
    openssl(dir, [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      file('self.key'),
      '-out',
      file('self.crt'),
      '-days',
      '30',
      '-subj',
      '/CN=Tu Ky/O=Khong ro/C=VN',
    ]);
    openssl(dir, [
      'pkcs12',
      '-export',
      '-inkey',
      file('self.key'),
      '-in',
      file('self.crt'),
      '-out',
      file('self.p12'),
      '-passout',
      'pass:p',
    ]);
    await refused(
      await upload(leader, person(readFileSync(file('self.p12')), 'p')),
      'CERTIFICATE_UNTRUSTED',
      /do "Tu Ky" cấp, không thuộc tổ chức chứng thực nào được hệ thống tin cậy/u,
      before,
    );

    await refused(
      await upload(leader, person(pkcs12('revoked', revoked, 'p'), 'p')),
      'CERTIFICATE_REVOKED',
      /đã bị thu hồi từ 02\/01\/2026 09:00:00/u,
      before,
    );
  });

  it('keeps the key only encrypted: the stored bytes never hold the PKCS#8, and open only with the configured secret', async () => {
    const issued = await issue('Khóa Bí Mật', 'RSA');
    const res = await upload(leader, person(pkcs12('secret', issued, 'p'), 'p'));
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as CertificateItem).id;
    const [row] = await t.database.db.select().from(certificate).where(eq(certificate.id, id));
    const pkcs8 = issued.privateKey.export({ format: 'der', type: 'pkcs8' });
    const stored = row!.encryptedKey;
    // Not the key, nor any 16-byte stretch of it, nor its PEM.
    for (let i = 0; i + 16 <= pkcs8.length; i += 8) expect(stored.includes(pkcs8.subarray(i, i + 16))).toBe(false);
    expect(stored.toString('latin1')).not.toContain('PRIVATE KEY');
    const text = await t.database.db.execute(
      sql`select encode(encrypted_key, 'base64') as k, certificate_pem, chain_pem from certificate where id = ${id}`,
    );
    expect(JSON.stringify(text)).not.toContain(pkcs8.toString('base64').slice(40, 80));

    const opened = openPrivateKey(testConfig().signingKeySecret, stored, row!.fingerprintSha256);
    expect(opened.export({ format: 'der', type: 'pkcs8' }).equals(pkcs8)).toBe(true);
    expect(() => openPrivateKey('another-secret-another-secret-another', stored, row!.fingerprintSha256)).toThrow();
    // Bound to its certificate: the same bytes do not open as another certificate's key.
    expect(() => openPrivateKey(testConfig().signingKeySecret, stored, 'AA:BB')).toThrow();
    expect(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).asymmetricKeyType).toBe('rsa');
  });

  it('a unit certificate needs unit.manage on the unit; the unit’s leader sees it, an officer elsewhere does not', async () => {
    const seal = await issue('UBND xã An Lạc');
    const p12 = pkcs12('seal', seal, 'p');
    const parts = (unitId: string): FormPart[] => [
      { name: 'ownerKind', content: 'unit' },
      { name: 'unitId', content: unitId },
      { name: 'password', content: 'p' },
      { name: 'file', filename: 'don-vi.p12', content: p12 },
    ];
    const denied = await upload(leader, parts(units.a));
    expect(denied.statusCode).toBe(403);
    expect((await upload(unitAdmin, parts(units.b))).statusCode).toBe(403);
    const res = await upload(unitAdmin, parts(units.a));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ownerKind: 'unit', unitId: units.a, unitName: 'UBND xã An Lạc', status: 'valid' });

    const seen = (await leader.get('/api/v1/certificates?ownerKind=unit')).json() as CertificateList;
    expect(seen.items.map((i) => i.commonName)).toEqual(['UBND xã An Lạc']);
    const own = (await leader.get('/api/v1/certificates?ownerKind=person')).json() as CertificateList;
    expect(own.items.length).toBeGreaterThan(3);
    expect(own.items.every((i) => i.userId === leader.userId)).toBe(true);
    expect(((await outsider.get('/api/v1/certificates')).json() as CertificateList).items).toEqual([]);
    expect(((await otherLeader.get('/api/v1/certificates')).json() as CertificateList).items).toEqual([]);
  });

  it('a person certificate for someone else: whoever manages the account may, a peer may not', async () => {
    const p12 = pkcs12('for-leader', await issue('Do Quản Trị Nhập'), 'p');
    const parts: FormPart[] = [
      { name: 'ownerKind', content: 'person' },
      { name: 'userId', content: leader.userId },
      { name: 'password', content: 'p' },
      { name: 'file', filename: 'a.p12', content: p12 },
    ];
    expect((await upload(otherLeader, parts)).statusCode).toBe(403);
    const res = await upload(unitAdmin, parts);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ userId: leader.userId, commonName: 'Do Quản Trị Nhập' });
  });

  it('disables a certificate: its status says so, the audit records it, a second time is a conflict', async () => {
    const res = await upload(leader, person(pkcs12('disable', await issue('Sẽ Ngừng'), 'p'), 'p'));
    const id = (res.json() as CertificateItem).id;
    expect((await otherLeader.post(`/api/v1/certificates/${id}/disable`)).statusCode).toBe(403);
    const disabled = await leader.post(`/api/v1/certificates/${id}/disable`);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ status: 'disabled', statusMessage: 'Chứng thư số đã ngừng sử dụng trong hệ thống.' });
    expect((await auditRows(t.database.db, id)).map((r) => r.action)).toEqual(['certificate.imported', 'certificate.revoked']);
    expect((await leader.post(`/api/v1/certificates/${id}/disable`)).statusCode).toBe(409);
  });

  it('lists the trust anchors: the configured CA and the database one, each with its PEM', async () => {
    const res = await outsider.get('/api/v1/trusted-certificates');
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as TrustedCertificateList;
    expect(items.map((i) => [i.commonName, i.source])).toEqual([
      ['CA Cấu hình kiểm thử', 'config'],
      ['CA Thử nghiệm kiểm thử', 'demo'],
    ]);
    expect(items[1]!.pem).toBe(ca.certificate.pem);
  });

  it('imports a certificate issued by the configured CA (TRUSTED_CA_FILE)', async () => {
    const issued = await issue('Cấp Bởi Cấu Hình', 'RSA', VALID, configuredCa);
    const res = await upload(leader, person(pkcs12('configured', issued, 'p'), 'p'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'valid', issuer: 'CN=CA Cấu hình kiểm thử, O=Hệ thống báo cáo (kiểm thử), C=VN' });
  });
});

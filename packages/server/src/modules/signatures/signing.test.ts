import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VersionSignatures, VerifyUploadResult } from '@baocao/core';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { Client, loggedIn } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUser } from '../../test/factories.ts';
import { loadActor } from '../users/index.ts';
import { storedFile } from '../reports/tables.ts';
import { signTransitionIn } from './index.ts';
import { signedReportPdf } from '../documents/index.ts';
import { auditRows, reportsFixture, type ReportsFixture } from '../reports/workflow.test-support.ts';
import { reportEvent, reportVersion } from '../reports/tables.ts';
import { issueCrl } from './crypto/ca.ts';
import { serverKeySigner, verifyDetached } from './crypto/cms.ts';
import { pemEncode } from './crypto/der.ts';
import { openPrivateKey } from './crypto/key-store.ts';
import { parseCertificate } from './crypto/certificate.ts';
import { giveCertificates, multipartBody, opensslCmsVerify, testCa, trustCa } from './fixtures.test-support.ts';
import * as q from './queries.ts';
import { certificate, reportSignature, trustedCertificate } from './tables.ts';

const VALUES = { 'R11:KH': '100', 'R11:KN': '10', 'R12:KN': '5', 'R2:KN': '7' };

describe.each(backends)('signing reports in the workflow on %s', (backend) => {
  let f: ReportsFixture;
  let regime: Awaited<ReturnType<ReportsFixture['regime']>>;
  let dir: string;

  beforeAll(async () => {
    f = await reportsFixture(backend);
    regime = await f.regime('BC-KS');
    dir = mkdtempSync(path.join(tmpdir(), 'baocao-signing-'));
  }, 120_000);
  afterAll(async () => {
    await f.t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signatures = async (c: Client, reportId: string, versionNo = 1) => {
    const res = await c.get(`/api/v1/reports/${reportId}/versions/${versionNo}/signatures`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as VersionSignatures;
  };
  const signedContent = async (c: Client, reportId: string, versionNo = 1) => {
    const res = await c.get(`/api/v1/reports/${reportId}/versions/${versionNo}/signed-content`);
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  };
  const cms = async (c: Client, reportId: string, signatureId: string) => {
    const res = await c.get(`/api/v1/reports/${reportId}/signatures/${signatureId}/cms`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pkcs7-signature');
    expect(String(res.headers['content-disposition'])).toMatch(/\.p7s/u);
    return res.rawPayload;
  };
  const caPem = async () => (await testCa()).certificate.pem;
  /** A report of `assignmentId` filled in and submitted, waiting for the leader. */
  const submitted = async (assignmentId: string, sender = { officer: f.officer, leader: f.leader }) => {
    const { id } = await f.open(sender.officer, assignmentId);
    f.ok(await f.save(sender.officer, id, VALUES));
    await f.step(sender.officer, id, 'submit');
    return id;
  };
  const error = (res: { statusCode: number; json(): unknown }) => {
    const e = (res.json() as { error: { code: string; message: string } }).error;
    return { status: res.statusCode, code: e.code, message: e.message };
  };
  const fullNameOf = async (userId: string) =>
    ((await f.db.execute(sql`select full_name from app_user where id = ${userId}`)) as unknown as { rows: { full_name: string }[] })
      .rows[0]!.full_name;

  let reportId: string;

  it('approving signs the canonical content with the leader’s certificate; openssl verifies it, and fails once one byte changes', async () => {
    reportId = await submitted(regime.anLac);
    const approved = await f.step(f.leader, reportId, 'approve');
    expect(approved.state).toBe('approved');

    const result = await signatures(f.officer, reportId);
    expect(result.overall).toBe('valid');
    expect(result.signatures).toHaveLength(1);
    const leaderName = await fullNameOf(f.leader.userId);
    const [signature] = result.signatures;
    expect(signature).toMatchObject({ role: 'leader', status: 'valid', signerName: leaderName, superseded: false, hasSignedPdf: true });
    expect(signature!.certificate!.subject).toBe(`CN=${leaderName}, O=UBND xã An Lạc, C=VN`);
    expect(signature!.message).toContain('Chữ ký hợp lệ');
    // The event that signed: the approval, in the same instant.
    const approval = approved.events.find((e) => e.action === 'approve')!;
    expect(signature!.signedAt).toBe(new Date(Math.floor(Date.parse(approval.at) / 1000) * 1000).toISOString());
    const [row] = await f.db.select().from(reportSignature).where(eq(reportSignature.id, signature!.id));
    expect(row!.eventId).toBe(approval.id);
    // The approval's official document, PAdES-signed with the same key, kept by its hash.
    expect(row!.pdfSha256).toMatch(/^[0-9a-f]{64}$/u);

    const content = await signedContent(f.officer, reportId);
    expect(createHash('sha256').update(content).digest('hex')).toBe(result.contentHash);
    expect(signature!.contentHash).toBe(result.contentHash);
    const payload = JSON.parse(content.toString('utf8')) as Record<string, unknown>;
    expect(payload).toMatchObject({
      schema: 'baocao/report-version/1',
      report: { id: reportId, versionNo: 1 },
      unit: { name: 'UBND xã An Lạc' },
      receivingUnit: { name: 'Văn phòng UBND tỉnh' },
      period: { label: 'Tháng 1/2026' },
      forms: { [f.budget]: { code: '01/KHĐT', values: VALUES } },
    });

    const p7s = await cms(f.officer, reportId, signature!.id);
    const verified = opensslCmsVerify(p7s, content, await caPem());
    expect(verified.output).toContain('Verification successful');
    expect(verified.ok).toBe(true);
    const tampered = Buffer.from(content);
    tampered[tampered.indexOf('"10"') + 1] = '9'.charCodeAt(0);
    const refused = opensslCmsVerify(p7s, tampered, await caPem());
    expect(refused.ok).toBe(false);
    expect(refused.output).toMatch(/digest failure|Verification failure/u);

    const audit = (await auditRows(f.db, reportId)).filter((r) => r.action === 'report.signed');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ role: 'leader', versionNo: 1, signatureId: signature!.id, contentHash: result.contentHash });
  });

  it('sending adds the unit’s signature over the same bytes; both verify with openssl', async () => {
    await f.step(f.leader, reportId, 'send');
    const result = await signatures(f.receiver, reportId);
    expect(result.overall).toBe('valid');
    expect(result.signatures.map((s) => [s.role, s.status, s.signerName])).toEqual([
      ['leader', 'valid', await fullNameOf(f.leader.userId)],
      ['unit', 'valid', 'UBND xã An Lạc'],
    ]);
    const content = await signedContent(f.receiver, reportId);
    for (const s of result.signatures) {
      expect(s.contentHash).toBe(result.contentHash);
      expect(opensslCmsVerify(await cms(f.receiver, reportId, s.id), content, await caPem()).ok).toBe(true);
    }
    const [unitRow] = await f.db.select().from(reportSignature).where(eq(reportSignature.id, result.signatures[1]!.id));
    const sendEvent = (await f.detail(f.officer, reportId)).events.find((e) => e.action === 'send')!;
    expect(unitRow!.eventId).toBe(sendEvent.id);
  });

  it('one who may not read the report may not read its signatures', async () => {
    const outsider = await f.senderOf(f.units.dongTien);
    expect((await outsider.officer.get(`/api/v1/reports/${reportId}/versions/1/signatures`)).statusCode).toBe(403);
    expect((await outsider.officer.get(`/api/v1/reports/${reportId}/versions/1/signed-content`)).statusCode).toBe(403);
  });

  it('verifies an upload: the signed content with its .p7s (and names the report), a changed file, a PDF signed with the leader’s key', async () => {
    const content = await signedContent(f.receiver, reportId);
    const leaderSignature = (await signatures(f.receiver, reportId)).signatures[0]!;
    const p7s = await cms(f.receiver, reportId, leaderSignature.id);
    const verify = (parts: Parameters<typeof multipartBody>[0]) => {
      const { body, headers } = multipartBody(parts);
      return f.receiver.request('POST', '/api/v1/signatures/verify', body, { headers });
    };
    const ok = await verify([
      { name: 'file', filename: 'noi-dung.json', content },
      { name: 'signature', filename: 'chu-ky.p7s', content: p7s },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const result = ok.json() as VerifyUploadResult;
    expect(result).toMatchObject({ kind: 'detached', fileHash: createHash('sha256').update(content).digest('hex') });
    expect(result.signatures.map((s) => s.status)).toEqual(['valid']);
    expect(result.report).toMatchObject({ reportId, versionNo: 1, unitName: 'UBND xã An Lạc', periodLabel: 'Tháng 1/2026' });
    // As PEM too.
    const pem = await verify([
      { name: 'file', filename: 'noi-dung.json', content },
      { name: 'signature', filename: 'chu-ky.p7s', content: pemEncode('CMS', p7s) },
    ]);
    expect((pem.json() as VerifyUploadResult).signatures[0]!.status).toBe('valid');

    const changed = Buffer.concat([content, Buffer.from(' ')]);
    const bad = (
      await verify([
        { name: 'file', filename: 'noi-dung.json', content: changed },
        { name: 'signature', filename: 'chu-ky.p7s', content: p7s },
      ])
    ).json() as VerifyUploadResult;
    expect(bad.signatures[0]).toMatchObject({ status: 'content_changed' });
    expect(bad.report).toBeNull();

    const garbage = await verify([
      { name: 'file', filename: 'noi-dung.json', content },
      { name: 'signature', filename: 'chu-ky.p7s', content: Buffer.from('không phải chữ ký') },
    ]);
    expect(error(garbage)).toMatchObject({ status: 400, code: 'SIGNATURE_INVALID_FILE' });
    const alone = await verify([{ name: 'file', filename: 'noi-dung.json', content }]);
    expect(error(alone)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: expect.stringContaining('.p7s') });

    // A PDF signed (PAdES) with the leader's stored key through the documents module.
    const [leaderCert] = await q.usableCertificates(f.db, { userId: f.leader.userId });
    const signer = serverKeySigner({
      certificatePem: leaderCert!.certificatePem,
      chainPem: [],
      privateKey: openPrivateKey(testConfig().signingKeySecret, leaderCert!.encryptedKey, leaderCert!.fingerprintSha256),
    });
    const { pdf } = await signedReportPdf(f.db, {
      reportId,
      versionNo: 1,
      signer,
      signerName: leaderCert!.commonName,
      position: 'Chủ tịch UBND xã',
      signingTime: new Date(Math.floor(f.clock.now().getTime() / 1000) * 1000),
    });
    const pdfResult = (await verify([{ name: 'file', filename: 'bao-cao.pdf', content: pdf }])).json() as VerifyUploadResult;
    expect(pdfResult.kind).toBe('pdf');
    expect(pdfResult.signatures.map((s) => [s.status, s.signerName])).toEqual([['valid', leaderCert!.commonName]]);
    // One byte of the signed part changed.
    const edited = Buffer.from(pdf);
    const at = edited.indexOf('/Type');
    edited[at + 1] = 'X'.charCodeAt(0);
    const editedResult = (await verify([{ name: 'file', filename: 'bao-cao.pdf', content: edited }])).json() as VerifyUploadResult;
    expect(editedResult.signatures.map((s) => s.status)).toEqual(['content_changed']);
    // Something appended after the signature.
    const appended = Buffer.concat([pdf, Buffer.from('\n% them sau khi ky\n')]);
    const appendedResult = (await verify([{ name: 'file', filename: 'bao-cao.pdf', content: appended }])).json() as VerifyUploadResult;
    expect(appendedResult.signatures[0]).toMatchObject({ status: 'content_changed', message: expect.stringContaining('sau khi ký') });
  });

  it('a change of the signed data in the database shows: every signature of the version says "content changed"', async () => {
    const catHai = await f.senderOf(f.units.catHai);
    const id = await submitted(regime.assignmentOf(f.units.catHai), catHai);
    await f.step(catHai.leader, id, 'approve');
    await f.step(catHai.leader, id, 'send');
    expect((await signatures(f.receiver, id)).overall).toBe('valid');
    // Straight in SQL, bypassing the application: the sent (not yet accepted) version's figure.
    await f.db
      .update(reportVersion)
      .set({ data: sql`jsonb_set(${reportVersion.data}, ${`{forms,${f.budget},values,R11:KN}`}::text[], '"11"'::jsonb)` })
      .where(and(eq(reportVersion.reportId, id), eq(reportVersion.versionNo, 1)));
    const result = await signatures(f.receiver, id);
    expect(result.overall).toBe('content_changed');
    expect(result.signatures.map((s) => s.status)).toEqual(['content_changed', 'content_changed']);
    expect(result.signatures[0]!.message).toContain('đã bị thay đổi sau khi ký');
    expect(result.signatures[0]!.contentHash).not.toBe(result.contentHash);
  });

  it('a CA no longer trusted makes its signatures "untrusted"', async () => {
    const ca = await testCa();
    await f.db.delete(trustedCertificate).where(eq(trustedCertificate.fingerprintSha256, ca.certificate.fingerprint));
    try {
      const result = await signatures(f.receiver, reportId);
      expect(result.overall).toBe('untrusted');
      expect(result.signatures[0]!.message).toContain('không thuộc tổ chức chứng thực nào được hệ thống tin cậy');
    } finally {
      await trustCa(f.db, ca);
    }
    expect((await signatures(f.receiver, reportId)).overall).toBe('valid');
  });

  it('a CRL listing the leader’s certificate makes the signature "revoked", saying the revocation came after the signing', async () => {
    const ca = await testCa();
    const [leaderCert] = await q.usableCertificates(f.db, { userId: f.leader.userId });
    const revokedAt = new Date(f.clock.now().getTime() + 3_600_000);
    const crl = await issueCrl(ca, {
      revoked: [{ serialNumber: leaderCert!.serialNumber, revokedAt }],
      thisUpdate: revokedAt,
      nextUpdate: new Date(revokedAt.getTime() + 30 * 86_400_000),
    });
    const crlFile = path.join(dir, 'revoked.crl');
    writeFileSync(crlFile, crl);
    // Another server process on the same database, configured with the CRL.
    const app = await buildApp({ database: f.t.database, config: testConfig({ crlFiles: [crlFile] }), webDist: null, clock: f.clock });
    try {
      const receiver = Object.assign(new Client(app), { cookie: f.receiver.cookie, csrf: f.receiver.csrf });
      const res = await receiver.get(`/api/v1/reports/${reportId}/versions/1/signatures`);
      const result = res.json() as VersionSignatures;
      expect(result.overall).toBe('revoked');
      expect(result.signatures.map((s) => s.status)).toEqual(['revoked', 'valid']);
      expect(result.signatures[0]!.message).toMatch(/đã bị thu hồi từ .*, sau thời điểm ký/u);
    } finally {
      await app.close();
    }
  });

  it('judges the certificate at the signing time inside the signature: after notAfter, before notBefore', async () => {
    const [row] = await q.usableCertificates(f.db, { userId: f.leader.userId });
    const cert = parseCertificate(row!.certificatePem);
    const signer = serverKeySigner({
      certificatePem: row!.certificatePem,
      chainPem: [],
      privateKey: openPrivateKey(testConfig().signingKeySecret, row!.encryptedKey, row!.fingerprintSha256),
    });
    const trust = { anchors: [(await testCa()).certificate], crls: [] };
    const content = Buffer.from('{"noi-dung":"thử"}');
    const late = await signer.signDetached(content, new Date(cert.notAfter.getTime() + 86_400_000));
    const lateCheck = await verifyDetached(late, content, trust, { now: f.clock.now() });
    expect(lateCheck.status).toBe('expired_at_signing');
    expect(lateCheck.message).toMatch(/đã hết hạn từ 01\/01\/2045 07:00:00 tại thời điểm ký/u);
    const early = await signer.signDetached(content, new Date(cert.notBefore.getTime() - 86_400_000));
    expect((await verifyDetached(early, content, trust, { now: f.clock.now() })).status).toBe('not_yet_valid_at_signing');
    // The same key at a time within the dates is fine.
    const inTime = await signer.signDetached(content, f.clock.now());
    expect((await verifyDetached(inTime, content, trust, { now: f.clock.now() })).status).toBe('valid');
  });

  it('a leader without a valid certificate cannot approve: CERTIFICATE_MISSING, and nothing changes', async () => {
    const binhMinh = await f.senderOf(f.units.binhMinh);
    const id = await submitted(regime.assignmentOf(f.units.binhMinh), binhMinh);
    // A second leader of Bình Minh with no certificate at all.
    const u = await makeUser(f.db, {
      unitId: f.units.binhMinh,
      fullName: 'Lãnh Đạo Chưa Có',
      grants: [{ role: 'approver', unitId: f.units.binhMinh }],
    });
    const bare = await loggedIn(f.t.app, u.username, u.password);
    const before = await f.detail(binhMinh.officer, id);
    const res = await f.act(bare, id, 'approve');
    expect(error(res)).toMatchObject({ status: 409, code: 'CERTIFICATE_MISSING' });
    expect(error(res).message).toContain('Lãnh đạo Lãnh Đạo Chưa Có chưa có chứng thư số còn hiệu lực để ký');
    const after = await f.detail(binhMinh.officer, id);
    expect({ state: after.state, revision: after.revision, events: after.events.length }).toEqual({
      state: 'submitted',
      revision: before.revision,
      events: before.events.length,
    });
    expect(await f.db.select().from(reportSignature).where(eq(reportSignature.reportId, id))).toEqual([]);
    expect((await auditRows(f.db, id)).map((r) => r.action)).not.toContain('report.signed');

    // A disabled certificate does not count either; the leader's own still signs.
    const [own] = await q.usableCertificates(f.db, { userId: binhMinh.leader.userId });
    await f.db.update(certificate).set({ disabledAt: f.clock.now() }).where(eq(certificate.id, own!.id));
    expect(error(await f.act(binhMinh.leader, id, 'approve')).code).toBe('CERTIFICATE_MISSING');
    await f.db.update(certificate).set({ disabledAt: null }).where(eq(certificate.id, own!.id));
    expect((await f.step(binhMinh.leader, id, 'approve')).state).toBe('approved');

    // Sending needs the unit's certificate: disabled, the send is refused naming the unit.
    const [seal] = await q.usableCertificates(f.db, { unitId: f.units.binhMinh });
    const disabled = await f.admin.post(`/api/v1/certificates/${seal!.id}/disable`);
    expect(disabled.statusCode, disabled.body).toBe(200);
    const send = await f.act(binhMinh.leader, id, 'send');
    expect(error(send)).toMatchObject({ status: 409, code: 'CERTIFICATE_MISSING' });
    expect(error(send).message).toContain('Đơn vị UBND xã Bình Minh chưa có chứng thư số còn hiệu lực');
    expect((await f.detail(binhMinh.officer, id)).state).toBe('approved');
    expect((await signatures(binhMinh.officer, id)).signatures.map((s) => s.role)).toEqual(['leader']);
  });

  it('a send-back supersedes the leader’s signature; approving again signs the new content; the old one still verifies what it signed', async () => {
    const ward = await f.senderOf(f.units.ward);
    const wardRegime = await f.regime('BC-KS-P', { unitIds: [f.units.anLac, f.units.ward] });
    const id = await submitted(wardRegime.assignmentOf(f.units.ward), ward);
    await f.step(ward.leader, id, 'approve');
    await f.step(ward.leader, id, 'send_back', { reason: 'Sửa số liệu chỉ tiêu R11.' });
    const afterSendBack = await signatures(ward.officer, id);
    expect(afterSendBack.overall).toBe('unsigned');
    expect(afterSendBack.signatures.map((s) => [s.role, s.superseded, s.status])).toEqual([['leader', true, 'valid']]);

    f.ok(await f.save(ward.officer, id, { 'R11:KN': '12' }));
    await f.step(ward.officer, id, 'submit');
    await f.step(ward.leader, id, 'approve');
    const again = await signatures(ward.officer, id);
    expect(again.overall).toBe('valid');
    expect(again.signatures.map((s) => [s.superseded, s.status])).toEqual([
      [true, 'valid'],
      [false, 'valid'],
    ]);
    expect(again.signatures[0]!.contentHash).not.toBe(again.signatures[1]!.contentHash);
    // Stored rows stay (never deleted); the superseded one only gained its time.
    const rows = await f.db.select().from(reportSignature).where(eq(reportSignature.reportId, id));
    expect(rows.filter((r) => r.supersededAt !== null)).toHaveLength(1);
  });

  it('a return supersedes both signatures; the send after the correction signs anew', async () => {
    const id = await submitted((await f.regime('BC-KS-R')).anLac);
    await f.step(f.leader, id, 'approve');
    await f.step(f.leader, id, 'send');
    await f.step(f.receiver, id, 'return', { reason: 'Thiếu số liệu.' });
    const returned = await signatures(f.officer, id);
    expect(returned.overall).toBe('unsigned');
    expect(returned.signatures.map((s) => s.superseded)).toEqual([true, true]);
    // Sending again without a fresh approval is not possible (the workflow asks for it), and the
    // leader's fresh approval signs again.
    await f.step(f.officer, id, 'submit');
    await f.step(f.leader, id, 'approve');
    await f.step(f.leader, id, 'send');
    const resent = await signatures(f.receiver, id);
    expect(resent.overall).toBe('valid');
    expect(resent.signatures.filter((s) => !s.superseded).map((s) => s.role)).toEqual(['leader', 'unit']);
    const events = await f.db.select().from(reportEvent).where(eq(reportEvent.reportId, id));
    expect(events.filter((e) => e.action === 'send')).toHaveLength(2);
  });

  it('signs with RSA keys as well: a leader with an RSA certificate, verified by openssl', async () => {
    const u = await makeUser(f.db, {
      unitId: f.units.anLac,
      fullName: 'Lãnh Đạo Khóa RSA',
      grants: [{ role: 'approver', unitId: f.units.anLac }],
    });
    await giveCertificates(
      f.db,
      [{ owner: { kind: 'person', userId: u.id }, commonName: 'Lãnh Đạo Khóa RSA', organisation: 'UBND xã An Lạc' }],
      {
        key: 'RSA',
      },
    );
    const rsaLeader = await loggedIn(f.t.app, u.username, u.password);
    const id = await submitted((await f.regime('BC-KS-RSA')).anLac);
    await f.step(rsaLeader, id, 'approve');
    const [signature] = (await signatures(f.officer, id)).signatures;
    expect(signature).toMatchObject({ status: 'valid', signerName: 'Lãnh Đạo Khóa RSA' });
    const p7s = await cms(f.officer, id, signature!.id);
    expect(opensslCmsVerify(p7s, await signedContent(f.officer, id), await caPem()).ok).toBe(true);
  });

  it('the approval can make the signed PDF with the same signer and time, stored with the signature; an upload of it names the report', async () => {
    const id = await submitted((await f.regime('BC-KS-PDF')).anLac);
    const approved = await f.step(f.leader, id, 'approve');
    const approval = approved.events.find((e) => e.action === 'approve')!;
    const actor = (await loadActor(f.db, f.leader.userId))!;
    let pdf: Buffer | undefined;
    const signed = await f.db.transaction((tx) =>
      signTransitionIn(
        tx,
        { config: testConfig() },
        { actor, ip: null, userAgent: 'test' },
        {
          action: 'approve',
          reportId: id,
          versionNo: 1,
          unitId: f.units.anLac,
          unitName: 'UBND xã An Lạc',
          eventId: approval.id,
          now: f.clock.now(),
        },
        {
          signedPdf: async (made) => {
            const result = await signedReportPdf(tx, {
              reportId: id,
              versionNo: 1,
              signer: made.signer,
              signerName: made.signerName,
              position: 'Chủ tịch',
              signingTime: made.signingTime,
            });
            await tx.insert(storedFile).values({
              sha256: result.sha256,
              contentType: 'application/pdf',
              size: result.pdf.length,
              content: result.pdf,
              createdAt: made.signingTime,
            });
            pdf = result.pdf;
            return result.sha256;
          },
        },
      ),
    );
    expect(signed!.role).toBe('leader');
    const [row] = await f.db.select().from(reportSignature).where(eq(reportSignature.id, signed!.signatureId));
    expect(row!.pdfSha256).toBe(createHash('sha256').update(pdf!).digest('hex'));
    const listed = await signatures(f.officer, id);
    expect(listed.signatures.find((s) => s.id === signed!.signatureId)).toMatchObject({ hasSignedPdf: true, status: 'valid' });

    const { body, headers } = multipartBody([{ name: 'file', filename: 'bao-cao.pdf', content: pdf! }]);
    const res = await f.officer.request('POST', '/api/v1/signatures/verify', body, { headers });
    const result = res.json() as VerifyUploadResult;
    expect(result.signatures.map((x) => x.status)).toEqual(['valid']);
    expect(result.report).toMatchObject({ reportId: id, versionNo: 1, unitName: 'UBND xã An Lạc' });
  });
});

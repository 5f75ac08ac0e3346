import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { publish, reportsFixture, type ReportsFixture } from '../reports/workflow.test-support.ts';
import { reportSignature } from '../signatures/tables.ts';
import type { CmsSigner } from '../signatures/signer.ts';
import { docxParagraphs, docxParts, pdfText } from './poppler.test-support.ts';
import { signedReportPdf } from './service.ts';
import { forgeCmsSigner, opensslCertificate, pdfsig } from './signing.test-support.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const BLANK_NUMBER = 'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND';

/** A narrative section as the editor stores it: text, a bold run and a figure quoted from the budget form. */
const narrative = {
  doc: {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Thu ngân sách nhà nước trong tháng đạt ' },
          { type: 'figure', attrs: { key: 'thu' } },
          { type: 'text', text: ' triệu đồng, ' },
          { type: 'text', text: 'vượt kế hoạch', marks: [{ type: 'bold' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Chi thường xuyên bảo đảm.' }] }] }],
      },
    ],
  },
  text: 'Thu ngân sách nhà nước trong tháng đạt 1.234.579,75 triệu đồng, vượt kế hoạch.\n- Chi thường xuyên bảo đảm.',
};

describe.each(backends)('report documents through HTTP on %s', (backend) => {
  let f: ReportsFixture;
  let reportId: string;
  let secondReportId: string;
  let signer: CmsSigner;
  const leaderName = 'Trần Thị Bình';

  beforeAll(async () => {
    f = await reportsFixture(backend);
    signer = forgeCmsSigner(opensslCertificate(leaderName, 'UBND xã An Lạc'));
    // The leader's name and position as an administrator records them.
    const leader = f.ok<{ version: number }>(await f.admin.get(`/api/v1/users/${f.leader.userId}`));
    f.ok(
      await f.admin.patch(`/api/v1/users/${f.leader.userId}`, { version: leader.version, fullName: leaderName, position: 'Phó Chủ tịch' }),
    );
    // An outline quoting the budget form's total revenue of this period.
    const outline = await publish(f.db, f.units.planning, 'outline', {
      name: 'Đề cương báo cáo tình hình kinh tế - xã hội',
      code: 'ĐC-02/KHĐT',
      sections: [
        { id: 'tinh-hinh', title: 'Tình hình chung', required: true, guidance: 'Thu ngân sách đạt {{thu}} triệu đồng.' },
        { id: 'kien-nghi', title: 'Kiến nghị, đề xuất' },
      ],
      figures: [{ key: 'thu', formCode: '01/KHĐT', row: 'R1', col: 'KN' }],
    });
    const { anLac } = await f.regime('BC-VB', { formIds: [f.formId, outline.formId] });
    reportId = (await f.open(f.officer, anLac)).id;
    f.ok(await f.save(f.officer, reportId, { 'R11:KH': '2000000', 'R11:KN': '1234567.5', 'R12:KN': '12.25', 'R2:KN': '300' }));
    const { version } = await f.detail(f.officer, reportId);
    f.ok(
      await f.officer.patch(`/api/v1/reports/${reportId}/data`, {
        revision: version.revision,
        patch: { narrative: { [outline.versionId]: { 'tinh-hinh': narrative } } },
      }),
    );
    secondReportId = (await f.open(f.officer, (await f.regime('BC-VB2')).anLac)).id;
  }, 180_000);
  afterAll(() => f?.t.close());

  const url = (id: string, ext: 'docx' | 'pdf', versionNo = 1) => `/api/v1/reports/${id}/versions/${versionNo}/document.${ext}`;
  const docxTexts = async (id = reportId, client = f.officer) => {
    const res = await client.get(url(id, 'docx'));
    expect(res.statusCode, res.body).toBe(200);
    return docxParagraphs((await docxParts(res.rawPayload)).get('word/document.xml')!).map((p) => p.text);
  };

  it('gives a draft as DOCX: the commune as issuer, no number yet, today, the narrative with its figure, the table', async () => {
    const res = await f.officer.get(url(reportId, 'docx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX_MIME);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo Tình hình kinh tế - xã hội tháng 1-2026 - Ủy ban nhân dân xã An Lạc.docx')}`,
    );
    expect(disposition).toContain('filename="Bao-cao-Tinh-hinh-kinh-te-xa-hoi-thang-1-2026-Uy-ban-nhan-dan-xa-An-Lac.docx"');
    const texts = await docxTexts();
    for (const line of [
      'ỦY BAN NHÂN DÂN',
      'XÃ AN LẠC',
      BLANK_NUMBER,
      'Thử, ngày 05 tháng 01 năm 2026',
      'BÁO CÁO',
      'Tình hình kinh tế - xã hội tháng 1/2026',
      'I. Tình hình chung',
      // R1 = R11 + R12 = 1.234.567,5 + 12,25
      'Thu ngân sách nhà nước trong tháng đạt 1.234.579,75 triệu đồng, vượt kế hoạch.',
      '- Chi thường xuyên bảo đảm.',
      'Trên đây là báo cáo tình hình kinh tế - xã hội tháng 1/2026 của Ủy ban nhân dân xã An Lạc (số liệu chi tiết tại các biểu kèm theo)./.',
      '- Văn phòng UBND tỉnh;',
      '- Lưu: VT, UBND.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Biểu số 01/KHĐT',
      '1.234.567,5',
      'x',
    ]) {
      expect(texts, line).toContain(line);
    }
    // The optional section left empty has no heading.
    expect(texts.some((t) => t.includes('Kiến nghị'))).toBe(false);
  });

  it('gives a draft as an unsigned PDF with the same document', async () => {
    const res = await f.officer.get(url(reportId, 'pdf'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('XÃ AN LẠC');
    expect(text).toContain('Thử, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('1.234.579,75');
    expect(pdfsig(res.rawPayload)).toMatch(/does not contain any signatures/u);
  });

  it('numbers approved reports in the order of the unit’s approvals in the year, dated and signed by the approver', async () => {
    await f.step(f.officer, reportId, 'submit');
    await f.step(f.leader, reportId, 'approve');
    const texts = await docxTexts();
    expect(texts).toContain('Số: 01/BC-UBND');
    expect(texts).toContain('Thử, ngày 05 tháng 01 năm 2026');
    expect(texts).toEqual(expect.arrayContaining(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', leaderName]));

    await f.step(f.officer, secondReportId, 'submit');
    await f.step(f.leader, secondReportId, 'approve');
    expect(await docxTexts(secondReportId)).toContain('Số: 02/BC-UBND');
    // A number once given does not move.
    expect(await docxTexts()).toContain('Số: 01/BC-UBND');
  });

  it('makes the leader’s PAdES-signed PDF at approval time, numbered as the approval being made', async () => {
    const { anLac } = await f.regime('BC-VB3');
    const id = (await f.open(f.officer, anLac)).id;
    await f.step(f.officer, id, 'submit');
    f.clock.advance(60_000);
    const signingTime = f.clock.now();
    // Called before the approval's event is written: the third approval of An Lạc this year.
    const { pdf, sha256 } = await signedReportPdf(f.db, {
      reportId: id,
      versionNo: 1,
      signer,
      signerName: leaderName,
      position: 'Phó Chủ tịch',
      signingTime,
    });
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const report = pdfsig(pdf);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${leaderName}`);
    const text = pdfText(pdf);
    expect(text).toContain('Số: 03/BC-UBND');
    expect(text).toContain(`Ký bởi: ${leaderName}`);
    expect(text).toContain('Cơ quan: Ủy ban nhân dân xã An Lạc');
    const local = new Date(signingTime.getTime() + 7 * 3600_000).toISOString().slice(0, 19);
    expect(local.startsWith('2026-01-05T10:')).toBe(true);
    expect(text).toContain(`Thời gian ký: ${local}+07:00`);
    // The approval itself then keeps that number.
    await f.step(f.leader, id, 'approve');
    expect(await docxTexts(id)).toContain('Số: 03/BC-UBND');

    // Returned by the receiver, the report loses its number until it is approved again, as a new issuance.
    await f.step(f.leader, id, 'send');
    await f.step(f.receiver, id, 'return', { reason: 'Bổ sung số liệu chi ngân sách' });
    expect(await docxTexts(id)).toContain(BLANK_NUMBER);
    await f.step(f.officer, id, 'submit');
    f.clock.advance(60_000);
    const again = await signedReportPdf(f.db, {
      reportId: id,
      versionNo: 1,
      signer,
      signerName: leaderName,
      position: 'Phó Chủ tịch',
      signingTime: f.clock.now(),
    });
    expect(pdfText(again.pdf)).toContain('Số: 04/BC-UBND');
    await f.step(f.leader, id, 'approve');
    expect(await docxTexts(id)).toContain('Số: 04/BC-UBND');
  });

  it('serves the PDF signed at the approval byte for byte while its signature is in force, and a fresh one once superseded', async () => {
    // The approval stored the signed PDF (the workflow's wiring): the route serves exactly those bytes.
    const [row] = await f.db
      .select()
      .from(reportSignature)
      .where(and(eq(reportSignature.reportId, reportId), eq(reportSignature.role, 'leader'), isNull(reportSignature.supersededAt)));
    expect(row!.pdfSha256).toMatch(/^[0-9a-f]{64}$/u);
    const res = await f.receiver.get(url(reportId, 'pdf'));
    expect(res.statusCode, res.body).toBe(200);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(row!.pdfSha256);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent(' - đã ký số.pdf'));
    expect(pdfsig(res.rawPayload)).toContain('Signature Validation: Signature is Valid.');
    expect(pdfText(res.rawPayload)).toContain('Số: 01/BC-UBND');
    expect(pdfText(res.rawPayload)).toContain(`Ký bởi: ${row!.signerName}`);

    await f.db.update(reportSignature).set({ supersededAt: f.clock.now() }).where(eq(reportSignature.id, row!.id));
    const fresh = await f.receiver.get(url(reportId, 'pdf'));
    expect(fresh.statusCode).toBe(200);
    expect(pdfsig(fresh.rawPayload)).toMatch(/does not contain any signatures/u);
    expect(pdfText(fresh.rawPayload)).toContain('Số: 01/BC-UBND');
  });

  it('refuses people outside the report’s units, and unknown reports or versions', async () => {
    const outsider = (await f.senderOf(f.units.binhMinh)).officer;
    for (const ext of ['docx', 'pdf'] as const) {
      const res = await outsider.get(url(reportId, ext));
      expect(res.statusCode).toBe(403);
      expect((res.json() as { error: { code: string } }).error.code).toBe('OUT_OF_SCOPE');
    }
    expect((await f.otherOwner.get(url(reportId, 'pdf'))).statusCode).toBe(403);
    // The receiving office reads it.
    expect((await f.receiver.get(url(reportId, 'docx'))).statusCode).toBe(200);
    expect((await f.officer.get(url(reportId, 'docx', 9))).statusCode).toBe(404);
    expect((await f.officer.get(url('00000000-0000-4000-8000-000000000000', 'pdf'))).statusCode).toBe(404);
  });
});

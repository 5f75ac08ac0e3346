import { crc32 } from 'node:zlib';
import type { ReportAttachment, ReportData } from '@baocao/core';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import type { Client } from '../../test/app.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { reportsDataFixture, type ReportsDataFixture } from './fixtures.test-support.ts';
import { contentHashOf } from './support.ts';
import { report, reportVersion } from './tables.ts';

function multipart(filename: string, content: Buffer) {
  const boundary = `----baocao${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

// ---- real documents, made here ------------------------------------------------------------

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
    'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636400010000050001a5f645400000000049454e44ae426082',
  'hex',
);
/** The first bytes of a 64-bit Linux executable. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
/** A Windows executable: "MZ", then the PE header where the DOS header points. */
const PE = (() => {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
})();

/** A zip with stored (uncompressed) entries, enough for a minimal Word document. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX = zip([
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ],
  [
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:body><w:p><w:r><w:t>Công văn giải trình số liệu</w:t></w:r></w:p></w:body></w:document>',
  ],
]);

describe.each(backends)('report attachments on %s', (backend) => {
  let f: ReportsDataFixture;
  let draftReport: string;
  let acceptedReport: string;

  beforeAll(async () => {
    f = await reportsDataFixture(backend);
    draftReport = (await f.insertReport({ assignmentId: await f.assignmentOf(f.units.anLac) })).reportId;
    acceptedReport = (
      await f.insertReport({ assignmentId: await f.assignmentOf(f.units.binhMinh), state: 'accepted', versions: [{ accepted: true }] })
    ).reportId;
  }, 60_000);
  afterAll(() => f.t.close());

  const upload = (filename: string, content: Buffer, client: Client = f.anLacOfficer, reportId = draftReport) => {
    const { body, headers } = multipart(filename, content);
    return client.request('POST', `/api/v1/reports/${reportId}/attachments`, body, { headers });
  };
  const currentVersion = async (reportId = draftReport) => {
    const [r] = await f.db.select().from(report).where(eq(report.id, reportId));
    const [v] = await f.db
      .select()
      .from(reportVersion)
      .where(and(eq(reportVersion.reportId, reportId), eq(reportVersion.versionNo, r!.currentVersionNo)));
    return v!;
  };
  const storedFiles = async () => {
    const res = (await f.db.execute(sql`select count(*)::int as n from stored_file`)) as unknown as { rows: { n: number }[] };
    return res.rows[0]!.n;
  };
  const auditActions = async (reportId: string) => {
    const res = (await f.db.execute(sql`select action from audit_log where target_id = ${reportId} order by seq`)) as unknown as {
      rows: { action: string }[];
    };
    return res.rows.map((r) => r.action);
  };
  const download = (reportId: string, versionNo: number, id: string, client: Client = f.anLacOfficer) =>
    client.get(`/api/v1/reports/${reportId}/versions/${versionNo}/attachments/${id}`);

  /** What must not move when an upload is refused. */
  const unchanged = async () => ({ version: await currentVersion(), files: await storedFiles() });

  it('uploads a PDF: listed in the current version with its sniffed type, size and hash; downloadable byte-identical', async () => {
    const before = await currentVersion();
    // A decomposed (NFD) Vietnamese name, as macOS sends it, is stored composed (NFC).
    const res = await upload('Công văn số 12.pdf'.normalize('NFD'), PDF);
    expect(res.statusCode, res.body).toBe(201);
    const { attachment, revision } = res.json() as { attachment: ReportAttachment; revision: number };
    expect(attachment).toMatchObject({
      fileName: 'Công văn số 12.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      uploadedAt: f.clock.now().toISOString(),
      uploadedBy: expect.stringMatching(/^Người dùng /u),
    });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(revision).toBe(before.revision + 1);

    const after = await currentVersion();
    expect(after.revision).toBe(revision);
    expect((after.data as ReportData).attachments).toEqual([attachment]);
    expect(after.contentHash).toBe(contentHashOf(after.data as ReportData));
    expect(await auditActions(draftReport)).toEqual(['report.attachment_added']);

    const got = await download(draftReport, 1, attachment.id);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Cong-van-so-12.pdf"; filename*=UTF-8''${encodeURIComponent('Công văn số 12.pdf')}`,
    );
    expect(Buffer.compare(got.rawPayload, PDF)).toBe(0);
  });

  it('the receiving unit and a reviewer may download; neither may attach', async () => {
    const { attachments } = (await currentVersion()).data as ReportData;
    for (const client of [f.planningOfficer, f.anLacReviewer]) {
      expect((await download(draftReport, 1, attachments[0]!.id, client)).statusCode).toBe(200);
      const res = await upload('bien-ban.pdf', PDF, client);
      expect(res.statusCode).toBe(403);
    }
    expect((await download(draftReport, 1, attachments[0]!.id, f.binhMinhOfficer)).statusCode).toBe(403);
  });

  it('accepts a Word document (.docx) and an Excel workbook (.xlsx), told apart from a plain zip by their content', async () => {
    const docx = await upload('Giải trình.docx', DOCX);
    expect(docx.statusCode, docx.body).toBe(201);
    expect(docx.json().attachment.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Số liệu').getCell('A1').value = 1;
    const xlsx = await upload('Phụ lục.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(xlsx.json().attachment.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses an executable renamed .pdf, saying what it really is, and changes nothing', async () => {
    const before = await unchanged();
    for (const [name, bytes, what] of [
      ['bao-cao.pdf', ELF, 'tệp thực thi (chương trình chạy trên Linux)'],
      ['so-lieu.pdf', PE, 'tệp thực thi (chương trình chạy trên Windows)'],
    ] as const) {
      const res = await upload(name, bytes);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'ATTACHMENT_REJECTED',
        message: `Tệp "${name}" không được chấp nhận: nội dung thực chất là ${what}. Chỉ nhận PDF, DOCX, XLSX và ảnh PNG, JPEG.`,
      });
    }
    expect(await unchanged()).toEqual(before);
  });

  it('refuses a PNG named .pdf (the extension must agree with the content) and a file it cannot recognise', async () => {
    const before = await unchanged();
    const png = await upload('anh-chup.pdf', PNG);
    expect(png.statusCode).toBe(400);
    expect(png.json().error.message).toBe(
      'Tệp "anh-chup.pdf" không được chấp nhận: nội dung là ảnh PNG nhưng tên tệp có đuôi ".pdf"; hãy đặt lại tên tệp cho đúng đuôi. Chỉ nhận PDF, DOCX, XLSX và ảnh PNG, JPEG.',
    );
    const script = await upload('chay.pdf', Buffer.from('#!/bin/sh\necho "xin chào"\n'));
    expect(script.statusCode).toBe(400);
    expect(script.json().error.message).toContain('không nhận ra định dạng của nội dung tệp');
    expect(await unchanged()).toEqual(before);
    expect((await upload('anh-chup.png', PNG)).statusCode).toBe(201);
  });

  it(`refuses a file over ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB with the limit in the message`, async () => {
    const before = await unchanged();
    const sized = (bytes: number) => Buffer.concat([PDF, Buffer.alloc(bytes - PDF.length, 0x20)]);
    const oneByteOver = await upload('qua-lon.pdf', sized(MAX_ATTACHMENT_BYTES + 1));
    expect(oneByteOver.statusCode).toBe(413);
    expect(oneByteOver.json().error).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      message: 'Tệp "qua-lon.pdf" vượt quá dung lượng cho phép (tối đa 20 MB mỗi tệp).',
    });
    // Far over: the upload stops being read at the limit.
    const farOver = await upload('rat-lon.pdf', sized(MAX_ATTACHMENT_BYTES + 512 * 1024));
    expect(farOver.statusCode).toBe(413);
    expect(farOver.json().error).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      message: 'Tệp đính kèm vượt quá dung lượng cho phép (tối đa 20 MB mỗi tệp).',
    });
    expect(await unchanged()).toEqual(before);
  });

  it('accepts a file over the 10 MB that other uploads are limited to', async () => {
    const res = await upload('phu-luc-anh-chup.pdf', Buffer.concat([PDF, Buffer.alloc(12 * 1024 * 1024, 0x20)]));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().attachment.size).toBe(PDF.length + 12 * 1024 * 1024);
  });

  it('refuses to attach to an accepted (locked) version', async () => {
    const res = await upload('bo-sung.pdf', PDF, f.binhMinhOfficer, acceptedReport);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REPORT_VERSION_LOCKED');
    expect(((await currentVersion(acceptedReport)).data as ReportData).attachments).toEqual([]);
  });

  it('removes an attachment from the version being worked on; an earlier version keeps it, bytes and all', async () => {
    // An accepted version 1 listing the PDF, then a correction draft (version 2) copying its data.
    const v1 = await currentVersion();
    const pdf = (v1.data as ReportData).attachments.find((a) => a.contentType === 'application/pdf')!;
    const at = f.clock.now();
    await f.db.update(reportVersion).set({ acceptedAt: at, lockedAt: at }).where(eq(reportVersion.id, v1.id));
    await f.db.insert(reportVersion).values({
      reportId: draftReport,
      versionNo: 2,
      data: v1.data,
      contentHash: v1.contentHash,
      reason: 'Đính chính',
      createdAt: at,
      updatedAt: at,
    });
    await f.db.update(report).set({ currentVersionNo: 2, state: 'draft' }).where(eq(report.id, draftReport));

    const res = await f.anLacOfficer.delete(`/api/v1/reports/${draftReport}/attachments/${pdf.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ revision: 2 });
    const v2 = await currentVersion();
    expect((v2.data as ReportData).attachments.map((a) => a.id)).not.toContain(pdf.id);
    expect(v2.contentHash).toBe(contentHashOf(v2.data as ReportData));
    expect(await auditActions(draftReport)).toContain('report.attachment_removed');

    const old = await download(draftReport, 1, pdf.id);
    expect(old.statusCode).toBe(200);
    expect(Buffer.compare(old.rawPayload, PDF)).toBe(0);
    expect((await download(draftReport, 2, pdf.id)).statusCode).toBe(404);
    // Removing it again finds nothing on the current version.
    expect((await f.anLacOfficer.delete(`/api/v1/reports/${draftReport}/attachments/${pdf.id}`)).statusCode).toBe(404);
  });

  it('removes nothing once the report has left the drafter (submitted), nor for a reader', async () => {
    const [first] = ((await currentVersion()).data as ReportData).attachments;
    const viewer = await f.anLacReviewer.delete(`/api/v1/reports/${draftReport}/attachments/${first!.id}`);
    expect(viewer.statusCode).toBe(403);
    await f.db.update(report).set({ state: 'submitted' }).where(eq(report.id, draftReport));
    const res = await f.anLacOfficer.delete(`/api/v1/reports/${draftReport}/attachments/${first!.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REPORT_NOT_EDITABLE');
    expect(((await currentVersion()).data as ReportData).attachments.map((a) => a.id)).toContain(first!.id);
    const upload2 = await upload('muon.pdf', PDF);
    expect(upload2.json().error.code).toBe('REPORT_NOT_EDITABLE');
    await f.db.update(report).set({ state: 'draft' }).where(eq(report.id, draftReport));
  });
});

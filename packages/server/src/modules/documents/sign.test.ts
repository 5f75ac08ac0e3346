import { beforeAll, describe, expect, it } from 'vitest';
import type { CmsSigner } from '../signatures/signer.ts';
import { renderPdfWithLayout } from './pdf.ts';
import { pdfText, popplerComplaints, savePageImages } from './poppler.test-support.ts';
import { sampleModel } from './samples.test-support.ts';
import { signPdf } from './sign.ts';
import { forgeCmsSigner, opensslCertificate, pdfsig } from './signing.test-support.ts';

const signingTime = new Date('2026-11-23T03:15:00Z');
const appearance = { signerName: 'Nguyễn Văn An', organisation: 'Ủy ban nhân dân xã An Lạc', signingTime };
const options = {
  name: 'Nguyễn Văn An',
  reason: 'Phê duyệt báo cáo',
  location: 'Hải Phòng',
  contactInfo: 'Ủy ban nhân dân xã An Lạc',
  signingTime,
};

/** The byte ranges a signature covers, from its dictionary. */
function byteRange(pdf: Buffer): [number, number, number, number] {
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)/u.exec(pdf.toString('latin1'))!;
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** A text string entry of the signature dictionary (`/Name (þÿ…)`), decoded. */
function textString(pdf: Buffer, key: string): string {
  const latin1 = pdf.toString('latin1');
  const start = latin1.indexOf(`/${key} (`, latin1.indexOf('/Type /Sig')) + key.length + 3;
  const bytes: number[] = [];
  for (let i = start; latin1[i] !== ')'; i++) {
    if (latin1[i] === '\\') {
      i++;
      bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[latin1[i]!] ?? latin1.charCodeAt(i));
    } else bytes.push(latin1.charCodeAt(i));
  }
  const buf = Buffer.from(bytes);
  expect([...buf.subarray(0, 2)]).toEqual([0xfe, 0xff]);
  return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
}

/** The object numbers of the pages, in order, and of the page whose dictionary the signature's update rewrote with /Annots. */
function pagesAndAnnotatedPage(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const kids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/u.exec(text)![1]!;
  const pages = [...kids.matchAll(/(\d+) 0 R/gu)].map((m) => Number(m[1]));
  const update = text.slice(byteRange(pdf)[2]);
  const annotated = Number(/(\d+) 0 obj\s*<<\s*\/Type \/Page\b[\s\S]*?\/Annots/u.exec(update)![1]);
  return { pages, annotated };
}

describe('PAdES signatures that pdfsig verifies', () => {
  let signer: CmsSigner;
  beforeAll(() => {
    signer = forgeCmsSigner(opensslCertificate('Nguyễn Văn An', 'UBND xã An Lạc'));
  });

  it('signs the report with a visible signature box: pdfsig says the signature is valid', async () => {
    const { pdf, signatureBox } = await renderPdfWithLayout(sampleModel(), { signature: appearance });
    expect(signatureBox).not.toBeNull();
    const signed = await signPdf(pdf, signer, { ...options, widget: signatureBox });
    const report = pdfsig(signed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signer Certificate Common Name: Nguyễn Văn An');
    expect(report).toContain('Signature Type: adbe.pkcs7.detached');
    expect(report).toContain('Total document signed');
    expect(popplerComplaints(signed)).toBe('');
    // The signature dictionary's text strings are UTF-16BE with a BOM, Vietnamese intact.
    expect(textString(signed, 'Name')).toBe('Nguyễn Văn An');
    expect(textString(signed, 'Location')).toBe('Hải Phòng');
    expect(textString(signed, 'ContactInfo')).toBe('Ủy ban nhân dân xã An Lạc');
    // The signer block (LEGAL R19): who, the organisation, the time as ISO 8601 in +07:00.
    const text = pdfText(signed);
    expect(text).toContain('Ký bởi: Nguyễn Văn An');
    expect(text).toContain('Cơ quan: Ủy ban nhân dân xã An Lạc');
    expect(text).toContain('Thời gian ký: 2026-11-23T10:15:00+07:00');
    // The widget covers the box, on its page.
    const rect = /\/Rect \[([\d. ]+)\]/u.exec(signed.toString('latin1'))![1]!.split(' ').map(Number);
    expect(rect).toEqual(signatureBox!.rect);
    const { pages, annotated } = pagesAndAnnotatedPage(signed);
    expect(annotated).toBe(pages[signatureBox!.pageIndex]);
    savePageImages(signed, 'signed-report');
  });

  it('fails once one byte of the signed content is changed', async () => {
    const { pdf, signatureBox } = await renderPdfWithLayout(sampleModel(), { signature: appearance });
    const signed = await signPdf(pdf, signer, { ...options, widget: signatureBox });
    const [, firstLength] = byteRange(signed);
    // A byte inside the first page's compressed content stream, well within the first signed range.
    const streamAt = signed.indexOf('stream\n', 200) + 'stream\n'.length;
    const at = streamAt + 40;
    expect(at).toBeLessThan(firstLength);
    const tampered = Buffer.from(signed);
    tampered[at] = tampered[at]! ^ 0x01;
    const report = pdfsig(tampered);
    expect(report).not.toContain('Signature is Valid');
    expect(report).toContain('Signature Validation: Digest Mismatch.');
  });

  it('puts the widget on the page where the signer block lands', async () => {
    const long = sampleModel({
      body: Array.from({ length: 18 }, (_, i) => ({
        kind: 'paragraph' as const,
        runs: [
          {
            text: `Đoạn ${i + 1}: tình hình sản xuất nông nghiệp, công nghiệp và dịch vụ trên địa bàn tiếp tục ổn định, thu ngân sách đạt khá.`,
          },
        ],
      })),
    });
    const { pdf, signatureBox } = await renderPdfWithLayout(long, { signature: appearance });
    expect(signatureBox!.pageIndex).toBe(1);
    const signed = await signPdf(pdf, signer, { ...options, widget: signatureBox });
    expect(pdfsig(signed)).toContain('Signature Validation: Signature is Valid.');
    const { pages, annotated } = pagesAndAnnotatedPage(signed);
    expect(annotated).toBe(pages[1]);
    expect(pdfText(signed, { first: 2, last: 2 })).toContain('Ký bởi: Nguyễn Văn An');
    expect(pdfText(signed, { first: 1, last: 1 })).not.toContain('Ký bởi');
    savePageImages(signed, 'signed-report-page-2');
  });

  it('signs a document without an appearance with an invisible signature, still valid', async () => {
    const { pdf, signatureBox } = await renderPdfWithLayout(sampleModel());
    expect(signatureBox).toBeNull();
    expect(pdfText(pdf)).not.toContain('Ký bởi');
    const signed = await signPdf(pdf, signer, options);
    expect(pdfsig(signed)).toContain('Signature Validation: Signature is Valid.');
    expect(/\/Rect \[([\d. ]+)\]/u.exec(signed.toString('latin1'))![1]).toBe('0 0 0 0');
  });
});

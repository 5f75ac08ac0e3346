import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorityLines, issuerLines, placeName, summaryOf, unitSymbol } from './build.ts';
import { renderDocx } from './docx.ts';
import { cellText, formTable, vietnameseNumber } from './form-table.ts';
import { appendixNote, numberLine, placeDateLine, recipientLines, vietnamIsoTime } from './model.ts';
import { narrativeBlocks } from './narrative.ts';
import { renderPdf } from './pdf.ts';
import {
  docxParagraphs,
  docxParts,
  paragraph,
  pdfFonts,
  pdfInfo,
  pdfText,
  popplerComplaints,
  savePageImages,
} from './poppler.test-support.ts';
import { SAMPLE_VALUES, sampleForm, sampleModel, VIETNAMESE_LETTERS } from './samples.test-support.ts';

describe('the lines ND 30 writes', () => {
  it('numbers below 10 with a leading zero, and a blank number before issuance', () => {
    expect(numberLine({ number: { value: 7, symbol: 'BC-UBND' } })).toBe('Số: 07/BC-UBND');
    expect(numberLine({ number: { value: 112, symbol: 'BC-SKHĐT' } })).toBe('Số: 112/BC-SKHĐT');
    expect(numberLine({ number: { value: null, symbol: 'BC-UBND' } })).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND');
  });

  it('writes days below 10 and the months January and February with a leading zero', () => {
    expect(placeDateLine({ place: 'Hải Phòng', date: '2026-01-05' })).toBe('Hải Phòng, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine({ place: 'Hải Phòng', date: '2026-03-09' })).toBe('Hải Phòng, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine({ place: 'Hải Phòng', date: '2026-11-23' })).toBe('Hải Phòng, ngày 23 tháng 11 năm 2026');
  });

  it('lists recipients with "- " and ends with the archive line', () => {
    expect(recipientLines({ recipients: ['Sở Tài chính', 'Văn phòng UBND'], archive: 'Lưu: VT, UBND' })).toEqual([
      '- Sở Tài chính;',
      '- Văn phòng UBND;',
      '- Lưu: VT, UBND.',
    ]);
  });

  it('shows the signing time as ISO 8601 in +07:00, across midnight too', () => {
    expect(vietnamIsoTime(new Date('2026-11-23T03:15:00Z'))).toBe('2026-11-23T10:15:00+07:00');
    expect(vietnamIsoTime(new Date('2026-12-31T17:30:05.900Z'))).toBe('2027-01-01T00:30:05+07:00');
  });

  it('names the report an appendix belongs to', () => {
    expect(appendixNote(sampleModel())).toBe('(Kèm theo Báo cáo số 07/BC-UBND ngày 23/11/2026 của Ủy ban nhân dân xã An Lạc)');
  });
});

describe('header, symbol, summary and signer from the units and the regime', () => {
  it('issues a committee as "ỦY BAN NHÂN DÂN / XÃ …" and another unit under its parent agency', () => {
    expect(issuerLines({ name: 'UBND xã An Lạc', kind: 'commune' }, { name: 'UBND thành phố Hải Phòng' })).toEqual({
      parent: [],
      unit: ['ỦY BAN NHÂN DÂN', 'XÃ AN LẠC'],
    });
    expect(issuerLines({ name: 'Sở Tài chính', kind: 'department' }, { name: 'UBND thành phố Hải Phòng' })).toEqual({
      parent: ['ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG'],
      unit: ['SỞ TÀI CHÍNH'],
    });
  });

  it('derives the symbol from the unit: UBND for committees, initials otherwise', () => {
    expect(unitSymbol({ name: 'UBND phường Hòa Bình', shortName: 'Phường Hòa Bình', kind: 'ward' })).toBe('UBND');
    expect(unitSymbol({ name: 'Sở Kế hoạch và Đầu tư', shortName: null, kind: 'department' })).toBe('SKHĐT');
    expect(unitSymbol({ name: 'Ban Quản lý Khu kinh tế Hải Phòng', shortName: 'Ban Quản lý KKT', kind: 'department' })).toBe('BQLKKT');
  });

  it('takes the place from the province', () => {
    expect(placeName({ name: 'UBND thành phố Hải Phòng', shortName: 'Thành phố Hải Phòng' })).toBe('Hải Phòng');
    expect(placeName({ name: 'UBND tỉnh Cao Bằng', shortName: null })).toBe('Cao Bằng');
  });

  it('writes the summary as the regime subject for the period', () => {
    expect(summaryOf('Báo cáo tình hình kinh tế - xã hội hằng tháng', 'Tháng 1/2026')).toBe('Tình hình kinh tế - xã hội tháng 1/2026');
    expect(summaryOf('Báo cáo kết quả thu ngân sách', 'Quý IV/2026')).toBe('Kết quả thu ngân sách quý IV/2026');
  });

  it('signs on behalf of the committee, a deputy for the head', () => {
    expect(authorityLines('commune', null)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(authorityLines('commune', 'Phó Chủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(authorityLines('department', 'Giám đốc')).toEqual(['GIÁM ĐỐC']);
    expect(authorityLines('department', 'Phó Giám đốc')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });
});

describe('numbers and tables in Vietnamese format', () => {
  it('groups thousands with "." and uses "," for decimals, digit for digit', () => {
    expect(vietnameseNumber('1234567.5')).toBe('1.234.567,5');
    expect(vietnameseNumber('1234567.5', 0)).toBe('1.234.568');
    expect(vietnameseNumber('12.25', 1)).toBe('12,3');
    expect(vietnameseNumber('-0.04', 1)).toBe('0,0');
    expect(vietnameseNumber('123456789012345678901234567890.1')).toBe('123.456.789.012.345.678.901.234.567.890,1');
    expect(cellText('2026-03-09', { type: 'date' })).toBe('09/03/2026');
    expect(cellText(true, { type: 'boolean' })).toBe('Có');
  });

  it('lays out a form: grouped header, numbering row, inputs and computed figures, hatched cells', () => {
    const table = formTable(sampleForm(), SAMPLE_VALUES);
    expect(table.header.map((row) => row.map((c) => [c.text, c.colSpan, c.rowSpan]))).toEqual([
      [
        ['STT', 1, 2],
        ['Chỉ tiêu', 1, 2],
        ['Đơn vị tính', 1, 2],
        ['Kế hoạch năm', 1, 2],
        ['Thực hiện', 2, 1],
        ['So với kế hoạch (%)', 1, 2],
      ],
      [
        ['Kỳ này', 1, 1],
        ['Lũy kế từ đầu năm', 1, 1],
      ],
      ['A', 'B', 'C', '1', '2', '3', '4'].map((t) => [t, 1, 1]),
    ]);
    const byName = new Map(table.rows.map((r) => [r.cells[1], r]));
    // R1 = R11 + R12: 2.000.000 + 500; 1.234.567,5 + 12,25; SS = 1.234.579,75 / 2.000.500 × 100 = 61,71… → 61,7
    expect(byName.get('Thu ngân sách nhà nước')).toEqual({
      cells: ['II', 'Thu ngân sách nhà nước', 'Triệu đồng', '2.000.500', '1.234.579,75', '1.234.579,75', '61,7'],
      level: 0,
      bold: true,
    });
    expect(byName.get('Thu nội địa')!.cells.slice(3)).toEqual(['2.000.000', '1.234.567,5', '1.234.567,5', '61,7']);
    expect(byName.get('Thu nội địa')!.level).toBe(1);
    // R2 has no plan (hatched), so the percentage is empty.
    expect(byName.get('Chi ngân sách địa phương')!.cells.slice(3)).toEqual(['x', '-300', '750,5', '']);
    expect(byName.get('Thu, chi ngân sách')).toEqual({ cells: ['I', 'Thu, chi ngân sách', '', '', '', '', ''], level: 0, bold: true });
  });
});

describe('narrative documents as blocks', () => {
  it('keeps paragraphs, marks, lists and quoted figures; drops empty paragraphs', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Thu ngân sách đạt ' },
            { type: 'figure', attrs: { key: 'thu' } },
            { type: 'text', text: ' tỷ đồng, ' },
            { type: 'text', text: 'tăng', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' 5%', marks: [{ type: 'italic' }, { type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'Chi: ' },
            { type: 'figure', attrs: { key: 'chi' } },
          ],
        },
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Một' }] }] },
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'Hai' }] },
                {
                  type: 'orderedList',
                  attrs: { start: 3 },
                  content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ba' }] }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const blocks = narrativeBlocks(doc, (key) => (key === 'thu' ? '1.234,5' : null));
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        runs: [{ text: 'Thu ngân sách đạt 1.234,5 tỷ đồng, ' }, { text: 'tăng', bold: true }, { text: ' 5%', bold: true, italic: true }],
      },
      { kind: 'paragraph', runs: [{ text: 'Chi: …' }] },
      { kind: 'item', marker: '-', depth: 0, runs: [{ text: 'Một' }] },
      { kind: 'item', marker: '-', depth: 0, runs: [{ text: 'Hai' }] },
      { kind: 'item', marker: '3.', depth: 1, runs: [{ text: 'Ba' }] },
    ]);
  });
});

describe('the DOCX', () => {
  it('opens as a zip whose text has the header block, title, summary, body and table values', async () => {
    const parts = await docxParts(await renderDocx(sampleModel()));
    const text = docxParagraphs(parts.get('word/document.xml')!)
      .map((p) => p.text)
      .join('\n');
    for (const expected of [
      'ỦY BAN NHÂN DÂN',
      'XÃ AN LẠC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 07/BC-UBND',
      'Hải Phòng, ngày 23 tháng 11 năm 2026',
      'BÁO CÁO',
      'Tình hình kinh tế - xã hội tháng 11/2026',
      VIETNAMESE_LETTERS,
      'BIỂU 01: TÌNH HÌNH THU, CHI NGÂN SÁCH',
      '1.234.567,5',
      '2.000.500',
      '61,7',
      'Nguyễn Văn An',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('sets the header block, title, recipients and signer in the sizes and styles of ND 30 (golden style runs)', async () => {
    const parts = await docxParts(await renderDocx(sampleModel()));
    const ps = docxParagraphs(parts.get('word/document.xml')!);
    const style = (text: string) => {
      const p = paragraph(ps, text);
      expect(p.runs.length, text).toBeGreaterThan(0);
      const [first] = p.runs;
      // One style for the whole line.
      for (const r of p.runs) expect({ ...r, text: '' }, text).toEqual({ ...first!, text: '' });
      const upper = text === text.toLocaleUpperCase('vi');
      return { size: first!.size, bold: first!.bold, italic: first!.italic, caps: upper || first!.caps, align: p.align };
    };
    const golden: [string, ReturnType<typeof style>][] = [
      ['ỦY BAN NHÂN DÂN', { size: 13, bold: true, italic: false, caps: true, align: 'center' }],
      ['XÃ AN LẠC', { size: 13, bold: true, italic: false, caps: true, align: 'center' }],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true, italic: false, caps: true, align: 'center' }],
      ['Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, italic: false, caps: false, align: 'center' }],
      ['Số: 07/BC-UBND', { size: 13, bold: false, italic: false, caps: false, align: 'center' }],
      ['Hải Phòng, ngày 23 tháng 11 năm 2026', { size: 14, bold: false, italic: true, caps: false, align: 'center' }],
      ['BÁO CÁO', { size: 14, bold: true, italic: false, caps: true, align: 'center' }],
      ['Tình hình kinh tế - xã hội tháng 11/2026', { size: 14, bold: true, italic: false, caps: false, align: 'center' }],
      ['Nơi nhận:', { size: 12, bold: true, italic: true, caps: false, align: 'left' }],
      ['- Văn phòng UBND thành phố Hải Phòng;', { size: 11, bold: false, italic: false, caps: false, align: 'left' }],
      ['- Lưu: VT, UBND.', { size: 11, bold: false, italic: false, caps: false, align: 'left' }],
      ['TM. ỦY BAN NHÂN DÂN', { size: 14, bold: true, italic: false, caps: true, align: 'center' }],
      ['CHỦ TỊCH', { size: 14, bold: true, italic: false, caps: true, align: 'center' }],
      ['Nguyễn Văn An', { size: 14, bold: true, italic: false, caps: false, align: 'center' }],
    ];
    for (const [text, expected] of golden) expect(style(text), text).toEqual(expected);

    // The recipients: the label, then each line "- …", the archive line last.
    const label = ps.findIndex((p) => p.text === 'Nơi nhận:');
    expect(ps.slice(label + 1, label + 4).map((p) => p.text)).toEqual([
      '- Văn phòng UBND thành phố Hải Phòng;',
      '- Sở Tài chính;',
      '- Lưu: VT, UBND.',
    ]);
    // Body: 14 pt, justified, first line indented 1 cm (567 twips); headings bold.
    const body = ps.find((p) => p.text.startsWith('Trong tháng, thu ngân sách'))!;
    expect([body.align, body.firstLineIndent, body.runs[0]!.size, body.runs[0]!.bold]).toEqual(['both', 567, 14, false]);
    expect(body.runs.find((r) => r.text === '1.234.580 triệu đồng')!.bold).toBe(true);
    expect(body.runs.find((r) => r.text === '49,4%')!.italic).toBe(true);
    const heading = paragraph(ps, 'I. Tình hình chung');
    expect([heading.runs[0]!.bold, heading.runs[0]!.size, heading.firstLineIndent]).toEqual([true, 14, 567]);
  });

  it('is A4 portrait with the margins of ND 30, Times New Roman, page numbers in the header from page 2', async () => {
    const parts = await docxParts(await renderDocx(sampleModel()));
    const xml = parts.get('word/document.xml')!;
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 20 mm = 1134 twips, 15 mm = 850, 30 mm = 1701.
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/u);
    expect(xml).toContain('<w:titlePg/>');
    expect(parts.get('word/styles.xml')).toContain('<w:rFonts w:ascii="Times New Roman"');
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const headerOf = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`, 'u').exec(xml)![1];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`, 'u').exec(rels)![1];
      return parts.get(`word/${target}`)!;
    };
    expect(headerOf('default')).toMatch(/PAGE/u);
    expect(headerOf('default')).toContain('<w:sz w:val="26"/>');
    expect(headerOf('first')).not.toMatch(/PAGE/u);
    // The table's header rows (two of column names, one of numbering) repeat on each page.
    expect(xml.match(/<w:tblHeader\/>/gu)).toHaveLength(3);
  });
});

describe('the PDF', () => {
  it('embeds Liberation Serif and keeps all 134 Vietnamese letters with diacritics through pdftotext', async () => {
    const pdf = await renderPdf(sampleModel());
    expect(popplerComplaints(pdf)).toBe('');
    const fonts = pdfFonts(pdf);
    // Embedded, subset, with a ToUnicode map (emb, sub, uni).
    for (const name of ['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-Italic']) {
      expect(fonts).toMatch(new RegExp(`\\+${name}\\s.*\\byes\\s+yes\\s+yes`, 'u'));
    }
    expect([...VIETNAMESE_LETTERS]).toHaveLength(134);
    const text = pdfText(pdf);
    expect(text.replace(/\s+/gu, '')).toContain(VIETNAMESE_LETTERS);
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 07/BC-UBND',
      'Hải Phòng, ngày 23 tháng 11 năm 2026',
      'Tình hình kinh tế - xã hội tháng 11/2026',
      'Nơi nhận:',
      '- Lưu: VT, UBND.',
      '1.234.567,5',
      '1.234.579,75',
    ]) {
      expect(text).toContain(line);
    }
  });

  it('is A4, numbers pages from 2 in the top margin, and saves its page images', async () => {
    const pdf = await renderPdf(sampleModel());
    expect(pdfInfo(pdf)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/u);
    expect(pdfText(pdf, { first: 1, last: 1 }).trimStart().startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(pdfText(pdf, { first: 2, last: 2 }).trimStart().split('\n')[0]).toBe('2');
    const images = savePageImages(pdf, 'sample-report');
    expect(images).toHaveLength(2);
    for (const file of images) expect(existsSync(file) && statSync(file).size > 10_000).toBe(true);
  });

  it('repeats the table header on every page of a long table', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      id: `r${i}`,
      code: `R${i}`,
      name: `Chỉ tiêu số ${i + 1}`,
      unit: 'Người',
      kind: 'input' as const,
    }));
    const form = sampleForm({ rows, disabledCells: [] });
    const values = Object.fromEntries(rows.map((r, i) => [`${r.code}:KN`, String(1000 * i + 0.5)]));
    const pdf = await renderPdf(sampleModel({ tables: [formTable(form, values)] }));
    const pages = Number(/Pages:\s+(\d+)/u.exec(pdfInfo(pdf))![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let page = 3; page <= pages; page++) {
      const text = pdfText(pdf, { first: page, last: page });
      expect(text.trimStart().split('\n')[0], `page ${page}`).toBe(String(page));
      expect(text, `page ${page}`).toContain('Chỉ tiêu');
      expect(text, `page ${page}`).toContain('Kế hoạch');
    }
    expect(pdfText(pdf)).toContain('119.000,5');
    savePageImages(pdf, 'long-table');
  });
});

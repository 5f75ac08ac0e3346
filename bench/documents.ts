/**
 * Official documents benchmark (issue 7): a report in the ND 30/2020 layout with a narrative and one
 * table form of 300 rows, then of 2,000 rows (× 8 data columns, nested totals, computed columns),
 * rendered as DOCX and as PDF (pdfmake, Liberation Serif embedded). Pure rendering, no database.
 * Run: npx tsx bench/documents.ts. Prints figures; never fails on time.
 */
import { defineForm, flattenRows, type Form } from '../packages/core/src/index.ts';
import { renderDocx } from '../packages/server/src/modules/documents/docx.ts';
import { formTable } from '../packages/server/src/modules/documents/form-table.ts';
import type { ReportDocumentModel } from '../packages/server/src/modules/documents/model.ts';
import { renderPdf } from '../packages/server/src/modules/documents/pdf.ts';
import { benchForm } from './big-form.ts';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

function formOf(groups: number, items: number): Form {
  return defineForm(
    benchForm({
      name: 'Biểu 01: Tình hình kinh tế - xã hội',
      code: '01/KTXH',
      groups,
      items,
      extraColumns: [
        { code: 'D1', name: 'Số đơn vị báo cáo' },
        { code: 'D2', name: 'Số đơn vị đạt' },
        { code: 'D3', name: 'Dự kiến kỳ sau' },
      ],
    }),
  );
}

function valuesOf(form: Form): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { row } of flattenRows(form)) {
    if (row.kind !== 'input') continue;
    values[`${row.code}:KH`] = '1234567.5';
    values[`${row.code}:KN`] = '98765.25';
    values[`${row.code}:CK`] = '87654';
    values[`${row.code}:D1`] = '12';
  }
  return values;
}

function model(form: Form, values: Record<string, string>): ReportDocumentModel {
  const paragraph = (text: string) => ({ kind: 'paragraph' as const, runs: [{ text }] });
  return {
    issuer: { parent: [], unit: ['ỦY BAN NHÂN DÂN', 'XÃ AN LẠC'] },
    number: { value: 12, symbol: 'BC-UBND' },
    place: 'Hải Phòng',
    date: '2026-11-23',
    title: 'BÁO CÁO',
    summary: 'Tình hình kinh tế - xã hội tháng 11/2026',
    body: [
      { kind: 'heading', level: 0, runs: [{ text: 'I. Tình hình chung' }] },
      ...Array.from({ length: 8 }, (_, i) =>
        paragraph(`Đoạn ${i + 1}: sản xuất nông nghiệp ổn định, thu ngân sách đạt khá, an sinh xã hội được bảo đảm trên địa bàn xã.`),
      ),
    ],
    tables: [formTable(form, values)],
    recipients: ['Văn phòng UBND thành phố Hải Phòng'],
    archive: 'Lưu: VT, UBND',
    signer: { authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn An' },
    organisation: 'Ủy ban nhân dân xã An Lạc',
  };
}

async function measure(label: string, groups: number, items: number) {
  const form = formOf(groups, items);
  const values = valuesOf(form);
  const tableMs: number[] = [];
  const docxMs: number[] = [];
  const pdfMs: number[] = [];
  let sizes = { docx: 0, pdf: 0 };
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const doc = model(form, values);
    tableMs.push(performance.now() - t);
    t = performance.now();
    const docx = await renderDocx(doc);
    docxMs.push(performance.now() - t);
    t = performance.now();
    const pdf = await renderPdf(doc);
    pdfMs.push(performance.now() - t);
    sizes = { docx: docx.length, pdf: pdf.length };
  }
  const rows = flattenRows(form).length;
  console.log(`${label}: ${rows} rows × 8 columns (median of ${RUNS})`);
  console.log(`  evaluate + format the table: ${ms(median(tableMs))}`);
  console.log(`  DOCX:                        ${ms(median(docxMs))}   ${(sizes.docx / 1024).toFixed(0)} KB`);
  console.log(`  PDF:                         ${ms(median(pdfMs))}   ${(sizes.pdf / 1024).toFixed(0)} KB`);
}

// Warm up: fonts read and parsed once per process, code compiled.
await renderPdf(model(formOf(1, 1), {}));
await measure('300-row report', 2, 6);
await measure('2,000-row report', 9, 10);

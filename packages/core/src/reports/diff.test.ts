import { describe, expect, it } from 'vitest';
import type { ReportData } from '../api/reports.ts';
import { applyReportPatch } from './data.ts';
import { diffReportData, LIST_CHANGE_LIMIT } from './diff.ts';
import { attachment, completeReport, forms, LIST, OUTLINE, section, TABLE } from './fixtures.test-support.ts';

const v = (versionNo: number, data: ReportData) => ({ versionNo, data });

describe('diffReportData', () => {
  it('finds nothing between a version and itself', () => {
    const data = completeReport();
    expect(diffReportData(forms, v(1, data), v(2, structuredClone(data)))).toEqual({
      from: 1,
      to: 2,
      cells: [],
      narrative: [],
      attachmentsAdded: [],
      attachmentsRemoved: [],
    });
  });

  it('lists changed cells in row then column order with "STT – name" and grouped column labels; equal decimals are unchanged', () => {
    const before = completeReport();
    const after = applyReportPatch(before, {
      forms: {
        [TABLE]: { values: { 'DV:GC': null, 'DV:DK': true, 'ND:KN': '100.00', 'XNK:KN': '55', 'DV:SL': '3.0', 'ZZ:KN': '1' } },
      },
    });
    expect(diffReportData(forms, v(1, before), v(2, after)).cells).toEqual([
      {
        formVersionId: TABLE,
        formCode: '01/TC-NS',
        row: 'XNK',
        col: 'KN',
        rowLabel: '1.2 – Thu xuất nhập khẩu',
        colLabel: 'Thực hiện / Kỳ này',
        before: '50',
        after: '55',
      },
      {
        formVersionId: TABLE,
        formCode: '01/TC-NS',
        row: 'DV',
        col: 'DK',
        rowLabel: '2 – Đơn vị báo cáo',
        colLabel: 'Đã kiểm tra',
        before: null,
        after: true,
      },
      {
        formVersionId: TABLE,
        formCode: '01/TC-NS',
        row: 'DV',
        col: 'GC',
        rowLabel: '2 – Đơn vị báo cáo',
        colLabel: 'Ghi chú',
        before: 'Số liệu sơ bộ',
        after: null,
      },
      {
        formVersionId: TABLE,
        formCode: '01/TC-NS',
        row: 'ZZ',
        col: 'KN',
        rowLabel: 'ZZ',
        colLabel: 'Thực hiện / Kỳ này',
        before: null,
        after: '1',
      },
    ]);
  });

  it('treats an empty string as an empty cell', () => {
    const before = completeReport();
    const after = applyReportPatch(before, { forms: { [TABLE]: { values: { 'ND:GC': '' } } } });
    expect(diffReportData(forms, v(1, before), v(2, after)).cells).toEqual([]);
  });

  it('lists outline sections whose text changed, titled with their number', () => {
    const before = completeReport();
    const after = applyReportPatch(before, {
      narrative: {
        [OUTLINE]: { s1: section('Thu ngân sách vượt kế hoạch 5%.'), s1b: section('Thiếu cán bộ.'), s2: section('Đề nghị bổ sung vốn.') },
      },
    });
    expect(diffReportData(forms, v(1, before), v(2, after)).narrative).toEqual([
      {
        formVersionId: OUTLINE,
        sectionId: 's1',
        sectionTitle: 'I. Tình hình chung',
        before: 'Thu ngân sách đạt kế hoạch.',
        after: 'Thu ngân sách vượt kế hoạch 5%.',
      },
      { formVersionId: OUTLINE, sectionId: 's1b', sectionTitle: '2. Khó khăn, vướng mắc', before: '', after: 'Thiếu cán bộ.' },
    ]);
  });

  it('names attachments added and removed; new content under an old name is both', () => {
    const before = { ...completeReport(), attachments: [attachment('quyet-dinh.pdf', 'a'), attachment('so-lieu.xlsx', 'b')] };
    const after = {
      ...before,
      attachments: [attachment('quyet-dinh.pdf', 'a'), attachment('so-lieu.xlsx', 'c'), attachment('to-trinh.docx', 'd')],
    };
    const diff = diffReportData(forms, v(1, before), v(2, after));
    expect(diff.attachmentsAdded).toEqual(['so-lieu.xlsx', 'to-trinh.docx']);
    expect(diff.attachmentsRemoved).toEqual(['so-lieu.xlsx']);
    expect(diffReportData(forms, v(2, after), v(1, before)).attachmentsAdded).toEqual(['so-lieu.xlsx']);
  });

  it('compares list records by position and column; an added record shows its values', () => {
    const before = completeReport();
    const after = applyReportPatch(before, {
      forms: {
        [LIST]: {
          records: [
            { TEN: 'Trường tiểu học', MA: 'DA01', NSTW: '1200.0', NSDP: '900', KC: '2025-03-01' },
            { TEN: 'Cầu', MA: 'DA02' },
          ],
        },
      },
    });
    const list = (c: { rowLabel: string; colLabel: string; before: unknown; after: unknown }) =>
      `${c.rowLabel} / ${c.colLabel}: ${String(c.before)} → ${String(c.after)}`;
    expect(diffReportData(forms, v(1, before), v(2, after)).cells.map(list)).toEqual([
      'Bản ghi thứ 1 / Vốn / Địa phương: 800 → 900',
      'Bản ghi thứ 2 / Tên dự án: null → Cầu',
      'Bản ghi thứ 2 / Mã dự án: null → DA02',
    ]);
  });

  it(`sums up a list change of more than ${LIST_CHANGE_LIMIT} cells in one line`, () => {
    const before = completeReport();
    const records = Array.from({ length: LIST_CHANGE_LIMIT }, (_, i) => ({ TEN: `Dự án ${i + 1}`, MA: `DA${i + 1}` }));
    const after = applyReportPatch(before, { forms: { [LIST]: { records } } });
    expect(diffReportData(forms, v(1, before), v(2, after)).cells).toEqual([
      {
        formVersionId: LIST,
        formCode: '03/DS-DA',
        row: '',
        col: '',
        rowLabel: 'Danh sách',
        // Record 1: all 5 input columns differ; records 2…N: name and code.
        colLabel: `${5 + (LIST_CHANGE_LIMIT - 1) * 2} ô thay đổi`,
        before: '1 bản ghi',
        after: `${LIST_CHANGE_LIMIT} bản ghi`,
      },
    ]);
  });

  it('leaves out data of forms the report does not list', () => {
    const before = completeReport();
    const after = applyReportPatch(before, { forms: { 'v-other': { values: { 'A:B': '1' } } } });
    expect(diffReportData(forms, v(1, before), v(2, after)).cells).toEqual([]);
  });
});

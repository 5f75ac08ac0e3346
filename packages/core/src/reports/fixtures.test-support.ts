import type { ReportAttachment, ReportData } from '../api/reports.ts';
import { defineListForm } from '../forms/list.ts';
import { defineForm } from '../forms/model.ts';
import { defineOutline } from '../forms/outline.ts';
import { emptyReportData } from './data.ts';
import type { ReportFormDefinitions } from './evaluate.ts';

/**
 * Hand-written forms of one reporting regime, as a Sở Tài chính would ask a commune for them:
 * a budget table with a computed total, period formulas and a warning; a list of projects; an outline.
 */

/** 01/TC-NS: rows 1 (total = 1.1 + 1.2), 1.1, 1.2, 2; "Thực hiện" over Kỳ này (input) and Lũy kế (YTD). */
export const budgetForm = defineForm({
  name: 'Báo cáo thu ngân sách',
  code: '01/TC-NS',
  sttStyles: ['arabic', 'nested'],
  rows: [
    {
      id: 'r1',
      code: 'THU',
      name: 'Thu ngân sách',
      kind: 'computed',
      formula: 'SUM(CHILDREN)',
      children: [
        { id: 'r2', code: 'ND', name: 'Thu nội địa', kind: 'input' },
        { id: 'r3', code: 'XNK', name: 'Thu xuất nhập khẩu', kind: 'input' },
      ],
    },
    { id: 'r4', code: 'DV', name: 'Đơn vị báo cáo', kind: 'input' },
  ],
  columns: [
    {
      kind: 'group',
      name: 'Thực hiện',
      children: [
        { code: 'KN', name: 'Kỳ này', type: 'number', checks: ['non_negative'] },
        { code: 'LK', name: 'Lũy kế', type: 'number', kind: 'computed', formula: 'YTD(KN)' },
      ],
    },
    { code: 'KT', name: 'Kỳ trước', type: 'number', kind: 'computed', formula: 'PREV(KN)' },
    { code: 'SL', name: 'Số đơn vị', type: 'integer' },
    { code: 'TL', name: 'Tỷ lệ', type: 'percent' },
    { code: 'NG', name: 'Ngày số liệu', type: 'date' },
    { code: 'DK', name: 'Đã kiểm tra', type: 'boolean' },
    { code: 'GC', name: 'Ghi chú', type: 'text' },
  ],
  disabledCells: [{ row: 'XNK', col: 'SL' }],
  constraints: [
    {
      id: 'tang-gap-doi',
      expression: 'KN <= 2 * KT',
      message: 'Kỳ này tăng hơn gấp đôi kỳ trước, cần giải trình.',
      severity: 'warning',
      scope: { kind: 'cell', row: 'THU', col: 'KN' },
    },
  ],
});

/** 03/DS-DA: projects; at most 3; TONG = NSTW + NSDP. */
export const projectList = defineListForm({
  name: 'Danh sách dự án',
  code: '03/DS-DA',
  maxRecords: 3,
  columns: [
    { code: 'TEN', name: 'Tên dự án', checks: ['required'], maxLength: 20 },
    { code: 'MA', name: 'Mã dự án', checks: ['required', 'unique'] },
    {
      kind: 'group',
      name: 'Vốn',
      children: [
        { code: 'NSTW', name: 'Trung ương', type: 'number', checks: ['non_negative'] },
        { code: 'NSDP', name: 'Địa phương', type: 'number' },
        { code: 'TONG', name: 'Tổng', type: 'number', kind: 'computed', formula: 'NSTW + NSDP', checks: ['non_negative'] },
      ],
    },
    { code: 'KC', name: 'Ngày khởi công', type: 'date' },
  ],
});

/** ĐC-01: I (required) with 1 (at most 50 characters) and 2; II (required). */
export const outline = defineOutline({
  name: 'Đề cương báo cáo tình hình thu ngân sách',
  code: 'ĐC-01',
  sections: [
    {
      id: 's1',
      title: 'Tình hình chung',
      required: true,
      children: [
        { id: 's1a', title: 'Kết quả đạt được', maxLength: 50 },
        { id: 's1b', title: 'Khó khăn, vướng mắc' },
      ],
    },
    { id: 's2', title: 'Kiến nghị', required: true },
  ],
});

export const TABLE = 'v-table';
export const LIST = 'v-list';
export const OUTLINE = 'v-outline';

export const forms: ReportFormDefinitions = [
  { versionId: TABLE, formId: 'f-table', code: budgetForm.code, name: budgetForm.name, kind: 'table', definition: budgetForm },
  { versionId: LIST, code: projectList.code, name: projectList.name, kind: 'list', definition: projectList },
  { versionId: OUTLINE, code: outline.code, name: outline.name, kind: 'outline', definition: outline },
];

export function section(text: string) {
  return { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, text };
}

export function attachment(fileName: string, hashDigit: string): ReportAttachment {
  return {
    id: `00000000-0000-4000-8000-00000000000${hashDigit}`,
    fileName,
    contentType: 'application/pdf',
    size: 1024,
    sha256: hashDigit.repeat(64),
    uploadedAt: '2025-07-10T02:00:00.000Z',
    uploadedBy: 'Nguyễn Văn An',
  };
}

/** A report that passes every check when PREV(THU:KN) ≥ 75. */
export function completeReport(): ReportData {
  const data = emptyReportData();
  data.forms[TABLE] = {
    values: { 'ND:KN': '100', 'XNK:KN': '50', 'DV:SL': '3', 'DV:GC': 'Số liệu sơ bộ' },
    notes: {},
    explanations: {},
  };
  data.forms[LIST] = {
    values: {},
    notes: {},
    explanations: {},
    records: [{ TEN: 'Trường tiểu học', MA: 'DA01', NSTW: '1200', NSDP: '800', KC: '2025-03-01' }],
  };
  data.narrative[OUTLINE] = { s1: section('Thu ngân sách đạt kế hoạch.'), s2: section('Đề nghị bổ sung vốn.') };
  return data;
}

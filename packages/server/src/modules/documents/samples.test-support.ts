import type { FormInput } from '@baocao/core';
import { defineForm } from '@baocao/core';
import { formTable } from './form-table.ts';
import type { ReportDocumentModel } from './model.ts';

/** The 67 Vietnamese lower-case letters with diacritics; with their capitals, the 134 of the alphabet. */
export const VIETNAMESE_LOWER = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
export const VIETNAMESE_LETTERS = VIETNAMESE_LOWER + VIETNAMESE_LOWER.toLocaleUpperCase('vi');

/** A commune's budget form: a total over two inputs, a column group, a computed percentage, a hatched cell. */
export function sampleForm(overrides: Partial<FormInput> = {}) {
  return defineForm({
    name: 'Biểu 01: Tình hình thu, chi ngân sách',
    code: '01/KHĐT',
    rows: [
      { id: 'h', code: 'A', name: 'Thu, chi ngân sách', kind: 'header' },
      {
        id: 'r1',
        code: 'R1',
        name: 'Thu ngân sách nhà nước',
        unit: 'Triệu đồng',
        kind: 'computed',
        formula: 'SUM(CHILDREN)',
        children: [
          { id: 'r11', code: 'R11', name: 'Thu nội địa', unit: 'Triệu đồng', kind: 'input' },
          { id: 'r12', code: 'R12', name: 'Thu từ hoạt động xuất nhập khẩu', unit: 'Triệu đồng', kind: 'input' },
        ],
      },
      { id: 'r2', code: 'R2', name: 'Chi ngân sách địa phương', unit: 'Triệu đồng', kind: 'input' },
      { id: 'r3', code: 'R3', name: 'Ghi chú về số liệu', kind: 'input' },
    ],
    columns: [
      { code: 'KH', name: 'Kế hoạch năm' },
      {
        kind: 'group',
        name: 'Thực hiện',
        children: [
          { code: 'KN', name: 'Kỳ này' },
          { code: 'LK', name: 'Lũy kế từ đầu năm' },
        ],
      },
      { code: 'SS', name: 'So với kế hoạch (%)', type: 'percent', decimals: 1, kind: 'computed', formula: 'PERCENT(LK, KH)' },
    ],
    disabledCells: [{ row: 'R2', col: 'KH' }],
    ...overrides,
  });
}

export const SAMPLE_VALUES = {
  'R11:KH': '2000000',
  'R11:KN': '1234567.5',
  'R11:LK': '1234567.5',
  'R12:KH': '500',
  'R12:KN': '12.25',
  'R12:LK': '12.25',
  'R2:KN': '-300',
  'R2:LK': '750.5',
};

/**
 * A commune's monthly report as the builder makes it, written out by hand: the header of An Lạc's
 * committee in Hải Phòng, a narrative with every Vietnamese letter, bold and italic runs, lists,
 * and the budget form with "1.234.567,5" in a cell.
 */
export function sampleModel(overrides: Partial<ReportDocumentModel> = {}): ReportDocumentModel {
  return {
    issuer: { parent: [], unit: ['ỦY BAN NHÂN DÂN', 'XÃ AN LẠC'] },
    number: { value: 7, symbol: 'BC-UBND' },
    place: 'Hải Phòng',
    date: '2026-11-23',
    title: 'BÁO CÁO',
    summary: 'Tình hình kinh tế - xã hội tháng 11/2026',
    body: [
      { kind: 'heading', level: 0, runs: [{ text: 'I. Tình hình chung' }] },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Trong tháng, thu ngân sách nhà nước trên địa bàn đạt ' },
          { text: '1.234.580 triệu đồng', bold: true },
          { text: ', bằng ' },
          { text: '49,4%', italic: true },
          { text: ' kế hoạch năm. Các chữ cái tiếng Việt: ' },
          { text: VIETNAMESE_LETTERS },
          { text: '.' },
        ],
      },
      { kind: 'heading', level: 1, runs: [{ text: '1. Kết quả đạt được' }] },
      { kind: 'item', marker: '-', depth: 0, runs: [{ text: 'Hoàn thành 100% chỉ tiêu thu nội địa của quý.' }] },
      { kind: 'item', marker: '-', depth: 0, runs: [{ text: 'Giải ngân vốn đầu tư công đạt tiến độ đề ra.' }] },
      { kind: 'heading', level: 0, runs: [{ text: 'II. Kiến nghị, đề xuất' }] },
      { kind: 'paragraph', runs: [{ text: 'Đề nghị Ủy ban nhân dân thành phố quan tâm bố trí vốn cho các công trình thủy lợi.' }] },
      {
        kind: 'paragraph',
        runs: [{ text: 'Trên đây là báo cáo tình hình kinh tế - xã hội tháng 11/2026 của Ủy ban nhân dân xã An Lạc./.' }],
      },
    ],
    tables: [formTable(sampleForm(), SAMPLE_VALUES)],
    recipients: ['Văn phòng UBND thành phố Hải Phòng', 'Sở Tài chính'],
    archive: 'Lưu: VT, UBND',
    signer: { authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn An' },
    organisation: 'Ủy ban nhân dân xã An Lạc',
    ...overrides,
  };
}

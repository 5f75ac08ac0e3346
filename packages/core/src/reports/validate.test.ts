import { describe, expect, it } from 'vitest';
import type { ReportCellValue } from '../api/reports.ts';
import { budgetForm } from './fixtures.test-support.ts';
import { isIsoDate, validateFormValues } from './validate.ts';

const messages = (values: Record<string, ReportCellValue>) => validateFormValues(budgetForm, values).map((p) => p.message);

describe('validateFormValues', () => {
  it('accepts well-typed input values, and null or an empty string anywhere', () => {
    expect(
      validateFormValues(budgetForm, {
        'ND:KN': '1234.5',
        'XNK:KN': '-0.000001',
        'DV:SL': '12',
        'DV:TL': '99.75',
        'DV:NG': '2024-02-29',
        'DV:DK': true,
        'DV:GC': 'Số liệu ước tính',
        'ND:GC': '',
        'THU:KN': null,
        'KHONG_CO:KN': null,
      }),
    ).toEqual([]);
  });

  it('names the row (STT – name) and the column under its group when text is in a number cell', () => {
    expect(validateFormValues(budgetForm, { 'ND:KN': 'abc' })).toEqual([
      { key: 'ND:KN', row: 'ND', col: 'KN', message: 'Dòng "1.1 – Thu nội địa", cột "Thực hiện / Kỳ này": "abc" không phải là số.' },
    ]);
  });

  it('refuses numbers written other than as plain decimal text', () => {
    expect(messages({ 'ND:KN': '1.234,5', 'XNK:KN': '1e5', 'DV:TL': '12%' })).toEqual([
      'Dòng "1.1 – Thu nội địa", cột "Thực hiện / Kỳ này": "1.234,5" không phải là số.',
      'Dòng "1.2 – Thu xuất nhập khẩu", cột "Thực hiện / Kỳ này": "1e5" không phải là số.',
      'Dòng "2 – Đơn vị báo cáo", cột "Tỷ lệ": "12%" không phải là số.',
    ]);
  });

  it('refuses a 16-digit number and a 7th decimal, stating the column range; 15 digits and 6 decimals pass', () => {
    const range = 'vượt quá phạm vi của cột (tối đa 15 chữ số phần nguyên và 6 chữ số thập phân).';
    expect(messages({ 'ND:KN': '1234567890123456', 'XNK:KN': '0.1234567' })).toEqual([
      `Dòng "1.1 – Thu nội địa", cột "Thực hiện / Kỳ này": "1234567890123456" ${range}`,
      `Dòng "1.2 – Thu xuất nhập khẩu", cột "Thực hiện / Kỳ này": "0.1234567" ${range}`,
    ]);
    expect(messages({ 'ND:KN': '-999999999999999.999999', 'XNK:KN': '000000000000000001.5000000' })).toEqual([]);
  });

  it('refuses 1.5 in an integer column but takes 2 and 2.0', () => {
    expect(messages({ 'DV:SL': '1.5' })).toEqual(['Dòng "2 – Đơn vị báo cáo", cột "Số đơn vị": "1.5" không phải là số nguyên.']);
    expect(messages({ 'DV:SL': '2', 'ND:SL': '2.0' })).toEqual([]);
  });

  it('refuses a value in a computed cell, a hatched cell, and a cell of unknown codes, in the grid order', () => {
    expect(
      validateFormValues(budgetForm, { 'XNK:SL': '1', 'THU:KN': '150', 'ND:LK': '5', 'R99:KN': '1', 'ND:C9': '1', 'R99:C9': '1' }),
    ).toEqual([
      {
        key: 'THU:KN',
        row: 'THU',
        col: 'KN',
        message: 'Dòng "1 – Thu ngân sách", cột "Thực hiện / Kỳ này": ô được tính theo công thức, không nhập trực tiếp.',
      },
      {
        key: 'ND:LK',
        row: 'ND',
        col: 'LK',
        message: 'Dòng "1.1 – Thu nội địa", cột "Thực hiện / Lũy kế": ô được tính theo công thức, không nhập trực tiếp.',
      },
      {
        key: 'XNK:SL',
        row: 'XNK',
        col: 'SL',
        message: 'Dòng "1.2 – Thu xuất nhập khẩu", cột "Số đơn vị": ô bị gạch chéo, không nhập số liệu.',
      },
      { key: 'R99:KN', row: 'R99', col: 'KN', message: 'Ô [R99:KN] không có trong biểu mẫu: không có mã dòng "R99".' },
      { key: 'ND:C9', row: 'ND', col: 'C9', message: 'Ô [ND:C9] không có trong biểu mẫu: không có mã cột "C9".' },
      { key: 'R99:C9', row: 'R99', col: 'C9', message: 'Ô [R99:C9] không có trong biểu mẫu: không có mã dòng "R99" và cột "C9".' },
    ]);
  });

  it('checks booleans, dates and text by their column type', () => {
    expect(messages({ 'DV:DK': 'có', 'DV:NG': '2025-02-29', 'ND:NG': '01/07/2025', 'DV:GC': true, 'ND:KN': false })).toEqual([
      'Dòng "1.1 – Thu nội địa", cột "Thực hiện / Kỳ này": "Không" không phải là số.',
      'Dòng "1.1 – Thu nội địa", cột "Ngày số liệu": "01/07/2025" không phải là ngày hợp lệ.',
      'Dòng "2 – Đơn vị báo cáo", cột "Ngày số liệu": "2025-02-29" không phải là ngày hợp lệ.',
      'Dòng "2 – Đơn vị báo cáo", cột "Đã kiểm tra": "có" không phải là giá trị Có/Không.',
      'Dòng "2 – Đơn vị báo cáo", cột "Ghi chú": "Có" không phải là văn bản.',
    ]);
  });

  it('refuses text over 4000 characters, counting Vietnamese letters as one character each', () => {
    expect(messages({ 'DV:GC': 'ệ'.repeat(4000) })).toEqual([]);
    expect(messages({ 'DV:GC': 'ệ'.repeat(4001) })).toEqual([
      'Dòng "2 – Đơn vị báo cáo", cột "Ghi chú": Nội dung dài 4.001 ký tự, vượt quá giới hạn 4.000 ký tự.',
    ]);
  });

  it('cuts a long value in the message', () => {
    expect(messages({ 'ND:KN': 'x'.repeat(100) })[0]).toBe(
      `Dòng "1.1 – Thu nội địa", cột "Thực hiện / Kỳ này": "${'x'.repeat(40)}…" không phải là số.`,
    );
  });
});

describe('isIsoDate', () => {
  it('knows leap years and month lengths', () => {
    expect(['2024-02-29', '2025-12-31', '2000-02-29'].map(isIsoDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-1-01', '20250101'].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

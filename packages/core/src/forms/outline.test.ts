import { describe, expect, it } from 'vitest';
import { defineOutline, numberSections, quotedKeys, validateOutline, type OutlineInput } from './outline.ts';

/** The usual outline of a periodic socio-economic report (báo cáo tình hình kinh tế - xã hội). */
const outline: OutlineInput = {
  name: 'Đề cương báo cáo tình hình kinh tế - xã hội tháng',
  code: 'ĐC-01/UBND',
  sections: [
    {
      id: 'ket-qua',
      title: 'Kết quả thực hiện nhiệm vụ',
      children: [
        { id: 'kinh-te', title: 'Lĩnh vực kinh tế', guidance: 'Thu ngân sách đạt {{ thu_ns }} tỷ đồng; nêu nguyên nhân.', required: true },
        { id: 'xa-hoi', title: 'Lĩnh vực văn hóa - xã hội', required: true },
      ],
    },
    { id: 'han-che', title: 'Tồn tại, hạn chế và nguyên nhân' },
    { id: 'de-xuat', title: 'Phương hướng, nhiệm vụ và kiến nghị, đề xuất' },
  ],
  figures: [{ key: 'thu_ns', formCode: '01/BC-UBND', row: 'R1', col: 'KN' }],
};

describe('outlines', () => {
  it('numbers sections I, II, III and 1, 2 below, as administrative documents do', () => {
    const numbers = numberSections(defineOutline(outline));
    expect(Object.fromEntries(numbers)).toEqual({ 'ket-qua': 'I', 'kinh-te': '1', 'xa-hoi': '2', 'han-che': 'II', 'de-xuat': 'III' });
  });

  it('accepts a well-formed outline and finds its quotes', () => {
    const parsed = defineOutline(outline);
    expect(validateOutline(parsed)).toEqual([]);
    expect(quotedKeys(parsed.sections[0]!.children[0]!.guidance!)).toEqual(['thu_ns']);
  });

  it('reports an undeclared quote, a duplicate section id and an unused quote', () => {
    const bad = defineOutline({
      ...outline,
      sections: [
        { id: 'a', title: 'Mục một', guidance: 'Số hộ nghèo: {{ho_ngheo}}.' },
        { id: 'a', title: 'Mục hai' },
      ],
    });
    expect(validateOutline(bad)).toEqual([
      {
        path: ['sections', 0, 'guidance'],
        message: 'Mục "Mục một" trích dẫn {{ho_ngheo}} nhưng chưa khai báo trích dẫn này.',
        severity: 'error',
      },
      { path: ['sections', 1, 'id'], message: 'Mã định danh mục "a" bị trùng.', severity: 'error' },
      { path: ['figures', 0], message: 'Trích dẫn "thu_ns" chưa được dùng trong mục nào.', severity: 'warning' },
    ]);
  });

  it('refuses an outline without sections, in Vietnamese', () => {
    expect(() => defineOutline({ ...outline, sections: [] })).toThrow('Đề cương phải có ít nhất một mục.');
  });
});

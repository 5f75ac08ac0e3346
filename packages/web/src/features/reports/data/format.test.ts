import { describe, expect, it } from 'vitest';
import { attachmentProblem, contentTypeLabel, formatCellValue, formatFileSize, MAX_ATTACHMENT_BYTES } from './format.ts';

describe('formatFileSize', () => {
  it('writes sizes in binary units with a Vietnamese decimal comma', () => {
    expect(formatFileSize(850)).toBe('850 byte');
    expect(formatFileSize(12_800)).toBe('12,5 KB'); // 12800 / 1024 = 12.5
    expect(formatFileSize(1_258_291)).toBe('1,2 MB'); // 1.2 × 1048576 = 1258291.2
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatFileSize(3 * 1024 ** 3)).toBe('3 GB');
  });

  it('never writes 1.024 KB: a size that rounds to 1024 goes up a unit', () => {
    expect(formatFileSize(1024 * 1024 - 10)).toBe('1 MB');
  });

  it('shows a dash for nonsense', () => {
    expect(formatFileSize(-1)).toBe('—');
    expect(formatFileSize(Number.NaN)).toBe('—');
  });
});

describe('attachmentProblem', () => {
  it('accepts the listed types within the limit, whatever the case of the extension', () => {
    expect(attachmentProblem({ name: 'Bao cao.PDF', size: 1000 })).toBeNull();
    expect(attachmentProblem({ name: 'anh.jpeg', size: MAX_ATTACHMENT_BYTES })).toBeNull();
  });

  it('refuses other types, files over 10 MB and empty files, in Vietnamese', () => {
    expect(attachmentProblem({ name: 'setup.exe', size: 10 })).toMatch(/không thuộc loại được đính kèm/);
    expect(attachmentProblem({ name: 'khongcoduoi', size: 10 })).toMatch(/không thuộc loại/);
    expect(attachmentProblem({ name: 'lon.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe(
      'Tệp “lon.pdf” có dung lượng 20 MB, vượt quá giới hạn 20 MB mỗi tệp.',
    );
    expect(attachmentProblem({ name: 'rong.docx', size: 0 })).toBe('Tệp “rong.docx” rỗng.');
  });
});

describe('contentTypeLabel and formatCellValue', () => {
  it('names the sniffed types people know', () => {
    expect(contentTypeLabel('application/pdf')).toBe('PDF');
    expect(contentTypeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Word (DOCX)');
    expect(contentTypeLabel('image/jpeg; charset=binary')).toBe('Ảnh JPEG');
    expect(contentTypeLabel('application/x-unknown')).toBe('application/x-unknown');
  });

  it('formats stored cell values for the Excel preview', () => {
    expect(formatCellValue('1234.5')).toBe('1.234,5');
    expect(formatCellValue(null)).toBe('(trống)');
    expect(formatCellValue('')).toBe('(trống)');
    expect(formatCellValue(true)).toBe('Có');
    expect(formatCellValue(false)).toBe('Không');
    expect(formatCellValue('Hà Nội')).toBe('Hà Nội');
  });
});

import type { ReportCellValue } from '@baocao/core';
import { formatFigureValue } from '../narrative/text.ts';

/** Display of report data for people: file sizes, file types, cell values. */

const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "850 byte", "12,5 KB", "1,2 MB" (binary units, one decimal, Vietnamese comma). */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} byte`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  // Round first, so 1023.96 KB reads "1 MB" and never "1.024 KB".
  while (Math.round(value * 10) / 10 >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${ONE_DECIMAL.format(value)} ${units[unit]}`;
}

/** The server's attachment limit (MAX_ATTACHMENT_BYTES in packages/server/src/modules/reports/attachments.ts): keep in step. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';
const ACCEPTED_EXTENSIONS = ATTACHMENT_ACCEPT.split(',');

/**
 * What the browser can say before sending a file (the server still sniffs the content): the
 * Vietnamese reason it would be refused, or null.
 */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!ACCEPTED_EXTENSIONS.includes(ext)) {
    return `Tệp “${file.name}” không thuộc loại được đính kèm (chỉ nhận PDF, DOCX, XLSX, PNG, JPG).`;
  }
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `Tệp “${file.name}” có dung lượng ${formatFileSize(file.size)}, vượt quá giới hạn ${formatFileSize(MAX_ATTACHMENT_BYTES)} mỗi tệp.`;
  }
  if (file.size === 0) return `Tệp “${file.name}” rỗng.`;
  return null;
}

const CONTENT_TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'image/png': 'Ảnh PNG',
  'image/jpeg': 'Ảnh JPEG',
};

/** "PDF", "Word (DOCX)", "Ảnh PNG"…; an unknown type as it is. */
export function contentTypeLabel(contentType: string): string {
  return CONTENT_TYPE_LABELS[contentType.split(';')[0]!.trim().toLowerCase()] ?? contentType;
}

/** A stored cell value as a reader sees it: "1.234,5", "Có"/"Không", text, or "(trống)". */
export function formatCellValue(value: ReportCellValue | undefined): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return formatFigureValue(value) ?? '(trống)';
}

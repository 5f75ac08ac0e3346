import { fontMetrics } from './fonts.ts';
import type { DocTable } from './model.ts';

/**
 * The page and type of ND 30/2020/NĐ-CP (LEGAL R18) in one place, for the DOCX and the PDF alike:
 * A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; sizes of each element.
 */

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number) => v * PT_PER_MM;

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** The header block's two columns: the issuing body on the left, Quốc hiệu – Tiêu ngữ on the right. */
export const HEADER_LEFT_WIDTH = 200;
export const HEADER_RIGHT_WIDTH = TEXT_WIDTH - HEADER_LEFT_WIDTH;

/** Type sizes in points. */
export const SIZE = {
  pageNumber: 13,
  issuer: 13,
  nationalTitle: 12,
  motto: 13,
  number: 13,
  placeDate: 14,
  title: 14,
  summary: 14,
  body: 14,
  recipientsLabel: 12,
  recipients: 11,
  signer: 14,
  signatureBox: 10,
  tableCaption: 13,
};

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** First-line indent of body paragraphs (ND 30: 1 to 1.27 cm). */
export const FIRST_LINE_INDENT = mm(10);
/** Space after a paragraph (ND 30: at least 6 pt). */
export const PARAGRAPH_AFTER = 6;
/** Line spacing of the body, as a multiple (ND 30: single to 1.5 lines). */
export const LINE_SPACING = 1.15;

/** Room left for the hand or digital signature between the position and the name. */
export const SIGNATURE_SPACE = 78;
export const SIGNATURE_BOX = { width: 210, height: 46 };
/** The digital signature's colour (the signer block is blue, as signing software in Vietnam shows it). */
export const SIGNATURE_COLOUR = '#1f3c9c';

/**
 * Length of the rule under a header line: ND 30 asks 1/3 to 1/2 of the line above for the issuing
 * body and the summary (we take 40 %), the full line for the motto.
 */
export function ruleLength(text: string, size: number, bold: boolean, fraction: number, maxWidth: number): number {
  const width = Math.min(fontMetrics(bold ? 'Bold' : 'Regular').width(text, size), maxWidth);
  return Math.round(width * fraction * 10) / 10;
}

/** Column widths of a document table in points (STT, criteria, unit, data…), and the type size that fits them. */
export function tableWidths(table: Pick<DocTable, 'columns' | 'rows'>, total = TEXT_WIDTH) {
  const n = table.columns.length;
  const fontSize = n <= 4 ? 11 : n <= 7 ? 10 : 9;
  // STT fits its longest number ("XXXVIII", "2.10.4") on one line.
  const bold = fontMetrics('Bold');
  const longestStt = Math.max(0, ...table.rows.map((r) => bold.width(r.cells[0] ?? '', fontSize)));
  const stt = Math.min(56, Math.max(fontSize >= 11 ? 26 : 22, Math.ceil(longestStt) + 2));
  const unit = fontSize >= 11 ? 54 : 46;
  const minName = 110;
  const data = n === 0 ? 0 : Math.max(30, Math.min(72, (total - stt - unit - minName) / n));
  const name = Math.max(minName, total - stt - unit - data * n);
  return { fontSize, widths: [stt, name, unit, ...Array.from({ length: n }, () => data)] };
}

/**
 * A report as an administrative document (văn bản hành chính) in the layout of Nghị định
 * 30/2020/NĐ-CP: pure data that the DOCX and PDF renderers lay out the same way. Text that the
 * law sets in capitals is stored in capitals, so every viewer shows it so (no reliance on a
 * "caps" style a converter may drop).
 */

/** A run of text inside a paragraph. */
export interface DocRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Body blocks: section headings, paragraphs, list items (lists read "- …" and "1. …" in Vietnamese documents). */
export type DocBlock =
  | { kind: 'heading'; level: number; runs: DocRun[] }
  | { kind: 'paragraph'; runs: DocRun[] }
  | { kind: 'item'; marker: string; depth: number; runs: DocRun[] };

/** One cell of a table's header grid (merged cells carry their spans). */
export interface DocHeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface DocTableRow {
  /** STT, criteria, unit, then one text per data column, already formatted ("1.234,5", "x" for a hatched cell). */
  cells: string[];
  /** 0 for top-level rows; the criteria are indented by level. */
  level: number;
  /** Header rows (titles without values) and computed totals are set in bold. */
  bold: boolean;
}

/** A table form of the report with its figures (biểu số liệu), as an appendix of the report. */
export interface DocTable {
  /** "Biểu số 01/KHĐT" */
  caption: string;
  /** The form's name, e.g. "Tình hình thu, chi ngân sách". */
  title: string;
  /** Header grid, fixed columns (STT, Chỉ tiêu, Đơn vị tính) included; the last row is the column numbering (A, B, C, 1, 2…). */
  header: DocHeaderCell[][];
  rows: DocTableRow[];
  /** Leaf data columns: numbers are right-aligned, text left. */
  columns: { numeric: boolean }[];
}

export interface DocSigner {
  /** Capitals, bold: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  authority: string[];
  /** Full name, bold; empty before the report is approved. */
  name: string;
}

export interface ReportDocumentModel {
  /** Cơ quan chủ quản (regular capitals) and the issuing body (bold capitals), one entry per line. */
  issuer: { parent: string[]; unit: string[] };
  /** Số: the registration number (null before issuance) and ký hiệu "BC-UBND". */
  number: { value: number | null; symbol: string };
  /** Địa danh, e.g. "Hải Phòng". */
  place: string;
  /** Ngày ban hành, YYYY-MM-DD. */
  date: string;
  /** "BÁO CÁO" */
  title: string;
  /** Trích yếu nội dung. */
  summary: string;
  body: DocBlock[];
  tables: DocTable[];
  /** Nơi nhận, without the leading "- " and the trailing punctuation. */
  recipients: string[];
  /** "Lưu: VT, UBND" */
  archive: string;
  signer: DocSigner;
  /** Who the signature appearance names as organisation. */
  organisation: string;
}

/** What a PDF signature shows in its box (LEGAL R19): the signer, the organisation and the signing time. */
export interface SignatureAppearance {
  signerName: string;
  organisation: string;
  /** The instant of signing; shown as ISO 8601 in Vietnam's offset (+07:00). */
  signingTime: Date;
}

// ---------- Lines as the law writes them ----------

/** Capitals as Vietnamese writes them (no locale surprises: Vietnamese has no special casing). */
export const caps = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi');

/** "Số: 12/BC-UBND"; before issuance the number is left blank for the clerk: "Số:      /BC-UBND". */
export function numberLine(model: Pick<ReportDocumentModel, 'number'>): string {
  const value = model.number.value === null ? '\u00a0'.repeat(6) : String(model.number.value).padStart(2, '0');
  return `Số: ${value}/${model.number.symbol}`;
}

/**
 * "Hải Phòng, ngày 05 tháng 01 năm 2026": ND 30 writes days below 10 and the months January and
 * February with a leading zero.
 */
export function placeDateLine(model: Pick<ReportDocumentModel, 'place' | 'date'>): string {
  const [y, m, d] = model.date.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  return `${model.place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** The recipients block: each line "- …;", the archive line last "- Lưu: VT, ….". */
export function recipientLines(model: Pick<ReportDocumentModel, 'recipients' | 'archive'>): string[] {
  return [...model.recipients.map((r) => `- ${r};`), `- ${model.archive}.`];
}

const VN_OFFSET_MS = 7 * 3600 * 1000;

/** 2026-11-23T10:15:00+07:00 */
export function vietnamIsoTime(at: Date): string {
  const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + VN_OFFSET_MS);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/** The lines of the signature box, in the order they are shown. */
export function appearanceLines(a: SignatureAppearance): string[] {
  return [`Ký bởi: ${a.signerName}`, `Cơ quan: ${a.organisation}`, `Thời gian ký: ${vietnamIsoTime(a.signingTime)}`];
}

/** "(Kèm theo Báo cáo số 07/BC-UBND ngày 23/11/2026 của Ủy ban nhân dân xã An Lạc)": under each appendix's title. */
export function appendixNote(model: Pick<ReportDocumentModel, 'number' | 'date' | 'organisation'>): string {
  const [y, m, d] = model.date.split('-');
  const no = numberLine(model)
    .replace(/^Số:\s*/u, '')
    .trim();
  return `(Kèm theo Báo cáo số ${no} ngày ${d}/${m}/${y} của ${model.organisation})`;
}

/** The plain text of a paragraph's runs. */
export const runsText = (runs: readonly DocRun[]) => runs.map((r) => r.text).join('');

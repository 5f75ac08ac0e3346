/**
 * Clipboard exchange with spreadsheets (Excel, LibreOffice Calc, Google Sheets) for the entry grid:
 * TSV in and out, numbers written the Vietnamese way ("1.234,5") or the English way ("1,234.5"),
 * and a pure plan of what a paste would write, skip or refuse. Nothing here touches saved data:
 * the grid applies `writes` and shows `problems`, `skipped` and `summary`.
 */
import { formatNumber } from '../text/format.ts';

// ---------------------------------------------------------------------------------------------
// TSV
// ---------------------------------------------------------------------------------------------

/**
 * Parses what a spreadsheet puts on the clipboard: rows separated by \r\n or \n (a lone \r, as old
 * Mac applications write it, too), cells by \t. A cell that starts with `"` is quoted: it ends at the
 * next `"` not doubled, `""` stands for one `"`, and tabs and line breaks inside are kept (Excel
 * writes cells with line breaks this way). A quote that is never closed is read literally. One
 * trailing line break does not make an empty last row; the empty string is no rows at all.
 * Every cell is NFC-normalised; nothing is trimmed.
 */
export function parseTsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  if (src === '') return rows;
  let row: string[] = [];
  let i = 0;
  const n = src.length;
  for (;;) {
    // Read one cell starting at i.
    let cell = '';
    let quotedEnd = -1;
    if (src[i] === '"') {
      let j = i + 1;
      let buf = '';
      for (;;) {
        const q = src.indexOf('"', j);
        if (q === -1) break; // never closed: read the cell literally below
        buf += src.slice(j, q);
        if (src[q + 1] === '"') {
          buf += '"';
          j = q + 2;
          continue;
        }
        quotedEnd = q + 1;
        break;
      }
      if (quotedEnd !== -1) {
        cell = buf;
        i = quotedEnd;
      }
    }
    // Unquoted cell, or what follows a closing quote up to the next delimiter (kept literally).
    let k = i;
    while (k < n && src[k] !== '\t' && src[k] !== '\n' && src[k] !== '\r') k++;
    cell += src.slice(i, k);
    row.push(cell.normalize('NFC'));
    if (k >= n) {
      rows.push(row);
      break;
    }
    if (src[k] === '\t') {
      i = k + 1;
      continue;
    }
    // A line break ends the row.
    rows.push(row);
    row = [];
    i = src[k] === '\r' && src[k + 1] === '\n' ? k + 2 : k + 1;
    if (i >= n) break; // one trailing line break: no empty last row
  }
  return rows;
}

/**
 * Writes rows as TSV the way Excel reads it back: cells joined by \t, each row ended by \r\n (as
 * Excel itself puts it on the clipboard). A cell holding a tab, a line break or a quote is wrapped
 * in quotes with inner quotes doubled; `null` is an empty cell. Numbers are expected already
 * formatted by the caller. `parseTsv(toTsv(rows))` gives back the rows (NFC) as long as no row is
 * empty — a row without cells cannot be told from a row with one empty cell.
 */
export function toTsv(rows: (string | null)[][]): string {
  return rows.map((row) => row.map(quoteCell).join('\t') + '\r\n').join('');
}

function quoteCell(value: string | null): string {
  if (value === null) return '';
  const text = value.normalize('NFC');
  return /[\t\n\r"]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/** Which convention decides "1.234" and "1,234": 'vi' reads the dot as grouping, the comma as decimal. */
export type NumberConvention = 'vi' | 'en';

export type ParsedNumberCell =
  | {
      ok: true;
      /** Canonical decimal: optional '-', no leading zeros, '.' as decimal separator, no grouping, no trailing fraction zeros. */
      value: string;
      /** The text ended with '%': `value` is the number as written (12,5% → "12.5"); the caller may divide by 100. */
      percent?: true;
      /** The text reads differently in the two conventions; `value` follows `prefer`. */
      ambiguous?: { vi: string; en: string; message: string };
    }
  | { ok: true; value: null }
  | { ok: false; message: string };

/** Spaces spreadsheets and people use to group thousands: space, no-break, narrow no-break, thin, figure. */
const GROUP_SPACE = /[ \u00A0\u202F\u2009\u2007]/u;
const CURRENCY_START = /^(?:₫|VN[DĐ]|đồng|đ)\s*/iu;
const CURRENCY_END = /\s*(?:₫|VN[DĐ]|đồng|đ)$/iu;

function stripCurrency(text: string): string {
  return text.replace(CURRENCY_START, '').replace(CURRENCY_END, '').trim();
}

/** Text shown inside “…” in messages; very long pastes are cut. */
function quoted(raw: string): string {
  const shown = raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
  return `“${shown}”`;
}

function notANumber(raw: string): { ok: false; message: string } {
  return { ok: false, message: `${quoted(raw)} không phải là số.` };
}

function canonical(negative: boolean, intDigits: string, fracDigits: string): string {
  const int = intDigits.replace(/^0+/u, '') || '0';
  const frac = fracDigits.replace(/0+$/u, '');
  const abs = frac ? `${int}.${frac}` : int;
  return negative && abs !== '0' ? `-${abs}` : abs;
}

/** A canonical value the way the interface writes it, without grouping so it cannot be misread: "-1234,5". */
function viPlain(value: string): string {
  return value.replace('.', ',');
}

type Body =
  | { kind: 'number'; int: string; frac: string }
  | { kind: 'ambiguous'; separator: '.' | ','; before: string; after: string }
  | { kind: 'invalid' };

/** Digits grouped by `sep`: 1–3 digits not starting with 0, then groups of exactly 3. */
function grouped(text: string, sep: '.' | ','): string | null {
  const re = sep === '.' ? /^[1-9]\d{0,2}(?:\.\d{3})+$/u : /^[1-9]\d{0,2}(?:,\d{3})+$/u;
  return re.test(text) ? text.split(sep).join('') : null;
}

function readBody(body: string): Body {
  const invalid: Body = { kind: 'invalid' };
  if (GROUP_SPACE.test(body)) {
    // Spaces group thousands; at most one '.' or ',' left, in the last group, is the decimal separator.
    const parts = body.split(GROUP_SPACE);
    const last = parts.pop() ?? '';
    const m = /^(\d{3})(?:[.,](\d+))?$/u.exec(last);
    if (!m || !/^[1-9]\d{0,2}$/u.test(parts[0] ?? '') || !parts.slice(1).every((p) => /^\d{3}$/u.test(p))) return invalid;
    return { kind: 'number', int: parts.join('') + (m[1] ?? ''), frac: m[2] ?? '' };
  }
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots === 0 && commas === 0) return /^\d+$/u.test(body) ? { kind: 'number', int: body, frac: '' } : invalid;
  if (dots > 0 && commas > 0) {
    // The separator written last is the decimal one, used once; the other groups thousands before it.
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    if ((decimal === '.' ? dots : commas) !== 1) return invalid;
    const at = body.indexOf(decimal);
    const int = grouped(body.slice(0, at), grouping);
    const frac = body.slice(at + 1);
    return int !== null && /^\d+$/u.test(frac) ? { kind: 'number', int, frac } : invalid;
  }
  const separator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    // The same separator several times can only group thousands: 1.234.567 or 1,234,567.
    const int = grouped(body, separator);
    return int !== null ? { kind: 'number', int, frac: '' } : invalid;
  }
  const [before = '', after = ''] = body.split(separator);
  if (!/^\d*$/u.test(before) || !/^\d+$/u.test(after)) return invalid;
  // "1.234" / "1,234": thousands or decimals? Only when it could be a thousands group at all.
  if (after.length === 3 && /^[1-9]\d{0,2}$/u.test(before)) return { kind: 'ambiguous', separator, before, after };
  return { kind: 'number', int: before, frac: after };
}

const EXPLANATION: Record<NumberConvention, Record<'.' | ',', string>> = {
  vi: {
    '.': 'dấu chấm phân cách hàng nghìn theo cách viết Việt Nam',
    ',': 'dấu phẩy là dấu thập phân theo cách viết Việt Nam',
  },
  en: {
    '.': 'dấu chấm là dấu thập phân theo cách viết tiếng Anh',
    ',': 'dấu phẩy phân cách hàng nghìn theo cách viết tiếng Anh',
  },
};

/**
 * Reads one pasted or typed number. Accepted: "1.234,5" (Vietnamese), "1,234.5" (English), "1234,5",
 * "1234.5", "1 234,5" (also with no-break or narrow spaces), a leading "+" or "-", "(1.234)" as an
 * accounting negative, a trailing "%" (flagged `percent`), and "đ", "₫", "VND", "VNĐ", "đồng" before
 * or after. Empty text is `value: null`. "1.234" and "1,234" (one separator, then exactly three
 * digits) are read by `prefer` (default 'vi': dot = thousands, comma = decimal) and reported as
 * `ambiguous` with a Vietnamese explanation. Anything else is refused naming the text.
 */
export function parseNumberCell(raw: string, opts?: { prefer?: NumberConvention }): ParsedNumberCell {
  const prefer = opts?.prefer ?? 'vi';
  const text = raw.normalize('NFC').trim();
  if (text === '') return { ok: true, value: null };

  let rest = stripCurrency(text);
  let negative = false;
  const paren = /^\((.*)\)$/u.exec(rest);
  if (paren) {
    negative = true;
    rest = stripCurrency(paren[1] ?? '');
  }
  let percent = false;
  if (rest.endsWith('%')) {
    percent = true;
    rest = stripCurrency(rest.slice(0, -1).trim());
  }
  const sign = /^([+\-\u2212])\s*/u.exec(rest);
  if (sign) {
    if (paren) return notANumber(text); // "(-5)" is not a way anyone writes a number
    negative = sign[1] !== '+';
    rest = stripCurrency(rest.slice(sign[0].length));
  }

  const body = readBody(rest);
  if (body.kind === 'invalid') return notANumber(text);
  const pct = percent ? { percent: true as const } : {};
  if (body.kind === 'number') return { ok: true, value: canonical(negative, body.int, body.frac), ...pct };

  const asThousands = canonical(negative, body.before + body.after, '');
  const asDecimal = canonical(negative, body.before, body.after);
  const vi = body.separator === '.' ? asThousands : asDecimal;
  const en = body.separator === '.' ? asDecimal : asThousands;
  const value = prefer === 'vi' ? vi : en;
  const other = prefer === 'vi' ? en : vi;
  const suffix = percent ? '%' : '';
  // How to type the other meaning so that, under the same convention, it is not ambiguous.
  const typeOther = prefer === 'vi' ? viPlain(other) : other;
  const message =
    `${quoted(text)} được hiểu là ${viPlain(value)}${suffix} (${EXPLANATION[prefer][body.separator]}); ` +
    `nếu ý bạn là ${viPlain(other)}${suffix} hãy nhập ${typeOther}${suffix}.`;
  return { ok: true, value, ...pct, ambiguous: { vi, en, message } };
}

// ---------------------------------------------------------------------------------------------
// Paste plan
// ---------------------------------------------------------------------------------------------

export type PasteCellKind = 'number' | 'text' | 'computed' | 'locked';

export interface PasteInput {
  /** The clipboard block, usually from `parseTsv`; short rows are padded with empty cells. */
  grid: string[][];
  /** The selected cell the block's top-left corner goes to (0-based, in the form's grid). */
  target: { row: number; col: number };
  rowCount: number;
  colCount: number;
  cellKind: (row: number, col: number) => PasteCellKind;
  numberRange?: (row: number, col: number) => { min?: number; max?: number } | undefined;
  prefer?: NumberConvention;
}

export interface PasteWrite {
  row: number;
  col: number;
  /** Canonical number for number cells (percent as written: "12,5%" → "12.5"), trimmed NFC text for text cells; null clears. */
  value: string | null;
}

export interface PasteProblem {
  row: number;
  col: number;
  raw: string;
  message: string;
  /** 'error': nothing written to the cell; 'warning': written, but the user should look. */
  severity: 'error' | 'warning';
}

export interface PasteSkip {
  row: number;
  col: number;
  reason: 'computed' | 'locked';
}

export interface PastePlan {
  writes: PasteWrite[];
  problems: PasteProblem[];
  skipped: PasteSkip[];
  /** Rows and columns of the block that fell outside the form and were left out; null when it fits. */
  overflow: { rows: number; cols: number } | null;
  summary: string;
}

function rangeMessage(range: { min?: number; max?: number }): string {
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return `phải từ ${formatNumber(min)} đến ${formatNumber(max)}`;
  if (min !== undefined) return `phải từ ${formatNumber(min)} trở lên`;
  return `phải từ ${formatNumber(max ?? 0)} trở xuống`;
}

function count(n: number): string {
  return formatNumber(n);
}

function assertIndex(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/**
 * Plans pasting `grid` with its top-left corner at `target`. The part that does not fit the form is
 * cut off and reported in `overflow`; computed (formula) and locked cells are never overwritten, only
 * listed in `skipped`; number cells get parsed values, and a cell whose text is not a number or is
 * out of the column's range gets an error and no write; ambiguous numbers are written with a
 * warning; text cells get the trimmed NFC text; an empty cell clears (value null).
 * Pure: the input is never changed, and nothing is written anywhere.
 */
export function planPaste(input: PasteInput): PastePlan {
  const { grid, target, rowCount, colCount, cellKind, numberRange, prefer = 'vi' } = input;
  assertIndex(target.row, 'target.row');
  assertIndex(target.col, 'target.col');
  assertIndex(rowCount, 'rowCount');
  assertIndex(colCount, 'colCount');

  const height = grid.length;
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const roomRows = Math.max(0, rowCount - target.row);
  const roomCols = Math.max(0, colCount - target.col);
  const usedRows = Math.min(height, roomRows);
  const usedCols = Math.min(width, roomCols);
  const overflow = height > roomRows || width > roomCols ? { rows: height - usedRows, cols: width - usedCols } : null;

  const writes: PasteWrite[] = [];
  const problems: PasteProblem[] = [];
  const skipped: PasteSkip[] = [];
  for (let r = 0; r < usedRows; r++) {
    for (let c = 0; c < usedCols; c++) {
      const row = target.row + r;
      const col = target.col + c;
      const raw = grid[r]?.[c] ?? '';
      const kind = cellKind(row, col);
      if (kind === 'computed' || kind === 'locked') {
        skipped.push({ row, col, reason: kind });
        continue;
      }
      if (kind === 'text') {
        const value = raw.normalize('NFC').trim();
        writes.push({ row, col, value: value === '' ? null : value });
        continue;
      }
      const parsed = parseNumberCell(raw, { prefer });
      if (!parsed.ok) {
        problems.push({ row, col, raw, message: parsed.message, severity: 'error' });
        continue;
      }
      if (parsed.value === null) {
        writes.push({ row, col, value: null });
        continue;
      }
      const range = numberRange?.(row, col);
      const n = Number(parsed.value);
      if (range && ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max))) {
        const shown = quoted(raw.normalize('NFC').trim());
        const note = parsed.ambiguous ? ` ${parsed.ambiguous.message}` : '';
        problems.push({ row, col, raw, message: `${shown} nằm ngoài phạm vi cho phép: ${rangeMessage(range)}.${note}`, severity: 'error' });
        continue;
      }
      writes.push({ row, col, value: parsed.value });
      if (parsed.ambiguous) problems.push({ row, col, raw, message: parsed.ambiguous.message, severity: 'warning' });
    }
  }

  return {
    writes,
    problems,
    skipped,
    overflow,
    summary: summarize(height, width, roomRows, roomCols, writes, problems, skipped, overflow),
  };
}

function summarize(
  height: number,
  width: number,
  roomRows: number,
  roomCols: number,
  writes: PasteWrite[],
  problems: PasteProblem[],
  skipped: PasteSkip[],
  overflow: { rows: number; cols: number } | null,
): string {
  if (height === 0 || width === 0) return 'Không có dữ liệu để dán.';
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const errors = problems.length - warnings;
  const computed = skipped.filter((s) => s.reason === 'computed').length;
  const locked = skipped.length - computed;

  const parts = [`Đã dán ${count(writes.length)} ô${warnings ? `, trong đó ${count(warnings)} ô cần xem lại cách hiểu số` : ''}`];
  if (errors) parts.push(`${count(errors)} ô lỗi không được ghi`);
  const skippedParts = [computed ? `${count(computed)} ô công thức` : '', locked ? `${count(locked)} ô bị khóa` : ''].filter(Boolean);
  if (skippedParts.length) parts.push(`${skippedParts.join(' và ')} được bỏ qua`);
  let summary = `${parts.join('; ')}.`;

  if (overflow) {
    const left = [overflow.rows ? `${count(overflow.rows)} dòng` : '', overflow.cols ? `${count(overflow.cols)} cột` : ''].filter(Boolean);
    summary +=
      ` Vùng dán có ${count(height)} dòng × ${count(width)} cột nhưng biểu chỉ còn ${count(roomRows)} dòng × ${count(roomCols)} cột` +
      ` từ ô đang chọn: ${left.join(' và ')} thừa đã bỏ qua.`;
  }
  return summary;
}

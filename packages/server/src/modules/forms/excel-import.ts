import {
  foldDiacritics,
  formCode,
  normalizeText,
  parseDefinition,
  problemPath,
  validateForm,
  type ColumnNode,
  type DefinitionProblem,
  type FormInput,
  type SttStyle,
} from '@baocao/core';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.ts';
import { FORMULA_NOTE, HEADER_ROW_NOTE } from './excel-export.ts';
import { cellName, columnNumber, convertExcelFormula, type FormGrid } from './excel-formula.ts';

/**
 * Reads a table form's layout from an Excel sheet as agencies draw them: a heading ("Biểu số: …",
 * the title), a column header with merged group cells, fixed columns STT / Chỉ tiêu / Mã số / Đơn vị
 * tính, optionally a row of column numbers or codes, then the rows. It infers the row tree from the
 * STT (I → 1 → a → -, or 1.1, 1.2), hatched cells from diagonal fills, diagonal borders or "x", and
 * formulas from Excel formulas (or from the notes this system writes on export). Nothing is saved:
 * the designer reviews the definition and the problems, then creates the form.
 */

export interface ImportPreview {
  definition: unknown;
  problems: DefinitionProblem[];
  sheetName: string;
  summary: { rows: number; columns: number; headerDepth: number };
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_HEADING_ROWS = 40;
const MAX_HEADER_DEPTH = 6;
const MAX_COLUMNS = 300;
const HATCH_PATTERNS = new Set([
  'lightUp',
  'lightDown',
  'darkUp',
  'darkDown',
  'lightTrellis',
  'darkTrellis',
  'lightGrid',
  'darkGrid',
  'lightGray',
  'mediumGray',
  'darkGray',
  'gray125',
  'gray0625',
]);

function refuse(message: string): never {
  throw new AppError('VALIDATION_FAILED', { problems: [{ path: 'file', message, severity: 'error' }] }, message);
}

export async function importWorkbook(buffer: Buffer): Promise<ImportPreview> {
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    refuse('Tệp là định dạng Excel cũ (.xls). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx rồi nhập lại.');
  }
  if (!buffer.subarray(0, 2).equals(Buffer.from('PK'))) refuse('Tệp không phải tệp Excel .xlsx.');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    refuse('Không đọc được tệp Excel; tệp có thể bị hỏng. Hãy mở và lưu lại bằng Excel rồi nhập lại.');
  }
  const ws = wb.worksheets.find((s) => s.state === 'visible' && s.actualRowCount > 0);
  if (!ws) refuse('Tệp Excel không có trang tính nào có nội dung.');
  return new SheetReader(
    ws,
    wb.worksheets.some((s) => s.name === 'ThongTin' && s.state === 'veryHidden'),
  ).read();
}

const fold = (s: string) => foldDiacritics(s).toLowerCase();

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object' && 'texts' in note) {
    return ((note as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
  }
  return '';
}

type StyleKey = 'roman' | 'arabic' | 'nested' | 'alpha' | 'upper' | 'dash' | 'plus' | 'none';

/** STT "II" → roman, "3" → arabic, "1.2" → nested (depth 1), "b" → alpha, "-" → dash. */
function classifyStt(stt: string): { style: StyleKey; depth: number } {
  const s = stt.replace(/[.)]$/u, '').trim();
  if (s === '') return { style: 'none', depth: 0 };
  if (/^[IVXLC]+$/u.test(s)) return { style: 'roman', depth: 0 };
  if (/^\d+$/u.test(s)) return { style: 'arabic', depth: 0 };
  if (/^\d+(\.\d+)+$/u.test(s)) return { style: 'nested', depth: s.split('.').length - 1 };
  if (/^\p{Ll}{1,2}$/u.test(s)) return { style: 'alpha', depth: 0 };
  if (/^\p{Lu}$/u.test(s)) return { style: 'upper', depth: 0 };
  if (/^[-–—•]$/u.test(s)) return { style: 'dash', depth: 0 };
  if (/^[+*]$/u.test(s)) return { style: 'plus', depth: 0 };
  return { style: 'none', depth: 0 };
}

const STT_STYLE: Record<StyleKey, SttStyle> = {
  roman: 'roman',
  arabic: 'arabic',
  nested: 'nested',
  alpha: 'alpha',
  upper: 'alpha',
  dash: 'dash',
  plus: 'dash',
  none: 'none',
};

interface BodyRow {
  excelRow: number;
  stt: string;
  name: string;
  code: string | null;
  unit: string | null;
  level: number;
  style: StyleKey;
  headerNote: boolean;
  parent: number | null;
  children: number[];
  hasContent: boolean;
}

interface DataColumn {
  excelCol: number;
  code: string;
  name: string;
  type: 'number' | 'percent' | 'text' | 'date';
}

class SheetReader {
  private readonly merges = new Map<string, Range>();
  private readonly problems: DefinitionProblem[] = [];
  private legacyFont: string | null = null;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    /** The file was exported by this system: title rows and formulas are marked in notes. */
    private readonly ownExport: boolean,
  ) {
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b = a] = range.split(':') as [string, string?];
      const tl = this.address(a);
      const br = this.address(b!);
      const r: Range = { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) this.merges.set(`${row},${col}`, r);
    }
  }

  private address(a: string) {
    const m = /^\$?([A-Z]+)\$?(\d+)$/u.exec(a.toUpperCase())!;
    return { col: columnNumber(m[1]!), row: Number(m[2]) };
  }

  private warn(where: string, message: string) {
    this.problems.push({ path: where, message, severity: 'warning' });
  }

  private rangeOf(row: number, col: number): Range {
    return this.merges.get(`${row},${col}`) ?? { top: row, left: col, bottom: row, right: col };
  }

  /** The text shown in a cell (the merged block's text for any cell of a merge), NFC, one line. */
  private text(row: number, col: number): string {
    const r = this.rangeOf(row, col);
    const cell = this.ws.getCell(r.top, r.left);
    const font = cell.font?.name;
    if (font && /^(\.vn|vni[- ])/iu.test(font) && !this.legacyFont) this.legacyFont = font;
    const v = cell.value;
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object') {
      if ('richText' in v) return normalizeText(v.richText.map((t) => t.text).join(''));
      if ('formula' in v || 'sharedFormula' in v) return v.result === undefined || v.result === null ? '' : normalizeText(String(v.result));
      if ('text' in v) return normalizeText(String(v.text));
      return '';
    }
    return normalizeText(String(v));
  }

  read(): ImportPreview {
    const ws = this.ws;
    const lastRow = ws.actualRowCount > 0 ? ws.rowCount : 0;
    // Styles alone can stretch a sheet to column XFD; no form is that wide.
    const lastCol = Math.min(ws.columnCount, MAX_COLUMNS);
    // 1. The header: the row holding "Chỉ tiêu" / "Nội dung" (or "STT").
    let anchor: { row: number; col: number } | null = null;
    let sttCol: number | null = null;
    for (let r = 1; r <= Math.min(lastRow, MAX_HEADING_ROWS) && !anchor; r++) {
      for (let c = 1; c <= lastCol; c++) {
        const t = fold(this.text(r, c));
        if (t.length > 60) continue;
        if (/^(ten )?(chi tieu|noi dung|danh muc|ten chi tieu)/u.test(t) || t === 'ten don vi') {
          anchor = { row: this.rangeOf(r, c).top, col: this.rangeOf(r, c).left };
          break;
        }
        if (/^(stt|tt|so tt|so thu tu)$/u.test(t) && sttCol === null) {
          sttCol = this.rangeOf(r, c).left;
          anchor = { row: this.rangeOf(r, c).top, col: sttCol + 1 };
        }
      }
    }
    if (!anchor) {
      refuse('Không tìm thấy dòng tiêu đề của biểu (ô "Chỉ tiêu", "Nội dung" hoặc "STT") trong 40 dòng đầu của trang tính.');
    }
    const top = anchor.row;
    const nameCol = anchor.col;
    let codeCol: number | null = null;
    let unitCol: number | null = null;
    for (let c = 1; c <= lastCol; c++) {
      if (this.rangeOf(top, c).left !== c) continue;
      const t = fold(this.text(top, c));
      if (/^(stt|tt|so tt|so thu tu)$/u.test(t)) sttCol = c;
      else if (/^(ma so|ma|ma chi tieu|ma dong)$/u.test(t)) codeCol = c;
      else if (/^(don vi tinh|dvt|don vi)$/u.test(t)) unitCol = c;
    }
    const fixed = [sttCol, nameCol, codeCol, unitCol].filter((c): c is number => c !== null);
    const firstData = Math.max(...fixed) + 1;

    // 2. Depth: the name cell's height, grown while the last header row still holds a group.
    let depth = this.rangeOf(top, nameCol).bottom - top + 1;
    for (let grow = true; grow && depth < MAX_HEADER_DEPTH;) {
      grow = false;
      for (let c = firstData; c <= lastCol; c++) {
        const r = this.rangeOf(top + depth - 1, c);
        if (r.right > r.left && r.bottom === top + depth - 1 && this.text(r.top, r.left) !== '') grow = true;
      }
      if (grow) depth++;
    }
    const bottom = top + depth - 1;
    const dataCols: number[] = [];
    for (let c = firstData; c <= lastCol; c++) {
      let any = false;
      for (let r = top; r <= bottom; r++) if (this.text(r, c) !== '') any = true;
      if (any) dataCols.push(c);
    }
    if (dataCols.length === 0) refuse('Không tìm thấy cột số liệu nào bên phải các cột STT, Chỉ tiêu, Đơn vị tính.');

    // 3. A row of column numbers or codes right under the header ("A | B | C | 1 | 2" or codes).
    let bodyStart = bottom + 1;
    const codeCells = dataCols.map((c) => this.text(bodyStart, c));
    const looksLikeCodes =
      codeCells.every((t) => t !== '' && t.length <= 12) &&
      this.text(bodyStart, nameCol).length <= 3 &&
      !this.ws.getCell(bodyStart, dataCols[0]!).formula;
    const usableCodes =
      looksLikeCodes &&
      codeCells.every((t) => formCode.safeParse(t).success && !/^\(?\d+\)?$/u.test(t)) &&
      new Set(codeCells).size === codeCells.length;
    if (looksLikeCodes) bodyStart++;
    const columns: DataColumn[] = dataCols.map((c, i) => {
      const name = this.lowestHeaderText(top, bottom, c) || `Cột ${i + 1}`;
      const f = fold(name);
      const type = /%|ty le|so sanh/u.test(f) ? 'percent' : /ghi chu/u.test(f) ? 'text' : /^ngay/u.test(f) ? 'date' : 'number';
      return { excelCol: c, code: usableCodes ? codeCells[i]! : `C${i + 1}`, name, type };
    });
    const colByExcel = new Map(columns.map((c) => [c.excelCol, c]));

    // 4. Body rows until a blank row or the signature block.
    const rows: BodyRow[] = [];
    for (let r = bodyStart; r <= lastRow; r++) {
      const stt = sttCol ? this.text(r, sttCol) : '';
      const name = this.text(r, nameCol);
      const hasData = dataCols.some((c) => this.text(r, c) !== '' || this.ws.getCell(r, c).formula || this.isHatched(r, c));
      if (!stt && !name && !hasData) break;
      if (/^(nguoi lap|thu truong|ghi chu|lanh dao)/u.test(fold(name || stt))) break;
      if (!name) {
        this.warn(`${ws.name}!${cellName(r, nameCol)}`, `Dòng ${r} không có tên chỉ tiêu nên được bỏ qua.`);
        continue;
      }
      const { style, depth: nested } = classifyStt(stt);
      rows.push({
        excelRow: r,
        stt,
        name,
        code: codeCol ? this.text(r, codeCol) || null : null,
        unit: unitCol ? this.text(r, unitCol) || null : null,
        level: nested,
        style,
        headerNote: noteText(this.ws.getCell(r, nameCol)).startsWith(HEADER_ROW_NOTE),
        parent: null,
        children: [],
        hasContent: dataCols.some(
          (c) => this.text(r, c) !== '' || Boolean(this.ws.getCell(r, c).formula) || noteText(this.ws.getCell(r, c)) !== '',
        ),
      });
    }
    if (rows.length === 0)
      this.warn(`${ws.name}!${cellName(bodyStart, nameCol)}`, 'Không tìm thấy dòng chỉ tiêu nào dưới phần tiêu đề cột.');
    const sttStyles = this.buildTree(rows);

    // 5. Codes, kinds, hatched cells and formulas.
    const rowCodes = this.rowCodes(rows, new Set(columns.map((c) => c.code)));
    const rowByExcel = new Map(rows.map((row, i) => [row.excelRow, i]));
    // A title row: marked so by this system's export; in other files, a parent row without unit,
    // figures, formulas or hatching ("I. Lĩnh vực kinh tế").
    const isHeaderRow = rows.map((row) =>
      this.ownExport
        ? row.headerNote
        : row.children.length > 0 && !row.unit && !row.hasContent && !dataCols.some((c) => this.isHatched(row.excelRow, c)),
    );
    const grid: FormGrid = {
      rowCode: (r) => (rowByExcel.has(r) ? rowCodes[rowByExcel.get(r)!] : undefined),
      colCode: (c) => colByExcel.get(c)?.code,
      childRows: (r) => (rowByExcel.has(r) ? rows[rowByExcel.get(r)!]!.children.map((i) => rows[i]!.excelRow) : []),
    };
    const disabled: { row: string; col: string }[] = [];
    const formulas = new Map<string, string>();
    rows.forEach((row, i) => {
      if (isHeaderRow[i]) return;
      for (const column of columns) {
        const cell = this.ws.getCell(row.excelRow, column.excelCol);
        if (this.isHatched(row.excelRow, column.excelCol)) {
          disabled.push({ row: rowCodes[i]!, col: column.code });
          continue;
        }
        const note = noteText(cell);
        const where = `${ws.name}!${cellName(row.excelRow, column.excelCol)}`;
        if (note.startsWith(FORMULA_NOTE)) formulas.set(`${i},${column.code}`, note.slice(FORMULA_NOTE.length).trim());
        else if (cell.formula) {
          const converted = convertExcelFormula(cell.formula, { row: row.excelRow, col: column.excelCol }, grid);
          if (converted.ok) formulas.set(`${i},${column.code}`, converted.text);
          else
            this.warn(
              where,
              `Công thức Excel "=${cell.formula}" của ô ${cellName(row.excelRow, column.excelCol)} chưa chuyển được (${converted.reason}); hãy nhập lại công thức này trong hệ thống.`,
            );
        }
      }
    });
    const { rowFormulas, columnFormulas, cellFormulas } = this.placeFormulas(rows, columns, rowCodes, isHeaderRow, disabled, formulas);

    // 6. Heading: code, name, legal basis, default unit.
    const heading = this.heading(top, lastCol);
    const toRow = (i: number): NonNullable<FormInput['rows']>[number] => {
      const row = rows[i]!;
      const kind = isHeaderRow[i] ? 'header' : rowFormulas.has(i) ? 'computed' : 'input';
      const unit = row.unit ?? (kind === 'header' ? null : heading.unit);
      return {
        id: `r${i + 1}`,
        code: rowCodes[i]!,
        name: row.name,
        ...(unit ? { unit } : {}),
        kind,
        ...(rowFormulas.has(i) ? { formula: rowFormulas.get(i)! } : {}),
        children: row.children.map(toRow),
      };
    };
    const definition: FormInput = {
      name: heading.name ?? `Biểu nhập từ trang tính ${ws.name}`,
      code: heading.code ?? ws.name.slice(0, 50),
      ...(heading.legalBasis ? { legalBasis: heading.legalBasis } : {}),
      sttStyles,
      rows: rows
        .map((row, i) => (row.parent === null ? i : -1))
        .filter((i) => i >= 0)
        .map(toRow),
      columns: this.columnTree(top, bottom, dataCols, colByExcel, columnFormulas),
      disabledCells: disabled,
      cellFormulas,
    };
    if (!heading.code)
      this.warn(`${ws.name}!A1`, 'Không tìm thấy ký hiệu biểu (dòng "Biểu số: …"); đã tạm dùng tên trang tính, hãy sửa lại.');
    if (this.legacyFont) {
      this.warn(
        ws.name,
        `Tệp dùng phông chữ cũ "${this.legacyFont}" (TCVN3/VNI): chữ tiếng Việt có thể hiển thị sai. Hãy chuyển tệp sang Unicode (TCVN 6909:2001) rồi nhập lại.`,
      );
    }
    const parsed = parseDefinition('table', definition);
    const problems = parsed.ok
      ? validateForm(parsed.definition).map((p) => ({ path: problemPath(p.path), message: p.message, severity: p.severity }))
      : parsed.problems.map((p) => ({ path: problemPath(p.path), message: p.message, severity: p.severity }));
    return {
      definition: parsed.ok ? parsed.definition : definition,
      problems: [...this.problems, ...problems],
      sheetName: ws.name,
      summary: { rows: rows.length, columns: columns.length, headerDepth: depth },
    };
  }

  private isHatched(row: number, col: number): boolean {
    const cell = this.ws.getCell(row, col);
    const fill = cell.fill as { type?: string; pattern?: string } | undefined;
    if (fill?.type === 'pattern' && fill.pattern && HATCH_PATTERNS.has(fill.pattern)) return true;
    const diagonal = cell.border?.diagonal as { up?: boolean; down?: boolean; style?: string } | undefined;
    if (diagonal && (diagonal.up || diagonal.down) && diagonal.style) return true;
    return /^[xX×]$/u.test(this.text(row, col));
  }

  /**
   * Levels from the STT: the first style met is level 0, the next new one level 1, and so on
   * ("1.2" is one level under "1"); a row without STT is a sibling of the row before it.
   */
  private buildTree(rows: BodyRow[]): SttStyle[] {
    const order: StyleKey[] = [];
    const styles: SttStyle[] = [];
    const stack: number[] = [];
    rows.forEach((row, i) => {
      let level: number;
      if (row.style === 'none') level = i === 0 ? 0 : rows[i - 1]!.level;
      else {
        const key = row.style === 'nested' ? 'arabic' : row.style;
        if (!order.includes(key)) order.push(key);
        level = order.indexOf(key) + row.level;
      }
      level = Math.min(level, stack.length);
      stack.length = level;
      row.level = level;
      row.parent = level === 0 ? null : stack[level - 1]!;
      if (row.parent !== null) rows[row.parent]!.children.push(i);
      stack.push(i);
      if (row.style !== 'none' && styles[level] === undefined)
        styles[level] = row.style === 'nested' && level > 0 ? 'nested' : STT_STYLE[row.style];
    });
    const out = Array.from({ length: Math.max(1, styles.length) }, (_, i) => styles[i] ?? 'none');
    return out;
  }

  /** Codes from the "Mã số" column when usable and unique, R01, R02 … otherwise. */
  private rowCodes(rows: BodyRow[], columnCodes: Set<string>): string[] {
    const given = rows.map((r) => r.code);
    const usable =
      given.every((c) => c !== null && formCode.safeParse(c).success && !columnCodes.has(c)) && new Set(given).size === given.length;
    if (usable && rows.length > 0) return given as string[];
    if (given.some((c) => c !== null))
      this.warn(this.ws.name, 'Cột "Mã số" có mã trống, trùng hoặc không hợp lệ; đã đặt mã dòng R01, R02, … thay thế.');
    const width = Math.max(2, String(rows.length).length);
    return rows.map((_, i) => `R${String(i + 1).padStart(width, '0')}`);
  }

  /**
   * Decides where each formula lives, as a designer would: a column whose every valued cell has the
   * same formula is a computed column; a row whose numeric cells (outside computed columns) all have
   * the same formula is a computed row; any other formula stays on its cell.
   */
  private placeFormulas(
    rows: BodyRow[],
    columns: DataColumn[],
    rowCodes: string[],
    isHeaderRow: boolean[],
    disabled: { row: string; col: string }[],
    formulas: Map<string, string>,
  ) {
    const hatched = new Set(disabled.map((d) => `${d.row}:${d.col}`));
    const valued = (i: number, col: string) => !isHeaderRow[i] && !hatched.has(`${rowCodes[i]}:${col}`);
    const columnFormulas = new Map<string, string>();
    for (const column of columns) {
      const texts = rows
        .map((_, i) => (valued(i, column.code) ? (formulas.get(`${i},${column.code}`) ?? null) : undefined))
        .filter((t) => t !== undefined);
      if (texts.length > 0 && texts.every((t) => t !== null && t === texts[0])) columnFormulas.set(column.code, texts[0]!);
    }
    const rowFormulas = new Map<number, string>();
    rows.forEach((_, i) => {
      const texts = columns
        .filter((c) => c.type !== 'text' && c.type !== 'date' && !columnFormulas.has(c.code) && valued(i, c.code))
        .map((c) => formulas.get(`${i},${c.code}`) ?? null);
      if (texts.length > 0 && texts.every((t) => t !== null && t === texts[0])) rowFormulas.set(i, texts[0]!);
    });
    const cellFormulas: { row: string; col: string; formula: string }[] = [];
    for (const [key, text] of formulas) {
      const [index, col] = key.split(',') as [string, string];
      const i = Number(index);
      const column = columns.find((c) => c.code === col)!;
      if (columnFormulas.get(col) === text) continue;
      if (!columnFormulas.has(col) && rowFormulas.get(i) === text && column.type !== 'text' && column.type !== 'date') continue;
      cellFormulas.push({ row: rowCodes[i]!, col, formula: text });
    }
    return { rowFormulas, columnFormulas, cellFormulas };
  }

  /** The column tree from the merged header cells between `top` and `bottom`. */
  private columnTree(
    top: number,
    bottom: number,
    cols: number[],
    byExcel: Map<number, DataColumn>,
    formulas: Map<string, string>,
  ): ColumnNode[] {
    const build = (level: number, from: number, to: number): ColumnNode[] => {
      const out: ColumnNode[] = [];
      for (const c of cols.filter((x) => x >= from && x <= to)) {
        const r = this.rangeOf(level, c);
        if (r.left !== c && c !== from) continue;
        const stacked = r.right === r.left && this.lowestHeaderText(r.bottom + 1, bottom, c) === '';
        if (r.bottom >= bottom || level >= bottom || stacked) {
          const column = byExcel.get(c)!;
          const formula = formulas.get(column.code);
          out.push({
            code: column.code,
            name: column.name,
            type: column.type,
            ...(column.type === 'percent' ? { decimals: 1 } : {}),
            kind: formula ? 'computed' : 'input',
            ...(formula ? { formula } : {}),
            checks: [],
          });
          continue;
        }
        const name = this.text(level, c);
        const children = build(r.bottom + 1, Math.max(r.left, from), Math.min(r.right, to));
        if (name) out.push({ kind: 'group', name, children });
        else out.push(...children);
      }
      return out;
    };
    return build(top, Math.min(...cols), Math.max(...cols));
  }

  /** The header text nearest the body in a column ("Kỳ này" under "Thực hiện"); '' when none. */
  private lowestHeaderText(from: number, to: number, col: number): string {
    for (let r = to; r >= from; r--) {
      const text = this.text(r, col);
      if (text) return text;
    }
    return '';
  }

  /** Code, title, legal basis and unit from the lines above the header. */
  private heading(top: number, lastCol: number) {
    const lines: { text: string; bold: boolean }[] = [];
    for (let r = 1; r < top; r++) {
      for (let c = 1; c <= lastCol; c++) {
        const range = this.rangeOf(r, c);
        if (range.left !== c || range.top !== r) continue;
        const text = this.text(r, c);
        if (text) lines.push({ text, bold: Boolean(this.ws.getCell(r, c).font?.bold) });
      }
    }
    let code: string | null = null;
    let legalBasis: string | null = null;
    let unit: string | null = null;
    const rest: { text: string; bold: boolean }[] = [];
    for (const line of lines) {
      const f = fold(line.text);
      const codeMatch = /^(?:biểu|mẫu)(?:\s+mẫu)?(?:\s+số)?\s*[:.]?\s*(\S+)$/iu.exec(line.text);
      if (!code && codeMatch) code = codeMatch[1]!.slice(0, 50);
      else if (/^(can cu|ban hanh kem theo|\(ban hanh kem theo)/u.test(f))
        legalBasis = line.text.replace(/^\(?\s*(Căn cứ|Ban hành kèm theo)\s*:?\s*/iu, '').replace(/\)$/u, '');
      else if (/^don vi tinh\s*:/u.test(f)) unit = line.text.replace(/^[^:]*:\s*/u, '') || null;
      else if (!/^(don vi|ky bao cao|ngay nhan|noi nhan|\.\.\.|…)/u.test(f) && !/^\.+$|^…+$/u.test(line.text)) rest.push(line);
    }
    // Not the national motto nor the agency's name, which head many forms in bold capitals.
    const titled = rest.filter((l) => l.text.length > 10 && !/^(cong hoa|doc lap|uy ban|ubnd|so |cuc |bo )/u.test(fold(l.text)));
    const pick =
      titled.find((l) => /bao cao|tinh hinh|ket qua|so lieu|thong ke|tong hop/u.test(fold(l.text))) ??
      titled.find((l) => l.bold) ??
      titled.sort((a, b) => b.text.length - a.text.length)[0];
    return {
      code,
      name: pick?.text.slice(0, 500) ?? null,
      legalBasis: legalBasis?.slice(0, 1000) ?? null,
      unit: unit?.slice(0, 50) ?? null,
    };
  }
}

import {
  buildCellSpace,
  FormDecimal,
  isNumericColumn,
  parseNumberCell,
  type CellSpace,
  type Form,
  type FormColumn,
  type ReportCellValue,
} from '@baocao/core';
import type ExcelJS from 'exceljs';

/**
 * Report values in a form's .xlsx layout (the forms module's export): a row of column codes under
 * the header and a "Mã số" column of row codes. Cells are found by those codes, never by position,
 * so a sheet whose rows or columns were moved still reads right. Pure: no database.
 */

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;
/** How far down a codes row is looked for: the heading and a deep header fit well within it. */
const MAX_CODES_ROW = 60;

export interface GridLocation {
  codesRow: number;
  codeColumn: number;
  /** Form column code → sheet column number. */
  columns: Map<string, number>;
  /** Sheet columns right of the fixed ones whose code is not the form's: number → the code written (or null). */
  unknownColumns: Map<number, string | null>;
}

/** A cell's own content: covered cells of a merged range read as empty, not as the range's text. */
function own(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return cell.value;
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value && value.result !== undefined) return textOf(value.result as ExcelJS.CellValue);
  }
  return '';
}

const codeText = (cell: ExcelJS.Cell) => textOf(own(cell)).normalize('NFC').trim();

/**
 * Finds the codes row (the row holding most of the form's column codes) and the code column (of the
 * columns left of the data, the one holding most row codes below it). Null when the sheet has no
 * codes row or no code column: it is not this form's layout.
 */
export function locateGrid(ws: ExcelJS.Worksheet, space: CellSpace): GridLocation | null {
  const colCodes = new Set(space.colIndex.keys());
  let codesRow = 0;
  let best = 0;
  const lastRow = Math.min(ws.rowCount, MAX_CODES_ROW);
  for (let r = 1; r <= lastRow; r++) {
    let hits = 0;
    ws.getRow(r).eachCell((cell) => {
      if (colCodes.has(codeText(cell))) hits++;
    });
    if (hits > best) [best, codesRow] = [hits, r];
  }
  if (codesRow === 0) return null;
  const columns = new Map<string, number>();
  const codesInRow = new Map<number, string>();
  const width = ws.columnCount;
  for (let c = 1; c <= width; c++) {
    const text = codeText(ws.getCell(codesRow, c));
    if (text) codesInRow.set(c, text);
    if (colCodes.has(text) && !columns.has(text)) columns.set(text, c);
  }
  const firstData = Math.min(...columns.values());
  const rowCodes = new Set(space.rowIndex.keys());
  let codeColumn = 0;
  best = 0;
  for (let c = 1; c < firstData; c++) {
    let hits = 0;
    for (let r = codesRow + 1; r <= ws.rowCount; r++) if (rowCodes.has(codeText(ws.getCell(r, c)))) hits++;
    if (hits > best) [best, codeColumn] = [hits, c];
  }
  if (codeColumn === 0) return null;
  const taken = new Set(columns.values());
  const unknownColumns = new Map<number, string | null>();
  for (let c = firstData; c <= width; c++) if (!taken.has(c)) unknownColumns.set(c, codesInRow.get(c) ?? null);
  return { codesRow, codeColumn, columns, unknownColumns };
}

/** Row code → sheet row number, below the codes row (the first row of a code wins). */
export function rowsByCode(ws: ExcelJS.Worksheet, grid: GridLocation): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = grid.codesRow + 1; r <= ws.rowCount; r++) {
    const code = codeText(ws.getCell(r, grid.codeColumn));
    if (code && !out.has(code)) out.set(code, r);
  }
  return out;
}

// ---------- Writing ----------

/** A stored value as an Excel cell value: numbers as numbers (the cell's format shows them the Vietnamese way). */
export function toExcel(column: Pick<FormColumn, 'type'>, value: ReportCellValue): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (isNumericColumn(column as FormColumn) && DECIMAL_TEXT.test(value)) return Number(value);
  if (column.type === 'date' && ISO_DATE.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

/**
 * Writes values into an exported workbook's form sheet, found by codes; other cells (heading,
 * styles, notes, the hidden metadata sheet) stay as the export made them.
 */
export function writeValues(ws: ExcelJS.Worksheet, form: Form, values: ReadonlyMap<string, ReportCellValue>): void {
  const space = buildCellSpace(form);
  const grid = locateGrid(ws, space);
  if (!grid) throw new Error('the exported sheet has no codes row');
  const rows = rowsByCode(ws, grid);
  for (const [key, value] of values) {
    const at = key.indexOf(':');
    const r = rows.get(key.slice(0, at));
    const c = grid.columns.get(key.slice(at + 1));
    const column = space.columns[space.colIndex.get(key.slice(at + 1)) ?? -1]?.column;
    if (r === undefined || c === undefined || !column) continue;
    ws.getCell(r, c).value = toExcel(column, value);
  }
}

// ---------- Reading ----------

export type ReadCell = { ok: true; value: ReportCellValue } | { ok: false; reason: string };

/** Plain decimal text of a spreadsheet number, to the 15 significant digits a spreadsheet keeps. */
export function numberText(n: number): string {
  const d = new FormDecimal(n.toPrecision(15));
  return d.isZero() ? '0' : d.toFixed();
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function quote(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}

/**
 * Reads one cell by its column's type. Numbers typed as text are read the Vietnamese way
 * ("1.234,5"); a percentage formatted as such in Excel (0,125 shown as 12,5%) is read as 12.5 in a
 * percent column. Formulas count by their last computed result.
 */
export function readCell(cell: ExcelJS.Cell, column: Pick<FormColumn, 'type'>): ReadCell {
  let raw = own(cell);
  if (raw && typeof raw === 'object' && !(raw instanceof Date)) {
    if ('error' in raw) return { ok: false, reason: `ô báo lỗi ${String(raw.error)}` };
    if ('formula' in raw || 'sharedFormula' in raw) {
      const result = (raw as { result?: ExcelJS.CellValue }).result;
      if (result === undefined) return { ok: false, reason: 'ô có công thức chưa được tính; hãy mở tệp bằng Excel và lưu lại' };
      if (result && typeof result === 'object' && 'error' in result) return { ok: false, reason: `ô báo lỗi ${String(result.error)}` };
      raw = result;
    } else {
      raw = textOf(raw);
    }
  }
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'string') {
    raw = raw.normalize('NFC').trim();
    if (raw === '') return { ok: true, value: null };
  }
  switch (column.type) {
    case 'number':
    case 'integer':
    case 'percent': {
      if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) return { ok: false, reason: 'giá trị không phải là số hữu hạn' };
        const asPercent = column.type === 'percent' && (cell.numFmt ?? '').includes('%');
        return { ok: true, value: asPercent ? new FormDecimal(numberText(raw)).times(100).toFixed() : numberText(raw) };
      }
      if (typeof raw === 'string') {
        const parsed = parseNumberCell(raw);
        return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.message };
      }
      return { ok: false, reason: `${quote(textOf(raw as ExcelJS.CellValue))} không phải là số` };
    }
    case 'date': {
      if (raw instanceof Date) return { ok: true, value: isoOf(raw) };
      if (typeof raw === 'number') return { ok: true, value: isoOf(new Date(Math.round((raw - 25569) * 86_400_000))) };
      if (typeof raw === 'string') {
        const vn = VN_DATE.exec(raw);
        if (vn) return { ok: true, value: `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` };
        if (ISO_DATE.test(raw)) return { ok: true, value: raw };
      }
      return { ok: false, reason: `${quote(textOf(raw as ExcelJS.CellValue))} không phải là ngày (dd/mm/yyyy)` };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const text = String(raw).toLocaleLowerCase('vi');
      if (['có', 'x', 'true', '1', 'đúng'].includes(text)) return { ok: true, value: true };
      if (['không', 'false', '0', 'sai'].includes(text)) return { ok: true, value: false };
      return { ok: false, reason: `${quote(String(raw))} không phải là giá trị Có/Không` };
    }
    case 'text':
      if (raw instanceof Date) return { ok: true, value: isoOf(raw) };
      if (typeof raw === 'boolean') return { ok: true, value: raw ? 'Có' : 'Không' };
      return { ok: true, value: typeof raw === 'number' ? numberText(raw) : String(raw) };
  }
}

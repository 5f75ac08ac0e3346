import {
  createEvaluator,
  FormDecimal,
  isFormulaError,
  LIST_RECORD_ROW,
  listAsTableForm,
  listLeafColumns,
  parseNumberCell,
  parseTsv,
  cellValueToInput,
  type InputValue,
  type ListColumn,
  type ListForm,
  type RecordProblem,
  type ReportCellValue,
  type Result,
} from '@baocao/core';
import { formatDecimal, parseCell } from '../forms/grid/cellFormat.ts';

/**
 * Entry of a list form (báo cáo danh sách) as pure functions: what a typed or pasted text is stored
 * as, how a stored value reads, the row operations, a pasted block from Excel, computed columns
 * and totals, and the problems of core's checkListRecords placed on their cells. The component
 * (ListEntryTab) only wires them to inputs; the records go out whole with the report's autosave.
 */

export type ListRecord = Record<string, ReportCellValue>;

/** A catalog column's items by code (the stored value is the item's code). */
export type CatalogItems = ReadonlyMap<string, { code: string; name: string }>;

const NUMERIC = new Set<ListColumn['type']>(['number', 'integer', 'percent']);
export const isNumericListColumn = (column: Pick<ListColumn, 'type'>): boolean => NUMERIC.has(column.type);

/** The column as the table form engine sees it: a catalog column holds the item code as text. */
const engineColumn = (column: ListColumn) => ({ type: column.type === 'catalog' ? 'text' : column.type }) as const;

type Decimal = InstanceType<typeof FormDecimal>;
const isDecimal = (v: unknown): v is Decimal => typeof v === 'object' && v !== null && 'plus' in v && 'toFixed' in v;

const fold = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi');

/**
 * What a text typed or pasted into a cell is stored as: numbers as plain decimal text ("1.234,5" →
 * "1234.5"), dates dd/mm/yyyy as YYYY-MM-DD, Có/Không as booleans, a catalog item by its code (or
 * its name, as a spreadsheet has it), text NFC-normalised; empty text empties the cell. A text that
 * does not fit the column is kept as typed, so nothing the user typed is lost: checkListRecords
 * then names it on its cell ("abc" không phải là số) and the report cannot be submitted until fixed.
 */
export function readListValue(raw: string, column: ListColumn, catalog?: CatalogItems): ReportCellValue {
  const text = raw.normalize('NFC').trim();
  if (text === '') return null;
  if (isNumericListColumn(column)) {
    const parsed = parseNumberCell(text, { prefer: 'vi' });
    return parsed.ok && parsed.value !== null ? parsed.value : text;
  }
  switch (column.type) {
    case 'date':
    case 'boolean': {
      const parsed = parseCell(text, { code: column.code, name: column.name, type: column.type, kind: 'input', checks: [] });
      return parsed.ok ? (parsed.value as ReportCellValue) : text;
    }
    case 'catalog': {
      if (!catalog || catalog.has(text)) return text;
      const wanted = fold(text);
      for (const item of catalog.values()) if (fold(item.code) === wanted || fold(item.name) === wanted) return item.code;
      return text;
    }
    default:
      return text;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/u;

/** A stored value as the cell shows it: "1.234,5", dd/mm/yyyy, Có/Không, "code – name" for a catalog item; a value that does not fit as it is. */
export function displayListValue(value: ReportCellValue | undefined, column: ListColumn, catalog?: CatalogItems): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (isNumericListColumn(column) && DECIMAL_TEXT.test(value)) return formatDecimal(new FormDecimal(value), column.decimals);
  if (column.type === 'date') {
    const m = ISO_DATE.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
  }
  if (column.type === 'catalog') {
    const item = catalog?.get(value);
    return item ? `${item.code} – ${item.name}` : value;
  }
  return value;
}

/** The text put in a cell's editor: numbers without grouping and with a decimal comma ("1234,5", as Excel in Vietnamese reads them back), the rest as shown. */
export function editListValue(value: ReportCellValue | undefined, column: ListColumn): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && isNumericListColumn(column) && DECIMAL_TEXT.test(value)) return value.replace('.', ',');
  if (column.type === 'catalog' && typeof value === 'string') return value;
  return displayListValue(value, column);
}

// ---------- Row operations (each returns new records; the input is not changed) ----------

/** The record with one cell set; an empty value removes the key, so an empty cell is an absent key as in table forms. */
export function setRecordValue(records: readonly ListRecord[], index: number, code: string, value: ReportCellValue): ListRecord[] {
  const current = records[index];
  if (!current) return [...records];
  const next = { ...current };
  if (value === null || value === '') delete next[code];
  else next[code] = value;
  const out = [...records];
  out[index] = next;
  return out;
}

/** An empty record inserted before `index` (at the end when `index` is the length). */
export function insertRecord(records: readonly ListRecord[], index: number): ListRecord[] {
  const at = Math.max(0, Math.min(index, records.length));
  return [...records.slice(0, at), {}, ...records.slice(at)];
}

export function removeRecord(records: readonly ListRecord[], index: number): ListRecord[] {
  return records.filter((_, i) => i !== index);
}

/** Whether a record holds nothing (an empty line left at the end). */
export const isBlankRecord = (record: ListRecord): boolean => Object.values(record).every((v) => v === null || v === '');

// ---------- Paste from a spreadsheet ----------

export interface ListPaste {
  records: ListRecord[];
  /** Rows of the block pasted (the header row left out). */
  rows: number;
  /** Cells written. */
  written: number;
  /** Records added at the end for the rows that went past the last record. */
  added: number;
  /** Pasted cells that fell on computed columns (left as computed) or past the last column. */
  skipped: number;
  /** The first pasted row was the columns' names (copied with the header), and was left out. */
  headerSkipped: boolean;
}

/**
 * A TSV block from Excel pasted at a cell (`row`, `col` among the leaf columns): each pasted row
 * fills a record from that column rightwards, values read as typed (readListValue); rows past the
 * last record add records. Cells falling on computed columns or past the last column are skipped.
 * A first row that repeats the columns' names (the header copied along) is left out.
 */
export function pasteIntoRecords(
  records: readonly ListRecord[],
  columns: readonly ListColumn[],
  at: { row: number; col: number },
  tsv: string,
  catalogs?: ReadonlyMap<string, CatalogItems>,
): ListPaste {
  let block = parseTsv(tsv);
  const headerSkipped =
    block.length > 1 &&
    block[0]!.length > 0 &&
    block[0]!.every((cell, i) => {
      const column = columns[at.col + i];
      return column !== undefined && fold(cell) !== '' && (fold(cell) === fold(column.name) || fold(cell) === fold(column.code));
    });
  if (headerSkipped) block = block.slice(1);
  const out = records.map((r) => ({ ...r }));
  let written = 0;
  let skipped = 0;
  let added = 0;
  block.forEach((cells, i) => {
    const index = at.row + i;
    while (out.length <= index) {
      out.push({});
      added += 1;
    }
    const record = out[index]!;
    cells.forEach((cell, j) => {
      const column = columns[at.col + j];
      if (!column || column.kind === 'computed') {
        if (cell.trim() !== '') skipped += 1;
        return;
      }
      const value = readListValue(cell, column, column.catalogCode ? catalogs?.get(column.catalogCode) : undefined);
      if (value === null) delete record[column.code];
      else record[column.code] = value;
      written += 1;
    });
  });
  return { records: out, rows: block.length, written, added, skipped, headerSkipped };
}

/** What the user reads after a paste: "Đã dán 12 ô vào 4 bản ghi (thêm 2 bản ghi mới)…". */
export function listPasteSummary(paste: ListPaste): string {
  const parts = [`Đã dán ${paste.written} ô vào ${paste.rows} bản ghi`];
  if (paste.added > 0) parts[0] += ` (thêm ${paste.added} bản ghi mới)`;
  if (paste.headerSkipped) parts.push('bỏ qua dòng tiêu đề cột');
  if (paste.skipped > 0) parts.push(`bỏ qua ${paste.skipped} ô rơi vào cột tự tính hoặc ngoài danh sách cột`);
  return `${parts.join('; ')}.`;
}

// ---------- Computed columns and totals ----------

export interface ListEngine {
  columns: ListColumn[];
  computed: ListColumn[];
  /** A record's computed values by column code (cached per record object). */
  computedOf: (record: ListRecord) => ReadonlyMap<string, Result>;
}

/** The list's leaf columns and an evaluator of its computed columns, cached per record (a record edited is a new object). */
export function listEngine(list: ListForm): ListEngine {
  const columns = listLeafColumns(list).map((l) => l.column);
  const computed = columns.filter((c) => c.kind === 'computed');
  let evaluator: ReturnType<typeof createEvaluator> | null = null;
  if (computed.length > 0) {
    try {
      evaluator = createEvaluator(listAsTableForm(list));
    } catch {
      evaluator = null;
    }
  }
  const cache = new WeakMap<ListRecord, Map<string, Result>>();
  const none: ReadonlyMap<string, Result> = new Map();
  return {
    columns,
    computed,
    computedOf(record) {
      if (!evaluator) return none;
      const hit = cache.get(record);
      if (hit) return hit;
      const inputs = new Map<string, InputValue>();
      for (const c of columns) {
        if (c.kind === 'input') inputs.set(`${LIST_RECORD_ROW}:${c.code}`, cellValueToInput(engineColumn(c), record[c.code] ?? null));
      }
      const result = evaluator.evaluateAll(inputs);
      const out = new Map<string, Result>();
      for (const c of computed) {
        const key = `${LIST_RECORD_ROW}:${c.code}`;
        out.set(c.code, result.errors.get(key) ?? result.values.get(key) ?? null);
      }
      cache.set(record, out);
      return out;
    },
  };
}

/** The "Tổng cộng" line: each total column's sum over the records (computed columns included); values that are not numbers are left out. */
export function listTotals(list: ListForm, engine: ListEngine, records: readonly ListRecord[]): Map<string, Decimal> {
  const byCode = new Map(engine.columns.map((c) => [c.code, c]));
  const out = new Map<string, Decimal>();
  for (const code of list.totalColumns) {
    const column = byCode.get(code);
    if (!column) continue;
    let sum = new FormDecimal(0);
    for (const record of records) {
      if (column.kind === 'computed') {
        const v = engine.computedOf(record).get(code);
        if (isDecimal(v)) sum = sum.plus(v);
      } else {
        const v = record[code];
        if (typeof v === 'string' && DECIMAL_TEXT.test(v)) sum = sum.plus(new FormDecimal(v));
      }
    }
    out.set(code, sum);
  }
  return out;
}

/** A computed value as its cell shows it ("#LỖI" for a failed formula). */
export function displayComputed(value: Result | undefined, column: ListColumn): string {
  if (value === undefined || value === null) return '';
  if (isFormulaError(value)) return '#LỖI';
  if (isDecimal(value)) return formatDecimal(value, column.decimals);
  return displayListValue(value as ReportCellValue, column);
}

// ---------- Problems on their cells ----------

/** Cell key of a list problem: "<record number>:<column code>" (1-based, as checkListRecords and the server name it). */
export const listCellKey = (index: number, code: string): string => `${index + 1}:${code}`;

/** Parses "<record number>:<column code>" back to a record index and column code. */
export function parseListCellKey(key: string): { index: number; code: string } | null {
  const m = /^(\d+):(.+)$/u.exec(key);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 ? { index: n - 1, code: m[2]! } : null;
}

/** Problems by cell key, and those about the list as a whole (too many records). */
export function problemsByCell(problems: readonly RecordProblem[]): { byCell: Map<string, string[]>; general: string[] } {
  const byCell = new Map<string, string[]>();
  const general: string[] = [];
  for (const p of problems) {
    if (!p.cell) {
      general.push(p.message);
      continue;
    }
    const list = byCell.get(p.cell) ?? [];
    list.push(p.message);
    byCell.set(p.cell, list);
  }
  return { byCell, general };
}

/** "12 bản ghi", "12/50 bản ghi (tối đa 50)". */
export function recordCountText(count: number, maxRecords?: number): string {
  const n = count.toLocaleString('vi-VN');
  return maxRecords === undefined ? `${n} bản ghi` : `${n} bản ghi (tối đa ${maxRecords.toLocaleString('vi-VN')})`;
}

/** Where Enter goes from a cell: the same column of the next record, or a new record at the end from the last one. */
export function enterTarget(index: number, count: number): { index: number; append: boolean } {
  return index + 1 < count ? { index: index + 1, append: false } : { index: count, append: true };
}

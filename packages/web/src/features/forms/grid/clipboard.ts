/**
 * Copy and paste between the entry grid and spreadsheets, on top of core's TSV reader/writer and
 * paste plan. Pure: the grid hands in how to read its cells, and gets back the writes to apply as
 * one undo step and a Vietnamese report of what was pasted, skipped or refused.
 */
import {
  FormDecimal,
  formatNumber,
  parseTsv,
  planPaste,
  toTsv,
  type CellSpace,
  type FormColumn,
  type InputValue,
  type PasteCellKind,
  type Result,
} from '@baocao/core';
import { editText, isNumericType, parseCell } from './cellFormat.ts';
import type { CellWrite } from './history.ts';
import { rectSize, type GridRect } from './selection.ts';

/** The selection as TSV, rows ended by \r\n as Excel writes them; `text` gives a cell's text, null for no value. */
export function copyTsv(rect: GridRect, text: (r: number, c: number) => string | null): string {
  const rows: (string | null)[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: (string | null)[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(text(r, c));
    rows.push(row);
  }
  return toTsv(rows);
}

/**
 * The selected cells of a form as TSV: each cell's text as its editor shows it (numbers without
 * grouping and with a decimal comma, "1234,5", as Excel in Vietnamese reads them back; dates
 * dd/mm/yyyy; Có/Không), computed cells too, and empty for hatched cells and header rows.
 */
export function copyCells(space: CellSpace, rect: GridRect, get: (key: string) => Result | undefined): string {
  const nc = space.columns.length;
  return copyTsv(rect, (r, c) => {
    const i = r * nc + c;
    return space.valued[i] ? editText(get(space.keys[i]!), space.columns[c]!.column) : null;
  });
}

/**
 * The block to paste into a selection. As in Excel: a block pasted into a larger selection whose
 * size is a multiple of the block's is repeated to fill it (so one value fills every selected cell);
 * otherwise the block is pasted as it is, from the selection's top-left cell.
 */
export function fillBlock(block: string[][], selection: GridRect): string[][] {
  const h = block.length;
  const w = block.reduce((m, row) => Math.max(m, row.length), 0);
  if (h === 0 || w === 0) return block;
  const { rows, cols } = rectSize(selection);
  if ((rows === h && cols === w) || rows % h !== 0 || cols % w !== 0) return block;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => block[r % h]?.[c % w] ?? ''));
}

/** How the grid describes its cells to the paste. */
export interface PasteTarget {
  rows: number;
  cols: number;
  /** 'computed' for formula cells, 'locked' for hatched cells and header rows. */
  cellKind: (r: number, c: number) => PasteCellKind;
  column: (c: number) => FormColumn;
  keyAt: (r: number, c: number) => string;
}

/** A form's cells for a paste: formula cells are 'computed', hatched cells and header rows 'locked'. */
export function pasteTargetOf(space: CellSpace): PasteTarget {
  const nc = space.columns.length;
  return {
    rows: space.rows.length,
    cols: nc,
    cellKind: (r, c) => {
      const i = r * nc + c;
      if (!space.valued[i]) return 'locked';
      if (space.formulas[i]) return 'computed';
      return isNumericType(space.columns[c]!.column) ? 'number' : 'text';
    },
    column: (c) => space.columns[c]!.column,
    keyAt: (r, c) => space.keys[r * nc + c]!,
  };
}

export interface PasteIssue {
  r: number;
  c: number;
  message: string;
}

export interface GridPaste {
  /** Values to write, as one undo step; nothing else changes. */
  writes: CellWrite[];
  /** Where the block landed (cut to the form), to select it afterwards; null when nothing was pasted. */
  area: GridRect | null;
  /** Size of the clipboard block, after filling the selection. */
  size: { rows: number; cols: number };
  /** Cells refused: not a number, not an integer, not a date… Nothing written there. */
  rejected: PasteIssue[];
  /** Cells written whose number could be read two ways ("1.234"), with the explanation. */
  warnings: PasteIssue[];
  skippedComputed: number;
  skippedLocked: number;
  overflow: { rows: number; cols: number } | null;
}

function toInput(value: string | null, column: FormColumn, raw: string): { ok: true; value: InputValue } | { ok: false; message: string } {
  if (value === null) return { ok: true, value: null };
  if (isNumericType(column)) {
    const n = new FormDecimal(value);
    if (column.type === 'integer' && !n.isInteger()) return { ok: false, message: `“${raw.trim()}”: cột này chỉ nhận số nguyên.` };
    return { ok: true, value: n };
  }
  if (column.type === 'text') return { ok: true, value };
  // Dates and Có/Không are read like typed text.
  const parsed = parseCell(value, column);
  return parsed.ok ? parsed : { ok: false, message: `“${raw.trim()}”: ${parsed.message}` };
}

/** Plans pasting clipboard text into the selection (its top-left cell is where the block starts). */
export function planGridPaste(text: string, selection: GridRect, target: PasteTarget): GridPaste {
  const block = fillBlock(parseTsv(text), selection);
  const plan = planPaste({
    grid: block,
    target: { row: selection.top, col: selection.left },
    rowCount: target.rows,
    colCount: target.cols,
    cellKind: target.cellKind,
  });
  const writes: CellWrite[] = [];
  const rejected: PasteIssue[] = [];
  const warnings: PasteIssue[] = [];
  for (const p of plan.problems) {
    (p.severity === 'error' ? rejected : warnings).push({ r: p.row, c: p.col, message: p.message });
  }
  const refused = new Set<string>();
  for (const w of plan.writes) {
    const raw = block[w.row - selection.top]?.[w.col - selection.left] ?? '';
    const input = toInput(w.value, target.column(w.col), raw);
    if (input.ok) writes.push({ key: target.keyAt(w.row, w.col), value: input.value });
    else {
      rejected.push({ r: w.row, c: w.col, message: input.message });
      refused.add(`${w.row}:${w.col}`);
    }
  }
  const byPosition = (a: PasteIssue, b: PasteIssue) => a.r - b.r || a.c - b.c;
  rejected.sort(byPosition);
  const height = block.length;
  const width = block.reduce((m, row) => Math.max(m, row.length), 0);
  const usedRows = height - (plan.overflow?.rows ?? 0);
  const usedCols = width - (plan.overflow?.cols ?? 0);
  return {
    writes,
    area:
      usedRows > 0 && usedCols > 0
        ? { top: selection.top, left: selection.left, bottom: selection.top + usedRows - 1, right: selection.left + usedCols - 1 }
        : null,
    size: { rows: height, cols: width },
    rejected,
    warnings: warnings.filter((w) => !refused.has(`${w.r}:${w.c}`)).sort(byPosition),
    skippedComputed: plan.skipped.filter((s) => s.reason === 'computed').length,
    skippedLocked: plan.skipped.filter((s) => s.reason === 'locked').length,
    overflow: plan.overflow,
  };
}

/** A line of a paste report, with the cells it is about listed under it. */
export interface PasteReportLine {
  text: string;
  items?: string[];
}

export interface PasteReport {
  type: 'success' | 'warning' | 'error';
  title: string;
  details: PasteReportLine[];
}

/** Issues listed by name in a report; the rest are counted. */
export const REPORT_LIST_LIMIT = 5;

/**
 * What the user reads after a paste, in Vietnamese. `where(r, c)` names a cell, e.g.
 * "Dòng 1 – Thu từ doanh nghiệp nhà nước, cột 2 – Tháng báo cáo".
 */
export function pasteReport(paste: GridPaste, where: (r: number, c: number) => string): PasteReport {
  if (paste.size.rows === 0 || paste.size.cols === 0) return { type: 'warning', title: 'Không có dữ liệu để dán.', details: [] };
  const n = formatNumber;
  const details: PasteReportLine[] = [];
  const listed = (text: string, issues: PasteIssue[]) => {
    const items = issues.slice(0, REPORT_LIST_LIMIT).map((i) => `${where(i.r, i.c)}: ${i.message}`);
    if (issues.length > REPORT_LIST_LIMIT) items.push(`… và ${n(issues.length - REPORT_LIST_LIMIT)} ô khác.`);
    details.push({ text, items });
  };
  if (paste.rejected.length) listed(`${n(paste.rejected.length)} ô không được ghi vì giá trị không hợp lệ:`, paste.rejected);
  if (paste.overflow) {
    const left = [paste.overflow.rows ? `${n(paste.overflow.rows)} dòng` : '', paste.overflow.cols ? `${n(paste.overflow.cols)} cột` : ''];
    details.push({
      text: `Vùng dán ${n(paste.size.rows)}×${n(paste.size.cols)} vượt quá biểu mẫu: bỏ qua ${left.filter(Boolean).join(', ')}.`,
    });
  }
  if (paste.skippedComputed)
    details.push({ text: `Bỏ qua ${n(paste.skippedComputed)} ô tự tính (có công thức), giữ nguyên giá trị tính.` });
  if (paste.skippedLocked) details.push({ text: `Bỏ qua ${n(paste.skippedLocked)} ô gạch chéo hoặc dòng tiêu đề (không nhập).` });
  if (paste.warnings.length) listed(`${n(paste.warnings.length)} ô cần xem lại cách hiểu số:`, paste.warnings);
  const written = paste.writes.length;
  const title = written > 0 ? `Đã dán ${n(written)} ô.` : 'Không dán được ô nào.';
  const doubtful = written === 0 || paste.rejected.length > 0 || paste.warnings.length > 0 || paste.overflow !== null;
  const type = paste.rejected.length > 0 && written === 0 ? 'error' : doubtful ? 'warning' : 'success';
  return { type, title, details };
}

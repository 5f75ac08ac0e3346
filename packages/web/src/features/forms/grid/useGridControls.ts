import { useEffect, useRef, useState, type ClipboardEvent, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { cellKey, splitKey } from '@baocao/core';
import { editText, parseCell } from './cellFormat.ts';
import { copyCells, pasteReport, pasteTargetOf, planGridPaste, type PasteReport } from './clipboard.ts';
import type { GridState } from './gridState.ts';
import type { CellChange } from './history.ts';
import { move, moveFor, startsTyping, type GridPos, type Move } from './keyboard.ts';
import {
  boundingRect,
  cellsOf,
  clampSelection,
  collapse,
  contains,
  extend,
  extendTo,
  rectOf,
  selectAll,
  selectRect,
  type GridSelection,
} from './selection.ts';

/** The cell being edited: its text, a parse error, and how editing began (typing replaces; F2 keeps the text and the caret keys). */
export interface Editing {
  text: string;
  error?: string;
  how: 'enter' | 'edit';
}

export interface GridControlsInput {
  state: GridState;
  mode: 'entry' | 'hatch';
  readOnly: boolean;
  onToggleHatch?: (row: string, col: string) => void;
  onCellInfo?: (key: string) => void;
  cellInfoKeys?: ReadonlySet<string>;
  /** Rows that fit in the viewport (PageUp/PageDown). */
  pageRows: number;
  ensureVisible: (p: GridPos) => void;
  focusGrid: () => void;
  /** Whether an element belongs to the grid's scrolling area (the editor's blur keeps focus in the grid only then). */
  inGrid: (el: Element | null) => boolean;
  /** Names a cell in messages: "Dòng 1 – Thu…, cột 2 – Tháng báo cáo". */
  cellLabel: (r: number, c: number) => string;
}

/** The position of the cell an event happened in (rows carry data-r, cells data-c). */
function positionOf(target: EventTarget): GridPos | null {
  const td = target instanceof Element ? target.closest('td[data-c]') : null;
  const tr = td?.closest('tr[data-r]');
  if (!(td instanceof HTMLElement) || !(tr instanceof HTMLElement)) return null;
  return { r: Number(tr.dataset.r), c: Number(td.dataset.c) };
}

const isInput = (target: EventTarget) => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

/**
 * Selection, editing, keyboard, mouse and clipboard behaviour of the entry grid, as in a
 * spreadsheet. Every change of values goes through GridState, one undo step per user action.
 */
export function useGridControls(o: GridControlsInput) {
  const { state, mode, readOnly } = o;
  const space = state.evaluator.space;
  const rows = space.rows;
  const cols = space.columns;
  const nr = rows.length;
  const nc = cols.length;
  const [rawSelection, setSelection] = useState<GridSelection | null>(null);
  const sel = clampSelection(rawSelection, nr, nc);
  const [editing, setEditingState] = useState<Editing | null>(null);
  // Read by commit(): the editor's blur right after Escape or Enter must see that editing ended.
  const editingNow = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingNow.current = next;
    setEditingState(next);
  };
  const [report, setReport] = useState<PasteReport | null>(null);
  const dragging = useRef(false);

  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  const entry = mode === 'entry' && !readOnly;
  const keyAt = (p: GridPos) => cellKey(rows[p.r]!.row.code, cols[p.c]!.column.code);
  const canEdit = (p: GridPos) => entry && state.isInput(keyAt(p));

  /** Selects and scrolls `show` (by default the moving corner) into view. */
  const select = (next: GridSelection, show: GridPos = next.focus) => {
    setSelection(next);
    o.ensureVisible(show);
  };

  /** Writes the editor's text into the cell; false (and a message) when it cannot be read. */
  const commit = (): boolean => {
    const current = editingNow.current;
    if (!current || !sel) return true;
    const parsed = parseCell(current.text, cols[sel.active.c]!.column);
    if (!parsed.ok) {
      setEditing({ ...current, error: parsed.message });
      return false;
    }
    state.setValue(keyAt(sel.active), parsed.value);
    setEditing(null);
    return true;
  };

  /** Selects what a step changed, so that the user sees what Ctrl+Z or Ctrl+Y did. */
  const showStep = (step: readonly CellChange[] | null) => {
    const positions: GridPos[] = [];
    for (const change of step ?? []) {
      const [row, col] = splitKey(change.key);
      const r = space.rowIndex.get(row);
      const c = space.colIndex.get(col);
      if (r !== undefined && c !== undefined) positions.push({ r, c });
    }
    const rect = boundingRect(positions);
    if (rect) select(selectRect(rect), { r: rect.top, c: rect.left });
  };

  const undo = () => {
    if (!entry) return;
    setReport(null);
    showStep(state.undo());
  };
  const redo = () => {
    if (!entry) return;
    setReport(null);
    showStep(state.redo());
  };

  /** Delete/Backspace (and cut): empties every input cell of the selection, as one step. */
  const clearSelection = () => {
    if (!sel || !entry) return;
    const writes = [];
    for (const p of cellsOf(rectOf(sel))) {
      const key = keyAt(p);
      if (state.isInput(key)) writes.push({ key, value: null });
    }
    state.apply(writes);
  };

  /** Pastes spreadsheet text at the selection as one step, and says what happened. */
  const paste = (text: string) => {
    if (!sel) return;
    const plan = planGridPaste(text, rectOf(sel), pasteTargetOf(space));
    state.apply(plan.writes);
    if (plan.area) select(selectRect(plan.area), { r: plan.area.top, c: plan.area.left });
    setReport(pasteReport(plan, o.cellLabel));
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || nr === 0 || nc === 0 || isInput(e.target)) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const letter = e.key.toLowerCase();
    if (ctrl && !e.altKey && (letter === 'z' || letter === 'y')) {
      e.preventDefault();
      if (letter === 'y' || e.shiftKey) redo();
      else undo();
      return;
    }
    if (ctrl && !e.altKey && letter === 'a') {
      e.preventDefault();
      setSelection(selectAll(sel, nr, nc));
      return;
    }
    if (e.altKey && e.key === 'ArrowDown' && sel && o.cellInfoKeys?.has(keyAt(sel.active))) {
      e.preventDefault();
      o.onCellInfo?.(keyAt(sel.active));
      return;
    }
    const m: Move | null = moveFor(e);
    if (m) {
      e.preventDefault();
      if (!sel) return select(collapse({ r: 0, c: 0 }));
      const page = Math.max(1, o.pageRows - 1);
      if (e.shiftKey && m !== 'next' && m !== 'prev') select(extend(sel, m, nr, nc, page));
      else select(collapse(move(sel.active, m, nr, nc, page)));
      return;
    }
    if (!sel) return;
    const pos = sel.active;
    if (mode === 'hatch' && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      o.onToggleHatch?.(rows[pos.r]!.row.code, cols[pos.c]!.column.code);
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      select(collapse(move(pos, e.shiftKey ? 'up' : 'down', nr, nc)));
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      if (canEdit(pos)) setEditing({ text: editText(state.get(keyAt(pos)), cols[pos.c]!.column), how: 'edit' });
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      clearSelection();
      return;
    }
    if (startsTyping(e) && canEdit(pos)) {
      e.preventDefault();
      setEditing({ text: e.key, how: 'enter' });
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!sel || !editing) return;
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(null);
      o.focusGrid();
      return;
    }
    const arrows: Record<string, Move> =
      editing.how === 'enter'
        ? { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }
        : { ArrowUp: 'up', ArrowDown: 'down' };
    const next: Move | undefined =
      e.key === 'Enter' ? (e.shiftKey ? 'up' : 'down') : e.key === 'Tab' ? (e.shiftKey ? 'prev' : 'next') : arrows[e.key];
    if (!next) return;
    e.preventDefault();
    if (!commit()) return;
    select(collapse(move(sel.active, next, nr, nc)));
    o.focusGrid();
  };

  const onEditorBlur = (e: FocusEvent<HTMLInputElement>) => {
    // Keep the focus where the user put it (the explanation boxes, the toolbar), but never lose it to the page.
    if (commit() && (!e.relatedTarget || o.inGrid(e.relatedTarget as Element))) o.focusGrid();
  };

  const onBodyMouseDown = (e: MouseEvent<HTMLElement>) => {
    if (e.target instanceof Element && e.target.closest('[data-cell-info]')) return;
    const p = positionOf(e.target);
    if (!p) return;
    if (e.button !== 0) {
      if (!sel || !contains(rectOf(sel), p)) setSelection(collapse(p));
      return;
    }
    const same = sel?.active.r === p.r && sel.active.c === p.c;
    if (editing && !same && !commit()) return;
    if (mode === 'hatch') {
      setSelection(collapse(p));
      o.onToggleHatch?.(rows[p.r]!.row.code, cols[p.c]!.column.code);
      return;
    }
    if (e.shiftKey && sel) {
      setSelection(extendTo(sel, p));
      return;
    }
    setSelection(collapse(p));
    dragging.current = true;
  };

  const onBodyMouseOver = (e: MouseEvent<HTMLElement>) => {
    if (!dragging.current || !sel) return;
    if ((e.buttons & 1) === 0) {
      dragging.current = false;
      return;
    }
    const p = positionOf(e.target);
    if (p && (p.r !== sel.focus.r || p.c !== sel.focus.c)) setSelection(extendTo(sel, p));
  };

  const onBodyClick = (e: MouseEvent<HTMLElement>) => {
    const button = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-cell-info]') : null;
    if (button?.dataset.cellInfo) o.onCellInfo?.(button.dataset.cellInfo);
  };

  const onBodyDoubleClick = (e: MouseEvent<HTMLElement>) => {
    const p = positionOf(e.target);
    if (!p || !canEdit(p) || editing) return;
    setSelection(collapse(p));
    setEditing({ text: editText(state.get(keyAt(p)), cols[p.c]!.column), how: 'edit' });
  };

  /** Copy writes the selection as TSV; the editor's own copy and paste stay native. */
  const onCopy = (e: ClipboardEvent<HTMLDivElement>): boolean => {
    if (editing || !sel || isInput(e.target)) return false;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyCells(space, rectOf(sel), state.get));
    return true;
  };

  const onCut = (e: ClipboardEvent<HTMLDivElement>) => {
    if (onCopy(e)) clearSelection();
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || !sel || isInput(e.target)) return;
    e.preventDefault();
    if (!entry) {
      const why = readOnly ? 'Bảng đang ở chế độ chỉ xem: không dán được số liệu.' : 'Hãy tắt chế độ gạch chéo ô trước khi dán số liệu.';
      setReport({ type: 'warning', title: why, details: [] });
      return;
    }
    paste(e.clipboardData.getData('text/plain'));
  };

  return {
    selection: sel,
    editing,
    setEditingText: (text: string) => setEditing(editingNow.current ? { text, how: editingNow.current.how } : null),
    report,
    closeReport: () => setReport(null),
    select,
    selectCell: (p: GridPos) => select(collapse(p)),
    onFocus: () => {
      if (!sel && nr && nc) setSelection(collapse({ r: 0, c: 0 }));
    },
    undo,
    redo,
    paste,
    onGridKey,
    onEditorKey,
    onEditorBlur,
    onBodyMouseDown,
    onBodyMouseOver,
    onBodyClick,
    onBodyDoubleClick,
    onCopy,
    onCut,
    onPaste,
  };
}

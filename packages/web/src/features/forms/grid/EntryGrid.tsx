import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { Typography } from 'antd';
import { cellKey, headerRows, numberRows, type ConstraintViolation, type Form, type InputValue, type PeriodResolver } from '@baocao/core';
import { useGridState } from './gridState.ts';
import type { CellWrite } from './history.ts';
import { DEFAULT_LAYOUT, ROW_HEIGHT, STT_WIDTH, UNIT_WIDTH, columnWidth, nameWidth, type GridLayout } from './layout.ts';
import { isSingleCell, rectOf } from './selection.ts';
import { useGridControls } from './useGridControls.ts';
import { GridBodyRow } from './GridBodyRow.tsx';
import { GridHead } from './GridHead.tsx';
import { GridToolbar, PasteReportAlert } from './GridToolbar.tsx';
import { ViolationsPanel } from './ViolationsPanel.tsx';
import './grid.css';

/** What the grid holds, for the page around it (saving, checking before sending). */
export interface EntryGridSnapshot {
  /** Input cells that hold a value, keyed "row:col" (a copy; computed cells are not included). */
  values: Map<string, InputValue>;
  /** Constraint and built-in check violations on those values. */
  violations: ConstraintViolation[];
}

/**
 * Imperative handle (`ref`), for what a page does at a moment of its choosing:
 * `getSnapshot()` before saving or sending (violations are checked right then, never stale);
 * `apply(writes)` to put values in as one user step (undoable, reported through onChange and
 * onChangeBatch), e.g. after an Excel import; `focusCell(key)` to show a cell from a list of problems.
 */
export interface EntryGridHandle {
  getSnapshot: () => EntryGridSnapshot;
  apply: (writes: CellWrite[]) => void;
  focusCell: (key: string) => void;
}

export interface EntryGridProps {
  form: Form;
  layout?: GridLayout;
  /** Height of the scrolling area in px. */
  height?: number;
  /** entry: type values; hatch: a click toggles a cell's hatching (the designer). */
  mode?: 'entry' | 'hatch';
  onToggleHatch?: (row: string, col: string) => void;
  /** Values at mount; later changes of this prop are ignored (give the grid a new `key` to load another report). */
  initialValues?: ReadonlyMap<string, InputValue>;
  /** Called for each changed cell (kept for the designer's preview); prefer onChangeBatch. */
  onChange?: (key: string, value: InputValue) => void;
  /** Called once per user step (a typed cell, a paste, a clear, an undo, a redo) with every cell it changed; null empties a cell. */
  onChangeBatch?: (changes: CellWrite[]) => void;
  /**
   * Called after values change, once the constraint checks have caught up (a moment after typing,
   * not on each key), and once at mount. The values map is a copy.
   */
  onStateChange?: (snapshot: EntryGridSnapshot) => void;
  /** No edits (typing, paste, delete, undo); selection and copy still work. */
  readOnly?: boolean;
  /** Values of other periods for PREV, SAMEPERIOD_LASTYEAR and YTD. Keep it stable (memoise it): a new one rebuilds the engine. */
  resolver?: PeriodResolver;
  /** Notes by cell key (e.g. a consolidator's override), shown as a corner mark and in the cell's tooltip. */
  cellNotes?: ReadonlyMap<string, string>;
  /** Cells with a drill-down icon (consolidated cells); a click or Alt+↓ calls onCellInfo with the cell key. */
  cellInfoKeys?: ReadonlySet<string>;
  onCellInfo?: (key: string) => void;
  /** Explanations (giải trình) of warnings by violationKey(v); with onExplain the panel has a box per warning. */
  explanations?: Readonly<Record<string, string>>;
  onExplain?: (violationKey: string, text: string) => void;
  /** More buttons in the toolbar (e.g. "Nhập từ Excel"). */
  toolbarExtra?: ReactNode;
  /** The "Xóa số liệu thử" button (the designer's preview); default shown. */
  showClearAll?: boolean;
  showPanel?: boolean;
  ref?: Ref<EntryGridHandle>;
  'data-testid'?: string;
}

const OVERSCAN = 8;

/**
 * The entry grid: a form as a unit fills it, and feels like a spreadsheet. Merged multi-row header,
 * STT, indented names, đơn vị tính, hatched and computed cells, live recomputation, constraint
 * marks; range selection (Shift+arrows, Shift+click, drag, Ctrl+A), copy/cut/paste with Excel as
 * TSV in Vietnamese number format, undo/redo (Ctrl+Z, Ctrl+Y) by user step; frozen header and
 * first columns; row windowing (only the rows in view are in the DOM, and memoised).
 */
export function EntryGrid({
  form,
  layout = DEFAULT_LAYOUT,
  height = 520,
  mode = 'entry',
  onToggleHatch,
  initialValues,
  onChange,
  onChangeBatch,
  onStateChange,
  readOnly = false,
  resolver,
  cellNotes,
  cellInfoKeys,
  onCellInfo,
  explanations,
  onExplain,
  toolbarExtra,
  showClearAll = true,
  showPanel = true,
  ref,
  'data-testid': testId = 'entry-grid',
}: EntryGridProps) {
  const state = useGridState(form, { initial: initialValues, onChange, onChangeBatch, resolver });
  const { space } = state.evaluator;
  const rows = space.rows;
  const cols = space.columns;
  const stt = useMemo(() => numberRows(form), [form]);
  const header = useMemo(() => headerRows(form), [form]);
  const depth = Math.max(1, header.length);

  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(height);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);

  // Widths and left offsets of the fixed columns (STT, Chỉ tiêu, Đơn vị tính) and the data columns.
  const widths = useMemo(
    () => [STT_WIDTH, nameWidth(layout), UNIT_WIDTH, ...cols.map((c) => columnWidth(layout, c.column.code))],
    [layout, cols],
  );
  const frozenCount = 3 + Math.min(Math.max(0, layout.frozen), cols.length);
  const lefts = useMemo(() => {
    const out: number[] = [];
    let x = 0;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    return out;
  }, [widths]);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const frozenWidth = lefts[frozenCount - 1]! + widths[frozenCount - 1]!;
  const sticky = useCallback((i: number) => (i < frozenCount ? { left: lefts[i] } : undefined), [frozenCount, lefts]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el) setViewport(el.clientHeight);
  }, [height]);

  const headHeight = () => headRef.current?.offsetHeight ?? 0;
  const start = Math.max(0, Math.floor(Math.max(0, scrollTop - headHeight()) / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(rows.length, start + Math.ceil(viewport / ROW_HEIGHT) + OVERSCAN * 2);

  const ensureVisible = (p: { r: number; c: number }) => {
    const el = scrollRef.current;
    if (!el) return;
    const head = headRef.current?.offsetHeight ?? 0;
    const top = p.r * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (head + top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = head + top + ROW_HEIGHT - el.clientHeight;
    const i = p.c + 3;
    if (i >= frozenCount) {
      const x = lefts[i]!;
      const w = widths[i]!;
      if (x < el.scrollLeft + frozenWidth) el.scrollLeft = x - frozenWidth;
      else if (x + w > el.scrollLeft + el.clientWidth) el.scrollLeft = x + w - el.clientWidth;
    }
  };

  const focusGrid = () => scrollRef.current?.focus({ preventScroll: true });

  const rowLabel = useCallback(
    (code: string) => {
      const i = space.rowIndex.get(code);
      const r = i === undefined ? undefined : space.rows[i];
      return r ? `${stt.get(code) || code} – ${r.row.name}` : code;
    },
    [space, stt],
  );

  const controls = useGridControls({
    state,
    mode,
    readOnly,
    onToggleHatch,
    onCellInfo,
    cellInfoKeys,
    pageRows: Math.floor(viewport / ROW_HEIGHT),
    ensureVisible,
    focusGrid,
    inGrid: (el) => !!el && !!scrollRef.current?.contains(el),
    cellLabel: (r, c) => `Dòng ${rowLabel(rows[r]!.row.code)}, cột ${c + 1} – ${cols[c]!.column.name}`,
  });
  const { selection, editing } = controls;

  const jump = useRef(controls.selectCell);
  jump.current = controls.selectCell;
  const onJump = useCallback(
    (v: ConstraintViolation) => {
      jump.current({ r: v.row ? (space.rowIndex.get(v.row) ?? 0) : 0, c: v.col ? (space.colIndex.get(v.col) ?? 0) : 0 });
      scrollRef.current?.focus({ preventScroll: true });
    },
    [space],
  );

  useImperativeHandle(
    ref,
    () => ({
      getSnapshot: () => ({ values: state.values(), violations: state.check() }),
      apply: (writes) => void state.apply(writes),
      focusCell: (key) => {
        const at = key.indexOf(':');
        const r = space.rowIndex.get(key.slice(0, at));
        const c = space.colIndex.get(key.slice(at + 1));
        if (r === undefined || c === undefined) return;
        jump.current({ r, c });
        scrollRef.current?.focus({ preventScroll: true });
      },
    }),
    [state, space],
  );

  // Tell the page after the checks caught up; the latest callback, so that an inline one causes no loop.
  const stateListener = useRef(onStateChange);
  stateListener.current = onStateChange;
  const values = state.values;
  useEffect(() => {
    stateListener.current?.({ values: values(), violations: state.violations });
  }, [state.violations, values]);

  const errors = state.violations.filter((v) => v.severity === 'error').length;
  const warnings = state.violations.length - errors;

  if (cols.length === 0 || rows.length === 0) {
    return (
      <div className="eg-empty" data-testid={testId}>
        <Typography.Text type="secondary">
          {rows.length === 0 ? 'Biểu mẫu chưa có dòng chỉ tiêu nào.' : 'Biểu mẫu chưa có cột số liệu nào.'} Hãy thêm ở bước “Chỉ tiêu, cột
          và công thức”.
        </Typography.Text>
      </div>
    );
  }

  const rect = selection ? rectOf(selection) : null;
  const range = rect && !isSingleCell(rect) ? rect : null;
  const editor = editing
    ? {
        text: editing.text,
        error: editing.error,
        onText: controls.setEditingText,
        onKey: controls.onEditorKey,
        onBlur: controls.onEditorBlur,
      }
    : null;
  const activeKey = selection ? cellKey(rows[selection.active.r]!.row.code, cols[selection.active.c]!.column.code) : undefined;

  return (
    <div className="eg-wrap" data-testid={testId}>
      <div className="eg-main">
        <GridToolbar
          mode={mode}
          readOnly={readOnly}
          canUndo={state.canUndo}
          canRedo={state.canRedo}
          onUndo={() => {
            controls.undo();
            focusGrid();
          }}
          onRedo={() => {
            controls.redo();
            focusGrid();
          }}
          onClearAll={showClearAll ? state.clear : undefined}
          errors={errors}
          warnings={warnings}
          formulaErrors={state.formulaErrors}
          extra={toolbarExtra}
        />
        {controls.report && <PasteReportAlert report={controls.report} onClose={controls.closeReport} />}
        <div
          ref={scrollRef}
          className={`eg-scroll${mode === 'hatch' ? ' eg-hatch-mode' : ''}${readOnly ? ' eg-readonly' : ''}`}
          // Never taller than the form itself: a 5-row form gets no empty white box under it.
          style={{ height: Math.min(height, (depth + 1) * 44 + rows.length * ROW_HEIGHT + 18) }}
          tabIndex={0}
          role="grid"
          aria-label={`Bảng nhập liệu: ${form.name}`}
          aria-rowcount={rows.length + depth}
          aria-multiselectable
          aria-readonly={readOnly || undefined}
          data-active-cell={activeKey}
          onKeyDown={controls.onGridKey}
          onCopy={controls.onCopy}
          onCut={controls.onCut}
          onPaste={controls.onPaste}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onFocus={controls.onFocus}
        >
          <table className="eg-table" style={{ width: totalWidth }}>
            <colgroup>
              {widths.map((w, i) => (
                <col key={i} style={{ width: w }} />
              ))}
            </colgroup>
            <GridHead ref={headRef} header={header} space={space} frozenCount={frozenCount} sticky={sticky} />
            <tbody
              onMouseDown={controls.onBodyMouseDown}
              onMouseOver={controls.onBodyMouseOver}
              onClick={controls.onBodyClick}
              onDoubleClick={controls.onBodyDoubleClick}
            >
              {start > 0 && <tr style={{ height: start * ROW_HEIGHT }} aria-hidden />}
              {rows.slice(start, end).map((r) => {
                const inRange = range !== null && r.index >= range.top && r.index <= range.bottom;
                const isActiveRow = selection?.active.r === r.index;
                return (
                  <GridBodyRow
                    key={r.index}
                    flat={r}
                    stt={stt.get(r.row.code) ?? ''}
                    columns={cols}
                    evaluator={state.evaluator}
                    version={state.version}
                    byCell={state.byCell}
                    sticky={sticky}
                    frozenCount={frozenCount}
                    active={isActiveRow ? selection.active.c : null}
                    selFrom={inRange ? range.left : -1}
                    selTo={inRange ? range.right : -1}
                    selTop={inRange && r.index === range.top}
                    selBottom={inRange && r.index === range.bottom}
                    editor={isActiveRow ? editor : null}
                    notes={cellNotes}
                    infoKeys={cellInfoKeys}
                  />
                );
              })}
              {end < rows.length && <tr style={{ height: (rows.length - end) * ROW_HEIGHT }} aria-hidden />}
            </tbody>
          </table>
        </div>
        {editing?.error && (
          <Typography.Text type="danger" role="alert" className="eg-parse-error">
            {editing.error}
          </Typography.Text>
        )}
      </div>
      {showPanel && (
        <ViolationsPanel
          violations={state.violations}
          rowName={rowLabel}
          onJump={onJump}
          explanations={explanations}
          onExplain={onExplain}
          readOnly={readOnly}
        />
      )}
    </div>
  );
}

import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Flex, Typography } from 'antd';
import { cellKey, headerRows, numberRows, type ConstraintViolation, type Form, type InputValue } from '@baocao/core';
import { editText, parseCell } from './cellFormat.ts';
import { useGridState } from './gridState.ts';
import { moveFor, move, startsTyping, type GridPos } from './keyboard.ts';
import { DEFAULT_LAYOUT, ROW_HEIGHT, STT_WIDTH, UNIT_WIDTH, columnWidth, nameWidth, type GridLayout } from './layout.ts';
import { GridBodyRow } from './GridBodyRow.tsx';
import { ViolationsPanel } from './ViolationsPanel.tsx';
import './grid.css';

export interface EntryGridProps {
  form: Form;
  layout?: GridLayout;
  /** Height of the scrolling area in px. */
  height?: number;
  /** entry: type values; hatch: a click toggles a cell's hatching (the designer). */
  mode?: 'entry' | 'hatch';
  onToggleHatch?: (row: string, col: string) => void;
  initialValues?: ReadonlyMap<string, InputValue>;
  onChange?: (key: string, value: InputValue) => void;
  showPanel?: boolean;
  'data-testid'?: string;
}

const OVERSCAN = 8;

/**
 * The entry grid: a form as a unit fills it. Merged multi-row header, STT, indented names, đơn vị
 * tính, hatched and computed cells, live recomputation, constraint marks, spreadsheet keys, frozen
 * header and first columns, and row windowing (only the rows in view are in the DOM).
 */
export function EntryGrid({
  form,
  layout = DEFAULT_LAYOUT,
  height = 520,
  mode = 'entry',
  onToggleHatch,
  initialValues,
  onChange,
  showPanel = true,
  'data-testid': testId = 'entry-grid',
}: EntryGridProps) {
  const state = useGridState(form, initialValues, onChange);
  const { space } = state.evaluator;
  const rows = space.rows;
  const cols = space.columns;
  const stt = useMemo(() => numberRows(form), [form]);
  const header = useMemo(() => headerRows(form), [form]);
  const depth = Math.max(1, header.length);

  const [active, setActive] = useState<GridPos | null>(null);
  const [editing, setEditing] = useState<{ text: string; error?: string } | null>(null);
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
  const sticky = (i: number) => (i < frozenCount ? { left: lefts[i] } : undefined);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el) setViewport(el.clientHeight);
  }, [height]);

  const headHeight = () => headRef.current?.offsetHeight ?? 0;
  const start = Math.max(0, Math.floor(Math.max(0, scrollTop - headHeight()) / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(rows.length, start + Math.ceil(viewport / ROW_HEIGHT) + OVERSCAN * 2);

  const keyAt = (p: GridPos) => cellKey(rows[p.r]!.row.code, cols[p.c]!.column.code);

  const ensureVisible = useCallback(
    (p: GridPos) => {
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
    },
    [frozenCount, frozenWidth, lefts, widths],
  );

  const focusGrid = () => scrollRef.current?.focus({ preventScroll: true });

  const goTo = (p: GridPos) => {
    setActive(p);
    ensureVisible(p);
  };

  const canEdit = (p: GridPos) => mode === 'entry' && state.isInput(keyAt(p));

  /** Writes the editor's text into the cell; false (and a message) when it cannot be read. */
  const commit = (): boolean => {
    if (!editing || !active) return true;
    const column = cols[active.c]!.column;
    const parsed = parseCell(editing.text, column);
    if (!parsed.ok) {
      setEditing({ ...editing, error: parsed.message });
      return false;
    }
    state.setValue(keyAt(active), parsed.value);
    setEditing(null);
    return true;
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || rows.length === 0 || cols.length === 0) return;
    const pos = active ?? { r: 0, c: 0 };
    const m = moveFor(e);
    if (m) {
      e.preventDefault();
      goTo(active ? move(pos, m, rows.length, cols.length, Math.floor(viewport / ROW_HEIGHT) - 1) : pos);
      return;
    }
    if (!active) return;
    if (mode === 'hatch' && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onToggleHatch?.(rows[pos.r]!.row.code, cols[pos.c]!.column.code);
      return;
    }
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (canEdit(pos)) setEditing({ text: editText(state.get(keyAt(pos)), cols[pos.c]!.column) });
      else if (e.key === 'Enter') goTo(move(pos, e.shiftKey ? 'up' : 'down', rows.length, cols.length));
      return;
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && canEdit(pos)) {
      e.preventDefault();
      state.setValue(keyAt(pos), null);
      return;
    }
    if (startsTyping(e) && canEdit(pos)) {
      e.preventDefault();
      setEditing({ text: e.key });
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!active) return;
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(null);
      focusGrid();
      return;
    }
    const next =
      e.key === 'Enter'
        ? e.shiftKey
          ? 'up'
          : 'down'
        : e.key === 'Tab'
          ? e.shiftKey
            ? 'prev'
            : 'next'
          : e.key === 'ArrowUp'
            ? 'up'
            : e.key === 'ArrowDown'
              ? 'down'
              : null;
    if (!next) return;
    e.preventDefault();
    if (!commit()) return;
    goTo(move(active, next, rows.length, cols.length));
    focusGrid();
  };

  const onCellDown = (p: GridPos) => {
    if (editing && active && (active.r !== p.r || active.c !== p.c) && !commit()) return;
    setActive(p);
    if (mode === 'hatch') onToggleHatch?.(rows[p.r]!.row.code, cols[p.c]!.column.code);
  };

  const onCellDouble = (p: GridPos) => {
    if (canEdit(p)) setEditing({ text: editText(state.get(keyAt(p)), cols[p.c]!.column) });
  };

  const jump = (v: ConstraintViolation) => {
    const r = v.row ? (space.rowIndex.get(v.row) ?? 0) : 0;
    const c = v.col ? (space.colIndex.get(v.col) ?? 0) : 0;
    goTo({ r, c });
    focusGrid();
  };

  const rowLabel = (code: string) => {
    const i = space.rowIndex.get(code);
    const r = i === undefined ? undefined : rows[i];
    return r ? `${stt.get(code) || code} – ${r.row.name}` : code;
  };

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

  return (
    <div className="eg-wrap" data-testid={testId}>
      <div className="eg-main">
        <Flex className="eg-toolbar" gap={16} wrap align="center">
          <span className="eg-legend">
            <span className="eg-swatch eg-swatch-input" /> Ô nhập liệu
          </span>
          <span className="eg-legend">
            <span className="eg-swatch eg-swatch-computed" /> Ô tự tính
          </span>
          <span className="eg-legend">
            <span className="eg-swatch eg-swatch-hatched" /> Ô gạch chéo (không nhập)
          </span>
          <Typography.Text type="secondary" className="eg-hint">
            {mode === 'hatch'
              ? 'Bấm vào ô để gạch chéo hoặc bỏ gạch chéo.'
              : 'Gõ số để nhập, Enter/F2 để sửa, phím mũi tên hoặc Tab để di chuyển. Số nhập dạng 1.234,5.'}
          </Typography.Text>
          {mode === 'entry' && (
            <Button size="small" onClick={() => state.clear()}>
              Xóa số liệu thử
            </Button>
          )}
          <span className="eg-status" aria-live="polite">
            {errors > 0 && <Typography.Text type="danger">{errors} lỗi</Typography.Text>}
            {errors > 0 && warnings > 0 && ' · '}
            {warnings > 0 && <Typography.Text type="warning">{warnings} cảnh báo</Typography.Text>}
            {state.formulaErrors > 0 && <Typography.Text type="danger"> · {state.formulaErrors} ô lỗi công thức</Typography.Text>}
          </span>
        </Flex>
        <div
          ref={scrollRef}
          className={`eg-scroll${mode === 'hatch' ? ' eg-hatch-mode' : ''}`}
          // Never taller than the form itself: a 5-row form gets no empty white box under it.
          style={{ height: Math.min(height, (depth + 1) * 44 + rows.length * ROW_HEIGHT + 18) }}
          tabIndex={0}
          role="grid"
          aria-label={`Bảng nhập liệu: ${form.name}`}
          aria-rowcount={rows.length + depth}
          onKeyDown={onGridKey}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onFocus={() => {
            if (!active && rows.length && cols.length) setActive({ r: 0, c: 0 });
          }}
        >
          <table className="eg-table" style={{ width: totalWidth }}>
            <colgroup>
              {widths.map((w, i) => (
                <col key={i} style={{ width: w }} />
              ))}
            </colgroup>
            <thead ref={headRef}>
              {Array.from({ length: depth }, (_, level) => (
                <tr key={level}>
                  {level === 0 && (
                    <>
                      <th rowSpan={depth} className="eg-sticky" style={sticky(0)}>
                        STT
                      </th>
                      <th rowSpan={depth} className="eg-sticky" style={sticky(1)}>
                        Chỉ tiêu
                      </th>
                      <th rowSpan={depth} className="eg-sticky" style={sticky(2)}>
                        Đơn vị tính
                      </th>
                    </>
                  )}
                  {(header[level] ?? []).map((h, i) => {
                    const ci = h.column ? space.colIndex.get(h.column) : undefined;
                    const isSticky = ci !== undefined && ci + 3 < frozenCount;
                    return (
                      <th
                        key={`${level}-${i}`}
                        colSpan={h.colSpan}
                        rowSpan={h.rowSpan}
                        className={isSticky ? 'eg-sticky' : undefined}
                        style={isSticky ? sticky(ci + 3) : undefined}
                        title={h.column ? `Mã cột: ${h.column}` : undefined}
                      >
                        {h.label}
                      </th>
                    );
                  })}
                </tr>
              ))}
              <tr className="eg-colnum">
                {['A', 'B', 'C'].map((l, i) => (
                  <th key={l} className="eg-sticky" style={sticky(i)}>
                    {l}
                  </th>
                ))}
                {cols.map((c, i) => (
                  <th key={c.column.code} className={i + 3 < frozenCount ? 'eg-sticky' : undefined} style={sticky(i + 3)}>
                    {i + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {start > 0 && <tr style={{ height: start * ROW_HEIGHT }} aria-hidden />}
              {rows.slice(start, end).map((r) => (
                <GridBodyRow
                  key={r.index}
                  flat={r}
                  stt={stt.get(r.row.code) ?? ''}
                  columns={cols}
                  state={state}
                  sticky={sticky}
                  frozenCount={frozenCount}
                  active={active?.r === r.index ? active.c : null}
                  editing={active?.r === r.index ? editing : null}
                  onEditText={(text) => setEditing({ text })}
                  onEditorKey={onEditorKey}
                  onEditorBlur={() => {
                    if (commit()) focusGrid();
                  }}
                  onCellDown={onCellDown}
                  onCellDouble={onCellDouble}
                />
              ))}
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
      {showPanel && <ViolationsPanel violations={state.violations} rowName={rowLabel} onJump={jump} />}
    </div>
  );
}

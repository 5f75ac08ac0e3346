import { memo, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';
import { ApartmentOutlined } from '@ant-design/icons';
import { cellKey, isFormulaError, type ConstraintViolation, type FlatColumn, type FlatRow, type FormEvaluator } from '@baocao/core';
import { formatCell, isNumericType } from './cellFormat.ts';
import { ROW_HEIGHT } from './layout.ts';

/** The cell editor, given only to the row that holds the active cell while it is edited. */
export interface RowEditor {
  text: string;
  error?: string;
  onText: (text: string) => void;
  onKey: (e: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: (e: FocusEvent<HTMLInputElement>) => void;
}

interface Props {
  flat: FlatRow;
  stt: string;
  columns: FlatColumn[];
  evaluator: FormEvaluator;
  /** Changes with every value change; the row reads values through the evaluator. */
  version: number;
  byCell: Map<string, ConstraintViolation[]>;
  sticky: (i: number) => CSSProperties | undefined;
  frozenCount: number;
  /** The active column in this row, if the active cell is here. */
  active: number | null;
  /** Columns of a multi-cell selection in this row (-1 when none), and whether the row is its top or bottom edge. */
  selFrom: number;
  selTo: number;
  selTop: boolean;
  selBottom: boolean;
  editor: RowEditor | null;
  notes: ReadonlyMap<string, string> | undefined;
  infoKeys: ReadonlySet<string> | undefined;
}

/**
 * One row of the entry grid: STT, indented name, đơn vị tính, then the cells. Memoised: while the
 * user types in a cell or scrolls, the other rows are not rendered again (their props are
 * primitives, stable maps and stable functions). Mouse events are handled by the grid's body
 * (data-r on the row, data-c on each cell).
 */
export const GridBodyRow = memo(function GridBodyRow({
  flat,
  stt,
  columns,
  evaluator,
  byCell,
  sticky,
  frozenCount,
  active,
  selFrom,
  selTo,
  selTop,
  selBottom,
  editor,
  notes,
  infoKeys,
}: Props) {
  const { row, level, index: r } = flat;
  const space = evaluator.space;
  const nc = columns.length;
  const rowClass = `eg-row eg-row-${row.kind} eg-level-${Math.min(level, 3)}`;
  return (
    <tr className={rowClass} style={{ height: ROW_HEIGHT }} data-row={row.code} data-r={r}>
      <td className="eg-sticky eg-stt" style={sticky(0)}>
        {stt}
      </td>
      <td className="eg-sticky eg-name" style={{ ...sticky(1), paddingLeft: 8 + level * 18 }} title={`${row.name} (mã ${row.code})`}>
        {row.name}
      </td>
      <td className="eg-sticky eg-unit" style={sticky(2)}>
        {row.unit ?? ''}
      </td>
      {columns.map((c) => {
        const i = r * nc + c.index;
        const key = cellKey(row.code, c.column.code);
        const valued = space.valued[i] === 1;
        const formula = space.formulas[i];
        const value = valued ? evaluator.get(key) : undefined;
        const marks = byCell.get(key);
        const note = notes?.get(key);
        const info = infoKeys?.has(key) ?? false;
        const isActive = active === c.index;
        const selected = selFrom >= 0 && c.index >= selFrom && c.index <= selTo;
        const classes = ['eg-cell'];
        if (c.index + 3 < frozenCount) classes.push('eg-sticky');
        if (row.kind === 'header') classes.push('eg-void');
        else if (!valued) classes.push('eg-hatched');
        else if (formula) classes.push('eg-computed');
        else classes.push('eg-input');
        if (isNumericType(c.column)) classes.push('eg-num');
        if (marks?.some((m) => m.severity === 'error') || isFormulaError(value)) classes.push('eg-mark-error');
        else if (marks?.length) classes.push('eg-mark-warning');
        if (isActive) classes.push('eg-active');
        if (selected) {
          classes.push('eg-sel');
          if (selTop) classes.push('eg-sel-t');
          if (selBottom) classes.push('eg-sel-b');
          if (c.index === selFrom) classes.push('eg-sel-l');
          if (c.index === selTo) classes.push('eg-sel-r');
        }
        if (note) classes.push('eg-has-note');
        if (info) classes.push('eg-has-info');
        const title = [
          formula ? `Công thức: ${formula.text}` : undefined,
          isFormulaError(value) ? value.message : undefined,
          ...(marks ?? []).map((m) => m.message),
          note ? `Ghi chú: ${note}` : undefined,
        ]
          .filter(Boolean)
          .join('\n');
        return (
          <td
            key={c.column.code}
            className={classes.join(' ')}
            style={sticky(c.index + 3)}
            data-cell={key}
            data-c={c.index}
            role="gridcell"
            aria-selected={isActive || selected}
            aria-readonly={!valued || !!formula}
            title={title || undefined}
          >
            {info && (
              <button
                type="button"
                className="eg-info"
                data-cell-info={key}
                tabIndex={-1}
                aria-label={`Xem chi tiết số liệu ${row.name} – ${c.column.name}`}
                title="Xem số liệu từng đơn vị (Alt+↓)"
              >
                <ApartmentOutlined aria-hidden />
              </button>
            )}
            {isActive && editor ? (
              <input
                className={`eg-editor${editor.error ? ' eg-editor-invalid' : ''}`}
                aria-label={`Nhập ${row.name} – ${c.column.name}`}
                aria-invalid={!!editor.error}
                autoFocus
                value={editor.text}
                onFocus={(e) => {
                  // Caret at the end, as after F2 in a spreadsheet.
                  const end = e.currentTarget.value.length;
                  e.currentTarget.setSelectionRange(end, end);
                }}
                onChange={(e) => editor.onText(e.target.value)}
                onKeyDown={editor.onKey}
                onBlur={editor.onBlur}
                onMouseDown={(e) => e.stopPropagation()}
              />
            ) : (
              formatCell(value, c.column)
            )}
          </td>
        );
      })}
    </tr>
  );
});

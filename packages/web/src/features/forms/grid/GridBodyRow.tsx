import type { CSSProperties, KeyboardEvent } from 'react';
import { cellKey, isFormulaError, type FlatColumn, type FlatRow } from '@baocao/core';
import { formatCell, isNumericType } from './cellFormat.ts';
import type { GridState } from './gridState.ts';
import type { GridPos } from './keyboard.ts';
import { ROW_HEIGHT } from './layout.ts';

interface Props {
  flat: FlatRow;
  stt: string;
  columns: FlatColumn[];
  state: GridState;
  sticky: (i: number) => CSSProperties | undefined;
  frozenCount: number;
  /** The active column in this row, if the active cell is here. */
  active: number | null;
  editing: { text: string; error?: string } | null;
  onEditText: (text: string) => void;
  onEditorKey: (e: KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: () => void;
  onCellDown: (p: GridPos) => void;
  onCellDouble: (p: GridPos) => void;
}

/** One row of the entry grid: STT, indented name, đơn vị tính, then the cells. */
export function GridBodyRow({
  flat,
  stt,
  columns,
  state,
  sticky,
  frozenCount,
  active,
  editing,
  onEditText,
  onEditorKey,
  onEditorBlur,
  onCellDown,
  onCellDouble,
}: Props) {
  const { row, level, index: r } = flat;
  const space = state.evaluator.space;
  const nc = columns.length;
  const rowClass = `eg-row eg-row-${row.kind} eg-level-${Math.min(level, 3)}`;
  return (
    <tr className={rowClass} style={{ height: ROW_HEIGHT }} data-row={row.code}>
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
        const value = valued ? state.get(key) : undefined;
        const marks = state.byCell.get(key);
        const isActive = active === c.index;
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
        const title = [
          formula ? `Công thức: ${formula.text}` : undefined,
          isFormulaError(value) ? value.message : undefined,
          ...(marks ?? []).map((m) => m.message),
        ]
          .filter(Boolean)
          .join('\n');
        return (
          <td
            key={c.column.code}
            className={classes.join(' ')}
            style={sticky(c.index + 3)}
            data-cell={key}
            role="gridcell"
            aria-selected={isActive}
            aria-readonly={!valued || !!formula}
            title={title || undefined}
            onMouseDown={() => onCellDown({ r, c: c.index })}
            onDoubleClick={() => onCellDouble({ r, c: c.index })}
          >
            {isActive && editing ? (
              <input
                className={`eg-editor${editing.error ? ' eg-editor-invalid' : ''}`}
                aria-label={`Nhập ${row.name} – ${c.column.name}`}
                aria-invalid={!!editing.error}
                autoFocus
                value={editing.text}
                onChange={(e) => onEditText(e.target.value)}
                onKeyDown={onEditorKey}
                onBlur={onEditorBlur}
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
}

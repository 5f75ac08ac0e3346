import { type CSSProperties, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Pagination } from 'antd';
import type { PivotDimension, PivotResult } from '@baocao/core';
import { bodyRows, columnHeaderRows, type HeaderCell } from './pivotModel.ts';

/** Width of each row-header column, so the sticky columns know where the previous one ends. */
const HEADER_WIDTHS: Record<PivotDimension, number> = {
  indicator: 260,
  measure: 140,
  disaggregation: 160,
  unit: 240,
  period: 140,
  year: 90,
  regime: 220,
};
const DEFAULT_PAGE_SIZE = 200;

function headerOffsets(dimensions: readonly PivotDimension[]): { widths: number[]; lefts: number[] } {
  const widths = dimensions.length ? dimensions.map((d) => HEADER_WIDTHS[d]) : [160];
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  return { widths, lefts };
}

const kindClass = (kind: HeaderCell['kind']) => (kind === 'subtotal' ? ' pivot-subtotal' : kind === 'total' ? ' pivot-total' : '');

export interface PivotTableProps {
  result: PivotResult;
  /** Rows per page: a long table is paged so that scrolling stays smooth (5,000 rows and more). */
  pageSize?: number;
  caption?: string;
  'data-testid'?: string;
}

/**
 * A pivot table as a semantic table: header rows for the column dimensions, row headers spanning
 * their groups, "Cộng" rows shaded, "Tổng cộng" bold, figures right-aligned in Vietnamese format.
 * Headers and the row-header columns stay in place while the figures scroll.
 */
export function PivotTable({ result, pageSize = DEFAULT_PAGE_SIZE, caption, 'data-testid': testId = 'pivot-table' }: PivotTableProps) {
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(pageSize);
  const total = result.rows.length;
  const current = Math.min(page, Math.max(1, Math.ceil(total / size)));
  const head = useMemo(() => columnHeaderRows(result), [result]);
  const body = useMemo(() => bodyRows(result, (current - 1) * size, current * size), [result, current, size]);
  const { widths, lefts } = headerOffsets(result.rowDimensions);
  const headerDepth = widths.length;
  // Without column dimension the single column is the figure itself, not a total to stress.
  const columnKinds = result.columns.map((c) => (result.columnDimensions.length ? c.kind : 'member'));
  const scroll = useRef<HTMLDivElement>(null);
  const thead = useRef<HTMLTableSectionElement>(null);

  // A long group's label sticks under the header while its rows scroll by.
  useLayoutEffect(() => {
    const head = thead.current;
    const box = scroll.current;
    if (!head || !box) return;
    const update = () => box.style.setProperty('--pivot-head-height', `${head.offsetHeight}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  const sticky = (level: number, colSpan: number): CSSProperties => {
    const width = widths.slice(level, level + colSpan).reduce((a, b) => a + b, 0);
    return { left: lefts[level], minWidth: width, maxWidth: width };
  };

  return (
    <>
      <div className="pivot-scroll" data-testid={testId} ref={scroll}>
        <table className="pivot-table">
          {caption && <caption className="pivot-caption">{caption}</caption>}
          <thead ref={thead}>
            {head.map((cells, level) => {
              let position = 0;
              return (
                <tr key={level}>
                  {cells.map((cell, i) => {
                    const isRowTitle = level === 0 && i < headerDepth;
                    const style = isRowTitle ? sticky(i, 1) : undefined;
                    const column = position;
                    if (!isRowTitle) position += cell.colSpan;
                    return (
                      <th
                        key={i}
                        scope={isRowTitle ? undefined : 'col'}
                        colSpan={cell.colSpan}
                        rowSpan={cell.rowSpan}
                        className={`${isRowTitle ? 'pivot-corner' : 'pivot-colhead'}${kindClass(cell.kind)}`}
                        style={style}
                        data-column={isRowTitle ? undefined : column}
                      >
                        {cell.text}
                      </th>
                    );
                  })}
                </tr>
              );
            })}
          </thead>
          <tbody>
            {body.map((row) => {
              let level = headerDepth - row.headers.reduce((n, c) => n + c.colSpan, 0);
              return (
                <tr key={row.index} className={`pivot-row${kindClass(row.kind)}`} data-kind={row.kind}>
                  {row.headers.map((cell, i) => {
                    const style = sticky(level, cell.colSpan);
                    const cls = `pivot-rowhead${kindClass(cell.kind)}`;
                    level += cell.colSpan;
                    return (
                      <th key={i} scope="row" colSpan={cell.colSpan} rowSpan={cell.rowSpan} className={cls} style={style}>
                        {cell.rowSpan > 1 ? <span className="pivot-group-label">{cell.text}</span> : cell.text}
                      </th>
                    );
                  })}
                  {row.figures.map((figure, c) => (
                    <td key={c} className={`pivot-figure${kindClass(columnKinds[c] ?? 'member')}`}>
                      {figure}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {total > size && (
        <Pagination
          className="pivot-pagination"
          size="small"
          current={current}
          pageSize={size}
          total={total}
          pageSizeOptions={[100, 200, 500, 1000]}
          showSizeChanger
          showTotal={(t, [a, b]) => `Dòng ${a}–${b} trong ${t} dòng`}
          onChange={(p, s) => {
            setPage(s === size ? p : 1);
            setSize(s);
          }}
        />
      )}
    </>
  );
}

import { memo, type CSSProperties, type Ref } from 'react';
import type { CellSpace, HeaderCell } from '@baocao/core';

interface Props {
  header: HeaderCell[][];
  space: CellSpace;
  frozenCount: number;
  sticky: (i: number) => CSSProperties | undefined;
  ref?: Ref<HTMLTableSectionElement>;
}

/** The merged multi-row header, then the row of column numbers (A, B, C, 1, 2…) that paste messages refer to. */
export const GridHead = memo(function GridHead({ header, space, frozenCount, sticky, ref }: Props) {
  const depth = Math.max(1, header.length);
  return (
    <thead ref={ref}>
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
        {space.columns.map((c, i) => (
          <th key={c.column.code} className={i + 3 < frozenCount ? 'eg-sticky' : undefined} style={sticky(i + 3)}>
            {i + 1}
          </th>
        ))}
      </tr>
    </thead>
  );
});

import type { ColumnNode, Form } from './model.ts';

export interface HeaderCell {
  label: string;
  colSpan: number;
  rowSpan: number;
  /** Set on leaf columns: the column code. */
  column?: string;
}

/**
 * The column header as a grid of merged cells, top row first, ready for <th colspan rowspan>.
 * A group spans its leaves and one row; a leaf spans down to the bottom row. For
 * "Kế hoạch năm" | "Thực hiện" over ("Kỳ này", "Lũy kế") the grid is
 *   [Kế hoạch năm (rowSpan 2)] [Thực hiện (colSpan 2)]
 *                              [Kỳ này] [Lũy kế]
 * Fixed columns (STT, Chỉ tiêu, Đơn vị tính) are the renderer's: give them rowSpan = grid.length.
 */
export function headerRows(form: Pick<Form, 'columns'>): HeaderCell[][] {
  const depth = Math.max(0, ...form.columns.map(nodeDepth));
  const grid: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const visit = (nodes: ColumnNode[], level: number) => {
    for (const node of nodes) {
      if (node.kind === 'group') {
        const span = leafCount(node);
        if (span === 0) continue;
        grid[level]!.push({ label: node.name, colSpan: span, rowSpan: 1 });
        visit(node.children, level + 1);
      } else {
        grid[level]!.push({ label: node.name, colSpan: 1, rowSpan: depth - level, column: node.code });
      }
    }
  };
  visit(form.columns, 0);
  return grid;
}

function nodeDepth(node: ColumnNode): number {
  return node.kind === 'group' ? 1 + Math.max(0, ...node.children.map(nodeDepth)) : 1;
}

function leafCount(node: ColumnNode): number {
  return node.kind === 'group' ? node.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

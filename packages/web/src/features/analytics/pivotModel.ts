import { FormDecimal, formatNumber, PIVOT_DIMENSION_LABELS, type PivotDimension, type PivotHeader, type PivotResult } from '@baocao/core';
import { formatDecimal } from '../forms/grid/cellFormat.ts';

/**
 * The pivot table as the page lays it out, in pure functions: Vietnamese figures, header cells with
 * their spans (outer members spanning their inner ones, "Cộng" after a group, "Tổng cộng" last), and
 * what the chart and the captions read.
 */

export const EMPTY_FIGURE = '–';

/** "1234.5" → "1.234,5"; no figure → "–". The decimal's own digits are formatted, never a float. */
export function formatFigure(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY_FIGURE;
  return formatDecimal(new FormDecimal(value));
}

/** "Tổng hợp từ 1.234 số liệu" */
export function factCountText(count: number): string {
  return `Tổng hợp từ ${formatNumber(count)} số liệu`;
}

/** "Số lao động được tạo việc làm (Người)": an indicator as readers know it, with its unit of measure. */
export function indicatorTitle(name: string, unitOfMeasure: string | null): string {
  return unitOfMeasure ? `${name} (${unitOfMeasure})` : name;
}

/** A member's label; an indicator's is its name with the unit of measure. */
export function memberLabel(result: PivotResult, dimension: PivotDimension | undefined, key: string, label: string): string {
  if (dimension !== 'indicator') return label;
  const indicator = result.indicators.find((i) => i.code === key);
  return indicator ? indicatorTitle(indicator.name, indicator.unitOfMeasure) : label;
}

/** The indicator named above the table when it is on neither axis (one indicator only). */
export function tableCaption(result: PivotResult): string | null {
  if (result.rowDimensions.includes('indicator') || result.columnDimensions.includes('indicator')) return null;
  return result.indicators.map((i) => indicatorTitle(i.name, i.unitOfMeasure)).join('; ') || null;
}

export interface HeaderCell {
  text: string;
  kind: PivotHeader['kind'];
  colSpan: number;
  rowSpan: number;
}

/** How many labels a header shows on its own, before its "Cộng" / "Tổng cộng" cell. */
function ownLevels(header: PivotHeader, depth: number): number {
  return header.kind === 'member' ? depth : header.kind === 'subtotal' ? header.keys.length : 0;
}

const samePrefix = (a: PivotHeader, b: PivotHeader, level: number) => {
  for (let l = 0; l <= level; l++) if (a.keys[l] !== b.keys[l]) return false;
  return true;
};

/**
 * Cells of one axis's headers, level by level: `cells[h][level]` is the cell header h starts at
 * that level (null when a neighbour's span covers it). `span` runs along the axis, `depthSpan`
 * across the levels (a "Cộng" fills the levels left below its group).
 */
function axisCells(result: PivotResult, headers: readonly PivotHeader[], dimensions: readonly PivotDimension[]) {
  const depth = Math.max(dimensions.length, 1);
  const cells: ({ text: string; kind: PivotHeader['kind']; span: number; depthSpan: number } | null)[][] = headers.map(() =>
    new Array<null>(depth).fill(null),
  );
  for (let level = 0; level < depth; level++) {
    let open: { header: PivotHeader; cell: { span: number } } | null = null;
    headers.forEach((header, h) => {
      const own = ownLevels(header, dimensions.length);
      if (level < own) {
        if (
          open &&
          open.header.kind !== 'total' &&
          level < ownLevels(open.header, dimensions.length) &&
          samePrefix(open.header, header, level)
        ) {
          open.cell.span++;
          return;
        }
        const cell = {
          text: memberLabel(result, dimensions[level], header.keys[level]!, header.labels[level] ?? header.keys[level]!),
          kind: 'member' as const,
          span: 1,
          depthSpan: 1,
        };
        cells[h]![level] = cell;
        open = { header, cell };
      } else if (level === own) {
        const text = header.kind === 'total' ? 'Tổng cộng' : header.kind === 'subtotal' ? 'Cộng' : '';
        cells[h]![level] = { text, kind: header.kind, span: 1, depthSpan: depth - level };
        open = null;
      } else {
        open = null;
      }
    });
  }
  return cells;
}

/**
 * The header rows above the figures: one per column dimension (one when there is none). The row
 * dimensions' titles come first in the top row, spanning every header row.
 */
export function columnHeaderRows(result: PivotResult): HeaderCell[][] {
  const depth = Math.max(result.columnDimensions.length, 1);
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const titles = result.rowDimensions.length ? result.rowDimensions.map((d) => PIVOT_DIMENSION_LABELS[d]) : [''];
  for (const title of titles) rows[0]!.push({ text: title, kind: 'member', colSpan: 1, rowSpan: depth });
  const cells = axisCells(result, result.columns, result.columnDimensions);
  const noColumnDimension = result.columnDimensions.length === 0;
  for (let level = 0; level < depth; level++) {
    cells.forEach((line) => {
      const cell = line[level];
      if (!cell) return;
      const text = noColumnDimension ? 'Số liệu' : cell.text;
      rows[level]!.push({ text, kind: cell.kind, colSpan: cell.span, rowSpan: cell.depthSpan });
    });
  }
  return rows;
}

export interface BodyRow {
  index: number;
  kind: PivotHeader['kind'];
  /** The row's header cells (left), those covered by a span above already left out. */
  headers: HeaderCell[];
  /** Figures formatted, one per column. */
  figures: string[];
}

/**
 * The body rows `from` (inclusive) to `to` (exclusive): spans are cut at the slice's edges, so a page
 * of a long table repeats the label of a group that began on the previous page.
 */
export function bodyRows(result: PivotResult, from = 0, to = result.rows.length): BodyRow[] {
  const slice = result.rows.slice(from, to);
  const cells = axisCells(result, slice, result.rowDimensions);
  return slice.map((header, i) => ({
    index: from + i,
    kind: header.kind,
    headers: cells[i]!.flatMap((cell) => (cell ? [{ text: cell.text, kind: cell.kind, colSpan: cell.depthSpan, rowSpan: cell.span }] : [])),
    figures: (result.cells[from + i] ?? []).map(formatFigure),
  }));
}

/** Whether the table holds any figure at all. */
export function hasFigures(result: PivotResult): boolean {
  return result.factCount > 0 && result.cells.some((line) => line.some((v) => v !== null));
}

/** A header's labels joined, for one-line uses (chart series, categories): "Phường A – Tháng 10/2026". */
export function headerText(result: PivotResult, header: PivotHeader, dimensions: readonly PivotDimension[]): string {
  if (header.kind === 'total') return 'Tổng cộng';
  const own = header.keys.map((k, l) => memberLabel(result, dimensions[l], k, header.labels[l] ?? k));
  return header.kind === 'subtotal' ? `${own.join(' – ')} – Cộng` : own.join(' – ');
}

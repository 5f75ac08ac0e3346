import type { EChartsOption } from 'echarts';
import { CHART_TYPE_LABELS, formatNumber, type ChartType, type PivotHeader, type PivotResult } from '@baocao/core';
import { EMPTY_FIGURE, headerText } from './pivotModel.ts';

/**
 * A chart drawn from a pivot table: one series per row, one category per column, totals and
 * sub-totals left out (they would dwarf the members). A pie shows the rows' totals, or, when there
 * is a single row, that row's columns.
 */

/** Beyond this, series are dropped (and the reader told): a legend of hundreds helps nobody. */
export const MAX_SERIES = 40;

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartData {
  categories: string[];
  series: ChartSeries[];
  /** Series left out beyond MAX_SERIES. */
  omitted: number;
}

const toNumber = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : Number(v));

/** Member headers of an axis with their index; the total alone when there is no member (an axis without dimension). */
function leaves(headers: readonly PivotHeader[]): { header: PivotHeader; index: number }[] {
  const members = headers.flatMap((header, index) => (header.kind === 'member' ? [{ header, index }] : []));
  if (members.length) return members;
  const total = headers.findIndex((h) => h.kind === 'total');
  return total >= 0 ? [{ header: headers[total]!, index: total }] : [];
}

/** Series and categories of the chart; `transpose` swaps them (series = columns). */
export function chartData(result: PivotResult, transpose = false): ChartData {
  const rows = leaves(result.rows).map(({ header, index }) => ({ index, name: headerText(result, header, result.rowDimensions) }));
  const cols = leaves(result.columns).map(({ header, index }) => ({ index, name: headerText(result, header, result.columnDimensions) }));
  const value = (r: number, c: number) => toNumber(result.cells[r]?.[c]);
  const [seriesAxis, categoryAxis] = transpose ? [cols, rows] : [rows, cols];
  const series = seriesAxis.slice(0, MAX_SERIES).map((s) => ({
    name: s.name,
    values: categoryAxis.map((c) => (transpose ? value(c.index, s.index) : value(s.index, c.index))),
  }));
  return { categories: categoryAxis.map((c) => c.name), series, omitted: Math.max(0, seriesAxis.length - MAX_SERIES) };
}

/** Slices of the pie: the rows' totals (or first column), or the columns of a single row. */
export function pieSlices(result: PivotResult): { name: string; value: number }[] {
  const rows = leaves(result.rows);
  const cols = leaves(result.columns);
  const totalColumn = result.columns.findIndex((h) => h.kind === 'total');
  const slice = (name: string, v: number | null) => (v === null ? [] : [{ name, value: v }]);
  if (rows.length > 1) {
    const column = totalColumn >= 0 && result.columnDimensions.length > 0 ? totalColumn : (cols[0]?.index ?? 0);
    return rows.flatMap(({ header, index }) =>
      slice(headerText(result, header, result.rowDimensions), toNumber(result.cells[index]?.[column])),
    );
  }
  const row = rows[0]?.index ?? 0;
  return cols.flatMap(({ header, index }) =>
    slice(headerText(result, header, result.columnDimensions), toNumber(result.cells[row]?.[index])),
  );
}

/** A pie reads up to about a dozen slices; the smaller rest becomes one "Khác" slice. */
export const MAX_PIE_SLICES = 12;

/** The slices drawn: the largest ones, the others added into "Khác (n mục)". */
export function groupedPieSlices(result: PivotResult): { name: string; value: number }[] {
  const slices = pieSlices(result);
  if (slices.length <= MAX_PIE_SLICES) return slices;
  const sorted = [...slices].sort((a, b) => b.value - a.value);
  const kept = sorted.slice(0, MAX_PIE_SLICES - 1);
  const rest = sorted.slice(MAX_PIE_SLICES - 1);
  return [...kept, { name: `Khác (${rest.length} mục)`, value: rest.reduce((sum, s) => sum + s.value, 0) }];
}

/** A figure in a tooltip or on an axis: "1.234,5", or "–" when there is none. */
export function chartFigure(value: unknown): string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? formatNumber(n) : EMPTY_FIGURE;
}

/** "12,5%" */
function percent(value: number): string {
  return `${formatNumber(Math.round(value * 10) / 10)}%`;
}

export function pivotChartOption(result: PivotResult, type: ChartType, transpose = false): EChartsOption {
  const legend = { type: 'scroll' as const, bottom: 0 };
  if (type === 'pie') {
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { name, value, percent: share } = p as { name: string; value: number; percent: number };
          return `${name}: <b>${chartFigure(value)}</b> (${percent(share)})`;
        },
      },
      legend,
      series: [
        {
          type: 'pie',
          radius: ['30%', '65%'],
          center: ['50%', '45%'],
          data: groupedPieSlices(result),
          label: { formatter: (p: unknown) => `${(p as { name: string }).name}\n${percent((p as { percent: number }).percent)}` },
        },
      ],
    };
  }
  const data = chartData(result, transpose);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => chartFigure(v) },
    legend,
    grid: { left: 16, right: 24, top: 24, bottom: 48, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => chartFigure(v) } },
    series: data.series.map((s) => ({
      name: s.name,
      type: type === 'line' ? ('line' as const) : ('bar' as const),
      data: s.values,
      connectNulls: false,
      ...(type === 'stacked' ? { stack: 'tong' } : {}),
      emphasis: { focus: 'series' as const },
    })),
  };
}

/** What the chart shows, for screen readers: type, series and categories, and where the figures are. */
export function describeChart(result: PivotResult, type: ChartType, transpose = false): string {
  const kind = `Biểu đồ ${CHART_TYPE_LABELS[type].toLowerCase()}`;
  if (type === 'pie') {
    const slices = groupedPieSlices(result);
    return `${kind} gồm ${slices.length} phần: ${slices.map((s) => `${s.name} ${chartFigure(s.value)}`).join('; ')}.`;
  }
  const data = chartData(result, transpose);
  const first = data.categories[0];
  const last = data.categories[data.categories.length - 1];
  const range =
    first === undefined ? '' : first === last ? ` theo ${first}` : ` theo ${data.categories.length} mục, từ ${first} đến ${last}`;
  return `${kind}: ${data.series.length} chuỗi số liệu (${data.series.map((s) => s.name).join('; ')})${range}. Số liệu chi tiết xem ở thẻ Bảng.`;
}

import { describe, expect, it } from 'vitest';
import type { PivotResult } from '@baocao/core';
import {
  chartData,
  chartFigure,
  describeChart,
  groupedPieSlices,
  MAX_PIE_SLICES,
  MAX_SERIES,
  pieSlices,
  pivotChartOption,
} from './pivotChartOptions.ts';
import { goldenPivot } from './pivot.test-support.ts';

interface AxisSeries {
  name: string;
  type: string;
  data: (number | null)[];
  stack?: string;
}

describe('chart data from a pivot', () => {
  const result = goldenPivot(['unit'], ['period']);

  it('one series per ward, one category per month, totals left out (no 200,5 nor 250)', () => {
    expect(chartData(result)).toEqual({
      categories: ['Tháng 1/2026', 'Tháng 2/2026'],
      series: [
        { name: 'Phường Hồng Bàng', values: [120, 80.5] },
        { name: 'Phường Lê Chân', values: [30, 19.5] },
      ],
      omitted: 0,
    });
  });

  it('transposed: one series per month, one category per ward', () => {
    expect(chartData(result, true).series).toEqual([
      { name: 'Tháng 1/2026', values: [120, 30] },
      { name: 'Tháng 2/2026', values: [80.5, 19.5] },
    ]);
  });

  it('sub-total rows are not series: indicator × unit gives 3 series, not 5', () => {
    const nested = goldenPivot(['indicator', 'unit'], ['period'], ['LD_TAO_VIEC_LAM', 'KHACH_DL']);
    expect(chartData(nested).series.map((s) => s.name)).toEqual([
      'Số lao động được tạo việc làm (Người) – Phường Hồng Bàng',
      'Số lao động được tạo việc làm (Người) – Phường Lê Chân',
      'Lượt khách du lịch (Lượt) – Phường Hồng Bàng',
    ]);
  });

  it('a pie shows the wards’ row totals: 200,5 and 49,5', () => {
    expect(pieSlices(result)).toEqual([
      { name: 'Phường Hồng Bàng', value: 200.5 },
      { name: 'Phường Lê Chân', value: 49.5 },
    ]);
  });

  it('a pie of a single row shows its columns: 150 in January, 100 in February', () => {
    expect(pieSlices(goldenPivot([], ['period']))).toEqual([
      { name: 'Tháng 1/2026', value: 150 },
      { name: 'Tháng 2/2026', value: 100 },
    ]);
  });

  it('a pie of 15 units draws the 11 largest and "Khác (4 mục)" adding the 4 smallest: 1 + 2 + 3 + 4 = 10', () => {
    const fifteen: PivotResult = {
      ...result,
      rows: [
        ...Array.from({ length: 15 }, (_, i) => ({ kind: 'member' as const, keys: [`u${i}`], labels: [`Xã ${i + 1}`] })),
        { kind: 'total' as const, keys: [], labels: ['Tổng cộng'] },
      ],
      // Row totals 1, 2, …, 15 in the total column (the third).
      cells: [...Array.from({ length: 15 }, (_, i) => ['0', '0', String(i + 1)]), ['0', '0', '120']],
    };
    const slices = groupedPieSlices(fifteen);
    expect(slices).toHaveLength(MAX_PIE_SLICES);
    expect(slices[0]).toEqual({ name: 'Xã 15', value: 15 });
    expect(slices.at(-1)).toEqual({ name: 'Khác (4 mục)', value: 10 });
    expect(groupedPieSlices(result)).toEqual(pieSlices(result));
  });

  it(`keeps at most ${MAX_SERIES} series and counts the others: 45 rows → ${MAX_SERIES} drawn, 5 omitted`, () => {
    const many: PivotResult = {
      ...result,
      rows: [
        ...Array.from({ length: 45 }, (_, i) => ({ kind: 'member' as const, keys: [`u${i}`], labels: [`Xã ${i}`] })),
        { kind: 'total' as const, keys: [], labels: ['Tổng cộng'] },
      ],
      cells: Array.from({ length: 46 }, () => ['1', '2', '3']),
    };
    const data = chartData(many);
    expect(data.series).toHaveLength(MAX_SERIES);
    expect(data.omitted).toBe(5);
  });
});

describe('ECharts options', () => {
  const result = goldenPivot(['unit'], ['period']);

  it('figures in tooltips and on axes read in Vietnamese: 1234.5 → "1.234,5", no figure → "–"', () => {
    expect(chartFigure(1234.5)).toBe('1.234,5');
    expect(chartFigure('2000000')).toBe('2.000.000');
    expect(chartFigure(null)).toBe('–');
    const option = pivotChartOption(result, 'column') as { tooltip: { valueFormatter: (v: unknown) => string } };
    expect(option.tooltip.valueFormatter(80.5)).toBe('80,5');
  });

  it('line, column and stacked column differ only in series type and stacking', () => {
    const series = (type: 'line' | 'column' | 'stacked') => (pivotChartOption(result, type) as { series: AxisSeries[] }).series;
    expect(series('line').map((s) => s.type)).toEqual(['line', 'line']);
    expect(series('column').map((s) => [s.type, s.stack])).toEqual([
      ['bar', undefined],
      ['bar', undefined],
    ]);
    expect(series('stacked').map((s) => [s.type, s.stack])).toEqual([
      ['bar', 'tong'],
      ['bar', 'tong'],
    ]);
    expect(series('line')[0]!.data).toEqual([120, 80.5]);
  });

  it('a pie tooltip gives the figure and the share: "Phường Hồng Bàng: 200,5 (80,2%)"', () => {
    const option = pivotChartOption(result, 'pie') as { tooltip: { formatter: (p: unknown) => string } };
    // 200,5 / 250 = 80,2%
    expect(option.tooltip.formatter({ name: 'Phường Hồng Bàng', value: 200.5, percent: 80.2 })).toBe(
      'Phường Hồng Bàng: <b>200,5</b> (80,2%)',
    );
  });

  it('describes the chart for screen readers', () => {
    expect(describeChart(result, 'line')).toBe(
      'Biểu đồ đường: 2 chuỗi số liệu (Phường Hồng Bàng; Phường Lê Chân) theo 2 mục, từ Tháng 1/2026 đến Tháng 2/2026. Số liệu chi tiết xem ở thẻ Bảng.',
    );
    expect(describeChart(result, 'pie')).toBe('Biểu đồ tròn gồm 2 phần: Phường Hồng Bàng 200,5; Phường Lê Chân 49,5.');
  });
});

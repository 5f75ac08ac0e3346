import { useMemo } from 'react';
import type { EChartsOption } from '../../shared/EChart.tsx';
import type { TimelinessResponse } from '@baocao/core';
import { EChart } from '../../shared/EChart.tsx';
import { formatMonth, formatRate } from './figures.ts';

type TrendPoint = TimelinessResponse['trend'][number];

/** The chart's text alternative: every month's rate, read out in order. */
export function trendDescription(trend: readonly TrendPoint[]): string {
  if (trend.length === 0) return 'Biểu đồ tỷ lệ đúng hạn theo tháng: chưa có số liệu.';
  const parts = trend.map((p) => `tháng ${formatMonth(p.month)}: ${formatRate(p.onTimeRate)} (${p.onTime}/${p.due})`);
  return `Biểu đồ tỷ lệ gửi báo cáo đúng hạn theo tháng của hạn gửi; ${parts.join('; ')}.`;
}

/** The on-time rate by month of the deadline, as a line (a month with nothing due leaves a gap). */
export function TimelinessChart({ trend }: { trend: readonly TrendPoint[] }) {
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 56, right: 24, top: 24, bottom: 40 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
          const point = trend[p.dataIndex];
          if (!point) return '';
          return `Tháng ${formatMonth(point.month)}<br/>Tỷ lệ đúng hạn: <b>${formatRate(point.onTimeRate)}</b><br/>Đúng hạn ${point.onTime}/${point.due} báo cáo phải gửi`;
        },
      },
      xAxis: { type: 'category', data: trend.map((p) => formatMonth(p.month)), boundaryGap: false },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: (v: number) => `${v}%` },
      },
      series: [
        {
          name: 'Tỷ lệ đúng hạn',
          type: 'line',
          smooth: false,
          connectNulls: false,
          symbolSize: 7,
          areaStyle: { opacity: 0.08 },
          lineStyle: { width: 3 },
          itemStyle: { color: '#1677ff' },
          data: trend.map((p) => (p.onTimeRate === null ? null : Number(p.onTimeRate))),
        },
      ],
    }),
    [trend],
  );
  return <EChart option={option} height={260} ariaLabel={trendDescription(trend)} />;
}

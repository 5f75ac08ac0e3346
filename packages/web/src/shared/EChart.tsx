import { type CSSProperties, useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only what the product draws is bundled; a page needing another chart type registers it with echarts.use.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
export type { EChartsOption };

export interface EChartProps {
  option: EChartsOption;
  /** What the chart shows, read by screen readers instead of the drawing. */
  ariaLabel: string;
  height?: number | string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** An ECharts chart on a div: drawn once mounted, redrawn when the option changes, resized with its box. */
export function EChart({ option, ariaLabel, height = 420, style, 'data-testid': testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // A box resized by its layout (a tab shown, a drawer opened) leaves the canvas at its old size otherwise.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // The option is the whole picture: series dropped from it must disappear, so never merge.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}

import { useMemo, useState } from 'react';
import { Checkbox, Flex, Segmented, Typography } from 'antd';
import { CHART_TYPE_LABELS, CHART_TYPES, formatNumber, type ChartType, type PivotResult } from '@baocao/core';
import { EChart } from '../../shared/EChart.tsx';
import { chartData, describeChart, MAX_SERIES, pivotChartOption } from './pivotChartOptions.ts';

export interface PivotChartProps {
  result: PivotResult;
  chartType: ChartType;
  onChartTypeChange?: (type: ChartType) => void;
  height?: number;
}

/** The pivot as a chart: line, column, stacked column or pie, switched with a segmented control. */
export function PivotChart({ result, chartType, onChartTypeChange, height = 460 }: PivotChartProps) {
  const [transpose, setTranspose] = useState(false);
  const option = useMemo(() => pivotChartOption(result, chartType, transpose), [result, chartType, transpose]);
  const description = useMemo(() => describeChart(result, chartType, transpose), [result, chartType, transpose]);
  const omitted = chartType === 'pie' ? 0 : chartData(result, transpose).omitted;
  return (
    <div data-testid="pivot-chart">
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        {onChartTypeChange && (
          <Segmented<ChartType>
            aria-label="Loại biểu đồ"
            value={chartType}
            onChange={onChartTypeChange}
            options={CHART_TYPES.map((t) => ({ value: t, label: CHART_TYPE_LABELS[t] }))}
          />
        )}
        {chartType !== 'pie' && (
          <Checkbox checked={transpose} onChange={(e) => setTranspose(e.target.checked)}>
            Đảo hàng và cột
          </Checkbox>
        )}
      </Flex>
      {omitted > 0 && (
        <Typography.Paragraph type="secondary">
          Biểu đồ vẽ {formatNumber(MAX_SERIES)} chuỗi đầu tiên; {formatNumber(omitted)} chuỗi còn lại xem ở thẻ Bảng hoặc chọn “Đảo hàng và
          cột”.
        </Typography.Paragraph>
      )}
      <EChart option={option} ariaLabel={description} height={height} data-testid="pivot-chart-canvas" />
    </div>
  );
}

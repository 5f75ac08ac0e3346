import { Table } from 'antd';
import { formatIsoDate, type PeriodPreview } from '@baocao/core';
import { formatLocalDeadline, formatWindow } from './format.ts';

/** The periods a regime produces: window, opening day and one deadline column per level. */
export function PeriodPreviewTable({
  periods,
  levelLabels,
  loading,
  'data-testid': testId,
}: {
  periods: PeriodPreview[];
  levelLabels: string[];
  loading?: boolean;
  'data-testid'?: string;
}) {
  const levels = Math.max(levelLabels.length, ...periods.map((p) => p.deadlines.length));
  return (
    <Table<PeriodPreview>
      data-testid={testId}
      size="small"
      rowKey="code"
      loading={loading}
      pagination={false}
      dataSource={periods}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: 'Không có kỳ báo cáo nào trong thời gian hiệu lực.' }}
      columns={[
        { title: 'Kỳ báo cáo', dataIndex: 'label', width: 150 },
        {
          title: 'Thời gian chốt số liệu',
          key: 'window',
          width: 200,
          render: (_, p) => formatWindow(p.windowStart, p.windowEnd),
        },
        { title: 'Mở kỳ', dataIndex: 'opensOn', width: 110, render: (d: string) => formatIsoDate(d) },
        ...Array.from({ length: levels }, (_, i) => ({
          title: levelLabels[i] ? `Hạn gửi: ${levelLabels[i]}` : `Hạn gửi cấp ${i + 1}`,
          key: `deadline-${i}`,
          width: 160,
          render: (_: unknown, p: PeriodPreview) => {
            const d = p.deadlines[i];
            return d ? formatLocalDeadline(d.date, d.time) : '—';
          },
        })),
      ]}
    />
  );
}

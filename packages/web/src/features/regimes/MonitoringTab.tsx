import { useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, DatePicker, Flex, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ASSIGNMENT_STATUS_LABELS, matchesSearch, TIMELINESS, TIMELINESS_LABELS, type MonitoringResponse } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useMonitoring } from '../../api/regimes.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../shared/dates.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { formatDeadline, formatWindow, TIMELINESS_COLORS } from './format.ts';

type MonitoringRow = MonitoringResponse['rows'][number];

/** Units × periods: each cell the unit's assignment for the period, coloured by how it stands against the deadline. */
export function MonitoringTab({ regimeId, active }: { regimeId: string; active: boolean }) {
  const navigate = useNavigate();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  const { data, error, isFetching } = useMonitoring(regimeId, range, active);

  const rows = useMemo(() => (data?.rows ?? []).filter((r) => !q || matchesSearch(r.unitName, q)), [data, q]);
  const periods = data?.periods ?? [];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm đơn vị"
          aria-label="Tìm đơn vị"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 320 }}
        />
        <DatePicker.RangePicker
          aria-label="Khoảng thời gian"
          format={DATE_FORMAT}
          placeholder={['Kỳ từ ngày', 'đến ngày']}
          allowEmpty={[true, true]}
          value={[fromIsoDate(range.from), fromIsoDate(range.to)]}
          onChange={(v) => setRange({ from: toIsoDate(v?.[0]), to: toIsoDate(v?.[1]) })}
        />
        <Space size={4} wrap className="monitoring-legend" aria-label="Chú giải">
          <Typography.Text type="secondary">Chú giải:</Typography.Text>
          {TIMELINESS.map((t) => (
            <Tag key={t} color={TIMELINESS_COLORS[t]}>
              {TIMELINESS_LABELS[t]}
            </Tag>
          ))}
        </Space>
      </Flex>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
      <Table<MonitoringRow>
        className="monitoring-table"
        data-testid="monitoring-table"
        size="small"
        bordered
        rowKey="unitId"
        loading={isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: true, showTotal: (t) => `${t} đơn vị` } : false}
        scroll={{ x: 260 + periods.length * 150 }}
        locale={{ emptyText: periods.length ? 'Không có đơn vị phù hợp.' : 'Chưa có kỳ báo cáo nào được mở.' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName', fixed: 'left', width: 260 },
          ...periods.map((p) => ({
            title: (
              <Tooltip title={`Chốt số liệu ${formatWindow(p.windowStart, p.windowEnd)}; hạn gửi ${formatDeadline(p.deadlineAt)}`}>
                <Link to="/ky-bao-cao/$id" params={{ id: p.id }}>
                  {p.label}
                </Link>
              </Tooltip>
            ),
            key: p.id,
            width: 150,
            align: 'center' as const,
            render: (_: unknown, r: MonitoringRow) => {
              const cell = r.cells[p.id];
              if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
              const tip = [
                TIMELINESS_LABELS[cell.timeliness],
                `Hạn gửi: ${formatDeadline(cell.deadlineAt)}`,
                cell.sentAt ? `Đã gửi: ${formatDeadline(cell.sentAt)}` : null,
                cell.childCount ? `Đã giao tiếp cho ${cell.childCount} đơn vị` : null,
              ]
                .filter(Boolean)
                .join(' · ');
              return (
                <Tooltip title={tip}>
                  <Tag
                    color={TIMELINESS_COLORS[cell.timeliness]}
                    role="link"
                    tabIndex={0}
                    aria-label={`${r.unitName}, ${p.label}: ${ASSIGNMENT_STATUS_LABELS[cell.status]}, ${TIMELINESS_LABELS[cell.timeliness]}`}
                    onClick={() => void navigate({ to: '/giao-bao-cao/$id', params: { id: cell.assignmentId } })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        void navigate({ to: '/giao-bao-cao/$id', params: { id: cell.assignmentId } });
                      }
                    }}
                  >
                    {ASSIGNMENT_STATUS_LABELS[cell.status]}
                  </Tag>
                </Tooltip>
              );
            },
          })),
        ]}
      />
    </>
  );
}

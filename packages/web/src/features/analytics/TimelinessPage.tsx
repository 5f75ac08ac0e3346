import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, Progress, Select, Statistic, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  formatIsoDate,
  matchesSearch,
  todayInVietnam,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type UnitKind,
  type UnitTimeliness,
} from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { downloadTimelinessExcel, type TimelinessFilters, useTimeliness, useTimelinessRegimes } from '../../api/timeliness.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../shared/dates.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { formatDuration, formatRate, progressPercent } from './figures.ts';
import { TimelinessChart } from './TimelinessChart.tsx';
import { TimelinessRecordsDrawer } from './TimelinessRecordsDrawer.tsx';
import './analytics-pages.css';

function thisYear(): Pick<TimelinessFilters, 'from' | 'to'> {
  const year = todayInVietnam().slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A rate as a bar with its figure; green from 90%, orange from 70%, red below. */
function RateBar({ rate }: { rate: string | null }) {
  if (rate === null) return <Typography.Text type="secondary">–</Typography.Text>;
  const value = progressPercent(rate);
  const color = value >= 90 ? '#52c41a' : value >= 70 ? '#fa8c16' : '#f5222d';
  return <Progress percent={value} size="small" strokeColor={color} format={() => formatRate(rate)} aria-label={formatRate(rate)} />;
}

const byNumber = (pick: (u: UnitTimeliness) => number | null) => (a: UnitTimeliness, b: UnitTimeliness) =>
  (pick(a) ?? -1) - (pick(b) ?? -1);
const rateOf = (text: string | null) => (text === null ? null : Number(text));

/** "Tình hình gửi báo cáo": who sent on time, late or not at all, ranked; the records behind each unit. */
export function TimelinessPage() {
  const [filters, setFilters] = useState<TimelinessFilters>(() => ({ unitKinds: [], ...thisYear() }));
  const change = (patch: Partial<TimelinessFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const { data, error, isFetching } = useTimeliness(filters);
  const regimes = useTimelinessRegimes({ from: filters.from, to: filters.to, rootUnitId: filters.rootUnitId });
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  const [opened, setOpened] = useState<UnitTimeliness | null>(null);

  const units = useMemo(() => (data?.units ?? []).filter((u) => !q || matchesSearch(u.unitName, q)), [data, q]);
  const totals = data?.totals;
  const range = data ? `từ ngày ${formatIsoDate(data.from)} đến ngày ${formatIsoDate(data.to)}` : undefined;

  const cards: { key: string; title: string; value: number | string | undefined; color?: string; hint?: string }[] = [
    { key: 'due', title: 'Phải gửi', value: totals?.due, hint: totals ? `Chưa đến hạn: ${totals.pending}` : undefined },
    { key: 'onTime', title: 'Đúng hạn', value: totals?.onTime, color: '#389e0d' },
    { key: 'late', title: 'Muộn', value: totals?.late, color: '#d46b08' },
    { key: 'notSent', title: 'Không gửi', value: totals?.notSent, color: '#cf1322' },
    { key: 'returned', title: 'Bị trả lại', value: totals?.returned },
    { key: 'corrected', title: 'Đính chính', value: totals?.corrected },
    { key: 'rate', title: 'Tỷ lệ đúng hạn', value: totals ? formatRate(totals.onTimeRate) : undefined, color: '#1677ff' },
  ];

  return (
    <>
      <PageTitle
        title="Tình hình gửi báo cáo"
        subtitle="Thống kê báo cáo gửi đúng hạn, muộn, không gửi của các đơn vị; xếp hạng phục vụ đánh giá cải cách hành chính"
        extra={
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => downloadTimelinessExcel(filters)}>
            Xuất Excel
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <div className="timeliness-filters" data-testid="timeliness-filters">
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="Chế độ báo cáo"
            placeholder="Mọi chế độ báo cáo"
            loading={regimes.isLoading}
            value={filters.regimeId}
            onChange={(regimeId) => change({ regimeId })}
            options={(regimes.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            notFoundContent="Không có chế độ báo cáo nào"
          />
          <Select<UnitKind[]>
            mode="multiple"
            allowClear
            aria-label="Loại đơn vị"
            placeholder="Mọi loại đơn vị"
            value={filters.unitKinds}
            onChange={(unitKinds) => change({ unitKinds })}
            options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
            maxTagCount="responsive"
          />
          <DatePicker.RangePicker
            aria-label="Hạn gửi trong khoảng"
            format={DATE_FORMAT}
            placeholder={['Hạn gửi từ ngày', 'đến ngày']}
            allowClear={false}
            value={[fromIsoDate(filters.from), fromIsoDate(filters.to)]}
            onChange={(v: [Dayjs | null, Dayjs | null] | null) => change({ from: toIsoDate(v?.[0]), to: toIsoDate(v?.[1]) })}
          />
          <UnitTreeSelect
            allowClear
            placeholder="Mọi đơn vị trong phạm vi"
            value={filters.rootUnitId}
            onChange={(rootUnitId) => change({ rootUnitId })}
            data-testid="timeliness-root-unit"
          />
        </div>
        {range && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            Thống kê các kỳ báo cáo có hạn gửi {range}.
          </Typography.Text>
        )}
      </Card>
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorMessage(error)} />}

      <div className="analytics-stat-grid" data-testid="timeliness-totals">
        {cards.map((c) => (
          <Card key={c.key} size="small" className="analytics-stat-card" data-stat={c.key}>
            <Statistic
              title={c.title}
              value={c.value ?? '–'}
              loading={!data && !error}
              styles={{ content: { color: c.color, fontWeight: 600 } }}
              groupSeparator="."
            />
            {c.hint && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.hint}
              </Typography.Text>
            )}
          </Card>
        ))}
      </div>

      <Card title="Tỷ lệ đúng hạn theo tháng" size="small" style={{ marginBottom: 16 }}>
        {data && data.trend.some((p) => p.onTimeRate !== null) ? (
          <TimelinessChart trend={data.trend} />
        ) : (
          <Typography.Text type="secondary">Chưa có kỳ báo cáo nào đến hạn trong khoảng thời gian này.</Typography.Text>
        )}
      </Card>

      <Card
        title="Xếp hạng đơn vị"
        size="small"
        extra={
          <Input
            allowClear
            size="small"
            prefix={<SearchOutlined aria-hidden />}
            placeholder="Tìm đơn vị"
            aria-label="Tìm đơn vị"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 240 }}
          />
        }
      >
        <Table<UnitTimeliness>
          data-testid="timeliness-ranking"
          size="small"
          rowKey="unitId"
          loading={isFetching}
          dataSource={units}
          scroll={{ x: 1400 }}
          locale={{ emptyText: 'Không có đơn vị nào phải gửi báo cáo trong khoảng thời gian này.' }}
          pagination={units.length > 50 ? { pageSize: 50, showSizeChanger: true, showTotal: (t) => `${t} đơn vị` } : false}
          columns={[
            {
              title: 'Hạng',
              dataIndex: 'rank',
              width: 88,
              align: 'center',
              fixed: 'left',
              sorter: byNumber((u) => (u.rank === null ? Number.MAX_SAFE_INTEGER : u.rank)),
              render: (rank: number | null) => rank ?? '–',
            },
            {
              title: 'Đơn vị',
              dataIndex: 'unitName',
              width: 260,
              fixed: 'left',
              sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'vi'),
              render: (name: string, u) => (
                <Button
                  type="link"
                  size="small"
                  className="timeliness-unit-link"
                  onClick={() => setOpened(u)}
                  title={`Xem các kỳ báo cáo của ${name}`}
                >
                  {name}
                </Button>
              ),
            },
            { title: 'Phải gửi', dataIndex: 'due', width: 100, align: 'right', sorter: byNumber((u) => u.due) },
            { title: 'Đúng hạn', dataIndex: 'onTime', width: 100, align: 'right', sorter: byNumber((u) => u.onTime) },
            { title: 'Muộn', dataIndex: 'late', width: 88, align: 'right', sorter: byNumber((u) => u.late) },
            { title: 'Không gửi', dataIndex: 'notSent', width: 105, align: 'right', sorter: byNumber((u) => u.notSent) },
            { title: 'Bị trả lại', dataIndex: 'returned', width: 105, align: 'right', sorter: byNumber((u) => u.returned) },
            { title: 'Đính chính', dataIndex: 'corrected', width: 105, align: 'right', sorter: byNumber((u) => u.corrected) },
            {
              title: 'Tỷ lệ đúng hạn',
              dataIndex: 'onTimeRate',
              width: 170,
              sorter: byNumber((u) => rateOf(u.onTimeRate)),
              render: (rate: string | null) => <RateBar rate={rate} />,
            },
            {
              title: 'Tỷ lệ đã gửi',
              dataIndex: 'sentRate',
              width: 170,
              sorter: byNumber((u) => rateOf(u.sentRate)),
              render: (rate: string | null) => <RateBar rate={rate} />,
            },
            {
              title: <Tooltip title="Trung bình thời gian muộn của các lần gửi muộn">Muộn trung bình</Tooltip>,
              dataIndex: 'averageLateMinutes',
              width: 140,
              sorter: byNumber((u) => u.averageLateMinutes),
              render: (m: number | null) => formatDuration(m),
            },
          ]}
        />
      </Card>
      {opened && <TimelinessRecordsDrawer unit={opened} filters={filters} onClose={() => setOpened(null)} />}
    </>
  );
}

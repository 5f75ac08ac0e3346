import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import {
  ASSIGNMENT_STATUS_LABELS,
  ASSIGNMENT_STATUSES,
  formatIsoDate,
  PERIOD_STATE_LABELS,
  todayInVietnam,
  type PeriodState,
  type RegimeDetail,
} from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { usePeriodPreview, useRegimePeriods } from '../../api/regimes.ts';
import { formatLocalDeadline, formatWindow, PERIOD_STATE_COLORS, progressPercent, progressText } from './format.ts';
import { toBodyContent } from './wizard/model.ts';

const UPCOMING = 6;

interface Row {
  key: string;
  /** The opened period's id; null for one still to come. */
  id: string | null;
  label: string;
  windowStart: string;
  windowEnd: string;
  opens: string;
  deadlines: { date: string; time: string }[];
  state: PeriodState | 'upcoming';
  counts: Partial<Record<(typeof ASSIGNMENT_STATUSES)[number], number>> | null;
  total: number;
}

/** Periods already opened (with their state and progress) followed by the next ones the regime will open. */
export function PeriodsCalendarTab({ detail, levelLabels }: { detail: RegimeDetail; levelLabels: string[] }) {
  const periods = useRegimePeriods(detail.id);
  const content = useMemo(() => toBodyContent(detail.content), [detail.content]);
  // The schedule preview is the managers' tool; others see the periods already opened.
  const showUpcoming = detail.status === 'active' && detail.canManage;
  const upcoming = usePeriodPreview(showUpcoming ? content : null, UPCOMING, todayInVietnam());

  const rows = useMemo<Row[]>(() => {
    const opened: Row[] = (periods.data ?? []).map((p) => ({
      key: p.id,
      id: p.id,
      label: p.label,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      opens: p.openedAt,
      deadlines: p.deadlines,
      state: p.state,
      counts: p.counts,
      total: p.total,
    }));
    const codes = new Set((periods.data ?? []).map((p) => p.code));
    const next: Row[] = (upcoming.data?.periods ?? [])
      .filter((p) => !codes.has(p.code))
      .map((p) => ({
        key: `next-${p.code}`,
        id: null,
        label: p.label,
        windowStart: p.windowStart,
        windowEnd: p.windowEnd,
        opens: p.opensOn,
        deadlines: p.deadlines,
        state: 'upcoming',
        counts: null,
        total: 0,
      }));
    return [...opened, ...next].sort((a, b) => (a.windowStart < b.windowStart ? 1 : a.windowStart > b.windowStart ? -1 : 0));
  }, [periods.data, upcoming.data]);

  const levels = Math.max(levelLabels.length, ...rows.map((r) => r.deadlines.length));
  const error = periods.error ?? upcoming.error;

  return (
    <>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
      <Typography.Paragraph type="secondary">
        {showUpcoming ? `Các kỳ đã mở và ${UPCOMING} kỳ sắp tới theo nội dung hiện hành.` : 'Các kỳ báo cáo đã mở.'} Bấm vào tên kỳ để xem
        chi tiết
        {detail.canManage ? ', gia hạn hoặc đóng kỳ' : ''}.
      </Typography.Paragraph>
      <Table<Row>
        data-testid="regime-periods"
        size="small"
        rowKey="key"
        loading={periods.isLoading || upcoming.isFetching}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Chưa có kỳ báo cáo nào.' }}
        columns={[
          {
            title: 'Kỳ báo cáo',
            key: 'label',
            width: 190,
            render: (_, r) =>
              r.id ? (
                <Link to="/ky-bao-cao/$id" params={{ id: r.id }}>
                  {r.label}
                </Link>
              ) : (
                r.label
              ),
          },
          { title: 'Thời gian chốt số liệu', key: 'window', width: 210, render: (_, r) => formatWindow(r.windowStart, r.windowEnd) },
          {
            title: 'Mở kỳ',
            key: 'opens',
            width: 110,
            render: (_, r) => formatIsoDate(r.id ? todayInVietnam(new Date(r.opens)) : r.opens),
          },
          ...Array.from({ length: levels }, (_, i) => ({
            title: levelLabels[i] ? `Hạn gửi: ${levelLabels[i]}` : `Hạn gửi cấp ${i + 1}`,
            key: `deadline-${i}`,
            width: 160,
            render: (_: unknown, r: Row) => {
              const d = r.deadlines[i];
              return d ? formatLocalDeadline(d.date, d.time) : '—';
            },
          })),
          {
            title: 'Trạng thái',
            key: 'state',
            width: 120,
            render: (_, r) =>
              r.state === 'upcoming' ? <Tag>Sắp tới</Tag> : <Tag color={PERIOD_STATE_COLORS[r.state]}>{PERIOD_STATE_LABELS[r.state]}</Tag>,
          },
          {
            title: 'Tiến độ',
            key: 'progress',
            width: 190,
            render: (_, r) =>
              r.counts ? (
                <Tooltip
                  title={ASSIGNMENT_STATUSES.filter((s) => r.counts?.[s])
                    .map((s) => `${ASSIGNMENT_STATUS_LABELS[s]}: ${r.counts?.[s]}`)
                    .join('; ')}
                >
                  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                    <span>{progressText(r.counts, r.total)}</span>
                    <Progress percent={progressPercent(r.counts, r.total)} size="small" showInfo={false} />
                  </Space>
                </Tooltip>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}

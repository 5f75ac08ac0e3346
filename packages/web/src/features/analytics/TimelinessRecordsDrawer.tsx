import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, Drawer, Flex, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import {
  TIMELINESS_OUTCOME_LABELS,
  TIMELINESS_OUTCOMES,
  type TimelinessOutcome,
  type TimelinessRecord,
  type UnitTimeliness,
} from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { type TimelinessFilters, useTimelinessRecords } from '../../api/timeliness.ts';
import { formatAt } from '../reports/format.ts';
import { formatDuration } from './figures.ts';

export const OUTCOME_COLORS: Record<TimelinessOutcome, string> = {
  on_time: 'green',
  late: 'orange',
  not_sent: 'red',
  pending: 'default',
};

export function OutcomeTag({ record }: { record: Pick<TimelinessRecord, 'outcome' | 'lateMinutes'> }) {
  const late = record.outcome === 'late' && record.lateMinutes > 0 ? ` ${formatDuration(record.lateMinutes)}` : '';
  return (
    <Tag color={OUTCOME_COLORS[record.outcome]} data-outcome={record.outcome}>
      {TIMELINESS_OUTCOME_LABELS[record.outcome]}
      {late}
    </Tag>
  );
}

const PAGE_SIZE = 20;

/** One unit's assignments behind its line of the ranking: deadline, sending, outcome, returns, corrections. */
export function TimelinessRecordsDrawer({
  unit,
  filters,
  onClose,
}: {
  unit: Pick<UnitTimeliness, 'unitId' | 'unitName'>;
  filters: TimelinessFilters;
  onClose: () => void;
}) {
  const [outcome, setOutcome] = useState<TimelinessOutcome | 'all'>('all');
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useTimelinessRecords(filters, {
    unitId: unit.unitId,
    outcome: outcome === 'all' ? undefined : outcome,
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <Drawer
      open
      size={1000}
      onClose={onClose}
      title={`Tình hình gửi báo cáo – ${unit.unitName}`}
      data-testid="timeliness-records"
      destroyOnHidden
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<TimelinessOutcome | 'all'>
          aria-label="Lọc theo kết quả"
          value={outcome}
          onChange={(v) => {
            setOutcome(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: 'Tất cả' },
            ...TIMELINESS_OUTCOMES.map((o) => ({ value: o, label: TIMELINESS_OUTCOME_LABELS[o] })),
          ]}
        />
      </Flex>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
      <Table<TimelinessRecord>
        size="small"
        rowKey="assignmentId"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1050 }}
        locale={{ emptyText: 'Không có kỳ báo cáo nào phù hợp.' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `${t} kỳ báo cáo`,
          onChange: setPage,
        }}
        columns={[
          {
            title: 'Kỳ báo cáo',
            key: 'period',
            width: 260,
            render: (_, r) => (
              <div>
                <div>{r.periodLabel}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.regimeName}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: 'Hạn gửi',
            key: 'deadline',
            width: 150,
            render: (_, r) =>
              r.deadlineAt !== r.originalDeadlineAt ? (
                <Tooltip title={`Hạn ban đầu ${formatAt(r.originalDeadlineAt)}`}>
                  <span>
                    {formatAt(r.deadlineAt)} <Tag>gia hạn</Tag>
                  </span>
                </Tooltip>
              ) : (
                formatAt(r.deadlineAt)
              ),
          },
          {
            title: 'Thời điểm gửi',
            key: 'sentAt',
            width: 170,
            render: (_, r) => (
              <Space size={4} wrap>
                {formatAt(r.sentAt)}
                {r.outOfBand && <Tag color="purple">gửi ngoài hệ thống</Tag>}
              </Space>
            ),
          },
          { title: 'Kết quả', key: 'outcome', width: 170, render: (_, r) => <OutcomeTag record={r} /> },
          { title: 'Bị trả lại', dataIndex: 'returnCount', width: 90, align: 'right', render: (n: number) => (n ? `${n} lần` : '–') },
          {
            title: 'Đính chính',
            dataIndex: 'corrected',
            width: 100,
            align: 'center',
            render: (c: boolean) => (c ? <Tag color="gold">Có</Tag> : '–'),
          },
          {
            title: '',
            key: 'report',
            width: 110,
            render: (_, r) =>
              r.reportId ? (
                <Link to="/bao-cao/$id" params={{ id: r.reportId }}>
                  Xem báo cáo
                </Link>
              ) : null,
          },
        ]}
      />
    </Drawer>
  );
}

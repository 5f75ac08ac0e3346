import { useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  formatDateTime,
  PERIOD_TYPE_LABELS,
  REGIME_KIND_LABELS,
  REGIME_STATUS_LABELS,
  REGIME_VERSION_STATUS_LABELS,
  type RegimeDetail,
  type RegimeVersionSummary,
} from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useRegimeMutation } from '../../api/regimes.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { REGIME_STATUS_COLORS } from './format.ts';
import { MonitoringTab } from './MonitoringTab.tsx';
import { PeriodsCalendarTab } from './PeriodsCalendarTab.tsx';
import { RegimeElements, type ElementNames } from './RegimeElements.tsx';
import './regimes.css';

type TabKey = 'info' | 'calendar' | 'monitoring';

/** A published (or stopped) regime: its elements and versions, its calendar of periods, the monitoring table. */
export function RegimeDetailView({ detail }: { detail: RegimeDetail }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const mutation = useRegimeMutation();
  const [tab, setTab] = useState<TabKey>('info');
  const names = useMemo<ElementNames>(
    () => ({
      unit: (id) => detail.names.units[id] ?? 'Đơn vị không xem được',
      form: (id) =>
        detail.names.forms[id] ? `${detail.names.forms[id].code} – ${detail.names.forms[id].name}` : 'Biểu mẫu không xem được',
      indicator: (id) =>
        detail.names.indicators[id]
          ? `${detail.names.indicators[id].code} – ${detail.names.indicators[id].name}`
          : 'Chỉ tiêu không xem được',
    }),
    [detail],
  );

  const newVersion = async () => {
    try {
      await mutation.mutateAsync({ kind: 'newVersion', id: detail.id });
      message.success('Đã tạo phiên bản mới (bản nháp). Hãy chỉnh sửa rồi ban hành.');
      void navigate({ to: '/che-do-bao-cao/$id', params: { id: detail.id }, search: {} });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const stop = () =>
    modal.confirm({
      title: 'Ngừng áp dụng chế độ báo cáo?',
      content: 'Hệ thống sẽ không mở thêm kỳ báo cáo mới. Các kỳ đang mở vẫn giữ nguyên cho đến khi đóng kỳ.',
      okText: 'Ngừng áp dụng',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await mutation.mutateAsync({ kind: 'stop', id: detail.id, body: {} });
          message.success('Đã ngừng áp dụng chế độ báo cáo.');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const levelLabels = detail.content.deadlines.map((d) => d.label);

  return (
    <>
      <PageTitle
        title={detail.name}
        subtitle={
          <Space size={8} wrap>
            <span>
              Ký hiệu: <b>{detail.code}</b>
            </span>
            <span>· {REGIME_KIND_LABELS[detail.kind]}</span>
            <span>· {PERIOD_TYPE_LABELS[detail.frequency]}</span>
            <span>· {detail.ownerUnitName}</span>
            <Tag color={REGIME_STATUS_COLORS[detail.status]}>{REGIME_STATUS_LABELS[detail.status]}</Tag>
            {detail.current && <span>Phiên bản {detail.current.versionNo}</span>}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/che-do-bao-cao">
              <Button>Về danh sách</Button>
            </Link>
            {detail.canManage && detail.draft && (
              <Link to="/che-do-bao-cao/$id" params={{ id: detail.id }} search={{}}>
                <Button type="primary" icon={<EditOutlined aria-hidden />}>
                  Tiếp tục soạn phiên bản {detail.draft.versionNo}
                </Button>
              </Link>
            )}
            {detail.canManage && !detail.draft && detail.status !== 'stopped' && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void newVersion()} loading={mutation.isPending}>
                Tạo phiên bản mới
              </Button>
            )}
            {detail.canManage && detail.status === 'active' && (
              <Button danger icon={<StopOutlined aria-hidden />} onClick={stop}>
                Ngừng áp dụng
              </Button>
            )}
          </Space>
        }
      />
      {detail.editing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Đang có bản nháp phiên bản ${detail.draft?.versionNo ?? ''}: nội dung dưới đây là của bản nháp, chưa áp dụng cho đến khi ban hành.`}
        />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            {
              key: 'info',
              label: 'Thông tin',
              children: (
                <>
                  <RegimeElements content={detail.content} code={detail.code} ownerName={detail.ownerUnitName} names={names} />
                  <Typography.Title level={5} style={{ marginTop: 24 }}>
                    Các phiên bản
                  </Typography.Title>
                  <VersionsTable versions={detail.versions} />
                </>
              ),
            },
            {
              key: 'calendar',
              label: 'Lịch kỳ báo cáo',
              children: <PeriodsCalendarTab detail={detail} levelLabels={levelLabels} />,
            },
            {
              key: 'monitoring',
              label: 'Theo dõi',
              children: <MonitoringTab regimeId={detail.id} active={tab === 'monitoring'} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

function VersionsTable({ versions }: { versions: RegimeVersionSummary[] }) {
  return (
    <Table<RegimeVersionSummary>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...versions].sort((a, b) => b.versionNo - a.versionNo)}
      data-testid="regime-versions"
      columns={[
        { title: 'Phiên bản', dataIndex: 'versionNo', width: 100 },
        {
          title: 'Trạng thái',
          dataIndex: 'status',
          width: 140,
          render: (s: RegimeVersionSummary['status']) => (
            <Tag color={s === 'published' ? 'green' : 'default'}>{REGIME_VERSION_STATUS_LABELS[s]}</Tag>
          ),
        },
        { title: 'Ngày tạo', dataIndex: 'createdAt', width: 180, render: (t: string) => formatDateTime(t) },
        { title: 'Ngày ban hành', dataIndex: 'publishedAt', width: 180, render: (t: string | null) => (t ? formatDateTime(t) : '—') },
        { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
      ]}
    />
  );
}

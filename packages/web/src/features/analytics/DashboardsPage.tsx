import { useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { DashboardOutlined, PlusOutlined } from '@ant-design/icons';
import { compareVietnamese } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { type DashboardSummary, useDashboardList } from '../../api/dashboards.ts';
import { hasPermission, useSessionUser } from '../../api/session.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { formatAt } from '../reports/format.ts';
import { DashboardEditor } from './DashboardEditor.tsx';
import './analytics-pages.css';

/** "Bảng điều khiển": the dashboards of the units the user may read, by unit; managers create new ones. */
export function DashboardsPage() {
  const navigate = useNavigate();
  const user = useSessionUser();
  const canCreate = hasPermission(user, 'analytics.manage');
  const { data, error, isLoading } = useDashboardList();
  const [creating, setCreating] = useState(false);
  const rows = useMemo(
    () => [...(data ?? [])].sort((a, b) => compareVietnamese(a.unitName, b.unitName) || compareVietnamese(a.name, b.name)),
    [data],
  );

  return (
    <>
      <PageTitle
        title="Bảng điều khiển"
        subtitle="Các chỉ số chính và khung nhìn số liệu của từng đơn vị, luôn theo số liệu mới nhất đã được tiếp nhận"
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              Tạo bảng điều khiển
            </Button>
          )
        }
      />
      <Card>
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
        <Table<DashboardSummary>
          data-testid="dashboards-table"
          rowKey="id"
          size="middle"
          loading={isLoading}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showTotal: (t) => `${t} bảng điều khiển` } : false}
          rowClassName={() => 'clickable-row'}
          onRow={(d) => ({ onClick: () => void navigate({ to: '/bang-dieu-khien/$id', params: { id: d.id } }) })}
          locale={{
            emptyText: canCreate
              ? 'Chưa có bảng điều khiển nào. Bấm “Tạo bảng điều khiển” để bắt đầu.'
              : 'Chưa có bảng điều khiển nào cho đơn vị của bạn.',
          }}
          scroll={{ x: 900 }}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unitName', width: 260 },
            {
              title: 'Bảng điều khiển',
              dataIndex: 'name',
              render: (name: string, d) => (
                <div>
                  <Link to="/bang-dieu-khien/$id" params={{ id: d.id }} onClick={(e) => e.stopPropagation()}>
                    <DashboardOutlined aria-hidden /> {name}
                  </Link>
                  {d.description && (
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 12 }}>
                      {d.description}
                    </Typography.Paragraph>
                  )}
                </div>
              ),
            },
            { title: 'Số ô', dataIndex: 'tileCount', width: 80, align: 'right' },
            {
              title: 'Cập nhật',
              key: 'updated',
              width: 240,
              render: (_, d) => `${formatAt(d.updatedAt)}${d.updatedByName ? ` – ${d.updatedByName}` : ''}`,
            },
          ]}
        />
      </Card>
      {creating && (
        <DashboardEditor
          dashboard={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            void navigate({ to: '/bang-dieu-khien/$id', params: { id: saved.id } });
          }}
        />
      )}
    </>
  );
}

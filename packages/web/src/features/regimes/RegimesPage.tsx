import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  PERIOD_TYPE_LABELS,
  REGIME_KIND_LABELS,
  REGIME_STATUS_LABELS,
  type PeriodType,
  type RegimeKind,
  type RegimeSummary,
} from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useRegimeList, type RegimeFilters, type RegimeStatus } from '../../api/regimes.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { REGIME_STATUS_COLORS } from './format.ts';
import './regimes.css';

/** The reporting regimes the user may see: search, filters, and the way to create one. */
export function RegimesPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<RegimeFilters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching, error } = useRegimeList({ ...filters, q: q || undefined });
  const canManage = hasPermission(me, 'regime.manage');
  const open = (id: string) => void navigate({ to: '/che-do-bao-cao/$id', params: { id } });

  return (
    <>
      <PageTitle
        title="Chế độ báo cáo"
        subtitle="Chế độ báo cáo định kỳ, chuyên đề, đột xuất theo Nghị định 09/2019/NĐ-CP; kỳ báo cáo và tình hình gửi báo cáo"
        extra={
          canManage && (
            <Link to="/che-do-bao-cao/moi">
              <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                Tạo chế độ báo cáo
              </Button>
            </Link>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder="Tìm theo ký hiệu hoặc tên báo cáo (có dấu hoặc không dấu)"
            aria-label="Tìm chế độ báo cáo"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setFilters((f) => ({ ...f, page: 1 }));
            }}
            style={{ maxWidth: 420 }}
          />
          <Select<RegimeKind | undefined>
            aria-label="Lọc theo loại"
            allowClear
            placeholder="Tất cả các loại"
            style={{ width: 200 }}
            value={filters.kind}
            onChange={(kind) => setFilters((f) => ({ ...f, kind, page: 1 }))}
            options={(Object.keys(REGIME_KIND_LABELS) as RegimeKind[]).map((k) => ({ value: k, label: REGIME_KIND_LABELS[k] }))}
          />
          <Select<RegimeStatus | undefined>
            aria-label="Lọc theo trạng thái"
            allowClear
            placeholder="Tất cả trạng thái"
            style={{ width: 200 }}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status, page: 1 }))}
            options={(Object.keys(REGIME_STATUS_LABELS) as RegimeStatus[]).map((s) => ({ value: s, label: REGIME_STATUS_LABELS[s] }))}
          />
        </Flex>
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(error)}
          </Typography.Paragraph>
        )}
        <Table<RegimeSummary>
          data-testid="regimes-table"
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          rowClassName={() => 'clickable-row'}
          onRow={(r) => ({ onClick: () => open(r.id) })}
          locale={{
            emptyText: canManage ? 'Chưa có chế độ báo cáo nào. Bấm “Tạo chế độ báo cáo” để bắt đầu.' : 'Chưa có chế độ báo cáo nào.',
          }}
          scroll={{ x: 1100 }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showTotal: (t) => `Tổng số ${t} chế độ báo cáo`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            {
              title: 'Ký hiệu',
              dataIndex: 'code',
              width: 130,
              render: (c: string, r) => (
                <Link to="/che-do-bao-cao/$id" params={{ id: r.id }} onClick={(e) => e.stopPropagation()}>
                  {c}
                </Link>
              ),
            },
            { title: 'Tên báo cáo', dataIndex: 'name', minWidth: 260 },
            { title: 'Loại', dataIndex: 'kind', width: 120, render: (k: RegimeKind) => REGIME_KIND_LABELS[k] },
            { title: 'Tần suất', dataIndex: 'frequency', width: 150, render: (f: PeriodType) => PERIOD_TYPE_LABELS[f] },
            { title: 'Đơn vị chủ trì', dataIndex: 'ownerUnitName', ellipsis: true, width: 200 },
            {
              title: 'Trạng thái',
              key: 'status',
              width: 190,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={REGIME_STATUS_COLORS[r.status]}>{REGIME_STATUS_LABELS[r.status]}</Tag>
                  {r.current && <span>Phiên bản {r.current.versionNo}</span>}
                  {r.draft && r.status !== 'draft' && <Tag>Có bản nháp</Tag>}
                </Space>
              ),
            },
            {
              title: 'Kỳ đang mở',
              dataIndex: 'openPeriods',
              width: 110,
              align: 'right',
              render: (n: number) => (n > 0 ? <Tag color="processing">{n}</Tag> : '—'),
            },
          ]}
        />
      </Card>
    </>
  );
}

import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, ImportOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { AGGREGATION_LABELS, PERIODICITY_LABELS, VALUE_TYPE_LABELS, type Indicator } from '@baocao/core';
import { downloadFile, errorMessage } from '../../api/client.ts';
import { useIndicatorList, useIndicatorSets, type IndicatorFilters } from '../../api/indicators.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { IndicatorDrawer } from './IndicatorDrawer.tsx';
import { IndicatorFormDrawer } from './IndicatorFormDrawer.tsx';
import { IndicatorImportModal } from './IndicatorImportModal.tsx';
import { IndicatorSetsPanel } from './IndicatorSetsPanel.tsx';

export function IndicatorsPage() {
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'reference.manage');
  const [filters, setFilters] = useState<IndicatorFilters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [fieldText, setFieldText] = useState('');
  const q = useDebounced(search.trim());
  const fieldGroup = useDebounced(fieldText.trim());
  const { data, isFetching, error } = useIndicatorList({ ...filters, q: q || undefined, fieldGroup: fieldGroup || undefined });
  const sets = useIndicatorSets();
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const update = (patch: Partial<IndicatorFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <>
      <PageTitle
        title="Kho chỉ tiêu"
        subtitle="Các bộ chỉ tiêu và định nghĩa chỉ tiêu dùng khi thiết kế biểu mẫu, phân bổ và tổng hợp"
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={() => downloadFile('/indicators/export.xlsx', { setCode: filters.setCode })}
            >
              Xuất Excel
            </Button>
            {canManage && (
              <Button icon={<ImportOutlined aria-hidden />} onClick={() => setImporting(true)}>
                Nhập từ Excel
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                Thêm chỉ tiêu
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Tabs
          defaultActiveKey="indicators"
          items={[
            {
              key: 'indicators',
              label: 'Chỉ tiêu',
              children: (
                <>
                  <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} role="search" aria-label="Lọc chỉ tiêu">
                    <Input
                      allowClear
                      prefix={<SearchOutlined aria-hidden />}
                      placeholder="Tìm theo mã hoặc tên chỉ tiêu (gõ có dấu hoặc không dấu)"
                      aria-label="Tìm chỉ tiêu"
                      value={search}
                      onChange={(e) => setSearch(e.target.value)}
                      style={{ flex: '1 1 320px' }}
                      data-testid="indicator-search"
                    />
                    <Select
                      allowClear
                      placeholder="Bộ chỉ tiêu"
                      aria-label="Bộ chỉ tiêu"
                      value={filters.setCode}
                      onChange={(setCode) => update({ setCode })}
                      options={(sets.data ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.indicatorCount})` }))}
                      style={{ width: 300 }}
                      popupMatchSelectWidth={false}
                    />
                    <Input
                      allowClear
                      placeholder="Nhóm, lĩnh vực"
                      aria-label="Nhóm, lĩnh vực"
                      value={fieldText}
                      onChange={(e) => setFieldText(e.target.value)}
                      style={{ width: 220 }}
                    />
                    <Checkbox checked={!!filters.includeInactive} onChange={(e) => update({ includeInactive: e.target.checked })}>
                      Gồm chỉ tiêu hết hiệu lực
                    </Checkbox>
                  </Flex>
                  {error && (
                    <Typography.Paragraph type="danger" role="alert">
                      {errorMessage(error)}
                    </Typography.Paragraph>
                  )}
                  <Table<Indicator>
                    data-testid="indicators-table"
                    rowKey="id"
                    size="middle"
                    loading={isFetching}
                    dataSource={data?.items ?? []}
                    scroll={{ x: 1000 }}
                    rowClassName={() => 'clickable-row'}
                    onRow={(i) => ({ onClick: () => setOpenId(i.id) })}
                    locale={{ emptyText: 'Không có chỉ tiêu phù hợp.' }}
                    pagination={{
                      current: filters.page,
                      pageSize: filters.pageSize,
                      total: data?.total ?? 0,
                      showSizeChanger: true,
                      showTotal: (t) => `Tổng số ${t} chỉ tiêu`,
                      onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
                    }}
                    columns={[
                      { title: 'Mã số', dataIndex: 'code', width: 110 },
                      {
                        title: 'Tên chỉ tiêu',
                        dataIndex: 'name',
                        render: (n: string, i) => (
                          <>
                            {n} {!i.active && <Tag>Hết hiệu lực</Tag>}
                          </>
                        ),
                      },
                      { title: 'Nhóm, lĩnh vực', dataIndex: 'fieldGroup', width: 200, render: (v: string | null) => v ?? '—' },
                      { title: 'Đơn vị tính', dataIndex: 'unitOfMeasure', width: 110, render: (v: string | null) => v ?? '—' },
                      {
                        title: 'Kiểu giá trị',
                        dataIndex: 'valueType',
                        width: 110,
                        render: (v: Indicator['valueType']) => VALUE_TYPE_LABELS[v],
                      },
                      {
                        title: 'Tổng hợp',
                        dataIndex: 'aggregation',
                        width: 130,
                        render: (v: Indicator['aggregation']) => AGGREGATION_LABELS[v],
                      },
                      {
                        title: 'Kỳ',
                        dataIndex: 'periodicities',
                        width: 170,
                        render: (v: Indicator['periodicities']) => v.map((p) => PERIODICITY_LABELS[p]).join(', ') || '—',
                      },
                      { title: 'Mã cấp trên', dataIndex: 'higherCode', width: 110, render: (v: string | null) => v ?? '—' },
                    ]}
                  />
                </>
              ),
            },
            { key: 'sets', label: 'Bộ chỉ tiêu', children: <IndicatorSetsPanel canCreate={canManage} /> },
          ]}
        />
      </Card>
      {openId && (
        <IndicatorDrawer
          id={openId}
          onClose={() => setOpenId(null)}
          onEdit={(i) => {
            setOpenId(null);
            setEditing(i);
          }}
        />
      )}
      {editing && <IndicatorFormDrawer indicator={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {importing && <IndicatorImportModal onClose={() => setImporting(false)} />}
    </>
  );
}

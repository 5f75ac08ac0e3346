import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { CATALOG_SCOPES, CATALOG_SCOPE_LABELS, type CatalogSummary } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useCatalogList, useCatalogMutation, type CatalogFilters, type CreateCatalogBody } from '../../api/catalogs.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { CatalogDrawer } from './CatalogDrawer.tsx';

export function CatalogsPage() {
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'reference.manage');
  const [filters, setFilters] = useState<CatalogFilters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching, error } = useCatalogList({ ...filters, q: q || undefined });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle
        title="Danh mục"
        subtitle="Danh mục dùng chung và danh mục chuyên ngành"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              Thêm danh mục
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder="Tìm theo mã hoặc tên danh mục"
            aria-label="Tìm danh mục"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ flex: '1 1 320px', maxWidth: 480 }}
          />
          <Select
            allowClear
            placeholder="Phạm vi"
            aria-label="Phạm vi"
            value={filters.scope}
            onChange={(scope) => setFilters((f) => ({ ...f, scope, page: 1 }))}
            options={CATALOG_SCOPES.map((s) => ({ value: s, label: CATALOG_SCOPE_LABELS[s] }))}
            style={{ width: 180 }}
          />
        </Flex>
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(error)}
          </Typography.Paragraph>
        )}
        <Table<CatalogSummary>
          data-testid="catalogs-table"
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          rowClassName={() => 'clickable-row'}
          onRow={(c) => ({ onClick: () => setOpenId(c.id) })}
          locale={{ emptyText: 'Không có danh mục phù hợp.' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showTotal: (t) => `Tổng số ${t} danh mục`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            { title: 'Mã', dataIndex: 'code', width: 140 },
            {
              title: 'Tên danh mục',
              dataIndex: 'name',
              render: (n: string, c) => (
                <>
                  {n} {!c.active && <Tag>Ngừng sử dụng</Tag>}
                </>
              ),
            },
            {
              title: 'Phạm vi',
              dataIndex: 'scope',
              width: 140,
              render: (s: CatalogSummary['scope']) => <Tag>{CATALOG_SCOPE_LABELS[s]}</Tag>,
            },
            { title: 'Lĩnh vực', dataIndex: 'fieldGroup', render: (v: string | null) => v ?? '—' },
            { title: 'Đơn vị quản lý', dataIndex: 'ownerUnitName', render: (v: string | null) => v ?? '—' },
            { title: 'Số mục', dataIndex: 'itemCount', width: 90, align: 'right' },
          ]}
        />
      </Card>
      {openId && <CatalogDrawer id={openId} onClose={() => setOpenId(null)} />}
      {creating && <CreateCatalogModal onClose={() => setCreating(false)} onCreated={(id) => setOpenId(id)} />}
    </>
  );
}

function CreateCatalogModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateCatalogBody>();
  const mutation = useCatalogMutation();
  const submit = async (v: CreateCatalogBody) => {
    try {
      const created = (await mutation.mutateAsync({ kind: 'create', body: v })) as CatalogSummary;
      message.success('Đã thêm danh mục.');
      onClose();
      onCreated(created.id);
    } catch (e) {
      const rest = applyApiError(form, e, ['code', 'name', 'description', 'scope', 'fieldGroup', 'ownerUnitId'], {
        DUPLICATE_CODE: 'code',
      });
      if (rest) message.error(rest);
    }
  };
  return (
    <Modal
      open
      title="Thêm danh mục"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Thêm"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ scope: 'shared' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="code" label="Mã danh mục" rules={[{ required: true, message: 'Không được để trống.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label="Tên danh mục" rules={[{ required: true, whitespace: true, message: 'Không được để trống.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="scope" label="Phạm vi">
          <Select options={CATALOG_SCOPES.map((s) => ({ value: s, label: CATALOG_SCOPE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="fieldGroup" label="Lĩnh vực">
          <Input />
        </Form.Item>
        <Form.Item name="ownerUnitId" label="Đơn vị quản lý">
          <UnitTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

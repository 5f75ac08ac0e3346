import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Spin,
  Tabs,
  Tag,
  Timeline,
  Tree,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CATALOG_SCOPE_LABELS, compareVietnamese, formatDateTime, matchesSearch, type CatalogDetail, type CatalogItem } from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { useCatalog, useCatalogMutation } from '../../api/catalogs.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { DATE_FORMAT, fromIsoDate, showIsoDate, toIsoDate } from '../../shared/dates.ts';
import type { Dayjs } from 'dayjs';

const EVENT_LABELS: Record<string, string> = {
  created: 'Tạo danh mục',
  updated: 'Sửa thông tin danh mục',
  item_added: 'Thêm mục',
  item_updated: 'Sửa mục',
  item_deactivated: 'Ngừng sử dụng mục',
  item_reactivated: 'Dùng lại mục',
  imported: 'Nhập từ tệp',
};

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children: TreeNode[];
}

function buildTree(items: CatalogItem[], q: string): TreeNode[] {
  const byParent = new Map<string | null, CatalogItem[]>();
  for (const i of items) byParent.set(i.parentId, [...(byParent.get(i.parentId) ?? []), i]);
  const matches = (i: CatalogItem): boolean => !q || matchesSearch(`${i.code} ${i.name}`, q) || (byParent.get(i.id) ?? []).some(matches);
  const visit = (parent: string | null): TreeNode[] =>
    (byParent.get(parent) ?? [])
      .filter(matches)
      .sort((a, b) => a.sortOrder - b.sortOrder || compareVietnamese(a.name, b.name))
      .map((i) => ({
        key: i.id,
        title: (
          <span className={i.active ? undefined : 'unit-tree-inactive'}>
            <span className="unit-code">{i.code}</span> {i.name} {!i.active && <Tag>Ngừng sử dụng</Tag>}
          </span>
        ),
        children: visit(i.id),
      }));
  return visit(null);
}

export function CatalogDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { data, isLoading, error } = useCatalog(id);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<CatalogItem | 'new' | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const tree = useMemo(() => (data ? buildTree(data.items, q) : []), [data, q]);
  const sel = data?.items.find((i) => i.id === selected);
  return (
    <Drawer open size={760} onClose={onClose} title={data ? `${data.code} – ${data.name}` : 'Danh mục'} data-testid="catalog-drawer">
      {isLoading && <Spin />}
      {error && <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>}
      {data && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="Phạm vi">{CATALOG_SCOPE_LABELS[data.scope]}</Descriptions.Item>
            <Descriptions.Item label="Lĩnh vực">{data.fieldGroup ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị quản lý">{data.ownerUnitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Phiên bản">{data.version}</Descriptions.Item>
            <Descriptions.Item label="Mô tả" span={2}>
              {data.description ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'items',
                label: `Các mục (${data.items.length})`,
                children: (
                  <>
                    <Flex gap={8} style={{ marginBottom: 8 }} wrap>
                      <Input
                        allowClear
                        placeholder="Tìm mục (có dấu hoặc không dấu)"
                        aria-label="Tìm mục"
                        value={q}
                        onChange={(e) => setQ(e.target.value)}
                        style={{ flex: 1 }}
                      />
                      {data.canManage && (
                        <>
                          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                            Thêm mục
                          </Button>
                          <Button disabled={!sel} onClick={() => sel && setEditing(sel)}>
                            Sửa mục đã chọn
                          </Button>
                        </>
                      )}
                    </Flex>
                    {tree.length ? (
                      <Tree
                        treeData={tree}
                        defaultExpandAll
                        blockNode
                        selectedKeys={selected ? [selected] : []}
                        onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
                        onDoubleClick={(_, node) => data.canManage && setEditing(data.items.find((i) => i.id === node.key) ?? null)}
                        height={480}
                      />
                    ) : (
                      <Empty description="Chưa có mục nào." />
                    )}
                  </>
                ),
              },
              {
                key: 'history',
                label: 'Lịch sử chỉnh sửa',
                children: data.events.length ? (
                  <Timeline
                    items={[...data.events]
                      .sort((a, b) => b.at.localeCompare(a.at))
                      .map((e) => ({
                        content: (
                          <>
                            <Typography.Text strong>{EVENT_LABELS[e.kind] ?? e.kind}</Typography.Text>{' '}
                            <Typography.Text type="secondary">
                              {formatDateTime(e.at)} · {e.actorName ?? 'Hệ thống'} · phiên bản {e.catalogVersion}
                            </Typography.Text>
                            <ChangeSummary before={e.before} after={e.after} />
                          </>
                        ),
                      }))}
                  />
                ) : (
                  <Empty description="Chưa có lịch sử." />
                ),
              },
            ]}
          />
          {editing && (
            <ItemModal
              catalog={data}
              item={editing === 'new' ? null : editing}
              parentId={editing === 'new' ? (selected ?? null) : undefined}
              onClose={() => setEditing(null)}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

const FIELD_LABELS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  parentId: 'Mục cha',
  sortOrder: 'Thứ tự',
  validFrom: 'Hiệu lực từ',
  validTo: 'Đến',
  active: 'Đang dùng',
  description: 'Mô tả',
  fieldGroup: 'Lĩnh vực',
};

function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => k in FIELD_LABELS && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  if (!keys.length) return null;
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? '(trống)'
      : typeof v === 'boolean'
        ? v
          ? 'Có'
          : 'Không'
        : /^\d{4}-\d{2}-\d{2}/u.test(String(v))
          ? showIsoDate(String(v))
          : String(v);
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 18, fontSize: 13 }}>
      {keys.map((k) => (
        <li key={k}>
          {FIELD_LABELS[k]}: {k in b ? `${show(b[k])} → ` : ''}
          {show(a[k])}
        </li>
      ))}
    </ul>
  );
}

interface ItemValues {
  code: string;
  name: string;
  parentId?: string | null;
  sortOrder?: number;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  active?: boolean;
}

function ItemModal({
  catalog,
  item,
  parentId,
  onClose,
}: {
  catalog: CatalogDetail;
  item: CatalogItem | null;
  parentId?: string | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const mutation = useCatalogMutation();
  const submit = async (v: ItemValues) => {
    const body = {
      catalogVersion: catalog.version,
      code: v.code,
      name: v.name,
      parentId: v.parentId ?? null,
      sortOrder: v.sortOrder,
      validFrom: toIsoDate(v.validFrom) ?? null,
      validTo: toIsoDate(v.validTo) ?? null,
      active: v.active,
    };
    try {
      if (item) await mutation.mutateAsync({ kind: 'updateItem', id: catalog.id, itemId: item.id, body });
      else await mutation.mutateAsync({ kind: 'addItem', id: catalog.id, body });
      message.success(item ? 'Đã sửa mục.' : 'Đã thêm mục.');
      onClose();
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        message.error('Danh mục đã được người khác sửa. Danh mục đã được tải lại, vui lòng thử lại.');
        return;
      }
      const rest = applyApiError(form, e, ['code', 'name', 'parentId', 'sortOrder', 'validFrom', 'validTo'], { DUPLICATE_CODE: 'code' });
      if (rest) message.error(rest);
    }
  };
  const parents = catalog.items.filter((i) => i.id !== item?.id).map((i) => ({ value: i.id, label: `${i.code} – ${i.name}` }));
  return (
    <Modal
      open
      title={item ? `Sửa mục ${item.code}` : 'Thêm mục'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          item
            ? { ...item, validFrom: fromIsoDate(item.validFrom), validTo: fromIsoDate(item.validTo) }
            : { parentId: parentId ?? null, active: true }
        }
      >
        <Form.Item name="code" label="Mã" rules={[{ required: true, message: 'Không được để trống.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label="Tên" rules={[{ required: true, whitespace: true, message: 'Không được để trống.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="parentId" label="Thuộc mục">
          <Select
            allowClear
            showSearch={{ filterOption: (input, o) => matchesSearch(String(o?.label ?? ''), input) }}
            options={parents}
            placeholder="(Cấp cao nhất)"
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="sortOrder" label="Thứ tự">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="validFrom" label="Hiệu lực từ ngày">
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="validTo" label="Đến ngày">
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Flex>
        {item && (
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>Đang sử dụng</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

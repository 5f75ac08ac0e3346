import { useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Flex, Form, Input, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dashboard, TileSpec } from '@baocao/core';
import { isApiError } from '../../api/client.ts';
import { useDashboardMutation } from '../../api/dashboards.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { moveItem, tileSummary } from './dashboardModel.ts';
import { TileDialog } from './TileForm.tsx';

const MAX_TILES = 24;

interface Fields {
  name: string;
  description?: string | null;
  unitId: string;
}

const CONFLICT_MESSAGE =
  'Bảng điều khiển vừa được người khác thay đổi sau khi bạn mở. Hãy đóng, bấm “Làm mới” để xem bản mới nhất rồi sửa lại, để không ghi đè thay đổi của họ.';

/**
 * Creates or edits a dashboard: name, unit, tiles added, edited, reordered and removed; saved with
 * the version read, so that two managers editing at once never overwrite each other silently.
 */
export function DashboardEditor({
  dashboard,
  viewNames,
  onClose,
  onSaved,
  onDeleted,
}: {
  /** Null: a new dashboard. */
  dashboard: Dashboard | null;
  viewNames?: ReadonlyMap<string, string>;
  onClose: () => void;
  onSaved: (saved: Dashboard) => void;
  onDeleted?: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [tiles, setTiles] = useState<TileSpec[]>(() => dashboard?.tiles ?? []);
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useDashboardMutation();

  const save = async () => {
    const fields = await form.validateFields();
    setProblem(null);
    const body = { name: fields.name.trim(), description: fields.description?.trim() || null, unitId: fields.unitId, tiles };
    try {
      const saved = await mutation.mutateAsync(
        dashboard ? { kind: 'update', id: dashboard.id, body: { ...body, version: dashboard.version } } : { kind: 'create', body },
      );
      message.success(dashboard ? 'Đã lưu bảng điều khiển.' : 'Đã tạo bảng điều khiển.');
      onSaved(saved!);
    } catch (e) {
      setProblem(isApiError(e, 'CONFLICT') ? CONFLICT_MESSAGE : applyApiError(form, e, ['name', 'description', 'unitId']));
    }
  };

  const remove = async () => {
    if (!dashboard) return;
    try {
      await mutation.mutateAsync({ kind: 'delete', id: dashboard.id });
      message.success('Đã xóa bảng điều khiển.');
      onDeleted?.();
    } catch (e) {
      setProblem(applyApiError(form, e, []));
    }
  };

  const putTile = (tile: TileSpec) => {
    setTiles((list) => (editing?.index == null ? [...list, tile] : list.map((t, i) => (i === editing.index ? tile : t))));
    setEditing(null);
  };

  return (
    <Drawer
      open
      size={760}
      title={dashboard ? `Sửa bảng điều khiển – ${dashboard.name}` : 'Tạo bảng điều khiển'}
      onClose={onClose}
      destroyOnHidden
      data-testid="dashboard-editor"
      extra={
        <Space>
          {dashboard && (
            <Popconfirm
              title="Xóa bảng điều khiển?"
              description="Lãnh đạo đơn vị sẽ không còn xem được bảng điều khiển này. Các khung nhìn đã lưu vẫn được giữ."
              okText="Xóa"
              cancelText="Hủy"
              okButtonProps={{ danger: true }}
              onConfirm={() => void remove()}
            >
              <Button danger icon={<DeleteOutlined aria-hidden />}>
                Xóa
              </Button>
            </Popconfirm>
          )}
          <Button type="primary" loading={mutation.isPending} onClick={() => void save()}>
            Lưu
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} data-testid="dashboard-editor-problem" />}
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={{ name: dashboard?.name ?? '', description: dashboard?.description ?? '', unitId: dashboard?.unitId }}
      >
        <Form.Item
          name="name"
          label="Tên bảng điều khiển"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên bảng điều khiển.' }]}
        >
          <Input maxLength={200} placeholder="VD: Bảng điều khiển UBND xã Tân Lập" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Đơn vị"
          extra="Bảng điều khiển của lãnh đạo đơn vị này."
          rules={[{ required: true, message: 'Hãy chọn đơn vị.' }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>

      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          Các ô ({tiles.length}/{MAX_TILES})
        </Typography.Title>
        <Button icon={<PlusOutlined aria-hidden />} disabled={tiles.length >= MAX_TILES} onClick={() => setEditing({ index: null })}>
          Thêm ô
        </Button>
      </Flex>
      {tiles.length === 0 ? (
        <Empty description="Chưa có ô nào. Thêm ô chỉ số (KPI) hoặc ô khung nhìn đã lưu." />
      ) : (
        <ol className="tile-list" data-testid="dashboard-editor-tiles">
          {tiles.map((tile, index) => (
            <li key={index} className="tile-list-item">
              <div className="tile-list-text">
                <Space size={6}>
                  <Tag color={tile.kind === 'kpi' ? 'blue' : 'purple'}>{tile.kind === 'kpi' ? 'KPI' : 'Khung nhìn'}</Tag>
                  <Typography.Text strong>{tile.title}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" className="tile-list-summary">
                  {tileSummary(tile, tile.kind === 'view' ? viewNames?.get(tile.viewId) : undefined)}
                </Typography.Text>
              </div>
              <Space size={4}>
                <Tooltip title="Chuyển lên">
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={`Chuyển ô ${tile.title} lên`}
                    disabled={index === 0}
                    onClick={() => setTiles((l) => moveItem(l, index, -1))}
                  />
                </Tooltip>
                <Tooltip title="Chuyển xuống">
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={`Chuyển ô ${tile.title} xuống`}
                    disabled={index === tiles.length - 1}
                    onClick={() => setTiles((l) => moveItem(l, index, 1))}
                  />
                </Tooltip>
                <Tooltip title="Sửa ô">
                  <Button size="small" icon={<EditOutlined />} aria-label={`Sửa ô ${tile.title}`} onClick={() => setEditing({ index })} />
                </Tooltip>
                <Tooltip title="Bỏ ô">
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`Bỏ ô ${tile.title}`}
                    onClick={() => setTiles((l) => l.filter((_, i) => i !== index))}
                  />
                </Tooltip>
              </Space>
            </li>
          ))}
        </ol>
      )}
      {editing && (
        <TileDialog
          tile={editing.index === null ? null : (tiles[editing.index] ?? null)}
          onSave={putTile}
          onClose={() => setEditing(null)}
        />
      )}
    </Drawer>
  );
}

import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Segmented,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, FolderOpenOutlined, SearchOutlined } from '@ant-design/icons';
import {
  CHART_TYPE_LABELS,
  CHART_TYPES,
  matchesSearch,
  VIEW_SHARING,
  VIEW_SHARING_LABELS,
  type ChartType,
  type ExplorationQueryInput,
  type SavedView,
  type ViewDisplay,
  type ViewSharing,
} from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useSavedViews, useViewMutation } from '../../api/analytics.ts';
import { formatAt } from '../reports/format.ts';

const SHARING_COLORS: Record<ViewSharing, string> = { private: 'default', unit: 'blue', all: 'green' };
/** Shorter labels for the choice, the long ones in the list. */
const SHARING_CHOICES: Record<ViewSharing, string> = { private: 'Chỉ mình tôi', unit: 'Cùng đơn vị', all: 'Mọi người' };

interface SaveValues {
  target: 'update' | 'new';
  name: string;
  description?: string;
  sharing: ViewSharing;
  mode: ViewDisplay['mode'];
  chartType: ChartType;
}

export interface SaveViewModalProps {
  /** The view open on the page, when it is the user's own (it may then be updated). */
  current: SavedView | null;
  query: ExplorationQueryInput;
  display: ViewDisplay;
  onSaved: (view: SavedView) => void;
  onClose: () => void;
}

/** "Lưu khung nhìn": name, description, who sees it, how it opens; updates the open view or saves a new one. */
export function SaveViewModal({ current, query, display, onSaved, onClose }: SaveViewModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SaveValues>();
  const mutation = useViewMutation();
  const [error, setError] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form);

  const submit = async (values: SaveValues) => {
    setError(null);
    const body = {
      name: values.name.trim(),
      description: values.description?.trim() || null,
      query,
      display: { mode: values.mode, chartType: values.chartType },
      sharing: values.sharing,
    };
    try {
      const saved =
        current && values.target === 'update'
          ? await mutation.mutateAsync({ kind: 'update', id: current.id, body: { ...body, version: current.version } })
          : await mutation.mutateAsync({ kind: 'create', body });
      if (!saved) return;
      message.success(
        current && values.target === 'update' ? `Đã cập nhật khung nhìn “${saved.name}”.` : `Đã lưu khung nhìn “${saved.name}”.`,
      );
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title="Lưu khung nhìn"
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<SaveValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          target: current ? 'update' : 'new',
          name: current?.name ?? '',
          description: current?.description ?? '',
          sharing: current?.sharing ?? 'private',
          mode: display.mode,
          chartType: display.chartType,
        }}
      >
        {current && (
          <Form.Item name="target" label="Lưu vào">
            <Radio.Group
              options={[
                { value: 'update', label: `Cập nhật “${current.name}”` },
                { value: 'new', label: 'Khung nhìn mới' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="Tên khung nhìn"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên khung nhìn.' }, { max: 200 }]}
        >
          <Input placeholder="VD: Lao động được tạo việc làm theo phường, xã" />
        </Form.Item>
        <Form.Item name="description" label="Mô tả" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} placeholder="Khung nhìn này dùng để làm gì (không bắt buộc)" />
        </Form.Item>
        <Form.Item name="sharing" label="Chia sẻ với">
          <Radio.Group options={VIEW_SHARING.map((s) => ({ value: s, label: SHARING_CHOICES[s] }))} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="mode" label="Hiển thị khi mở">
            <Radio.Group
              options={[
                { value: 'table', label: 'Bảng' },
                { value: 'chart', label: 'Biểu đồ' },
              ]}
            />
          </Form.Item>
          {mode === 'chart' && (
            <Form.Item name="chartType" label="Loại biểu đồ">
              <Select style={{ width: 160 }} options={CHART_TYPES.map((t) => ({ value: t, label: CHART_TYPE_LABELS[t] }))} />
            </Form.Item>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          Người được chia sẻ mở khung nhìn chỉ thấy số liệu trong phạm vi quản lý của chính họ.
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
      </Form>
    </Modal>
  );
}

type ViewFilter = 'all' | 'mine' | 'shared';

export interface SavedViewsDrawerProps {
  openId: string | null;
  onOpen: (view: SavedView) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
}

/** "Khung nhìn đã lưu": the user's own views and those shared with them; open any, delete their own. */
export function SavedViewsDrawer({ openId, onOpen, onDeleted, onClose }: SavedViewsDrawerProps) {
  const { message } = App.useApp();
  const { data = [], isLoading, error } = useSavedViews();
  const mutation = useViewMutation();
  const [filter, setFilter] = useState<ViewFilter>('all');
  const [search, setSearch] = useState('');
  const items = useMemo(
    () =>
      data
        .filter((v) => filter === 'all' || (filter === 'mine' ? v.mine : !v.mine))
        .filter((v) => !search.trim() || matchesSearch(`${v.name} ${v.description ?? ''} ${v.ownerName}`, search.trim())),
    [data, filter, search],
  );

  const remove = async (view: SavedView) => {
    try {
      await mutation.mutateAsync({ kind: 'delete', id: view.id });
      message.success(`Đã xóa khung nhìn “${view.name}”.`);
      onDeleted(view.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Drawer open size={640} title="Khung nhìn đã lưu" onClose={onClose} data-testid="saved-views">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented<ViewFilter>
          aria-label="Lọc khung nhìn"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'mine', label: 'Của tôi' },
            { value: 'shared', label: 'Được chia sẻ' },
          ]}
        />
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm khung nhìn"
          aria-label="Tìm khung nhìn"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 260 }}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={errorMessage(error)} role="alert" />}
      {isLoading && <Skeleton active />}
      {!isLoading && items.length === 0 && (
        <Empty
          description={
            data.length ? 'Không có khung nhìn phù hợp.' : 'Chưa có khung nhìn nào. Bấm “Lưu khung nhìn” để lưu lựa chọn đang xem.'
          }
        />
      )}
      <ul className="explore-views">
        {items.map((v) => (
          <li key={v.id} data-testid="saved-view" className={`explore-view${v.id === openId ? ' explore-view-open' : ''}`}>
            <div className="explore-view-text">
              <Space wrap size={6}>
                <Typography.Text strong>{v.name}</Typography.Text>
                <Tag color={SHARING_COLORS[v.sharing]}>{VIEW_SHARING_LABELS[v.sharing]}</Tag>
              </Space>
              {v.description && <Typography.Paragraph style={{ margin: '2px 0 0' }}>{v.description}</Typography.Paragraph>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.mine ? 'Của tôi' : `Của ${v.ownerName}${v.ownerUnitName ? ` – ${v.ownerUnitName}` : ''}`} · Cập nhật{' '}
                {formatAt(v.updatedAt)}
              </Typography.Text>
            </div>
            <Space size={0}>
              <Button
                type="link"
                icon={<FolderOpenOutlined aria-hidden />}
                onClick={() => onOpen(v)}
                aria-label={`Mở khung nhìn ${v.name}`}
              >
                Mở
              </Button>
              {v.mine && (
                <Popconfirm
                  title="Xóa khung nhìn này?"
                  description="Người được chia sẻ sẽ không mở được nữa."
                  okText="Xóa"
                  okButtonProps={{ danger: true }}
                  cancelText="Hủy"
                  onConfirm={() => remove(v)}
                >
                  <Button type="link" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa khung nhìn ${v.name}`}>
                    Xóa
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </li>
        ))}
      </ul>
    </Drawer>
  );
}

import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import {
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form as AntForm,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { FORM_SHARING_LABELS, FORM_VERSION_STATUS_LABELS, type FormSummary, type FormVersionSummary } from '@baocao/core';
import { errorMessage } from '../../../api/client.ts';
import { exportFormExcel, useFormDiff, useFormMutation, type ShareBody } from '../../../api/forms.ts';
import { formatDateTimeShort } from '../../../shared/dates.ts';
import { UnitTreeSelect } from '../../../shared/UnitTreeSelect.tsx';
import { DiffView } from './diff.tsx';

export function VersionTag({ v }: { v: Pick<FormVersionSummary, 'status'> }) {
  return <Tag color={v.status === 'draft' ? 'gold' : 'green'}>{FORM_VERSION_STATUS_LABELS[v.status]}</Tag>;
}

export function VersionsDrawer({
  form,
  versions,
  onClose,
  onCompare,
}: {
  form: FormSummary;
  versions: FormVersionSummary[];
  onClose: () => void;
  onCompare: () => void;
}) {
  return (
    <Drawer
      open
      title={`Các phiên bản – ${form.code}`}
      size={720}
      onClose={onClose}
      extra={<Button onClick={onCompare}>So sánh phiên bản</Button>}
    >
      <Table<FormVersionSummary>
        data-testid="versions-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: 'Phiên bản', dataIndex: 'versionNo', width: 90, render: (n: number) => `Số ${n}` },
          { title: 'Trạng thái', key: 'status', width: 120, render: (_, v) => <VersionTag v={v} /> },
          { title: 'Tạo lúc', dataIndex: 'createdAt', render: (t: string) => formatDateTimeShort(t) },
          { title: 'Ban hành lúc', dataIndex: 'publishedAt', render: (t: string | null) => (t ? formatDateTimeShort(t) : '—') },
          { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          {
            title: '',
            key: 'x',
            render: (_, v) => (
              <Button size="small" onClick={() => exportFormExcel(form.id, v.id)}>
                Xuất Excel
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

export function DiffModal({ formId, versions, onClose }: { formId: string; versions: FormVersionSummary[]; onClose: () => void }) {
  const sorted = [...versions].sort((a, b) => a.versionNo - b.versionNo);
  const [from, setFrom] = useState(sorted.length > 1 ? sorted[sorted.length - 2]!.id : sorted[0]?.id);
  const [to, setTo] = useState(sorted[sorted.length - 1]?.id);
  const { data, isFetching, error } = useFormDiff(formId, from, to);
  const options = sorted.map((v) => ({ value: v.id, label: `Phiên bản ${v.versionNo} – ${FORM_VERSION_STATUS_LABELS[v.status]}` }));
  return (
    <Modal open title="So sánh phiên bản" width={820} onCancel={onClose} footer={<Button onClick={onClose}>Đóng</Button>}>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <span>Từ</span>
        <Select aria-label="Phiên bản cũ" value={from} onChange={setFrom} options={options} style={{ width: 260 }} />
        <span>đến</span>
        <Select aria-label="Phiên bản mới" value={to} onChange={setTo} options={options} style={{ width: 260 }} />
      </Flex>
      {from === to ? (
        <Typography.Text type="secondary">Chọn hai phiên bản khác nhau để so sánh.</Typography.Text>
      ) : error ? (
        <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>
      ) : isFetching ? (
        <Typography.Text type="secondary">Đang so sánh…</Typography.Text>
      ) : (
        <DiffView diff={data} />
      )}
    </Modal>
  );
}

export function ShareModal({ form, onClose }: { form: FormSummary; onClose: () => void }) {
  const { message } = App.useApp();
  const mutation = useFormMutation();
  const [sharing, setSharing] = useState<ShareBody['sharing']>(form.sharing);
  const [units, setUnits] = useState(
    form.sharedWith.map((u) => ({ unitId: u.unitId, unitName: u.unitName, includeSubtree: u.includeSubtree })),
  );
  const [pickerValue, setPickerValue] = useState<string | undefined>();
  const save = async () => {
    try {
      await mutation.mutateAsync({
        kind: 'share',
        id: form.id,
        body: {
          version: form.version,
          sharing,
          units: sharing === 'units' ? units.map(({ unitId, includeSubtree }) => ({ unitId, includeSubtree })) : [],
        },
      });
      message.success('Đã cập nhật chia sẻ biểu mẫu.');
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title="Chia sẻ biểu mẫu vào kho báo cáo mẫu"
      onCancel={onClose}
      onOk={() => void save()}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
    >
      <Radio.Group
        value={sharing}
        onChange={(e) => setSharing(e.target.value)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      >
        {(['private', 'all', 'units'] as const).map((s) => (
          <Radio key={s} value={s}>
            {FORM_SHARING_LABELS[s]}
          </Radio>
        ))}
      </Radio.Group>
      {sharing === 'units' && (
        <div style={{ marginTop: 12 }}>
          <Flex gap={8}>
            <UnitTreeSelect value={pickerValue} onChange={setPickerValue} placeholder="Chọn đơn vị được dùng" />
            <Button
              disabled={!pickerValue}
              onClick={() => {
                if (pickerValue && !units.some((u) => u.unitId === pickerValue))
                  setUnits([...units, { unitId: pickerValue, unitName: '', includeSubtree: true }]);
                setPickerValue(undefined);
              }}
            >
              Thêm
            </Button>
          </Flex>
          <List
            size="small"
            dataSource={units}
            locale={{ emptyText: 'Chưa chọn đơn vị nào.' }}
            renderItem={(u) => (
              <List.Item
                actions={[
                  <Button
                    key="rm"
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => setUnits(units.filter((x) => x.unitId !== u.unitId))}
                    aria-label="Bỏ đơn vị"
                  />,
                ]}
              >
                <Space>
                  {u.unitName || <UnitName id={u.unitId} />}
                  <Checkbox
                    checked={u.includeSubtree}
                    onChange={(e) => setUnits(units.map((x) => (x.unitId === u.unitId ? { ...x, includeSubtree: e.target.checked } : x)))}
                  >
                    Gồm đơn vị trực thuộc
                  </Checkbox>
                </Space>
              </List.Item>
            )}
          />
        </div>
      )}
    </Modal>
  );
}

function UnitName({ id }: { id: string }) {
  return <UnitTreeSelect value={id} style={{ width: 280, pointerEvents: 'none' }} />;
}

export function CopyModal({ form, onClose }: { form: FormSummary; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mutation = useFormMutation();
  const [af] = AntForm.useForm<{ ownerUnitId: string; code: string; name: string }>();
  const submit = async (v: { ownerUnitId: string; code: string; name: string }) => {
    try {
      const created = (await mutation.mutateAsync({
        kind: 'copy',
        id: form.id,
        body: { ...v, versionId: form.latestPublished?.id },
      })) as FormSummary;
      message.success('Đã sao chép biểu mẫu. Bạn có thể điều chỉnh bản sao.');
      onClose();
      await navigate({ to: '/bieu-mau/$id', params: { id: created.id } });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title="Sao chép để điều chỉnh"
      onCancel={onClose}
      onOk={() => af.submit()}
      okText="Sao chép"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
    >
      <Typography.Paragraph type="secondary">
        Bản sao thuộc đơn vị của bạn, bắt đầu là bản nháp; biểu mẫu gốc “{form.name}” không thay đổi.
      </Typography.Paragraph>
      <AntForm form={af} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ code: `${form.code}-SAO`, name: form.name }}>
        <AntForm.Item name="ownerUnitId" label="Đơn vị chủ trì bản sao" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
          <UnitTreeSelect manageableOnly={false} />
        </AntForm.Item>
        <AntForm.Item name="code" label="Ký hiệu biểu" rules={[{ required: true, message: 'Không được để trống.' }]}>
          <Input />
        </AntForm.Item>
        <AntForm.Item name="name" label="Tên biểu mẫu">
          <Input />
        </AntForm.Item>
      </AntForm>
    </Modal>
  );
}

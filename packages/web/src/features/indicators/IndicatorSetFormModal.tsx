import { App, Form, Input, Modal } from 'antd';
import type { IndicatorSet } from '@baocao/core';
import { useIndicatorSetMutation } from '../../api/indicators.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';

const FIELDS = ['code', 'name', 'legalBasis', 'description', 'ownerUnitId'] as const;

interface Values {
  code?: string;
  name?: string;
  legalBasis?: string | null;
  description?: string | null;
  ownerUnitId?: string | null;
}

/** Create a set (bộ chỉ tiêu), or edit its name, legal basis and description. */
export function IndicatorSetFormModal({
  set,
  onClose,
  onCreated,
}: {
  set: IndicatorSet | null;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useIndicatorSetMutation();
  const initial: Values = set ? { code: set.code, name: set.name, legalBasis: set.legalBasis, description: set.description } : {};

  const submit = async (v: Values) => {
    const common = { name: v.name ?? '', legalBasis: v.legalBasis ?? null, description: v.description ?? null };
    try {
      if (set) {
        await mutation.mutateAsync({ kind: 'update', id: set.id, body: common });
        message.success('Đã lưu bộ chỉ tiêu.');
        onClose();
      } else {
        const created = await mutation.mutateAsync({
          kind: 'create',
          body: { ...common, code: v.code ?? '', ownerUnitId: v.ownerUnitId ?? null },
        });
        message.success('Đã tạo bộ chỉ tiêu.');
        onClose();
        onCreated?.(created.id);
      }
    } catch (e) {
      const rest = applyApiError(form, e, FIELDS, { DUPLICATE_CODE: 'code' });
      if (rest) message.error(rest);
    }
  };

  return (
    <Modal
      open
      title={set ? `Sửa bộ chỉ tiêu ${set.code}` : 'Thêm bộ chỉ tiêu'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="indicator-set-form">
        <Form.Item name="code" label="Mã bộ chỉ tiêu" rules={[{ required: true, whitespace: true, message: 'Không được để trống.' }]}>
          <Input disabled={!!set} maxLength={50} />
        </Form.Item>
        <Form.Item name="name" label="Tên bộ chỉ tiêu" rules={[{ required: true, whitespace: true, message: 'Không được để trống.' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="legalBasis" label="Căn cứ pháp lý">
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {!set && (
          <Form.Item
            name="ownerUnitId"
            label="Cơ quan chủ trì"
            extra="Để trống nếu là bộ chỉ tiêu chung (chỉ quản trị hệ thống được quản lý)."
          >
            <UnitTreeSelect allowClear placeholder="Chọn cơ quan chủ trì" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '@baocao/core';
import { useUnitMutation } from '../../api/units.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../shared/dates.ts';
import { defaultChildKind } from './labels.ts';

interface Values {
  name: string;
  shortName?: string;
  kind: UnitKind;
  agencyCode?: string;
  adminCode?: string;
  validFrom?: Dayjs | null;
  sortOrder?: number | null;
}
const FIELDS = ['name', 'shortName', 'kind', 'agencyCode', 'adminCode', 'validFrom', 'sortOrder'];

type Props =
  | { mode: 'create'; parent: Unit | null; onClose: () => void; onDone: (unit: Unit) => void }
  | { mode: 'edit'; unit: Unit; onClose: () => void; onDone: (unit: Unit) => void };

/** Create a unit below a parent, or edit one. */
export function UnitFormModal(props: Props) {
  const [form] = Form.useForm<Values>();
  const mutation = useUnitMutation();
  const [error, setError] = useState<string | null>(null);
  const editing = props.mode === 'edit' ? props.unit : null;

  const initial: Partial<Values> = editing
    ? {
        name: editing.name,
        shortName: editing.shortName ?? '',
        kind: editing.kind,
        agencyCode: editing.agencyCode ?? '',
        adminCode: editing.adminCode ?? '',
        validFrom: fromIsoDate(editing.validFrom),
        sortOrder: editing.sortOrder,
      }
    : { kind: defaultChildKind(props.mode === 'create' ? props.parent?.kind : undefined) };

  const onFinish = async (values: Values) => {
    setError(null);
    const common = {
      name: values.name,
      shortName: values.shortName ?? '',
      kind: values.kind,
      agencyCode: values.agencyCode ?? '',
      adminCode: values.adminCode ?? '',
      validFrom: toIsoDate(values.validFrom) ?? null,
      ...(values.sortOrder !== null && values.sortOrder !== undefined ? { sortOrder: values.sortOrder } : {}),
    };
    try {
      const unit =
        props.mode === 'edit'
          ? await mutation.mutateAsync({ kind: 'update', id: props.unit.id, body: { version: props.unit.version, ...common } })
          : await mutation.mutateAsync({ kind: 'create', body: { parentId: props.parent?.id ?? null, ...common } });
      if (unit) props.onDone(unit);
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    }
  };

  const title =
    props.mode === 'edit'
      ? `Sửa đơn vị: ${props.unit.name}`
      : props.parent
        ? `Thêm đơn vị trực thuộc ${props.parent.name}`
        : 'Thêm đơn vị cấp cao nhất';

  return (
    <Modal
      open
      title={title}
      okText={props.mode === 'edit' ? 'Lưu' : 'Tạo đơn vị'}
      cancelText="Hủy"
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="unit-form">
        <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, whitespace: true, message: 'Nhập tên đơn vị.' }, { max: 300 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item label="Tên viết tắt" name="shortName" rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Loại đơn vị" name="kind" rules={[{ required: true, message: 'Chọn loại đơn vị.' }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          label="Mã định danh điện tử"
          name="agencyCode"
          tooltip="Theo QĐ 20/2020/QĐ-TTg, ví dụ H31.12; hoặc mã cũ dạng 000.00.00.H31"
        >
          <Input placeholder="Ví dụ: H31.12" />
        </Form.Item>
        <Form.Item label="Mã đơn vị hành chính" name="adminCode" tooltip="2 chữ số cho tỉnh, 5 chữ số cho xã, phường, đặc khu">
          <Input placeholder="Ví dụ: 01 hoặc 00004" inputMode="numeric" />
        </Form.Item>
        <Form.Item label="Hiệu lực từ ngày" name="validFrom">
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item label="Thứ tự hiển thị" name="sortOrder" tooltip="Số nhỏ hơn đứng trước">
          <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

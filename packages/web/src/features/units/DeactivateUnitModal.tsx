import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Unit } from '@baocao/core';
import { useUnitMutation } from '../../api/units.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { DATE_FORMAT, toIsoDate } from '../../shared/dates.ts';

interface Values {
  validTo?: Dayjs | null;
  note?: string;
}

/** Stops a unit on a date; its history and data stay readable. */
export function DeactivateUnitModal({ unit, onClose, onDone }: { unit: Unit; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useUnitMutation();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      await mutation.mutateAsync({
        kind: 'deactivate',
        id: unit.id,
        body: { version: unit.version, validTo: toIsoDate(values.validTo), note: values.note ?? '' },
      });
      onDone();
    } catch (e) {
      setError(applyApiError(form, e, ['validTo', 'note']));
    }
  };

  return (
    <Modal
      open
      title={`Ngừng hoạt động: ${unit.name}`}
      okText="Ngừng hoạt động"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
    >
      <Typography.Paragraph type="secondary">
        Đơn vị ngừng hoạt động không nhận giao báo cáo mới; dữ liệu và lịch sử vẫn được giữ để tra cứu, so sánh.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ validTo: dayjs() }}
        data-testid="deactivate-unit-form"
      >
        <Form.Item label="Ngừng hoạt động từ ngày" name="validTo">
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note" rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} placeholder="Ví dụ: sáp nhập theo Nghị quyết số .../NQ-UBTVQH15" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { Unit } from '@baocao/core';
import { useUnitList, useUnitMutation } from '../../api/units.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { subtreeIds } from '../../shared/unitTree.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';

interface Values {
  newParentId: string;
  note?: string;
}

/** Moves a unit under another parent; its own subtree cannot be picked. */
export function MoveUnitModal({ unit, onClose, onDone }: { unit: Unit; onClose: () => void; onDone: (u: Unit) => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useUnitMutation();
  const { data: units = [] } = useUnitList(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = useMemo(() => {
    const ids = subtreeIds(units, unit.id);
    if (unit.parentId) ids.add(unit.parentId);
    return ids;
  }, [units, unit]);

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      const moved = await mutation.mutateAsync({
        kind: 'move',
        id: unit.id,
        body: { version: unit.version, newParentId: values.newParentId, note: values.note ?? '' },
      });
      if (moved) onDone(moved);
    } catch (e) {
      setError(applyApiError(form, e, ['newParentId', 'note'], { UNIT_CYCLE: 'newParentId' }));
    }
  };

  return (
    <Modal
      open
      title={`Chuyển đơn vị: ${unit.name}`}
      okText="Chuyển đơn vị"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      width={600}
    >
      <Typography.Paragraph type="secondary">
        Đơn vị và toàn bộ đơn vị trực thuộc sẽ được chuyển sang đơn vị cấp trên mới. Lịch sử được lưu lại.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="move-unit-form">
        <Form.Item label="Đơn vị cấp trên mới" name="newParentId" rules={[{ required: true, message: 'Chọn đơn vị cấp trên mới.' }]}>
          <UnitTreeSelect disabledIds={blocked} manageableOnly placeholder="Chọn đơn vị cấp trên mới" />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note" rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} placeholder="Ví dụ: theo Quyết định số .../QĐ-UBND" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

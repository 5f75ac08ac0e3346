import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import type { UserSummary } from '@baocao/core';
import { useUserMutation } from '../../api/users.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';

interface Values {
  fullName: string;
  email?: string;
  phone?: string;
  position?: string;
  unitId: string;
}
const FIELDS = ['fullName', 'email', 'phone', 'position', 'unitId'];

export function EditUserForm({ user, onDone, onCancel }: { user: UserSummary; onDone: () => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useUserMutation();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      await mutation.mutateAsync({
        kind: 'update',
        id: user.id,
        body: {
          version: user.version,
          fullName: values.fullName,
          email: values.email ?? '',
          phone: values.phone ?? '',
          position: values.position ?? '',
          ...(values.unitId !== user.unitId ? { unitId: values.unitId } : {}),
        },
      });
      onDone();
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    }
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        data-testid="edit-user-form"
        initialValues={{
          fullName: user.fullName,
          email: user.email ?? '',
          phone: user.phone ?? '',
          position: user.position ?? '',
          unitId: user.unitId,
        }}
      >
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ.' }]}>
          <Input type="email" />
        </Form.Item>
        <Form.Item label="Số điện thoại" name="phone">
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item label="Chức vụ" name="position">
          <Input />
        </Form.Item>
        <Form.Item label="Đơn vị công tác" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
          <UnitTreeSelect manageableOnly />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            Lưu
          </Button>
          <Button onClick={onCancel}>Hủy</Button>
        </Space>
      </Form>
    </>
  );
}

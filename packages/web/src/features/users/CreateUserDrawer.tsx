import { useState } from 'react';
import { Alert, Button, Divider, Drawer, Form, Input, Radio, Space, Typography } from 'antd';
import type { GrantInput } from '@baocao/core';
import { useCreateUser, type TemporaryPasswordResponse } from '../../api/users.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { PasswordPolicy } from '../auth/ChangePasswordForm.tsx';
import { GrantFields } from './GrantFields.tsx';

interface Values {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  position?: string;
  unitId: string;
  passwordMode: 'generate' | 'manual';
  initialPassword?: string;
  grants?: GrantInput[];
}
const FIELDS = ['username', 'fullName', 'email', 'phone', 'position', 'unitId', 'initialPassword', 'grants'];

export function CreateUserDrawer({
  defaultUnitId,
  onClose,
  onCreated,
}: {
  defaultUnitId?: string;
  onClose: () => void;
  onCreated: (result: TemporaryPasswordResponse) => void;
}) {
  const [form] = Form.useForm<Values>();
  const mutation = useCreateUser();
  const [error, setError] = useState<string | null>(null);
  const passwordMode = Form.useWatch('passwordMode', form);

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      const result = await mutation.mutateAsync({
        username: values.username,
        fullName: values.fullName,
        email: values.email ?? '',
        phone: values.phone ?? '',
        position: values.position ?? '',
        unitId: values.unitId,
        ...(values.passwordMode === 'manual' && values.initialPassword ? { initialPassword: values.initialPassword } : {}),
        grants: (values.grants ?? []).map((g) => ({ ...g, includeSubtree: !!g.includeSubtree })),
      });
      onCreated(result);
    } catch (e) {
      setError(applyApiError(form, e, FIELDS, { DUPLICATE_USERNAME: 'username', PASSWORD_POLICY: 'initialPassword' }));
    }
  };

  return (
    <Drawer
      open
      title="Tạo tài khoản"
      size={720}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            Tạo tài khoản
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ passwordMode: 'generate', unitId: defaultUnitId, grants: [] }}
        data-testid="create-user-form"
      >
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          extra="3–50 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới."
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên đăng nhập.' },
            {
              pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,49}$/u,
              message: 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
            },
          ]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ.' }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label="Số điện thoại" name="phone" rules={[{ max: 30 }]}>
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item label="Chức vụ" name="position" rules={[{ max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Đơn vị công tác" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
          <UnitTreeSelect manageableOnly />
        </Form.Item>

        <Divider titlePlacement="start">Vai trò được giao</Divider>
        <Typography.Paragraph type="secondary">
          Mỗi vai trò được giao trên một đơn vị; chọn “Gồm đơn vị trực thuộc” để áp dụng cho cả các đơn vị cấp dưới.
        </Typography.Paragraph>
        <GrantFields />

        <Divider titlePlacement="start">Mật khẩu ban đầu</Divider>
        <Form.Item name="passwordMode" label="Cách đặt mật khẩu ban đầu">
          <Radio.Group
            options={[
              { value: 'generate', label: 'Hệ thống tự tạo mật khẩu tạm thời' },
              { value: 'manual', label: 'Tự đặt mật khẩu ban đầu' },
            ]}
          />
        </Form.Item>
        {passwordMode === 'manual' && (
          <>
            <PasswordPolicy />
            <Form.Item label="Mật khẩu ban đầu" name="initialPassword" rules={[{ required: true, message: 'Nhập mật khẩu ban đầu.' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Typography.Paragraph type="secondary">Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.</Typography.Paragraph>
      </Form>
    </Drawer>
  );
}

import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import type { UserSummary } from '@baocao/core';
import { useResetPassword, type TemporaryPasswordResponse } from '../../api/users.ts';
import { applyApiError } from '../../shared/formErrors.ts';

interface Values {
  mode: 'generate' | 'manual';
  newPassword?: string;
}

export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: UserSummary;
  onClose: () => void;
  onDone: (result: TemporaryPasswordResponse) => void;
}) {
  const [form] = Form.useForm<Values>();
  const mutation = useResetPassword();
  const [error, setError] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form);

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      const result = await mutation.mutateAsync({
        id: user.id,
        newPassword: values.mode === 'manual' ? values.newPassword : undefined,
      });
      onDone(result);
    } catch (e) {
      setError(applyApiError(form, e, ['newPassword'], { PASSWORD_POLICY: 'newPassword' }));
    }
  };

  return (
    <Modal
      open
      title={`Đặt lại mật khẩu: ${user.username}`}
      okText="Đặt lại mật khẩu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
    >
      <Typography.Paragraph type="secondary">
        Mật khẩu hiện tại của tài khoản sẽ hết hiệu lực. Người dùng phải đổi mật khẩu ở lần đăng nhập tiếp theo.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ mode: 'generate' }}>
        <Form.Item name="mode" label="Mật khẩu mới">
          <Radio.Group
            options={[
              { value: 'generate', label: 'Hệ thống tự tạo mật khẩu tạm thời' },
              { value: 'manual', label: 'Tự đặt mật khẩu' },
            ]}
          />
        </Form.Item>
        {mode === 'manual' && (
          <Form.Item label="Mật khẩu tạm thời" name="newPassword" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

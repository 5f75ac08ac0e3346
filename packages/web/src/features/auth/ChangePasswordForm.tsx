import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { ERRORS, PASSWORD_MIN_LENGTH, type SessionResponse } from '@baocao/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { changePassword } from '../../api/session.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function PasswordPolicy() {
  return (
    <Alert
      type="info"
      showIcon
      title="Yêu cầu đối với mật khẩu mới"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          <li>
            Có từ {PASSWORD_MIN_LENGTH} ký tự trở lên (≥ {PASSWORD_MIN_LENGTH} ký tự).
          </li>
          <li>Không chứa tên đăng nhập.</li>
          <li>Không dùng mật khẩu phổ biến, dễ đoán (ví dụ 1234567890, matkhau123).</li>
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** Current, new and confirmed password; shows each problem the server returns. */
export function ChangePasswordForm({ onChanged }: { onChanged: (session: SessionResponse) => void }) {
  const [form] = Form.useForm<Values>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const queryClient = useQueryClient();

  const onFinish = async (values: Values) => {
    setLoading(true);
    setError(null);
    setProblems([]);
    try {
      const session = await changePassword(queryClient, values.currentPassword, values.newPassword);
      form.resetFields();
      onChanged(session);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'WRONG_CURRENT_PASSWORD') {
        form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
      } else if (e instanceof ApiError && e.code === 'PASSWORD_POLICY') {
        const list = (e.details as { problems?: string[] } | undefined)?.problems ?? [];
        setProblems(list);
        setError(list.length ? ERRORS.PASSWORD_POLICY.message : e.message);
        form.setFields([{ name: 'newPassword', errors: list.length ? list : [e.message] }]);
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <PasswordPolicy />
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          description={
            problems.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid="change-password-error"
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="change-password-form">
        <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          rules={[
            { required: true, message: 'Nhập mật khẩu mới.' },
            { min: PASSWORD_MIN_LENGTH, message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Nhập lại mật khẩu mới.' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error('Mật khẩu nhập lại không khớp.')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          Đổi mật khẩu
        </Button>
      </Form>
    </>
  );
}

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { login } from '../../api/session.ts';
import { Brand } from '../../layout/Brand.tsx';
import { formatDateTimeShort } from '../../shared/dates.ts';

const route = getRouteApi('/dang-nhap');

interface LoginValues {
  username: string;
  password: string;
}

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
    const until = (error.details as { lockedUntil?: string } | undefined)?.lockedUntil;
    // The server's message may already say when; add it only when it does not.
    if (until && !/\d{2}\/\d{2}\/\d{4}/u.test(error.message)) {
      return `${error.message} Bạn có thể đăng nhập lại sau ${formatDateTimeShort(until)}.`;
    }
  }
  return errorMessage(error);
}

export function LoginPage() {
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const queryClient = useQueryClient();
  const router = useRouter();
  const search = route.useSearch();

  const onFinish = async (values: LoginValues) => {
    setLoading(true);
    setError(null);
    try {
      const session = await login(queryClient, values.username.trim(), values.password);
      if (session.user.mustChangePassword) await router.navigate({ to: '/doi-mat-khau' });
      else if (search.redirect) router.history.push(search.redirect);
      else await router.navigate({ to: '/' });
    } catch (e) {
      setError(loginErrorText(e));
      form.setFieldValue('password', '');
    } finally {
      setLoading(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card" variant="borderless" style={{ boxShadow: '0 8px 24px rgba(15, 23, 42, 0.08)' }}>
        <div style={{ marginBottom: 24 }}>
          <Brand large />
        </div>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          Đăng nhập
        </Typography.Title>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          data-testid="login-form"
          autoComplete="on"
        >
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập.' }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={loading}>
            Đăng nhập
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          Quên mật khẩu hoặc tài khoản bị khóa? Vui lòng liên hệ quản trị đơn vị của bạn.
        </Typography.Paragraph>
      </Card>
      <div className="login-footer">Hệ thống thông tin báo cáo — phục vụ chế độ báo cáo theo Nghị định 09/2019/NĐ-CP</div>
    </main>
  );
}

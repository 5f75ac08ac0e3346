import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { App, Button, Card, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { logout, sessionQuery } from '../../api/session.ts';
import { Brand } from '../../layout/Brand.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** The forced change of password after the first login or a reset; nothing else is reachable before it. */
export function ChangePasswordPage() {
  const { data: session } = useQuery(sessionQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const forced = session?.user.mustChangePassword ?? false;

  return (
    <main className="login-page">
      <Card className="login-card" style={{ maxWidth: 520, boxShadow: '0 8px 24px rgba(15, 23, 42, 0.08)' }} variant="borderless">
        <div style={{ marginBottom: 20 }}>
          <Brand large />
        </div>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          Đổi mật khẩu
        </Typography.Title>
        {session && (
          <Typography.Paragraph>
            Tài khoản: <strong>{session.user.username}</strong> — {session.user.fullName}
            {forced && (
              <>
                <br />
                Bạn đang dùng mật khẩu tạm thời. Vui lòng đặt mật khẩu mới trước khi tiếp tục sử dụng hệ thống.
              </>
            )}
          </Typography.Paragraph>
        )}
        <ChangePasswordForm
          onChanged={() => {
            message.success('Đã đổi mật khẩu thành công.');
            void navigate({ to: '/' });
          }}
        />
        <div style={{ marginTop: 16, textAlign: 'right' }}>
          <Button
            type="link"
            icon={<LogoutOutlined aria-hidden />}
            onClick={async () => {
              await logout(queryClient).catch(() => undefined);
              await navigate({ to: '/dang-nhap' });
            }}
          >
            Đăng xuất
          </Button>
        </div>
      </Card>
    </main>
  );
}

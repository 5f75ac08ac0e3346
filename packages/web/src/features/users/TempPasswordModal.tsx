import { Alert, Button, Modal, Typography } from 'antd';
import type { TemporaryPasswordResponse } from '../../api/users.ts';

/** Shows a temporary password once; it is not stored anywhere the administrator can see it again. */
export function TempPasswordModal({ result, onClose }: { result: TemporaryPasswordResponse; onClose: () => void }) {
  return (
    <Modal
      open
      title="Mật khẩu tạm thời"
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          Tôi đã ghi lại mật khẩu
        </Button>
      }
    >
      <div data-testid="temp-password-modal">
        <Typography.Paragraph>
          Tài khoản <strong>{result.user.username}</strong> ({result.user.fullName}) dùng mật khẩu tạm thời sau:
        </Typography.Paragraph>
        <Typography.Paragraph
          copyable={{ text: result.temporaryPassword, tooltips: ['Sao chép', 'Đã sao chép'] }}
          style={{ fontSize: 20, textAlign: 'center', padding: '12px 0', background: '#f8fafc', borderRadius: 6 }}
        >
          <Typography.Text code data-testid="temp-password">
            {result.temporaryPassword}
          </Typography.Text>
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          title="Mật khẩu này chỉ hiển thị một lần."
          description="Hãy chuyển mật khẩu cho người dùng qua kênh an toàn. Người dùng phải đổi mật khẩu ngay ở lần đăng nhập đầu tiên."
        />
      </div>
    </Modal>
  );
}

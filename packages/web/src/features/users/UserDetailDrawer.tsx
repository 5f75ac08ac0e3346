import { useState } from 'react';
import { App, Button, Descriptions, Divider, Drawer, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { formatDateTime, type UserSummary } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { useUser, useUserMutation, type TemporaryPasswordResponse } from '../../api/users.ts';
import { formatDateTimeShort, isFuture } from '../../shared/dates.ts';
import { EditUserForm } from './EditUserForm.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserGrants } from './UserGrants.tsx';
import { UserStatusTags } from './labels.tsx';

interface Props {
  userId: string;
  onClose: () => void;
  onTemporaryPassword: (result: TemporaryPasswordResponse) => void;
}

function Actions({ user, onEdit, onReset }: { user: UserSummary; onEdit: () => void; onReset: () => void }) {
  const me = useCurrentUser();
  const mutation = useUserMutation();
  const { message } = App.useApp();
  const run = async (kind: 'disable' | 'enable' | 'unlock', done: string) => {
    try {
      await mutation.mutateAsync({ kind, id: user.id, version: user.version });
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const self = me.id === user.id;
  return (
    <Space wrap>
      <Button icon={<EditOutlined aria-hidden />} onClick={onEdit}>
        Sửa
      </Button>
      <Button icon={<KeyOutlined aria-hidden />} onClick={onReset}>
        Đặt lại mật khẩu
      </Button>
      {isFuture(user.lockedUntil) && (
        <Button icon={<UnlockOutlined aria-hidden />} onClick={() => run('unlock', 'Đã gỡ khóa đăng nhập.')} loading={mutation.isPending}>
          Gỡ khóa đăng nhập
        </Button>
      )}
      {user.status === 'active' ? (
        <Popconfirm
          title="Khóa tài khoản?"
          description="Người dùng sẽ không đăng nhập được cho tới khi được mở khóa."
          okText="Khóa tài khoản"
          okButtonProps={{ danger: true }}
          cancelText="Hủy"
          onConfirm={() => run('disable', 'Đã khóa tài khoản.')}
          disabled={self}
        >
          <Button
            danger
            icon={<LockOutlined aria-hidden />}
            disabled={self}
            title={self ? 'Không thể tự khóa tài khoản của mình' : undefined}
          >
            Khóa tài khoản
          </Button>
        </Popconfirm>
      ) : (
        <Button icon={<UnlockOutlined aria-hidden />} onClick={() => run('enable', 'Đã mở khóa tài khoản.')} loading={mutation.isPending}>
          Mở khóa tài khoản
        </Button>
      )}
    </Space>
  );
}

/** One account: its details, edit, roles, password reset, lock and unlock. */
export function UserDetailDrawer({ userId, onClose, onTemporaryPassword }: Props) {
  const me = useCurrentUser();
  const { data: user, isLoading, error } = useUser(userId);
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const canManage = hasPermission(me, 'user.manage');

  return (
    <Drawer open size={760} onClose={onClose} title={user ? `${user.fullName} (${user.username})` : 'Tài khoản'} data-testid="user-detail">
      {isLoading && <Skeleton active />}
      {error && <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>}
      {user && (
        <>
          {canManage && !editing && (
            <div style={{ marginBottom: 16 }}>
              <Actions user={user} onEdit={() => setEditing(true)} onReset={() => setResetting(true)} />
            </div>
          )}
          {editing ? (
            <EditUserForm user={user} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
          ) : (
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 190 } }}
              items={[
                { key: 'username', label: 'Tên đăng nhập', children: user.username },
                { key: 'fullName', label: 'Họ và tên', children: user.fullName },
                { key: 'email', label: 'Thư điện tử', children: user.email ?? '—' },
                { key: 'phone', label: 'Số điện thoại', children: user.phone ?? '—' },
                { key: 'position', label: 'Chức vụ', children: user.position ?? '—' },
                { key: 'unit', label: 'Đơn vị công tác', children: user.unitName },
                { key: 'status', label: 'Trạng thái', children: <UserStatusTags user={user} /> },
                ...(isFuture(user.lockedUntil)
                  ? [{ key: 'locked', label: 'Tạm khóa đăng nhập đến', children: formatDateTimeShort(user.lockedUntil!) }]
                  : []),
                {
                  key: 'lastLogin',
                  label: 'Đăng nhập gần nhất',
                  children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Chưa đăng nhập',
                },
                { key: 'createdAt', label: 'Ngày tạo', children: formatDateTime(user.createdAt) },
              ]}
            />
          )}
          <Divider titlePlacement="start">Vai trò và phạm vi</Divider>
          <UserGrants user={user} canManage={canManage} />
          {resetting && (
            <ResetPasswordModal
              user={user}
              onClose={() => setResetting(false)}
              onDone={(result) => {
                setResetting(false);
                onTemporaryPassword(result);
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

import { Space, Tag, Tooltip } from 'antd';
import { ROLES, ROLE_LABELS, USER_STATUS_LABELS, type CurrentUser, type UserSummary } from '@baocao/core';
import { formatDateTimeShort, isFuture } from '../../shared/dates.ts';

export function UserStatusTags({ user }: { user: UserSummary }) {
  return (
    <Space size={4} wrap>
      <Tag color={user.status === 'active' ? 'green' : 'red'}>{USER_STATUS_LABELS[user.status]}</Tag>
      {isFuture(user.lockedUntil) && (
        <Tooltip title={`Bị khóa tạm do nhập sai mật khẩu, đến ${formatDateTimeShort(user.lockedUntil!)}`}>
          <Tag color="orange">Tạm khóa đăng nhập</Tag>
        </Tooltip>
      )}
      {user.mustChangePassword && <Tag color="blue">Chờ đổi mật khẩu</Tag>}
    </Space>
  );
}

/** Roles an administrator may hand out: system administration only by system administrators. */
export function grantableRoles(me: CurrentUser) {
  return ROLES.filter((r) => r !== 'system_admin' || me.isSystemAdmin).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}

export function RoleTags({ user }: { user: UserSummary }) {
  if (user.grants.length === 0) return <span style={{ color: '#9ca3af' }}>Chưa giao vai trò</span>;
  return (
    <Space size={4} wrap>
      {[...new Set(user.grants.map((g) => g.role))].map((r) => (
        <Tag key={r} color={r === 'system_admin' ? 'red' : 'blue'}>
          {ROLE_LABELS[r]}
        </Tag>
      ))}
    </Space>
  );
}

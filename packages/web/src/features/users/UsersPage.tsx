import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Select, Table, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { ROLES, ROLE_LABELS, USER_STATUSES, USER_STATUS_LABELS, formatDateTime, type Role, type UserSummary } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { useUserList, type TemporaryPasswordResponse, type UserFilters } from '../../api/users.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { CreateUserDrawer } from './CreateUserDrawer.tsx';
import { TempPasswordModal } from './TempPasswordModal.tsx';
import { UserDetailDrawer } from './UserDetailDrawer.tsx';
import { RoleTags, UserStatusTags } from './labels.tsx';

export function UsersPage() {
  const me = useCurrentUser();
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20, includeSubunits: true });
  const [searchText, setSearchText] = useState('');
  const q = useDebounced(searchText.trim());
  useEffect(() => {
    setFilters((f) => (f.q === (q || undefined) ? f : { ...f, q: q || undefined, page: 1 }));
  }, [q]);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [tempPassword, setTempPassword] = useState<TemporaryPasswordResponse | null>(null);
  const { data, isFetching, error } = useUserList(filters);
  const canManage = hasPermission(me, 'user.manage');

  const update = (patch: Partial<UserFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));

  return (
    <>
      <PageTitle
        title="Tài khoản"
        subtitle="Tài khoản người dùng trong phạm vi đơn vị bạn quản lý"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              Tạo tài khoản
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} role="search" aria-label="Lọc tài khoản">
          <div data-testid="user-search" style={{ flex: '1 1 260px' }}>
            <Input
              allowClear
              prefix={<SearchOutlined aria-hidden />}
              placeholder="Tìm theo tên đăng nhập, họ tên, thư điện tử"
              aria-label="Tìm tài khoản"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              style={{ width: '100%' }}
            />
          </div>
          <UnitTreeSelect
            allowClear
            placeholder="Lọc theo đơn vị"
            value={filters.unitId}
            onChange={(unitId) => update({ unitId })}
            style={{ flex: '1 1 240px', width: 'auto' }}
            data-testid="user-unit-filter"
          />
          <Checkbox
            checked={filters.includeSubunits ?? true}
            onChange={(e) => update({ includeSubunits: e.target.checked })}
            disabled={!filters.unitId}
          >
            Gồm đơn vị trực thuộc
          </Checkbox>
          <Select
            allowClear
            placeholder="Trạng thái"
            aria-label="Trạng thái"
            value={filters.status}
            onChange={(status) => update({ status })}
            options={USER_STATUSES.map((s) => ({ value: s, label: USER_STATUS_LABELS[s] }))}
            style={{ width: 170 }}
          />
          <Select<Role>
            allowClear
            placeholder="Vai trò"
            aria-label="Vai trò"
            value={filters.role}
            onChange={(role) => update({ role })}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            style={{ width: 210 }}
          />
        </Flex>
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(error)}
          </Typography.Paragraph>
        )}
        <Table<UserSummary>
          data-testid="users-table"
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          rowClassName={() => 'clickable-row'}
          onRow={(u) => ({ onClick: () => setOpenId(u.id) })}
          locale={{ emptyText: 'Không có tài khoản phù hợp.' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => `Tổng số ${total} tài khoản`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            {
              title: 'Tên đăng nhập',
              dataIndex: 'username',
              render: (v: string, u) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(u.id)}>
                  {v}
                </Button>
              ),
            },
            { title: 'Họ và tên', dataIndex: 'fullName' },
            { title: 'Đơn vị', dataIndex: 'unitName', ellipsis: true },
            { title: 'Chức vụ', dataIndex: 'position', render: (v: string | null) => v ?? '—' },
            { title: 'Vai trò', key: 'roles', render: (_, u) => <RoleTags user={u} /> },
            { title: 'Trạng thái', key: 'status', render: (_, u) => <UserStatusTags user={u} /> },
            {
              title: 'Đăng nhập gần nhất',
              dataIndex: 'lastLoginAt',
              width: 170,
              render: (v: string | null) => (v ? formatDateTime(v) : 'Chưa đăng nhập'),
            },
          ]}
        />
      </Card>

      {creating && (
        <CreateUserDrawer
          defaultUnitId={filters.unitId}
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setTempPassword(result);
          }}
        />
      )}
      {openId && <UserDetailDrawer userId={openId} onClose={() => setOpenId(null)} onTemporaryPassword={setTempPassword} />}
      {tempPassword && <TempPasswordModal result={tempPassword} onClose={() => setTempPassword(null)} />}
    </>
  );
}

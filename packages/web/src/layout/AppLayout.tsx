import { useMemo, useState } from 'react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Flex, Layout, Menu, Spin, Tag, Typography, type MenuProps } from 'antd';
import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { hasPermission, logout, sessionQuery } from '../api/session.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { ADMIN_ICON, ADMIN_MODULES, DATA_MODULES, HOME_ICON, PLANNED_MODULES } from './menu.tsx';
import { Brand } from './Brand.tsx';

const { Sider, Header, Content } = Layout;

/** Where the user is, as the header shows it. */
/** Pages that belong to a module without sharing its path prefix. */
const SECTION_OF: Record<string, string> = { '/ky-bao-cao': '/che-do-bao-cao', '/giao-bao-cao': '/viec-can-lam' };

/** "Việc cần làm" is everyone's first stop: right under the home page. */
const TASKS_PATH = '/viec-can-lam';

function sectionOf(pathname: string): string {
  const first = '/' + (pathname.split('/')[1] ?? '');
  return SECTION_OF[first] ?? first;
}

function sectionTitle(pathname: string): string {
  const first = sectionOf(pathname);
  const admin = ADMIN_MODULES.find((m) => m.path === first);
  if (admin) return `Quản trị / ${admin.label}`;
  const data = DATA_MODULES.find((m) => m.path === first);
  if (data) return data.label;
  const planned = PLANNED_MODULES.find((m) => m.path === first);
  if (planned) return planned.label;
  if (first === '/ca-nhan') return 'Tài khoản của tôi';
  return 'Trang chủ';
}

export function AppLayout() {
  const { data: session } = useQuery(sessionQuery);
  const user = session?.user ?? null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo<MenuProps['items']>(() => {
    if (!user) return [];
    const admin = ADMIN_MODULES.filter((m) => hasPermission(user, m.permission));
    const data = DATA_MODULES.filter((m) => !m.permission || hasPermission(user, m.permission));
    return [
      { key: '/', icon: HOME_ICON, label: 'Trang chủ' },
      ...data.filter((m) => m.path === TASKS_PATH).map((m) => ({ key: m.path, icon: m.icon, label: m.label })),
      ...(admin.length
        ? [
            {
              key: 'admin',
              icon: ADMIN_ICON,
              label: 'Quản trị',
              children: admin.map((m) => ({ key: m.path, icon: m.icon, label: m.label })),
            },
          ]
        : []),
      { type: 'divider' as const },
      ...data.filter((m) => m.path !== TASKS_PATH).map((m) => ({ key: m.path, icon: m.icon, label: m.label })),
      ...PLANNED_MODULES.map((m) => ({
        key: m.path,
        icon: m.icon,
        label: (
          <Flex justify="space-between" align="center" gap={8}>
            <span className="menu-label">{m.label}</span>
            {!collapsed && (
              <Tag color="default" className="tag-building">
                Đang xây dựng
              </Tag>
            )}
          </Flex>
        ),
        title: `${m.label} (đang xây dựng)`,
      })),
    ];
  }, [user, collapsed]);

  if (!user) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }

  const selected = sectionOf(pathname);

  const onLogout = async () => {
    try {
      await logout(queryClient);
    } catch {
      // The session is gone on this side either way.
    }
    message.success('Đã đăng xuất.');
    await navigate({ to: '/dang-nhap' });
  };

  const userMenu: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined aria-hidden />, label: 'Tài khoản của tôi', onClick: () => navigate({ to: '/ca-nhan' }) },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: 'Đăng xuất', danger: true, onClick: () => void onLogout() },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={304} theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" className="app-sider">
        <Brand collapsed={collapsed} />
        <nav aria-label="Menu chính">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={['admin']}
            items={items}
            onClick={({ key }) => {
              if (key.startsWith('/')) void navigate({ to: key });
            }}
          />
        </nav>
      </Sider>
      <Layout>
        <Header className="app-header">
          <Typography.Text className="app-header-title">{sectionTitle(pathname)}</Typography.Text>
          <Flex align="center" gap={8}>
            <NotificationBell />
            <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
              <Button type="text" className="app-user-button" data-testid="user-menu" aria-label="Tài khoản">
                <Avatar size="small" icon={<UserOutlined aria-hidden />} />
                <span className="app-user-text">
                  <span className="app-user-name">{user.fullName}</span>
                  <span className="app-user-unit">{user.unitName}</span>
                </span>
                <DownOutlined aria-hidden />
              </Button>
            </Dropdown>
          </Flex>
        </Header>
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

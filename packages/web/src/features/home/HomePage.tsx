import { Link } from '@tanstack/react-router';
import { Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { RightOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@baocao/core';
import { hasPermission, useCurrentUser } from '../../api/session.ts';
import { ADMIN_MODULES, PLANNED_MODULES } from '../../layout/menu.tsx';
import { HomeTasksCard } from '../tasks/HomeTasksCard.tsx';

function greeting(): string {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
  );
  if (hour < 11) return 'Chào buổi sáng';
  if (hour < 14) return 'Chào buổi trưa';
  if (hour < 18) return 'Chào buổi chiều';
  return 'Chào buổi tối';
}

export function HomePage() {
  const user = useCurrentUser();
  const modules = ADMIN_MODULES.filter((m) => hasPermission(user, m.permission));

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {greeting()}, {user.fullName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Đơn vị công tác: <strong>{user.unitName}</strong>
      </Typography.Paragraph>

      <Row gutter={[16, 16]}>
        {hasPermission(user, 'report.work') && (
          <Col span={24}>
            <HomeTasksCard />
          </Col>
        )}
        <Col xs={24} lg={10}>
          <Card title="Vai trò và phạm vi được giao" style={{ height: '100%' }} data-testid="my-roles">
            {user.grants.length === 0 ? (
              <Empty description="Tài khoản chưa được giao vai trò nào. Vui lòng liên hệ quản trị đơn vị." />
            ) : (
              <List
                dataSource={user.grants}
                renderItem={(g) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<Tag color={g.role === 'system_admin' ? 'red' : 'blue'}>{ROLE_LABELS[g.role]}</Tag>}
                      description={
                        <>
                          {g.unitName}
                          {g.includeSubtree && <Typography.Text type="secondary"> (gồm đơn vị trực thuộc)</Typography.Text>}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="Bạn có thể làm gì" style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              {modules.map((m) => (
                <Col xs={24} md={12} key={m.path}>
                  <Link to={m.path} style={{ display: 'block' }}>
                    <Card
                      size="small"
                      hoverable
                      title={
                        <span>
                          {m.icon} {m.label}
                        </span>
                      }
                      extra={<RightOutlined aria-hidden />}
                    >
                      <Typography.Text type="secondary">
                        {m.managePermission && !hasPermission(user, m.managePermission)
                          ? (m.readDescription ?? m.description)
                          : m.description}
                      </Typography.Text>
                    </Card>
                  </Link>
                </Col>
              ))}
              <Col xs={24} md={12}>
                <Link to="/ca-nhan" style={{ display: 'block' }}>
                  <Card
                    size="small"
                    hoverable
                    title={
                      <span>
                        <UserOutlined aria-hidden /> Tài khoản của tôi
                      </span>
                    }
                    extra={<RightOutlined aria-hidden />}
                  >
                    <Typography.Text type="secondary">Xem thông tin tài khoản, vai trò và đổi mật khẩu.</Typography.Text>
                  </Card>
                </Link>
              </Col>
            </Row>
          </Card>
        </Col>
        <Col span={24}>
          <Card title="Các chức năng đang xây dựng">
            <Row gutter={[12, 12]}>
              {PLANNED_MODULES.map((m) => (
                <Col xs={24} sm={12} xl={6} key={m.path}>
                  <Link to={m.path} style={{ display: 'block', height: '100%' }}>
                    <Card size="small" hoverable style={{ height: '100%' }}>
                      <Typography.Text strong>
                        {m.icon} {m.label}
                      </Typography.Text>{' '}
                      <Tag className="tag-building">Đang xây dựng</Tag>
                      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
                        {m.description}
                      </Typography.Paragraph>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}

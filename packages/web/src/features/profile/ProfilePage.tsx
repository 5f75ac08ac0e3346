import { App, Card, Col, Descriptions, Empty, Row, Table, Tag } from 'antd';
import { ROLE_LABELS, type GrantSummary } from '@baocao/core';
import { useCurrentUser } from '../../api/session.ts';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { PageTitle } from '../../shared/Page.tsx';

export function ProfilePage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  return (
    <>
      <PageTitle title="Tài khoản của tôi" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="Thông tin tài khoản" style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              items={[
                { key: 'username', label: 'Tên đăng nhập', children: user.username },
                { key: 'fullName', label: 'Họ và tên', children: user.fullName },
                { key: 'unit', label: 'Đơn vị', children: user.unitName },
                {
                  key: 'admin',
                  label: 'Quản trị hệ thống',
                  children: user.isSystemAdmin ? <Tag color="red">Có</Tag> : 'Không',
                },
              ]}
            />
          </Card>
          <Card title="Vai trò và đơn vị được giao">
            <Table<GrantSummary>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={user.grants}
              locale={{ emptyText: <Empty description="Chưa được giao vai trò nào." /> }}
              columns={[
                { title: 'Vai trò', dataIndex: 'role', render: (r: GrantSummary['role']) => <Tag color="blue">{ROLE_LABELS[r]}</Tag> },
                { title: 'Đơn vị', dataIndex: 'unitName' },
                {
                  title: 'Phạm vi',
                  dataIndex: 'includeSubtree',
                  render: (v: boolean) => (v ? 'Gồm đơn vị trực thuộc' : 'Chỉ đơn vị này'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="Đổi mật khẩu">
            <ChangePasswordForm onChanged={() => message.success('Đã đổi mật khẩu thành công.')} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

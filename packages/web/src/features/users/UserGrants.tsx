import { App, Button, Checkbox, Flex, Form, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type GrantSummary, type Role, type UserSummary } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { useUserMutation } from '../../api/users.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { grantableRoles } from './labels.tsx';

interface Values {
  role: Role;
  unitId: string;
  includeSubtree?: boolean;
}

/** The account's roles: list, revoke, add. */
export function UserGrants({ user, canManage }: { user: UserSummary; canManage: boolean }) {
  const me = useCurrentUser();
  const mutation = useUserMutation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const revoke = async (grant: GrantSummary) => {
    try {
      await mutation.mutateAsync({ kind: 'revokeGrant', id: user.id, grantId: grant.id });
      message.success('Đã thu hồi quyền.');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const add = async (values: Values) => {
    try {
      await mutation.mutateAsync({
        kind: 'addGrant',
        id: user.id,
        grant: { role: values.role, unitId: values.unitId, includeSubtree: !!values.includeSubtree },
      });
      form.resetFields();
      message.success('Đã cấp quyền.');
    } catch (e) {
      const rest = applyApiError(form, e, ['role', 'unitId', 'includeSubtree']);
      if (rest) message.error(rest);
    }
  };

  return (
    <>
      <Table<GrantSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={user.grants}
        data-testid="user-grants"
        locale={{ emptyText: 'Tài khoản chưa được giao vai trò nào.' }}
        columns={[
          {
            title: 'Vai trò',
            dataIndex: 'role',
            render: (r: Role) => <Tag color={r === 'system_admin' ? 'red' : 'blue'}>{ROLE_LABELS[r]}</Tag>,
          },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          {
            title: 'Phạm vi',
            dataIndex: 'includeSubtree',
            render: (v: boolean) => (v ? 'Gồm đơn vị trực thuộc' : 'Chỉ đơn vị này'),
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, g: GrantSummary) => (
                    <Popconfirm
                      title="Thu hồi quyền này?"
                      okText="Thu hồi"
                      okButtonProps={{ danger: true }}
                      cancelText="Hủy"
                      onConfirm={() => revoke(g)}
                    >
                      <Button type="link" danger size="small" icon={<DeleteOutlined aria-hidden />}>
                        Thu hồi
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage && (
        <>
          <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
            Cấp thêm quyền
          </Typography.Text>
          <Form<Values> form={form} layout="vertical" onFinish={add} data-testid="add-grant-form">
            <Flex gap={8} wrap align="flex-end">
              <Form.Item
                label="Vai trò"
                name="role"
                rules={[{ required: true, message: 'Chọn vai trò.' }]}
                style={{ flex: '1 1 170px', marginBottom: 8 }}
              >
                <Select options={grantableRoles(me)} placeholder="Chọn vai trò" showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item
                label="Đơn vị"
                name="unitId"
                rules={[{ required: true, message: 'Chọn đơn vị.' }]}
                style={{ flex: '2 1 220px', marginBottom: 8 }}
              >
                <UnitTreeSelect manageableOnly />
              </Form.Item>
              <Form.Item name="includeSubtree" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>Gồm đơn vị trực thuộc</Checkbox>
              </Form.Item>
              <Form.Item style={{ marginBottom: 8 }}>
                <Button htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={mutation.isPending}>
                  Cấp quyền
                </Button>
              </Form.Item>
            </Flex>
          </Form>
        </>
      )}
    </>
  );
}

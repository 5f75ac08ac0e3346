import { Button, Checkbox, Flex, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../api/session.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { grantableRoles } from './labels.tsx';

/** The "grants" list of the create-account form: role, unit, "gồm đơn vị trực thuộc". */
export function GrantFields() {
  const me = useCurrentUser();
  const roles = grantableRoles(me);
  return (
    <Form.List name="grants">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap style={{ marginBottom: 4 }}>
              <Form.Item
                name={[field.name, 'role']}
                label={`Vai trò ${index + 1}`}
                rules={[{ required: true, message: 'Chọn vai trò.' }]}
                style={{ flex: '1 1 180px', marginBottom: 8 }}
              >
                <Select options={roles} placeholder="Chọn vai trò" showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'unitId']}
                label={`Đơn vị giao quyền ${index + 1}`}
                rules={[{ required: true, message: 'Chọn đơn vị.' }]}
                style={{ flex: '2 1 220px', marginBottom: 8 }}
              >
                <UnitTreeSelect manageableOnly />
              </Form.Item>
              <Form.Item name={[field.name, 'includeSubtree']} valuePropName="checked" label=" " colon={false} style={{ marginBottom: 8 }}>
                <Checkbox>Gồm đơn vị trực thuộc</Checkbox>
              </Form.Item>
              <Form.Item label=" " colon={false} style={{ marginBottom: 8 }}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => remove(field.name)}
                  aria-label={`Xóa dòng ${index + 1}`}
                />
              </Form.Item>
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ includeSubtree: false })} block>
            Thêm vai trò
          </Button>
        </>
      )}
    </Form.List>
  );
}

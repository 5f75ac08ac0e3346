import { Link } from '@tanstack/react-router';
import { Button, Card, Result, Tag } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import type { ModuleInfo } from '../../layout/menu.tsx';

/** A module of a later phase. */
export function PlaceholderPage({ module }: { module: ModuleInfo }) {
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: '#8c8c8c' }} />}
        title={
          <>
            {module.label} <Tag color="gold">Đang xây dựng</Tag>
          </>
        }
        subTitle={
          <>
            Chức năng này đang được xây dựng và sẽ có trong các giai đoạn tiếp theo.
            <br />
            {module.description}
          </>
        }
        extra={
          <Link to="/">
            <Button type="primary">Về trang chủ</Button>
          </Link>
        }
      />
    </Card>
  );
}

import type { ReactNode } from 'react';
import { Flex, Result, Typography } from 'antd';
import type { Permission } from '@baocao/core';
import { hasPermission, useSessionUser } from '../api/session.ts';

export function PageTitle({ title, subtitle, extra }: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} className="page-title">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra}
    </Flex>
  );
}

/** Renders the page only for users holding the permission. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useSessionUser();
  if (!hasPermission(user, permission)) {
    return (
      <Result
        status="403"
        title="Không có quyền truy cập"
        subTitle="Bạn không có quyền xem trang này. Nếu cần, hãy liên hệ quản trị đơn vị."
      />
    );
  }
  return <>{children}</>;
}

import { useState } from 'react';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { IndicatorSet } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useIndicatorSets } from '../../api/indicators.ts';
import { IndicatorSetDrawer } from './IndicatorSetDrawer.tsx';
import { IndicatorSetFormModal } from './IndicatorSetFormModal.tsx';

/** The "Bộ chỉ tiêu" tab: every set with its number of indicators; open one to manage its list. */
export function IndicatorSetsPanel({ canCreate }: { canCreate: boolean }) {
  const sets = useIndicatorSets();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">Mở một bộ chỉ tiêu để xem, thêm, bớt và sắp xếp các chỉ tiêu của bộ.</Typography.Text>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            Thêm bộ chỉ tiêu
          </Button>
        )}
      </Flex>
      {sets.error && (
        <Typography.Paragraph type="danger" role="alert">
          {errorMessage(sets.error)}
        </Typography.Paragraph>
      )}
      <Table<IndicatorSet>
        data-testid="indicator-sets-table"
        rowKey="id"
        size="middle"
        loading={sets.isFetching}
        dataSource={sets.data ?? []}
        pagination={false}
        rowClassName={() => 'clickable-row'}
        onRow={(s) => ({ onClick: () => setOpenId(s.id) })}
        locale={{ emptyText: 'Chưa có bộ chỉ tiêu nào.' }}
        columns={[
          { title: 'Mã bộ', dataIndex: 'code', width: 160 },
          {
            title: 'Tên bộ chỉ tiêu',
            dataIndex: 'name',
            render: (n: string, s) => (
              <>
                {n} {s.canManage && <Tag color="blue">Được quản lý</Tag>}
              </>
            ),
          },
          { title: 'Cơ quan chủ trì', dataIndex: 'ownerUnitName', width: 220, render: (v: string | null) => v ?? 'Bộ chung' },
          { title: 'Căn cứ pháp lý', dataIndex: 'legalBasis', width: 240, render: (v: string | null) => v ?? '—' },
          { title: 'Số chỉ tiêu', dataIndex: 'indicatorCount', width: 110, align: 'right' },
        ]}
      />
      {openId && <IndicatorSetDrawer id={openId} onClose={() => setOpenId(null)} />}
      {creating && <IndicatorSetFormModal set={null} onClose={() => setCreating(false)} onCreated={setOpenId} />}
    </>
  );
}

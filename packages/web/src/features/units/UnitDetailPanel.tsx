import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, RollbackOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { UNIT_KIND_LABELS, formatDateTime, type Unit, type UnitDetail } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useUnitDetail, useUnitMutation } from '../../api/units.ts';
import { showIsoDate } from '../../shared/dates.ts';
import { UNIT_EVENT_COLORS, UNIT_EVENT_LABELS, UNIT_KIND_COLORS } from './labels.ts';

export type UnitDialog = 'create-child' | 'edit' | 'move' | 'deactivate';

interface Props {
  unitId: string | undefined;
  parentName: string | null;
  onOpen: (dialog: UnitDialog, unit: UnitDetail) => void;
  onDeleted: (unit: Unit) => void;
}

function eventText(e: UnitDetail['events'][number]): string {
  const parts: string[] = [];
  if (e.kind === 'moved') parts.push(`Từ “${e.fromParentName ?? '—'}” sang “${e.toParentName ?? '—'}”.`);
  if (e.note) parts.push(`Ghi chú: ${e.note}`);
  return parts.join(' ');
}

export function UnitDetailPanel({ unitId, parentName, onOpen, onDeleted }: Props) {
  const { data: unit, isLoading, error } = useUnitDetail(unitId);
  const mutation = useUnitMutation();
  const { message } = App.useApp();

  if (!unitId) {
    return (
      <Card data-testid="unit-detail">
        <Empty description="Chọn một đơn vị trong cây để xem chi tiết." />
      </Card>
    );
  }
  if (isLoading) {
    return (
      <Card data-testid="unit-detail">
        <Skeleton active />
      </Card>
    );
  }
  if (error || !unit) {
    return (
      <Card data-testid="unit-detail">
        <Empty description={errorMessage(error)} />
      </Card>
    );
  }

  const reactivate = async () => {
    try {
      await mutation.mutateAsync({ kind: 'reactivate', id: unit.id, version: unit.version });
      message.success('Đã khôi phục hoạt động của đơn vị.');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const remove = async () => {
    try {
      await mutation.mutateAsync({ kind: 'delete', id: unit.id });
      message.success('Đã xóa đơn vị.');
      onDeleted(unit);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const canDelete = unit.childCount === 0 && unit.userCount === 0;

  return (
    <Card
      data-testid="unit-detail"
      title={
        <Flex align="center" gap={8} wrap>
          <span style={{ whiteSpace: 'normal' }}>{unit.name}</span>
          {unit.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="default">Ngừng hoạt động</Tag>}
        </Flex>
      }
    >
      {unit.canManage && (
        <Space wrap style={{ marginBottom: 16 }}>
          {unit.active && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => onOpen('create-child', unit)}>
              Thêm đơn vị trực thuộc
            </Button>
          )}
          <Button icon={<EditOutlined aria-hidden />} onClick={() => onOpen('edit', unit)}>
            Sửa
          </Button>
          {unit.parentId && (
            <Button icon={<SwapOutlined aria-hidden />} onClick={() => onOpen('move', unit)}>
              Chuyển đơn vị
            </Button>
          )}
          {unit.active ? (
            <Button danger icon={<StopOutlined aria-hidden />} onClick={() => onOpen('deactivate', unit)}>
              Ngừng hoạt động
            </Button>
          ) : (
            <Popconfirm title="Khôi phục hoạt động của đơn vị này?" okText="Khôi phục" cancelText="Hủy" onConfirm={reactivate}>
              <Button icon={<RollbackOutlined aria-hidden />} loading={mutation.isPending}>
                Khôi phục
              </Button>
            </Popconfirm>
          )}
          {canDelete && (
            <Popconfirm
              title="Xóa đơn vị?"
              description="Chỉ xóa được đơn vị tạo nhầm, chưa có dữ liệu. Thao tác không thể hoàn tác."
              okText="Xóa"
              okButtonProps={{ danger: true }}
              cancelText="Hủy"
              onConfirm={remove}
            >
              <Button danger type="text" icon={<DeleteOutlined aria-hidden />}>
                Xóa
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}

      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 200 } }}
        items={[
          { key: 'name', label: 'Tên đơn vị', children: unit.name },
          { key: 'shortName', label: 'Tên viết tắt', children: unit.shortName ?? '—' },
          {
            key: 'kind',
            label: 'Loại đơn vị',
            children: <Tag color={UNIT_KIND_COLORS[unit.kind]}>{UNIT_KIND_LABELS[unit.kind]}</Tag>,
          },
          { key: 'agencyCode', label: 'Mã định danh điện tử', children: unit.agencyCode ?? '—' },
          { key: 'adminCode', label: 'Mã đơn vị hành chính', children: unit.adminCode ?? '—' },
          { key: 'parent', label: 'Đơn vị cấp trên', children: parentName ?? '—' },
          { key: 'validFrom', label: 'Hiệu lực từ ngày', children: showIsoDate(unit.validFrom) },
          { key: 'validTo', label: 'Hiệu lực đến ngày', children: showIsoDate(unit.validTo) },
          { key: 'sortOrder', label: 'Thứ tự hiển thị', children: unit.sortOrder },
          { key: 'childCount', label: 'Số đơn vị trực thuộc', children: unit.childCount },
          { key: 'userCount', label: 'Số tài khoản', children: unit.userCount },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        Lịch sử thay đổi
      </Typography.Title>
      {unit.events.length === 0 ? (
        <Typography.Text type="secondary">Chưa có thay đổi nào được ghi nhận.</Typography.Text>
      ) : (
        <Timeline
          items={unit.events.map((e) => ({
            key: e.id,
            color: UNIT_EVENT_COLORS[e.kind],
            content: (
              <>
                <Typography.Text strong>{UNIT_EVENT_LABELS[e.kind]}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  — {formatDateTime(e.at)}
                  {e.actorName ? ` — ${e.actorName}` : ''}
                </Typography.Text>
                {eventText(e) && <div>{eventText(e)}</div>}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { App, Button, Card, Col, Flex, Input, Row, Skeleton, Switch, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { Unit, UnitDetail } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { useUnitList } from '../../api/units.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { unitsById } from '../../shared/unitTree.ts';
import { DeactivateUnitModal } from './DeactivateUnitModal.tsx';
import { MoveUnitModal } from './MoveUnitModal.tsx';
import { UnitDetailPanel, type UnitDialog } from './UnitDetailPanel.tsx';
import { UnitFormModal } from './UnitFormModal.tsx';
import { UnitTree } from './UnitTree.tsx';

const route = getRouteApi('/app/don-vi');

function useTreeHeight(): number {
  const [height, setHeight] = useState(() => Math.max(360, window.innerHeight - 300));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(360, window.innerHeight - 300));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

type Dialog = { kind: UnitDialog | 'create-root'; unit: UnitDetail | null } | null;

export function UnitsPage() {
  const user = useCurrentUser();
  const { id: selectedId } = route.useSearch();
  const navigate = route.useNavigate();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data: units, isLoading, error } = useUnitList(includeInactive);
  const byId = useMemo(() => unitsById(units ?? []), [units]);
  const height = useTreeHeight();

  const select = (id: string | undefined) => void navigate({ search: { id }, replace: true });
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const parentName = selected?.parentId ? (byId.get(selected.parentId)?.name ?? null) : null;
  const close = () => setDialog(null);
  const done = (text: string) => (unit?: Unit) => {
    message.success(text);
    setDialog(null);
    if (unit) {
      setSearch('');
      select(unit.id);
    }
  };

  return (
    <>
      <PageTitle
        title="Đơn vị"
        subtitle={units ? `${units.length} đơn vị trong phạm vi của bạn` : undefined}
        extra={
          user.isSystemAdmin && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create-root', unit: null })}>
              Thêm đơn vị cấp cao nhất
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card>
            <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
              <div data-testid="unit-search" style={{ flex: '1 1 260px' }}>
                <Input
                  allowClear
                  prefix={<SearchOutlined aria-hidden />}
                  placeholder="Tìm theo tên hoặc mã (gõ có dấu hoặc không dấu)"
                  aria-label="Tìm đơn vị"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  style={{ width: '100%' }}
                />
              </div>
              <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
                <Switch size="small" checked={includeInactive} onChange={setIncludeInactive} />
                <Typography.Text>Hiện đơn vị ngừng hoạt động</Typography.Text>
              </label>
            </Flex>
            {isLoading ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : error ? (
              <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>
            ) : (
              <UnitTree units={units ?? []} search={search} selectedId={selectedId} onSelect={select} height={height} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <UnitDetailPanel
            unitId={selectedId}
            parentName={parentName}
            onOpen={(kind, unit) => setDialog({ kind, unit })}
            onDeleted={(unit) => select(unit.parentId ?? undefined)}
          />
        </Col>
      </Row>

      {dialog?.kind === 'create-root' && <UnitFormModal mode="create" parent={null} onClose={close} onDone={done('Đã thêm đơn vị.')} />}
      {dialog?.kind === 'create-child' && dialog.unit && (
        <UnitFormModal mode="create" parent={dialog.unit} onClose={close} onDone={done('Đã thêm đơn vị trực thuộc.')} />
      )}
      {dialog?.kind === 'edit' && dialog.unit && (
        <UnitFormModal mode="edit" unit={dialog.unit} onClose={close} onDone={done('Đã lưu thông tin đơn vị.')} />
      )}
      {dialog?.kind === 'move' && dialog.unit && <MoveUnitModal unit={dialog.unit} onClose={close} onDone={done('Đã chuyển đơn vị.')} />}
      {dialog?.kind === 'deactivate' && dialog.unit && (
        <DeactivateUnitModal unit={dialog.unit} onClose={close} onDone={() => done('Đã ngừng hoạt động đơn vị.')()} />
      )}
    </>
  );
}

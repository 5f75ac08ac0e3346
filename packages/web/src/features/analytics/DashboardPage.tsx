import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Row, Space } from 'antd';
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import type { DashboardData, TileData, TileSpec } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { dashboardDataQuery, useDashboardData } from '../../api/dashboards.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { formatAt } from '../reports/format.ts';
import { LoadedPage } from '../regimes/parts.tsx';
import { DashboardEditor } from './DashboardEditor.tsx';
import { viewTileSpan } from './dashboardModel.ts';
import { KpiTile } from './KpiTile.tsx';
import { UnavailableTile, ViewTile } from './ViewTile.tsx';
import './analytics-pages.css';

function Tile({ spec, data }: { spec: TileSpec; data: TileData | undefined }) {
  if (!data) return <UnavailableTile title={spec.title} message="Chưa tải được số liệu của ô này." />;
  if (data.kind === 'unavailable') return <UnavailableTile title={spec.title} message={data.message} />;
  if (data.kind === 'kpi' && spec.kind === 'kpi') return <KpiTile spec={spec} kpi={data.kpi} />;
  if (data.kind === 'view' && spec.kind === 'view') return <ViewTile spec={spec} view={data.view} result={data.result} />;
  return <UnavailableTile title={spec.title} message="Ô này vừa được thay đổi. Hãy bấm “Làm mới”." />;
}

/** A unit's dashboard: KPI figures and saved views, evaluated with the reader's own authority. */
export function DashboardPage({ id }: { id: string }) {
  const { data, error } = useDashboardData(id);
  return (
    <LoadedPage
      data={data}
      error={data ? null : error}
      failedTitle="Không mở được bảng điều khiển"
      back={<Link to="/bang-dieu-khien">Về danh sách bảng điều khiển</Link>}
    >
      {(d) => <DashboardView id={id} data={d} />}
    </LoadedPage>
  );
}

function DashboardView({ id, data }: { id: string; data: DashboardData }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { isFetching, error, refetch } = useDashboardData(id);
  const [editing, setEditing] = useState(false);
  const { dashboard } = data;
  const viewNames = new Map(data.tiles.flatMap((t) => (t.kind === 'view' ? [[t.view.id, t.view.name] as const] : [])));

  return (
    <>
      <PageTitle
        title={dashboard.name}
        subtitle={`${dashboard.unitName} · Số liệu lúc ${formatAt(data.refreshedAt)}`}
        extra={
          <Space wrap>
            <Link to="/bang-dieu-khien">
              <Button>Danh sách</Button>
            </Link>
            <Button icon={<ReloadOutlined aria-hidden />} loading={isFetching} onClick={() => void refetch()}>
              Làm mới
            </Button>
            {dashboard.canManage && (
              <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                Sửa bảng điều khiển
              </Button>
            )}
          </Space>
        }
      />
      {dashboard.description && <p className="dashboard-description">{dashboard.description}</p>}
      {error && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`Không làm mới được: ${errorMessage(error)}`} />}
      {dashboard.tiles.length === 0 ? (
        <Empty description="Bảng điều khiển chưa có ô nào." />
      ) : (
        <Row gutter={[16, 16]} data-testid="dashboard-grid">
          {dashboard.tiles.map((spec, i) =>
            spec.kind === 'kpi' ? (
              <Col key={i} xs={24} sm={12} lg={8} xl={6} className="dashboard-cell">
                <Tile spec={spec} data={data.tiles[i]} />
              </Col>
            ) : (
              <Col key={i} xs={24} xl={viewTileSpan(dashboard.tiles, i)} className="dashboard-cell">
                <Tile spec={spec} data={data.tiles[i]} />
              </Col>
            ),
          )}
        </Row>
      )}
      {editing && (
        <DashboardEditor
          dashboard={dashboard}
          viewNames={viewNames}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void queryClient.invalidateQueries({ queryKey: dashboardDataQuery(id).queryKey });
          }}
          onDeleted={() => void navigate({ to: '/bang-dieu-khien' })}
        />
      )}
    </>
  );
}

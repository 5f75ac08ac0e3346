import type { MouseEvent, ReactNode } from 'react';
import { useRouter } from '@tanstack/react-router';
import { Card, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { PivotResult, SavedView, ViewTileSpec } from '@baocao/core';
import { PivotChart } from './PivotChart.tsx';
import { PivotTable } from './PivotTable.tsx';

/**
 * /khai-thac?view=<id>. The exploration route declares no search schema (it reads ?view= itself), so
 * the address is pushed as it is; a plain click stays in the application, a modified one opens a tab.
 */
function ExploreLink({ viewId, children }: { viewId: string; children: ReactNode }) {
  const router = useRouter();
  const href = `/khai-thac?view=${encodeURIComponent(viewId)}`;
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.history.push(href);
  };
  return (
    <a href={href} onClick={open}>
      {children}
    </a>
  );
}

/** A saved view on a dashboard: its pivot as a chart or a table, and the way into the exploration page. */
export function ViewTile({ spec, view, result }: { spec: ViewTileSpec; view: SavedView; result: PivotResult }) {
  const display = spec.display ?? view.display;
  return (
    <Card size="small" className="dashboard-tile view-tile" data-testid="view-tile" title={spec.title}>
      {result.rows.length === 0 ? (
        <Typography.Text type="secondary">Chưa có số liệu cho khung nhìn này.</Typography.Text>
      ) : display.mode === 'chart' ? (
        <PivotChart result={result} chartType={display.chartType} height={320} />
      ) : (
        <div className="view-tile-table">
          <PivotTable result={result} pageSize={10} data-testid="view-tile-table" />
        </div>
      )}
      <div className="view-tile-footer">
        <ExploreLink viewId={view.id}>
          <ExportOutlined aria-hidden /> Mở trong Khai thác dữ liệu
        </ExploreLink>
      </div>
    </Card>
  );
}

/** A tile this reader cannot see (a view deleted, units outside their authority): its message, muted. */
export function UnavailableTile({ title, message }: { title: string; message: string }) {
  return (
    <Card size="small" className="dashboard-tile unavailable-tile" data-testid="unavailable-tile" title={title}>
      <Typography.Text type="secondary">{message}</Typography.Text>
    </Card>
  );
}

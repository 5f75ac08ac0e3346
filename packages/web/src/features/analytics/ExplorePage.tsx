import { useEffect, useMemo, useRef, useState } from 'react';
import { useRouter, useRouterState } from '@tanstack/react-router';
import { Alert, Button, Card, Dropdown, Empty, Flex, Space, Spin, Tabs, Tag, Typography } from 'antd';
import {
  BarChartOutlined,
  DownloadOutlined,
  DownOutlined,
  FolderOpenOutlined,
  SaveOutlined,
  SearchOutlined,
  TableOutlined,
} from '@ant-design/icons';
import {
  todayInVietnam,
  type ChartType,
  type ExplorationQueryInput,
  type ExportFormat,
  type PivotResult,
  type SavedView,
} from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { exportFacts, exportPivot, useExplorationOptions, useExplore, useSavedView } from '../../api/analytics.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { DimensionZones } from './DimensionZones.tsx';
import {
  buildQuery,
  DEFAULT_LAYOUT,
  defaultPeriodRange,
  EMPTY_PANEL,
  isPickable,
  layoutForIndicators,
  panelOfQuery,
  queryProblem,
  type Layout,
  type PanelState,
} from './exploreModel.ts';
import { PivotChart } from './PivotChart.tsx';
import { PivotTable } from './PivotTable.tsx';
import { factCountText, hasFigures, tableCaption } from './pivotModel.ts';
import { type KnownIndicator, QueryPanel } from './QueryPanel.tsx';
import { SavedViewsDrawer, SaveViewModal } from './SavedViews.tsx';
import './explore.css';

type ResultTab = 'table' | 'chart';

/** The ?view= of the address, so that a saved view can be shared as a link. */
function useViewParam(): [string | null, (id: string | null) => void] {
  const router = useRouter();
  const searchStr = useRouterState({ select: (s) => s.location.searchStr });
  const id = new URLSearchParams(searchStr).get('view');
  const set = (next: string | null) => {
    const { pathname } = router.state.location;
    // The route declares no search schema: the address is written as it is, replacing the entry.
    router.history.replace(next ? `${pathname}?view=${encodeURIComponent(next)}` : pathname);
  };
  return [id, set];
}

/** Why a refusal happened, in the server's words; validation issues listed under it. */
function ErrorAlert({ error, onClose, onExportFacts }: { error: unknown; onClose: () => void; onExportFacts: () => void }) {
  const issues = isApiError(error) ? error.issues : [];
  // Too many cells for a table: every fact can still be taken as a file.
  const action = isApiError(error, 'ANALYTICS_TOO_LARGE') ? (
    <Button size="small" onClick={onExportFacts}>
      Xuất toàn bộ số liệu chi tiết (CSV)
    </Button>
  ) : undefined;
  return (
    <Alert
      action={action}
      type="error"
      showIcon
      closable={{ onClose }}
      role="alert"
      data-testid="explore-error"
      title={typeof error === 'string' ? error : errorMessage(error)}
      description={issues.length > 0 ? issues.map((i) => <div key={`${i.path}${i.message}`}>{i.message}</div>) : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}

/**
 * "Khai thác dữ liệu": the figures of accepted reports (and imported data) within the user's
 * authority as a pivot table or a chart, laid out by dragging dimensions onto rows and columns;
 * exported to Excel or CSV, saved as views shared by link.
 */
export function ExplorePage() {
  const [panel, setPanel] = useState<PanelState>(EMPTY_PANEL);
  const [layout, setLayout] = useState<Layout>(DEFAULT_LAYOUT);
  const [periodsChosen, setPeriodsChosen] = useState(false);
  const [result, setResult] = useState<PivotResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<ResultTab>('table');
  const [chartType, setChartType] = useState<ChartType>('column');
  const [view, setView] = useState<SavedView | null>(null);
  const [saving, setSaving] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const [viewId, setViewId] = useViewParam();
  const explore = useExplore();
  const options = useExplorationOptions(panel.indicatorCodes);
  const linked = useSavedView(viewId && viewId !== view?.id ? viewId : null);
  const applied = useRef<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const query = useMemo(() => buildQuery(panel, layout), [panel, layout]);
  const [known, setKnown] = useState<ReadonlyMap<string, KnownIndicator>>(new Map());

  const run = (q: ExplorationQueryInput = query) => {
    const problem = queryProblem(q);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    explore.mutate(q, {
      onSuccess: (r) => {
        setResult(r);
        // The panel is tall: bring the figures into view once they arrive.
        requestAnimationFrame(() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
        setKnown((prev) => new Map([...prev, ...r.indicators.map((i) => [i.code, i] as const)]));
      },
      // The previous table stays on screen under the message.
      onError: (e) => setError(e),
    });
  };

  const change = (patch: Partial<PanelState>) => {
    if (patch.from !== undefined || patch.to !== undefined) setPeriodsChosen(true);
    setPanel((p) => ({ ...p, ...patch }));
    if (patch.indicatorCodes) setLayout((l) => layoutForIndicators(l, patch.indicatorCodes!.length));
  };

  // Once the indicators' periods are known, offer the last 12 up to the latest with figures.
  const latest = options.data?.latestPeriods;
  const offeredTypes = options.data?.periodTypes;
  useEffect(() => {
    if (periodsChosen || !offeredTypes) return;
    setPanel((p) => {
      const type = offeredTypes.includes(p.periodType) || !offeredTypes.some(isPickable) ? p.periodType : offeredTypes.find(isPickable)!;
      if (!isPickable(type)) return p;
      return { ...p, periodType: type, ...defaultPeriodRange(type, latest?.[type], todayInVietnam()) };
    });
  }, [periodsChosen, offeredTypes, latest]);

  const openView = (v: SavedView) => {
    const next = panelOfQuery(v.query);
    setPanel(next.panel);
    setLayout(next.layout);
    setPeriodsChosen(true);
    setChartType(v.display.chartType);
    setTab(v.display.mode);
    setView(v);
    setBrowsing(false);
    applied.current = v.id;
    if (viewId !== v.id) setViewId(v.id);
    run(buildQuery(next.panel, next.layout));
  };

  // A link with ?view=… opens that view once it is read.
  useEffect(() => {
    if (linked.data && applied.current !== linked.data.id) openView(linked.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- opening runs once per view read
  }, [linked.data]);

  const download = async (key: string, action: () => Promise<void>) => {
    const problem = queryProblem(query);
    if (problem) {
      setError(problem);
      return;
    }
    setExporting(key);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setExporting(null);
    }
  };
  const exportAs = (format: ExportFormat) => download(`pivot-${format}`, () => exportPivot(query, format));
  const exportAllFacts = () => void download('facts-csv', () => exportFacts(query, 'csv'));

  const caption = result ? tableCaption(result) : null;
  const mine = view?.mine ? view : null;

  return (
    <>
      <PageTitle
        title="Khai thác dữ liệu"
        subtitle={
          view ? (
            <>
              Khung nhìn: <strong>{view.name}</strong>
              {!view.mine && ` (của ${view.ownerName})`}
            </>
          ) : (
            'Tổng hợp số liệu các báo cáo đã tiếp nhận trong phạm vi quản lý của bạn, theo chỉ tiêu, đơn vị và kỳ báo cáo'
          )
        }
        extra={
          <Flex gap={8} wrap>
            <Button icon={<FolderOpenOutlined aria-hidden />} onClick={() => setBrowsing(true)}>
              Khung nhìn đã lưu
            </Button>
            <Button icon={<SaveOutlined aria-hidden />} onClick={() => setSaving(true)} disabled={!!queryProblem(query)}>
              Lưu khung nhìn
            </Button>
          </Flex>
        }
      />
      {linked.error && (
        <Alert type="warning" showIcon title={`Không mở được khung nhìn: ${errorMessage(linked.error)}`} style={{ marginBottom: 12 }} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <QueryPanel panel={panel} onChange={change} options={options.data} known={known} />
        <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
          Bố cục bảng{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            (kéo thả các chiều, hoặc dùng nút ⋮ trên mỗi chiều)
          </Typography.Text>
        </Typography.Text>
        <DimensionZones layout={layout} onChange={setLayout} />
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button type="primary" icon={<SearchOutlined aria-hidden />} loading={explore.isPending} onClick={() => run()}>
            Xem số liệu
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} loading={exporting === 'pivot-xlsx'} onClick={() => void exportAs('xlsx')}>
            Xuất Excel
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} loading={exporting === 'pivot-csv'} onClick={() => void exportAs('csv')}>
            Xuất CSV
          </Button>
          <Space.Compact>
            <Button icon={<DownloadOutlined aria-hidden />} loading={exporting === 'facts-csv'} onClick={exportAllFacts}>
              Xuất toàn bộ số liệu chi tiết (CSV)
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'xlsx', label: 'Xuất toàn bộ số liệu chi tiết (Excel)' }],
                onClick: () => void download('facts-xlsx', () => exportFacts(query, 'xlsx')),
              }}
            >
              <Button
                icon={<DownOutlined aria-hidden />}
                loading={exporting === 'facts-xlsx'}
                aria-label="Định dạng khác của số liệu chi tiết"
              />
            </Dropdown>
          </Space.Compact>
        </Flex>
      </Card>
      {error !== null && <ErrorAlert error={error} onClose={() => setError(null)} onExportFacts={exportAllFacts} />}
      <Card ref={resultRef} className="explore-result">
        <Spin spinning={explore.isPending} description="Đang tổng hợp số liệu…">
          {!result ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="Chọn chỉ tiêu, đơn vị, kỳ báo cáo rồi bấm “Xem số liệu”, hoặc mở một khung nhìn đã lưu."
            />
          ) : (
            <ResultView result={result} caption={caption} tab={tab} onTab={setTab} chartType={chartType} onChartType={setChartType} />
          )}
        </Spin>
      </Card>
      {saving && (
        <SaveViewModal
          current={mine}
          query={query}
          display={{ mode: tab, chartType }}
          onClose={() => setSaving(false)}
          onSaved={(v) => {
            setSaving(false);
            setView(v);
            applied.current = v.id;
            setViewId(v.id);
          }}
        />
      )}
      {browsing && (
        <SavedViewsDrawer
          openId={view?.id ?? null}
          onOpen={openView}
          onClose={() => setBrowsing(false)}
          onDeleted={(id) => {
            if (view?.id === id) {
              setView(null);
              setViewId(null);
            }
          }}
        />
      )}
    </>
  );
}

function ResultView({
  result,
  caption,
  tab,
  onTab,
  chartType,
  onChartType,
}: {
  result: PivotResult;
  caption: string | null;
  tab: ResultTab;
  onTab: (tab: ResultTab) => void;
  chartType: ChartType;
  onChartType: (type: ChartType) => void;
}) {
  if (!hasFigures(result)) {
    return <Empty description="Chưa có số liệu cho lựa chọn này" data-testid="explore-empty" />;
  }
  return (
    <>
      {result.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="explore-notes"
          title={result.notes.length === 1 ? result.notes[0] : 'Lưu ý khi đọc bảng'}
          description={result.notes.length > 1 ? result.notes.map((n) => <div key={n}>{n}</div>) : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      <Flex gap={8} align="center" wrap className="explore-result-meta">
        {caption && <Typography.Text strong>{caption}</Typography.Text>}
        <Tag data-testid="explore-fact-count">{factCountText(result.factCount)}</Tag>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => onTab(k as ResultTab)}
        destroyOnHidden
        items={[
          { key: 'table', label: 'Bảng', icon: <TableOutlined aria-hidden />, children: <PivotTable result={result} /> },
          {
            key: 'chart',
            label: 'Biểu đồ',
            icon: <BarChartOutlined aria-hidden />,
            children: <PivotChart result={result} chartType={chartType} onChartTypeChange={onChartType} />,
          },
        ]}
      />
    </>
  );
}

import { useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloudServerOutlined, RollbackOutlined, SearchOutlined } from '@ant-design/icons';
import { matchesSearch, TIMELINESS_LABELS, type ReportSummary } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import {
  fetchReport,
  useBulkAccept,
  useIncoming,
  useRecordOutOfBand,
  useReportList,
  useTransition,
  type BulkAcceptResult,
  type IncomingItem,
} from '../../api/reports.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { LoadedPage } from '../regimes/parts.tsx';
import { TIMELINESS_COLORS } from '../regimes/format.ts';
import { formatAt } from './format.ts';
import { bulkSummary, incomingState, incomingStateLabel, mayRecordOutOfBand, stateChips, type IncomingState } from './lists.ts';
import { reportColumns, ReportFilterBar, ReportStateTag, TimelinessTag, useListFilters } from './ReportList.tsx';
import { TransitionDialog, type TransitionInputs } from './TransitionDialog.tsx';
import '../regimes/regimes.css';
import './reports.css';

type Dialog = { kind: 'return'; report: ReportSummary } | { kind: 'out_of_band'; item: IncomingItem };

/** Accepting in bulk, returning with a reason, recording an arrival outside the system: what the receiver does to a list. */
function useReceiverActions() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const bulk = useBulkAccept();
  const transition = useTransition();
  const outOfBand = useRecordOutOfBand();
  const [results, setResults] = useState<Map<string, BulkAcceptResult>>(new Map());
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const acceptMany = async (reportIds: string[]) => {
    try {
      const res = await bulk.mutateAsync(reportIds);
      setResults(new Map(res.map((r) => [r.reportId, r])));
      const failed = res.some((r) => !r.ok);
      if (failed) message.warning(bulkSummary(res));
      else message.success(bulkSummary(res));
      return res;
    } catch (e) {
      message.error(errorMessage(e));
      return [];
    }
  };

  /** The report's current revision is read just before the step, so a list a while old still works. */
  const returnReport = async (report: ReportSummary, inputs: TransitionInputs) => {
    const d = await fetchReport(queryClient, report.id);
    await transition.mutateAsync({ id: report.id, body: { action: 'return', revision: d.revision, reason: inputs.reason } });
    message.success(`Đã trả lại báo cáo của ${report.unitName}.`);
    return true;
  };

  const recordOutOfBand = async (item: IncomingItem, inputs: TransitionInputs) => {
    const body = { receivedAt: inputs.receivedAt!, evidence: inputs.evidence! };
    if (item.report) {
      const d = await fetchReport(queryClient, item.report.id);
      await transition.mutateAsync({ id: item.report.id, body: { action: 'record_out_of_band', revision: d.revision, ...body } });
    } else {
      await outOfBand.mutateAsync({ assignmentId: item.assignmentId, ...body });
    }
    message.success(`Đã ghi nhận báo cáo của ${item.unitName} nhận ngoài hệ thống.`);
    return true;
  };

  const dialogNode = dialog && (
    <TransitionDialog
      title={
        dialog.kind === 'return'
          ? `Trả lại báo cáo của ${dialog.report.unitName}`
          : `Ghi nhận báo cáo của ${dialog.item.unitName} nhận ngoài hệ thống`
      }
      okText={dialog.kind === 'return' ? 'Trả lại' : 'Ghi nhận'}
      needs={dialog.kind === 'return' ? ['reason'] : ['receivedAt', 'evidence']}
      intro={
        dialog.kind === 'return'
          ? 'Đơn vị sẽ nhận được thông báo kèm lý do để sửa và gửi lại.'
          : 'Dùng khi hệ thống gặp sự cố và đơn vị đã gửi báo cáo bằng thư điện tử hoặc hệ thống quản lý văn bản. Thời điểm nhận được dùng để tính đúng hạn; đơn vị bổ sung số liệu vào hệ thống sau.'
      }
      reasonPlaceholder="VD: Số liệu dòng 1.2 chưa khớp với báo cáo quyết toán; đề nghị rà soát và gửi lại."
      onSubmit={(inputs) => (dialog.kind === 'return' ? returnReport(dialog.report, inputs) : recordOutOfBand(dialog.item, inputs))}
      onClose={() => setDialog(null)}
    />
  );

  return { acceptMany, accepting: bulk.isPending, results, setDialog, dialogNode };
}

function ResultCell({ result }: { result: BulkAcceptResult | undefined }) {
  if (!result) return null;
  return result.ok ? (
    <span className="report-bulk-result-ok">Đã tiếp nhận</span>
  ) : (
    <span className="report-bulk-result-fail">{result.message ?? 'Không tiếp nhận được'}</span>
  );
}

/** "Tiếp nhận báo cáo": reports sent to the user's units, awaiting acceptance first; bulk accept, return with a reason. */
export function IncomingPage() {
  const navigate = useNavigate();
  const { filters, change } = useListFilters('receiver', { state: 'sent' });
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching, error } = useReportList({ ...filters, q: q || undefined });
  const [selected, setSelected] = useState<string[]>([]);
  const actions = useReceiverActions();
  const items = data?.items ?? [];

  const accept = async () => {
    await actions.acceptMany(selected);
    setSelected([]);
  };

  return (
    <>
      <PageTitle title="Tiếp nhận báo cáo" subtitle="Báo cáo các đơn vị gửi cho đơn vị bạn: tiếp nhận hoặc trả lại kèm lý do" />
      <Card>
        <ReportFilterBar
          side="receiver"
          filters={filters}
          search={search}
          onSearch={(v) => {
            setSearch(v);
            change({});
          }}
          onChange={change}
        />
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(error)}
          </Typography.Paragraph>
        )}
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={selected.length === 0}
            loading={actions.accepting}
            onClick={() => void accept()}
          >
            Tiếp nhận các báo cáo đã chọn{selected.length ? ` (${selected.length})` : ''}
          </Button>
          <Typography.Text type="secondary">Chỉ chọn được báo cáo ở trạng thái “Đã gửi”.</Typography.Text>
        </Flex>
        <Table<ReportSummary>
          data-testid="incoming-table"
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={items}
          rowClassName={() => 'clickable-row'}
          onRow={(r) => ({ onClick: () => void navigate({ to: '/bao-cao/$id', params: { id: r.id } }) })}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (r) => ({ disabled: r.state !== 'sent', 'aria-label': `Chọn báo cáo của ${r.unitName}` }),
          }}
          locale={{ emptyText: filters.state === 'sent' ? 'Không có báo cáo nào đang chờ tiếp nhận.' : 'Không có báo cáo nào.' }}
          scroll={{ x: 1600 }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `Tổng số ${t} báo cáo`,
            onChange: (page, pageSize) => change({ page, pageSize }),
          }}
          columns={[
            ...reportColumns('receiver'),
            { title: 'Kết quả', key: 'result', width: 200, render: (_, r) => <ResultCell result={actions.results.get(r.id)} /> },
            {
              title: '',
              key: 'actions',
              width: 120,
              fixed: 'right',
              render: (_, r) =>
                r.state === 'sent' && (
                  <Button
                    size="small"
                    danger
                    icon={<RollbackOutlined aria-hidden />}
                    onClick={(e) => {
                      e.stopPropagation();
                      actions.setDialog({ kind: 'return', report: r });
                    }}
                  >
                    Trả lại
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {actions.dialogNode}
    </>
  );
}

/** One period as its receiving unit sees it: every expected unit, its state, what to do with it. */
export function PeriodIncomingPage({ periodId }: { periodId: string }) {
  const { data, error } = useIncoming(periodId);
  return (
    <LoadedPage
      data={data}
      error={error}
      failedTitle="Không mở được tình hình tiếp nhận của kỳ báo cáo"
      back={<Link to="/tiep-nhan">Về Tiếp nhận báo cáo</Link>}
    >
      {(d) => <PeriodIncomingView periodId={periodId} data={d} />}
    </LoadedPage>
  );
}

function PeriodIncomingView({ periodId, data }: { periodId: string; data: NonNullable<ReturnType<typeof useIncoming>['data']> }) {
  const navigate = useNavigate();
  const [chip, setChip] = useState<IncomingState | null>(null);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const actions = useReceiverActions();
  const chips = stateChips(data.items, data.counts);
  const needle = search.trim();
  const rows = useMemo(
    () =>
      data.items
        .filter((i) => chip === null || incomingState(i) === chip)
        .filter((i) => !needle || matchesSearch(i.unitName, needle))
        .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    [data.items, chip, needle],
  );
  const waiting = data.items.filter((i) => i.report?.state === 'sent').length;

  const accept = async () => {
    const ids = data.items.filter((i) => i.report && selected.includes(i.assignmentId)).map((i) => i.report!.id);
    await actions.acceptMany(ids);
    setSelected([]);
  };

  return (
    <>
      <PageTitle
        title={`Tiếp nhận báo cáo – ${data.periodLabel}`}
        subtitle={data.regimeName}
        extra={
          <Space wrap>
            <Link to="/ky-bao-cao/$id" params={{ id: periodId }}>
              <Button>Kỳ báo cáo</Button>
            </Link>
            <Link to="/ky-bao-cao/$id/tong-hop" params={{ id: periodId }}>
              <Button>Tổng hợp</Button>
            </Link>
          </Space>
        }
      />
      <Card>
        <Flex gap={8} wrap className="report-state-chips" style={{ marginBottom: 12 }} data-testid="incoming-chips">
          <Tag.CheckableTag checked={chip === null} onChange={() => setChip(null)}>
            Tất cả: {data.items.length}
          </Tag.CheckableTag>
          {chips.map((c) => (
            <Tag.CheckableTag key={c.state} checked={chip === c.state} onChange={(on) => setChip(on ? c.state : null)}>
              {incomingStateLabel(c.state)}: {c.count}
            </Tag.CheckableTag>
          ))}
        </Flex>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder="Tìm đơn vị"
            aria-label="Tìm đơn vị"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ maxWidth: 300 }}
          />
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={selected.length === 0}
            loading={actions.accepting}
            onClick={() => void accept()}
          >
            Tiếp nhận các báo cáo đã chọn{selected.length ? ` (${selected.length})` : ''}
          </Button>
          {waiting > 0 && <Typography.Text type="secondary">{waiting} báo cáo đang chờ tiếp nhận.</Typography.Text>}
        </Flex>
        {data.items.length === 0 && <Alert type="info" showIcon title="Kỳ báo cáo này không có đơn vị nào gửi báo cáo cho đơn vị bạn." />}
        <Table<IncomingItem>
          data-testid="period-incoming-table"
          rowKey="assignmentId"
          size="middle"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showTotal: (t) => `${t} đơn vị` } : false}
          scroll={{ x: 1500 }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (r) => ({ disabled: r.report?.state !== 'sent', 'aria-label': `Chọn báo cáo của ${r.unitName}` }),
          }}
          columns={[
            {
              title: 'Đơn vị',
              dataIndex: 'unitName',
              width: 240,
              render: (name: string, i) =>
                i.report ? (
                  <Link to="/bao-cao/$id" params={{ id: i.report.id }}>
                    {name}
                  </Link>
                ) : (
                  name
                ),
            },
            {
              title: 'Trạng thái',
              key: 'state',
              width: 160,
              render: (_, i) => (i.report ? <ReportStateTag state={i.report.state} /> : <Tag>{incomingStateLabel('not_started')}</Tag>),
            },
            { title: 'Hạn gửi', dataIndex: 'deadlineAt', width: 140, render: (t: string) => formatAt(t) },
            {
              title: 'Đúng hạn/muộn',
              key: 'timeliness',
              width: 170,
              render: (_, i) =>
                i.report ? (
                  <TimelinessTag report={i.report} />
                ) : (
                  <Tag color={TIMELINESS_COLORS[i.timeliness]}>{TIMELINESS_LABELS[i.timeliness]}</Tag>
                ),
            },
            { title: 'Gửi lúc', key: 'sentAt', width: 140, render: (_, i) => formatAt(i.report?.sentAt) },
            { title: 'Phiên bản', key: 'version', width: 90, align: 'right', render: (_, i) => i.report?.versionNo ?? '—' },
            {
              title: 'Kết quả',
              key: 'result',
              width: 200,
              render: (_, i) => (i.report ? <ResultCell result={actions.results.get(i.report.id)} /> : null),
            },
            {
              title: 'Thao tác',
              key: 'actions',
              width: 300,
              fixed: 'right',
              render: (_, i) => (
                <Space size={4} wrap>
                  {i.report && (
                    <Button size="small" onClick={() => void navigate({ to: '/bao-cao/$id', params: { id: i.report!.id } })}>
                      Mở
                    </Button>
                  )}
                  {i.report?.state === 'sent' && (
                    <Button
                      size="small"
                      danger
                      icon={<RollbackOutlined aria-hidden />}
                      onClick={() => actions.setDialog({ kind: 'return', report: i.report! })}
                    >
                      Trả lại
                    </Button>
                  )}
                  {mayRecordOutOfBand(i) && (
                    <Button
                      size="small"
                      icon={<CloudServerOutlined aria-hidden />}
                      onClick={() => actions.setDialog({ kind: 'out_of_band', item: i })}
                    >
                      Ghi nhận nhận ngoài hệ thống
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {actions.dialogNode}
    </>
  );
}

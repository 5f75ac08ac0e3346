import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Flex, Input, Select, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import {
  REPORT_STATE_COLORS,
  REPORT_STATE_LABELS,
  REPORT_STATES,
  TIMELINESS_LABELS,
  type ReportState,
  type ReportSummary,
} from '@baocao/core';
import { useReportFacets, type ReportListFilters, type ReportSide } from '../../api/reports.ts';
import { TIMELINESS_COLORS } from '../regimes/format.ts';
import { formatAt, formatLateness } from './format.ts';
import { facetsOf } from './lists.ts';

/** The list filters: chế độ, kỳ, trạng thái and a search over unit and regime names. */
export function ReportFilterBar({
  side,
  filters,
  search,
  onSearch,
  onChange,
}: {
  side: ReportSide;
  filters: ReportListFilters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (next: Partial<ReportListFilters>) => void;
}) {
  const facetsQuery = useReportFacets(side);
  const facets = useMemo(() => facetsOf(facetsQuery.data ?? []), [facetsQuery.data]);
  const periods = filters.regimeId ? facets.periods.filter((p) => p.regimeId === filters.regimeId) : facets.periods;
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Input
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={side === 'sender' ? 'Tìm theo tên báo cáo, đơn vị' : 'Tìm theo đơn vị gửi, tên báo cáo'}
        aria-label="Tìm báo cáo"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        style={{ width: 280 }}
      />
      <Select<string | undefined>
        aria-label="Lọc theo chế độ báo cáo"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="Tất cả chế độ báo cáo"
        style={{ width: 280 }}
        loading={facetsQuery.isLoading}
        value={filters.regimeId}
        onChange={(regimeId) => onChange({ regimeId, periodId: undefined })}
        options={facets.regimes}
      />
      <Select<string | undefined>
        aria-label="Lọc theo kỳ báo cáo"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="Tất cả kỳ báo cáo"
        style={{ width: 200 }}
        value={filters.periodId}
        onChange={(periodId) => onChange({ periodId })}
        options={periods}
      />
      <Select<ReportState | undefined>
        aria-label="Lọc theo trạng thái"
        allowClear
        placeholder="Tất cả trạng thái"
        style={{ width: 200 }}
        value={filters.state}
        onChange={(state) => onChange({ state })}
        options={REPORT_STATES.map((s) => ({ value: s, label: REPORT_STATE_LABELS[s] }))}
      />
    </Flex>
  );
}

/** Filters with a debounced-by-the-caller search, the page reset on every change. */
export function useListFilters(side: ReportSide, initial: Partial<ReportListFilters> = {}) {
  const [filters, setFilters] = useState<ReportListFilters>({ side, page: 1, pageSize: 20, ...initial });
  const change = (next: Partial<ReportListFilters>) => setFilters((f) => ({ ...f, ...next, page: next.page ?? 1 }));
  return { filters, change };
}

export function ReportStateTag({ state }: { state: ReportState }) {
  return <Tag color={REPORT_STATE_COLORS[state]}>{REPORT_STATE_LABELS[state]}</Tag>;
}

export function TimelinessTag({ report }: { report: Pick<ReportSummary, 'timeliness' | 'lateMinutes' | 'outOfBand'> }) {
  const late = formatLateness(report.lateMinutes);
  return (
    <Space size={2} wrap>
      <Tooltip title={late ?? undefined}>
        <Tag color={TIMELINESS_COLORS[report.timeliness]}>{TIMELINESS_LABELS[report.timeliness]}</Tag>
      </Tooltip>
      {report.outOfBand && <Tag color="magenta">Ngoài hệ thống</Tag>}
    </Space>
  );
}

/** The columns of a list of reports; the receiver's list leaves "Nơi nhận" out (it is the user's own unit). */
export function reportColumns(side: ReportSide): TableColumnsType<ReportSummary> {
  return [
    {
      title: 'Kỳ',
      dataIndex: 'periodLabel',
      width: 140,
      render: (label: string, r) => (
        <Link to="/bao-cao/$id" params={{ id: r.id }} onClick={(e) => e.stopPropagation()}>
          {label}
        </Link>
      ),
    },
    {
      title: 'Chế độ báo cáo',
      key: 'regime',
      width: 240,
      ellipsis: { showTitle: false },
      render: (_, r) => (
        <Tooltip title={`${r.regimeCode} – ${r.regimeName}`}>
          <span>{r.regimeName}</span>
        </Tooltip>
      ),
    },
    { title: side === 'sender' ? 'Đơn vị' : 'Đơn vị gửi', dataIndex: 'unitName', width: 200, ellipsis: true },
    ...(side === 'sender' ? [{ title: 'Nơi nhận', dataIndex: 'receivingUnitName', width: 200, ellipsis: true }] : []),
    { title: 'Trạng thái', dataIndex: 'state', width: 140, render: (s: ReportState) => <ReportStateTag state={s} /> },
    { title: 'Hạn gửi', dataIndex: 'deadlineAt', width: 140, render: (t: string) => formatAt(t) },
    { title: 'Đúng hạn/muộn', key: 'timeliness', width: 150, render: (_, r) => <TimelinessTag report={r} /> },
    { title: 'Phiên bản', dataIndex: 'versionNo', width: 90, align: 'right' },
    { title: 'Cập nhật', dataIndex: 'updatedAt', width: 140, render: (t: string) => formatAt(t) },
  ];
}

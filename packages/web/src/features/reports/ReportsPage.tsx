import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Card, Table, Typography } from 'antd';
import type { ReportSummary } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useReportList } from '../../api/reports.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { reportColumns, ReportFilterBar, useListFilters } from './ReportList.tsx';
import '../regimes/regimes.css';
import './reports.css';

/** "Báo cáo": the reports of the user's units, by period and state; a row opens the report. */
export function ReportsPage() {
  const navigate = useNavigate();
  const { filters, change } = useListFilters('sender');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching, error } = useReportList({ ...filters, q: q || undefined });
  const open = (id: string) => void navigate({ to: '/bao-cao/$id', params: { id } });

  return (
    <>
      <PageTitle title="Báo cáo" subtitle="Báo cáo của đơn vị bạn theo kỳ: nhập liệu, trình, duyệt, gửi; bị trả lại và đính chính" />
      <Card>
        <ReportFilterBar
          side="sender"
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
        <Table<ReportSummary>
          data-testid="reports-table"
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          rowClassName={() => 'clickable-row'}
          onRow={(r) => ({ onClick: () => open(r.id) })}
          locale={{ emptyText: 'Chưa có báo cáo nào. Báo cáo được tạo khi bấm “Nhập báo cáo” ở Việc cần làm.' }}
          scroll={{ x: 1460 }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `Tổng số ${t} báo cáo`,
            onChange: (page, pageSize) => change({ page, pageSize }),
          }}
          columns={reportColumns('sender')}
        />
      </Card>
    </>
  );
}

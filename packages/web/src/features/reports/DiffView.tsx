import { Alert, Empty, Flex, Spin, Table, Tag, Typography } from 'antd';
import type { CellChange, NarrativeChange, ReportFormRef } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useReportDiff } from '../../api/reports.ts';
import { formatStoredValue } from './format.ts';

/**
 * What changed from one version to another (a correction, đính chính): the cells with their row
 * and column as a reader knows them, before → after in Vietnamese number format; the narrative
 * sections whose text changed; attachments added and removed.
 */
export function DiffView({ reportId, from, to, forms }: { reportId: string; from: number; to: number; forms: readonly ReportFormRef[] }) {
  const { data, error, isLoading } = useReportDiff(reportId, from, to);
  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (isLoading || !data) return <Spin />;
  const nothing = data.cells.length + data.narrative.length + data.attachmentsAdded.length + data.attachmentsRemoved.length === 0;
  const formName = (id: string, code: string) => {
    const f = forms.find((x) => x.versionId === id);
    return f ? `${f.code} – ${f.name}` : code;
  };
  return (
    <div className="report-diff" data-testid="report-diff">
      <Typography.Paragraph>
        So sánh phiên bản {data.from} với phiên bản {data.to}:{' '}
        <strong>
          {data.cells.length} ô số liệu, {data.narrative.length} mục thuyết minh,{' '}
          {data.attachmentsAdded.length + data.attachmentsRemoved.length} tài liệu đính kèm
        </strong>{' '}
        thay đổi.
      </Typography.Paragraph>
      {nothing && <Empty description="Hai phiên bản có nội dung giống nhau." />}
      {data.cells.length > 0 && (
        <>
          <Typography.Title level={5}>Số liệu thay đổi</Typography.Title>
          <Table<CellChange>
            size="small"
            data-testid="diff-cells"
            rowKey={(c) => `${c.formVersionId}|${c.row}|${c.col}`}
            dataSource={data.cells}
            pagination={data.cells.length > 50 ? { pageSize: 50, showTotal: (t) => `${t} ô thay đổi` } : false}
            scroll={{ x: 900 }}
            columns={[
              { title: 'Biểu', key: 'form', width: 200, render: (_, c) => formName(c.formVersionId, c.formCode) },
              { title: 'Chỉ tiêu', dataIndex: 'rowLabel' },
              { title: 'Cột', dataIndex: 'colLabel', width: 220 },
              {
                title: 'Trước',
                key: 'before',
                width: 160,
                align: 'right',
                render: (_, c) => <span className="report-diff-before">{formatStoredValue(c.before)}</span>,
              },
              {
                title: 'Sau',
                key: 'after',
                width: 160,
                align: 'right',
                render: (_, c) => <span className="report-diff-after">{formatStoredValue(c.after)}</span>,
              },
            ]}
          />
        </>
      )}
      {data.narrative.length > 0 && (
        <>
          <Typography.Title level={5}>Thuyết minh thay đổi</Typography.Title>
          {data.narrative.map((n: NarrativeChange) => (
            <div key={`${n.formVersionId}|${n.sectionId}`} className="report-diff-section" data-testid="diff-narrative">
              <strong>{n.sectionTitle}</strong>
              <Flex gap={12} wrap>
                <div className="report-diff-text report-diff-text-before">
                  <div className="report-fact-label">Trước</div>
                  <div className="report-pre">{n.before || '(trống)'}</div>
                </div>
                <div className="report-diff-text report-diff-text-after">
                  <div className="report-fact-label">Sau</div>
                  <div className="report-pre">{n.after || '(trống)'}</div>
                </div>
              </Flex>
            </div>
          ))}
        </>
      )}
      {(data.attachmentsAdded.length > 0 || data.attachmentsRemoved.length > 0) && (
        <>
          <Typography.Title level={5}>Tài liệu đính kèm</Typography.Title>
          <ul className="report-diff-files">
            {data.attachmentsAdded.map((name) => (
              <li key={`+${name}`}>
                <Tag color="green">Thêm</Tag> {name}
              </li>
            ))}
            {data.attachmentsRemoved.map((name) => (
              <li key={`-${name}`}>
                <Tag color="red">Bỏ</Tag> {name}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

import { useMemo } from 'react';
import { Button, Empty, Modal, Spin, Table, Tabs, Typography, Alert } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { listLeafColumns, type PeriodValues, type ReportData, type ReportFormRef } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { downloadAttachment } from '../../api/reportData.ts';
import { EntryGrid } from '../forms/grid/EntryGrid.tsx';
import { definitionOf, inputsOf, outlineSections, resolverFor, tableFormOf } from './formData.ts';
import { formatAt, formatStoredValue } from './format.ts';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

function TableContent({ formRef, data, periodValues }: { formRef: ReportFormRef; data: ReportData; periodValues: PeriodValues }) {
  const form = tableFormOf(formRef);
  const resolver = useMemo(() => resolverFor(formRef, periodValues), [formRef, periodValues]);
  const initial = useMemo(() => (form ? inputsOf(form, data.forms[formRef.versionId]?.values ?? {}) : undefined), [form, data, formRef]);
  if (!form) return <Alert type="warning" showIcon title={`Biểu "${formRef.code}" có định nghĩa không hợp lệ.`} />;
  return (
    <EntryGrid
      form={form}
      layout={form.layout}
      height={480}
      initialValues={initial}
      resolver={resolver}
      readOnly
      showClearAll={false}
      data-testid="content-grid"
    />
  );
}

/** A list form's records, read-only. */
export function RecordsTable({ formRef, records }: { formRef: ReportFormRef; records: readonly Record<string, unknown>[] }) {
  const list = definitionOf(formRef, 'list');
  if (!list) return <Alert type="warning" showIcon title={`Biểu "${formRef.code}" có định nghĩa không hợp lệ.`} />;
  const columns = listLeafColumns(list).map(({ column }) => ({
    title: column.name,
    key: column.code,
    render: (_: unknown, r: Record<string, unknown>) => {
      const v = r[column.code];
      return v === null || v === undefined || v === '' ? '' : formatStoredValue(v as string | boolean);
    },
  }));
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={records as Record<string, unknown>[]}
      columns={[{ title: 'STT', key: '__stt', width: 60, render: (_: unknown, __: unknown, i: number) => i + 1 }, ...columns]}
      pagination={records.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: 'Chưa có bản ghi nào.' }}
    />
  );
}

function NarrativeContent({ formRef, data }: { formRef: ReportFormRef; data: ReportData }) {
  const texts = data.narrative[formRef.versionId] ?? {};
  const sections = outlineSections(formRef);
  return (
    <div className="report-narrative-read">
      {sections.map((s) => (
        <section key={s.id} style={{ marginLeft: s.level * 16 }}>
          <Typography.Title level={5}>{s.title}</Typography.Title>
          {texts[s.id]?.text?.trim() ? (
            <Typography.Paragraph className="report-pre">{texts[s.id]!.text}</Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="secondary">(Chưa có nội dung)</Typography.Paragraph>
          )}
        </section>
      ))}
    </div>
  );
}

/** Every form, the narrative and the attachments of one version as it was kept, read-only. */
export function ReportContent({
  reportId,
  versionNo,
  forms,
  data,
  periodValues,
}: {
  reportId: string;
  versionNo: number;
  forms: readonly ReportFormRef[];
  data: ReportData;
  /** The other periods' values the formulas read (PREV, YTD…). */
  periodValues: PeriodValues;
}) {
  const items = [
    ...forms.map((f) => ({
      key: f.versionId,
      label: f.code,
      children:
        f.kind === 'table' ? (
          <TableContent formRef={f} data={data} periodValues={periodValues} />
        ) : f.kind === 'list' ? (
          <RecordsTable formRef={f} records={data.forms[f.versionId]?.records ?? []} />
        ) : (
          <NarrativeContent formRef={f} data={data} />
        ),
    })),
    {
      key: '__attachments',
      label: `Tài liệu đính kèm (${data.attachments.length})`,
      children:
        data.attachments.length === 0 ? (
          <Empty description="Không có tài liệu đính kèm." />
        ) : (
          <ul className="report-files">
            {data.attachments.map((a) => (
              <li key={a.id}>
                <Button type="link" icon={<PaperClipOutlined aria-hidden />} onClick={() => downloadAttachment(reportId, versionNo, a.id)}>
                  {a.fileName}
                </Button>
                <Typography.Text type="secondary">
                  {formatSize(a.size)} · {formatAt(a.uploadedAt)}
                  {a.uploadedBy ? ` · ${a.uploadedBy}` : ''}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return <Tabs items={items} destroyOnHidden />;
}

/** A dialog with a version's content: loading, failure, or the content. */
export function ReportContentModal({
  title,
  reportId,
  versionNo,
  forms,
  data,
  periodValues,
  loading,
  error,
  onClose,
}: {
  title: string;
  reportId: string;
  versionNo: number;
  forms: readonly ReportFormRef[];
  data: ReportData | undefined;
  periodValues: PeriodValues;
  loading: boolean;
  error: unknown;
  onClose: () => void;
}) {
  return (
    <Modal open title={title} width="min(1400px, 96vw)" footer={null} onCancel={onClose} destroyOnHidden>
      <div data-testid="report-content">
        {error ? (
          <Alert type="error" showIcon title={errorMessage(error)} />
        ) : loading || !data ? (
          <Spin />
        ) : (
          <ReportContent reportId={reportId} versionNo={versionNo} forms={forms} data={data} periodValues={periodValues} />
        )}
      </div>
    </Modal>
  );
}

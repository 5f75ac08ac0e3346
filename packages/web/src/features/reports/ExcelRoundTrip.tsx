import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Table, Tabs, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { formatNumber, type CellChange, type ExcelPreviewResponse, type ReportDataPatch, type ReportFormRef } from '@baocao/core';
import { errorMessage, isApiError } from '../../api/client.ts';
import { downloadReportExcel, previewReportExcel } from '../../api/reportData.ts';
import { formatCellValue } from './data/format.ts';
import './data.css';

type Rejected = ExcelPreviewResponse['rejected'][number];

export interface ExcelRoundTripProps {
  reportId: string;
  form: ReportFormRef;
  editable: boolean;
  /** Saves the preview's patch through the page's save path; the preview closes when it resolves. */
  onApply: (patch: ReportDataPatch) => Promise<void>;
}

/** What to do next, after the server's own message, for the errors a user can fix. */
function excelHint(error: unknown): string | null {
  if (isApiError(error, 'EXCEL_WRONG_FORM')) {
    return 'Hãy bấm “Tải Excel” để lấy đúng tệp của biểu này, điền số liệu vào tệp đó rồi nhập lại.';
  }
  if (isApiError(error, 'EXCEL_INVALID')) {
    return 'Hãy lưu tệp dưới dạng Sổ làm việc Excel (.xlsx) rồi thử lại; tệp .xls, .csv hoặc tệp hỏng không đọc được.';
  }
  return null;
}

/**
 * "Tải Excel" (the form with the current values) and "Nhập từ Excel": the filled file is read by
 * row and column codes and previewed — what changes, what is rejected and why — before anything is
 * saved; "Áp dụng" hands the patch to the page, "Hủy" leaves the report untouched.
 */
export function ExcelRoundTrip({ reportId, form, editable, onApply }: ExcelRoundTripProps) {
  const { message } = App.useApp();
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<{ fileName: string; data: ExcelPreviewResponse } | null>(null);
  const [failure, setFailure] = useState<{ fileName: string; error: unknown } | null>(null);
  const [applying, setApplying] = useState(false);

  const read = async (file: File) => {
    setReading(true);
    setFailure(null);
    try {
      setPreview({ fileName: file.name, data: await previewReportExcel(reportId, form.versionId, file) });
    } catch (e) {
      setFailure({ fileName: file.name, error: e });
    } finally {
      setReading(false);
    }
  };

  const apply = async () => {
    if (!preview) return;
    setApplying(true);
    try {
      await onApply(preview.data.patch);
      message.success(`Đã áp dụng ${formatNumber(preview.data.changes.length)} thay đổi từ tệp Excel.`);
      setPreview(null);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setApplying(false);
    }
  };

  const changes = preview?.data.changes.length ?? 0;
  return (
    <>
      <Button
        size="small"
        icon={<DownloadOutlined aria-hidden />}
        onClick={() => downloadReportExcel(reportId, form.versionId)}
        data-testid={`excel-download-${form.code}`}
      >
        Tải Excel
      </Button>
      {editable && (
        <span data-testid={`excel-upload-${form.code}`}>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void read(file);
              return false;
            }}
            disabled={reading}
          >
            <Button size="small" icon={<UploadOutlined aria-hidden />} loading={reading} aria-label={`Nhập từ Excel biểu ${form.code}`}>
              Nhập từ Excel
            </Button>
          </Upload>
        </span>
      )}
      {failure && (
        <Modal
          open
          title="Không nhập được tệp Excel"
          onCancel={() => setFailure(null)}
          footer={<Button onClick={() => setFailure(null)}>Đóng</Button>}
        >
          <div data-testid="excel-error">
            <Alert
              type="error"
              showIcon
              title={`${failure.fileName}: ${errorMessage(failure.error)}`}
              description={excelHint(failure.error)}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              Chưa có số liệu nào của báo cáo bị thay đổi.
            </Typography.Paragraph>
          </div>
        </Modal>
      )}
      {preview && (
        <Modal
          open
          width={960}
          title={`Xem trước dữ liệu nhập từ Excel – biểu ${form.code}`}
          onCancel={() => !applying && setPreview(null)}
          cancelText="Hủy"
          okText={`Áp dụng ${formatNumber(changes)} thay đổi`}
          okButtonProps={{ disabled: changes === 0, 'data-testid': 'excel-apply' }}
          confirmLoading={applying}
          onOk={() => void apply()}
        >
          <ExcelPreview fileName={preview.fileName} data={preview.data} />
        </Modal>
      )}
    </>
  );
}

function ExcelPreview({ fileName, data }: { fileName: string; data: ExcelPreviewResponse }) {
  const { changes, rejected, unchanged } = data;
  return (
    <div data-testid="excel-preview">
      <Descriptions size="small" column={4} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="Tệp" span={4}>
          {fileName}
        </Descriptions.Item>
        <Descriptions.Item label="Sẽ thay đổi">{formatNumber(changes.length)} ô</Descriptions.Item>
        <Descriptions.Item label="Không nhận">{formatNumber(rejected.length)} ô</Descriptions.Item>
        <Descriptions.Item label="Không đổi">{formatNumber(unchanged)} ô</Descriptions.Item>
      </Descriptions>
      <Alert
        type={rejected.length > 0 ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title="Chưa có gì được lưu. Số liệu chỉ thay đổi khi bạn bấm “Áp dụng”; các ô không nhận được giữ nguyên giá trị hiện tại."
      />
      <Tabs
        items={[
          {
            key: 'changes',
            label: `Thay đổi (${formatNumber(changes.length)})`,
            children: <ChangesTable changes={changes} />,
          },
          {
            key: 'rejected',
            label: `Không nhận (${formatNumber(rejected.length)})`,
            children: <RejectedTable rejected={rejected} />,
          },
        ]}
      />
    </div>
  );
}

function ChangesTable({ changes }: { changes: CellChange[] }) {
  return (
    <Table<CellChange>
      size="small"
      rowKey={(c) => `${c.formVersionId}|${c.row}:${c.col}`}
      dataSource={changes}
      pagination={changes.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: 'Tệp không làm thay đổi ô nào.' }}
      data-testid="excel-changes"
      columns={[
        { title: 'Dòng', dataIndex: 'rowLabel', render: (label: string, c) => <span title={`Mã dòng ${c.row}`}>{label}</span> },
        { title: 'Cột', dataIndex: 'colLabel', width: 220, render: (label: string, c) => <span title={`Mã cột ${c.col}`}>{label}</span> },
        {
          title: 'Hiện tại → Trong tệp',
          key: 'values',
          width: 260,
          render: (_, c) => (
            <span className="rd-change">
              <span className="rd-before">{formatCellValue(c.before)}</span>
              <span aria-label="thành"> → </span>
              <strong className="rd-after">{formatCellValue(c.after)}</strong>
            </span>
          ),
        },
      ]}
    />
  );
}

function RejectedTable({ rejected }: { rejected: Rejected[] }) {
  const rows = rejected.map((r, i) => ({ ...r, n: i }));
  return (
    <Table<Rejected & { n: number }>
      size="small"
      rowKey="n"
      dataSource={rows}
      pagination={rejected.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: 'Mọi ô trong tệp đều đọc được.' }}
      data-testid="excel-rejected"
      columns={[
        { title: 'Ô trong tệp', key: 'cell', width: 160, render: (_, r) => `${r.sheet}!${r.cell}` },
        {
          title: 'Dòng / Cột',
          key: 'codes',
          width: 160,
          render: (_, r) => (r.row || r.col ? `${r.row ?? '?'} / ${r.col ?? '?'}` : '—'),
        },
        { title: 'Lý do', dataIndex: 'reason' },
      ]}
    />
  );
}

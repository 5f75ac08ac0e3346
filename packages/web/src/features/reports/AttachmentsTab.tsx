import { useRef, useState } from 'react';
import { Alert, App, Button, Empty, Flex, Popconfirm, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { ReportAttachment } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { downloadAttachment, useRemoveAttachment, useUploadAttachment } from '../../api/reportData.ts';
import { formatDateTimeShort } from '../../shared/dates.ts';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, attachmentProblem, contentTypeLabel, formatFileSize } from './data/format.ts';
import './data.css';

export interface AttachmentsTabProps {
  reportId: string;
  /** The version the attachments belong to (downloads read it). */
  versionNo: number;
  attachments: ReportAttachment[];
  editable: boolean;
  /** After an upload or a removal, with the report's new revision when the server gave one. */
  onChanged: (revision?: number) => void;
}

interface Failure {
  fileName: string;
  message: string;
}

/**
 * Documents attached to the report version (PDF, DOCX, XLSX, images): the list with download,
 * and, while the report may be edited, upload (the server checks the content, not the name) and removal.
 */
export function AttachmentsTab({ reportId, versionNo, attachments, editable, onChanged }: AttachmentsTabProps) {
  const { message } = App.useApp();
  const upload = useUploadAttachment(reportId);
  const remove = useRemoveAttachment(reportId);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);

  // Files are sent one after the other: each answer carries the revision the next one builds on.
  const queue = useRef(Promise.resolve());
  const send = (file: File) => {
    queue.current = queue.current.then(async () => {
      const problem = attachmentProblem(file);
      if (problem) {
        setFailures((f) => [...f, { fileName: file.name, message: problem }]);
        return;
      }
      setUploading(file.name);
      try {
        const res = await upload.mutateAsync(file);
        message.success(`Đã đính kèm “${res.attachment.fileName}”.`);
        onChanged(res.revision);
      } catch (e) {
        setFailures((f) => [...f, { fileName: file.name, message: errorMessage(e) }]);
      } finally {
        setUploading(null);
      }
    });
  };

  const removeOne = async (a: ReportAttachment) => {
    try {
      const res = await remove.mutateAsync(a.id);
      message.success(`Đã gỡ bỏ “${a.fileName}”.`);
      onChanged(res?.revision);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="rd-attachments" data-testid="attachments-tab">
      {editable && (
        <>
          <Upload.Dragger
            accept={ATTACHMENT_ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              setFailures([]);
              send(file);
              return false;
            }}
            disabled={uploading !== null}
            aria-label="Tải tệp đính kèm lên"
            data-testid="attachment-upload"
          >
            <p>
              <InboxOutlined style={{ fontSize: 28, color: '#1f4e8c' }} aria-hidden />
            </p>
            <p>{uploading ? `Đang tải lên “${uploading}”…` : 'Kéo tệp vào đây hoặc bấm để chọn tệp đính kèm.'}</p>
            <Typography.Text type="secondary">
              Nhận PDF, DOCX, XLSX, PNG, JPG. Tối đa {formatFileSize(MAX_ATTACHMENT_BYTES)} mỗi tệp.
            </Typography.Text>
          </Upload.Dragger>
          {failures.length > 0 && (
            <Alert
              type="error"
              showIcon
              closable
              onClose={() => setFailures([])}
              style={{ marginTop: 12 }}
              title={failures.length === 1 ? 'Không đính kèm được tệp' : `Không đính kèm được ${failures.length} tệp`}
              description={
                <ul className="rd-plain-list" data-testid="attachment-errors">
                  {failures.map((f, i) => (
                    <li key={i}>
                      <strong>{f.fileName}</strong>: {f.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      )}
      <Table<ReportAttachment>
        style={{ marginTop: editable ? 16 : 0 }}
        size="small"
        rowKey="id"
        dataSource={attachments}
        pagination={false}
        locale={{ emptyText: <Empty description="Chưa có tệp đính kèm." /> }}
        aria-label="Tệp đính kèm"
        data-testid="attachments-table"
        columns={[
          {
            title: 'Tên tệp',
            dataIndex: 'fileName',
            render: (name: string) => (
              <Flex gap={6} align="center">
                <PaperClipOutlined aria-hidden />
                <span className="rd-file-name">{name}</span>
              </Flex>
            ),
          },
          { title: 'Loại', dataIndex: 'contentType', width: 130, render: (t: string) => contentTypeLabel(t) },
          { title: 'Dung lượng', dataIndex: 'size', width: 110, align: 'right', render: (s: number) => formatFileSize(s) },
          { title: 'Người tải', dataIndex: 'uploadedBy', width: 180, render: (u: string | null) => u ?? '—' },
          { title: 'Thời điểm', dataIndex: 'uploadedAt', width: 140, render: (at: string) => formatDateTimeShort(at) },
          {
            title: 'Thao tác',
            key: 'actions',
            width: editable ? 200 : 110,
            render: (_, a) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  icon={<DownloadOutlined aria-hidden />}
                  aria-label={`Tải xuống ${a.fileName}`}
                  onClick={() => downloadAttachment(reportId, versionNo, a.id)}
                >
                  Tải xuống
                </Button>
                {editable && (
                  <Popconfirm
                    title={`Gỡ bỏ tệp “${a.fileName}”?`}
                    description="Tệp sẽ không còn trong phiên bản này của báo cáo."
                    okText="Gỡ bỏ"
                    cancelText="Hủy"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => removeOne(a)}
                  >
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Gỡ bỏ ${a.fileName}`}>
                      Gỡ bỏ
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </div>
  );
}

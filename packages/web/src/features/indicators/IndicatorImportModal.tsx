import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Statistic, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { importIndicators, indicatorsKey, type IndicatorImportResult } from '../../api/indicators.ts';

/** Excel import in two steps: a dry run that lists the errors by row and column, then "Lưu". */
export function IndicatorImportModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<IndicatorImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);

  const check = async (f: File) => {
    setFile(f);
    setBusy(true);
    setErr(null);
    setResult(null);
    try {
      setResult(await importIndicators(f, true));
    } catch (e) {
      setErr(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await importIndicators(file, false);
      if (r.saved) {
        message.success(`Đã nhập: ${r.created} chỉ tiêu mới, ${r.updated} chỉ tiêu cập nhật.`);
        await queryClient.invalidateQueries({ queryKey: indicatorsKey });
        onClose();
      } else setResult(r);
    } catch (e) {
      setErr(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const canSave = !!result && result.errors.length === 0 && result.created + result.updated > 0;
  return (
    <Modal
      open
      width={820}
      title="Nhập chỉ tiêu từ tệp Excel"
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" disabled={!canSave} loading={busy} onClick={() => void save()}>
            Lưu
          </Button>
        </Space>
      }
    >
      <Upload.Dragger accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={(f) => (void check(f), false)}>
        <p>
          <UploadOutlined style={{ fontSize: 28, color: '#1f4e8c' }} aria-hidden />
        </p>
        <p>{file ? `Tệp: ${file.name} — bấm để chọn tệp khác` : 'Kéo tệp .xlsx vào đây hoặc bấm để chọn tệp.'}</p>
        <Typography.Text type="secondary">Hệ thống kiểm tra trước, chưa lưu gì; nếu không có lỗi, bấm “Lưu” để nhập.</Typography.Text>
      </Upload.Dragger>
      {busy && <Typography.Paragraph style={{ marginTop: 12 }}>Đang kiểm tra tệp…</Typography.Paragraph>}
      {err && <Alert style={{ marginTop: 12 }} type="error" showIcon title={err} />}
      {result && (
        <div style={{ marginTop: 16 }} data-testid="indicator-import-result">
          <Space size={32}>
            <Statistic title="Chỉ tiêu mới" value={result.created} />
            <Statistic title="Cập nhật" value={result.updated} />
            <Statistic title="Không đổi" value={result.unchanged} />
            <Statistic
              title="Lỗi"
              value={result.errors.length}
              styles={{ content: { color: result.errors.length ? '#cf1322' : undefined } }}
            />
          </Space>
          {result.errors.length > 0 ? (
            <>
              <Alert
                style={{ margin: '12px 0' }}
                type="error"
                showIcon
                title="Tệp còn lỗi, chưa nhập được. Hãy sửa tệp theo danh sách dưới đây rồi chọn lại."
              />
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                dataSource={result.errors}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: 'Dòng', dataIndex: 'row', width: 80 },
                  { title: 'Cột', dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '—' },
                  { title: 'Lỗi', dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            <Alert style={{ marginTop: 12 }} type="success" showIcon title="Tệp hợp lệ. Bấm “Lưu” để nhập vào kho chỉ tiêu." />
          )}
        </div>
      )}
    </Modal>
  );
}

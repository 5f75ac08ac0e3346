import type { ReactNode } from 'react';
import { Alert, Button, Flex, Tooltip, Typography } from 'antd';
import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import type { PasteReport } from './clipboard.ts';

interface Props {
  mode: 'entry' | 'hatch';
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  /** Absent: no "Xóa số liệu thử" button. */
  onClearAll?: () => void;
  errors: number;
  warnings: number;
  formulaErrors: number;
  extra?: ReactNode;
}

function hint(mode: 'entry' | 'hatch', readOnly: boolean): string {
  if (mode === 'hatch') return 'Bấm vào ô để gạch chéo hoặc bỏ gạch chéo.';
  if (readOnly) return 'Chỉ xem. Chọn vùng bằng Shift+mũi tên hoặc kéo chuột, Ctrl+C để sao chép sang Excel.';
  return 'Gõ số để nhập (dạng 1.234,5), F2 để sửa. Shift+mũi tên hoặc kéo chuột để chọn vùng; Ctrl+C, Ctrl+V để chép, dán với Excel.';
}

/** Legend, keyboard hint, undo/redo, the caller's own buttons and the count of problems. */
export function GridToolbar({
  mode,
  readOnly,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onClearAll,
  errors,
  warnings,
  formulaErrors,
  extra,
}: Props) {
  const editable = mode === 'entry' && !readOnly;
  return (
    <Flex className="eg-toolbar" gap={12} wrap align="center">
      <span className="eg-legend">
        <span className="eg-swatch eg-swatch-input" /> Ô nhập liệu
      </span>
      <span className="eg-legend">
        <span className="eg-swatch eg-swatch-computed" /> Ô tự tính
      </span>
      <span className="eg-legend">
        <span className="eg-swatch eg-swatch-hatched" /> Ô gạch chéo (không nhập)
      </span>
      <Typography.Text type="secondary" className="eg-hint">
        {hint(mode, readOnly)}
      </Typography.Text>
      {editable && (
        <Flex gap={4}>
          <Tooltip title="Hoàn tác (Ctrl+Z)">
            <Button size="small" icon={<UndoOutlined />} disabled={!canUndo} onClick={onUndo}>
              Hoàn tác
            </Button>
          </Tooltip>
          <Tooltip title="Làm lại (Ctrl+Y)">
            <Button size="small" icon={<RedoOutlined />} disabled={!canRedo} onClick={onRedo}>
              Làm lại
            </Button>
          </Tooltip>
        </Flex>
      )}
      {editable && onClearAll && (
        <Button size="small" onClick={onClearAll}>
          Xóa số liệu thử
        </Button>
      )}
      {extra}
      <span className="eg-status" aria-live="polite">
        {errors > 0 && <Typography.Text type="danger">{errors} lỗi</Typography.Text>}
        {errors > 0 && warnings > 0 && ' · '}
        {warnings > 0 && <Typography.Text type="warning">{warnings} cảnh báo</Typography.Text>}
        {formulaErrors > 0 && <Typography.Text type="danger"> · {formulaErrors} ô lỗi công thức</Typography.Text>}
      </span>
    </Flex>
  );
}

/** What the last paste did: written, skipped, refused and doubtful cells, in Vietnamese. */
export function PasteReportAlert({ report, onClose }: { report: PasteReport; onClose: () => void }) {
  return (
    <Alert
      className="eg-paste-report"
      data-testid="grid-paste-report"
      type={report.type}
      showIcon
      closable={{ onClose, 'aria-label': 'Đóng thông báo dán' }}
      title={report.title}
      description={
        report.details.length ? (
          <ul className="eg-paste-details">
            {report.details.map((d, i) => (
              <li key={i}>
                {d.text}
                {d.items?.length ? (
                  <ul>
                    {d.items.map((item, j) => (
                      <li key={j}>{item}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

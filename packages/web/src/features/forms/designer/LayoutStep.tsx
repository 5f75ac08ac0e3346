import { Alert, Col, Flex, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { leafColumns, type Form, type InputValue } from '@baocao/core';
import { EntryGrid } from '../grid/EntryGrid.tsx';
import { DATA_WIDTH, NAME_WIDTH, type GridLayout } from '../grid/layout.ts';

/** Bước 3 — Bố cục và xem trước: widths, frozen columns, paper orientation, and the real entry grid. */
export function LayoutStep({
  form,
  layout,
  onLayout,
  hatchMode,
  onHatchMode,
  onToggleHatch,
  readOnly,
  sample,
}: {
  form: Form | undefined;
  layout: GridLayout;
  onLayout: (l: GridLayout) => void;
  hatchMode: boolean;
  onHatchMode: (v: boolean) => void;
  onToggleHatch: (row: string, col: string) => void;
  readOnly: boolean;
  sample: Map<string, InputValue>;
}) {
  if (!form) {
    return (
      <Alert
        type="warning"
        showIcon
        title="Biểu mẫu còn lỗi nhập liệu (mã trống hoặc sai dạng) nên chưa xem trước được. Hãy sửa các lỗi trong danh sách bên phải."
      />
    );
  }
  const cols = leafColumns(form);
  const setWidth = (code: string, w: number | null) => onLayout({ ...layout, widths: { ...layout.widths, [code]: w ?? DATA_WIDTH } });
  return (
    <div data-testid="layout-step">
      <Row gutter={[16, 8]} className="layout-settings">
        <Col xs={24} xl={14}>
          <Typography.Text strong>Độ rộng cột (điểm ảnh)</Typography.Text>
          <Flex gap={10} wrap style={{ marginTop: 6 }}>
            <label className="layout-width">
              <span>Chỉ tiêu</span>
              <InputNumber
                size="small"
                min={160}
                max={800}
                step={20}
                value={layout.widths.__name ?? NAME_WIDTH}
                onChange={(v) => setWidth('__name', v ?? NAME_WIDTH)}
              />
            </label>
            {cols.map((c) => (
              <label key={c.column.code} className="layout-width">
                <span title={c.column.name}>
                  {c.column.code}: {c.column.name}
                </span>
                <InputNumber
                  size="small"
                  min={60}
                  max={400}
                  step={10}
                  value={layout.widths[c.column.code] ?? DATA_WIDTH}
                  onChange={(v) => setWidth(c.column.code, v)}
                />
              </label>
            ))}
          </Flex>
        </Col>
        <Col xs={12} xl={5}>
          <Typography.Text strong>Cố định cột số liệu bên trái</Typography.Text>
          <div style={{ marginTop: 6 }}>
            <InputNumber
              aria-label="Số cột số liệu cố định"
              min={0}
              max={cols.length}
              value={layout.frozen}
              onChange={(v) => onLayout({ ...layout, frozen: v ?? 0 })}
            />{' '}
            <Typography.Text type="secondary">ngoài STT, Chỉ tiêu, Đơn vị tính</Typography.Text>
          </div>
        </Col>
        <Col xs={12} xl={5}>
          <Typography.Text strong>Hướng giấy khi in</Typography.Text>
          <div style={{ marginTop: 6 }}>
            <Radio.Group
              value={layout.orientation}
              onChange={(e) => onLayout({ ...layout, orientation: e.target.value })}
              options={[
                { value: 'portrait', label: 'Khổ dọc' },
                { value: 'landscape', label: 'Khổ ngang' },
              ]}
            />
          </div>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" className="designer-hint">
        Bố cục (độ rộng, cột cố định, hướng giấy) được lưu cùng biểu mẫu khi bấm “Lưu nháp”: mọi đơn vị nhập liệu đều thấy bố cục này.
      </Typography.Paragraph>
      <Flex gap={12} align="center" style={{ margin: '8px 0' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          Xem trước bảng nhập liệu
        </Typography.Title>
        {!readOnly && (
          <label>
            <Switch size="small" checked={hatchMode} onChange={onHatchMode} /> Chế độ gạch chéo ô (bấm ô để gạch chéo/bỏ)
          </label>
        )}
      </Flex>
      <EntryGrid
        form={form}
        layout={layout}
        height={460}
        mode={hatchMode ? 'hatch' : 'entry'}
        onToggleHatch={onToggleHatch}
        initialValues={sample}
        onChange={(k, v) => sample.set(k, v)}
        data-testid="preview-grid"
      />
    </div>
  );
}

import { useState } from 'react';
import { AutoComplete, Checkbox, Form, Input, Modal, Segmented, Select } from 'antd';
import {
  CHART_TYPE_LABELS,
  CHART_TYPES,
  PERIOD_TYPE_LABELS,
  PERIOD_TYPES,
  type ChartType,
  type KpiTileSpec,
  type PeriodType,
  type TileSpec,
  type ViewTileSpec,
} from '@baocao/core';
import { useExplorationOptions, useSavedViews } from '../../api/analytics.ts';
import { useIndicatorList } from '../../api/indicators.ts';
import { useDebounced } from '../../shared/useDebounced.ts';

/** One indicator, searched by code or name (GET /indicators?q=…); shows code, name and unit of measure. */
function IndicatorSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (code: string | undefined) => void }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useIndicatorList({ q: q || value || undefined, page: 1, pageSize: 30 });
  const items = data?.items ?? [];
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder="Tìm theo mã hoặc tên chỉ tiêu"
      loading={isFetching}
      notFoundContent={isFetching ? 'Đang tìm…' : 'Không có chỉ tiêu phù hợp'}
      options={items.map((i) => ({
        value: i.code,
        label: `${i.code} – ${i.name}${i.unitOfMeasure ? ` (${i.unitOfMeasure})` : ''}`,
      }))}
      popupMatchSelectWidth={false}
    />
  );
}

/** A measure (a column code of the forms, e.g. TH, KH), suggested from the indicator's facts; any code may be typed. */
function MeasureInput({
  id,
  indicatorCode,
  value,
  onChange,
}: {
  id?: string;
  indicatorCode?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { data } = useExplorationOptions(indicatorCode ? [indicatorCode] : []);
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={(v: string) => onChange?.(v.trim().toUpperCase())}
      options={(data?.measures ?? []).map((m) => ({ value: m.code, label: `${m.code} – ${m.name}` }))}
      placeholder="VD: TH (Thực hiện)"
    />
  );
}

interface KpiFields {
  title: string;
  indicatorCode: string;
  measure: string;
  periodType: PeriodType;
  hasTarget: boolean;
  targetIndicatorCode?: string;
  targetMeasure?: string;
}

interface ViewFields {
  title: string;
  viewId: string;
  displayMode: 'as_view' | 'table' | 'chart';
  chartType: ChartType;
}

function kpiFields(tile: KpiTileSpec | null): KpiFields {
  return {
    title: tile?.title ?? '',
    indicatorCode: tile?.indicatorCode ?? '',
    measure: tile?.measure ?? 'TH',
    periodType: tile?.periodType ?? 'month',
    hasTarget: !!tile?.target,
    targetIndicatorCode: tile?.target?.indicatorCode,
    targetMeasure: tile?.target?.measure ?? 'KH',
  };
}

function viewFields(tile: ViewTileSpec | null): ViewFields {
  return {
    title: tile?.title ?? '',
    viewId: tile?.viewId ?? '',
    displayMode: tile?.display ? tile.display.mode : 'as_view',
    chartType: tile?.display?.chartType ?? 'column',
  };
}

/** Adds or edits one tile of a dashboard: a KPI figure, or a saved view shown as a table or a chart. */
export function TileDialog({ tile, onSave, onClose }: { tile: TileSpec | null; onSave: (tile: TileSpec) => void; onClose: () => void }) {
  const [kind, setKind] = useState<TileSpec['kind']>(tile?.kind ?? 'kpi');
  const [kpiForm] = Form.useForm<KpiFields>();
  const [viewForm] = Form.useForm<ViewFields>();
  const views = useSavedViews();
  const indicatorCode = Form.useWatch('indicatorCode', kpiForm);
  const targetIndicatorCode = Form.useWatch('targetIndicatorCode', kpiForm);
  const hasTarget = Form.useWatch('hasTarget', kpiForm);
  const displayMode = Form.useWatch('displayMode', viewForm);

  const save = async () => {
    if (kind === 'kpi') {
      const v = await kpiForm.validateFields();
      onSave({
        kind: 'kpi',
        title: v.title.trim(),
        indicatorCode: v.indicatorCode,
        measure: v.measure,
        periodType: v.periodType,
        ...(tile?.kind === 'kpi' && tile.unitId ? { unitId: tile.unitId } : {}),
        target:
          v.hasTarget && v.targetIndicatorCode && v.targetMeasure
            ? { indicatorCode: v.targetIndicatorCode, measure: v.targetMeasure }
            : null,
      });
    } else {
      const v = await viewForm.validateFields();
      onSave({
        kind: 'view',
        title: v.title.trim(),
        viewId: v.viewId,
        ...(v.displayMode === 'as_view' ? {} : { display: { mode: v.displayMode, chartType: v.chartType } }),
      });
    }
  };

  return (
    <Modal
      open
      title={tile ? 'Sửa ô' : 'Thêm ô'}
      okText={tile ? 'Cập nhật ô' : 'Thêm ô'}
      cancelText="Hủy"
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {!tile && (
        <Segmented<TileSpec['kind']>
          block
          style={{ marginBottom: 16 }}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'kpi', label: 'Chỉ số (KPI)' },
            { value: 'view', label: 'Khung nhìn đã lưu' },
          ]}
        />
      )}
      <Form
        form={kpiForm}
        layout="vertical"
        hidden={kind !== 'kpi'}
        name="kpi-tile"
        initialValues={kpiFields(tile?.kind === 'kpi' ? tile : null)}
      >
        <Form.Item name="title" label="Tiêu đề ô" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tiêu đề ô.' }]}>
          <Input maxLength={200} placeholder="VD: Lao động được tạo việc làm" />
        </Form.Item>
        <Form.Item name="indicatorCode" label="Chỉ tiêu" rules={[{ required: true, message: 'Hãy chọn chỉ tiêu.' }]}>
          <IndicatorSelect />
        </Form.Item>
        <Form.Item name="measure" label="Cột số liệu" rules={[{ required: true, whitespace: true, message: 'Hãy nhập cột số liệu.' }]}>
          <MeasureInput indicatorCode={indicatorCode} />
        </Form.Item>
        <Form.Item name="periodType" label="Loại kỳ" rules={[{ required: true }]}>
          <Select options={PERIOD_TYPES.map((p) => ({ value: p, label: PERIOD_TYPE_LABELS[p] }))} />
        </Form.Item>
        <Form.Item name="hasTarget" valuePropName="checked">
          <Checkbox>So với kế hoạch</Checkbox>
        </Form.Item>
        {hasTarget && (
          <>
            <Form.Item
              name="targetIndicatorCode"
              label="Chỉ tiêu kế hoạch"
              extra="Chỉ tiêu kế hoạch riêng, hoặc chính chỉ tiêu trên với cột “Kế hoạch năm”."
              rules={[{ required: true, message: 'Hãy chọn chỉ tiêu kế hoạch.' }]}
            >
              <IndicatorSelect />
            </Form.Item>
            <Form.Item
              name="targetMeasure"
              label="Cột số liệu kế hoạch"
              rules={[{ required: true, whitespace: true, message: 'Hãy nhập cột số liệu kế hoạch.' }]}
            >
              <MeasureInput indicatorCode={targetIndicatorCode} />
            </Form.Item>
          </>
        )}
      </Form>
      <Form
        form={viewForm}
        layout="vertical"
        hidden={kind !== 'view'}
        name="view-tile"
        initialValues={viewFields(tile?.kind === 'view' ? tile : null)}
      >
        <Form.Item name="title" label="Tiêu đề ô" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tiêu đề ô.' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="viewId" label="Khung nhìn" rules={[{ required: true, message: 'Hãy chọn khung nhìn.' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={views.isLoading}
            placeholder="Chọn khung nhìn đã lưu"
            notFoundContent="Chưa có khung nhìn nào. Hãy lưu một khung nhìn ở trang Khai thác dữ liệu."
            options={(views.data ?? []).map((v) => ({ value: v.id, label: v.mine ? v.name : `${v.name} (${v.ownerName})` }))}
            onChange={(id: string) => {
              const view = views.data?.find((v) => v.id === id);
              if (view && !viewForm.getFieldValue('title')) viewForm.setFieldValue('title', view.name);
            }}
          />
        </Form.Item>
        <Form.Item name="displayMode" label="Hiển thị">
          <Segmented
            options={[
              { value: 'as_view', label: 'Như khung nhìn' },
              { value: 'table', label: 'Bảng' },
              { value: 'chart', label: 'Biểu đồ' },
            ]}
          />
        </Form.Item>
        {displayMode === 'chart' && (
          <Form.Item name="chartType" label="Loại biểu đồ">
            <Segmented options={CHART_TYPES.map((c) => ({ value: c, label: CHART_TYPE_LABELS[c] }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

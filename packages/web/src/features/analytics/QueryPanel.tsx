import { useMemo, useState } from 'react';
import { Button, Checkbox, Col, DatePicker, Flex, Form, Radio, Row, Select, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  parsePeriodCode,
  PERIOD_TYPE_LABELS,
  periodCode,
  periodLabel,
  todayInVietnam,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type ExplorationOptions,
  type Indicator,
} from '@baocao/core';
import { useIndicatorList } from '../../api/indicators.ts';
import { useRegimeList } from '../../api/regimes.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { UnitTreeMultiSelect } from '../regimes/UnitTreeMultiSelect.tsx';
import {
  defaultPeriodRange,
  isPickable,
  PICKABLE_PERIOD_TYPES,
  periodOfDay,
  periodsEndingWith,
  type PanelState,
  type PickablePeriodType,
} from './exploreModel.ts';
import { indicatorTitle } from './pivotModel.ts';

export interface KnownIndicator {
  code: string;
  name: string;
  unitOfMeasure: string | null;
}

export interface QueryPanelProps {
  panel: PanelState;
  onChange: (patch: Partial<PanelState>) => void;
  options: ExplorationOptions | undefined;
  /** Indicators already known by code (from a result or a saved view), so their chips show names. */
  known: ReadonlyMap<string, KnownIndicator>;
}

const DATE_PICKERS = {
  month: { picker: 'month', format: 'MM/YYYY' },
  quarter: { picker: 'quarter', format: '[Quý] Q/YYYY' },
  year: { picker: 'year', format: 'YYYY' },
} as const;

const RANGE_PRESETS = [6, 12, 24] as const;

/** The query panel: indicators, measures, units, periods, same period last year, regime. */
export function QueryPanel({ panel, onChange, options, known }: QueryPanelProps) {
  const periodTypes = useMemo(() => {
    const offered = (options?.periodTypes ?? []).filter(isPickable);
    return offered.length ? offered : [...PICKABLE_PERIOD_TYPES];
  }, [options]);
  const type: PickablePeriodType = isPickable(panel.periodType) ? panel.periodType : 'month';
  const latest = options?.latestPeriods[type];

  const preset = (count: number) => onChange(defaultPeriodRange(type, latest, todayInVietnam(), count));

  return (
    <Form layout="vertical" component="div" className="explore-panel">
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Form.Item label="Chỉ tiêu" htmlFor="explore-indicators" required>
            <IndicatorPicker value={panel.indicatorCodes} onChange={(indicatorCodes) => onChange({ indicatorCodes })} known={known} />
          </Form.Item>
        </Col>
        <Col xs={24} xl={10}>
          <Form.Item label="Cột số liệu" htmlFor="explore-measures" tooltip="Để trống: mọi cột số liệu đã báo cáo (Thực hiện, Kế hoạch…).">
            <Select
              id="explore-measures"
              mode="multiple"
              allowClear
              value={panel.measures}
              onChange={(measures: string[]) => onChange({ measures })}
              placeholder={panel.indicatorCodes.length ? 'Mọi cột số liệu' : 'Chọn chỉ tiêu trước'}
              options={(options?.measures ?? []).map((m) => ({ value: m.code, label: m.name, title: `${m.code} – ${m.name}` }))}
              notFoundContent="Chưa có số liệu của chỉ tiêu đã chọn"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Form.Item label="Đơn vị" style={{ marginBottom: 8 }}>
            <Radio.Group
              aria-label="Cách chọn đơn vị"
              value={panel.unitMode}
              onChange={(e) => onChange({ unitMode: e.target.value as PanelState['unitMode'] })}
              options={[
                { value: 'level', label: 'Theo cấp' },
                { value: 'explicit', label: 'Chọn đơn vị' },
              ]}
            />
          </Form.Item>
          {panel.unitMode === 'level' ? (
            <Row gutter={8}>
              <Col xs={24} md={12}>
                <Form.Item label="Đơn vị gốc" htmlFor="explore-root-unit" tooltip="Để trống: mọi đơn vị trong phạm vi của bạn.">
                  <UnitTreeSelect
                    id="explore-root-unit"
                    value={panel.rootUnitId ?? null}
                    onChange={(rootUnitId) => onChange({ rootUnitId })}
                    placeholder="Mọi đơn vị trong phạm vi của bạn"
                    allowClear
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="Loại đơn vị" htmlFor="explore-unit-kinds">
                  <Select
                    id="explore-unit-kinds"
                    mode="multiple"
                    allowClear
                    value={panel.kinds}
                    onChange={(kinds: PanelState['kinds']) => onChange({ kinds })}
                    placeholder="Mọi loại đơn vị"
                    options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k], title: UNIT_KIND_LABELS[k] }))}
                    maxTagCount="responsive"
                  />
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <Form.Item label="Các đơn vị" htmlFor="explore-units">
              <UnitTreeMultiSelect
                id="explore-units"
                data-testid="explore-units"
                value={panel.unitIds}
                onChange={(unitIds) => onChange({ unitIds })}
                placeholder="Chọn một hoặc nhiều đơn vị"
                unknownLabel="Đơn vị ngoài phạm vi của bạn"
              />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Form.Item
            label="Chế độ báo cáo"
            htmlFor="explore-regime"
            tooltip="Để trống: số liệu của mọi chế độ báo cáo và số liệu nhập từ nguồn khác."
          >
            <RegimePicker value={panel.regimeId} onChange={(regimeId) => onChange({ regimeId })} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Kỳ báo cáo" style={{ marginBottom: 0 }}>
        <Flex gap={8} wrap align="center">
          <Select
            id="explore-period-type"
            aria-label="Loại kỳ"
            style={{ width: 150 }}
            value={type}
            onChange={(periodType: PickablePeriodType) =>
              onChange({ periodType, ...defaultPeriodRange(periodType, options?.latestPeriods[periodType], todayInVietnam()) })
            }
            options={periodTypes.map((t) => ({ value: t, label: PERIOD_TYPE_LABELS[t], title: PERIOD_TYPE_LABELS[t] }))}
          />
          <Typography.Text>từ</Typography.Text>
          <PeriodPicker
            id="explore-from"
            label="Từ kỳ"
            type={type}
            latest={latest}
            value={panel.from}
            onChange={(from) => onChange({ from })}
          />
          <Typography.Text>đến</Typography.Text>
          <PeriodPicker id="explore-to" label="Đến kỳ" type={type} latest={latest} value={panel.to} onChange={(to) => onChange({ to })} />
          <Space.Compact>
            {RANGE_PRESETS.map((n) => (
              <Button key={n} onClick={() => preset(n)}>
                {n} kỳ gần nhất
              </Button>
            ))}
          </Space.Compact>
          <Checkbox checked={panel.samePeriodLastYear} onChange={(e) => onChange({ samePeriodLastYear: e.target.checked })}>
            Cùng kỳ năm trước
          </Checkbox>
          <Tooltip title="Giữ độ dài khoảng kỳ nhưng luôn kết thúc ở kỳ mới nhất có số liệu: khung nhìn đã lưu, ô trên bảng điều khiển và bộ số liệu công khai tự cập nhật mỗi kỳ.">
            <Checkbox checked={panel.rolling} onChange={(e) => onChange({ rolling: e.target.checked })}>
              Luôn lấy các kỳ mới nhất
            </Checkbox>
          </Tooltip>
        </Flex>
      </Form.Item>
    </Form>
  );
}

function IndicatorPicker({
  value,
  onChange,
  known,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  known: ReadonlyMap<string, KnownIndicator>;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching } = useIndicatorList({ q: q || undefined, page: 1, pageSize: 50 });
  // Names of the chosen indicators survive a new search that no longer lists them.
  const [seen, setSeen] = useState<ReadonlyMap<string, KnownIndicator>>(new Map());
  const items: Indicator[] = data?.items ?? [];
  const found = new Map(items.map((i) => [i.code, i] as const));
  const optionOf = (code: string, i: KnownIndicator | undefined) => ({
    value: code,
    label: i ? `${code} – ${i.name}` : code,
    title: i ? `${code} – ${indicatorTitle(i.name, i.unitOfMeasure)}` : code,
    unit: i?.unitOfMeasure ?? null,
    name: i?.name ?? '',
  });
  const selected = value.filter((c) => !found.has(c)).map((c) => optionOf(c, seen.get(c) ?? known.get(c)));
  const options = [...selected, ...items.map((i) => optionOf(i.code, i))];

  return (
    <Select
      id="explore-indicators"
      mode="multiple"
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      value={value}
      loading={isFetching}
      onChange={(codes: string[]) => {
        const next = new Map(seen);
        for (const c of codes) {
          const i = found.get(c);
          if (i) next.set(c, i);
        }
        setSeen(next);
        setSearch('');
        onChange(codes);
      }}
      placeholder="Tìm theo mã hoặc tên chỉ tiêu"
      options={options}
      optionRender={(o) => (
        <div>
          <Typography.Text strong>{o.value}</Typography.Text> – {o.data.name}
          {o.data.unit && <Typography.Text type="secondary"> ({o.data.unit})</Typography.Text>}
        </div>
      )}
      notFoundContent={isFetching ? 'Đang tìm…' : 'Không có chỉ tiêu phù hợp'}
      maxTagTextLength={60}
    />
  );
}

function RegimePicker({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { data, isLoading } = useRegimeList({ page: 1, pageSize: 200 });
  return (
    <Select
      id="explore-regime"
      allowClear
      showSearch={{ optionFilterProp: 'title' }}
      loading={isLoading}
      value={value}
      onChange={(id: string | undefined) => onChange(id)}
      placeholder="Mọi chế độ báo cáo"
      options={(data?.items ?? []).map((r) => ({ value: r.id, label: r.name, title: `${r.code} ${r.name}` }))}
      notFoundContent="Không có chế độ báo cáo nào"
    />
  );
}

function PeriodPicker({
  id,
  label,
  type,
  latest,
  value,
  onChange,
}: {
  id: string;
  label: string;
  type: PickablePeriodType;
  latest: string | undefined;
  value: string | undefined;
  onChange: (code: string | undefined) => void;
}) {
  const key = value ? parsePeriodCode(value) : null;
  if (type === 'month' || type === 'quarter' || type === 'year') {
    const { picker, format } = DATE_PICKERS[type];
    const date =
      key && key.type === type
        ? dayjs(new Date(key.year, type === 'month' ? key.index - 1 : type === 'quarter' ? (key.index - 1) * 3 : 0, 1))
        : null;
    return (
      <DatePicker
        id={id}
        aria-label={label}
        picker={picker}
        format={format}
        value={date}
        allowClear={false}
        style={{ width: 150 }}
        onChange={(d: Dayjs | null) => onChange(d ? periodCode(periodOfDay(type, d.format('YYYY-MM-DD'))) : undefined)}
      />
    );
  }
  // Half years and nine months have no calendar picker: the recent ones are listed.
  const last = (latest && parsePeriodCode(latest)) || periodOfDay(type, todayInVietnam());
  const list = periodsEndingWith(last.type === type ? last : periodOfDay(type, todayInVietnam()), 20).reverse();
  return (
    <Select
      id={id}
      aria-label={label}
      style={{ width: 190 }}
      value={value}
      onChange={(code: string) => onChange(code)}
      options={list.map((k) => ({ value: periodCode(k), label: periodLabel(k) }))}
    />
  );
}

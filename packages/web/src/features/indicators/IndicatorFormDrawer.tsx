import { App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import {
  AGGREGATIONS,
  AGGREGATION_LABELS,
  PERIODICITIES,
  PERIODICITY_LABELS,
  PRICE_BASES,
  PRICE_BASIS_LABELS,
  VALUE_TYPES,
  VALUE_TYPE_LABELS,
  type Indicator,
} from '@baocao/core';
import { useCatalogNames } from '../../api/catalogs.ts';
import { useIndicatorMutation, useIndicatorSets } from '../../api/indicators.ts';
import { applyApiError } from '../../shared/formErrors.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../shared/dates.ts';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect.tsx';
import type { Dayjs } from 'dayjs';

const FIELDS = [
  'code',
  'name',
  'fieldGroup',
  'unitOfMeasure',
  'definition',
  'calculationMethod',
  'valueType',
  'aggregation',
  'weightIndicatorCode',
  'disaggregations',
  'periodicities',
  'ownerUnitId',
  'higherCode',
  'legalBasis',
  'priceBasis',
  'baseYear',
  'validFrom',
  'validTo',
  'setCodes',
] as const;

type Values = Omit<Partial<Indicator>, 'validFrom' | 'validTo'> & { validFrom?: Dayjs | null; validTo?: Dayjs | null; setCodes?: string[] };

export function IndicatorFormDrawer({ indicator, onClose }: { indicator: Indicator | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useIndicatorMutation();
  const sets = useIndicatorSets();
  const catalogs = useCatalogNames();
  const initial: Values = indicator
    ? { ...indicator, validFrom: fromIsoDate(indicator.validFrom), validTo: fromIsoDate(indicator.validTo) }
    : { valueType: 'number', aggregation: 'sum', disaggregations: [], periodicities: [] };

  const submit = async (v: Values) => {
    const common = {
      name: v.name ?? '',
      fieldGroup: v.fieldGroup ?? null,
      unitOfMeasure: v.unitOfMeasure ?? null,
      definition: v.definition ?? null,
      calculationMethod: v.calculationMethod ?? null,
      valueType: v.valueType ?? 'number',
      aggregation: v.aggregation ?? 'sum',
      weightIndicatorCode: v.weightIndicatorCode ?? null,
      disaggregations: v.disaggregations ?? [],
      periodicities: v.periodicities ?? [],
      ownerUnitId: v.ownerUnitId ?? null,
      higherCode: v.higherCode ?? null,
      legalBasis: v.legalBasis ?? null,
      priceBasis: v.priceBasis ?? null,
      baseYear: v.baseYear ?? null,
      validFrom: toIsoDate(v.validFrom) ?? null,
      validTo: toIsoDate(v.validTo) ?? null,
    };
    try {
      if (indicator) await mutation.mutateAsync({ kind: 'update', id: indicator.id, body: { ...common, version: indicator.version } });
      else
        await mutation.mutateAsync({
          kind: 'create',
          body: { ...common, code: v.code ?? '', setCodes: v.setCodes ?? [], coordinatingUnitIds: [] },
        });
      message.success(indicator ? 'Đã lưu chỉ tiêu.' : 'Đã thêm chỉ tiêu.');
      onClose();
    } catch (e) {
      const rest = applyApiError(form, e, FIELDS, { DUPLICATE_CODE: 'code' });
      if (rest) message.error(rest);
    }
  };

  return (
    <Drawer
      open
      size={760}
      title={indicator ? `Sửa chỉ tiêu ${indicator.code}` : 'Thêm chỉ tiêu'}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            Lưu
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="indicator-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label="Mã số" rules={[{ required: true, message: 'Không được để trống.' }]}>
              <Input disabled={!!indicator} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label="Tên chỉ tiêu" rules={[{ required: true, whitespace: true, message: 'Không được để trống.' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fieldGroup" label="Nhóm, lĩnh vực">
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitOfMeasure" label="Đơn vị tính">
              <Input placeholder="VD: Tỷ đồng, %, Người" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="definition" label="Khái niệm, định nghĩa">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="calculationMethod" label="Phương pháp tính">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="valueType" label="Kiểu giá trị">
              <Select options={VALUE_TYPES.map((v) => ({ value: v, label: VALUE_TYPE_LABELS[v] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="aggregation" label="Cách tổng hợp">
              <Select options={AGGREGATIONS.map((v) => ({ value: v, label: AGGREGATION_LABELS[v] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="weightIndicatorCode" label="Chỉ tiêu quyền số">
              <Input placeholder="Khi bình quân gia quyền" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="disaggregations" label="Phân tổ chủ yếu">
              <Select
                mode="multiple"
                placeholder="Chọn danh mục phân tổ, VD: Giới tính"
                options={catalogs.options}
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="periodicities" label="Kỳ công bố">
              <Select mode="multiple" options={PERIODICITIES.map((v) => ({ value: v, label: PERIODICITY_LABELS[v] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ownerUnitId" label="Cơ quan chủ trì">
              <UnitTreeSelect allowClear />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="higherCode" label="Mã ở hệ thống cấp trên">
              <Input placeholder="VD: mã theo QĐ 293/QĐ-TTg" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="legalBasis" label="Căn cứ pháp lý">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priceBasis" label="Loại giá">
              <Select allowClear options={PRICE_BASES.map((v) => ({ value: v, label: PRICE_BASIS_LABELS[v] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="baseYear" label="Năm gốc so sánh">
              <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8} />
          <Col span={8}>
            <Form.Item name="validFrom" label="Hiệu lực từ ngày">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="validTo" label="Đến ngày">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {!indicator && (
            <Col span={24}>
              <Form.Item name="setCodes" label="Thuộc bộ chỉ tiêu">
                <Select mode="multiple" options={(sets.data ?? []).map((s) => ({ value: s.code, label: s.name }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Drawer>
  );
}

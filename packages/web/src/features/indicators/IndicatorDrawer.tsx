import { Button, Descriptions, Drawer, Spin, Tag, Typography } from 'antd';
import { AGGREGATION_LABELS, PERIODICITY_LABELS, PRICE_BASIS_LABELS, VALUE_TYPE_LABELS, type Indicator } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useCatalogNames } from '../../api/catalogs.ts';
import { useIndicator, useIndicatorSets } from '../../api/indicators.ts';
import { useUnitList } from '../../api/units.ts';
import { showIsoDate } from '../../shared/dates.ts';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** Every field of the indicator catalogue (LEGAL.md R21), with Vietnamese labels. */
export function IndicatorDrawer({ id, onClose, onEdit }: { id: string; onClose: () => void; onEdit: (i: Indicator) => void }) {
  const { data: i, error, isLoading } = useIndicator(id);
  const units = useUnitList(true);
  const catalogs = useCatalogNames();
  const sets = useIndicatorSets();
  const unitName = (uid: string) => units.data?.find((u) => u.id === uid)?.name ?? uid;
  return (
    <Drawer
      open
      size={720}
      onClose={onClose}
      title={i ? `${i.code} – ${i.name}` : 'Chỉ tiêu'}
      extra={i?.canManage && <Button onClick={() => onEdit(i)}>Sửa</Button>}
      data-testid="indicator-drawer"
    >
      {isLoading && <Spin />}
      {error && <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>}
      {i && (
        <Descriptions column={1} bordered size="small" styles={{ label: { width: 220 } }}>
          <Descriptions.Item label="Mã số">{i.code}</Descriptions.Item>
          <Descriptions.Item label="Tên chỉ tiêu">{i.name}</Descriptions.Item>
          <Descriptions.Item label="Nhóm, lĩnh vực">{dash(i.fieldGroup)}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị tính">{dash(i.unitOfMeasure)}</Descriptions.Item>
          <Descriptions.Item label="Khái niệm, định nghĩa">
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{dash(i.definition)}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="Phương pháp tính">
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{dash(i.calculationMethod)}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="Kiểu giá trị">{VALUE_TYPE_LABELS[i.valueType]}</Descriptions.Item>
          <Descriptions.Item label="Cách tổng hợp">
            {AGGREGATION_LABELS[i.aggregation]}
            {i.weightIndicatorCode ? ` (quyền số: ${i.weightIndicatorCode})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Phân tổ chủ yếu">
            {i.disaggregations.length ? i.disaggregations.map((d) => <Tag key={d}>{catalogs.name(d)}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Kỳ công bố">{i.periodicities.map((p) => PERIODICITY_LABELS[p]).join(', ') || '—'}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan chủ trì">{dash(i.ownerUnitName)}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan phối hợp, đối chiếu">{i.coordinatingUnitIds.map(unitName).join('; ') || '—'}</Descriptions.Item>
          <Descriptions.Item label="Mã ở hệ thống cấp trên">{dash(i.higherCode)}</Descriptions.Item>
          <Descriptions.Item label="Căn cứ pháp lý">{dash(i.legalBasis)}</Descriptions.Item>
          <Descriptions.Item label="Loại giá">{i.priceBasis ? PRICE_BASIS_LABELS[i.priceBasis] : '—'}</Descriptions.Item>
          <Descriptions.Item label="Năm gốc so sánh">{dash(i.baseYear)}</Descriptions.Item>
          <Descriptions.Item label="Hiệu lực">
            {i.validFrom || i.validTo ? `Từ ${showIsoDate(i.validFrom)} đến ${showIsoDate(i.validTo)}` : 'Không giới hạn'}{' '}
            {!i.active && <Tag>Hết hiệu lực</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="Thuộc bộ chỉ tiêu">
            {i.sets.length ? i.sets.map((s) => <Tag key={s}>{sets.data?.find((x) => x.code === s)?.name ?? s}</Tag>) : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}

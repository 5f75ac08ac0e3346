import { Flex, Select } from 'antd';
import { useCatalog, useCatalogList } from '../../../api/catalogs.ts';
import { useIndicatorList } from '../../../api/indicators.ts';

type Disaggregation = Record<string, string> | undefined;

/**
 * Phân tổ of a row: for each disaggregation catalog of the linked indicator (sex, urban/rural…),
 * the category this row reports, e.g. "Dân số trung bình" × Giới tính = Nữ.
 */
export function DisaggregationPicker({
  indicatorCode,
  value,
  onChange,
  disabled,
}: {
  indicatorCode: string;
  value: Disaggregation;
  onChange: (next: Disaggregation) => void;
  disabled?: boolean;
}) {
  const indicators = useIndicatorList({ q: indicatorCode, page: 1, pageSize: 10 });
  const catalogs = useCatalogList({ page: 1, pageSize: 200 });
  const indicator = indicators.data?.items.find((i) => i.code === indicatorCode);
  if (!indicator || indicator.disaggregations.length === 0) return null;
  const set = (catalogCode: string, itemCode: string | undefined) => {
    const next = { ...value };
    if (itemCode) next[catalogCode] = itemCode;
    else delete next[catalogCode];
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <Flex gap={12} wrap align="center" style={{ marginTop: 6 }}>
      <span className="tree-sub-label">Phân tổ</span>
      {indicator.disaggregations.map((code) => {
        const catalog = catalogs.data?.items.find((c) => c.code === code);
        return (
          <CatalogItemSelect
            key={code}
            catalogId={catalog?.id ?? null}
            label={catalog?.name ?? code}
            value={value?.[code]}
            onChange={(item) => set(code, item)}
            disabled={disabled}
          />
        );
      })}
    </Flex>
  );
}

function CatalogItemSelect({
  catalogId,
  label,
  value,
  onChange,
  disabled,
}: {
  catalogId: string | null;
  label: string;
  value: string | undefined;
  onChange: (itemCode: string | undefined) => void;
  disabled?: boolean;
}) {
  const { data, isLoading } = useCatalog(catalogId);
  const options = (data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.code, label: i.name }));
  return (
    <Select
      aria-label={`Phân tổ theo ${label}`}
      allowClear
      disabled={disabled}
      loading={isLoading}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      options={options}
      placeholder={`${label}: tất cả`}
      style={{ minWidth: 200 }}
      popupMatchSelectWidth={false}
    />
  );
}

import { useState } from 'react';
import { Select } from 'antd';
import { useIndicatorList } from '../../../api/indicators.ts';
import { useDebounced } from '../../../shared/useDebounced.ts';

/** Links a row to an indicator of the library (kho chỉ tiêu); searches the server as you type. */
export function IndicatorSelect({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange: (code: string | undefined) => void;
  id?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching, isError } = useIndicatorList({ q: q || undefined, page: 1, pageSize: 20 });
  const options = (data?.items ?? []).map((i) => ({
    value: i.code,
    label: `${i.code} – ${i.name}${i.unitOfMeasure ? ` (${i.unitOfMeasure})` : ''}`,
  }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      loading={isFetching}
      placeholder="Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)"
      notFoundContent={isError ? 'Chưa tải được kho chỉ tiêu.' : 'Không có chỉ tiêu phù hợp.'}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import { useIndicatorList } from '../../../api/indicators.ts';
import { useDebounced } from '../../../shared/useDebounced.ts';
import { indicatorLabel, type IndicatorName, type IndicatorNames } from './model.ts';

/**
 * Indicators of the library (kho chỉ tiêu) picked by searching their code or name, shown "mã – tên".
 * The options hold only the latest search's indicators: `known` names the ones picked earlier, and
 * `onSeen` (a stable callback) learns the names of every indicator found, so that they stay named once picked.
 */
export function IndicatorMultiSelect({
  id,
  value,
  onChange,
  known,
  onSeen,
  status,
}: {
  id?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  known: IndicatorNames;
  onSeen: (found: (IndicatorName & { id: string })[]) => void;
  status?: 'error';
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useIndicatorList({ q: q || undefined, page: 1, pageSize: 50 });
  const items = found.data?.items;
  useEffect(() => {
    if (items?.length) onSeen(items.map((i) => ({ id: i.id, code: i.code, name: i.name })));
  }, [items, onSeen]);

  const options = useMemo(() => {
    const listed = new Set((items ?? []).map((i) => i.id));
    const picked = value
      .filter((v) => !listed.has(v))
      .map((v) => ({ value: v, label: known[v] ? indicatorLabel(known[v]) : 'Chỉ tiêu không xem được' }));
    return [...picked, ...(items ?? []).map((i) => ({ value: i.id, label: indicatorLabel(i) }))];
  }, [items, value, known]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={found.isFetching}
      showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
      notFoundContent={found.isFetching ? <Spin size="small" /> : 'Không có chỉ tiêu phù hợp.'}
      placeholder="Tìm chỉ tiêu theo mã hoặc tên (gõ có dấu hoặc không dấu)"
      status={status}
      data-testid="regime-indicators"
    />
  );
}

import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { matchesSearch, type Unit } from '@baocao/core';
import { type UnitSource, useUnitList } from '../api/units.ts';
import { buildUnitTree, type UnitNode } from './unitTree.ts';

export interface UnitOption {
  value: string;
  title: string;
  searchText: string;
  disabled?: boolean;
  children: UnitOption[];
}

/** Tree options for antd's TreeSelect, searchable by name, short name and codes. */
export function unitTreeOptions(nodes: UnitNode[], isDisabled: (u: Unit) => boolean): UnitOption[] {
  return nodes.map(({ unit, children }) => ({
    value: unit.id,
    title: unit.active ? unit.name : `${unit.name} (ngừng hoạt động)`,
    searchText: [unit.name, unit.shortName, unit.agencyCode, unit.adminCode].filter(Boolean).join(' '),
    disabled: isDisabled(unit),
    children: unitTreeOptions(children, isDisabled),
  }));
}

export interface UnitTreeSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  includeInactive?: boolean;
  /** Units that cannot be picked (still shown, so the tree stays whole). */
  disabledIds?: ReadonlySet<string>;
  /** Only units the caller manages can be picked. */
  manageableOnly?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
  /** Pick from the whole directory of active units instead of the units in the caller's scope. */
  source?: UnitSource;
}

/** Picks one unit in the tree of units the caller may see; search works with or without diacritics. */
export function UnitTreeSelect({
  id,
  value,
  onChange,
  placeholder = 'Chọn đơn vị',
  allowClear,
  includeInactive = false,
  disabledIds,
  manageableOnly,
  style,
  'data-testid': testId,
  source = 'scope',
}: UnitTreeSelectProps) {
  const { data: units = [], isLoading } = useUnitList(includeInactive, source);
  const treeData = useMemo(
    () =>
      unitTreeOptions(
        buildUnitTree(units),
        (u) => !!disabledIds?.has(u.id) || (!!manageableOnly && !u.canManage) || (!includeInactive && !u.active),
      ),
    [units, disabledIds, manageableOnly, includeInactive],
  );
  return (
    <TreeSelect<string>
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={isLoading}
      style={{ width: '100%', ...style }}
      treeDefaultExpandedKeys={treeData.map((o) => o.value)}
      showSearch={{
        filterTreeNode: (input, node) => matchesSearch((node as unknown as UnitOption).searchText ?? '', input),
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 560 } } }}
      listHeight={360}
      notFoundContent="Không có đơn vị phù hợp"
    />
  );
}

import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { matchesSearch } from '@baocao/core';
import { type UnitSource, useUnitList } from '../../api/units.ts';
import { type UnitOption, unitTreeOptions } from '../../shared/UnitTreeSelect.tsx';
import { buildUnitTree, type UnitNode } from '../../shared/unitTree.ts';

function findNode(nodes: UnitNode[], id: string): UnitNode | null {
  for (const n of nodes) {
    if (n.unit.id === id) return n;
    const found = findNode(n.children, id);
    if (found) return found;
  }
  return null;
}

export interface UnitTreeMultiSelectProps {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  /** Only the units below this one can be picked (the tree shown starts at its children). */
  withinUnitId?: string;
  status?: 'error';
  'aria-label'?: string;
  'data-testid'?: string;
  /** Pick from the whole directory of active units instead of the units in the caller's scope. */
  source?: UnitSource;
  /** Shown for a chosen id missing from the list (e.g. a shared query naming a unit outside the caller's scope). */
  unknownLabel?: string;
}

/**
 * Picks several units in the tree of units the caller may see. Each unit is checked on its own (a
 * parent does not bring its children along): the list is explicit.
 */
export function UnitTreeMultiSelect({
  id,
  value = [],
  onChange,
  placeholder = 'Chọn đơn vị',
  withinUnitId,
  status,
  'aria-label': ariaLabel,
  'data-testid': testId,
  source = 'scope',
  unknownLabel,
}: UnitTreeMultiSelectProps) {
  const { data: units = [], isLoading } = useUnitList(false, source);
  const treeData = useMemo(() => {
    let roots = buildUnitTree(units.filter((u) => u.active));
    if (withinUnitId) roots = findNode(roots, withinUnitId)?.children ?? [];
    return unitTreeOptions(roots, () => false);
  }, [units, withinUnitId]);
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      aria-label={ariaLabel}
      status={status}
      multiple
      treeCheckable
      treeCheckStrictly
      value={value.map((v) => ({ value: v, label: names.get(v) ?? (isLoading ? v : (unknownLabel ?? v)) }))}
      onChange={(vs: { value: string }[] | undefined) => onChange?.((vs ?? []).map((v) => v.value))}
      treeData={treeData}
      placeholder={placeholder}
      loading={isLoading}
      style={{ width: '100%' }}
      treeDefaultExpandedKeys={treeData.map((o) => o.value)}
      showSearch={{
        filterTreeNode: (input, node) => matchesSearch((node as unknown as UnitOption).searchText ?? '', input),
      }}
      maxTagCount="responsive"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 640 } } }}
      listHeight={400}
      notFoundContent={withinUnitId ? 'Đơn vị chưa có đơn vị trực thuộc nào.' : 'Không có đơn vị phù hợp'}
    />
  );
}

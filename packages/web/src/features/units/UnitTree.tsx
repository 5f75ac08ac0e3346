import { useEffect, useMemo, useRef, useState } from 'react';
import { Empty, Tag, Tree, Tooltip, type GetRef } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { UNIT_KIND_LABELS, type Unit } from '@baocao/core';
import { ancestorIds, buildUnitTree, filterUnitTree, unitsById, type UnitNode } from '../../shared/unitTree.ts';
import { UNIT_KIND_COLORS, UNIT_KIND_SHORT } from './labels.ts';

interface Props {
  units: Unit[];
  search: string;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  height: number;
}

interface UnitDataNode extends DataNode {
  key: string;
  unit: Unit;
  children: UnitDataNode[];
}

function toData(nodes: UnitNode[]): UnitDataNode[] {
  return nodes.map(({ unit, children }) => ({ key: unit.id, unit, children: toData(children) }));
}

function UnitTitle({ unit, match }: { unit: Unit; match: boolean }) {
  const code = unit.agencyCode ?? unit.adminCode;
  return (
    <span className="unit-tree-title" data-unit-id={unit.id}>
      <span
        className={['unit-tree-name', unit.active ? '' : 'unit-tree-inactive', match ? 'unit-tree-match' : ''].join(' ')}
        title={unit.name}
      >
        {unit.name}
      </span>
      <Tooltip title={UNIT_KIND_LABELS[unit.kind]}>
        <Tag color={UNIT_KIND_COLORS[unit.kind]} bordered={false}>
          {UNIT_KIND_SHORT[unit.kind]}
        </Tag>
      </Tooltip>
      {code && <span className="unit-code">{code}</span>}
      {!unit.active && <Tag color="default">Ngừng hoạt động</Tag>}
    </span>
  );
}

/** The unit tree, virtualised; a search keeps the matches and their ancestors, expanded. */
export function UnitTree({ units, search, selectedId, onSelect, height }: Props) {
  const roots = useMemo(() => buildUnitTree(units), [units]);
  const filtered = useMemo(() => (search.trim() ? filterUnitTree(roots, search) : null), [roots, search]);
  const treeData = useMemo(() => toData(filtered ? filtered.roots : roots), [filtered, roots]);

  const [expanded, setExpanded] = useState<string[]>([]);
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  // Default: roots open. While searching: every ancestor of a match open.
  useEffect(() => {
    if (filtered) setExpanded(filtered.expanded);
    else setExpanded((current) => (current.length ? current : roots.map((r) => r.unit.id)));
  }, [filtered, roots]);

  // Open the way down to the selected unit (e.g. when it came from the address bar).
  useEffect(() => {
    if (!selectedId) return;
    const path = ancestorIds(unitsById(units), selectedId);
    if (path.length) setExpanded((current) => [...new Set([...current, ...path])]);
    // Once the path is open, bring the unit into view (the tree is virtual).
    const timer = setTimeout(() => treeRef.current?.scrollTo({ key: selectedId, align: 'auto' }), 50);
    return () => clearTimeout(timer);
  }, [selectedId, units]);

  if (treeData.length === 0) {
    return <Empty description={search ? 'Không tìm thấy đơn vị phù hợp.' : 'Chưa có đơn vị nào.'} />;
  }

  return (
    <div data-testid="unit-tree">
      <Tree<UnitDataNode>
        ref={treeRef}
        treeData={treeData}
        height={height}
        virtual
        blockNode
        showLine={{ showLeafIcon: false }}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys as string[])}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_, info) => onSelect(info.node.key)}
        titleRender={(node) => <UnitTitle unit={node.unit} match={!!filtered?.matched.has(node.unit.id)} />}
      />
    </div>
  );
}

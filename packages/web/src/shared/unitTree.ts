import { compareVietnamese, matchesSearch, type Unit } from '@baocao/core';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

export function compareUnits(a: Unit, b: Unit): number {
  return a.sortOrder - b.sortOrder || compareVietnamese(a.name, b.name);
}

/** Builds the forest of the units the caller sees: a unit whose parent is not in the list is a root. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export function unitsById(units: readonly Unit[]): Map<string, Unit> {
  return new Map(units.map((u) => [u.id, u]));
}

/** Ids of the unit's ancestors that are in the list, nearest last. */
export function ancestorIds(byId: Map<string, Unit>, id: string): string[] {
  const result: string[] = [];
  const seen = new Set<string>([id]);
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId && byId.has(parentId) && !seen.has(parentId)) {
    seen.add(parentId);
    result.unshift(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return result;
}

/** The unit and all units below it. */
export function subtreeIds(units: readonly Unit[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const result = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const current = stack.pop()!;
    if (result.has(current)) continue;
    result.add(current);
    stack.push(...(children.get(current) ?? []));
  }
  return result;
}

export function unitMatches(unit: Unit, query: string): boolean {
  return (
    matchesSearch(unit.name, query) ||
    (!!unit.shortName && matchesSearch(unit.shortName, query)) ||
    (!!unit.agencyCode && matchesSearch(unit.agencyCode, query)) ||
    (!!unit.adminCode && matchesSearch(unit.adminCode, query))
  );
}

/**
 * Keeps the units that match and their ancestors; returns the filtered forest, the ids that match
 * and the ids to expand so every match is visible.
 */
export function filterUnitTree(roots: UnitNode[], query: string): { roots: UnitNode[]; matched: Set<string>; expanded: string[] } {
  const matched = new Set<string>();
  const expanded = new Set<string>();
  const visit = (node: UnitNode): UnitNode | null => {
    const children = node.children.map(visit).filter((n): n is UnitNode => n !== null);
    const isMatch = unitMatches(node.unit, query);
    if (isMatch) matched.add(node.unit.id);
    if (children.length) expanded.add(node.unit.id);
    if (!isMatch && !children.length) return null;
    return { unit: node.unit, children };
  };
  return {
    roots: roots.map(visit).filter((n): n is UnitNode => n !== null),
    matched,
    expanded: [...expanded],
  };
}

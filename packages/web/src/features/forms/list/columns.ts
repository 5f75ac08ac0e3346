import { listLeafColumns, type ListColumn, type ListColumnNode, type ListForm } from '@baocao/core';

/** Paths are those of listLeafColumns: ["columns", 2] or ["columns", 1, "children", 0]. */
type NodePath = (string | number)[];

function indices(path: NodePath): number[] {
  return path.filter((p): p is number => typeof p === 'number');
}

/** A copy of the column tree with `fn` applied to the sibling list holding the node at `path`. */
function withSiblings(
  columns: ListColumnNode[],
  idx: number[],
  fn: (siblings: ListColumnNode[], i: number) => ListColumnNode[],
): ListColumnNode[] {
  const [head, ...rest] = idx;
  if (head === undefined) return columns;
  if (rest.length === 0) return fn([...columns], head);
  return columns.map((node, i) =>
    i === head && node.kind === 'group' ? { ...node, children: withSiblings(node.children, rest, fn) } : node,
  );
}

export function updateColumn(def: ListForm, path: NodePath, patch: Partial<ListColumn>): ListForm {
  const old = listLeafColumns(def).find((l) => l.path.join('.') === path.join('.'))?.column;
  const columns = withSiblings(def.columns, indices(path), (s, i) => {
    s[i] = { ...(s[i] as ListColumn), ...patch };
    return s;
  });
  let totalColumns = def.totalColumns;
  if (old && patch.code !== undefined && patch.code !== old.code)
    totalColumns = totalColumns.map((c) => (c === old.code ? patch.code! : c));
  return { ...def, columns, totalColumns };
}

export function removeColumn(def: ListForm, path: NodePath): ListForm {
  const old = listLeafColumns(def).find((l) => l.path.join('.') === path.join('.'))?.column;
  const columns = withSiblings(def.columns, indices(path), (s, i) => s.filter((_, j) => j !== i));
  return { ...def, columns, totalColumns: def.totalColumns.filter((c) => c !== old?.code) };
}

export function moveColumn(def: ListForm, path: NodePath, delta: -1 | 1): ListForm {
  const columns = withSiblings(def.columns, indices(path), (s, i) => {
    const j = i + delta;
    if (j < 0 || j >= s.length) return s;
    [s[i], s[j]] = [s[j]!, s[i]!];
    return s;
  });
  return { ...def, columns };
}

export function canMove(def: ListForm, path: NodePath, delta: -1 | 1): boolean {
  const idx = indices(path);
  let siblings: ListColumnNode[] = def.columns;
  for (const i of idx.slice(0, -1)) {
    const node = siblings[i];
    if (node?.kind !== 'group') return false;
    siblings = node.children;
  }
  const j = idx[idx.length - 1]! + delta;
  return j >= 0 && j < siblings.length;
}

/** C1, C2, …: the first code not yet taken. */
export function nextCode(def: ListForm): string {
  const taken = new Set(listLeafColumns(def).map((l) => l.column.code));
  let n = taken.size + 1;
  for (let i = 1; i <= n; i++) if (!taken.has(`C${i}`)) return `C${i}`;
  while (taken.has(`C${n}`)) n++;
  return `C${n}`;
}

export function addColumn(def: ListForm): ListForm {
  const column: ListColumn = { code: nextCode(def), name: '', type: 'text', kind: 'input', checks: [] };
  return { ...def, columns: [...def.columns, column] };
}

export const NUMERIC_TYPES: readonly ListColumn['type'][] = ['number', 'integer', 'percent'];

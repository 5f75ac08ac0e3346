/**
 * Immutable operations on the designer's trees (rows, and columns with groups), addressed by index
 * paths: [2, 0] is the first child of the third top-level node. Pure functions, unit-testable.
 */
export type Path = number[];

export interface TreeAdapter<T> {
  /** The node's children, or undefined when it cannot have any (a leaf column). */
  kids(node: T): T[] | undefined;
  setKids(node: T, kids: T[]): T;
}

export interface FlatNode<T> {
  node: T;
  path: Path;
  level: number;
}

export const pathKey = (p: Path) => p.join('.');
export const parsePathKey = (k: string): Path => (k === '' ? [] : k.split('.').map(Number));

export function flatten<T>(roots: T[], a: TreeAdapter<T>): FlatNode<T>[] {
  const out: FlatNode<T>[] = [];
  const visit = (list: T[], prefix: Path) =>
    list.forEach((node, i) => {
      const path = [...prefix, i];
      out.push({ node, path, level: prefix.length });
      const kids = a.kids(node);
      if (kids) visit(kids, path);
    });
  visit(roots, []);
  return out;
}

export function nodeAt<T>(roots: T[], path: Path, a: TreeAdapter<T>): T | undefined {
  let list: T[] | undefined = roots;
  let node: T | undefined;
  for (const i of path) {
    node = list?.[i];
    if (node === undefined) return undefined;
    list = a.kids(node);
  }
  return node;
}

/** Replaces the list of children under `parent` ([] = the roots). */
export function updateList<T>(roots: T[], parent: Path, a: TreeAdapter<T>, fn: (list: T[]) => T[]): T[] {
  if (parent.length === 0) return fn(roots);
  const [head, ...rest] = parent;
  return roots.map((n, i) => (i === head ? a.setKids(n, updateList(a.kids(n) ?? [], rest, a, fn)) : n));
}

export function updateNode<T>(roots: T[], path: Path, a: TreeAdapter<T>, fn: (node: T) => T): T[] {
  const parent = path.slice(0, -1);
  const idx = path[path.length - 1]!;
  return updateList(roots, parent, a, (list) => list.map((n, i) => (i === idx ? fn(n) : n)));
}

export function insertAt<T>(roots: T[], parent: Path, index: number, node: T, a: TreeAdapter<T>): T[] {
  return updateList(roots, parent, a, (list) => [...list.slice(0, index), node, ...list.slice(index)]);
}

export function removeAt<T>(roots: T[], path: Path, a: TreeAdapter<T>): T[] {
  const idx = path[path.length - 1]!;
  return updateList(roots, path.slice(0, -1), a, (list) => list.filter((_, i) => i !== idx));
}

export type TreeResult<T> = { roots: T[]; path: Path };

export function moveSibling<T>(roots: T[], path: Path, delta: -1 | 1, a: TreeAdapter<T>): TreeResult<T> {
  const parent = path.slice(0, -1);
  const idx = path[path.length - 1]!;
  let ok = false;
  const next = updateList(roots, parent, a, (list) => {
    const j = idx + delta;
    if (j < 0 || j >= list.length) return list;
    ok = true;
    const copy = [...list];
    [copy[idx], copy[j]] = [copy[j]!, copy[idx]!];
    return copy;
  });
  return ok ? { roots: next, path: [...parent, idx + delta] } : { roots, path };
}

/** Makes the node the last child of its previous sibling (when that sibling can have children). */
export function indent<T>(roots: T[], path: Path, a: TreeAdapter<T>): TreeResult<T> {
  const idx = path[path.length - 1]!;
  if (idx === 0) return { roots, path };
  const parent = path.slice(0, -1);
  const prevPath = [...parent, idx - 1];
  const prev = nodeAt(roots, prevPath, a);
  const node = nodeAt(roots, path, a);
  const prevKids = prev === undefined ? undefined : a.kids(prev);
  if (!prevKids || node === undefined) return { roots, path };
  const without = removeAt(roots, path, a);
  return { roots: insertAt(without, prevPath, prevKids.length, node, a), path: [...prevPath, prevKids.length] };
}

/** Makes the node the next sibling of its parent. */
export function outdent<T>(roots: T[], path: Path, a: TreeAdapter<T>): TreeResult<T> {
  if (path.length < 2) return { roots, path };
  const node = nodeAt(roots, path, a);
  if (node === undefined) return { roots, path };
  const parentPath = path.slice(0, -1);
  const grand = parentPath.slice(0, -1);
  const at = parentPath[parentPath.length - 1]! + 1;
  const without = removeAt(roots, path, a);
  return { roots: insertAt(without, grand, at, node, a), path: [...grand, at] };
}

const isPrefix = (p: Path, of: Path) => p.length <= of.length && p.every((v, i) => of[i] === v);

/** Drag and drop: puts the node before or after the target, or inside it (as the last child). */
export function moveTo<T>(roots: T[], from: Path, target: Path, where: 'before' | 'after' | 'inside', a: TreeAdapter<T>): TreeResult<T> {
  if (isPrefix(from, target)) return { roots, path: from };
  const node = nodeAt(roots, from, a);
  if (node === undefined) return { roots, path: from };
  const t = [...target];
  const L = from.length - 1;
  if (t.length > L && from.slice(0, L).every((v, i) => t[i] === v) && t[L]! > from[L]!) t[L]! -= 1;
  const without = removeAt(roots, from, a);
  if (where === 'inside') {
    const tn = nodeAt(without, t, a);
    const kids = tn === undefined ? undefined : a.kids(tn);
    if (!kids) return { roots, path: from };
    return { roots: insertAt(without, t, kids.length, node, a), path: [...t, kids.length] };
  }
  const parent = t.slice(0, -1);
  const at = t[t.length - 1]! + (where === 'after' ? 1 : 0);
  return { roots: insertAt(without, parent, at, node, a), path: [...parent, at] };
}

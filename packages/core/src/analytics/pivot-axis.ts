import type { PivotDimension, PivotHeader } from '../api/analytics.ts';

export interface PivotMember {
  key: string;
  label: string;
}

/** The last label of a sub-total header, and the only label of the grand total. */
export const SUBTOTAL_LABEL = 'Cộng';
export const TOTAL_LABEL = 'Tổng cộng';

/**
 * One axis (rows or columns) of a pivot: its headers in display order and, for each header, what it
 * is made of — a leaf (one combination of members found in the facts) or earlier headers of the same
 * axis. A parent is always listed after its children, so a single pass in order can fold the
 * partials upwards: sub-totals merge the groups they close, never the facts again.
 */
export interface PivotAxis {
  headers: PivotHeader[];
  /** For each header: the leaf it shows, or -1 for a sub-total / total. */
  leafOf: number[];
  /** For each header: the header indices it merges (empty for a leaf header). */
  childrenOf: number[][];
  /** Number of leaves (distinct member combinations). */
  leafCount: number;
}

const SEPARATOR = '\u001f';

/** Extends a map key made of member keys (joined by a control character no member key contains). */
export function appendKey(prefix: string, key: string): string {
  return prefix + SEPARATOR + key;
}

type MemberOrder = Map<string, number>;

function orderOf(members: readonly PivotMember[] | undefined): MemberOrder {
  const order: MemberOrder = new Map();
  for (const m of members ?? []) if (!order.has(m.key)) order.set(m.key, order.size);
  return order;
}

/** Listed members first in their order, then the others by key (a plain code-unit order, deterministic). */
function compareMembers(order: MemberOrder, a: string, b: string): number {
  const ia = order.get(a);
  const ib = order.get(b);
  if (ia !== undefined && ib !== undefined) return ia - ib;
  if (ia !== undefined) return -1;
  if (ib !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds an axis from the member combinations found in the facts (`leaves[i]` = the keys of leaf i,
 * outermost dimension first).
 */
export function buildAxis(
  dimensions: readonly PivotDimension[],
  leaves: readonly (readonly string[])[],
  members: Partial<Record<PivotDimension, readonly PivotMember[]>>,
): PivotAxis {
  const axis: PivotAxis = { headers: [], leafOf: [], childrenOf: [], leafCount: leaves.length };
  const push = (header: PivotHeader, leaf: number, children: number[]) => {
    axis.headers.push(header);
    axis.leafOf.push(leaf);
    axis.childrenOf.push(children);
    return axis.headers.length - 1;
  };

  const n = dimensions.length;
  if (n === 0) {
    // No dimension: at most one leaf (the empty combination), shown as the grand total.
    push({ kind: 'total', keys: [], labels: [TOTAL_LABEL] }, leaves.length > 0 ? 0 : -1, []);
    return axis;
  }

  const orders = dimensions.map((d) => orderOf(members[d]));
  const labels = dimensions.map((d) => new Map((members[d] ?? []).map((m) => [m.key, m.label])));
  const labelOf = (level: number, key: string) => labels[level]!.get(key) ?? key;

  const sorted = leaves.map((_, i) => i);
  sorted.sort((a, b) => {
    const ka = leaves[a]!;
    const kb = leaves[b]!;
    for (let level = 0; level < n; level++) {
      const c = compareMembers(orders[level]!, ka[level]!, kb[level]!);
      if (c !== 0) return c;
    }
    return 0;
  });

  /** Emits the headers of a group whose leaves share their first `level` keys; returns its children headers. */
  const emitGroup = (level: number, group: readonly number[]): number[] => {
    if (level === n - 1) {
      return group.map((leaf) => {
        const keys = [...leaves[leaf]!];
        return push({ kind: 'member', keys, labels: keys.map((k, l) => labelOf(l, k)) }, leaf, []);
      });
    }
    const closed: number[] = [];
    let start = 0;
    while (start < group.length) {
      const key = leaves[group[start]!]![level]!;
      let end = start + 1;
      while (end < group.length && leaves[group[end]!]![level] === key) end++;
      const children = emitGroup(level + 1, group.slice(start, end));
      const keys = leaves[group[start]!]!.slice(0, level + 1);
      const subtotalLabels = [...keys.map((k, l) => labelOf(l, k)), SUBTOTAL_LABEL];
      closed.push(push({ kind: 'subtotal', keys, labels: subtotalLabels }, -1, children));
      start = end;
    }
    return closed;
  };

  const top = emitGroup(0, sorted);
  push({ kind: 'total', keys: [], labels: [TOTAL_LABEL] }, -1, top);
  return axis;
}

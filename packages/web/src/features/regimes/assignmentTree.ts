import { compareVietnamese, type AssignmentSummary } from '@baocao/core';

export interface AssignmentNode extends AssignmentSummary {
  children?: AssignmentNode[];
}

/** Nests the delegated assignments under the one they came from; one whose parent is not listed is a root. */
export function assignmentTree(list: readonly AssignmentSummary[]): AssignmentNode[] {
  const nodes = new Map<string, AssignmentNode>(list.map((a) => [a.id, { ...a }]));
  const roots: AssignmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentAssignmentId ? nodes.get(node.parentAssignmentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (xs: AssignmentNode[]) => {
    xs.sort((a, b) => compareVietnamese(a.unitName, b.unitName));
    for (const x of xs) if (x.children) sort(x.children);
  };
  sort(roots);
  return roots;
}

import type { OutlineSection } from '@baocao/core';

/** A section's place in the tree: indices from the top level, e.g. [1, 0] = first child of the second section. */
export type SectionPath = number[];

export function sectionAt(sections: OutlineSection[], path: SectionPath): OutlineSection | undefined {
  let list = sections;
  let node: OutlineSection | undefined;
  for (const i of path) {
    node = list[i];
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}

/** A copy of the tree with `fn` applied to the sibling list that holds `path`'s last index. */
function withSiblings(
  sections: OutlineSection[],
  path: SectionPath,
  fn: (siblings: OutlineSection[], i: number) => OutlineSection[],
): OutlineSection[] {
  const [head, ...rest] = path;
  if (head === undefined) return sections;
  if (rest.length === 0) return fn([...sections], head);
  return sections.map((s, i) => (i === head ? { ...s, children: withSiblings(s.children, rest, fn) } : s));
}

export function newSection(): OutlineSection {
  return { id: crypto.randomUUID(), title: '', required: false, children: [] };
}

export function updateSection(sections: OutlineSection[], path: SectionPath, patch: Partial<OutlineSection>): OutlineSection[] {
  return withSiblings(sections, path, (s, i) => {
    s[i] = { ...s[i]!, ...patch };
    return s;
  });
}

/** Adds a section after `path` (or at the end of the top level); returns the tree and the new path. */
export function addSibling(sections: OutlineSection[], path: SectionPath | null, section: OutlineSection): [OutlineSection[], SectionPath] {
  if (!path || path.length === 0) return [[...sections, section], [sections.length]];
  const next = withSiblings(sections, path, (s, i) => {
    s.splice(i + 1, 0, section);
    return s;
  });
  return [next, [...path.slice(0, -1), path[path.length - 1]! + 1]];
}

export function addChild(sections: OutlineSection[], path: SectionPath, section: OutlineSection): [OutlineSection[], SectionPath] {
  const parent = sectionAt(sections, path);
  if (!parent) return [sections, path];
  return [updateSection(sections, path, { children: [...parent.children, section] }), [...path, parent.children.length]];
}

export function removeSection(sections: OutlineSection[], path: SectionPath): OutlineSection[] {
  return withSiblings(sections, path, (s, i) => s.filter((_, j) => j !== i));
}

export function siblingCount(sections: OutlineSection[], path: SectionPath): number {
  return path.length <= 1 ? sections.length : (sectionAt(sections, path.slice(0, -1))?.children.length ?? 0);
}

/** Swaps the section with its previous (-1) or next (+1) sibling; returns the tree and the section's new path. */
export function moveSection(sections: OutlineSection[], path: SectionPath, delta: -1 | 1): [OutlineSection[], SectionPath] {
  const i = path[path.length - 1]!;
  const j = i + delta;
  if (j < 0 || j >= siblingCount(sections, path)) return [sections, path];
  const next = withSiblings(sections, path, (s) => {
    [s[i], s[j]] = [s[j]!, s[i]!];
    return s;
  });
  return [next, [...path.slice(0, -1), j]];
}

/** The sections in reading order with their paths and levels. */
export function flatten(sections: OutlineSection[]): { section: OutlineSection; path: SectionPath }[] {
  const out: { section: OutlineSection; path: SectionPath }[] = [];
  const visit = (list: OutlineSection[], prefix: SectionPath) =>
    list.forEach((s, i) => {
      out.push({ section: s, path: [...prefix, i] });
      visit(s.children, [...prefix, i]);
    });
  visit(sections, []);
  return out;
}

/** A definition path (["sections", 1, "children", 0, "title"]) → the section path [1, 0]. */
export function sectionPathOf(path: (string | number)[]): SectionPath | null {
  if (path[0] !== 'sections') return null;
  const out: SectionPath = [];
  for (let k = 1; k < path.length; k++) {
    const p = path[k];
    if (typeof p === 'number') out.push(p);
    else if (p !== 'children') break;
  }
  return out.length ? out : null;
}

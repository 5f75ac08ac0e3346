import type { Path } from './tree.ts';

/** Where a problem points in the designer. */
export type ProblemTarget =
  | { kind: 'general'; field: string }
  | { kind: 'row'; path: Path; field?: string }
  | { kind: 'column'; path: Path; field?: string }
  | { kind: 'constraint'; index: number; field?: string }
  | { kind: 'cells'; list: 'disabledCells' | 'cellFormulas'; index: number };

export interface DesignerProblem {
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
}

/** "rows.0.children.1.formula" or ["rows",0,…] (possibly prefixed with "body"/"definition") → a path array. */
export function normalizePath(path: string | (string | number)[]): (string | number)[] {
  const parts = typeof path === 'string' ? path.split(/[.[\]/]+/u).filter(Boolean) : [...path];
  const out = parts.map((p) => (typeof p === 'string' && /^\d+$/u.test(p) ? Number(p) : p));
  while (out.length && (out[0] === 'body' || out[0] === 'definition')) out.shift();
  return out;
}

/** ["rows", 0, "children", 1, "formula"] → the row [0, 1], field "formula". */
export function problemTarget(path: (string | number)[]): ProblemTarget {
  const [head, ...rest] = path;
  if (head === 'rows' || head === 'columns') {
    const tree: Path = [];
    let i = 0;
    while (i < rest.length && typeof rest[i] === 'number') {
      tree.push(rest[i] as number);
      if (rest[i + 1] === 'children' && typeof rest[i + 2] === 'number') i += 2;
      else {
        i += 1;
        break;
      }
    }
    const field = typeof rest[i] === 'string' ? (rest[i] as string) : undefined;
    if (tree.length === 0) return { kind: 'general', field: head };
    return { kind: head === 'rows' ? 'row' : 'column', path: tree, field };
  }
  if (head === 'constraints' && typeof rest[0] === 'number') {
    return { kind: 'constraint', index: rest[0], field: typeof rest[1] === 'string' ? rest[1] : undefined };
  }
  if ((head === 'disabledCells' || head === 'cellFormulas') && typeof rest[0] === 'number') {
    return { kind: 'cells', list: head, index: rest[0] };
  }
  return { kind: 'general', field: String(head ?? '') };
}

export const samePath = (a: Path, b: Path) => a.length === b.length && a.every((v, i) => b[i] === v);

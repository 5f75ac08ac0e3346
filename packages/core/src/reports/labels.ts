import type { FormKind } from '../api/forms.ts';
import { parseDefinition, type DefinitionByKind } from '../forms/definitions.ts';
import type { ListColumnNode } from '../forms/list.ts';
import type { ColumnNode, Form } from '../forms/model.ts';
import { numberRows } from '../forms/numbering.ts';

/**
 * What a reader recognises a cell by: the row as "STT – name" ("1 – Thu ngân sách") and the column
 * by its name under its header groups ("Thực hiện / Kỳ này"). Used by validation messages,
 * submission problems and version differences, so all three name a cell the same way.
 */

/** STT and name of a row; rows numbered "-" or nothing are named alone. */
export function rowLabelText(stt: string | undefined, name: string): string {
  return stt && stt !== '-' ? `${stt} – ${name}` : name;
}

/** Row code → "STT – name", for every row of the form. */
export function formRowLabels(form: Pick<Form, 'rows' | 'sttStyles'>): Map<string, string> {
  const stt = numberRows(form);
  const out = new Map<string, string>();
  const visit = (rows: Form['rows']) => {
    for (const row of rows) {
      if (!out.has(row.code)) out.set(row.code, rowLabelText(stt.get(row.code), row.name));
      visit(row.children);
    }
  };
  visit(form.rows);
  return out;
}

/** Leaf column code → its name prefixed by the names of the groups above it, " / " between. */
export function formColumnLabels(columns: readonly (ColumnNode | ListColumnNode)[]): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (nodes: readonly (ColumnNode | ListColumnNode)[], prefix: string) => {
    for (const node of nodes) {
      if (node.kind === 'group') visit(node.children, `${prefix}${node.name} / `);
      else if (!out.has(node.code)) out.set(node.code, `${prefix}${node.name}`);
    }
  };
  visit(columns, '');
  return out;
}

/** `Dòng "1 – Thu ngân sách", cột "Kỳ này"` */
export function cellPlace(rowLabel: string, colLabel: string): string {
  return `Dòng "${rowLabel}", cột "${colLabel}"`;
}

/** A value quoted in a message, cut when long so one bad paste does not flood the screen. */
export function quoteValue(value: string): string {
  const chars = [...value];
  return `"${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value}"`;
}

/**
 * Parses a form definition as handed over with the report (already parsed by the server, but
 * defaults are filled in again so hand-written and stored definitions behave alike). Cached per
 * definition object: the same definitions are evaluated on every keystroke in the browser.
 */
const cache = new WeakMap<object, { kind: FormKind; result: ReturnType<typeof parseDefinition> }>();

export function parseFormDefinition<K extends FormKind>(kind: K, definition: unknown): DefinitionByKind[K] | null {
  const key = typeof definition === 'object' && definition !== null ? definition : null;
  const cached = key ? cache.get(key) : undefined;
  const result = cached && cached.kind === kind ? cached.result : parseDefinition(kind, definition);
  if (key && !cached) cache.set(key, { kind, result });
  return result.ok ? (result.definition as DefinitionByKind[K]) : null;
}

/**
 * An outline section as a reader finds it: "I. Tình hình chung", "1. Kết quả", "a) Thu ngân sách",
 * "- Ghi chú"; a section numbered nothing is its title alone.
 */
export function outlineSectionTitle(number: string | undefined, title: string): string {
  if (!number) return title;
  if (number === '-') return `- ${title}`;
  if (/^[a-zđ]+$/u.test(number)) return `${number}) ${title}`;
  return `${number}. ${title}`;
}

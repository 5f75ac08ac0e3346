import {
  DEFAULT_STT_STYLES,
  formDefinition,
  validateForm,
  type ColumnNode,
  type Form,
  type FormColumn,
  type FormRow,
  formLayout,
} from '@baocao/core';
import { flatten, type TreeAdapter } from './tree.ts';
import type { DesignerProblem } from './problems.ts';
import type { CodeOption } from './FormulaInput.tsx';

export const rowTree: TreeAdapter<FormRow> = { kids: (n) => n.children, setKids: (n, children) => ({ ...n, children }) };
export const columnTree: TreeAdapter<ColumnNode> = {
  kids: (n) => (n.kind === 'group' ? n.children : undefined),
  setKids: (n, children) => (n.kind === 'group' ? { ...n, children } : n),
};

export const isGroup = (n: ColumnNode): n is Extract<ColumnNode, { kind: 'group' }> => n.kind === 'group';

/** A definition as the designer edits it: the parsed shape, possibly not valid yet (empty codes…). */
export function toEditable(definition: unknown): Form {
  const parsed = formDefinition.safeParse(definition);
  if (parsed.success) return parsed.data;
  const d = (typeof definition === 'object' && definition ? definition : {}) as Partial<Form>;
  return {
    name: d.name ?? '',
    code: d.code ?? '',
    fieldGroup: d.fieldGroup ?? null,
    ownerUnitId: d.ownerUnitId,
    legalBasis: d.legalBasis ?? null,
    note: d.note ?? null,
    sttStyles: d.sttStyles?.length ? d.sttStyles : [...DEFAULT_STT_STYLES],
    rows: Array.isArray(d.rows) ? d.rows : [],
    columns: Array.isArray(d.columns) ? d.columns : [],
    disabledCells: Array.isArray(d.disabledCells) ? d.disabledCells : [],
    cellFormulas: Array.isArray(d.cellFormulas) ? d.cellFormulas : [],
    constraints: Array.isArray(d.constraints) ? d.constraints : [],
    layout: formLayout.safeParse(d.layout ?? {}).data ?? { widths: {}, frozen: 0, orientation: 'landscape' },
  };
}

export interface Analysis {
  /** The parsed form, when the definition is schema-valid. */
  form: Form | undefined;
  problems: DesignerProblem[];
}

/** Schema problems first (they stop validateForm), then the whole-form checks. */
export function analyse(def: Form): Analysis {
  const parsed = formDefinition.safeParse(def);
  if (!parsed.success) {
    return {
      form: undefined,
      problems: parsed.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
        severity: 'error' as const,
      })),
    };
  }
  return { form: parsed.data, problems: validateForm(parsed.data) };
}

export function allCodes(def: Form): CodeOption[] {
  const rows = flatten(def.rows, rowTree).map(({ node }) => ({ code: node.code, name: node.name, kind: 'row' as const }));
  const cols = flatten(def.columns, columnTree)
    .map(({ node }) => node)
    .filter((n): n is FormColumn => !isGroup(n))
    .map((c) => ({ code: c.code, name: c.name, kind: 'column' as const }));
  return [...rows, ...cols].filter((c) => c.code);
}

export function nextCode(def: Form, prefix: 'R' | 'C'): string {
  const used = new Set(allCodes(def).map((c) => c.code.toUpperCase()));
  for (let n = 1; ; n++) {
    const code = prefix === 'R' ? `R${String(n).padStart(2, '0')}` : `C${n}`;
    if (!used.has(code)) return code;
  }
}

let seq = 0;
export function newId(prefix: string): string {
  seq += 1;
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : String(Date.now());
  return `${prefix}-${rnd}-${seq}`;
}

export function newRow(def: Form): FormRow {
  return { id: newId('r'), code: nextCode(def, 'R'), name: '', kind: 'input', checks: [], children: [] };
}

export function newColumn(def: Form): FormColumn {
  return { code: nextCode(def, 'C'), name: '', type: 'number', kind: 'input', checks: [] };
}

export const ROW_KIND_LABELS = { header: 'Tiêu đề', input: 'Nhập liệu', computed: 'Tính toán' } as const;
export const COLUMN_TYPE_LABELS = {
  number: 'Số',
  integer: 'Số nguyên',
  percent: 'Tỷ lệ (%)',
  text: 'Văn bản',
  boolean: 'Có/Không',
  date: 'Ngày',
} as const;
export const CHECK_LABELS = {
  required: 'Bắt buộc nhập',
  non_negative: 'Không âm',
  integer: 'Số nguyên',
  parent_ge_children: 'Không nhỏ hơn tổng dòng con',
  equals_children: 'Bằng tổng dòng con',
} as const;
export const STT_STYLE_LABELS = {
  roman: 'I, II, III',
  arabic: '1, 2, 3',
  nested: '1.1, 1.2',
  alpha: 'a, b, c',
  dash: 'Gạch đầu dòng (-)',
  none: 'Không đánh số',
} as const;

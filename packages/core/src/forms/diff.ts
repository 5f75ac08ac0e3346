import type { DefinitionDiff, DiffGroup, FieldChange, FormKind } from '../api/forms.ts';
import type { AnyDefinition } from './definitions.ts';
import { listLeafColumns, type ListColumnNode, type ListForm } from './list.ts';
import { cellKey, type ColumnNode, type Form, type FormConstraint } from './model.ts';
import { numberRows } from './numbering.ts';
import { flattenSections, numberSections, type Outline } from './outline.ts';
import { flattenRows } from './structure.ts';

/**
 * What changed between two definitions of the same kind, for the designer reviewing a draft before
 * publishing it and for units told that a form changed. Pure; the server adds the versions' ids.
 */
export function diffDefinitions(kind: FormKind, before: AnyDefinition, after: AnyDefinition): DefinitionDiff {
  const diff: Omit<DefinitionDiff, 'identical'> =
    kind === 'table'
      ? diffTables(before as Form, after as Form)
      : kind === 'list'
        ? diffLists(before as ListForm, after as ListForm)
        : diffOutlines(before as Outline, after as Outline);
  const groups = [diff.rows, diff.columns, diff.constraints, diff.cells, diff.sections];
  const identical = diff.general.length === 0 && groups.every((g) => g.added.length + g.removed.length + g.changed.length === 0);
  return { identical, ...diff };
}

const GENERAL_LABELS = {
  name: 'Tên biểu',
  code: 'Ký hiệu',
  fieldGroup: 'Lĩnh vực',
  legalBasis: 'Căn cứ pháp lý',
  note: 'Ghi chú',
  sttStyles: 'Kiểu đánh số thứ tự',
  totalColumns: 'Cột cộng tổng',
  maxRecords: 'Số bản ghi tối đa',
  figures: 'Trích dẫn số liệu',
} as const;

const FIELD_LABELS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  unit: 'Đơn vị tính',
  kind: 'Loại',
  formula: 'Công thức',
  indicatorCode: 'Mã chỉ tiêu',
  disaggregation: 'Phân tổ',
  checks: 'Kiểm tra',
  parent: 'Thuộc',
  position: 'Vị trí',
  type: 'Kiểu dữ liệu',
  decimals: 'Số chữ số thập phân',
  header: 'Nhóm tiêu đề',
  catalogCode: 'Danh mục',
  maxLength: 'Độ dài tối đa',
  expression: 'Biểu thức',
  message: 'Thông báo',
  severity: 'Mức độ',
  scope: 'Phạm vi',
  disabled: 'Gạch chéo (không nhập)',
  title: 'Tiêu đề',
  guidance: 'Hướng dẫn',
  required: 'Bắt buộc',
};

const EMPTY_GROUP = (): DiffGroup => ({ added: [], removed: [], changed: [] });

/** JSON with sorted keys, so that two equal records compare equal whatever their key order. */
function stable(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const orNull = (v: unknown) => (v === undefined ? null : v);

function changesOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
  labels: Record<string, string>,
) {
  const out: FieldChange[] = [];
  for (const field of fields) {
    if (stable(before[field]) !== stable(after[field])) {
      out.push({ field, label: labels[field] ?? field, before: orNull(before[field]), after: orNull(after[field]) });
    }
  }
  return out;
}

interface Item {
  key: string;
  name: string;
  fields: Record<string, unknown>;
}

/**
 * Matches items by identity. Items present in both whose relative order changed (outside the
 * longest common subsequence of the two orders) get a "position" change, so that inserting one row
 * does not report every row below it as moved.
 */
function diffItems(
  before: Map<string, Item>,
  after: Map<string, Item>,
  fields: readonly string[],
  position?: (id: string) => { before: unknown; after: unknown },
  /** Shows a parent (compared by id) by its code or title in each version. */
  parentLabel?: { before: (id: unknown) => unknown; after: (id: unknown) => unknown },
): DiffGroup {
  const group = EMPTY_GROUP();
  for (const [id, item] of after) if (!before.has(id)) group.added.push({ key: item.key, name: item.name, changes: [] });
  for (const [id, item] of before) if (!after.has(id)) group.removed.push({ key: item.key, name: item.name, changes: [] });
  const moved = position
    ? movedIds(
        [...before.keys()].filter((id) => after.has(id)),
        [...after.keys()].filter((id) => before.has(id)),
      )
    : new Set<string>();
  for (const [id, next] of after) {
    const prev = before.get(id);
    if (!prev) continue;
    const changes = changesOf(prev.fields, next.fields, fields, FIELD_LABELS).map((c) =>
      c.field === 'parent' && parentLabel ? { ...c, before: parentLabel.before(c.before), after: parentLabel.after(c.after) } : c,
    );
    if (moved.has(id) && position) changes.push({ field: 'position', label: FIELD_LABELS.position!, ...position(id) });
    if (changes.length > 0) group.changed.push({ key: next.key, name: next.name, changes });
  }
  return group;
}

/** Ids of `b` outside a longest common subsequence of `a` and `b` (same ids, maybe reordered). */
function movedIds(a: string[], b: string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(b.filter((id) => !kept.has(id)));
}

/** A parent shown by its code (rows) or numbered title (sections); null at the top level. */
function labelOf(items: Map<string, Item>, id: unknown, by: 'key' | 'name'): unknown {
  if (typeof id !== 'string') return null;
  const item = items.get(id);
  return item ? item[by] : id;
}

function general(before: Record<string, unknown>, after: Record<string, unknown>, fields: (keyof typeof GENERAL_LABELS)[]) {
  return changesOf(before, after, fields, GENERAL_LABELS);
}

// ---- table forms -------------------------------------------------------------------------------

function rowItems(form: Form): Map<string, Item> {
  const flat = flattenRows(form);
  const out = new Map<string, Item>();
  for (const r of flat) {
    if (out.has(r.row.id)) continue;
    const { id: _id, children: _children, ...fields } = r.row;
    out.set(r.row.id, {
      key: r.row.code,
      name: r.row.name,
      fields: { ...fields, parent: r.parent === null ? null : flat[r.parent]!.row.id },
    });
  }
  return out;
}

/** Leaf columns by code with the names of the header groups above them ("Thực hiện › Kỳ này"). */
function columnItems(columns: (ColumnNode | ListColumnNode)[]): Map<string, Item> {
  const out = new Map<string, Item>();
  const visit = (nodes: (ColumnNode | ListColumnNode)[], groups: string[]) => {
    for (const node of nodes) {
      if (node.kind === 'group') visit(node.children, [...groups, node.name]);
      else if (!out.has(node.code)) {
        const { code: _code, ...fields } = node;
        out.set(node.code, { key: node.code, name: node.name, fields: { ...fields, header: groups.length ? groups.join(' › ') : null } });
      }
    }
  };
  visit(columns, []);
  return out;
}

function scopeText(scope: FormConstraint['scope']): string {
  switch (scope.kind) {
    case 'cell':
      return `ô [${scope.row}:${scope.col}]`;
    case 'row':
      return `dòng ${scope.row}`;
    case 'column':
      return `cột ${scope.col}`;
    case 'form':
      return 'toàn biểu';
  }
}

function constraintItems(form: Form): Map<string, Item> {
  return new Map(
    form.constraints.map((c) => [
      c.id,
      {
        key: c.id,
        name: c.message,
        fields: { expression: c.expression, message: c.message, severity: c.severity, scope: scopeText(c.scope) },
      },
    ]),
  );
}

function cellItems(form: Form): Map<string, Item> {
  const out = new Map<string, Item>();
  const at = (row: string, col: string) => {
    const key = cellKey(row, col);
    let item = out.get(key);
    if (!item) out.set(key, (item = { key, name: `[${key}]`, fields: { disabled: false, formula: null } }));
    return item;
  };
  for (const d of form.disabledCells) at(d.row, d.col).fields.disabled = true;
  for (const f of form.cellFormulas) at(f.row, f.col).fields.formula = f.formula;
  return out;
}

function diffTables(before: Form, after: Form): Omit<DefinitionDiff, 'identical'> {
  const sttBefore = numberRows(before);
  const sttAfter = numberRows(after);
  const rowsBefore = rowItems(before);
  const rowsAfter = rowItems(after);
  const columnsBefore = [...leafCodes(before.columns)];
  const columnsAfter = [...leafCodes(after.columns)];
  return {
    general: general(before, after, ['name', 'code', 'fieldGroup', 'legalBasis', 'note', 'sttStyles']),
    rows: diffItems(
      rowsBefore,
      rowsAfter,
      ['code', 'name', 'unit', 'kind', 'formula', 'indicatorCode', 'disaggregation', 'checks', 'parent'],
      (id) => ({
        before: `STT ${sttBefore.get(rowsBefore.get(id)!.key) || '(trống)'}`,
        after: `STT ${sttAfter.get(rowsAfter.get(id)!.key) || '(trống)'}`,
      }),
      { before: (id) => labelOf(rowsBefore, id, 'key'), after: (id) => labelOf(rowsAfter, id, 'key') },
    ),
    columns: diffItems(
      columnItems(before.columns),
      columnItems(after.columns),
      ['name', 'type', 'decimals', 'kind', 'formula', 'checks', 'header'],
      (code) => ({ before: `Cột thứ ${columnsBefore.indexOf(code) + 1}`, after: `Cột thứ ${columnsAfter.indexOf(code) + 1}` }),
    ),
    constraints: diffItems(constraintItems(before), constraintItems(after), ['expression', 'message', 'severity', 'scope']),
    cells: diffItems(cellItems(before), cellItems(after), ['disabled', 'formula']),
    sections: EMPTY_GROUP(),
  };
}

function* leafCodes(nodes: (ColumnNode | ListColumnNode)[]): Generator<string> {
  for (const node of nodes) {
    if (node.kind === 'group') yield* leafCodes(node.children);
    else yield node.code;
  }
}

// ---- list forms --------------------------------------------------------------------------------

function diffLists(before: ListForm, after: ListForm): Omit<DefinitionDiff, 'identical'> {
  const orderBefore = listLeafColumns(before).map((c) => c.column.code);
  const orderAfter = listLeafColumns(after).map((c) => c.column.code);
  return {
    general: general(before, after, ['name', 'code', 'fieldGroup', 'legalBasis', 'note', 'totalColumns', 'maxRecords']),
    rows: EMPTY_GROUP(),
    columns: diffItems(
      columnItems(before.columns),
      columnItems(after.columns),
      ['name', 'type', 'unit', 'decimals', 'catalogCode', 'maxLength', 'kind', 'formula', 'checks', 'header'],
      (code) => ({ before: `Cột thứ ${orderBefore.indexOf(code) + 1}`, after: `Cột thứ ${orderAfter.indexOf(code) + 1}` }),
    ),
    constraints: EMPTY_GROUP(),
    cells: EMPTY_GROUP(),
    sections: EMPTY_GROUP(),
  };
}

// ---- outlines ----------------------------------------------------------------------------------

/** Sections in reading order (what decides "moved"), named with their number: "1. Kết quả đạt được". */
function sectionItems(outline: Outline, numbers: Map<string, string>): Map<string, Item> {
  const out = new Map<string, Item>();
  const parents = new Map<string, string | null>();
  const visit = (sections: Outline['sections'], parent: string | null) => {
    for (const s of sections) {
      parents.set(s.id, parents.get(s.id) ?? parent);
      visit(s.children, s.id);
    }
  };
  visit(outline.sections, null);
  for (const { section } of flattenSections(outline)) {
    if (out.has(section.id)) continue;
    const { id: _id, children: _children, ...fields } = section;
    const number = numbers.get(section.id);
    out.set(section.id, {
      key: section.id,
      name: number ? `${number}. ${section.title}` : section.title,
      fields: { ...fields, parent: parents.get(section.id) ?? null },
    });
  }
  return out;
}

function diffOutlines(before: Outline, after: Outline): Omit<DefinitionDiff, 'identical'> {
  const numbersBefore = numberSections(before);
  const numbersAfter = numberSections(after);
  const itemsBefore = sectionItems(before, numbersBefore);
  const itemsAfter = sectionItems(after, numbersAfter);
  return {
    general: general(before, after, ['name', 'code', 'fieldGroup', 'legalBasis', 'note', 'sttStyles', 'figures']),
    rows: EMPTY_GROUP(),
    columns: EMPTY_GROUP(),
    constraints: EMPTY_GROUP(),
    cells: EMPTY_GROUP(),
    sections: diffItems(
      itemsBefore,
      itemsAfter,
      ['title', 'guidance', 'required', 'maxLength', 'parent'],
      (id) => ({ before: `Mục ${numbersBefore.get(id) || '(trống)'}`, after: `Mục ${numbersAfter.get(id) || '(trống)'}` }),
      { before: (id) => labelOf(itemsBefore, id, 'name'), after: (id) => labelOf(itemsAfter, id, 'name') },
    ),
  };
}

import {
  AGGREGATION_LABELS,
  FormDecimal,
  IGNORED_REASON_LABELS,
  flattenRows,
  isNumericColumn,
  leafColumns,
  numberRows,
  consolidationOverrides,
  unexplainedOverrideMessage,
  type Aggregation,
  type ConsolidationOverride,
  type AssignmentSummary,
  type ColumnNode,
  type ConsolidationResponse,
  type CurrentUser,
  type Form,
  type InputValue,
  type ReportFormData,
} from '@baocao/core';
import type { ReportProblem } from '../format.ts';
import { formatCellValue } from './format.ts';

/** Consolidation (tổng hợp) as the receiving unit reads it: rules, the drill-down's arithmetic, values for the grid. */

export type ConsolidatedCellItem = ConsolidationResponse['cells'][string];

const isAggregation = (rule: string): rule is Aggregation => Object.hasOwn(AGGREGATION_LABELS, rule);

/** "Cộng", "Bình quân", "Bình quân gia quyền (trọng số: Dân số)"…; an unknown rule as it is. */
export function ruleLabel(rule: string, weightName?: string | null): string {
  if (!isAggregation(rule)) return rule;
  if (rule === 'weighted_average') {
    return `${AGGREGATION_LABELS.weighted_average} (trọng số: ${weightName?.trim() || 'quyền số của từng đơn vị, xem cột Trọng số'})`;
  }
  return AGGREGATION_LABELS[rule];
}

/** Why a contributor was left out: the core reason's Vietnamese label, or the server's text as it is. */
export function ignoredReasonLabel(reason: string): string {
  return Object.hasOwn(IGNORED_REASON_LABELS, reason) ? IGNORED_REASON_LABELS[reason as keyof typeof IGNORED_REASON_LABELS] : reason;
}

/** A unit left out only because its cell is empty (the server sends the reason's label, core's code is accepted too). */
export function isEmptyCellReason(reason: string): boolean {
  return reason === 'empty' || reason === IGNORED_REASON_LABELS.empty;
}

/** Contributors that went into the figure: a value, and not listed as ignored. */
export function usedContributors(cell: ConsolidatedCellItem): ConsolidatedCellItem['contributors'] {
  const ignored = new Set(cell.ignored.map((i) => i.unitId));
  return cell.contributors.filter((c) => c.value !== null && !ignored.has(c.unitId));
}

const TERMS_SHOWN = 6;

/**
 * The line under the drill-down table that says how the figure was reached, with the units'
 * values: "1.200 + 3.400 = 4.600", "(10 × 100 + 20 × 300) / (100 + 300) = 17,5"; with many units
 * the terms are summed up in words so the line stays readable.
 */
export function consolidationFormula(cell: ConsolidatedCellItem): string {
  const used = usedContributors(cell);
  const n = used.length;
  const result = formatCellValue(cell.value);
  const v = (x: string | null) => formatCellValue(x);
  const many = n > TERMS_SHOWN;
  switch (cell.rule) {
    case 'none':
      return 'Chỉ tiêu này không tổng hợp từ đơn vị cấp dưới.';
    case 'count':
      return `Số đơn vị có số liệu = ${result}`;
    case 'min':
    case 'max':
      return `${cell.rule === 'min' ? 'Nhỏ nhất' : 'Lớn nhất'} trong ${n} giá trị = ${result}`;
  }
  if (n === 0) return `Không có đơn vị nào có số liệu: kết quả ${result}`;
  switch (cell.rule) {
    case 'sum':
      return many ? `Cộng ${n} đơn vị = ${result}` : `${used.map((c) => v(c.value)).join(' + ')} = ${result}`;
    case 'average':
      return many ? `Tổng của ${n} đơn vị / ${n} = ${result}` : `(${used.map((c) => v(c.value)).join(' + ')}) / ${n} = ${result}`;
    case 'weighted_average':
      return many
        ? `Σ(giá trị × trọng số) / Σ trọng số của ${n} đơn vị = ${result}`
        : `(${used.map((c) => `${v(c.value)} × ${v(c.weight)}`).join(' + ')}) / (${used.map((c) => v(c.weight)).join(' + ')}) = ${result}`;
    default:
      return `${ruleLabel(cell.rule)} của ${n} đơn vị = ${result}`;
  }
}

/**
 * The values "Điền số liệu tổng hợp vào biểu" writes: every consolidated cell's figure (null empties
 * the cell), except cells whose indicator is not consolidated (rule 'none'), which the unit fills itself.
 */
export function consolidatedValues(response: Pick<ConsolidationResponse, 'cells'>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, cell] of Object.entries(response.cells)) {
    if (cell.rule === 'none') continue;
    out[key] = cell.value;
  }
  return out;
}

/** The consolidated figures as the entry grid's values: decimals in numeric columns, text elsewhere; cells outside the form are dropped. */
export function consolidatedGridValues(form: Form, response: Pick<ConsolidationResponse, 'cells'>): Map<string, InputValue> {
  const columns = new Map(leafColumns(form).map((c) => [c.column.code, c.column]));
  const rows = new Set(flattenRows(form).map((r) => r.row.code));
  const out = new Map<string, InputValue>();
  for (const [key, value] of Object.entries(consolidatedValues(response))) {
    if (value === null || value === '') continue;
    const at = key.indexOf(':');
    const column = columns.get(key.slice(at + 1));
    if (at < 0 || !column || !rows.has(key.slice(0, at))) continue;
    const numeric = isNumericColumn(column) && /^-?\d+(\.\d+)?$/.test(value);
    out.set(key, numeric ? new FormDecimal(value) : value);
  }
  return out;
}

/** "1 – Thu ngân sách" by row code and "Thực hiện / Kỳ này" by column code, as the server names cells. */
export function cellLabels(form: Form): { rows: Map<string, string>; cols: Map<string, string> } {
  const stt = numberRows(form);
  const rows = new Map<string, string>();
  for (const { row } of flattenRows(form)) {
    const n = stt.get(row.code);
    rows.set(row.code, n && n !== '-' ? `${n} – ${row.name}` : row.name);
  }
  const cols = new Map<string, string>();
  const visit = (nodes: readonly ColumnNode[], prefix: string) => {
    for (const node of nodes) {
      if ('kind' in node && node.kind === 'group') visit(node.children, `${prefix}${node.name} / `);
      else if ('code' in node) cols.set(node.code, `${prefix}${node.name}`);
    }
  };
  visit(form.columns, '');
  return { rows, cols };
}

export interface ReceivingUnitOption {
  unitId: string;
  unitName: string;
}

/**
 * The units the user receives reports for in a period: receivers of the period's assignments that
 * are the user's unit or a unit of one of the user's grants (all receivers when none is: an
 * administrator, or a grant over a whole subtree); the user's own unit first.
 */
export function receivingUnitOptions(
  assignments: readonly Pick<AssignmentSummary, 'receivingUnitId' | 'receivingUnitName' | 'status'>[],
  user: Pick<CurrentUser, 'unitId' | 'grants'>,
): ReceivingUnitOption[] {
  const receivers = new Map<string, string>();
  for (const a of assignments) {
    if (a.status === 'cancelled') continue;
    if (!receivers.has(a.receivingUnitId)) receivers.set(a.receivingUnitId, a.receivingUnitName);
  }
  const mine = new Set([user.unitId, ...user.grants.map((g) => g.unitId)]);
  const all = [...receivers].map(([unitId, unitName]) => ({ unitId, unitName }));
  const own = all.filter((o) => mine.has(o.unitId));
  const chosen = own.length > 0 ? own : all;
  return chosen.sort((a, b) => Number(b.unitId === user.unitId) - Number(a.unitId === user.unitId));
}

// ---------- Overrides: figures the consolidator changed ----------

type NotedValues = Pick<ReportFormData, 'values'> & Partial<Pick<ReportFormData, 'notes'>>;

/** How the cell's value stands against its consolidated figure: overridden (with or without a note), or null when it is not. */
export function overrideOf(
  response: Pick<ConsolidationResponse, 'cells'> | undefined,
  formData: NotedValues | undefined,
  key: string,
): ConsolidationOverride | null {
  const cell = response?.cells[key];
  if (!cell) return null;
  return consolidationOverrides({ [key]: cell }, { values: formData?.values ?? {}, notes: formData?.notes ?? {} })[0] ?? null;
}

/**
 * The cells changed from their consolidated figure with no note, as problems to list and jump to
 * (kind 'override_unexplained', the same message the server refuses the submission with).
 */
export function overrideProblems(
  form: Form,
  formRef: { versionId: string; code: string },
  response: Pick<ConsolidationResponse, 'cells'> | undefined,
  formData: NotedValues | undefined,
): ReportProblem[] {
  if (!response) return [];
  const overrides = consolidationOverrides(response.cells, { values: formData?.values ?? {}, notes: formData?.notes ?? {} });
  const open = overrides.filter((o) => o.note === null);
  if (open.length === 0) return [];
  const { rows, cols } = cellLabels(form);
  return open.map((o) => {
    const at = o.key.indexOf(':');
    const row = o.key.slice(0, at);
    const col = o.key.slice(at + 1);
    return {
      kind: 'override_unexplained',
      formVersionId: formRef.versionId,
      formCode: formRef.code,
      cell: o.key,
      message: unexplainedOverrideMessage(rows.get(row) ?? row, cols.get(col) ?? col, o),
    };
  });
}

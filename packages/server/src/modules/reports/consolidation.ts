import {
  AGGREGATIONS,
  buildCellSpace,
  cellKey,
  consolidate,
  IGNORED_REASON_LABELS,
  isNumericColumn,
  MAX_FRACTION_DIGITS,
  parseDefinition,
  splitKey,
  unexplainedOverrideMessage,
  unexplainedOverrides,
  formColumnLabels,
  formRowLabels,
  type Aggregation,
  type AssignmentStatus,
  type ConsolidatedCell,
  type ConsolidationCell,
  type ConsolidationResponse,
  type Form,
  type ReportData,
  type ReportFormRef,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type AuthedContext, authorize, permissionsOf, permissionsOnUnits } from '../access/index.ts';
import type { AssignmentContext } from '../assignments/index.ts';
import { loadReport } from './access.ts';
import * as q from './data-queries.ts';
import { overrideError, type OverrideProblem } from './rules.ts';
import { tableDefinition } from './support.ts';

/**
 * Consolidation (tổng hợp): a receiving unit's figures from what its reporting units sent. Each
 * input cell of a table form is rolled up from the units' accepted versions by the rule of the
 * row's indicator (sum when the row reports no indicator); computed cells are not consolidated,
 * the grid recomputes them from the consolidated inputs. Figures are exact decimals, rounded to the
 * 6 decimals a stored cell keeps (an average of thirds cannot be saved with 34 digits).
 */

export interface TableFormVersion {
  row: q.FormVersionRow;
  form: Form;
}

/** A table form version listed on a report (or period): NOT_FOUND for any other, refused for a list or outline. */
export async function loadTableForm(db: Db, listed: unknown, versionId: string): Promise<TableFormVersion> {
  const ids = Array.isArray(listed) ? (listed as string[]) : [];
  const [row] = ids.includes(versionId) ? await q.formVersionsByIds(db, [versionId]) : [];
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Biểu mẫu này không thuộc báo cáo.');
  if (row.kind !== 'table') {
    throw new AppError(
      'VALIDATION_FAILED',
      undefined,
      `Biểu "${row.code}" không phải biểu số liệu dạng bảng nên không tổng hợp hay nhập từ Excel được.`,
    );
  }
  const parsed = parseDefinition('table', row.definition);
  if (!parsed.ok) throw new AppError('INTERNAL', undefined, 'Nội dung phiên bản biểu mẫu không đọc được.');
  return { row, form: parsed.definition };
}

/**
 * The cells to consolidate and their rules: every input cell of a numeric column; the rule is the
 * row's indicator's aggregation (sum without an indicator, or for an indicator not in the library).
 * A weighted average reads its weight in the same column of the row reporting the weight indicator.
 */
export function consolidationCells(form: Form, rules: ReadonlyMap<string, q.IndicatorRule>): ConsolidationCell[] {
  const space = buildCellSpace(form);
  const nc = space.columns.length;
  const rowOfIndicator = new Map<string, string>();
  for (const { row } of space.rows)
    if (row.indicatorCode && !rowOfIndicator.has(row.indicatorCode)) rowOfIndicator.set(row.indicatorCode, row.code);
  const cells: ConsolidationCell[] = [];
  for (const { row, index: r } of space.rows) {
    const indicator = row.indicatorCode ? rules.get(row.indicatorCode) : undefined;
    const rule: Aggregation =
      indicator && (AGGREGATIONS as readonly string[]).includes(indicator.aggregation) ? (indicator.aggregation as Aggregation) : 'sum';
    const weightRow =
      rule === 'weighted_average' && indicator?.weightIndicatorCode ? rowOfIndicator.get(indicator.weightIndicatorCode) : undefined;
    for (const { column, index: c } of space.columns) {
      const i = r * nc + c;
      if (!space.valued[i] || space.formulas[i] || !isNumericColumn(column)) continue;
      cells.push({
        key: space.keys[i]!,
        rule,
        ...(rule === 'weighted_average' ? { weightKey: weightRow ? cellKey(weightRow, column.code) : null } : {}),
      });
    }
  }
  return cells;
}

/** A decimal as stored: plain text, at most 6 decimals, no trailing zeros, no "-0". */
export function decimalText(value: ConsolidatedCell['value']): string | null {
  if (value === null) return null;
  const rounded = value.toDecimalPlaces(MAX_FRACTION_DIGITS);
  return rounded.isZero() ? '0' : rounded.toFixed();
}

/**
 * A report's pre-fill from its subunits: the assignment's children (passed down with giao tiếp) and
 * their accepted reports. Readable by the report's own side, who consolidates.
 */
export async function reportConsolidation(
  db: Db,
  ctx: AuthedContext,
  reportId: string,
  formVersionId: string,
): Promise<ConsolidationResponse> {
  const { row, caps } = await loadReport(db, ctx.actor, reportId);
  if (caps.sender.side === 'none') {
    throw new AppError('FORBIDDEN', undefined, 'Chỉ đơn vị lập báo cáo mới xem được số liệu tổng hợp từ các đơn vị trực thuộc.');
  }
  const context = await q.reportContext(db, row.id);
  if (!context) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo.');
  const target = await loadTableForm(db, context.formVersionIds, formVersionId);
  return consolidateAssignments(db, target, await q.childAssignments(db, row.assignmentId));
}

/**
 * A receiving unit's view of a period: every report sent to it, consolidated. Without
 * `receivingUnitId`, the one unit of the period the actor receives for (asked to choose when several).
 */
export async function periodConsolidation(
  db: Db,
  ctx: AuthedContext,
  periodId: string,
  query: { formVersionId: string; receivingUnitId?: string | undefined },
): Promise<ConsolidationResponse> {
  const period = await q.findPeriodForms(db, periodId);
  if (!period) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy kỳ báo cáo.');
  let receivingUnitId = query.receivingUnitId;
  if (receivingUnitId) {
    await authorize(db, ctx.actor, 'report.receive', [receivingUnitId]);
  } else {
    const receivers = await q.receivingUnitsOfPeriod(db, periodId);
    const held = await permissionsOnUnits(db, ctx.actor, receivers);
    const mine = receivers.filter((id) => held.get(id)?.includes('report.receive'));
    if (mine.length === 0) throw new AppError(permissionsOf(ctx.actor).includes('report.receive') ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
    if (mine.length > 1) {
      throw new AppError(
        'VALIDATION_FAILED',
        undefined,
        'Bạn nhận báo cáo của kỳ này cho nhiều đơn vị; hãy chọn đơn vị nhận báo cáo để tổng hợp.',
      );
    }
    receivingUnitId = mine[0]!;
  }
  const target = await loadTableForm(db, period.formVersionIds, query.formVersionId);
  return consolidateAssignments(db, target, await q.assignmentsReceivedBy(db, periodId, receivingUnitId));
}

/**
 * Refuses the submission of a consolidating report (one passed down to subunits) while a cell it
 * changed from the figure consolidated from its subunits' accepted reports has no note saying why
 * (CONSOLIDATION_OVERRIDE_UNEXPLAINED, every such cell named). The figures are consolidated again
 * now, as the pre-fill would show them; a report that was not passed down has nothing to check.
 */
export async function checkConsolidationOverrides(
  db: Db,
  a: Pick<AssignmentContext, 'id' | 'childAssignmentIds'>,
  forms: readonly ReportFormRef[],
  data: ReportData,
): Promise<void> {
  const problems = await unexplainedOverrideProblems(db, a, forms, data);
  if (problems.length > 0) throw overrideError(problems);
}

/** The consolidated cells of each table form of the report changed without a note, in form order. */
export async function unexplainedOverrideProblems(
  db: Db,
  a: Pick<AssignmentContext, 'id' | 'childAssignmentIds'>,
  forms: readonly ReportFormRef[],
  data: ReportData,
): Promise<OverrideProblem[]> {
  if (a.childAssignmentIds.length === 0) return [];
  const expected = await q.childAssignments(db, a.id);
  if (expected.length === 0) return [];
  const out: OverrideProblem[] = [];
  for (const ref of forms) {
    const form = tableDefinition(ref);
    if (!form) continue;
    const formData = data.forms[ref.versionId];
    const consolidated = await consolidateAssignments(db, { row: ref, form }, expected);
    const open = unexplainedOverrides(consolidated.cells, { values: formData?.values ?? {}, notes: formData?.notes ?? {} });
    if (open.length === 0) continue;
    const rows = formRowLabels(form);
    const cols = formColumnLabels(form.columns);
    for (const o of open) {
      const [row, col] = splitKey(o.key);
      const rowLabel = rows.get(row) ?? row;
      const colLabel = cols.get(col) ?? col;
      out.push({
        kind: 'override_unexplained',
        formVersionId: ref.versionId,
        formCode: ref.code,
        cell: o.key,
        rowLabel,
        colLabel,
        consolidated: o.consolidated,
        value: o.value,
        message: unexplainedOverrideMessage(rowLabel, colLabel, o),
      });
    }
  }
  return out;
}

/** Consolidates one table form over the expected units' accepted reports. */
async function consolidateAssignments(
  db: Db,
  target: { row: Pick<q.FormVersionRow, 'versionId' | 'formId'>; form: Form },
  expected: q.ExpectedAssignment[],
): Promise<ConsolidationResponse> {
  const { form, row: formRow } = target;
  const accepted = await q.acceptedVersionsOf(
    db,
    expected.map((e) => e.assignmentId),
  );
  const valuesByUnit = await valuesOfForm(db, formRow, accepted);
  const codes = [...new Set(collectIndicatorCodes(form))];
  const rules = new Map((await q.indicatorRules(db, codes)).map((r) => [r.code, r]));
  const cells = consolidationCells(form, rules);
  const result = consolidate({
    expectedUnitIds: expected.map((e) => e.unitId),
    reports: accepted.map((a) => ({ unitId: a.unitId, values: valuesByUnit.get(a.reportId) ?? {} })),
    cells,
  });

  const unitName = new Map(expected.map((e) => [e.unitId, e.unitName]));
  const reportOf = new Map(accepted.map((a) => [a.unitId, a]));
  const name = (unitId: string) => unitName.get(unitId) ?? '';
  return {
    formVersionId: formRow.versionId,
    cells: Object.fromEntries(
      Object.entries(result.cells).map(([key, cell]) => [
        key,
        {
          value: decimalText(cell.value),
          rule: cell.rule,
          contributors: cell.contributors.map((c) => ({
            unitId: c.unitId,
            unitName: name(c.unitId),
            reportId: reportOf.get(c.unitId)!.reportId,
            value: decimalText(c.value),
            weight: decimalText(c.weight),
          })),
          ignored: cell.ignored.map((i) => ({ unitId: i.unitId, unitName: name(i.unitId), reason: IGNORED_REASON_LABELS[i.reason] })),
        },
      ]),
    ),
    missingUnits: expected
      .filter((e) => result.missingUnitIds.includes(e.unitId))
      .map((e) => ({ unitId: e.unitId, unitName: e.unitName, status: e.status as AssignmentStatus })),
    reportedUnits: expected.flatMap((e) => {
      const a = reportOf.get(e.unitId);
      return a ? [{ unitId: e.unitId, unitName: e.unitName, reportId: a.reportId, versionNo: a.versionNo }] : [];
    }),
  };
}

function collectIndicatorCodes(form: Form): string[] {
  const out: string[] = [];
  const visit = (rows: Form['rows']) => {
    for (const row of rows) {
      if (row.indicatorCode) out.push(row.indicatorCode);
      visit(row.children);
    }
  };
  visit(form.rows);
  return out;
}

/**
 * Each accepted report's values of the target form. Data is keyed by form version id; a subunit may
 * have filled another version of the same form (cells match by code), so versions are matched by
 * form id, the very version preferred.
 */
async function valuesOfForm(
  db: Db,
  target: Pick<q.FormVersionRow, 'versionId' | 'formId'>,
  accepted: q.AcceptedVersionRow[],
): Promise<Map<string, Record<string, string | null>>> {
  const forms = (data: unknown): Record<string, { values?: Record<string, unknown> }> =>
    (data as { forms?: Record<string, { values?: Record<string, unknown> }> } | null)?.forms ?? {};
  const keys = new Set(accepted.flatMap((a) => Object.keys(forms(a.data))));
  keys.delete(target.versionId);
  const sameForm = new Set((await q.formVersionsByIds(db, [...keys])).filter((v) => v.formId === target.formId).map((v) => v.versionId));
  const out = new Map<string, Record<string, string | null>>();
  for (const a of accepted) {
    const byVersion = forms(a.data);
    const key = Object.hasOwn(byVersion, target.versionId) ? target.versionId : Object.keys(byVersion).find((k) => sameForm.has(k));
    const values: Record<string, string | null> = {};
    for (const [cell, value] of Object.entries((key ? byVersion[key]?.values : undefined) ?? {})) {
      // Booleans and other non-text values are not figures: handed over as text so they read as "not a number".
      values[cell] = value === null ? null : String(value);
    }
    out.set(a.reportId, values);
  }
  return out;
}

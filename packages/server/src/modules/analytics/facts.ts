import {
  disaggregationKey,
  flattenRows,
  FormDecimal,
  isNumericColumn,
  parsePeriodCode,
  periodWindow,
  type ColumnNode,
  type Form,
  type FormColumn,
  type Result,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { indicatorRules } from '../indicators/index.ts';
import { insertFactRows, supersedeReportFacts, type NewFactRow } from './facts-queries.ts';

/**
 * The analytics store is written in two ways: the figures of a report version when it is accepted
 * (replaceReportFacts, in the acceptance's transaction), and data imported as it is (importFacts:
 * history, other systems, the demo). Facts are evidence: never deleted, only superseded.
 */

/** One figure of a filled form, before the report's context (unit, period…) is added. */
export interface FormFact {
  indicatorCode: string;
  disaggregation: string;
  measure: string;
  measureName: string;
  unitOfMeasure: string | null;
  value: string;
  weight: string | null;
  rowCode: string;
}

/** A table form of the accepted version with every cell evaluated (core's evaluateReportForm). */
export interface EvaluatedTableForm {
  formVersionId: string;
  form: Form;
  values: ReadonlyMap<string, Result>;
}

/**
 * The leaf columns whose figures are facts, with their names as a reader sees them ("Thực hiện -
 * Tháng báo cáo"): numeric columns, except computed percentages, which compare other figures of
 * the form (so tháng này / cùng kỳ) and can be recomputed from them, never added up.
 */
export function factColumns(form: Pick<Form, 'columns'>): { column: FormColumn; name: string }[] {
  const out: { column: FormColumn; name: string }[] = [];
  const visit = (nodes: readonly ColumnNode[], groups: readonly string[]) => {
    for (const node of nodes) {
      if (node.kind === 'group') {
        visit(node.children, [...groups, node.name]);
        continue;
      }
      if (!isNumericColumn(node) || (node.kind === 'computed' && node.type === 'percent')) continue;
      out.push({ column: node, name: [...groups, node.name].join(' - ') });
    }
  };
  visit(form.columns, []);
  return out;
}

const decimalText = (value: Result | undefined): string | null =>
  FormDecimal.isDecimal(value) && value.isFinite() ? value.toFixed() : null;

/**
 * The facts of one evaluated form: every row bound to an indicator × every fact column holding a
 * number. For an indicator averaged with weights, the weight is the figure, in the same column, of
 * the row bound to the weighting indicator with the same disaggregation (null when the form has none).
 */
export function factsOfForm(
  form: Form,
  values: ReadonlyMap<string, Result>,
  weightIndicatorOf: (indicatorCode: string) => string | null,
): FormFact[] {
  const bound = flattenRows(form)
    .map((f) => f.row)
    .filter((row) => row.kind !== 'header' && row.indicatorCode);
  const rowOf = new Map<string, string>();
  for (const row of bound) {
    const key = `${row.indicatorCode!}|${disaggregationKey(row.disaggregation)}`;
    if (!rowOf.has(key)) rowOf.set(key, row.code);
  }
  const columns = factColumns(form);
  const out: FormFact[] = [];
  for (const row of bound) {
    const indicatorCode = row.indicatorCode!;
    const disaggregation = disaggregationKey(row.disaggregation);
    const weightCode = weightIndicatorOf(indicatorCode);
    const weightRow = weightCode ? rowOf.get(`${weightCode}|${disaggregation}`) : undefined;
    for (const { column, name } of columns) {
      const value = decimalText(values.get(`${row.code}:${column.code}`));
      if (value === null) continue;
      out.push({
        indicatorCode,
        disaggregation,
        measure: column.code,
        measureName: name,
        unitOfMeasure: row.unit ?? null,
        value,
        weight: weightRow ? decimalText(values.get(`${weightRow}:${column.code}`)) : null,
        rowCode: row.code,
      });
    }
  }
  return out;
}

/** The partition year of a period: its key's year, or for a custom period the year its window ends. */
export function factYear(period: { code: string; windowEnd: string }): number {
  return parsePeriodCode(period.code)?.year ?? Number(period.windowEnd.slice(0, 4));
}

export interface ReportFactsInput {
  reportId: string;
  reportVersionId: string;
  versionNo: number;
  unitId: string;
  regimeId: string | null;
  regimePeriodId: string | null;
  period: { type: string; code: string; windowStart: string; windowEnd: string };
  recordedAt: Date;
  forms: readonly EvaluatedTableForm[];
}

/**
 * Makes the accepted version's figures the report's facts, inside the acceptance's transaction:
 * the facts of an earlier accepted version are marked superseded by this one (they stay, for the
 * audit), then this version's are written. A report states one figure per indicator ×
 * disaggregation × column: when two rows (or two forms) repeat one, the first in form order counts,
 * so that a total never counts it twice.
 */
export async function replaceReportFacts(tx: Db, input: ReportFactsInput): Promise<{ superseded: number; inserted: number }> {
  const codes = new Set<string>();
  for (const f of input.forms) for (const { row } of flattenRows(f.form)) if (row.indicatorCode) codes.add(row.indicatorCode);
  const weights = new Map((await indicatorRules(tx, [...codes])).map((r) => [r.code, r.weightIndicatorCode]));
  const weightOf = (code: string) => weights.get(code) ?? null;

  const year = factYear(input.period);
  const seen = new Set<string>();
  const rows: NewFactRow[] = [];
  for (const f of input.forms) {
    for (const fact of factsOfForm(f.form, f.values, weightOf)) {
      const key = `${fact.indicatorCode}|${fact.disaggregation}|${fact.measure}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        year,
        periodType: input.period.type,
        periodCode: input.period.code,
        periodStart: input.period.windowStart,
        periodEnd: input.period.windowEnd,
        regimeId: input.regimeId,
        regimePeriodId: input.regimePeriodId,
        unitId: input.unitId,
        indicatorCode: fact.indicatorCode,
        disaggregation: fact.disaggregation,
        measure: fact.measure,
        measureName: fact.measureName,
        unitOfMeasure: fact.unitOfMeasure,
        value: fact.value,
        weight: fact.weight,
        sourceKind: 'report',
        reportId: input.reportId,
        reportVersionId: input.reportVersionId,
        versionNo: input.versionNo,
        formVersionId: f.formVersionId,
        rowCode: fact.rowCode,
        sourceNote: null,
        recordedAt: input.recordedAt,
      });
    }
  }
  const superseded = await supersedeReportFacts(tx, input.reportId, input.reportVersionId, input.recordedAt);
  await insertFactRows(tx, rows);
  return { superseded, inserted: rows.length };
}

/** A figure imported as it is (not from a report of the system): where it comes from is required. */
export interface ImportFactInput {
  unitId: string;
  indicatorCode: string;
  /** core's disaggregationKey; default "" (the total). */
  disaggregation?: string;
  periodType: string;
  periodCode: string;
  /** Default: the period's calendar window (a regular period only). */
  periodStart?: string;
  periodEnd?: string;
  /** Default: the period's year. */
  year?: number;
  regimeId?: string | null;
  measure: string;
  measureName: string;
  unitOfMeasure?: string | null;
  /** Exact decimal text. */
  value: string;
  weight?: string | null;
  /** Nguồn số liệu (R22). */
  sourceNote: string;
  recordedAt?: Date;
}

const DECIMAL = /^-?\d+(\.\d+)?$/u;

/** Imports facts in batched multi-row inserts (the demo seed, the bench, history from other systems). */
export async function importFacts(tx: Db, facts: readonly ImportFactInput[], now: Date = new Date()): Promise<number> {
  const rows = facts.map((f, i): NewFactRow => {
    const where = `Dòng ${i + 1} (${f.indicatorCode}, ${f.periodCode})`;
    if (!f.sourceNote?.trim()) throw new AppError('VALIDATION_FAILED', undefined, `${where}: thiếu nguồn số liệu.`);
    if (!DECIMAL.test(f.value)) throw new AppError('VALIDATION_FAILED', undefined, `${where}: giá trị "${f.value}" không phải là số.`);
    if (f.weight != null && !DECIMAL.test(f.weight)) {
      throw new AppError('VALIDATION_FAILED', undefined, `${where}: quyền số "${f.weight}" không phải là số.`);
    }
    const key = parsePeriodCode(f.periodCode);
    const window = key ? periodWindow(key, { mode: 'calendar' }) : null;
    const periodStart = f.periodStart ?? window?.start;
    const periodEnd = f.periodEnd ?? window?.end;
    if (!periodStart || !periodEnd) {
      throw new AppError('VALIDATION_FAILED', undefined, `${where}: kỳ tự định nghĩa phải ghi ngày bắt đầu và ngày kết thúc.`);
    }
    return {
      year: f.year ?? factYear({ code: f.periodCode, windowEnd: periodEnd }),
      periodType: f.periodType,
      periodCode: f.periodCode,
      periodStart,
      periodEnd,
      regimeId: f.regimeId ?? null,
      regimePeriodId: null,
      unitId: f.unitId,
      indicatorCode: f.indicatorCode,
      disaggregation: f.disaggregation ?? '',
      measure: f.measure,
      measureName: f.measureName,
      unitOfMeasure: f.unitOfMeasure ?? null,
      value: f.value,
      weight: f.weight ?? null,
      sourceKind: 'import',
      reportId: null,
      reportVersionId: null,
      versionNo: null,
      formVersionId: null,
      rowCode: null,
      sourceNote: f.sourceNote.trim(),
      recordedAt: f.recordedAt ?? now,
    };
  });
  await insertFactRows(tx, rows);
  return rows.length;
}

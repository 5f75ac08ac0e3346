import type { ReportCellValue } from '../api/reports.ts';
import { createEvaluator } from '../forms/formula/evaluator.ts';
import { FormulaError } from '../forms/formula/errors.ts';
import { isDecimal, type InputValue, type Result } from '../forms/formula/values.ts';
import { LIST_RECORD_ROW, listAsTableForm, listLeafColumns, type ListColumn, type ListForm } from '../forms/list.ts';
import { formatNumber } from '../text/format.ts';
import { cellValueToInput, inputToCellValue } from './data.ts';
import { formColumnLabels, quoteValue } from './labels.ts';
import { valueProblem } from './validate.ts';

/** A record of a list form that breaks the form's rules. `cell` is "<record number>:<column code>". */
export interface RecordProblem {
  kind: 'cell_invalid' | 'error';
  message: string;
  cell?: string;
}

const NUMERIC = new Set<ListColumn['type']>(['number', 'integer', 'percent']);
const tableType = (column: ListColumn) => (column.type === 'catalog' ? 'text' : column.type);

/**
 * Checks the records of a list form (báo cáo danh sách): the number of records, every value against
 * its column's type (catalog columns hold the item code as text) and longest text, the columns'
 * ticked checks (required, not negative, integer — computed columns through the formula engine —
 * and unique across records). Keys of computed columns in a record are ignored: they are recomputed.
 */
export function checkListRecords(list: ListForm, records: readonly Record<string, ReportCellValue>[]): RecordProblem[] {
  const out: RecordProblem[] = [];
  const leaves = listLeafColumns(list).map((l) => l.column);
  const byCode = new Map(leaves.map((c) => [c.code, c]));
  const labels = formColumnLabels(list.columns);
  const place = (n: number, column: ListColumn) => `Bản ghi thứ ${n}, cột "${labels.get(column.code) ?? column.name}"`;
  if (list.maxRecords !== undefined && records.length > list.maxRecords) {
    out.push({
      kind: 'error',
      message: `Danh sách có ${formatNumber(records.length)} bản ghi, vượt quá giới hạn ${formatNumber(list.maxRecords)} bản ghi.`,
    });
  }
  const computed = leaves.filter((c) => c.kind === 'computed');
  const evaluator = computed.length > 0 ? createEvaluator(listAsTableForm(list)) : null;
  const seen = new Map<string, Map<string, number>>(); // unique columns: value → first record number
  records.forEach((record, index) => {
    const n = index + 1;
    const cell = (code: string) => `${n}:${code}`;
    for (const [code, value] of Object.entries(record)) {
      const column = byCode.get(code);
      if (!column) {
        if (value !== null && value !== '')
          out.push({ kind: 'cell_invalid', message: `Bản ghi thứ ${n}: biểu không có cột "${code}".`, cell: cell(code) });
        continue;
      }
      if (column.kind === 'computed') continue;
      const reason = valueProblem({ type: tableType(column) }, value);
      if (reason) out.push({ kind: 'cell_invalid', message: `${place(n, column)}: ${reason}`, cell: cell(code) });
      else if (column.maxLength !== undefined && typeof value === 'string' && [...value].length > column.maxLength) {
        out.push({
          kind: 'cell_invalid',
          message: `${place(n, column)}: nội dung dài ${formatNumber([...value].length)} ký tự, vượt quá giới hạn ${formatNumber(column.maxLength)} ký tự.`,
          cell: cell(code),
        });
      }
    }
    let results: Map<string, Result> | null = null;
    if (evaluator) {
      const inputs = new Map<string, InputValue>();
      for (const column of leaves) {
        if (column.kind === 'input')
          inputs.set(`${LIST_RECORD_ROW}:${column.code}`, cellValueToInput({ type: tableType(column) }, record[column.code] ?? null));
      }
      const snapshot = evaluator.evaluateAll(inputs);
      results = new Map<string, Result>(snapshot.values);
    }
    for (const column of leaves) {
      const stored = record[column.code] ?? null;
      const value: Result =
        column.kind === 'computed'
          ? (results?.get(`${LIST_RECORD_ROW}:${column.code}`) ?? null)
          : (cellValueToInput({ type: tableType(column) }, stored) as Result);
      const fail = (message: string) => out.push({ kind: 'error', message: `${place(n, column)}: ${message}`, cell: cell(column.code) });
      for (const check of column.checks) {
        if (check === 'required' && column.kind === 'input' && (value === null || value === '')) fail('chưa nhập (bắt buộc).');
        if (check === 'non_negative' && isDecimal(value) && value.isNegative() && !value.isZero()) fail('không được là số âm.');
        if (check === 'integer' && isDecimal(value) && !value.isInteger()) fail('phải là số nguyên.');
        if (check === 'unique' && value !== null && value !== '' && !(value instanceof FormulaError)) {
          const text = NUMERIC.has(column.type) ? String(inputToCellValue(value)) : String(value).trim().normalize('NFC');
          const values = seen.get(column.code) ?? new Map<string, number>();
          seen.set(column.code, values);
          const first = values.get(text);
          if (first === undefined) values.set(text, n);
          else fail(`${quoteValue(text)} trùng với bản ghi thứ ${first}.`);
        }
      }
    }
  });
  return out;
}

import { z } from 'zod';
import { optionalText, text, uuid } from '../api/common.ts';
import { formCode, type Form, type FormColumn, type ColumnNode } from './model.ts';
import { validateForm, type FormProblem } from './validate.ts';

/**
 * A list form (báo cáo số liệu danh sách): the unit enters records (projects, incidents, cases), one
 * per line, in the columns the designer defines. Columns may sit under merged header groups like a
 * table form's, may take their values from a catalog (danh mục), and may be computed per record
 * ("Tổng vốn" = C3 + C4) with the table form's formula language: a record is evaluated as the one
 * row of the form that `listAsTableForm` builds.
 */

export const LIST_COLUMN_TYPES = ['text', 'number', 'integer', 'percent', 'date', 'boolean', 'catalog'] as const;
export const listColumnType = z.enum(LIST_COLUMN_TYPES);
export type ListColumnType = z.infer<typeof listColumnType>;
export const LIST_COLUMN_TYPE_LABELS: Record<ListColumnType, string> = {
  text: 'Văn bản',
  number: 'Số',
  integer: 'Số nguyên',
  percent: 'Tỷ lệ (%)',
  date: 'Ngày',
  boolean: 'Có/Không',
  catalog: 'Chọn từ danh mục',
};

export const LIST_CHECKS = ['required', 'non_negative', 'integer', 'unique'] as const;
export const listCheck = z.enum(LIST_CHECKS);
export type ListCheck = z.infer<typeof listCheck>;

const formula = z.string().trim().min(1, 'Công thức không được để trống.').max(2000, 'Công thức tối đa 2000 ký tự.');

export const listColumn = z.object({
  code: formCode,
  name: text(300),
  type: listColumnType.default('text'),
  /** Đơn vị tính shown under the header, e.g. "Triệu đồng". */
  unit: optionalText(50),
  decimals: z.number().int().min(0).max(10).optional(),
  /** For type "catalog": the code of the catalog (danh mục) whose items the user picks from. */
  catalogCode: optionalText(50),
  /** Longest text accepted, for type "text". */
  maxLength: z.number().int().min(1).max(10000).optional(),
  kind: z.enum(['input', 'computed']).default('input'),
  /** For computed columns, evaluated in each record, e.g. "C3 + C4". */
  formula: formula.optional(),
  checks: z.array(listCheck).default([]),
});
export type ListColumn = z.infer<typeof listColumn>;

export const listColumnGroup = z.object({
  kind: z.literal('group'),
  name: text(300),
  get children() {
    return z.array(listColumnNode).min(1, 'Nhóm cột phải có ít nhất một cột.');
  },
});
export type ListColumnGroup = z.infer<typeof listColumnGroup>;

export const listColumnNode = z.union([listColumnGroup, listColumn]);
export type ListColumnNode = z.infer<typeof listColumnNode>;

export const listFormDefinition = z.object({
  name: text(500),
  /** Ký hiệu biểu, e.g. "03/DS-SKHĐT". */
  code: z.string().trim().min(1, 'Không được để trống.').max(50, 'Tối đa 50 ký tự.'),
  fieldGroup: optionalText(200),
  ownerUnitId: uuid.optional(),
  legalBasis: optionalText(1000),
  note: optionalText(2000),
  columns: z.array(listColumnNode).min(1, 'Báo cáo danh sách phải có ít nhất một cột.'),
  /** Numeric columns summed in a total line under the records ("Tổng cộng"). */
  totalColumns: z.array(formCode).default([]),
  /** Most records a unit may enter; unset: no limit. */
  maxRecords: z.number().int().min(1).max(100000).optional(),
});
export type ListForm = z.infer<typeof listFormDefinition>;
export type ListFormInput = z.input<typeof listFormDefinition>;

export function defineListForm(input: ListFormInput): ListForm {
  return listFormDefinition.parse(input);
}

/** Leaf columns of a list form, left to right, with their path in the definition. */
export function listLeafColumns(form: Pick<ListForm, 'columns'>): { column: ListColumn; path: (string | number)[] }[] {
  const out: { column: ListColumn; path: (string | number)[] }[] = [];
  const visit = (nodes: ListColumnNode[], path: (string | number)[]) =>
    nodes.forEach((node, i) => {
      if (node.kind === 'group') visit(node.children, [...path, i, 'children']);
      else out.push({ column: node, path: [...path, i] });
    });
  visit(form.columns, ['columns']);
  return out;
}

/** The row code of the one record row in `listAsTableForm`. A column code may not take it. */
export const LIST_RECORD_ROW = '__record';

const TABLE_CHECKS = new Set<string>(['required', 'non_negative', 'integer']);

/**
 * One record of a list form as a table form with one input row: the formula engine evaluates and
 * checks a record with it (cell keys "__record:<column code>"). Catalog columns hold the item code,
 * so they are text to the engine; "unique" is across records and checked by the caller.
 */
export function listAsTableForm(list: ListForm): Form {
  const toNode = (node: ListColumnNode): ColumnNode => {
    if (node.kind === 'group') return { kind: 'group', name: node.name, children: node.children.map(toNode) };
    const column: FormColumn = {
      code: node.code,
      name: node.name,
      type: node.type === 'catalog' ? 'text' : node.type,
      kind: node.kind,
      checks: node.checks.filter((c) => TABLE_CHECKS.has(c)) as FormColumn['checks'],
    };
    if (node.decimals !== undefined) column.decimals = node.decimals;
    if (node.formula !== undefined) column.formula = node.formula;
    return column;
  };
  return {
    name: list.name,
    code: list.code,
    sttStyles: ['arabic'],
    rows: [{ id: LIST_RECORD_ROW, code: LIST_RECORD_ROW, name: 'Bản ghi', kind: 'input', checks: [], children: [] }],
    columns: list.columns.map(toNode),
    disabledCells: [],
    cellFormulas: [],
    constraints: [],
    layout: { widths: {}, frozen: 0, orientation: 'landscape' },
  };
}

const NUMERIC_LIST_TYPES: readonly ListColumnType[] = ['number', 'integer', 'percent'];

/**
 * Checks a (schema-valid) list form as a whole: unique column codes, catalog columns naming their
 * catalog, checks that fit the column type, total columns that are numeric, and the formulas of
 * computed columns (through the table form engine). Returns [] when it can be published.
 */
export function validateListForm(list: ListForm): FormProblem[] {
  const problems: FormProblem[] = [];
  const error = (path: (string | number)[], message: string) => problems.push({ path, message, severity: 'error' });
  const warning = (path: (string | number)[], message: string) => problems.push({ path, message, severity: 'warning' });
  const leaves = listLeafColumns(list);
  const byCode = new Map<string, ListColumn>();
  for (const { column, path } of leaves) {
    if (column.code === LIST_RECORD_ROW) error([...path, 'code'], `Mã cột "${column.code}" được hệ thống dành riêng.`);
    if (byCode.has(column.code)) error([...path, 'code'], `Mã cột "${column.code}" bị trùng.`);
    else byCode.set(column.code, column);
    const label = `Cột "${column.name}" (${column.code})`;
    if (column.type === 'catalog' && !column.catalogCode)
      error([...path, 'catalogCode'], `${label} chọn từ danh mục nhưng chưa chọn danh mục.`);
    if (column.type !== 'catalog' && column.catalogCode)
      warning([...path, 'catalogCode'], `${label} không phải loại "Chọn từ danh mục" nên danh mục đã chọn không được dùng.`);
    if (column.maxLength !== undefined && column.type !== 'text')
      warning([...path, 'maxLength'], `${label} không phải loại văn bản nên độ dài tối đa không được dùng.`);
    const numeric = NUMERIC_LIST_TYPES.includes(column.type);
    column.checks.forEach((check, i) => {
      if ((check === 'non_negative' || check === 'integer') && !numeric)
        error([...path, 'checks', i], `${label} không phải cột số nên không kiểm tra được "${CHECK_LABELS[check]}".`);
      if (check === 'unique' && column.kind === 'computed')
        warning([...path, 'checks', i], `${label} là cột tính toán; kiểm tra "không trùng" thường đặt trên cột nhập liệu.`);
    });
  }
  list.totalColumns.forEach((code, i) => {
    const column = byCode.get(code);
    if (!column) error(['totalColumns', i], `Mã cột không tồn tại: ${code}`);
    else if (!NUMERIC_LIST_TYPES.includes(column.type))
      error(['totalColumns', i], `Cột "${column.name}" (${code}) không phải cột số nên không cộng được.`);
  });
  if (problems.some((p) => p.severity === 'error')) return problems;
  // Formulas: the table engine reports unknown codes, kinds without formulas, cycles; its paths into
  // the synthetic form's columns are the same as into the list form's (same column tree).
  for (const p of validateForm(listAsTableForm(list))) {
    problems.push({ ...p, message: p.message.replaceAll(`[${LIST_RECORD_ROW}:`, '[') });
  }
  return problems;
}

const CHECK_LABELS: Record<ListCheck, string> = {
  required: 'bắt buộc nhập',
  non_negative: 'không âm',
  integer: 'số nguyên',
  unique: 'không trùng',
};

import { z } from 'zod';
import { optionalText, text, uuid } from '../api/common.ts';

/**
 * The form model (biểu mẫu): general info, a tree of rows (chỉ tiêu), a tree of columns whose
 * inner nodes are merged header groups, hatched cells, per-cell formulas, and constraints.
 * These schemas are the one source of truth; types are inferred from them. Structural rules that
 * need the whole form (unique codes, formulas that parse, no cycles) are in validateForm.
 */

/**
 * Row and column codes share one namespace, so a bare code in a formula is unambiguous. Codes may
 * start with a digit ("01", "1.1"); such codes are written bracketed in formulas: [01].
 */
export const formCode = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_.\-/]{1,40}$/u, 'Mã chỉ gồm chữ, số và các dấu "_", ".", "-", "/" (tối đa 40 ký tự), ví dụ R01, C1, 1.1.');

export const BUILTIN_CHECKS = ['required', 'non_negative', 'integer', 'parent_ge_children', 'equals_children'] as const;
/** Built-in checks the designer ticks on a row or a column (no formula to write). */
export const builtinCheck = z.enum(BUILTIN_CHECKS);
export type BuiltinCheck = z.infer<typeof builtinCheck>;

const formula = z.string().trim().min(1, 'Công thức không được để trống.').max(2000, 'Công thức tối đa 2000 ký tự.');

export const rowKind = z.enum(['header', 'input', 'computed']);
export type RowKind = z.infer<typeof rowKind>;

export const formRow = z.object({
  /** Stable identity for the designer; the code may be renamed, the id not. */
  id: z.string().min(1).max(64),
  code: formCode,
  name: text(1000),
  /** Đơn vị tính, e.g. "Tỷ đồng", "Người", "%". */
  unit: optionalText(50),
  /** header: a title row without values; input: entered by the unit; computed: from `formula`. */
  kind: rowKind,
  /** For computed rows, evaluated in each column of the row (e.g. "SUM(CHILDREN)", "R01 - R02"). */
  formula: formula.optional(),
  /** The indicator (chỉ tiêu) in the indicator catalogue that this row reports, if any. */
  indicatorCode: optionalText(50),
  /** Phân tổ: disaggregation dimension → category, e.g. { "gioi_tinh": "nu" }. */
  disaggregation: z.record(z.string(), z.string()).optional(),
  checks: z.array(builtinCheck).default([]),
  get children() {
    return z.array(formRow).default([]);
  },
});
export type FormRow = z.infer<typeof formRow>;

export const columnType = z.enum(['number', 'integer', 'percent', 'text', 'boolean', 'date']);
export type ColumnType = z.infer<typeof columnType>;
export const NUMERIC_COLUMN_TYPES: readonly ColumnType[] = ['number', 'integer', 'percent'];

/** A leaf column: the unit of data. */
export const formColumn = z.object({
  code: formCode,
  name: text(300),
  type: columnType.default('number'),
  /** Decimal places shown; display only — values are kept exact (use ROUND to round). */
  decimals: z.number().int().min(0).max(10).optional(),
  kind: z.enum(['input', 'computed']).default('input'),
  /** For computed columns, evaluated in each row (including total rows), e.g. "PERCENT(C2, C4)". */
  formula: formula.optional(),
  checks: z.array(builtinCheck).default([]),
});
export type FormColumn = z.infer<typeof formColumn>;

/**
 * A merged header over its children, e.g. "Thực hiện" over "Kỳ này" and "Lũy kế". Columns and
 * groups form one tree whose leaves, left to right, are the columns: the order is stated once and
 * the header grid follows directly from the tree (see headerRows).
 */
export const columnGroup = z.object({
  kind: z.literal('group'),
  name: text(300),
  get children() {
    return z.array(columnNode).min(1, 'Nhóm cột phải có ít nhất một cột.');
  },
});
export type ColumnGroup = z.infer<typeof columnGroup>;

export const columnNode = z.union([columnGroup, formColumn]);
export type ColumnNode = z.infer<typeof columnNode>;

export const cellRef = z.object({ row: formCode, col: formCode });
export type CellRef = z.infer<typeof cellRef>;

export const cellFormula = cellRef.extend({ formula });
export type CellFormula = z.infer<typeof cellFormula>;

export const constraintScope = z.discriminatedUnion('kind', [
  /** One cell. */
  z.object({ kind: z.literal('cell'), row: formCode, col: formCode }),
  /** Checked in each numeric column of the row. */
  z.object({ kind: z.literal('row'), row: formCode }),
  /** Checked in each row (with a value) of the column. */
  z.object({ kind: z.literal('column'), col: formCode }),
  /** Checked once; references must be [row:col]. */
  z.object({ kind: z.literal('form') }),
]);
export type ConstraintScope = z.infer<typeof constraintScope>;

export const formConstraint = z.object({
  id: z.string().min(1).max(64),
  /** A condition that must be TRUE, e.g. "C2 <= C1" or "[R01:C1] >= [R02:C1] + [R03:C1]". */
  expression: formula,
  /** What the user reads when the condition is FALSE. */
  message: text(500),
  severity: z.enum(['error', 'warning']).default('error'),
  scope: constraintScope,
});
export type FormConstraint = z.infer<typeof formConstraint>;

/** STT styles: I, II / 1, 2 / 1.1, 1.2 / a, b / - / nothing. */
export const sttStyle = z.enum(['roman', 'arabic', 'nested', 'alpha', 'dash', 'none']);
export type SttStyle = z.infer<typeof sttStyle>;
export const DEFAULT_STT_STYLES: readonly SttStyle[] = ['roman', 'arabic', 'alpha', 'dash'];

/**
 * How the form is laid out on screen and on paper: column widths in pixels by leaf column code
 * ("__name" for the criteria column), data columns frozen on the left besides STT, name and unit,
 * and the print orientation. Part of the form, so every unit sees the layout its designer chose.
 */
export const formLayout = z.object({
  widths: z
    .record(z.string(), z.number().int().min(40, 'Độ rộng cột tối thiểu 40 điểm ảnh.').max(1000, 'Độ rộng cột tối đa 1000 điểm ảnh.'))
    .default({}),
  frozen: z.number().int().min(0).max(20).default(0),
  orientation: z.enum(['portrait', 'landscape']).default('landscape'),
});
export type FormLayout = z.infer<typeof formLayout>;

export const formDefinition = z.object({
  name: text(500),
  /** Ký hiệu biểu, e.g. "01/BC-UBND". */
  code: z.string().trim().min(1, 'Không được để trống.').max(50, 'Tối đa 50 ký tự.'),
  /** Lĩnh vực. */
  fieldGroup: optionalText(200),
  /** The unit that owns (chủ trì) the form. */
  ownerUnitId: uuid.optional(),
  /** Căn cứ pháp lý, e.g. "Nghị định 09/2019/NĐ-CP". */
  legalBasis: optionalText(1000),
  note: optionalText(2000),
  /** STT style per row level, top level first; deeper levels reuse the last style. */
  sttStyles: z
    .array(sttStyle)
    .min(1)
    .default([...DEFAULT_STT_STYLES]),
  rows: z.array(formRow).default([]),
  columns: z.array(columnNode).default([]),
  /** Hatched cells: no value, no entry. */
  disabledCells: z.array(cellRef).default([]),
  /** A formula for one cell, taking precedence over its row's and column's formulas. */
  cellFormulas: z.array(cellFormula).default([]),
  constraints: z.array(formConstraint).default([]),
  layout: formLayout.default({ widths: {}, frozen: 0, orientation: 'landscape' }),
});
/** A form after parsing: defaults filled in, text normalised. */
export type Form = z.infer<typeof formDefinition>;
/** What a designer or a test writes: defaults may be omitted. */
export type FormInput = z.input<typeof formDefinition>;

/** Parses and normalises a form definition; throws a ZodError with Vietnamese messages. */
export function defineForm(input: FormInput): Form {
  return formDefinition.parse(input);
}

/** Cell key used by the engine and in messages' data: "rowCode:colCode". */
export function cellKey(row: string, col: string): string {
  return `${row}:${col}`;
}

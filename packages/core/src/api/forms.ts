import { z } from 'zod';
import { optionalText, pageQuery, text, timestamp, uuid } from './common.ts';

export const FORM_KINDS = ['table', 'list', 'outline'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const FORM_KIND_LABELS: Record<FormKind, string> = {
  table: 'Biểu mẫu số liệu',
  list: 'Báo cáo danh sách',
  outline: 'Đề cương báo cáo',
};

export const FORM_SHARING = ['private', 'all', 'units'] as const;
export const FORM_SHARING_LABELS: Record<(typeof FORM_SHARING)[number], string> = {
  private: 'Chỉ đơn vị chủ trì',
  all: 'Chia sẻ cho tất cả đơn vị',
  units: 'Chia sẻ cho một số đơn vị',
};

export const FORM_VERSION_STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã ban hành' } as const;

export const formVersionSummary = z.object({
  id: uuid,
  versionNo: z.number().int(),
  status: z.enum(['draft', 'published']),
  contentHash: z.string(),
  note: z.string().nullable(),
  createdAt: timestamp,
  publishedAt: timestamp.nullable(),
  revision: z.number().int(),
});
export type FormVersionSummary = z.infer<typeof formVersionSummary>;

export const formSummary = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.enum(FORM_KINDS),
  ownerUnitId: uuid,
  ownerUnitName: z.string(),
  fieldGroup: z.string().nullable(),
  sharing: z.enum(FORM_SHARING),
  sharedWith: z.array(z.object({ unitId: uuid, unitName: z.string(), includeSubtree: z.boolean() })),
  copiedFrom: z.object({ formId: uuid, code: z.string(), name: z.string(), versionNo: z.number().int() }).nullable(),
  archived: z.boolean(),
  latestPublished: formVersionSummary.nullable(),
  draft: formVersionSummary.nullable(),
  version: z.number().int(),
  canDesign: z.boolean(),
  updatedAt: timestamp,
});
export type FormSummary = z.infer<typeof formSummary>;

/** A version with its content: a form definition (core's formDefinition for tables). */
export const formVersionDetail = formVersionSummary.extend({ formId: uuid, definition: z.unknown() });
export type FormVersionDetail = z.infer<typeof formVersionDetail>;

export const formListQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  kind: z.enum(FORM_KINDS).optional(),
  /** mine: owned by units in my scope; library: shared with me by others (kho báo cáo mẫu). */
  view: z.enum(['mine', 'library', 'all']).default('all'),
});

export const createFormBody = z.object({
  kind: z.enum(FORM_KINDS).default('table'),
  ownerUnitId: uuid,
  /** The first draft's definition; code and name are read from it. */
  definition: z.unknown(),
});

/** Saving a draft: `revision` is the draft revision the designer loaded (optimistic check). */
export const saveDraftBody = z.object({ revision: z.number().int(), definition: z.unknown(), note: optionalText(500) });

export const publishBody = z.object({ revision: z.number().int(), note: optionalText(500) });

export const shareFormBody = z.object({
  version: z.number().int(),
  sharing: z.enum(FORM_SHARING),
  units: z
    .array(z.object({ unitId: uuid, includeSubtree: z.boolean().default(true) }))
    .max(500)
    .default([]),
});

export const copyFormBody = z.object({
  /** The published version to copy (defaults to the latest). */
  versionId: uuid.optional(),
  ownerUnitId: uuid,
  code: z.string().trim().min(1).max(50),
  name: text(500).optional(),
});

/** Who uses a template: the forms copied from it. */
export const formUsage = z.object({
  copies: z.array(
    z.object({ formId: uuid, code: z.string(), name: z.string(), ownerUnitName: z.string(), fromVersionNo: z.number().int() }),
  ),
});

export const formDiffQuery = z.object({ from: uuid, to: uuid });

/** One field that differs between two versions; `before`/`after` are null when absent. */
export const fieldChange = z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChange>;

/** A row, column, constraint, cell or section; `key` is its code (id for constraints and sections, "R01:C1" for cells). */
export const diffEntry = z.object({ key: z.string(), name: z.string(), changes: z.array(fieldChange) });
export type DiffEntry = z.infer<typeof diffEntry>;

export const diffGroup = z.object({ added: z.array(diffEntry), removed: z.array(diffEntry), changed: z.array(diffEntry) });
export type DiffGroup = z.infer<typeof diffGroup>;

/**
 * What changed between two definitions of one form. Rows and sections are matched by their stable
 * id (a renamed code shows as a change of "code"), columns by code, constraints by id, cells
 * (hatching and per-cell formulas) by "row:col". `cells` and `rows` are empty for list forms,
 * `sections` for table and list forms.
 */
export const definitionDiff = z.object({
  identical: z.boolean(),
  general: z.array(fieldChange),
  rows: diffGroup,
  columns: diffGroup,
  constraints: diffGroup,
  cells: diffGroup,
  sections: diffGroup,
});
export type DefinitionDiff = z.infer<typeof definitionDiff>;

const diffVersion = z.object({ id: uuid, versionNo: z.number().int(), status: z.enum(['draft', 'published']) });

export const formDiff = definitionDiff.extend({ formId: uuid, kind: z.enum(FORM_KINDS), from: diffVersion, to: diffVersion });
export type FormDiff = z.infer<typeof formDiff>;

export const formVersionParams = z.object({ id: uuid, versionId: uuid });

/** Where a problem in a submitted definition is, and what it is (Vietnamese). */
export const definitionProblem = z.object({ path: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) });
export type DefinitionProblem = z.infer<typeof definitionProblem>;

export const definitionProblems = z.object({ problems: z.array(definitionProblem) });

/** Excel import of a form layout: a preview to review before anything is saved. */
export const formImportPreview = z.object({
  definition: z.unknown(),
  problems: z.array(definitionProblem),
  sheetName: z.string(),
  summary: z.object({ rows: z.number().int(), columns: z.number().int(), headerDepth: z.number().int() }),
});

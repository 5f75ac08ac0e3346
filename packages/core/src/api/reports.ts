import { z } from 'zod';
import { REPORT_ACTIONS, REPORT_STATES } from '../workflow/transitions.ts';
import { idParams, isoDate, optionalText, pageQuery, paged, text, timestamp, uuid } from './common.ts';
import { ASSIGNMENT_STATUSES, TIMELINESS } from './regimes.ts';

/**
 * Reports (báo cáo): one per assignment, its versions (a correction makes a new one, nothing is
 * overwritten), its events (every transition) and the data of each version.
 */

// ---------- The data of one version ----------

/**
 * A cell as stored: numbers as exact decimal text in plain notation ("1234.5", "-0.25"), text and
 * dates ("YYYY-MM-DD") as strings, booleans, or null for an empty cell. What the text means follows
 * the column's type in the form definition.
 */
export const reportCellValue = z.union([z.string().max(4000, 'Giá trị tối đa 4000 ký tự.'), z.boolean(), z.null()]);
export type ReportCellValue = z.infer<typeof reportCellValue>;

/** The filled data of one table form (or list form) of the report. */
export const reportFormData = z.object({
  /** Input cells only, by cell key "ROW:COL" (computed cells are recomputed by the engine). */
  values: z.record(z.string(), reportCellValue).default({}),
  /** A consolidating unit's note on a cell whose consolidated figure it overrode, by cell key. */
  notes: z.record(z.string(), z.string().max(2000)).default({}),
  /** The writer's explanation of a warning, by violation key ("constraintId|ROW:COL"). */
  explanations: z.record(z.string(), z.string().max(2000)).default({}),
  /** List forms (báo cáo danh sách): the records, each by column code. */
  records: z.array(z.record(z.string(), reportCellValue)).max(20000).optional(),
});
export type ReportFormData = z.infer<typeof reportFormData>;

/** One outline section's text: the TipTap (ProseMirror) document and its plain text (for differences, search, DOCX). */
export const narrativeSection = z.object({
  doc: z.record(z.string(), z.unknown()),
  text: z.string().max(200000),
});
export type NarrativeSection = z.infer<typeof narrativeSection>;

/** An attached document (PDF, DOCX, XLSX, image); its bytes are stored once by their SHA-256. */
export const reportAttachment = z.object({
  id: uuid,
  fileName: z.string().max(255),
  /** The type sniffed from the content, not the one the browser claimed. */
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedAt: timestamp,
  uploadedBy: z.string().nullable(),
});
export type ReportAttachment = z.infer<typeof reportAttachment>;

export const reportData = z.object({
  /** By form version id (the versions listed on the assignment). */
  forms: z.record(z.string(), reportFormData).default({}),
  /** By outline form version id, then by section id. */
  narrative: z.record(z.string(), z.record(z.string(), narrativeSection)).default({}),
  attachments: z.array(reportAttachment).default([]),
});
export type ReportData = z.infer<typeof reportData>;

/**
 * A save (autosave or explicit): merged into the current version's data. A value of null in
 * `values` empties the cell; a null note, explanation or narrative section removes it. `records`
 * replaces the list form's records as a whole.
 */
export const reportDataPatch = z.object({
  forms: z
    .record(
      z.string(),
      z.object({
        values: z.record(z.string(), reportCellValue).optional(),
        notes: z.record(z.string(), z.string().max(2000).nullable()).optional(),
        explanations: z.record(z.string(), z.string().max(2000).nullable()).optional(),
        records: z.array(z.record(z.string(), reportCellValue)).max(20000).optional(),
      }),
    )
    .optional(),
  narrative: z.record(z.string(), z.record(z.string(), narrativeSection.nullable())).optional(),
});
export type ReportDataPatch = z.infer<typeof reportDataPatch>;

export const saveReportBody = z.object({
  /** The revision of the version the client edited: a stale one is refused (CONFLICT), nothing is overwritten. */
  revision: z.number().int(),
  patch: reportDataPatch,
});
export const saveReportResponse = z.object({ revision: z.number().int(), savedAt: timestamp, contentHash: z.string() });

// ---------- The report ----------

export const reportFormRef = z.object({
  formId: uuid,
  versionId: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.enum(['table', 'list', 'outline']),
  /** The parsed definition (core's schema for the kind). */
  definition: z.record(z.string(), z.unknown()),
});
export type ReportFormRef = z.infer<typeof reportFormRef>;

export const reportEventItem = z.object({
  id: uuid,
  /** A workflow action, or 'created' when the report was opened. */
  action: z.union([z.enum(REPORT_ACTIONS), z.literal('created')]),
  fromState: z.enum(REPORT_STATES).nullable(),
  toState: z.enum(REPORT_STATES),
  versionNo: z.number().int(),
  reason: z.string().nullable(),
  receivedAt: timestamp.nullable(),
  evidence: z.string().nullable(),
  actorName: z.string().nullable(),
  at: timestamp,
  /** Whether the version's content as of this event can be opened (kept by its hash). */
  contentHash: z.string().nullable(),
});
export type ReportEventItem = z.infer<typeof reportEventItem>;

export const reportVersionSummary = z.object({
  versionNo: z.number().int(),
  /** Why this version was opened (the correction's reason); null for version 1. */
  reason: z.string().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  acceptedAt: timestamp.nullable(),
  /** Accepted versions are read-only for ever. */
  locked: z.boolean(),
  contentHash: z.string(),
});

/**
 * Values of other periods the formulas PREV / SAMEPERIOD_LASTYEAR / YTD read, from the unit's
 * accepted reports of the same regime: by form id, then function, then cell key → decimal text.
 */
export const periodValues = z.record(
  z.string(),
  z.object({
    PREV: z.record(z.string(), z.string()),
    SAMEPERIOD_LASTYEAR: z.record(z.string(), z.string()),
    YTD: z.record(z.string(), z.string()),
  }),
);
export type PeriodValues = z.infer<typeof periodValues>;

export const reportSummary = z.object({
  id: uuid,
  assignmentId: uuid,
  regimeId: uuid,
  regimeCode: z.string(),
  regimeName: z.string(),
  periodId: uuid,
  periodCode: z.string(),
  periodLabel: z.string(),
  unitId: uuid,
  unitName: z.string(),
  receivingUnitId: uuid,
  receivingUnitName: z.string(),
  state: z.enum(REPORT_STATES),
  versionNo: z.number().int(),
  deadlineAt: timestamp,
  /** When it was sent through the system, or recorded as received outside it. */
  sentAt: timestamp.nullable(),
  outOfBand: z.boolean(),
  timeliness: z.enum(TIMELINESS),
  /** How late it was sent, in minutes (0 when on time or not sent). */
  lateMinutes: z.number().int(),
  returnCount: z.number().int(),
  updatedAt: timestamp,
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportDetail = reportSummary.extend({
  windowStart: isoDate,
  windowEnd: isoDate,
  periodState: z.enum(['open', 'extended', 'closed']),
  /** The regime lets units send after the deadline. */
  lateSendingAllowed: z.boolean(),
  forms: z.array(reportFormRef),
  /** The current version: its number, its revision for optimistic saves, its data. */
  version: z.object({
    versionNo: z.number().int(),
    revision: z.number().int(),
    data: reportData,
    contentHash: z.string(),
    updatedAt: timestamp,
    updatedBy: z.string().nullable(),
  }),
  versions: z.array(reportVersionSummary),
  events: z.array(reportEventItem),
  /** The buttons to show: core's availableActions for the signed-in user's side(s). */
  actions: z.array(z.enum(REPORT_ACTIONS)),
  /** The data may be edited now by this user. */
  editable: z.boolean(),
  /** The assignment was passed down to subunits: their accepted reports can pre-fill this one. */
  consolidates: z.boolean(),
  periodValues,
  /** The report's state revision, sent back with a transition (a stale one is a CONFLICT). */
  revision: z.number().int(),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const transitionBody = z.object({
  action: z.enum(REPORT_ACTIONS).exclude(['save']),
  /** The report revision the user saw. */
  revision: z.number().int(),
  reason: optionalText(2000),
  /** record_out_of_band: when the report arrived (ISO 8601). */
  receivedAt: timestamp.optional(),
  evidence: optionalText(2000),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const bulkAcceptBody = z.object({ reportIds: z.array(uuid).min(1, 'Chọn ít nhất một báo cáo.').max(500) });
export const bulkAcceptResponse = z.object({
  results: z.array(z.object({ reportId: uuid, ok: z.boolean(), message: z.string().nullable() })),
});

/** record_out_of_band before the unit ever opened its report: the receiver records it on the assignment. */
export const outOfBandBody = z.object({
  receivedAt: timestamp,
  evidence: text(2000),
});

export const reportListQuery = pageQuery.extend({
  /** sender: reports of my units; receiver: reports sent to my units. */
  side: z.enum(['sender', 'receiver']).default('sender'),
  periodId: uuid.optional(),
  regimeId: uuid.optional(),
  state: z.enum(REPORT_STATES).optional(),
  q: z.string().max(200).optional(),
});
export const reportListResponse = paged(reportSummary);

/**
 * The receiver's view of one period: every assignment it receives, with or without a report yet
 * (a unit that has not opened its report shows as not started).
 */
export const incomingItem = z.object({
  assignmentId: uuid,
  unitId: uuid,
  unitName: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  report: reportSummary.nullable(),
  deadlineAt: timestamp,
  timeliness: z.enum(TIMELINESS),
});
export const incomingQuery = z.object({ state: z.enum(REPORT_STATES).optional() });
export const incomingResponse = z.object({
  periodId: uuid,
  periodLabel: z.string(),
  regimeName: z.string(),
  items: z.array(incomingItem),
  counts: z.record(z.string(), z.number().int()),
});

export const reportVersionParams = idParams.extend({ versionNo: z.coerce.number().int().min(1) });
export const reportVersionResponse = z.object({
  versionNo: z.number().int(),
  data: reportData,
  contentHash: z.string(),
  locked: z.boolean(),
});
export const reportSnapshotParams = idParams.extend({ hash: z.string().regex(/^[0-9a-f]{64}$/) });

// ---------- Differences between two versions ----------

export const reportDiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const cellChange = z.object({
  formVersionId: z.string(),
  formCode: z.string(),
  row: z.string(),
  col: z.string(),
  /** "1 – Thu ngân sách" / "Thực hiện kỳ này": what a reader recognises. */
  rowLabel: z.string(),
  colLabel: z.string(),
  before: reportCellValue,
  after: reportCellValue,
});
export type CellChange = z.infer<typeof cellChange>;
export const narrativeChange = z.object({
  formVersionId: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  before: z.string(),
  after: z.string(),
});
export type NarrativeChange = z.infer<typeof narrativeChange>;
export const reportDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  cells: z.array(cellChange),
  narrative: z.array(narrativeChange),
  attachmentsAdded: z.array(z.string()),
  attachmentsRemoved: z.array(z.string()),
});
export type ReportDiff = z.infer<typeof reportDiff>;

// ---------- Consolidation (tổng hợp) ----------

export const consolidationQuery = z.object({ formVersionId: uuid });
/** A receiving unit's view of a period: what its reporting units sent, consolidated. */
export const periodConsolidationQuery = consolidationQuery.extend({ receivingUnitId: uuid.optional() });
export const consolidatedCellItem = z.object({
  /** Decimal text, or null when no contributor had a number. */
  value: z.string().nullable(),
  rule: z.string(),
  contributors: z.array(
    z.object({ unitId: uuid, unitName: z.string(), reportId: uuid, value: z.string().nullable(), weight: z.string().nullable() }),
  ),
  ignored: z.array(z.object({ unitId: uuid, unitName: z.string(), reason: z.string() })),
});
export const consolidationResponse = z.object({
  formVersionId: uuid,
  /** Input cells by cell key. */
  cells: z.record(z.string(), consolidatedCellItem),
  /** Units expected to report that have no accepted report yet (chưa báo cáo hoặc chưa được tiếp nhận). */
  missingUnits: z.array(z.object({ unitId: uuid, unitName: z.string(), status: z.enum(ASSIGNMENT_STATUSES) })),
  reportedUnits: z.array(z.object({ unitId: uuid, unitName: z.string(), reportId: uuid, versionNo: z.number().int() })),
});
export type ConsolidationResponse = z.infer<typeof consolidationResponse>;

// ---------- Excel round trip ----------

export const excelPreviewResponse = z.object({
  /** Cells whose value would change, matched by row and column codes. */
  changes: z.array(cellChange),
  /** Cells that could not be taken, with the reason (text in a number cell, computed cell, unknown code…). */
  rejected: z.array(
    z.object({ sheet: z.string(), cell: z.string(), row: z.string().nullable(), col: z.string().nullable(), reason: z.string() }),
  ),
  unchanged: z.number().int(),
  /** The patch to save when the user confirms (sent back with PATCH /reports/:id/data). */
  patch: reportDataPatch,
});
export type ExcelPreviewResponse = z.infer<typeof excelPreviewResponse>;

export const attachmentParams = idParams.extend({ versionNo: z.coerce.number().int().min(1), attachmentId: uuid });
export const deleteAttachmentParams = idParams.extend({ attachmentId: uuid });
export const attachmentUploadResponse = z.object({ attachment: reportAttachment, revision: z.number().int() });

export type SaveReportResponse = z.infer<typeof saveReportResponse>;
export type BulkAcceptResult = z.infer<typeof bulkAcceptResponse>['results'][number];
export type IncomingItem = z.infer<typeof incomingItem>;
export type IncomingResponse = z.infer<typeof incomingResponse>;
export type ReportVersionResponse = z.infer<typeof reportVersionResponse>;

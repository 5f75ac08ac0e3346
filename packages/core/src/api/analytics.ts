import { z } from 'zod';
import { AGGREGATIONS } from './indicators.ts';
import { UNIT_KINDS } from '../units/kinds.ts';
import { PERIOD_TYPES } from '../periods/types.ts';
import { isoDate, text, timestamp, uuid } from './common.ts';

/**
 * Analytics (khai thác dữ liệu): the figures of accepted reports as facts (indicator × disaggregation
 * × unit × period × measure → value), explored as pivot tables and charts within the user's
 * authority, composed into dashboards, published on the public portal (công khai thông tin); and
 * the timeliness statistics of reporting (thống kê tình hình thực hiện báo cáo) used to rank units.
 *
 * Every query is limited to the units the caller holds `analytics.read` on, in the query itself;
 * naming a unit outside that authority is refused (OUT_OF_SCOPE), never silently narrowed.
 */

// ---------- Limits (one place, for the browser and the server) ----------

export const ANALYTICS_LIMITS = {
  indicators: 50,
  measures: 20,
  explicitUnits: 5000,
  /** Periods a query may span (10 years of months). */
  periods: 120,
  /** Cells of a pivot answered in one response; beyond it: narrow the query or export the facts. */
  pivotCells: 20000,
  rowDimensions: 4,
  columnDimensions: 3,
  /** Rows of one facts export file (.xlsx); CSV is streamed without a limit. */
  xlsxRows: 1_000_000,
} as const;

// ---------- Facts ----------

/** Where a fact comes from: an accepted report version, or data imported as it is (history, other systems). */
export const FACT_SOURCES = ['report', 'import'] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

/**
 * The canonical text of a form row's disaggregation: its pairs "CATALOG=ITEM" sorted by catalog
 * code, joined by ";"; "" for the total (no breakdown). { gioi_tinh: 'nu' } → "GIOI_TINH=NU".
 */
export function disaggregationKey(d: Readonly<Record<string, string>> | undefined | null): string {
  if (!d) return '';
  return Object.entries(d)
    .map(([k, v]) => [k.trim().toUpperCase(), v.trim().toUpperCase()] as const)
    .filter(([k, v]) => k !== '' && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}

// ---------- Exploration (pivot) ----------

export const PIVOT_DIMENSIONS = ['indicator', 'measure', 'disaggregation', 'unit', 'period', 'year', 'regime'] as const;
export type PivotDimension = (typeof PIVOT_DIMENSIONS)[number];
export const PIVOT_DIMENSION_LABELS: Record<PivotDimension, string> = {
  indicator: 'Chỉ tiêu',
  measure: 'Cột số liệu',
  disaggregation: 'Phân tổ',
  unit: 'Đơn vị',
  period: 'Kỳ báo cáo',
  year: 'Năm',
  regime: 'Chế độ báo cáo',
};

/** Units of a query: listed one by one, or every unit of some kinds under a unit (by hierarchy level). */
export const unitSelection = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('explicit'),
    unitIds: z.array(uuid).min(1, 'Hãy chọn ít nhất một đơn vị.').max(ANALYTICS_LIMITS.explicitUnits),
  }),
  z.object({
    mode: z.literal('level'),
    /** Default: every unit the caller may see. */
    rootUnitId: uuid.optional(),
    /** Empty: every kind. */
    kinds: z.array(z.enum(UNIT_KINDS)).default([]),
  }),
]);
export type UnitSelection = z.infer<typeof unitSelection>;

/** Periods of one type, from one period code to another (inclusive), e.g. M2025-01 … M2026-10. */
export const periodSelection = z.object({
  periodType: z.enum(PERIOD_TYPES),
  from: z.string().min(2).max(20),
  to: z.string().min(2).max(20),
  /** Add the same periods one year earlier ("cùng kỳ năm trước"). */
  samePeriodLastYear: z.boolean().default(false),
  /**
   * Follow the newest figures: keep the range's length but end it at the latest period that has
   * figures of the chosen indicators, so that a saved view, a dashboard tile or a published dataset
   * moves on each month by itself.
   */
  rolling: z.boolean().default(false),
});
export type PeriodSelection = z.infer<typeof periodSelection>;

export const explorationQuery = z.object({
  indicatorCodes: z
    .array(z.string().min(1).max(50))
    .min(1, 'Hãy chọn ít nhất một chỉ tiêu.')
    .max(ANALYTICS_LIMITS.indicators, `Chọn tối đa ${ANALYTICS_LIMITS.indicators} chỉ tiêu.`),
  /** Column codes of the forms (e.g. TH, LK); empty: every measure reported. */
  measures: z.array(z.string().min(1).max(40)).max(ANALYTICS_LIMITS.measures).default([]),
  units: unitSelection,
  periods: periodSelection,
  /** Only the facts of one regime; default: every regime and imported data. */
  regimeId: uuid.optional(),
  /** Dimensions on the rows, outermost first. A dimension not placed is added up (totals only for 'disaggregation'). */
  rows: z.array(z.enum(PIVOT_DIMENSIONS)).max(ANALYTICS_LIMITS.rowDimensions).default(['unit']),
  columns: z.array(z.enum(PIVOT_DIMENSIONS)).max(ANALYTICS_LIMITS.columnDimensions).default(['period']),
});
export type ExplorationQuery = z.infer<typeof explorationQuery>;
export type ExplorationQueryInput = z.input<typeof explorationQuery>;

/** One header entry of a pivot axis, in display order: leaves, then the sub-total after each group, the grand total last. */
export const pivotHeader = z.object({
  kind: z.enum(['member', 'subtotal', 'total']),
  /** Member keys from the outermost dimension; a subtotal has the keys of the group it closes; the total none. */
  keys: z.array(z.string()),
  labels: z.array(z.string()),
});
export type PivotHeader = z.infer<typeof pivotHeader>;

export const pivotIndicator = z.object({
  code: z.string(),
  name: z.string(),
  unitOfMeasure: z.string().nullable(),
  aggregation: z.enum(AGGREGATIONS),
});
export type PivotIndicator = z.infer<typeof pivotIndicator>;

export const pivotResult = z.object({
  rowDimensions: z.array(z.enum(PIVOT_DIMENSIONS)),
  columnDimensions: z.array(z.enum(PIVOT_DIMENSIONS)),
  rows: z.array(pivotHeader),
  columns: z.array(pivotHeader),
  /** cells[r][c]: exact decimal text ("1234.5"), or null (no figure, or a total that cannot be made). */
  cells: z.array(z.array(z.string().nullable())),
  indicators: z.array(pivotIndicator),
  /** How many facts the table is made of. */
  factCount: z.number().int(),
  /** Vietnamese notes for the reader (e.g. totals across indicators are not computed). */
  notes: z.array(z.string()),
});
export type PivotResult = z.infer<typeof pivotResult>;

/** Measures (columns of forms) and disaggregation members available for some indicators, for the pickers. */
export const explorationOptions = z.object({
  measures: z.array(z.object({ code: z.string(), name: z.string() })),
  disaggregations: z.array(z.object({ key: z.string(), label: z.string() })),
  periodTypes: z.array(z.enum(PERIOD_TYPES)),
  /** Latest period code with facts, per period type, for sensible defaults. */
  latestPeriods: z.record(z.string(), z.string()),
});
export type ExplorationOptions = z.infer<typeof explorationOptions>;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('xlsx') });

// ---------- Saved views ----------

export const CHART_TYPES = ['line', 'column', 'stacked', 'pie'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export const CHART_TYPE_LABELS: Record<ChartType, string> = {
  line: 'Đường',
  column: 'Cột',
  stacked: 'Cột chồng',
  pie: 'Tròn',
};

export const viewDisplay = z.object({
  mode: z.enum(['table', 'chart']).default('table'),
  chartType: z.enum(CHART_TYPES).default('column'),
});
export type ViewDisplay = z.infer<typeof viewDisplay>;

/** Who else sees a saved view: nobody, the owner's unit, everyone (each still within their own authority). */
export const VIEW_SHARING = ['private', 'unit', 'all'] as const;
export type ViewSharing = (typeof VIEW_SHARING)[number];
export const VIEW_SHARING_LABELS: Record<ViewSharing, string> = {
  private: 'Chỉ mình tôi',
  unit: 'Người dùng cùng đơn vị',
  all: 'Mọi người dùng',
};

export const saveViewBody = z.object({
  name: text(200),
  description: z.string().max(2000).nullable().optional(),
  query: explorationQuery,
  display: viewDisplay.default({ mode: 'table', chartType: 'column' }),
  sharing: z.enum(VIEW_SHARING).default('private'),
  /** When updating: the version read (optimistic check). */
  version: z.number().int().optional(),
});
export type SaveViewBody = z.input<typeof saveViewBody>;

export const savedView = z.object({
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  query: explorationQuery,
  display: viewDisplay,
  sharing: z.enum(VIEW_SHARING),
  ownerId: uuid,
  ownerName: z.string(),
  ownerUnitName: z.string().nullable(),
  mine: z.boolean(),
  updatedAt: timestamp,
  version: z.number().int(),
});
export type SavedView = z.infer<typeof savedView>;
export const savedViewList = z.object({ items: z.array(savedView) });

// ---------- Timeliness statistics ----------

/** How one assignment (regime × period × unit) stands in the statistics. */
export const TIMELINESS_OUTCOMES = ['on_time', 'late', 'not_sent', 'pending'] as const;
export type TimelinessOutcome = (typeof TIMELINESS_OUTCOMES)[number];
export const TIMELINESS_OUTCOME_LABELS: Record<TimelinessOutcome, string> = {
  on_time: 'Đúng hạn',
  late: 'Muộn',
  not_sent: 'Không gửi',
  pending: 'Chưa đến hạn',
};

export const timelinessQuery = z.object({
  regimeId: uuid.optional(),
  /** Empty: every kind. */
  unitKinds: z
    .union([z.array(z.enum(UNIT_KINDS)), z.enum(UNIT_KINDS)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .default([]),
  /** Periods whose deadline in force falls between these dates (inclusive); default: the current year. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only these units and their subunits; default: every unit the caller may see. */
  rootUnitId: uuid.optional(),
});
export type TimelinessQuery = z.infer<typeof timelinessQuery>;
export type TimelinessQueryInput = z.input<typeof timelinessQuery>;

/** One assignment's line of the statistics. */
export const timelinessRecord = z.object({
  assignmentId: uuid,
  reportId: uuid.nullable(),
  regimeId: uuid,
  regimeName: z.string(),
  periodCode: z.string(),
  periodLabel: z.string(),
  unitId: uuid,
  unitName: z.string(),
  deadlineAt: timestamp,
  /** The deadline before any extension. */
  originalDeadlineAt: timestamp,
  /** The sending that counts (an out-of-band arrival: the recorded time). */
  sentAt: timestamp.nullable(),
  outOfBand: z.boolean(),
  outcome: z.enum(TIMELINESS_OUTCOMES),
  /** For a late sending, how late, in minutes. */
  lateMinutes: z.number().int(),
  returnCount: z.number().int(),
  /** Accepted, then corrected (đính chính) at least once. */
  corrected: z.boolean(),
});
export type TimelinessRecord = z.infer<typeof timelinessRecord>;

/** Per unit over the query's range: counts, rates (percent, 1 decimal, of the assignments due) and rank. */
export const unitTimeliness = z.object({
  unitId: uuid,
  unitName: z.string(),
  unitKind: z.enum(UNIT_KINDS),
  /** Assignments whose deadline has passed or that were sent (pending ones are not counted). */
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  notSent: z.number().int(),
  pending: z.number().int(),
  returned: z.number().int(),
  corrected: z.number().int(),
  /** Percent as decimal text with one decimal ("87.5"), null when nothing is due. */
  onTimeRate: z.string().nullable(),
  sentRate: z.string().nullable(),
  /** Average lateness of the late sendings, minutes. */
  averageLateMinutes: z.number().int().nullable(),
  /** 1 = best; equal figures share a rank (1, 2, 2, 4). Null when nothing is due. */
  rank: z.number().int().nullable(),
});
export type UnitTimeliness = z.infer<typeof unitTimeliness>;

export const timelinessTrendPoint = z.object({
  /** Month of the deadline, "YYYY-MM". */
  month: z.string(),
  due: z.number().int(),
  onTime: z.number().int(),
  onTimeRate: z.string().nullable(),
});

export const timelinessResponse = z.object({
  from: isoDate,
  to: isoDate,
  totals: unitTimeliness.omit({ unitId: true, unitName: true, unitKind: true, rank: true }),
  /** Ranked best first. */
  units: z.array(unitTimeliness),
  trend: z.array(timelinessTrendPoint),
});
export type TimelinessResponse = z.infer<typeof timelinessResponse>;

export const timelinessRecordsQuery = timelinessQuery.and(
  z.object({
    outcome: z.enum(TIMELINESS_OUTCOMES).optional(),
    unitId: uuid.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  }),
);
export const timelinessRecordPage = z.object({
  items: z.array(timelinessRecord),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TimelinessRecordPage = z.infer<typeof timelinessRecordPage>;

// ---------- Dashboards ----------

/** A KPI tile: one indicator's latest figure for one unit, with its changes and its target. */
export const kpiTileSpec = z.object({
  kind: z.literal('kpi'),
  title: text(200),
  indicatorCode: z.string().min(1).max(50),
  measure: z.string().min(1).max(40),
  /** Default: the dashboard's unit. */
  unitId: uuid.optional(),
  periodType: z.enum(PERIOD_TYPES),
  /** The target: another indicator's figure (a plan indicator), or the same indicator in another measure (e.g. "Kế hoạch năm"). */
  target: z
    .object({ indicatorCode: z.string().min(1).max(50), measure: z.string().min(1).max(40) })
    .nullable()
    .default(null),
});
export type KpiTileSpec = z.infer<typeof kpiTileSpec>;

/** A saved view shown as a table or a chart. */
export const viewTileSpec = z.object({
  kind: z.literal('view'),
  title: text(200),
  viewId: uuid,
  display: viewDisplay.optional(),
});
export type ViewTileSpec = z.infer<typeof viewTileSpec>;

export const tileSpec = z.discriminatedUnion('kind', [kpiTileSpec, viewTileSpec]);
export type TileSpec = z.infer<typeof tileSpec>;

export const saveDashboardBody = z.object({
  name: text(200),
  description: z.string().max(2000).nullable().optional(),
  /** The unit whose leaders see it as their unit's dashboard. */
  unitId: uuid,
  tiles: z.array(tileSpec).max(24, 'Một bảng điều khiển có tối đa 24 ô.'),
  version: z.number().int().optional(),
});
export type SaveDashboardBody = z.input<typeof saveDashboardBody>;

export const dashboard = z.object({
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  unitId: uuid,
  unitName: z.string(),
  tiles: z.array(tileSpec),
  updatedAt: timestamp,
  updatedByName: z.string().nullable(),
  version: z.number().int(),
  /** Whether the caller may change it. */
  canManage: z.boolean(),
});
export type Dashboard = z.infer<typeof dashboard>;
export const dashboardList = z.object({ items: z.array(dashboard.omit({ tiles: true }).extend({ tileCount: z.number().int() })) });

export const kpiValue = z.object({
  periodCode: z.string().nullable(),
  periodLabel: z.string().nullable(),
  value: z.string().nullable(),
  previous: z.string().nullable(),
  /** Percent change against the previous period, one decimal. */
  changeVsPrevious: z.string().nullable(),
  samePeriodLastYear: z.string().nullable(),
  changeVsLastYear: z.string().nullable(),
  target: z.string().nullable(),
  /**
   * What the target is compared with: the period's own figure ('period', a plan of the same period),
   * or the figure from the start of the year to the period ('year_to_date', against a yearly plan).
   */
  targetBasis: z.enum(['period', 'year_to_date']).nullable(),
  /** From the first period of the year to the latest one, by the indicator's rule (with a yearly plan). */
  yearToDate: z.string().nullable(),
  /** The compared figure / target in percent, one decimal. */
  targetRate: z.string().nullable(),
  unitOfMeasure: z.string().nullable(),
});
export type KpiValue = z.infer<typeof kpiValue>;

export const tileData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kpi'), kpi: kpiValue }),
  z.object({ kind: z.literal('view'), view: savedView, result: pivotResult }),
  /** A tile that cannot be shown to this reader (a view deleted, or outside their authority). */
  z.object({ kind: z.literal('unavailable'), message: z.string() }),
]);
export type TileData = z.infer<typeof tileData>;
export const dashboardData = z.object({ dashboard, tiles: z.array(tileData), refreshedAt: timestamp });
export type DashboardData = z.infer<typeof dashboardData>;

// ---------- Public portal (công khai thông tin) ----------

export const publishDatasetBody = z.object({
  title: text(300),
  description: z.string().max(4000).nullable().optional(),
  query: explorationQuery,
  display: viewDisplay.default({ mode: 'table', chartType: 'column' }),
});
export type PublishDatasetBody = z.input<typeof publishDatasetBody>;

export const publishedDataset = z.object({
  id: uuid,
  title: z.string(),
  description: z.string().nullable(),
  query: explorationQuery,
  display: viewDisplay,
  active: z.boolean(),
  publishedByName: z.string().nullable(),
  publishedAt: timestamp,
  unpublishedAt: timestamp.nullable(),
  /** "YYYY-MM" of the latest snapshot. */
  latestSnapshot: z.string().nullable(),
});
export type PublishedDataset = z.infer<typeof publishedDataset>;
export const publishedDatasetList = z.object({ items: z.array(publishedDataset) });

/** What the public reads: only snapshots of datasets still published. */
export const publicDataset = z.object({
  id: uuid,
  title: z.string(),
  description: z.string().nullable(),
  display: viewDisplay,
  month: z.string(),
  snapshotAt: timestamp,
  result: pivotResult,
});
export type PublicDataset = z.infer<typeof publicDataset>;
export const publicDatasetList = z.object({
  items: z.array(publicDataset.pick({ id: true, title: true, description: true, month: true, snapshotAt: true })),
});

// ---------- Dashboards as the server answers (added with the dashboards' routes) ----------

/*
 * Tiles as the server sends them back: the fields of tileSpec, with plain strings where the request
 * schema normalises typed text (a response schema cannot run that transform backwards).
 */
export const tileSpecResponse = z.discriminatedUnion('kind', [
  kpiTileSpec.extend({ title: z.string() }),
  viewTileSpec.extend({ title: z.string() }),
]);
export const dashboardResponse = dashboard.extend({ tiles: z.array(tileSpecResponse) });
export const dashboardDataResponse = dashboardData.extend({ dashboard: dashboardResponse });

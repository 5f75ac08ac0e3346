import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';

/**
 * The analytics store: one row per figure of an accepted report version (or of imported data),
 * indicator × disaggregation × unit × period × measure → value. Written in the transaction that
 * accepts the version; an accepted correction marks the previous version's facts superseded (kept
 * for audit) and writes its own. Partitioned by year (migration 0010 declares the partitions,
 * 2010–2040 and a default one): the table is derived data, so it has no foreign keys, and a fact
 * stays attached to the unit that reported it even after the unit is merged or split.
 */
export const factValue = pgTable(
  'fact_value',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    /** Partition key: the period's year (for custom periods, the year the window ends). */
    year: smallint('year').notNull(),
    periodType: text('period_type').notNull(),
    /** Core's period code (M2026-10, Q2026-3, Y2026; custom C1…). */
    periodCode: text('period_code').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    regimeId: uuid('regime_id'),
    regimePeriodId: uuid('regime_period_id'),
    unitId: uuid('unit_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    /** Core's disaggregationKey: "" for the total, "GIOI_TINH=NU" for a breakdown. */
    disaggregation: text('disaggregation').notNull().default(''),
    /** The form column the figure is in (TH, LK, DT…) and its name. */
    measure: text('measure').notNull(),
    measureName: text('measure_name').notNull(),
    unitOfMeasure: text('unit_of_measure'),
    value: numeric('value').notNull(),
    /** For a weighted-average indicator: the weight indicator's figure in the same column of the same report. */
    weight: numeric('weight'),
    sourceKind: text('source_kind').notNull(),
    reportId: uuid('report_id'),
    reportVersionId: uuid('report_version_id'),
    versionNo: integer('version_no'),
    formVersionId: uuid('form_version_id'),
    rowCode: text('row_code'),
    /** For imported data: where it comes from (R22 nguồn). */
    sourceNote: text('source_note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededByVersionId: uuid('superseded_by_version_id'),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.id] }),
    index('fact_value_query_idx')
      .on(t.indicatorCode, t.periodType, t.periodCode, t.unitId)
      .where(sql`${t.supersededAt} is null`),
    index('fact_value_report_idx').on(t.reportId),
    check('fact_value_source_kind', sql`${t.sourceKind} in ('report', 'import')`),
    check('fact_value_report_source', sql`${t.sourceKind} <> 'report' or ${t.reportVersionId} is not null`),
  ],
);

/** A saved exploration (khung nhìn): the query, how it is shown, and who else may open it. */
export const analyticsView = pgTable(
  'analytics_view',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    query: jsonb('query').notNull(),
    display: jsonb('display').notNull(),
    sharing: text('sharing').notNull().default('private'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'restrict' }),
    /** The owner's unit when saved: 'unit' sharing means the users of this unit. */
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnit.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('analytics_view_owner_idx').on(t.ownerId),
    check('analytics_view_sharing', sql`${t.sharing} in ('private', 'unit', 'all')`),
  ],
);

/** A dashboard (bảng điều khiển) of a unit: KPI tiles and saved views, composed by an administrator. */
export const dashboard = pgTable(
  'dashboard',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    tiles: jsonb('tiles').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('dashboard_unit_idx').on(t.unitId)],
);

/**
 * A dataset published on the public portal (công khai thông tin) by an authorised user. The public
 * never reads facts: only the monthly snapshots of datasets still active.
 */
export const publicDataset = pgTable('public_dataset', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  description: text('description'),
  query: jsonb('query').notNull(),
  display: jsonb('display').notNull(),
  active: boolean('active').notNull().default(true),
  publishedBy: uuid('published_by'),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  unpublishedBy: uuid('unpublished_by'),
  unpublishedAt: timestamp('unpublished_at', { withTimezone: true }),
});

/** The figures of a published dataset as of one month (the regulation asks for a monthly refresh). */
export const publicSnapshot = pgTable(
  'public_snapshot',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => publicDataset.id, { onDelete: 'restrict' }),
    /** "YYYY-MM" in Vietnam's time. */
    month: text('month').notNull(),
    /** Core's PivotResult. */
    result: jsonb('result').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('public_snapshot_month_uq').on(t.datasetId, t.month)],
);

import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regime, regimeVersion } from '../regimes/tables.ts';
import { orgUnit } from '../units/tables.ts';

/**
 * One period of a regime (kỳ báo cáo), opened by the scheduler (periodic regimes) or at publication
 * (thematic and ad hoc ones), with its cut-off window and the deadlines in force at each level.
 */
export const regimePeriod = pgTable(
  'regime_period',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regimeId: uuid('regime_id')
      .notNull()
      .references(() => regime.id, { onDelete: 'restrict' }),
    regimeVersionId: uuid('regime_version_id')
      .notNull()
      .references(() => regimeVersion.id, { onDelete: 'restrict' }),
    /** Core's period code ("M2026-12", "Q2026-4"; custom periods "C1", "C2"…): sorts within a type. */
    periodCode: text('period_code').notNull(),
    periodType: text('period_type').notNull(),
    /** "Tháng 12/2026". */
    label: text('label').notNull(),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    /** Deadlines per level, top first: [{ label, date, time, at }] (LEGAL R9). */
    deadlines: jsonb('deadlines').notNull(),
    /** The top level's deadline in force (after an extension for all units). */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    state: text('state').notNull().default('open'),
    /** Published form versions in force when the period opened: [formVersionId…]. */
    formVersionIds: jsonb('form_version_ids').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('regime_period_code_uq').on(t.regimeId, t.periodCode),
    index('regime_period_deadline_idx').on(t.deadlineAt),
    check('regime_period_state', sql`${t.state} in ('open', 'extended', 'closed')`),
    check('regime_period_window', sql`${t.windowStart} <= ${t.windowEnd}`),
  ],
);

/**
 * A request to one unit to report one regime period (giao báo cáo). A unit that consolidates
 * passes it down (giao tiếp): the children point to their parent and are received by its unit.
 */
export const assignment = pgTable(
  'assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regimePeriodId: uuid('regime_period_id')
      .notNull()
      .references(() => regimePeriod.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    parentAssignmentId: uuid('parent_assignment_id').references((): AnyPgColumn => assignment.id, { onDelete: 'restrict' }),
    /** 0 for the regime's reporting units, 1 for their subunits, … */
    level: integer('level').notNull().default(0),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    originalDeadlineAt: timestamp('original_deadline_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('not_started'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    formVersionIds: jsonb('form_version_ids').notNull(),
    note: text('note'),
    /** Null when the scheduler created it. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('assignment_top_uq')
      .on(t.regimePeriodId, t.unitId)
      .where(sql`${t.parentAssignmentId} is null`),
    uniqueIndex('assignment_child_uq').on(t.parentAssignmentId, t.unitId),
    index('assignment_unit_idx').on(t.unitId, t.status),
    index('assignment_receiving_idx').on(t.receivingUnitId),
    index('assignment_deadline_idx').on(t.deadlineAt),
    check('assignment_status', sql`${t.status} in ('not_started', 'in_progress', 'sent', 'accepted', 'returned', 'cancelled')`),
  ],
);

/** What happened to a period or an assignment: opened, closed, reopened, extended (with reason), delegated. */
export const regimePeriodEvent = pgTable(
  'regime_period_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regimePeriodId: uuid('regime_period_id')
      .notNull()
      .references(() => regimePeriod.id, { onDelete: 'restrict' }),
    assignmentId: uuid('assignment_id').references(() => assignment.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    reason: text('reason'),
    oldDeadlineAt: timestamp('old_deadline_at', { withTimezone: true }),
    newDeadlineAt: timestamp('new_deadline_at', { withTimezone: true }),
    /** Units concerned, when not all of the period's. */
    unitIds: jsonb('unit_ids'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('regime_period_event_period_idx').on(t.regimePeriodId, t.at),
    check('regime_period_event_kind', sql`${t.kind} in ('opened', 'closed', 'reopened', 'extended', 'delegated', 'reminded')`),
  ],
);

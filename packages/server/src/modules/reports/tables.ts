import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assignment, regimePeriod } from '../assignments/tables.ts';
import { orgUnit } from '../units/tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * One unit's report for one assignment (báo cáo). Its workflow state lives here; its data lives in
 * versions. `revision` moves on every state change: a transition carries the revision the user saw.
 */
export const report = pgTable(
  'report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignment.id, { onDelete: 'restrict' }),
    regimePeriodId: uuid('regime_period_id')
      .notNull()
      .references(() => regimePeriod.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    state: text('state').notNull().default('draft'),
    /** The version being worked on or, once accepted, in force. */
    currentVersionNo: integer('current_version_no').notNull().default(1),
    /** Last sending through the system, or the recorded time of an out-of-band arrival. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    outOfBand: boolean('out_of_band').notNull().default(false),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    returnCount: integer('return_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    uniqueIndex('report_assignment_uq').on(t.assignmentId),
    index('report_period_receiver_idx').on(t.regimePeriodId, t.receivingUnitId, t.state),
    index('report_unit_idx').on(t.unitId, t.state),
    index('report_receiver_idx').on(t.receivingUnitId, t.state),
    check(
      'report_state',
      sql`${t.state} in ('draft', 'submitted', 'reviewed', 'approved', 'sent', 'accepted', 'returned', 'correction_requested')`,
    ),
  ],
);

/**
 * One version of a report's data (core's `reportData`: values, notes, explanations, narrative,
 * attachment list). Version 1 is made with the report; an approved correction makes the next one.
 * A version is locked once accepted: a trigger refuses any change of its data from then on.
 */
export const reportVersion = pgTable(
  'report_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => report.id, { onDelete: 'restrict' }),
    versionNo: integer('version_no').notNull(),
    data: jsonb('data').notNull(),
    /** SHA-256 of the RFC 8785 canonical JSON of `data`. */
    contentHash: text('content_hash').notNull(),
    /** The correction's reason for versions after the first. */
    reason: text('reason'),
    /** Optimistic concurrency of saves: a save names the revision it edited. */
    revision: integer('revision').notNull().default(1),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('report_version_no_uq').on(t.reportId, t.versionNo)],
);

/**
 * Every transition of a report (append-only, a trigger refuses update and delete): who, when, why,
 * from which state to which, on which version, and the hash of the content as it was then.
 */
export const reportEvent = pgTable(
  'report_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => report.id, { onDelete: 'restrict' }),
    versionNo: integer('version_no').notNull(),
    /** A core REPORT_ACTION (not 'save'), or 'created'. */
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    evidence: text('evidence'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    contentHash: text('content_hash'),
  },
  (t) => [index('report_event_report_idx').on(t.reportId, t.at)],
);

/**
 * The content of a version as it stood at an event, by its hash (written once, never changed):
 * what was sent and returned stays readable after the unit edits its draft again.
 */
export const reportSnapshot = pgTable('report_snapshot', {
  contentHash: text('content_hash').primaryKey(),
  data: jsonb('data').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Bytes of attached documents, stored once by their SHA-256 (the version data lists them by hash). */
export const storedFile = pgTable('stored_file', {
  sha256: text('sha256').primaryKey(),
  contentType: text('content_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnit } from '../units/tables.ts';

/**
 * A reporting regime (chế độ báo cáo): identity, owner and status. What it asks (the eleven
 * elements of ND 09/2019) lives in versions; `name` and `kind` mirror the latest version for lists.
 */
export const regime = pgTable(
  'regime',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Ký hiệu, unique per owner unit. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    frequency: text('frequency').notNull(),
    /** Đơn vị chủ trì: who designs, assigns and monitors it. */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    /** draft: never published; active: the scheduler opens its periods; stopped: no new periods. */
    status: text('status').notNull().default('draft'),
    /** The latest published version: the one the scheduler uses for new periods. */
    currentVersionId: uuid('current_version_id').references((): AnyPgColumn => regimeVersion.id, { onDelete: 'restrict' }),
    searchText: text('search_text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('regime_owner_code_uq').on(t.ownerUnitId, t.code),
    index('regime_status_idx').on(t.status),
    check('regime_kind', sql`${t.kind} in ('dinh_ky', 'chuyen_de', 'dot_xuat')`),
    check('regime_status', sql`${t.status} in ('draft', 'active', 'stopped')`),
  ],
);

/**
 * One version of a regime's content (core's `regimeContent`). A draft may be edited; a published
 * version never changes (a trigger refuses it), because periods were or will be opened from it.
 */
export const regimeVersion = pgTable(
  'regime_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regimeId: uuid('regime_id')
      .notNull()
      .references((): AnyPgColumn => regime.id, { onDelete: 'restrict' }),
    versionNo: integer('version_no').notNull(),
    status: text('status').notNull().default('draft'),
    content: jsonb('content').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    /** Optimistic concurrency for drafts. */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    uniqueIndex('regime_version_no_uq').on(t.regimeId, t.versionNo),
    uniqueIndex('regime_version_one_draft_uq')
      .on(t.regimeId)
      .where(sql`${t.status} = 'draft'`),
    check('regime_version_status', sql`${t.status} in ('draft', 'published')`),
  ],
);

import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnit } from '../units/tables.ts';

/**
 * A form (biểu mẫu): a table form, a list form (báo cáo danh sách) or an outline (đề cương). Its
 * content lives in versions; the form row carries identity, ownership and sharing.
 */
export const form = pgTable(
  'form',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Ký hiệu biểu, e.g. "01/BC-UBND"; unique per owner unit. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('table'),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    fieldGroup: text('field_group'),
    /** Template library (kho báo cáo mẫu): 'private', shared with 'all' units, or with listed 'units'. */
    sharing: text('sharing').notNull().default('private'),
    /** The published version this form was copied from, when it was adapted from a template. */
    copiedFromVersionId: uuid('copied_from_version_id').references((): AnyPgColumn => formVersion.id, { onDelete: 'restrict' }),
    archived: boolean('archived').notNull().default(false),
    searchText: text('search_text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('form_owner_code_uq').on(t.ownerUnitId, t.code),
    check('form_kind', sql`${t.kind} in ('table', 'list', 'outline')`),
    check('form_sharing', sql`${t.sharing} in ('private', 'all', 'units')`),
  ],
);

/**
 * One version of a form's content. A draft may be edited; a published version never changes
 * (a trigger refuses it): editing a published form makes a new draft version.
 */
export const formVersion = pgTable(
  'form_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references((): AnyPgColumn => form.id, { onDelete: 'restrict' }),
    versionNo: integer('version_no').notNull(),
    status: text('status').notNull().default('draft'),
    /** The definition, validated by core's schema for the form's kind (formDefinition for tables). */
    definition: jsonb('definition').notNull(),
    /** SHA-256 of the canonical JSON of the definition. */
    contentHash: text('content_hash').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    /** Optimistic concurrency for drafts edited by two designers. */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    uniqueIndex('form_version_no_uq').on(t.formId, t.versionNo),
    /** At most one draft per form. */
    uniqueIndex('form_version_one_draft_uq')
      .on(t.formId)
      .where(sql`${t.status} = 'draft'`),
    check('form_version_status', sql`${t.status} in ('draft', 'published')`),
  ],
);

/** Units a form is shared with when sharing = 'units'. */
export const formShare = pgTable(
  'form_share',
  {
    formId: uuid('form_id')
      .notNull()
      .references(() => form.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    includeSubtree: boolean('include_subtree').notNull().default(true),
  },
  (t) => [uniqueIndex('form_share_uq').on(t.formId, t.unitId), index('form_share_unit_idx').on(t.unitId)],
);

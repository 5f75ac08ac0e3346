import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnit } from '../units/tables.ts';

/** A catalog (danh mục): shared by all, or belonging to a sector; used by disaggregations and list forms. */
export const catalog = pgTable(
  'catalog',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    /** 'shared' (dùng chung) or 'sector' (chuyên ngành). */
    scope: text('scope').notNull().default('shared'),
    fieldGroup: text('field_group'),
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnit.id, { onDelete: 'restrict' }),
    /** Bumped on every change of the catalog or of one of its items. */
    version: integer('version').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('catalog_scope', sql`${t.scope} in ('shared', 'sector')`)],
);

export const catalogItem = pgTable(
  'catalog_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catalogId: uuid('catalog_id')
      .notNull()
      .references(() => catalog.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => catalogItem.id, { onDelete: 'restrict' }),
    sortOrder: integer('sort_order').notNull().default(0),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('catalog_item_code_uq').on(t.catalogId, t.code),
    index('catalog_item_parent_idx').on(t.catalogId, t.parentId, t.sortOrder),
  ],
);

/** Every edit of a catalog or an item, with the values before and after: edits are versioned, never lost. */
export const catalogEvent = pgTable(
  'catalog_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catalogId: uuid('catalog_id')
      .notNull()
      .references(() => catalog.id, { onDelete: 'restrict' }),
    itemId: uuid('item_id'),
    catalogVersion: integer('catalog_version').notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('catalog_event_catalog_idx').on(t.catalogId, t.at)],
);

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

/**
 * The org unit tree. `path` is the materialised chain of ids from the root ("/<root>/<…>/<id>/"),
 * so that "is X in the subtree of Y" is one prefix comparison and a move rewrites one subtree.
 */
export const orgUnit = pgTable(
  'org_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnit.id, { onDelete: 'restrict' }),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    agencyCode: text('agency_code'),
    adminCode: text('admin_code'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Lower-case text without diacritics of name, short name and codes, for searching. */
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_unit_parent_idx').on(t.parentId, t.sortOrder),
    index('org_unit_path_idx').on(t.path),
    uniqueIndex('org_unit_agency_code_active_uq')
      .on(t.agencyCode)
      .where(sql`${t.active} and ${t.agencyCode} is not null`),
    uniqueIndex('org_unit_admin_code_active_uq')
      .on(t.adminCode)
      .where(sql`${t.active} and ${t.adminCode} is not null`),
    check('org_unit_path_ends_with_id', sql`${t.path} like '%/' || ${t.id}::text || '/'`),
    check('org_unit_validity', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** The life of a unit: creation, edits, moves between parents, deactivation. Never rewritten. */
export const orgUnitEvent = pgTable(
  'org_unit_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    fromParentId: uuid('from_parent_id'),
    toParentId: uuid('to_parent_id'),
    note: text('note'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('org_unit_event_unit_idx').on(t.unitId, t.at)],
);

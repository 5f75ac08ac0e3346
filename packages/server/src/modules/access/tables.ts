import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '@baocao/core';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';

/** A role held by an account on a unit, optionally over the unit's whole subtree. */
export const roleGrant = pgTable(
  'role_grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id, { onDelete: 'restrict' }),
    includeSubtree: boolean('include_subtree').notNull().default(false),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grant_user_role_unit_uq').on(t.userId, t.role, t.unitId),
    index('role_grant_unit_idx').on(t.unitId),
    check('role_grant_role', sql.raw(`role in (${ROLES.map((r) => `'${r}'`).join(', ')})`)),
  ],
);

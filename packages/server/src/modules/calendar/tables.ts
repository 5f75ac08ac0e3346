import { sql } from 'drizzle-orm';
import { check, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The days the Government announces each year differently from the Labour Code's rules: an extra
 * day off (nghỉ bù, nghỉ liền kề) or a Saturday worked in exchange (làm bù). Edited by the
 * system administrator; the rules themselves (weekends, fixed and lunar holidays) are computed in core.
 */
export const calendarAdjustment = pgTable(
  'calendar_adjustment',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_adjustment_kind', sql`${t.kind} in ('holiday', 'working_day')`)],
);

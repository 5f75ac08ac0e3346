import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { factValue } from './tables.ts';

export type NewFactRow = Omit<typeof factValue.$inferInsert, 'id' | 'supersededAt' | 'supersededByVersionId'>;
export type FactRow = typeof factValue.$inferSelect;

/**
 * Rows per INSERT: 23 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters, and a
 * 2,000-row form (about 20,000 facts) is written in some twenty statements.
 */
const INSERT_CHUNK = 1000;

export async function insertFactRows(tx: Db, rows: readonly NewFactRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(factValue).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

/** Marks the report's facts in force as superseded by `versionId` (the only change the trigger allows). */
export async function supersedeReportFacts(tx: Db, reportId: string, versionId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(factValue)
    .set({ supersededAt: at, supersededByVersionId: versionId })
    .where(and(eq(factValue.reportId, reportId), isNull(factValue.supersededAt)))
    .returning({ id: factValue.id });
  return rows.length;
}

/** Every fact of a report, superseded ones included, oldest first (for the report's history and tests). */
export async function factsOfReport(db: Db, reportId: string): Promise<FactRow[]> {
  return db
    .select()
    .from(factValue)
    .where(eq(factValue.reportId, reportId))
    .orderBy(factValue.versionNo, factValue.indicatorCode, factValue.disaggregation, factValue.measure, sql`${factValue.id}`);
}

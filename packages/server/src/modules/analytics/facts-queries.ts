import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { factValue } from './tables.ts';

export type NewFactRow = Omit<typeof factValue.$inferInsert, 'id' | 'supersededAt' | 'supersededByVersionId'>;
export type FactRow = typeof factValue.$inferSelect;

/** Rows per INSERT: a 2,000-row form (about 20,000 facts) is written in some twenty statements. */
const INSERT_CHUNK = 1000;

/** Each inserted column: the row's property, the column and its SQL type. */
const INSERT_COLUMNS: readonly [keyof NewFactRow, string, string][] = [
  ['year', 'year', 'smallint'],
  ['periodType', 'period_type', 'text'],
  ['periodCode', 'period_code', 'text'],
  ['periodStart', 'period_start', 'date'],
  ['periodEnd', 'period_end', 'date'],
  ['regimeId', 'regime_id', 'uuid'],
  ['regimePeriodId', 'regime_period_id', 'uuid'],
  ['unitId', 'unit_id', 'uuid'],
  ['indicatorCode', 'indicator_code', 'text'],
  ['disaggregation', 'disaggregation', 'text'],
  ['measure', 'measure', 'text'],
  ['measureName', 'measure_name', 'text'],
  ['unitOfMeasure', 'unit_of_measure', 'text'],
  ['value', 'value', 'numeric'],
  ['weight', 'weight', 'numeric'],
  ['sourceKind', 'source_kind', 'text'],
  ['reportId', 'report_id', 'uuid'],
  ['reportVersionId', 'report_version_id', 'uuid'],
  ['versionNo', 'version_no', 'integer'],
  ['formVersionId', 'form_version_id', 'uuid'],
  ['rowCode', 'row_code', 'text'],
  ['sourceNote', 'source_note', 'text'],
  ['recordedAt', 'recorded_at', 'timestamptz'],
];

const INSERT_TARGET = sql.raw(INSERT_COLUMNS.map(([, column]) => column).join(', '));
const INSERT_SELECT = sql.raw(
  INSERT_COLUMNS.map(([, column]) => (column === 'disaggregation' ? `coalesce(r.disaggregation, '')` : `r.${column}`)).join(', '),
);
const INSERT_RECORD = sql.raw(INSERT_COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', '));

/**
 * Inserts facts in chunks, each chunk as ONE JSON parameter unpacked by json_to_recordset: about four
 * times faster than a multi-row VALUES with 23 parameters a row, which matters for the seed and for
 * accepting a large form on the embedded database.
 */
export async function insertFactRows(tx: Db, rows: readonly NewFactRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const records = rows.slice(i, i + INSERT_CHUNK).map((row) => {
      const record: Record<string, unknown> = {};
      for (const [key, column] of INSERT_COLUMNS) {
        const value = row[key];
        record[column] = value instanceof Date ? value.toISOString() : (value ?? null);
      }
      return record;
    });
    await tx.execute(
      sql`insert into fact_value (${INSERT_TARGET}) select ${INSERT_SELECT} from json_to_recordset(${JSON.stringify(records)}::json) as r(${INSERT_RECORD})`,
    );
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

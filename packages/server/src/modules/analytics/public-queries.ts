import { and, asc, desc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';
import { publicDataset, publicSnapshot } from './tables.ts';

export type DatasetRow = typeof publicDataset.$inferSelect;

export interface DatasetWithNames {
  dataset: DatasetRow;
  publishedByName: string | null;
  latestSnapshot: string | null;
}

const latestMonth = sql<
  string | null
>`(select max(${publicSnapshot.month}) from ${publicSnapshot} where ${publicSnapshot.datasetId} = ${publicDataset.id})`;

function withNames() {
  return { dataset: publicDataset, publishedByName: appUser.fullName, latestSnapshot: latestMonth };
}

/** Every dataset ever published, the active ones first, newest first. */
export async function listDatasetRows(db: Db): Promise<DatasetWithNames[]> {
  return db
    .select(withNames())
    .from(publicDataset)
    .leftJoin(appUser, eq(appUser.id, publicDataset.publishedBy))
    .orderBy(desc(publicDataset.active), desc(publicDataset.publishedAt));
}

export async function findDatasetRow(db: Db, id: string): Promise<DatasetWithNames | undefined> {
  const [row] = await db
    .select(withNames())
    .from(publicDataset)
    .leftJoin(appUser, eq(appUser.id, publicDataset.publishedBy))
    .where(eq(publicDataset.id, id));
  return row;
}

export async function lockDataset(tx: Db, id: string): Promise<DatasetRow | undefined> {
  const [row] = await tx.select().from(publicDataset).where(eq(publicDataset.id, id)).for('update');
  return row;
}

export async function insertDataset(tx: Db, values: typeof publicDataset.$inferInsert): Promise<DatasetRow> {
  const [row] = await tx.insert(publicDataset).values(values).returning();
  return row!;
}

export async function markUnpublished(tx: Db, id: string, by: string, at: Date): Promise<void> {
  await tx.update(publicDataset).set({ active: false, unpublishedBy: by, unpublishedAt: at }).where(eq(publicDataset.id, id));
}

export interface SnapshotValues {
  datasetId: string;
  month: string;
  result: unknown;
  createdAt: Date;
}

/** The month's snapshot, replacing the one taken earlier in the month if any. */
export async function replaceSnapshot(tx: Db, s: SnapshotValues): Promise<void> {
  await tx
    .insert(publicSnapshot)
    .values(s)
    .onConflictDoUpdate({ target: [publicSnapshot.datasetId, publicSnapshot.month], set: { result: s.result, createdAt: s.createdAt } });
}

/** The month's snapshot unless one exists (another process may have made it): true when this one was written. */
export async function insertSnapshotIfAbsent(tx: Db, s: SnapshotValues): Promise<boolean> {
  const rows = await tx.insert(publicSnapshot).values(s).onConflictDoNothing().returning({ id: publicSnapshot.id });
  return rows.length > 0;
}

export async function snapshotExists(db: Db, datasetId: string, month: string): Promise<boolean> {
  const rows = await db
    .select({ id: publicSnapshot.id })
    .from(publicSnapshot)
    .where(and(eq(publicSnapshot.datasetId, datasetId), eq(publicSnapshot.month, month)));
  return rows.length > 0;
}

/** Active datasets that have no snapshot for `month` yet: the monthly job's work. */
export async function datasetsMissingSnapshot(db: Db, month: string): Promise<DatasetRow[]> {
  return db
    .select()
    .from(publicDataset)
    .where(
      and(
        eq(publicDataset.active, true),
        notExists(
          db
            .select({ one: sql`1` })
            .from(publicSnapshot)
            .where(and(eq(publicSnapshot.datasetId, publicDataset.id), eq(publicSnapshot.month, month))),
        ),
      ),
    )
    .orderBy(asc(publicDataset.publishedAt));
}

export interface PublicSnapshotRow {
  id: string;
  title: string;
  description: string | null;
  display: unknown;
  publishedAt: Date;
  month: string;
  snapshotAt: Date;
  result: unknown;
}

function publicColumns(withResult = true) {
  return {
    id: publicDataset.id,
    title: publicDataset.title,
    description: publicDataset.description,
    display: publicDataset.display,
    publishedAt: publicDataset.publishedAt,
    month: publicSnapshot.month,
    snapshotAt: publicSnapshot.createdAt,
    // The list needs no figures: do not read every snapshot's table for it.
    result: withResult ? publicSnapshot.result : sql<unknown>`null`,
  };
}

/**
 * What the public may read: the latest snapshot of each ACTIVE dataset, newest publication first.
 * Never reads fact_value.
 */
export async function latestPublicSnapshots(db: Db, opts: { withResult: boolean } = { withResult: true }): Promise<PublicSnapshotRow[]> {
  const rows = await db
    .selectDistinctOn([publicSnapshot.datasetId], publicColumns(opts.withResult))
    .from(publicSnapshot)
    .innerJoin(publicDataset, eq(publicDataset.id, publicSnapshot.datasetId))
    .where(eq(publicDataset.active, true))
    .orderBy(publicSnapshot.datasetId, desc(publicSnapshot.month));
  return rows.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.title.localeCompare(b.title, 'vi'));
}

/** The latest snapshot of one dataset, only while it is published. */
export async function latestPublicSnapshot(db: Db, id: string): Promise<PublicSnapshotRow | undefined> {
  const [row] = await db
    .select(publicColumns())
    .from(publicSnapshot)
    .innerJoin(publicDataset, eq(publicDataset.id, publicSnapshot.datasetId))
    .where(and(eq(publicDataset.id, id), eq(publicDataset.active, true)))
    .orderBy(desc(publicSnapshot.month))
    .limit(1);
  return row;
}

/** The province's name for the portal's header: the first root unit of the tree. */
export async function rootUnitName(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ name: orgUnit.name })
    .from(orgUnit)
    .where(isNull(orgUnit.parentId))
    .orderBy(desc(orgUnit.active), asc(orgUnit.sortOrder), asc(orgUnit.createdAt))
    .limit(1);
  return row?.name ?? null;
}

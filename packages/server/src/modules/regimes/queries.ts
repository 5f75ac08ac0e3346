import { and, asc, count, desc, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regimePeriod } from '../assignments/tables.ts';
import { form } from '../forms/index.ts';
import { orgUnit } from '../units/tables.ts';
import { regime, regimeVersion } from './tables.ts';

export type RegimeRow = typeof regime.$inferSelect;
export type RegimeVersionRow = typeof regimeVersion.$inferSelect;

/** A version without its content: what lists need. */
const versionSummaryColumns = {
  id: regimeVersion.id,
  regimeId: regimeVersion.regimeId,
  versionNo: regimeVersion.versionNo,
  status: regimeVersion.status,
  note: regimeVersion.note,
  createdAt: regimeVersion.createdAt,
  publishedAt: regimeVersion.publishedAt,
  revision: regimeVersion.revision,
};
export type RegimeVersionSummaryRow = Pick<RegimeVersionRow, keyof typeof versionSummaryColumns>;

export interface RegimeFilter {
  /** Owner units the actor may manage (a condition over org_unit). */
  scope: SQL;
  search?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listRegimeRows(db: Db, f: RegimeFilter) {
  const where: SQL[] = [f.scope];
  if (f.search) where.push(like(regime.searchText, `%${f.search}%`));
  if (f.kind) where.push(eq(regime.kind, f.kind));
  if (f.status) where.push(eq(regime.status, f.status));
  const condition = and(...where);
  const [items, total] = await Promise.all([
    db
      .select({ regime, ownerUnitName: orgUnit.name })
      .from(regime)
      .innerJoin(orgUnit, eq(orgUnit.id, regime.ownerUnitId))
      .where(condition)
      .orderBy(desc(regime.updatedAt), asc(regime.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(regime).innerJoin(orgUnit, eq(orgUnit.id, regime.ownerUnitId)).where(condition),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findRegimeWithOwner(db: Db, id: string) {
  const [row] = await db
    .select({ regime, ownerUnitName: orgUnit.name })
    .from(regime)
    .innerJoin(orgUnit, eq(orgUnit.id, regime.ownerUnitId))
    .where(eq(regime.id, id));
  return row;
}

export async function findRegime(db: Db, id: string): Promise<RegimeRow | undefined> {
  const [row] = await db.select().from(regime).where(eq(regime.id, id));
  return row;
}

/** Every write to a regime and its versions locks the regime row first: one writer at a time. */
export async function lockRegime(tx: Db, id: string): Promise<RegimeRow | undefined> {
  const [row] = await tx.select().from(regime).where(eq(regime.id, id)).for('update');
  return row;
}

export async function insertRegime(tx: Db, values: typeof regime.$inferInsert): Promise<RegimeRow> {
  const [row] = await tx.insert(regime).values(values).returning();
  return row!;
}

/** Changes the regime row's own fields and bumps its version. */
export async function updateRegimeRow(tx: Db, id: string, values: Partial<typeof regime.$inferInsert>, at: Date): Promise<RegimeRow> {
  const [row] = await tx
    .update(regime)
    .set({ ...values, version: sql`${regime.version} + 1`, updatedAt: at })
    .where(eq(regime.id, id))
    .returning();
  return row!;
}

/** Active regimes with their current version's content, for the scheduler. */
export async function activeRegimeVersions(db: Db, regimeId?: string) {
  const where: SQL[] = [eq(regime.status, 'active')];
  if (regimeId) where.push(eq(regime.id, regimeId));
  return db
    .select({
      regimeId: regime.id,
      regimeCode: regime.code,
      regimeName: regime.name,
      ownerUnitId: regime.ownerUnitId,
      versionId: regimeVersion.id,
      content: regimeVersion.content,
    })
    .from(regime)
    .innerJoin(regimeVersion, eq(regimeVersion.id, regime.currentVersionId))
    .where(and(...where))
    .orderBy(asc(regime.code));
}

// ---- versions ----------------------------------------------------------------------------------

export async function listVersionRows(db: Db, regimeIds: string[]): Promise<RegimeVersionSummaryRow[]> {
  if (regimeIds.length === 0) return [];
  return db
    .select(versionSummaryColumns)
    .from(regimeVersion)
    .where(inArray(regimeVersion.regimeId, regimeIds))
    .orderBy(desc(regimeVersion.versionNo));
}

export async function findVersion(db: Db, id: string): Promise<RegimeVersionRow | undefined> {
  const [row] = await db.select().from(regimeVersion).where(eq(regimeVersion.id, id));
  return row;
}

export async function findDraft(db: Db, regimeId: string): Promise<RegimeVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(regimeVersion)
    .where(and(eq(regimeVersion.regimeId, regimeId), eq(regimeVersion.status, 'draft')));
  return row;
}

export async function maxVersionNo(tx: Db, regimeId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${regimeVersion.versionNo}), 0)::int` })
    .from(regimeVersion)
    .where(eq(regimeVersion.regimeId, regimeId));
  return row?.n ?? 0;
}

export async function insertVersion(tx: Db, values: typeof regimeVersion.$inferInsert): Promise<RegimeVersionRow> {
  const [row] = await tx.insert(regimeVersion).values(values).returning();
  return row!;
}

/** Changes a draft (the database refuses any change to a published version). */
export async function updateDraftRow(
  tx: Db,
  id: string,
  values: Partial<typeof regimeVersion.$inferInsert>,
  at: Date,
): Promise<RegimeVersionRow> {
  const [row] = await tx
    .update(regimeVersion)
    .set({ ...values, updatedAt: at })
    .where(and(eq(regimeVersion.id, id), eq(regimeVersion.status, 'draft')))
    .returning();
  return row!;
}

// ---- read-only look-ups in other modules' tables -----------------------------------------------

/** Periods not yet closed, per regime (regime_period belongs to the assignments module). */
export async function openPeriodCounts(db: Db, regimeIds: string[]): Promise<Map<string, number>> {
  if (regimeIds.length === 0) return new Map();
  const rows = await db
    .select({ regimeId: regimePeriod.regimeId, n: count() })
    .from(regimePeriod)
    .where(and(inArray(regimePeriod.regimeId, regimeIds), ne(regimePeriod.state, 'closed')))
    .groupBy(regimePeriod.regimeId);
  return new Map(rows.map((r) => [r.regimeId, r.n]));
}

export async function unitsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgUnit.id, name: orgUnit.name, kind: orgUnit.kind, path: orgUnit.path, active: orgUnit.active })
    .from(orgUnit)
    .where(inArray(orgUnit.id, ids));
}

/** Active units of `kinds` strictly under the unit at `rootPath` (whole subtree or direct children). */
export async function unitsUnder(db: Db, root: { id: string; path: string }, kinds: string[], includeSubtree: boolean) {
  if (kinds.length === 0) return [];
  return db
    .select({ id: orgUnit.id, name: orgUnit.name, kind: orgUnit.kind })
    .from(orgUnit)
    .where(
      and(
        eq(orgUnit.active, true),
        inArray(orgUnit.kind, kinds),
        ne(orgUnit.id, root.id),
        includeSubtree ? like(orgUnit.path, `${root.path}%`) : eq(orgUnit.parentId, root.id),
      ),
    );
}

/** Forms by id with their kind and whether they have a published version (forms belong to the forms module). */
export async function formsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: form.id,
      code: form.code,
      name: form.name,
      kind: form.kind,
      published: sql<boolean>`exists (select 1 from form_version pv where pv.form_id = "form"."id" and pv.status = 'published')`,
    })
    .from(form)
    .where(inArray(form.id, ids));
}

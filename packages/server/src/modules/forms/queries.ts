import { and, asc, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalog } from '../catalogs/tables.ts';
import { indicator } from '../indicators/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { form, formShare, formVersion } from './tables.ts';

export type FormRow = typeof form.$inferSelect;
export type FormVersionRow = typeof formVersion.$inferSelect;

/** The columns of a version without its definition: what lists need. */
const versionSummaryColumns = {
  id: formVersion.id,
  formId: formVersion.formId,
  versionNo: formVersion.versionNo,
  status: formVersion.status,
  contentHash: formVersion.contentHash,
  note: formVersion.note,
  createdAt: formVersion.createdAt,
  publishedAt: formVersion.publishedAt,
  revision: formVersion.revision,
};
export type FormVersionSummaryRow = Pick<FormVersionRow, keyof typeof versionSummaryColumns>;

/**
 * Who may see a form besides its designers: the form is shared with every unit, or with a unit that
 * is one of `unitIds` (the actor's own unit and the units of its grants), or whose subtree contains
 * one of them. Only forms with a published version are in the template library.
 */
export function sharedWithUnitsSql(unitIds: readonly string[]): SQL {
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`(${form.sharing} = 'all' or (${form.sharing} = 'units' and exists (
    select 1 from form_share fs
      join org_unit su on su.id = fs.unit_id
      join org_unit mu on mu.id in (${ids})
    where fs.form_id = ${form.id} and (mu.id = su.id or (fs.include_subtree and mu.path like su.path || '%')))))`;
}

export const hasPublishedSql = sql`exists (select 1 from form_version pv where pv.form_id = ${form.id} and pv.status = 'published')`;

/** Conditions over a form joined with its owner unit (`orgUnit`). */
export interface Visibility {
  /** The owner unit lies in the actor's 'form.design' scope. */
  design: SQL;
  /** Shared with the actor's units (see sharedWithUnitsSql). */
  shared: SQL;
}

const readableSql = (v: Visibility) => sql`(coalesce(${v.design}, false) or (${v.shared} and ${hasPublishedSql}))`;

export interface FormFilter {
  visibility: Visibility;
  view: 'mine' | 'library' | 'all';
  search?: string | undefined;
  kind?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listFormRows(db: Db, f: FormFilter) {
  const v = f.visibility;
  const where: SQL[] = [
    f.view === 'mine'
      ? v.design
      : f.view === 'library'
        ? sql`(${v.shared} and ${hasPublishedSql} and not ${form.archived})`
        : readableSql(v),
  ];
  if (f.search) where.push(like(form.searchText, `%${f.search}%`));
  if (f.kind) where.push(eq(form.kind, f.kind));
  const condition = and(...where);
  const [items, total] = await Promise.all([
    db
      .select({ form, ownerUnitName: orgUnit.name, canDesign: sql<boolean>`coalesce(${v.design}, false)` })
      .from(form)
      .innerJoin(orgUnit, eq(orgUnit.id, form.ownerUnitId))
      .where(condition)
      .orderBy(desc(form.updatedAt), asc(form.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(form).innerJoin(orgUnit, eq(orgUnit.id, form.ownerUnitId)).where(condition),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

/** A form with its owner's name and whether the actor may design it or read it at all. */
export async function findFormRow(db: Db, id: string, visibility: Visibility) {
  const [row] = await db
    .select({
      form,
      ownerUnitName: orgUnit.name,
      canDesign: sql<boolean>`coalesce(${visibility.design}, false)`,
      readable: sql<boolean>`${readableSql(visibility)}`,
    })
    .from(form)
    .innerJoin(orgUnit, eq(orgUnit.id, form.ownerUnitId))
    .where(eq(form.id, id));
  return row;
}

export async function findForm(db: Db, id: string): Promise<FormRow | undefined> {
  const [row] = await db.select().from(form).where(eq(form.id, id));
  return row;
}

/** Every write to a form and its versions locks the form row first: one writer per form at a time. */
export async function lockForm(tx: Db, id: string): Promise<FormRow | undefined> {
  const [row] = await tx.select().from(form).where(eq(form.id, id)).for('update');
  return row;
}

export async function insertForm(tx: Db, values: typeof form.$inferInsert): Promise<FormRow> {
  const [row] = await tx.insert(form).values(values).returning();
  return row!;
}

/** Changes the form row's own fields and bumps its version (the optimistic check of sharing). */
export async function updateFormRow(tx: Db, id: string, values: Partial<typeof form.$inferInsert>): Promise<FormRow> {
  const [row] = await tx
    .update(form)
    .set({ ...values, version: sql`${form.version} + 1`, updatedAt: new Date() })
    .where(eq(form.id, id))
    .returning();
  return row!;
}

/** Marks the form as changed (its draft was) without bumping its version. */
export async function touchForm(tx: Db, id: string): Promise<void> {
  await tx.update(form).set({ updatedAt: new Date() }).where(eq(form.id, id));
}

// ---- versions ----------------------------------------------------------------------------------

/** The draft and the latest published version of each form, without definitions. */
export async function currentVersionsOf(db: Db, formIds: string[]): Promise<FormVersionSummaryRow[]> {
  if (formIds.length === 0) return [];
  return db
    .select(versionSummaryColumns)
    .from(formVersion)
    .where(
      and(
        inArray(formVersion.formId, formIds),
        sql`(${formVersion.status} = 'draft' or ${formVersion.versionNo} = (
          select max(lv.version_no) from form_version lv where lv.form_id = ${formVersion.formId} and lv.status = 'published'))`,
      ),
    );
}

export async function listVersionRows(db: Db, formId: string, includeDraft: boolean): Promise<FormVersionSummaryRow[]> {
  const where: SQL[] = [eq(formVersion.formId, formId)];
  if (!includeDraft) where.push(eq(formVersion.status, 'published'));
  return db
    .select(versionSummaryColumns)
    .from(formVersion)
    .where(and(...where))
    .orderBy(desc(formVersion.versionNo));
}

export async function findVersion(db: Db, formId: string, versionId: string): Promise<FormVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(formVersion)
    .where(and(eq(formVersion.id, versionId), eq(formVersion.formId, formId)));
  return row;
}

export async function findDraft(tx: Db, formId: string): Promise<FormVersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(formVersion)
    .where(and(eq(formVersion.formId, formId), eq(formVersion.status, 'draft')));
  return row;
}

export async function findLatestPublished(db: Db, formId: string): Promise<FormVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(formVersion)
    .where(and(eq(formVersion.formId, formId), eq(formVersion.status, 'published')))
    .orderBy(desc(formVersion.versionNo))
    .limit(1);
  return row;
}

export async function maxVersionNo(tx: Db, formId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${formVersion.versionNo}), 0)::int` })
    .from(formVersion)
    .where(eq(formVersion.formId, formId));
  return row?.n ?? 0;
}

export async function insertVersion(tx: Db, values: typeof formVersion.$inferInsert): Promise<FormVersionRow> {
  const [row] = await tx.insert(formVersion).values(values).returning();
  return row!;
}

/** Changes a draft (the database refuses any change to a published version). */
export async function updateDraftRow(tx: Db, id: string, values: Partial<typeof formVersion.$inferInsert>): Promise<FormVersionRow> {
  const [row] = await tx
    .update(formVersion)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(formVersion.id, id), eq(formVersion.status, 'draft')))
    .returning();
  return row!;
}

// ---- sharing, copies ---------------------------------------------------------------------------

export async function sharesOf(db: Db, formIds: string[]) {
  if (formIds.length === 0) return [];
  return db
    .select({ formId: formShare.formId, unitId: formShare.unitId, unitName: orgUnit.name, includeSubtree: formShare.includeSubtree })
    .from(formShare)
    .innerJoin(orgUnit, eq(orgUnit.id, formShare.unitId))
    .where(inArray(formShare.formId, formIds))
    .orderBy(asc(orgUnit.path));
}

export async function replaceShares(tx: Db, formId: string, units: { unitId: string; includeSubtree: boolean }[]): Promise<void> {
  await tx.delete(formShare).where(eq(formShare.formId, formId));
  if (units.length > 0) await tx.insert(formShare).values(units.map((u) => ({ formId, ...u })));
}

/** The form and version number behind each of `versionIds` (where a copy came from). */
export async function versionOrigins(db: Db, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({ versionId: formVersion.id, versionNo: formVersion.versionNo, formId: form.id, code: form.code, name: form.name })
    .from(formVersion)
    .innerJoin(form, eq(form.id, formVersion.formId))
    .where(inArray(formVersion.id, versionIds));
}

/** Forms copied from any version of `formId`. */
export async function copiesOf(db: Db, formId: string) {
  return db
    .select({ formId: form.id, code: form.code, name: form.name, ownerUnitName: orgUnit.name, fromVersionNo: formVersion.versionNo })
    .from(form)
    .innerJoin(formVersion, eq(formVersion.id, form.copiedFromVersionId))
    .innerJoin(orgUnit, eq(orgUnit.id, form.ownerUnitId))
    .where(eq(formVersion.formId, formId))
    .orderBy(asc(orgUnit.path), asc(form.code));
}

// ---- read-only look-ups in other modules' tables -----------------------------------------------

export async function unitsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: orgUnit.id, active: orgUnit.active }).from(orgUnit).where(inArray(orgUnit.id, ids));
}

export async function indicatorsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select({ code: indicator.code, active: indicator.active }).from(indicator).where(inArray(indicator.code, codes));
}

export async function catalogsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select({ code: catalog.code, active: catalog.active }).from(catalog).where(inArray(catalog.code, codes));
}

import {
  type Aggregation,
  type createIndicatorBody,
  foldDiacritics,
  type createIndicatorSetBody,
  type Indicator,
  type IndicatorSet,
  type IndicatorSetDetail,
  type indicatorListQuery,
  normalizeText,
  type PERIODICITIES,
  type PRICE_BASES,
  type setMembersBody,
  type updateIndicatorBody,
  type updateIndicatorSetBody,
  type VALUE_TYPES,
} from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError, isUniqueViolation } from '../../http/errors.ts';
import { type Actor, type AuthedContext, authorize, authorizeGlobal, unitScope, unitScopeSql } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { findCatalogsByCode } from '../catalogs/index.ts';
import { presentIndicator, presentIndicatorSet } from './presenter.ts';
import * as q from './queries.ts';

type CreateIndicatorInput = z.output<typeof createIndicatorBody>;
type UpdateIndicatorInput = z.output<typeof updateIndicatorBody>;
type ListQuery = z.output<typeof indicatorListQuery>;
type CreateSetInput = z.output<typeof createIndicatorSetBody>;
type UpdateSetInput = z.output<typeof updateIndicatorSetBody>;
type SetMembersInput = z.output<typeof setMembersBody>;

/** Every editable field of an indicator, all present (null when empty). */
export interface IndicatorValues {
  name: string;
  fieldGroup: string | null;
  unitOfMeasure: string | null;
  definition: string | null;
  calculationMethod: string | null;
  valueType: (typeof VALUE_TYPES)[number];
  aggregation: Aggregation;
  weightIndicatorCode: string | null;
  disaggregations: string[];
  periodicities: (typeof PERIODICITIES)[number][];
  ownerUnitId: string | null;
  coordinatingUnitIds: string[];
  higherCode: string | null;
  legalBasis: string | null;
  priceBasis: (typeof PRICE_BASES)[number] | null;
  baseYear: number | null;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
}

export interface Issue {
  path: string;
  message: string;
}

export function indicatorSearchText(i: {
  code: string;
  name: string;
  fieldGroup?: string | null;
  unitOfMeasure?: string | null;
  higherCode?: string | null;
}) {
  return foldDiacritics([i.code, i.name, i.fieldGroup, i.unitOfMeasure, i.higherCode].filter(Boolean).join(' ')).toLowerCase();
}

export function valuesOf(row: q.IndicatorRow): IndicatorValues {
  return {
    name: row.name,
    fieldGroup: row.fieldGroup,
    unitOfMeasure: row.unitOfMeasure,
    definition: row.definition,
    calculationMethod: row.calculationMethod,
    valueType: row.valueType as IndicatorValues['valueType'],
    aggregation: row.aggregation as Aggregation,
    weightIndicatorCode: row.weightIndicatorCode,
    disaggregations: row.disaggregations,
    periodicities: row.periodicities as IndicatorValues['periodicities'],
    ownerUnitId: row.ownerUnitId,
    coordinatingUnitIds: row.coordinatingUnitIds,
    higherCode: row.higherCode,
    legalBasis: row.legalBasis,
    priceBasis: row.priceBasis as IndicatorValues['priceBasis'],
    baseYear: row.baseYear,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: row.active,
  };
}

export function sameValues(a: IndicatorValues, b: IndicatorValues): boolean {
  return (Object.keys(a) as (keyof IndicatorValues)[]).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** Normalises what depends on other fields: the weight only exists for a weighted average, lists hold no repeats. */
export function normalizeValues(v: IndicatorValues): IndicatorValues {
  return {
    ...v,
    weightIndicatorCode: v.aggregation === 'weighted_average' ? v.weightIndicatorCode : null,
    disaggregations: [...new Set(v.disaggregations)],
    periodicities: [...new Set(v.periodicities)],
    coordinatingUnitIds: [...new Set(v.coordinatingUnitIds)],
  };
}

/**
 * The rules between fields and against other data. `knownIndicatorCodes` tells which weighting
 * indicators exist (in the database, or in the same import file).
 */
export async function checkRules(db: Db, code: string, v: IndicatorValues, knownIndicatorCodes?: ReadonlySet<string>): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (v.aggregation === 'weighted_average') {
    if (!v.weightIndicatorCode) {
      issues.push({ path: 'weightIndicatorCode', message: 'Chỉ tiêu tổng hợp theo bình quân gia quyền phải có mã chỉ tiêu quyền số.' });
    } else if (v.weightIndicatorCode === code) {
      issues.push({ path: 'weightIndicatorCode', message: 'Chỉ tiêu quyền số phải khác chính chỉ tiêu này.' });
    } else {
      const known = knownIndicatorCodes?.has(v.weightIndicatorCode) || (await q.indicatorsByCode(db, [v.weightIndicatorCode])).length > 0;
      if (!known)
        issues.push({
          path: 'weightIndicatorCode',
          message: `Không có chỉ tiêu quyền số mã "${v.weightIndicatorCode}" trong kho chỉ tiêu.`,
        });
    }
  }
  if (v.disaggregations.length) {
    const found = new Set((await findCatalogsByCode(db, v.disaggregations)).map((c) => c.code));
    const missing = v.disaggregations.filter((c) => !found.has(c));
    if (missing.length) {
      issues.push({ path: 'disaggregations', message: `Không có danh mục phân tổ mã ${missing.map((c) => `"${c}"`).join(', ')}.` });
    }
  }
  if (v.priceBasis === 'comparable' && v.baseYear === null) {
    issues.push({ path: 'baseYear', message: 'Chỉ tiêu theo giá so sánh phải ghi năm gốc so sánh.' });
  }
  if (v.validFrom && v.validTo && v.validTo < v.validFrom) {
    issues.push({ path: 'validTo', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.' });
  }
  const unitIds = [...(v.ownerUnitId ? [v.ownerUnitId] : []), ...v.coordinatingUnitIds];
  if (unitIds.length) {
    const found = new Set((await q.unitsById(db, unitIds)).map((u) => u.id));
    if (v.ownerUnitId && !found.has(v.ownerUnitId)) issues.push({ path: 'ownerUnitId', message: 'Không tìm thấy cơ quan chủ trì.' });
    if (v.coordinatingUnitIds.some((id) => !found.has(id))) {
      issues.push({ path: 'coordinatingUnitIds', message: 'Không tìm thấy một hoặc một số cơ quan phối hợp.' });
    }
  }
  return issues;
}

function throwIssues(issues: Issue[]): void {
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues }, issues[0]!.message);
}

export function manageOptions(actor: Actor): q.ManageOptions {
  return { manageScope: unitScopeSql(actor, 'reference.manage'), globalManage: unitScope(actor, 'reference.manage') === 'all' };
}

/** 'reference.manage' on the owner unit, or globally for reference data that belongs to no unit. */
export async function authorizeManage(db: Db, actor: Actor, ownerUnitId: string | null | undefined): Promise<void> {
  if (ownerUnitId) await authorize(db, actor, 'reference.manage', [ownerUnitId]);
  else authorizeGlobal(actor, 'reference.manage');
}

export function duplicateIndicatorCode(code: string): AppError {
  return new AppError('DUPLICATE_CODE', { field: 'code', code }, `Mã chỉ tiêu "${code}" đã có trong kho chỉ tiêu.`);
}

async function present(db: Db, rows: q.IndicatorWithOwner[]): Promise<Indicator[]> {
  const sets = await q.setCodesOf(
    db,
    rows.map((r) => r.indicator.id),
  );
  return rows.map((r) => presentIndicator(r, sets.get(r.indicator.id) ?? []));
}

export async function listIndicators(
  db: Db,
  ctx: AuthedContext,
  query: ListQuery,
): Promise<{ items: Indicator[]; total: number; page: number; pageSize: number }> {
  await authorize(db, ctx.actor, 'unit.read', []);
  const filter: q.IndicatorFilter = {
    search: query.q ? foldDiacritics(normalizeText(query.q)).toLowerCase() || undefined : undefined,
    setCode: query.setCode,
    fieldGroup: query.fieldGroup,
    includeInactive: query.includeInactive,
  };
  const [rows, total] = await Promise.all([
    q.listIndicatorRows(db, { ...filter, ...manageOptions(ctx.actor), limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    q.countIndicators(db, filter),
  ]);
  return { items: await present(db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getIndicator(db: Db, ctx: AuthedContext, id: string): Promise<Indicator> {
  await authorize(db, ctx.actor, 'unit.read', []);
  return loadOne(db, ctx.actor, id);
}

async function loadOne(db: Db, actor: Actor, id: string): Promise<Indicator> {
  const row = await q.findIndicator(db, id, manageOptions(actor));
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy chỉ tiêu.');
  return (await present(db, [row]))[0]!;
}

/** The sets an indicator is added to: each must exist and be manageable by the actor. */
async function setsToJoin(db: Db, actor: Actor, codes: readonly string[]): Promise<q.IndicatorSetRow[]> {
  const unique = [...new Set(codes)];
  const sets = await q.setsByCode(db, unique);
  const missing = unique.filter((c) => !sets.some((s) => s.code === c));
  if (missing.length) throwIssues([{ path: 'setCodes', message: `Không có bộ chỉ tiêu mã ${missing.map((c) => `"${c}"`).join(', ')}.` }]);
  for (const s of sets) await authorizeManage(db, actor, s.ownerUnitId);
  return sets;
}

/** Inserts an indicator already validated; used by the create use case, the import and the seed. */
export async function insertValidated(tx: Db, code: string, v: IndicatorValues): Promise<q.IndicatorRow> {
  return q.insertIndicator(tx, { code, ...v, searchText: indicatorSearchText({ code, ...v }) });
}

export async function updateValidated(tx: Db, before: q.IndicatorRow, v: IndicatorValues): Promise<q.IndicatorRow> {
  return q.updateIndicatorRow(tx, before.id, { ...v, searchText: indicatorSearchText({ code: before.code, ...v }) });
}

export async function createIndicator(db: Db, ctx: AuthedContext, input: CreateIndicatorInput): Promise<Indicator> {
  await authorizeManage(db, ctx.actor, input.ownerUnitId);
  const values = normalizeValues({
    name: input.name,
    fieldGroup: input.fieldGroup ?? null,
    unitOfMeasure: input.unitOfMeasure ?? null,
    definition: input.definition ?? null,
    calculationMethod: input.calculationMethod ?? null,
    valueType: input.valueType,
    aggregation: input.aggregation,
    weightIndicatorCode: input.weightIndicatorCode ?? null,
    disaggregations: input.disaggregations,
    periodicities: input.periodicities,
    ownerUnitId: input.ownerUnitId ?? null,
    coordinatingUnitIds: input.coordinatingUnitIds,
    higherCode: input.higherCode ?? null,
    legalBasis: input.legalBasis ?? null,
    priceBasis: input.priceBasis ?? null,
    baseYear: input.baseYear ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    active: true,
  });
  const sets = await setsToJoin(db, ctx.actor, input.setCodes);
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if ((await q.indicatorsByCode(tx, [input.code])).length) throw duplicateIndicatorCode(input.code);
      throwIssues(await checkRules(tx, input.code, values));
      const row = await insertValidated(tx, input.code, values);
      for (const s of sets) await q.addMember(tx, s.id, row.id);
      await recordAudit(tx, ctx, {
        action: 'indicator.created',
        targetType: 'indicator',
        targetId: row.id,
        unitId: row.ownerUnitId,
        summary: { after: { code: row.code, ...values }, setCodes: sets.map((s) => s.code) },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'indicator_code_unique')) throw duplicateIndicatorCode(input.code);
    throw error;
  }
  return loadOne(db, ctx.actor, id);
}

export async function updateIndicator(db: Db, ctx: AuthedContext, id: string, input: UpdateIndicatorInput): Promise<Indicator> {
  const current = await q.getIndicator(db, id);
  if (!current) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy chỉ tiêu.');
  await authorizeManage(db, ctx.actor, current.ownerUnitId);
  if (input.ownerUnitId !== undefined && input.ownerUnitId !== current.ownerUnitId) await authorizeManage(db, ctx.actor, input.ownerUnitId);
  await db.transaction(async (tx) => {
    const before = await q.lockIndicator(tx, id);
    if (!before) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy chỉ tiêu.');
    if (before.version !== input.version) {
      throw new AppError(
        'CONFLICT',
        { currentVersion: before.version },
        'Chỉ tiêu đã được người khác thay đổi sau khi bạn mở. Vui lòng tải lại rồi thử lại.',
      );
    }
    const old = valuesOf(before);
    const pick = <K extends keyof IndicatorValues>(k: K): IndicatorValues[K] =>
      input[k as keyof UpdateIndicatorInput] === undefined
        ? old[k]
        : ((input[k as keyof UpdateIndicatorInput] ?? null) as IndicatorValues[K]);
    const next = normalizeValues(
      Object.fromEntries((Object.keys(old) as (keyof IndicatorValues)[]).map((k) => [k, pick(k)])) as unknown as IndicatorValues,
    );
    if (sameValues(old, next)) return;
    throwIssues(await checkRules(tx, before.code, next));
    await updateValidated(tx, before, next);
    await recordAudit(tx, ctx, {
      action: 'indicator.updated',
      targetType: 'indicator',
      targetId: id,
      unitId: next.ownerUnitId,
      summary: { code: before.code, before: old, after: next },
    });
  });
  return loadOne(db, ctx.actor, id);
}

export async function listIndicatorSets(db: Db, ctx: AuthedContext): Promise<{ items: IndicatorSet[] }> {
  await authorize(db, ctx.actor, 'unit.read', []);
  const rows = await q.listSets(db, manageOptions(ctx.actor));
  return { items: rows.map(presentIndicatorSet) };
}

function setNotFound(): AppError {
  return new AppError('NOT_FOUND', undefined, 'Không tìm thấy bộ chỉ tiêu.');
}

function duplicateSetCode(code: string): AppError {
  return new AppError('DUPLICATE_CODE', { field: 'code', code }, `Mã bộ chỉ tiêu "${code}" đã có.`);
}

async function loadSet(db: Db, actor: Actor, id: string): Promise<IndicatorSetDetail> {
  const row = await q.findSet(db, id, manageOptions(actor));
  if (!row) throw setNotFound();
  const members = await q.setMembers(db, id);
  return { ...presentIndicatorSet(row), members };
}

export async function getIndicatorSet(db: Db, ctx: AuthedContext, id: string): Promise<IndicatorSetDetail> {
  await authorize(db, ctx.actor, 'unit.read', []);
  return loadSet(db, ctx.actor, id);
}

export async function createIndicatorSet(db: Db, ctx: AuthedContext, input: CreateSetInput): Promise<IndicatorSetDetail> {
  await authorizeManage(db, ctx.actor, input.ownerUnitId);
  const values = {
    code: input.code,
    name: input.name,
    legalBasis: input.legalBasis ?? null,
    description: input.description ?? null,
    ownerUnitId: input.ownerUnitId ?? null,
  };
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if ((await q.setsByCode(tx, [input.code])).length) throw duplicateSetCode(input.code);
      const row = await q.insertSet(tx, values);
      await recordAudit(tx, ctx, {
        action: 'indicator.set_created',
        targetType: 'indicator_set',
        targetId: row.id,
        unitId: row.ownerUnitId,
        summary: { after: values },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'indicator_set_code_unique')) throw duplicateSetCode(input.code);
    throw error;
  }
  return loadSet(db, ctx.actor, id);
}

/** The set, after checking the actor may manage it. */
async function setToManage(db: Db, actor: Actor, id: string): Promise<q.IndicatorSetRow> {
  const current = await q.getSet(db, id);
  if (!current) throw setNotFound();
  await authorizeManage(db, actor, current.ownerUnitId);
  return current;
}

export async function updateIndicatorSet(db: Db, ctx: AuthedContext, id: string, input: UpdateSetInput): Promise<IndicatorSetDetail> {
  await setToManage(db, ctx.actor, id);
  await db.transaction(async (tx) => {
    const before = await q.lockSet(tx, id);
    if (!before) throw setNotFound();
    const old = { name: before.name, legalBasis: before.legalBasis, description: before.description };
    const next = {
      name: input.name ?? old.name,
      legalBasis: input.legalBasis === undefined ? old.legalBasis : input.legalBasis,
      description: input.description === undefined ? old.description : input.description,
    };
    if (JSON.stringify(old) === JSON.stringify(next)) return;
    await q.updateSetRow(tx, id, next);
    await recordAudit(tx, ctx, {
      action: 'indicator.set_updated',
      targetType: 'indicator_set',
      targetId: id,
      unitId: before.ownerUnitId,
      summary: { code: before.code, before: old, after: next },
    });
  });
  return loadSet(db, ctx.actor, id);
}

/** Replaces the ordered membership of a set; every code must name an indicator, once. */
export async function setIndicatorSetMembers(db: Db, ctx: AuthedContext, id: string, input: SetMembersInput): Promise<IndicatorSetDetail> {
  await setToManage(db, ctx.actor, id);
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  input.members.forEach((m, i) => {
    const first = seen.get(m.indicatorCode);
    if (first !== undefined) {
      issues.push({
        path: `members.${i}.indicatorCode`,
        message: `Chỉ tiêu mã "${m.indicatorCode}" có hai lần trong bộ (vị trí ${first + 1} và ${i + 1}).`,
      });
    } else seen.set(m.indicatorCode, i);
  });
  throwIssues(issues);
  await db.transaction(async (tx) => {
    const before = await q.lockSet(tx, id);
    if (!before) throw setNotFound();
    const found = new Map((await q.indicatorsByCode(tx, [...seen.keys()])).map((r) => [r.code, r]));
    input.members.forEach((m, i) => {
      if (!found.has(m.indicatorCode)) {
        issues.push({ path: `members.${i}.indicatorCode`, message: `Không có chỉ tiêu mã "${m.indicatorCode}" trong kho chỉ tiêu.` });
      }
    });
    throwIssues(issues);
    const old = await q.setMembers(tx, id);
    const next = input.members.map((m) => ({
      indicatorId: found.get(m.indicatorCode)!.id,
      code: m.indicatorCode,
      position: m.position ?? null,
    }));
    const same =
      old.length === next.length && old.every((o, i) => o.indicatorId === next[i]!.indicatorId && o.position === next[i]!.position);
    if (same) return;
    await q.replaceMembers(tx, id, next);
    const oldCodes = new Set(old.map((o) => o.code));
    await recordAudit(tx, ctx, {
      action: 'indicator.set_members_saved',
      targetType: 'indicator_set',
      targetId: id,
      unitId: before.ownerUnitId,
      summary: {
        code: before.code,
        added: next.filter((n) => !oldCodes.has(n.code)).map((n) => n.code),
        removed: old.filter((o) => !seen.has(o.code)).map((o) => o.code),
        before: old.map((o) => ({ code: o.code, position: o.position })),
        after: next.map((n) => ({ code: n.code, position: n.position })),
      },
    });
  });
  return loadSet(db, ctx.actor, id);
}

import { randomUUID } from 'node:crypto';
import {
  type CatalogDetail,
  type CatalogSummary,
  type catalogItemBody,
  type catalogListQuery,
  type createCatalogBody,
  matchesSearch,
  type updateCatalogBody,
} from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError, isUniqueViolation } from '../../http/errors.ts';
import { type Actor, type AuthedContext, authorize, authorizeGlobal, unitScope, unitScopeSql } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { presentCatalogSummary, presentEvent, presentItem } from './presenter.ts';
import * as q from './queries.ts';

type CreateCatalogInput = z.output<typeof createCatalogBody>;
type UpdateCatalogInput = z.output<typeof updateCatalogBody>;
type CatalogItemInput = z.output<typeof catalogItemBody>;
type ListQuery = z.output<typeof catalogListQuery>;

function manageOptions(actor: Actor) {
  return { manageScope: unitScopeSql(actor, 'reference.manage'), globalManage: unitScope(actor, 'reference.manage') === 'all' };
}

/** 'reference.manage' on the owner unit, or globally for a catalog that belongs to no unit. */
async function authorizeManage(db: Db, actor: Actor, ownerUnitId: string | null | undefined): Promise<void> {
  if (ownerUnitId) await authorize(db, actor, 'reference.manage', [ownerUnitId]);
  else authorizeGlobal(actor, 'reference.manage');
}

function catalogSnapshot(c: q.CatalogRow) {
  return {
    code: c.code,
    name: c.name,
    description: c.description,
    scope: c.scope,
    fieldGroup: c.fieldGroup,
    ownerUnitId: c.ownerUnitId,
    active: c.active,
  };
}

function itemSnapshot(i: q.CatalogItemRow) {
  return {
    code: i.code,
    name: i.name,
    parentId: i.parentId,
    sortOrder: i.sortOrder,
    validFrom: i.validFrom,
    validTo: i.validTo,
    active: i.active,
  };
}

function duplicateCatalogCode(code: string): AppError {
  return new AppError('DUPLICATE_CODE', { field: 'code', code }, `Mã danh mục "${code}" đã được sử dụng cho một danh mục khác.`);
}

function duplicateItemCode(code: string): AppError {
  return new AppError('DUPLICATE_CODE', { field: 'code', code }, `Mã mục "${code}" đã có trong danh mục này.`);
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { issues: [{ path, message }] }, message);
}

function checkValidity(validFrom: string | null | undefined, validTo: string | null | undefined, path: string): void {
  if (validFrom && validTo && validTo < validFrom) throw invalid(path, 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.');
}

export async function listCatalogs(
  db: Db,
  ctx: AuthedContext,
  query: ListQuery,
): Promise<{ items: CatalogSummary[]; total: number; page: number; pageSize: number }> {
  await authorize(db, ctx.actor, 'unit.read', []);
  const rows = await q.listCatalogRows(db, { ...manageOptions(ctx.actor), scope: query.scope });
  // Catalogs number in the tens or hundreds: the search (with or without diacritics) runs here.
  const matching = query.q
    ? rows.filter((r) => matchesSearch([r.catalog.code, r.catalog.name, r.catalog.description ?? ''].join(' '), query.q!))
    : rows;
  const start = (query.page - 1) * query.pageSize;
  return {
    items: matching.slice(start, start + query.pageSize).map(presentCatalogSummary),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getCatalog(db: Db, ctx: AuthedContext, id: string): Promise<CatalogDetail> {
  await authorize(db, ctx.actor, 'unit.read', []);
  return loadDetail(db, ctx.actor, id);
}

async function loadDetail(db: Db, actor: Actor, id: string): Promise<CatalogDetail> {
  const row = await q.findCatalog(db, id, manageOptions(actor));
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy danh mục.');
  const [items, events] = await Promise.all([q.listItems(db, id), q.listCatalogEvents(db, id)]);
  return { ...presentCatalogSummary(row), items: items.map(presentItem), events: events.map(presentEvent) };
}

/** Orders new items so that each parent is inserted before its children; refuses unknown parents and cycles. */
function orderByParent(items: CreateCatalogInput['items']): { item: CreateCatalogInput['items'][number]; index: number }[] {
  const byCode = new Map<string, number>();
  items.forEach((item, index) => {
    if (byCode.has(item.code)) throw duplicateItemCode(item.code);
    byCode.set(item.code, index);
  });
  const ordered: { item: CreateCatalogInput['items'][number]; index: number }[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (index: number) => {
    const s = state.get(index);
    if (s === 'done') return;
    const item = items[index]!;
    if (s === 'visiting') {
      throw new AppError(
        'CATALOG_ITEM_CYCLE',
        { code: item.code },
        `Mục "${item.code}" không thể là cấp trên của chính nó (vòng lặp cấp trên).`,
      );
    }
    state.set(index, 'visiting');
    if (item.parentCode !== undefined) {
      const parentIndex = byCode.get(item.parentCode);
      if (parentIndex === undefined) {
        throw invalid(`items.${index}.parentCode`, `Mục "${item.code}": không có mục cấp trên mã "${item.parentCode}" trong danh mục.`);
      }
      visit(parentIndex);
    }
    state.set(index, 'done');
    ordered.push({ item, index });
  };
  items.forEach((_, index) => visit(index));
  return ordered;
}

export async function createCatalog(db: Db, ctx: AuthedContext, input: CreateCatalogInput): Promise<CatalogDetail> {
  await authorizeManage(db, ctx.actor, input.ownerUnitId);
  const ordered = orderByParent(input.items);
  input.items.forEach((item, index) => checkValidity(item.validFrom, item.validTo, `items.${index}.validTo`));
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if (await q.catalogIdByCode(tx, input.code)) throw duplicateCatalogCode(input.code);
      const created = await q.insertCatalog(tx, {
        code: input.code,
        name: input.name,
        description: input.description ?? null,
        scope: input.scope,
        fieldGroup: input.fieldGroup ?? null,
        ownerUnitId: input.ownerUnitId ?? null,
      });
      const ids = new Map<string, string>();
      for (const { item, index } of ordered) {
        const itemId = randomUUID();
        ids.set(item.code, itemId);
        await q.insertItem(tx, {
          id: itemId,
          catalogId: created.id,
          code: item.code,
          name: item.name,
          parentId: item.parentCode ? ids.get(item.parentCode)! : null,
          sortOrder: index,
          validFrom: item.validFrom ?? null,
          validTo: item.validTo ?? null,
        });
      }
      const after = {
        ...catalogSnapshot(created),
        items: input.items.map((i) => ({ code: i.code, name: i.name, parentCode: i.parentCode ?? null })),
      };
      await q.insertCatalogEvent(tx, {
        catalogId: created.id,
        catalogVersion: created.version,
        kind: 'created',
        actorId: ctx.actor.id,
        actorName: ctx.actor.fullName,
        before: null,
        after,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.created',
        targetType: 'catalog',
        targetId: created.id,
        unitId: created.ownerUnitId,
        summary: { after: { ...catalogSnapshot(created), itemCount: input.items.length } },
      });
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'catalog_code_unique')) throw duplicateCatalogCode(input.code);
    throw error;
  }
  return loadDetail(db, ctx.actor, id);
}

/** Locks the catalog, checks the version the editor saw and the editor's right to manage it. */
async function lockForEdit(tx: Db, ctx: AuthedContext, id: string, version: number): Promise<q.CatalogRow> {
  const row = await q.lockCatalog(tx, id);
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy danh mục.');
  await authorizeManage(tx, ctx.actor, row.ownerUnitId);
  if (row.version !== version) {
    throw new AppError(
      'CONFLICT',
      { currentVersion: row.version },
      'Danh mục đã được người khác thay đổi sau khi bạn mở. Vui lòng tải lại rồi thử lại.',
    );
  }
  return row;
}

export async function updateCatalog(db: Db, ctx: AuthedContext, id: string, input: UpdateCatalogInput): Promise<CatalogDetail> {
  await authorizeOwnerOf(db, ctx, id);
  await db.transaction(async (tx) => {
    const before = await lockForEdit(tx, ctx, id, input.version);
    const next = {
      name: input.name ?? before.name,
      description: input.description === undefined ? before.description : input.description,
      fieldGroup: input.fieldGroup === undefined ? before.fieldGroup : input.fieldGroup,
    };
    if (next.name === before.name && next.description === before.description && next.fieldGroup === before.fieldGroup) return;
    const after = await q.updateCatalogRow(tx, id, next);
    await q.insertCatalogEvent(tx, {
      catalogId: id,
      catalogVersion: after.version,
      kind: 'updated',
      actorId: ctx.actor.id,
      actorName: ctx.actor.fullName,
      before: catalogSnapshot(before),
      after: catalogSnapshot(after),
    });
    await recordAudit(tx, ctx, {
      action: 'catalog.updated',
      targetType: 'catalog',
      targetId: id,
      unitId: after.ownerUnitId,
      summary: { before: catalogSnapshot(before), after: catalogSnapshot(after) },
    });
  });
  return loadDetail(db, ctx.actor, id);
}

/** Checked before the transaction as well, so that a reader without rights learns it before anything else. */
async function authorizeOwnerOf(db: Db, ctx: AuthedContext, id: string): Promise<void> {
  const row = await q.getCatalog(db, id);
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy danh mục.');
  await authorizeManage(db, ctx.actor, row.ownerUnitId);
}

function checkParent(items: q.CatalogItemRow[], itemId: string | null, parentId: string | null): void {
  if (!parentId) return;
  const byId = new Map(items.map((i) => [i.id, i]));
  if (!byId.has(parentId)) throw invalid('parentId', 'Mục cấp trên không thuộc danh mục này.');
  // Walk up from the new parent: meeting the item itself means it would become its own ancestor.
  for (let cursor: string | null = parentId, steps = 0; cursor && steps <= items.length; steps++) {
    if (cursor === itemId) throw new AppError('CATALOG_ITEM_CYCLE');
    cursor = byId.get(cursor)?.parentId ?? null;
  }
}

export async function addCatalogItem(db: Db, ctx: AuthedContext, catalogId: string, input: CatalogItemInput): Promise<CatalogDetail> {
  await authorizeOwnerOf(db, ctx, catalogId);
  checkValidity(input.validFrom, input.validTo, 'validTo');
  try {
    await db.transaction(async (tx) => {
      const before = await lockForEdit(tx, ctx, catalogId, input.catalogVersion);
      const items = await q.listItems(tx, catalogId);
      if (items.some((i) => i.code === input.code)) throw duplicateItemCode(input.code);
      const parentId = input.parentId ?? null;
      checkParent(items, null, parentId);
      const item = await q.insertItem(tx, {
        catalogId,
        code: input.code,
        name: input.name,
        parentId,
        sortOrder: input.sortOrder ?? (await q.maxSortOrder(tx, catalogId, parentId)) + 1,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        active: input.active ?? true,
      });
      const after = await q.updateCatalogRow(tx, catalogId, {});
      await q.insertCatalogEvent(tx, {
        catalogId,
        itemId: item.id,
        catalogVersion: after.version,
        kind: 'item_added',
        actorId: ctx.actor.id,
        actorName: ctx.actor.fullName,
        before: null,
        after: itemSnapshot(item),
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.item_saved',
        targetType: 'catalog',
        targetId: catalogId,
        unitId: before.ownerUnitId,
        summary: { catalogCode: before.code, itemId: item.id, before: null, after: itemSnapshot(item) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'catalog_item_code_uq')) throw duplicateItemCode(input.code);
    throw error;
  }
  return loadDetail(db, ctx.actor, catalogId);
}

export async function updateCatalogItem(
  db: Db,
  ctx: AuthedContext,
  catalogId: string,
  itemId: string,
  input: CatalogItemInput,
): Promise<CatalogDetail> {
  await authorizeOwnerOf(db, ctx, catalogId);
  try {
    await db.transaction(async (tx) => {
      const cat = await lockForEdit(tx, ctx, catalogId, input.catalogVersion);
      const items = await q.listItems(tx, catalogId);
      const current = items.find((i) => i.id === itemId);
      if (!current) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy mục trong danh mục này.');
      if (input.code !== current.code && items.some((i) => i.code === input.code)) throw duplicateItemCode(input.code);
      const next = {
        code: input.code,
        name: input.name,
        parentId: input.parentId === undefined ? current.parentId : input.parentId,
        sortOrder: input.sortOrder ?? current.sortOrder,
        validFrom: input.validFrom === undefined ? current.validFrom : input.validFrom,
        validTo: input.validTo === undefined ? current.validTo : input.validTo,
        active: input.active ?? current.active,
      };
      checkParent(items, itemId, next.parentId);
      checkValidity(next.validFrom, next.validTo, 'validTo');
      const before = itemSnapshot(current);
      if (JSON.stringify(before) === JSON.stringify({ ...before, ...next })) return;
      const item = await q.updateItemRow(tx, itemId, next);
      const after = await q.updateCatalogRow(tx, catalogId, {});
      const kind =
        current.active && !item.active ? 'item_deactivated' : !current.active && item.active ? 'item_reactivated' : 'item_updated';
      await q.insertCatalogEvent(tx, {
        catalogId,
        itemId,
        catalogVersion: after.version,
        kind,
        actorId: ctx.actor.id,
        actorName: ctx.actor.fullName,
        before,
        after: itemSnapshot(item),
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.item_saved',
        targetType: 'catalog',
        targetId: catalogId,
        unitId: cat.ownerUnitId,
        summary: { catalogCode: cat.code, itemId, before, after: itemSnapshot(item) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'catalog_item_code_uq')) throw duplicateItemCode(input.code);
    throw error;
  }
  return loadDetail(db, ctx.actor, catalogId);
}

/** The catalogs with these codes (code and name), for other modules that refer to catalogs by code. */
export async function findCatalogsByCode(db: Db, codes?: readonly string[]): Promise<{ code: string; name: string }[]> {
  return q.catalogCodes(db, codes);
}

/** One catalog's name and its items' names, keyed by upper-case codes: what a disaggregation key ("GIOI_TINH=NU") is labelled with. */
export interface CatalogLabels {
  name: string;
  /** Upper-case item code → item name, in the catalog's order. */
  items: Map<string, string>;
}

/** Labels of the catalogs named by `codes` (any case), keyed by upper-case catalog code; no authorization (reference data). */
export async function catalogLabels(db: Db, codes: readonly string[]): Promise<Map<string, CatalogLabels>> {
  const out = new Map<string, CatalogLabels>();
  const rows = await q.itemsOfCatalogs(db, [...new Set(codes.map((c) => c.toUpperCase()))]);
  for (const r of rows) {
    const key = r.catalogCode.toUpperCase();
    let labels = out.get(key);
    if (!labels) out.set(key, (labels = { name: r.catalogName, items: new Map() }));
    if (r.itemCode !== null && r.itemName !== null) labels.items.set(r.itemCode.toUpperCase(), r.itemName);
  }
  return out;
}

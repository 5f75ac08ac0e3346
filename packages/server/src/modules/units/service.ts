import { randomUUID } from 'node:crypto';
import {
  ADMIN_CODE_LENGTH,
  foldDiacritics,
  normalizeText,
  todayInVietnam,
  UNIT_KIND_LABELS,
  type createUnitBody,
  type deactivateUnitBody,
  type moveUnitBody,
  type Unit,
  type UnitDetail,
  type UnitKind,
  type updateUnitBody,
} from '@baocao/core';
import type { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError, isForeignKeyViolation, isUniqueViolation } from '../../http/errors.ts';
import { type AuthedContext, authorize, authorizeGlobal, permissionsOf, unitScopeSql } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { presentUnit } from './presenter.ts';
import * as q from './queries.ts';

type CreateUnitInput = z.output<typeof createUnitBody>;
type UpdateUnitInput = z.output<typeof updateUnitBody>;
type MoveUnitInput = z.output<typeof moveUnitBody>;
type DeactivateUnitInput = z.output<typeof deactivateUnitBody>;

export function unitSearchText(u: {
  name: string;
  shortName?: string | null;
  agencyCode?: string | null;
  adminCode?: string | null;
}): string {
  return foldDiacritics([u.name, u.shortName, u.agencyCode, u.adminCode].filter(Boolean).join(' ')).toLowerCase();
}

/** The auditable fields of a unit, for before/after summaries. */
function snapshot(u: q.UnitRow) {
  return {
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    agencyCode: u.agencyCode,
    adminCode: u.adminCode,
    validFrom: u.validFrom,
    validTo: u.validTo,
    active: u.active,
    sortOrder: u.sortOrder,
    parentId: u.parentId,
  };
}

function checkAdminCode(kind: UnitKind, adminCode: string | null | undefined): void {
  if (!adminCode) return;
  const expected = ADMIN_CODE_LENGTH[kind];
  if (expected === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      { issues: [{ path: 'adminCode', message: 'Chỉ đơn vị hành chính mới có mã đơn vị hành chính.' }] },
      `Loại đơn vị "${UNIT_KIND_LABELS[kind]}" không có mã đơn vị hành chính.`,
    );
  }
  if (adminCode.length !== expected) {
    throw new AppError(
      'VALIDATION_FAILED',
      { issues: [{ path: 'adminCode', message: `Mã đơn vị hành chính của loại này gồm ${expected} chữ số.` }] },
      `Mã đơn vị hành chính của "${UNIT_KIND_LABELS[kind]}" gồm ${expected} chữ số.`,
    );
  }
}

function mapUniqueViolation(error: unknown): never {
  if (isUniqueViolation(error, 'org_unit_agency_code_active_uq')) {
    throw new AppError('DUPLICATE_CODE', { field: 'agencyCode' }, 'Mã định danh điện tử đã được một đơn vị đang hoạt động sử dụng.');
  }
  if (isUniqueViolation(error, 'org_unit_admin_code_active_uq')) {
    throw new AppError('DUPLICATE_CODE', { field: 'adminCode' }, 'Mã đơn vị hành chính đã được một đơn vị đang hoạt động sử dụng.');
  }
  throw error;
}

type UnitEventKind = 'created' | 'updated' | 'moved' | 'deactivated' | 'reactivated';

/**
 * Every change of a unit writes two rows in the caller's transaction: the unit's own history
 * (shown on its page) and the audit log.
 */
async function recordChange(
  tx: Db,
  ctx: AuthedContext,
  change: {
    kind: UnitEventKind;
    unitId: string;
    before?: q.UnitRow;
    after?: q.UnitRow;
    fromParentId?: string | null;
    toParentId?: string | null;
    note?: string | null;
  },
) {
  const before = change.before && snapshot(change.before);
  const after = change.after && snapshot(change.after);
  await q.insertUnitEvent(tx, {
    unitId: change.unitId,
    kind: change.kind,
    actorId: ctx.actor.id,
    actorName: ctx.actor.fullName,
    fromParentId: change.fromParentId ?? null,
    toParentId: change.toParentId ?? null,
    note: change.note ?? null,
    before: before ?? null,
    after: after ?? null,
  });
  const summary =
    change.kind === 'moved' ? { before: { parentId: change.fromParentId }, after: { parentId: change.toParentId } } : { before, after };
  await recordAudit(tx, ctx, {
    action: `unit.${change.kind}`,
    targetType: 'unit',
    targetId: change.unitId,
    unitId: change.unitId,
    summary: { ...summary, ...(change.note ? { note: change.note } : {}) },
  });
}

function checkVersion(row: q.UnitRow | undefined, version: number): q.UnitRow {
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị.');
  if (row.version !== version) throw new AppError('CONFLICT');
  return row;
}

export async function listUnits(db: Db, ctx: AuthedContext, opts: { q?: string | undefined; includeInactive: boolean }): Promise<Unit[]> {
  await authorize(db, ctx.actor, 'unit.read', []);
  const search = opts.q ? foldDiacritics(normalizeText(opts.q)).toLowerCase() : undefined;
  const rows = await q.listUnitRows(db, {
    readScope: unitScopeSql(ctx.actor, 'unit.read'),
    manageScope: unitScopeSql(ctx.actor, 'unit.manage'),
    search,
    includeInactive: opts.includeInactive,
  });
  return rows.map((r) => presentUnit(r.unit, r.canManage));
}

/**
 * The address book of active units — names and places in the tree, nothing more — for those who
 * address reports to other units: a regime owner picks the reporting and receiving units anywhere
 * in the province, beyond the units they may administer or read.
 */
export async function listUnitDirectory(db: Db, ctx: AuthedContext): Promise<Unit[]> {
  if (!permissionsOf(ctx.actor).includes('regime.manage')) throw new AppError('FORBIDDEN');
  const rows = await q.listUnitRows(db, {
    readScope: sql`true`,
    manageScope: unitScopeSql(ctx.actor, 'unit.manage'),
    includeInactive: false,
  });
  return rows.map((r) => presentUnit(r.unit, r.canManage));
}

export async function getUnit(db: Db, ctx: AuthedContext, id: string): Promise<UnitDetail> {
  await authorize(db, ctx.actor, 'unit.read', [id]);
  const row = await q.findUnit(db, id, unitScopeSql(ctx.actor, 'unit.manage'));
  if (!row) throw new AppError('NOT_FOUND');
  const [events, counts] = await Promise.all([q.listUnitEvents(db, id), q.unitCounts(db, id)]);
  return {
    ...presentUnit(row.unit, row.canManage),
    ...counts,
    events: events.map((e) => ({ ...e, kind: e.kind as UnitDetail['events'][number]['kind'], at: e.at.toISOString() })),
  };
}

async function presentOne(db: Db, ctx: AuthedContext, id: string): Promise<Unit> {
  const row = await q.findUnit(db, id, unitScopeSql(ctx.actor, 'unit.manage'));
  return presentUnit(row!.unit, row!.canManage);
}

export async function createUnit(db: Db, ctx: AuthedContext, input: CreateUnitInput): Promise<Unit> {
  if (input.parentId) await authorize(db, ctx.actor, 'unit.manage', [input.parentId]);
  else authorizeGlobal(ctx.actor, 'unit.manage');
  checkAdminCode(input.kind, input.adminCode);
  try {
    const created = await db.transaction(async (tx) => {
      const parent = input.parentId ? await q.lockUnit(tx, input.parentId) : undefined;
      if (input.parentId && !parent) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị cấp trên.');
      if (parent && !parent.active) throw new AppError('UNIT_INACTIVE', undefined, 'Đơn vị cấp trên đã ngừng hoạt động.');
      const id = randomUUID();
      const row = await q.insertUnit(tx, {
        id,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        agencyCode: input.agencyCode ?? null,
        adminCode: input.adminCode ?? null,
        validFrom: input.validFrom ?? todayInVietnam(),
        sortOrder: input.sortOrder ?? 0,
        searchText: unitSearchText(input),
      });
      await recordChange(tx, ctx, { kind: 'created', unitId: id, after: row, toParentId: row.parentId });
      return row;
    });
    return presentOne(db, ctx, created.id);
  } catch (error) {
    mapUniqueViolation(error);
  }
}

export async function updateUnit(db: Db, ctx: AuthedContext, id: string, input: UpdateUnitInput): Promise<Unit> {
  await authorize(db, ctx.actor, 'unit.manage', [id]);
  try {
    await db.transaction(async (tx) => {
      const before = checkVersion(await q.lockUnit(tx, id), input.version);
      const next = {
        name: input.name ?? before.name,
        shortName: input.shortName === undefined ? before.shortName : input.shortName,
        kind: input.kind ?? (before.kind as UnitKind),
        agencyCode: input.agencyCode === undefined ? before.agencyCode : input.agencyCode,
        adminCode: input.adminCode === undefined ? before.adminCode : input.adminCode,
        validFrom: input.validFrom === undefined ? before.validFrom : input.validFrom,
        sortOrder: input.sortOrder ?? before.sortOrder,
      };
      checkAdminCode(next.kind, next.adminCode);
      const after = await q.updateUnitRow(tx, id, { ...next, searchText: unitSearchText(next) });
      await recordChange(tx, ctx, { kind: 'updated', unitId: id, before, after });
    });
  } catch (error) {
    mapUniqueViolation(error);
  }
  return presentOne(db, ctx, id);
}

export async function moveUnit(db: Db, ctx: AuthedContext, id: string, input: MoveUnitInput): Promise<Unit> {
  await authorize(db, ctx.actor, 'unit.manage', [id, input.newParentId]);
  await db.transaction(async (tx) => {
    const unit = checkVersion(await q.lockUnit(tx, id), input.version);
    const newParent = await q.lockUnit(tx, input.newParentId);
    if (!newParent) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị cấp trên mới.');
    if (newParent.path.startsWith(unit.path)) throw new AppError('UNIT_CYCLE');
    if (!newParent.active) throw new AppError('UNIT_INACTIVE', undefined, 'Đơn vị cấp trên mới đã ngừng hoạt động.');
    if (unit.parentId === newParent.id) return;
    const newPath = `${newParent.path}${unit.id}/`;
    await q.rewriteSubtreePaths(tx, unit.path, newPath, newParent.depth + 1 - unit.depth);
    await q.updateUnitRow(tx, id, { parentId: newParent.id });
    await recordChange(tx, ctx, { kind: 'moved', unitId: id, fromParentId: unit.parentId, toParentId: newParent.id, note: input.note });
  });
  return presentOne(db, ctx, id);
}

export async function deactivateUnit(db: Db, ctx: AuthedContext, id: string, input: DeactivateUnitInput): Promise<Unit> {
  await authorize(db, ctx.actor, 'unit.manage', [id]);
  await db.transaction(async (tx) => {
    const before = checkVersion(await q.lockUnit(tx, id), input.version);
    if (!before.active) throw new AppError('UNIT_INACTIVE');
    if ((await q.countActiveChildren(tx, id)) > 0) throw new AppError('UNIT_HAS_ACTIVE_CHILDREN');
    const validTo = input.validTo ?? todayInVietnam();
    if (before.validFrom && validTo < before.validFrom) {
      throw new AppError(
        'VALIDATION_FAILED',
        { issues: [{ path: 'validTo', message: 'Ngày ngừng hoạt động phải sau ngày bắt đầu hiệu lực.' }] },
        'Ngày ngừng hoạt động phải sau ngày bắt đầu hiệu lực.',
      );
    }
    const after = await q.updateUnitRow(tx, id, { active: false, validTo });
    await recordChange(tx, ctx, { kind: 'deactivated', unitId: id, before, after, note: input.note });
  });
  return presentOne(db, ctx, id);
}

export async function reactivateUnit(db: Db, ctx: AuthedContext, id: string, version: number): Promise<Unit> {
  await authorize(db, ctx.actor, 'unit.manage', [id]);
  try {
    await db.transaction(async (tx) => {
      const before = checkVersion(await q.lockUnit(tx, id), version);
      if (before.active) return;
      if (before.parentId) {
        const parent = await q.lockUnit(tx, before.parentId);
        if (parent && !parent.active)
          throw new AppError('UNIT_INACTIVE', undefined, 'Đơn vị cấp trên đã ngừng hoạt động; hãy khôi phục đơn vị cấp trên trước.');
      }
      const after = await q.updateUnitRow(tx, id, { active: true, validTo: null });
      await recordChange(tx, ctx, { kind: 'reactivated', unitId: id, before, after });
    });
  } catch (error) {
    mapUniqueViolation(error);
  }
  return presentOne(db, ctx, id);
}

/**
 * Removes a unit created by mistake. A unit that anything refers to (subunits, accounts, grants,
 * and in later modules reports) is refused by the database's foreign keys: deactivate it instead.
 */
export async function deleteUnit(db: Db, ctx: AuthedContext, id: string): Promise<void> {
  await authorize(db, ctx.actor, 'unit.manage', [id]);
  try {
    await db.transaction(async (tx) => {
      const unit = await q.lockUnit(tx, id);
      if (!unit) throw new AppError('NOT_FOUND');
      await q.deleteUnitRow(tx, id);
      await recordAudit(tx, ctx, {
        action: 'unit.deleted',
        targetType: 'unit',
        targetId: id,
        unitId: unit.parentId,
        summary: { before: snapshot(unit) },
      });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError('UNIT_HAS_DATA');
    throw error;
  }
}

import type { saveViewBody, SavedView } from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, type AuthedContext, authorize } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { checkQueryShape } from './explore.ts';
import { presentView } from './presenter.ts';
import * as q from './views-queries.ts';

/**
 * Saved views (khung nhìn): an exploration query and how it is shown, private or shared with the
 * owner's unit or everyone. Sharing a view shares the question, never the answer: whoever opens it
 * runs the query with their own authority.
 */

type SaveViewInput = z.output<typeof saveViewBody>;

const notFound = () => new AppError('NOT_FOUND', undefined, 'Không tìm thấy khung nhìn, hoặc khung nhìn không được chia sẻ với bạn.');

export async function listViews(db: Db, ctx: AuthedContext): Promise<{ items: SavedView[] }> {
  await authorize(db, ctx.actor, 'analytics.read', []);
  const rows = await q.listVisibleViews(db, ctx.actor);
  return { items: rows.map((r) => presentView(r, ctx.actor.id)) };
}

/** A view the actor may open (their own or shared with them); NOT_FOUND otherwise. */
export async function loadView(db: Db, actor: Actor, viewId: string): Promise<SavedView> {
  const row = await q.findVisibleView(db, actor, viewId);
  if (!row) throw notFound();
  return presentView(row, actor.id);
}

export async function createView(db: Db, ctx: AuthedContext, input: SaveViewInput, now = new Date()): Promise<SavedView> {
  await authorize(db, ctx.actor, 'analytics.read', []);
  checkQueryShape(input.query);
  const id = await db.transaction(async (tx) => {
    const row = await q.insertView(tx, {
      name: input.name,
      description: input.description ?? null,
      query: input.query,
      display: input.display,
      sharing: input.sharing,
      ownerId: ctx.actor.id,
      ownerUnitId: ctx.actor.unitId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'analytics.view_saved',
      targetType: 'analytics_view',
      targetId: row.id,
      unitId: ctx.actor.unitId,
      summary: { name: row.name, sharing: row.sharing, created: true },
    });
    return row.id;
  });
  return loadView(db, ctx.actor, id);
}

/** The view locked for a change by its owner: NOT_FOUND when the actor cannot see it, FORBIDDEN when it is not theirs. */
async function ownedView(tx: Db, actor: Actor, id: string): Promise<q.ViewRow> {
  if (!(await q.findVisibleView(tx, actor, id))) throw notFound();
  const row = await q.lockView(tx, id);
  if (!row) throw notFound();
  if (row.ownerId !== actor.id) throw new AppError('FORBIDDEN', undefined, 'Chỉ người tạo khung nhìn mới được sửa hoặc xóa khung nhìn.');
  return row;
}

export async function updateView(db: Db, ctx: AuthedContext, id: string, input: SaveViewInput, now = new Date()): Promise<SavedView> {
  if (input.version === undefined) throw new AppError('VALIDATION_FAILED', undefined, 'Thiếu phiên bản của khung nhìn đang sửa.');
  checkQueryShape(input.query);
  await db.transaction(async (tx) => {
    const row = await ownedView(tx, ctx.actor, id);
    if (row.version !== input.version) throw new AppError('CONFLICT');
    await q.updateViewRow(tx, id, {
      name: input.name,
      description: input.description ?? null,
      query: input.query,
      display: input.display,
      sharing: input.sharing,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'analytics.view_saved',
      targetType: 'analytics_view',
      targetId: id,
      unitId: row.ownerUnitId,
      summary: { before: { name: row.name, sharing: row.sharing }, after: { name: input.name, sharing: input.sharing } },
    });
  });
  return loadView(db, ctx.actor, id);
}

export async function deleteView(db: Db, ctx: AuthedContext, id: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await ownedView(tx, ctx.actor, id);
    await q.updateViewRow(tx, id, { deletedAt: now, updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'analytics.view_deleted',
      targetType: 'analytics_view',
      targetId: id,
      unitId: row.ownerUnitId,
      summary: { name: row.name },
    });
  });
}

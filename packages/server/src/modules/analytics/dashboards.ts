import type { Dashboard, DashboardData, saveDashboardBody, TileData, TileSpec } from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Clock } from '../../jobs/clock.ts';
import { type Actor, type AuthedContext, authorize, unitScopeSql } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as q from './dashboards-queries.ts';
import { explore } from './explore.ts';
import { evaluateKpi } from './kpi.ts';
import { loadView } from './views.ts';

type SaveDashboardInput = z.output<typeof saveDashboardBody>;
type DashboardListItem = Omit<Dashboard, 'tiles'> & { tileCount: number };

export interface DashboardDeps {
  db: Db;
  clock: Clock;
}

const NOT_FOUND_MESSAGE = 'Không tìm thấy bảng điều khiển.';
export const TILE_OUT_OF_SCOPE_MESSAGE = 'Bạn không có quyền xem số liệu của đơn vị này.';
const TILE_VIEW_GONE_MESSAGE = 'Khung nhìn của ô này đã bị xóa hoặc không còn được chia sẻ với bạn.';
const TILE_UNIT_GONE_MESSAGE = 'Không tìm thấy đơn vị của ô này.';

function presentDashboard(row: q.DashboardWithNames): Dashboard {
  const d = row.dashboard;
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    unitId: d.unitId,
    unitName: row.unitName,
    // Validated by saveDashboardBody when written; the response schema checks them again.
    tiles: d.tiles as TileSpec[],
    updatedAt: d.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
    version: d.version,
    canManage: Boolean(row.canManage),
  };
}

function presentListItem(row: q.DashboardWithNames): DashboardListItem {
  const { tiles, ...rest } = presentDashboard(row);
  return { ...rest, tileCount: tiles.length };
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { issues: [{ path, message }] }, message);
}

/** Dashboards of the units where the caller holds analytics.read. */
export async function listDashboards(db: Db, ctx: AuthedContext): Promise<{ items: DashboardListItem[] }> {
  await authorize(db, ctx.actor, 'analytics.read', []);
  const rows = await q.listDashboardRows(db, {
    readScope: unitScopeSql(ctx.actor, 'analytics.read'),
    manageScope: unitScopeSql(ctx.actor, 'analytics.manage'),
  });
  return { items: rows.map(presentListItem) };
}

async function readableDashboard(db: Db, actor: Actor, id: string): Promise<q.DashboardWithNames> {
  const row = await q.findDashboard(db, id, unitScopeSql(actor, 'analytics.manage'));
  if (!row) throw new AppError('NOT_FOUND', undefined, NOT_FOUND_MESSAGE);
  await authorize(db, actor, 'analytics.read', [row.dashboard.unitId]);
  return row;
}

export async function getDashboard(db: Db, ctx: AuthedContext, id: string): Promise<Dashboard> {
  return presentDashboard(await readableDashboard(db, ctx.actor, id));
}

/**
 * Every indicator a KPI tile names must exist, and so must the units it names; a view tile's view
 * must be one the composer can open (a tile nobody could ever show is a mistake to report now).
 */
async function checkTiles(db: Db, actor: Actor, tiles: readonly TileSpec[]): Promise<void> {
  const codes = tiles.flatMap((t) => (t.kind === 'kpi' ? [t.indicatorCode, ...(t.target ? [t.target.indicatorCode] : [])] : []));
  const known = await q.indicatorsByCodes(db, codes);
  const unitIds = tiles.flatMap((t) => (t.kind === 'kpi' && t.unitId ? [t.unitId] : []));
  const units = await q.existingUnitIds(db, unitIds);
  for (const [i, tile] of tiles.entries()) {
    if (tile.kind === 'kpi') {
      if (!known.has(tile.indicatorCode)) {
        throw invalid(`tiles.${i}.indicatorCode`, `Ô "${tile.title}": không có chỉ tiêu mã "${tile.indicatorCode}".`);
      }
      if (tile.target && !known.has(tile.target.indicatorCode)) {
        throw invalid(`tiles.${i}.target.indicatorCode`, `Ô "${tile.title}": không có chỉ tiêu mã "${tile.target.indicatorCode}".`);
      }
      if (tile.unitId && !units.has(tile.unitId)) throw invalid(`tiles.${i}.unitId`, `Ô "${tile.title}": không tìm thấy đơn vị.`);
      if (tile.periodType === 'custom') {
        // A KPI compares a period with the previous one and the same one last year: custom periods have neither.
        throw invalid(`tiles.${i}.periodType`, `Ô "${tile.title}": ô chỉ số cần loại kỳ nối tiếp nhau (tháng, quý, năm…).`);
      }
    } else {
      try {
        await loadView(db, actor, tile.viewId);
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') {
          throw invalid(`tiles.${i}.viewId`, `Ô "${tile.title}": không tìm thấy khung nhìn (đã bị xóa hoặc chưa được chia sẻ với bạn).`);
        }
        throw error;
      }
    }
  }
}

function auditSnapshot(d: { name: string; unitId: string; tiles: unknown }) {
  const tiles = d.tiles as TileSpec[];
  return { name: d.name, unitId: d.unitId, tiles: tiles.map((t) => ({ kind: t.kind, title: t.title })) };
}

export async function createDashboard(deps: DashboardDeps, ctx: AuthedContext, input: SaveDashboardInput): Promise<Dashboard> {
  const { db } = deps;
  await authorize(db, ctx.actor, 'analytics.manage', [input.unitId]);
  await checkTiles(db, ctx.actor, input.tiles);
  const now = deps.clock.now();
  const id = await db.transaction(async (tx) => {
    const created = await q.insertDashboard(tx, {
      name: input.name,
      description: input.description ?? null,
      unitId: input.unitId,
      tiles: input.tiles,
      createdBy: ctx.actor.id,
      createdAt: now,
      updatedBy: ctx.actor.id,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'dashboard.saved',
      targetType: 'dashboard',
      targetId: created.id,
      unitId: created.unitId,
      summary: { after: auditSnapshot(created) },
    });
    return created.id;
  });
  return getDashboard(db, ctx, id);
}

/** Locks the dashboard, checks the version the editor read and the editor's right to change it. */
async function lockForEdit(tx: Db, ctx: AuthedContext, id: string, version: number | undefined): Promise<q.DashboardRow> {
  if (version === undefined) throw invalid('version', 'Thiếu phiên bản của bảng điều khiển đã đọc (version).');
  const row = await q.lockDashboard(tx, id);
  if (!row) throw new AppError('NOT_FOUND', undefined, NOT_FOUND_MESSAGE);
  await authorize(tx, ctx.actor, 'analytics.manage', [row.unitId]);
  if (row.version !== version) {
    throw new AppError(
      'CONFLICT',
      { currentVersion: row.version },
      'Bảng điều khiển đã được người khác thay đổi sau khi bạn mở. Vui lòng tải lại rồi thử lại.',
    );
  }
  return row;
}

export async function updateDashboard(deps: DashboardDeps, ctx: AuthedContext, id: string, input: SaveDashboardInput): Promise<Dashboard> {
  const { db } = deps;
  await authorize(db, ctx.actor, 'analytics.manage', [input.unitId]);
  await checkTiles(db, ctx.actor, input.tiles);
  await db.transaction(async (tx) => {
    const before = await lockForEdit(tx, ctx, id, input.version);
    const after = await q.updateDashboardRow(tx, id, {
      name: input.name,
      description: input.description ?? null,
      unitId: input.unitId,
      tiles: input.tiles,
      updatedBy: ctx.actor.id,
      updatedAt: deps.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'dashboard.saved',
      targetType: 'dashboard',
      targetId: id,
      unitId: after.unitId,
      summary: { before: auditSnapshot(before), after: auditSnapshot(after) },
    });
  });
  return getDashboard(db, ctx, id);
}

/** Soft delete: the row stays for the audit trail. */
export async function deleteDashboard(deps: DashboardDeps, ctx: AuthedContext, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await q.lockDashboard(tx, id);
    if (!row) throw new AppError('NOT_FOUND', undefined, NOT_FOUND_MESSAGE);
    await authorize(tx, ctx.actor, 'analytics.manage', [row.unitId]);
    await q.softDeleteDashboard(tx, id, ctx.actor.id, deps.clock.now());
    await recordAudit(tx, ctx, {
      action: 'dashboard.deleted',
      targetType: 'dashboard',
      targetId: id,
      unitId: row.unitId,
      summary: { before: auditSnapshot(row) },
    });
  });
}

/**
 * Every tile evaluated live with the reader's authority: a tile the reader may not see becomes an
 * 'unavailable' tile with a Vietnamese reason, and the rest of the dashboard is shown as usual.
 */
export async function dashboardData(deps: DashboardDeps, ctx: AuthedContext, id: string): Promise<DashboardData> {
  const { db } = deps;
  const d = presentDashboard(await readableDashboard(db, ctx.actor, id));
  const indicators = await q.indicatorsByCodes(
    db,
    d.tiles.flatMap((t) => (t.kind === 'kpi' ? [t.indicatorCode] : [])),
  );
  const context: TileContext = { db, actor: ctx.actor, dashboardUnitId: d.unitId, indicators };
  const tiles = await Promise.all(d.tiles.map((tile) => evaluateTile(context, tile)));
  return { dashboard: d, tiles, refreshedAt: deps.clock.now().toISOString() };
}

interface TileContext {
  db: Db;
  actor: Actor;
  dashboardUnitId: string;
  indicators: Map<string, { unitOfMeasure: string | null }>;
}

async function evaluateTile({ db, actor, dashboardUnitId, indicators }: TileContext, tile: TileSpec): Promise<TileData> {
  try {
    if (tile.kind === 'kpi') {
      const unitOfMeasure = indicators.get(tile.indicatorCode)?.unitOfMeasure ?? null;
      return { kind: 'kpi', kpi: await evaluateKpi(db, actor, tile, tile.unitId ?? dashboardUnitId, unitOfMeasure) };
    }
    const view = await loadView(db, actor, tile.viewId);
    const result = await explore(db, actor, view.query);
    // The tile may show the view differently from how its owner saved it (a chart instead of a table).
    return { kind: 'view', view: tile.display ? { ...view, display: tile.display } : view, result };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { kind: 'unavailable', message: unavailableMessage(tile, error) };
  }
}

function unavailableMessage(tile: TileSpec, error: AppError): string {
  switch (error.code) {
    case 'OUT_OF_SCOPE':
    case 'FORBIDDEN':
      return TILE_OUT_OF_SCOPE_MESSAGE;
    case 'NOT_FOUND':
      return tile.kind === 'view' ? TILE_VIEW_GONE_MESSAGE : TILE_UNIT_GONE_MESSAGE;
    default:
      return error.message;
  }
}

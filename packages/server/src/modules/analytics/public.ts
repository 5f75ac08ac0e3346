import {
  type ExplorationQuery,
  type PivotResult,
  type PublicDataset,
  type PublishedDataset,
  type publishDatasetBody,
  type ViewDisplay,
  vnToday,
} from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Clock } from '../../jobs/clock.ts';
import { type Actor, type AuthedContext, authorize, unitScope } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { explore } from './explore.ts';
import * as q from './public-queries.ts';

type PublishInput = z.output<typeof publishDatasetBody>;

export interface PublicDeps {
  db: Db;
  clock: Clock;
}

const DATASET_NOT_FOUND = 'Không tìm thấy bộ dữ liệu công khai.';

/** The snapshot month of an instant: "YYYY-MM" in Vietnam's time (the regulation's monthly refresh). */
export function snapshotMonth(at: Date): string {
  return vnToday(at).slice(0, 7);
}

function presentPublished(row: q.DatasetWithNames): PublishedDataset {
  const d = row.dataset;
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    query: d.query as ExplorationQuery,
    display: d.display as ViewDisplay,
    active: d.active,
    publishedByName: row.publishedByName,
    publishedAt: d.publishedAt.toISOString(),
    unpublishedAt: d.unpublishedAt?.toISOString() ?? null,
    latestSnapshot: row.latestSnapshot,
  };
}

/**
 * Who may publish, refresh or withdraw a dataset: analytics.manage over every unit its query can
 * reach. Snapshots are computed without an actor, so the query must be pinned to units the
 * publisher manages: a level selection needs its root unit (with the subtree), unless the
 * publisher manages every unit.
 */
async function authorizeDatasetManage(db: Db, actor: Actor, query: ExplorationQuery): Promise<void> {
  const units = query.units;
  if (units.mode === 'explicit') return authorize(db, actor, 'analytics.manage', units.unitIds);
  if (units.rootUnitId) return authorize(db, actor, 'analytics.manage', [units.rootUnitId], 'subtree');
  if (unitScope(actor, 'analytics.manage') === 'all') return;
  const message = 'Hãy chọn đơn vị gốc cho bộ dữ liệu công khai (số liệu chỉ được công khai trong phạm vi bạn quản lý).';
  throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'query.units.rootUnitId', message }] }, message);
}

async function loadPublished(db: Db, id: string): Promise<PublishedDataset> {
  const row = await q.findDatasetRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', undefined, DATASET_NOT_FOUND);
  return presentPublished(row);
}

/**
 * Publishes a dataset: the query is run first with the publisher's authority (so nothing outside it
 * can be published), then the first snapshot is computed and stored with the dataset.
 */
export async function publishDataset(deps: PublicDeps, ctx: AuthedContext, input: PublishInput): Promise<PublishedDataset> {
  const { db } = deps;
  await authorize(db, ctx.actor, 'analytics.manage', []);
  await authorizeDatasetManage(db, ctx.actor, input.query);
  await explore(db, ctx.actor, input.query);
  const result = await explore(db, 'system', input.query);
  const now = deps.clock.now();
  const month = snapshotMonth(now);
  const id = await db.transaction(async (tx) => {
    const created = await q.insertDataset(tx, {
      title: input.title,
      description: input.description ?? null,
      query: input.query,
      display: input.display,
      publishedBy: ctx.actor.id,
      publishedAt: now,
    });
    await q.replaceSnapshot(tx, { datasetId: created.id, month, result, createdAt: now });
    await recordAudit(tx, ctx, {
      action: 'dataset.published',
      targetType: 'public_dataset',
      targetId: created.id,
      summary: { title: created.title, month, query: input.query, factCount: result.factCount },
    });
    return created.id;
  });
  return loadPublished(db, id);
}

export async function listPublished(db: Db, ctx: AuthedContext): Promise<{ items: PublishedDataset[] }> {
  await authorize(db, ctx.actor, 'analytics.manage', []);
  return { items: (await q.listDatasetRows(db)).map(presentPublished) };
}

async function manageableDataset(db: Db, actor: Actor, id: string): Promise<q.DatasetRow> {
  const row = await q.findDatasetRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', undefined, DATASET_NOT_FOUND);
  await authorizeDatasetManage(db, actor, row.dataset.query as ExplorationQuery);
  return row.dataset;
}

/** Withdraws a dataset from the portal at once; its snapshots stay (what was published is on record). */
export async function unpublishDataset(deps: PublicDeps, ctx: AuthedContext, id: string): Promise<PublishedDataset> {
  const { db } = deps;
  await manageableDataset(db, ctx.actor, id);
  await db.transaction(async (tx) => {
    const row = await q.lockDataset(tx, id);
    // Withdrawing twice changes nothing and records nothing.
    if (!row?.active) return;
    const now = deps.clock.now();
    await q.markUnpublished(tx, id, ctx.actor.id, now);
    await recordAudit(tx, ctx, {
      action: 'dataset.unpublished',
      targetType: 'public_dataset',
      targetId: id,
      summary: { title: row.title },
    });
  });
  return loadPublished(db, id);
}

/** Recomputes the current month's snapshot now (after a correction was accepted, say). */
export async function refreshDataset(deps: PublicDeps, ctx: AuthedContext, id: string): Promise<PublishedDataset> {
  const { db } = deps;
  const dataset = await manageableDataset(db, ctx.actor, id);
  if (!dataset.active) throw notActive();
  const result = await explore(db, 'system', dataset.query as ExplorationQuery);
  const now = deps.clock.now();
  const month = snapshotMonth(now);
  await db.transaction(async (tx) => {
    const row = await q.lockDataset(tx, id);
    if (!row?.active) throw notActive();
    await q.replaceSnapshot(tx, { datasetId: id, month, result, createdAt: now });
    await recordAudit(tx, ctx, {
      action: 'dataset.snapshot',
      targetType: 'public_dataset',
      targetId: id,
      summary: { title: row.title, month, factCount: result.factCount },
    });
  });
  return loadPublished(db, id);
}

function notActive(): AppError {
  return new AppError('CONFLICT', undefined, 'Bộ dữ liệu đã ngừng công khai; hãy công khai lại nếu cần.');
}

// ---------- What the public reads: snapshots of active datasets, never facts ----------

function presentPublic(row: q.PublicSnapshotRow): PublicDataset {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    display: row.display as ViewDisplay,
    month: row.month,
    snapshotAt: row.snapshotAt.toISOString(),
    result: row.result as PivotResult,
  };
}

export async function publicSnapshots(db: Db): Promise<PublicDataset[]> {
  return (await q.latestPublicSnapshots(db)).map(presentPublic);
}

export async function listPublicDatasets(db: Db) {
  const rows = await q.latestPublicSnapshots(db, { withResult: false });
  return {
    items: rows.map(({ id, title, description, month, snapshotAt }) => ({
      id,
      title,
      description,
      month,
      snapshotAt: snapshotAt.toISOString(),
    })),
  };
}

/** The latest snapshot of a published dataset; null for an unknown id and a withdrawn dataset alike. */
export async function findPublicDataset(db: Db, id: string): Promise<PublicDataset | null> {
  const row = await q.latestPublicSnapshot(db, id);
  return row ? presentPublic(row) : null;
}

export async function getPublicDataset(db: Db, id: string): Promise<PublicDataset> {
  const found = await findPublicDataset(db, id);
  if (!found) throw new AppError('NOT_FOUND', undefined, DATASET_NOT_FOUND);
  return found;
}

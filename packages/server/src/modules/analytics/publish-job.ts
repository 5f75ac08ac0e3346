import type { ExplorationQuery } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../jobs/clock.ts';
import type { ScheduledTask } from '../../jobs/types.ts';
import type { RequestContext } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { explore } from './explore.ts';
import * as q from './public-queries.ts';
import { snapshotMonth } from './public.ts';

const SYSTEM_CONTEXT: RequestContext = { actor: null, ip: null, userAgent: null };
const SYSTEM_ACTOR_NAME = 'Hệ thống (tự động)';

/**
 * The monthly refresh of the public portal (the Hòa Bình regulation asks for one): every active
 * dataset without a snapshot for the current month (Vietnam's time) gets one. Idempotent and safe
 * with two processes: each dataset is done in its own transaction under its row lock (the one
 * unpublishing takes too), re-checked there, and the (dataset, month) pair is unique. After
 * downtime it simply catches up the current month; past months are not back-filled.
 */
export async function takeMonthlySnapshots(deps: { db: Db; clock: Clock }): Promise<{ made: number }> {
  const now = deps.clock.now();
  const month = snapshotMonth(now);
  let made = 0;
  const failures: { datasetId: string; error: unknown }[] = [];
  // One dataset's problem (a query grown too large, say) must not hold back the others.
  for (const dataset of await q.datasetsMissingSnapshot(deps.db, month)) {
    try {
      if (await snapshotOne(deps.db, dataset.id, month, now)) made++;
    } catch (error) {
      failures.push({ datasetId: dataset.id, error });
    }
  }
  if (failures.length === 1) throw failures[0]!.error;
  if (failures.length > 1) {
    throw new AggregateError(
      failures.map((f) => f.error),
      `public snapshots failed for datasets ${failures.map((f) => f.datasetId).join(', ')}`,
    );
  }
  return { made };
}

async function snapshotOne(db: Db, datasetId: string, month: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const dataset = await q.lockDataset(tx, datasetId);
    if (!dataset?.active || (await q.snapshotExists(tx, datasetId, month))) return false;
    const result = await explore(tx, 'system', dataset.query as ExplorationQuery);
    if (!(await q.insertSnapshotIfAbsent(tx, { datasetId, month, result, createdAt: now }))) return false;
    await recordAudit(tx, SYSTEM_CONTEXT, {
      action: 'dataset.snapshot',
      targetType: 'public_dataset',
      targetId: datasetId,
      actorName: SYSTEM_ACTOR_NAME,
      summary: { title: dataset.title, month, factCount: result.factCount },
    });
    return true;
  });
}

export const publishSnapshotsTask: ScheduledTask = {
  name: 'public-snapshots',
  run: async (ctx) => ({ done: (await takeMonthlySnapshots(ctx)).made }),
};

import { regimeContent, type RegimeContent } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import * as q from './queries.ts';

/** What other modules (assignments, the scheduler) may use of regimes. */
export { resolveReportingUnits, type ResolvedUnit } from './support.ts';
export { regime, regimeVersion } from './tables.ts';

export interface ActiveRegimeVersion {
  regimeId: string;
  regimeCode: string;
  regimeName: string;
  ownerUnitId: string;
  versionId: string;
  content: RegimeContent;
}

/** Regimes in force (status 'active') with the content of their current version. */
export async function listActiveRegimeVersions(db: Db, opts: { regimeId?: string } = {}): Promise<ActiveRegimeVersion[]> {
  const rows = await q.activeRegimeVersions(db, opts.regimeId);
  return rows.map((r) => ({ ...r, content: regimeContent.parse(r.content) }));
}

export async function getRegimeHeader(
  db: Db,
  regimeId: string,
): Promise<{ id: string; code: string; name: string; ownerUnitId: string; status: 'draft' | 'active' | 'stopped' } | null> {
  const row = await q.findRegime(db, regimeId);
  if (!row) return null;
  return { id: row.id, code: row.code, name: row.name, ownerUnitId: row.ownerUnitId, status: row.status as 'draft' | 'active' | 'stopped' };
}

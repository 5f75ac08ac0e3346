import type { Db } from '../../db/client.ts';
import { allocationsByIds } from './queries.ts';

export { createIndicator, getIndicator, listIndicators, listIndicatorSets, updateIndicator } from './service.ts';
export { exportIndicators, importIndicators } from './exchange.ts';
export { seedReferenceData } from './demo.ts';

/** Who is responsible for an indicator (phân bổ chỉ tiêu): the owner unit and the coordinating units. */
export interface IndicatorAllocation {
  id: string;
  code: string;
  name: string;
  active: boolean;
  ownerUnitId: string | null;
  coordinatingUnitIds: string[];
}

/** The indicators among `ids` that exist (active or not), with their allocation; no authorization. */
export async function indicatorAllocations(db: Db, ids: readonly string[]): Promise<IndicatorAllocation[]> {
  const rows = await allocationsByIds(db, [...new Set(ids)]);
  return rows.map((r) => ({ ...r, coordinatingUnitIds: [...(r.coordinatingUnitIds ?? [])] }));
}

import type { Db } from '../../db/client.ts';
import type { Aggregation } from '@baocao/core';
import { allocationsByIds, indicatorsByCode } from './queries.ts';

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

/** How an indicator reads and rolls up: what analytics labels and totals by (no authorization: the library is public). */
export interface IndicatorRule {
  code: string;
  name: string;
  unitOfMeasure: string | null;
  aggregation: Aggregation;
  weightIndicatorCode: string | null;
}

/** The indicators among `codes` that exist (active or not), in no particular order. */
export async function indicatorRules(db: Db, codes: readonly string[]): Promise<IndicatorRule[]> {
  const rows = await indicatorsByCode(db, [...new Set(codes)]);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    unitOfMeasure: r.unitOfMeasure,
    aggregation: r.aggregation as Aggregation,
    weightIndicatorCode: r.aggregation === 'weighted_average' ? r.weightIndicatorCode : null,
  }));
}

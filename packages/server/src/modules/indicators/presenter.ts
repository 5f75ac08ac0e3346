import type { Aggregation, Indicator, IndicatorSet, PERIODICITIES, PRICE_BASES, VALUE_TYPES } from '@baocao/core';
import type { IndicatorSetWithOwner, IndicatorWithOwner } from './queries.ts';

/** The fields of an indicator that leave the server (never the search text). */
export function presentIndicator(row: IndicatorWithOwner, sets: string[]): Indicator {
  const i = row.indicator;
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    fieldGroup: i.fieldGroup,
    unitOfMeasure: i.unitOfMeasure,
    definition: i.definition,
    calculationMethod: i.calculationMethod,
    valueType: i.valueType as (typeof VALUE_TYPES)[number],
    aggregation: i.aggregation as Aggregation,
    weightIndicatorCode: i.weightIndicatorCode,
    disaggregations: i.disaggregations,
    periodicities: i.periodicities as (typeof PERIODICITIES)[number][],
    ownerUnitId: i.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    coordinatingUnitIds: i.coordinatingUnitIds,
    higherCode: i.higherCode,
    legalBasis: i.legalBasis,
    priceBasis: i.priceBasis as (typeof PRICE_BASES)[number] | null,
    baseYear: i.baseYear,
    validFrom: i.validFrom,
    validTo: i.validTo,
    active: i.active,
    version: i.version,
    sets,
    canManage: Boolean(row.canManage),
  };
}

export function presentIndicatorSet(row: IndicatorSetWithOwner): IndicatorSet {
  const s = row.set;
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    legalBasis: s.legalBasis,
    description: s.description,
    indicatorCount: Number(row.indicatorCount),
    ownerUnitId: s.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    canManage: Boolean(row.canManage),
  };
}

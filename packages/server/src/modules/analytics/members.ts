import { compareVietnamese, parsePeriodCode, periodLabel, type PivotDimension, type PivotIndicator, type PivotMember } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { catalogLabels } from '../catalogs/index.ts';
import { regimeNames, unitNodes, type UnitNode } from './explore-queries.ts';

/**
 * The labels (and display order) of the members of each pivot dimension: units in the order of the
 * unit tree, periods and years in time order, indicators as asked, disaggregations with their
 * catalogs' names ("Giới tính: Nữ"), regimes by name.
 */

export const TOTAL_DISAGGREGATION_LABEL = 'Tổng số';
export const IMPORTED_REGIME_LABEL = 'Số liệu nhập từ nguồn khác';

export type Members = Partial<Record<PivotDimension, PivotMember[]>>;

/** "Năm 2026". */
export const yearLabel = (year: number | string) => `Năm ${year}`;

export function periodMemberLabel(code: string): string {
  const key = parsePeriodCode(code);
  return key ? periodLabel(key) : code;
}

/** An indicator as a row or column header: its name and unit of measure, "Dân số trung bình (Người)". */
export const indicatorLabel = (i: Pick<PivotIndicator, 'name' | 'unitOfMeasure'>) =>
  i.unitOfMeasure ? `${i.name} (${i.unitOfMeasure})` : i.name;

/**
 * Units in the order of the tree: a parent before its children, siblings by their sort order then
 * name. Ancestors outside the set are read only to order their descendants.
 */
export async function unitMembers(db: Db, unitIds: readonly string[]): Promise<PivotMember[]> {
  const wanted = await unitNodes(db, unitIds);
  const ancestorIds = new Set<string>();
  for (const u of wanted) for (const id of pathIds(u.path)) ancestorIds.add(id);
  const known = new Map(wanted.map((u) => [u.id, u]));
  for (const u of await unitNodes(
    db,
    [...ancestorIds].filter((id) => !known.has(id)),
  ))
    known.set(u.id, u);
  const chain = (u: UnitNode) => pathIds(u.path).map((id) => known.get(id));
  const compareNodes = (a: UnitNode | undefined, b: UnitNode | undefined) => {
    if (!a || !b) return (a?.id ?? '').localeCompare(b?.id ?? '');
    return a.sortOrder - b.sortOrder || compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
  const sorted = [...wanted].sort((a, b) => {
    const ca = chain(a);
    const cb = chain(b);
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
      const c = compareNodes(ca[i], cb[i]);
      if (c !== 0) return c;
    }
    return ca.length - cb.length;
  });
  return sorted.map((u) => ({ key: u.id, label: u.name }));
}

function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * Disaggregation keys ("GIOI_TINH=NU;NHOM_TUOI=15_24") labelled from the catalogs ("Giới tính: Nữ;
 * Nhóm tuổi: 15-24"); a code the catalogs do not know is shown as it is. The total ("") first,
 * then in label order.
 */
export async function disaggregationMembers(db: Db, keys: readonly string[]): Promise<PivotMember[]> {
  const pairs = (key: string) =>
    key === ''
      ? []
      : key.split(';').map((pair) => {
          const at = pair.indexOf('=');
          return at < 0 ? { catalog: pair, item: '' } : { catalog: pair.slice(0, at), item: pair.slice(at + 1) };
        });
  const catalogs = await catalogLabels(db, [...new Set(keys.flatMap((k) => pairs(k).map((p) => p.catalog)))]);
  const label = (key: string) =>
    key === ''
      ? TOTAL_DISAGGREGATION_LABEL
      : pairs(key)
          .map(({ catalog, item }) => {
            const c = catalogs.get(catalog);
            return `${c?.name ?? catalog}: ${c?.items.get(item) ?? item}`;
          })
          .join('; ');
  const members = [...new Set(keys)].map((key) => ({ key, label: label(key) }));
  return members.sort((a, b) => (a.key === '' ? -1 : b.key === '' ? 1 : compareVietnamese(a.label, b.label)));
}

/** Regimes by name; the facts of no regime (imported data) last, under key "". */
export async function regimeMembers(db: Db, keys: readonly string[]): Promise<PivotMember[]> {
  const named = (
    await regimeNames(
      db,
      keys.filter((k) => k !== ''),
    )
  ).map((r) => ({ key: r.id, label: r.name }));
  named.sort((a, b) => compareVietnamese(a.label, b.label));
  return keys.includes('') ? [...named, { key: '', label: IMPORTED_REGIME_LABEL }] : named;
}

export interface MemberInput {
  dimensions: ReadonlySet<PivotDimension>;
  unitIds: readonly string[];
  periodCodes: readonly string[];
  years: readonly number[];
  indicators: readonly PivotIndicator[];
  /** Measure code → name, in display order. */
  measures: ReadonlyMap<string, string>;
  disaggregations: readonly string[];
  regimes: readonly string[];
}

/** The members of the dimensions placed (only those: the others are added up). */
export async function labelMembers(db: Db, input: MemberInput): Promise<Members> {
  const has = (d: PivotDimension) => input.dimensions.has(d);
  const members: Members = {};
  if (has('unit')) members.unit = await unitMembers(db, input.unitIds);
  if (has('period')) members.period = input.periodCodes.map((code) => ({ key: code, label: periodMemberLabel(code) }));
  if (has('year')) members.year = [...input.years].sort((a, b) => a - b).map((y) => ({ key: String(y), label: yearLabel(y) }));
  if (has('indicator')) members.indicator = input.indicators.map((i) => ({ key: i.code, label: indicatorLabel(i) }));
  if (has('measure')) members.measure = [...input.measures].map(([key, label]) => ({ key, label }));
  if (has('disaggregation')) members.disaggregation = await disaggregationMembers(db, input.disaggregations);
  if (has('regime')) members.regime = await regimeMembers(db, input.regimes);
  return members;
}

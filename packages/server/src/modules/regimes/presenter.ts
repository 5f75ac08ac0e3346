import type { PeriodType, RegimeContent, RegimeDetail, RegimeKind, RegimeSummary, RegimeVersionSummary } from '@baocao/core';
import type { RegimeRow, RegimeVersionSummaryRow } from './queries.ts';

export type RegimeVersionDetail = RegimeVersionSummary & { content: RegimeContent };

export function presentVersion(row: RegimeVersionSummaryRow): RegimeVersionSummary {
  return {
    id: row.id,
    versionNo: row.versionNo,
    status: row.status as RegimeVersionSummary['status'],
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    revision: row.revision,
  };
}

export interface RegimeExtras {
  ownerUnitName: string;
  versions: RegimeVersionSummaryRow[];
  openPeriods: number;
  canManage: boolean;
}

/** A regime as lists show it: the version in force and the draft being edited, if any. */
export function presentSummary(row: RegimeRow, x: RegimeExtras): RegimeSummary {
  const current = x.versions.find((v) => v.id === row.currentVersionId);
  const draft = x.versions.find((v) => v.status === 'draft');
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as RegimeKind,
    frequency: row.frequency as PeriodType,
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: x.ownerUnitName,
    status: row.status as RegimeSummary['status'],
    current: current ? presentVersion(current) : null,
    draft: x.canManage && draft ? presentVersion(draft) : null,
    openPeriods: x.openPeriods,
    canManage: x.canManage,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentDetail(
  row: RegimeRow,
  x: RegimeExtras & { content: RegimeContent; editing: boolean; names: RegimeDetail['names'] },
): RegimeDetail {
  return {
    ...presentSummary(row, x),
    versions: x.versions.map(presentVersion),
    content: x.content,
    editing: x.editing,
    names: x.names,
  };
}

import type { FORM_KINDS, FORM_SHARING, FormSummary, FormVersionDetail, FormVersionSummary } from '@baocao/core';
import type { FormRow, FormVersionRow, FormVersionSummaryRow } from './queries.ts';

/** The fields of a version that leave the server. */
export function presentVersion(row: FormVersionSummaryRow): FormVersionSummary {
  return {
    id: row.id,
    versionNo: row.versionNo,
    status: row.status as FormVersionSummary['status'],
    contentHash: row.contentHash,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    revision: row.revision,
  };
}

export function presentVersionDetail(row: FormVersionRow): FormVersionDetail {
  return { ...presentVersion(row), formId: row.formId, definition: row.definition };
}

export interface FormExtras {
  ownerUnitName: string;
  canDesign: boolean;
  sharedWith: FormSummary['sharedWith'];
  copiedFrom: FormSummary['copiedFrom'];
  latestPublished: FormVersionSummaryRow | undefined;
  draft: FormVersionSummaryRow | undefined;
}

/** A form as its readers see it: never the search text; the draft only to those who may design it. */
export function presentForm(row: FormRow, x: FormExtras): FormSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as (typeof FORM_KINDS)[number],
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: x.ownerUnitName,
    fieldGroup: row.fieldGroup,
    sharing: row.sharing as (typeof FORM_SHARING)[number],
    sharedWith: x.sharedWith,
    copiedFrom: x.copiedFrom,
    archived: row.archived,
    latestPublished: x.latestPublished ? presentVersion(x.latestPublished) : null,
    draft: x.canDesign && x.draft ? presentVersion(x.draft) : null,
    version: row.version,
    canDesign: x.canDesign,
    updatedAt: row.updatedAt.toISOString(),
  };
}

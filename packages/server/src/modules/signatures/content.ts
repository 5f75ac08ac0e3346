import canonicalize from 'canonicalize';
import type { ReportData } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { assignmentContext } from '../assignments/index.ts';
import { reportForms } from '../reports/index.ts';
import { sha256Hex } from './crypto/der.ts';
import * as q from './queries.ts';

/**
 * What a signature on a report version covers, as one JSON document whose RFC 8785 canonical form
 * is the bytes signed. Anyone can rebuild it from what they read and check the signature with their
 * own tools (`openssl cms -verify -binary -content noi-dung.json …`).
 *
 * Schema "baocao/report-version/1":
 * - `report`: the report's id and the version number;
 * - `unit`, `receivingUnit`: id, code (agency code, else administrative code) and name;
 * - `regime`: id, code, name; `period`: id, code, label, window start and end (YYYY-MM-DD);
 * - `forms`: every table or list form of the version by form version id — the form's code and name,
 *   the input values, notes, explanations and, for list forms, the records;
 * - `narrative`: by outline form version id, each section's text and its document (TipTap JSON);
 * - `attachments`: file name, SHA-256, size and type of each attached document (not its bytes:
 *   the hash binds them).
 * Deadlines, workflow times and who saved what are not content: they change without the report
 * changing. The names are read as they are now, so renaming a unit after signing makes earlier
 * signatures show "content changed" — which is what a verifier with the old name would see.
 */
export const CONTENT_SCHEMA = 'baocao/report-version/1';

export interface VersionContent {
  bytes: Buffer;
  /** SHA-256 of `bytes`, hexadecimal. */
  sha256: string;
  payload: Record<string, unknown>;
  /** The sending unit. */
  unitId: string;
}

const unitRef = (u: { id: string; name: string; agencyCode: string | null; adminCode: string | null } | undefined, id: string) => ({
  id,
  code: u?.agencyCode ?? u?.adminCode ?? null,
  name: u?.name ?? null,
});

/**
 * The canonical content of version `versionNo` of a report, from the database as it is now — or
 * with `data` given (the content as it stood at an event, for signatures made before a re-edit).
 */
export async function canonicalVersionContent(
  db: Db,
  reportId: string,
  versionNo: number,
  options: { data?: ReportData } = {},
): Promise<VersionContent> {
  const r = await q.reportForContent(db, reportId);
  if (!r) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo.');
  let data = options.data;
  if (!data) {
    const version = await q.versionForContent(db, reportId, versionNo);
    if (!version) throw new AppError('NOT_FOUND', undefined, `Báo cáo không có phiên bản ${versionNo}.`);
    data = version.data as ReportData;
  }
  const a = await assignmentContext(db, r.assignmentId);
  if (!a) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo được giao.');
  const units = new Map((await q.unitsByIds(db, [r.unitId, r.receivingUnitId])).map((u) => [u.id, u]));
  const refs = new Map((await reportForms(db, a.formVersionIds)).map((f) => [f.versionId, f]));
  const formRef = (versionId: string) => ({ code: refs.get(versionId)?.code ?? null, name: refs.get(versionId)?.name ?? null });

  const forms: Record<string, unknown> = {};
  for (const [versionId, form] of Object.entries(data.forms ?? {})) {
    forms[versionId] = {
      ...formRef(versionId),
      values: form.values ?? {},
      notes: form.notes ?? {},
      explanations: form.explanations ?? {},
      ...(form.records ? { records: form.records } : {}),
    };
  }
  const narrative: Record<string, unknown> = {};
  for (const [versionId, sections] of Object.entries(data.narrative ?? {})) {
    const texts: Record<string, unknown> = {};
    for (const [sectionId, section] of Object.entries(sections)) texts[sectionId] = { text: section.text, doc: section.doc };
    narrative[versionId] = { ...formRef(versionId), sections: texts };
  }
  const payload = {
    schema: CONTENT_SCHEMA,
    report: { id: r.id, versionNo },
    unit: unitRef(units.get(r.unitId), r.unitId),
    receivingUnit: unitRef(units.get(r.receivingUnitId), r.receivingUnitId),
    regime: { id: a.regime.id, code: a.regime.code, name: a.regime.name },
    period: {
      id: a.period.id,
      code: a.period.code,
      label: a.period.label,
      windowStart: a.period.windowStart,
      windowEnd: a.period.windowEnd,
    },
    forms,
    narrative,
    attachments: (data.attachments ?? []).map((f) => ({
      fileName: f.fileName,
      sha256: f.sha256,
      size: f.size,
      contentType: f.contentType,
    })),
  };
  const bytes = Buffer.from(canonicalize(payload) ?? '', 'utf8');
  return { bytes, sha256: sha256Hex(bytes), payload, unitId: r.unitId };
}

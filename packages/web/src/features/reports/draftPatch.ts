import { FormDecimal, type NarrativeSection, type ReportCellValue, type ReportData, type ReportDataPatch } from '@baocao/core';

/**
 * The edits not yet saved, as one patch in the server's own format (reportDataPatch): what the
 * user changed since the last successful save, by form (values, notes, explanations, records) and
 * by outline section. Pure and immutable: the draft hook merges every edit in, sends it, and keeps
 * whatever changed again while a save was on its way.
 */
export type FormPatch = NonNullable<ReportDataPatch['forms']>[string];
type Entries<T> = Record<string, T>;

export const EMPTY_PATCH: ReportDataPatch = Object.freeze({}) as ReportDataPatch;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/u;

function mergeEntries<T>(a: Entries<T> | undefined, b: Entries<T> | undefined): Entries<T> | undefined {
  if (!b || Object.keys(b).length === 0) return a;
  if (!a || Object.keys(a).length === 0) return { ...b };
  return { ...a, ...b };
}

function compactForm(f: FormPatch): FormPatch | null {
  const out: FormPatch = {};
  if (f.values && Object.keys(f.values).length) out.values = f.values;
  if (f.notes && Object.keys(f.notes).length) out.notes = f.notes;
  if (f.explanations && Object.keys(f.explanations).length) out.explanations = f.explanations;
  if (f.records !== undefined) out.records = f.records;
  return Object.keys(out).length ? out : null;
}

/** The patch without empty parts: no empty maps, no forms or outlines with nothing in them. */
export function compactPatch(p: ReportDataPatch): ReportDataPatch {
  const out: ReportDataPatch = {};
  const forms: NonNullable<ReportDataPatch['forms']> = {};
  for (const [id, f] of Object.entries(p.forms ?? {})) {
    const c = compactForm(f);
    if (c) forms[id] = c;
  }
  if (Object.keys(forms).length) out.forms = forms;
  const narrative: NonNullable<ReportDataPatch['narrative']> = {};
  for (const [id, sections] of Object.entries(p.narrative ?? {})) {
    if (Object.keys(sections).length) narrative[id] = { ...sections };
  }
  if (Object.keys(narrative).length) out.narrative = narrative;
  return out;
}

/**
 * `b` made after `a`, as one patch: key by key the later change wins (a null — "empty this cell",
 * "remove this note" — included); a list form's records are replaced as a whole by the later ones.
 */
export function mergePatches(a: ReportDataPatch, b: ReportDataPatch): ReportDataPatch {
  const forms: NonNullable<ReportDataPatch['forms']> = { ...(a.forms ?? {}) };
  for (const [id, fb] of Object.entries(b.forms ?? {})) {
    const fa = forms[id] ?? {};
    forms[id] = {
      values: mergeEntries(fa.values, fb.values),
      notes: mergeEntries(fa.notes, fb.notes),
      explanations: mergeEntries(fa.explanations, fb.explanations),
      records: fb.records !== undefined ? fb.records : fa.records,
    };
  }
  const narrative: NonNullable<ReportDataPatch['narrative']> = { ...(a.narrative ?? {}) };
  for (const [id, sb] of Object.entries(b.narrative ?? {})) {
    narrative[id] = mergeEntries(narrative[id], sb) ?? {};
  }
  return compactPatch({ forms, narrative });
}

/** How many things the patch changes: cells, notes, explanations, narrative sections, a list's records (one). */
export function patchSize(p: ReportDataPatch): number {
  let n = 0;
  for (const f of Object.values(p.forms ?? {})) {
    n += Object.keys(f.values ?? {}).length + Object.keys(f.notes ?? {}).length + Object.keys(f.explanations ?? {}).length;
    if (f.records !== undefined) n += 1;
  }
  for (const sections of Object.values(p.narrative ?? {})) n += Object.keys(sections).length;
  return n;
}

export function isEmptyPatch(p: ReportDataPatch): boolean {
  return patchSize(p) === 0;
}

const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Two stored cell values mean the same: "1.50" and "1.5"; '' and null are an empty cell. */
export function sameCell(a: ReportCellValue | undefined, b: ReportCellValue | undefined): boolean {
  const x = a === '' || a === undefined ? null : a;
  const y = b === '' || b === undefined ? null : b;
  if (typeof x === 'string' && typeof y === 'string' && DECIMAL_TEXT.test(x) && DECIMAL_TEXT.test(y)) {
    return new FormDecimal(x).eq(new FormDecimal(y));
  }
  return x === y;
}

const sameText = (a: string | null | undefined, b: string | null | undefined) => (a ?? '') === (b ?? '');

function sameSection(a: NarrativeSection | null | undefined, b: NarrativeSection | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.text === b.text && sameJson(a.doc, b.doc);
}

function keepChanged<T>(entries: Entries<T> | undefined, unchanged: (key: string, value: T) => boolean): Entries<T> | undefined {
  if (!entries) return undefined;
  const out: Entries<T> = {};
  for (const [k, v] of Object.entries(entries)) if (!unchanged(k, v)) out[k] = v;
  return out;
}

/**
 * What is still unsaved once a save of `sent` succeeded: every entry of `pending` equal to what
 * was sent is dropped; one the user changed again while the save was on its way stays.
 */
export function settlePatch(pending: ReportDataPatch, sent: ReportDataPatch): ReportDataPatch {
  const forms: NonNullable<ReportDataPatch['forms']> = {};
  for (const [id, f] of Object.entries(pending.forms ?? {})) {
    const s = sent.forms?.[id];
    if (!s) {
      forms[id] = f;
      continue;
    }
    forms[id] = {
      values: keepChanged(f.values, (k, v) => !!s.values && k in s.values && s.values[k] === v),
      notes: keepChanged(f.notes, (k, v) => !!s.notes && k in s.notes && s.notes[k] === v),
      explanations: keepChanged(f.explanations, (k, v) => !!s.explanations && k in s.explanations && s.explanations[k] === v),
      records: f.records !== undefined && s.records !== undefined && sameJson(f.records, s.records) ? undefined : f.records,
    };
  }
  const narrative: NonNullable<ReportDataPatch['narrative']> = {};
  for (const [id, sections] of Object.entries(pending.narrative ?? {})) {
    const s = sent.narrative?.[id];
    narrative[id] = keepChanged(sections, (k, v) => !!s && k in s && (s[k] === v || sameSection(s[k], v))) ?? {};
  }
  return compactPatch({ forms, narrative });
}

/** The part of `patch` that changes `data` (a restored local draft may repeat what the server already has). */
export function effectivePatch(data: ReportData, patch: ReportDataPatch): ReportDataPatch {
  const forms: NonNullable<ReportDataPatch['forms']> = {};
  for (const [id, f] of Object.entries(patch.forms ?? {})) {
    const d = data.forms[id];
    forms[id] = {
      values: keepChanged(f.values, (k, v) => sameCell(d?.values[k], v)),
      notes: keepChanged(f.notes, (k, v) => sameText(d?.notes[k], v)),
      explanations: keepChanged(f.explanations, (k, v) => sameText(d?.explanations[k], v)),
      records: f.records !== undefined && sameJson(f.records, d?.records ?? []) ? undefined : f.records,
    };
  }
  const narrative: NonNullable<ReportDataPatch['narrative']> = {};
  for (const [id, sections] of Object.entries(patch.narrative ?? {})) {
    narrative[id] = keepChanged(sections, (k, v) => sameSection(data.narrative[id]?.[k], v)) ?? {};
  }
  return compactPatch({ forms, narrative });
}

/** The patch of one table form's cells: key "ROW:COL" → stored value (null empties the cell). */
export function valuesPatch(formVersionId: string, values: Record<string, ReportCellValue>): ReportDataPatch {
  return compactPatch({ forms: { [formVersionId]: { values } } });
}

/** An explanation (giải trình) typed for a warning; an empty one removes it. */
export function explanationPatch(formVersionId: string, violationKey: string, text: string): ReportDataPatch {
  return { forms: { [formVersionId]: { explanations: { [violationKey]: text.trim() === '' ? null : text } } } };
}

/** A list form's records, replaced as a whole (the server's format for them). */
export function recordsPatch(formVersionId: string, records: readonly Record<string, ReportCellValue>[]): ReportDataPatch {
  return { forms: { [formVersionId]: { records: records.map((r) => ({ ...r })) } } };
}

/**
 * A consolidator's note on a cell (why it differs from the figure consolidated from subunits), by
 * cell key "ROW:COL"; an empty or blank one removes it.
 */
export function notePatch(formVersionId: string, cellKey: string, text: string): ReportDataPatch {
  return { forms: { [formVersionId]: { notes: { [cellKey]: text.trim() === '' ? null : text } } } };
}

export function narrativePatch(outlineVersionId: string, sectionId: string, section: NarrativeSection | null): ReportDataPatch {
  return { narrative: { [outlineVersionId]: { [sectionId]: section } } };
}

/** Whether two versions of the data hold the same forms and narrative (attachments aside). */
export function sameContent(a: ReportData, b: ReportData): boolean {
  return sameJson(canonical(a.forms), canonical(b.forms)) && sameJson(canonical(a.narrative), canonical(b.narrative));
}

/** Keys sorted at every level, so two equal objects serialise alike whatever order the server wrote them in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

// ---------- The copy kept in the browser ----------

/** What the browser keeps of a report's unsaved edits, so a closed tab or a lost connection loses nothing. */
export interface LocalDraft {
  reportId: string;
  versionNo: number;
  /** The revision the edits were made on. */
  revision: number;
  patch: ReportDataPatch;
  /** When the copy was last written (ISO 8601). */
  updatedAt: string;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftStorageKey = (reportId: string, versionNo: number): string => `baocao:report-draft:${reportId}:v${versionNo}`;

/** Writes the copy (or removes it when nothing is pending); false when the browser refused (full, private mode). */
export function writeLocalDraft(storage: DraftStorage | null, draft: LocalDraft): boolean {
  if (!storage) return false;
  const key = draftStorageKey(draft.reportId, draft.versionNo);
  try {
    if (isEmptyPatch(draft.patch)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The copy kept for this report version, or null when there is none or it is unreadable. */
export function readLocalDraft(storage: DraftStorage | null, reportId: string, versionNo: number): LocalDraft | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(draftStorageKey(reportId, versionNo));
  } catch {
    return null;
  }
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.reportId !== reportId || parsed.versionNo !== versionNo) return null;
  if (typeof parsed.revision !== 'number' || !isRecord(parsed.patch)) return null;
  if (!isValidPatch(parsed.patch)) return null;
  return {
    reportId,
    versionNo,
    revision: parsed.revision,
    patch: compactPatch(parsed.patch as ReportDataPatch),
    updatedAt: typeof parsed.updatedAt === 'string' ? parsed.updatedAt : '',
  };
}

export function removeLocalDraft(storage: DraftStorage | null, reportId: string, versionNo: number): void {
  try {
    storage?.removeItem(draftStorageKey(reportId, versionNo));
  } catch {
    // Nothing to do: the copy stays and is offered again (and found already saved) next time.
  }
}

const isCell = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean';
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';
const allOf = (m: unknown, ok: (v: unknown) => boolean) => m === undefined || (isRecord(m) && Object.values(m).every(ok));

/** The shape of reportDataPatch, checked by hand so that a tampered or older copy is dropped rather than sent. */
function isValidPatch(p: Record<string, unknown>): boolean {
  if (
    !allOf(p.forms, (f) => isRecord(f) && allOf(f.values, isCell) && allOf(f.notes, isTextOrNull) && allOf(f.explanations, isTextOrNull))
  ) {
    return false;
  }
  for (const f of Object.values((p.forms as Record<string, Record<string, unknown>> | undefined) ?? {})) {
    if (f.records !== undefined && !(Array.isArray(f.records) && f.records.every((r) => isRecord(r) && Object.values(r).every(isCell)))) {
      return false;
    }
  }
  return allOf(p.narrative, (o) => allOf(o, (s) => s === null || (isRecord(s) && typeof s.text === 'string' && isRecord(s.doc))));
}

/** What to offer when the page opens with a local copy: the edits that still change the report, and how many. */
export function restoreOffer(
  local: LocalDraft | null,
  current: { revision: number; data: ReportData },
): { patch: ReportDataPatch; count: number; stale: boolean; updatedAt: string } | null {
  if (!local) return null;
  const patch = effectivePatch(current.data, local.patch);
  const count = patchSize(patch);
  if (count === 0) return null;
  return { patch, count, stale: local.revision !== current.revision, updatedAt: local.updatedAt };
}

import type { CellChange, NarrativeChange, ReportAttachment, ReportCellValue, ReportData, ReportDiff } from '../api/reports.ts';
import { listLeafColumns, type ListForm } from '../forms/list.ts';
import type { Form } from '../forms/model.ts';
import { flattenSections, numberSections, type Outline } from '../forms/outline.ts';
import { buildCellSpace } from '../forms/structure.ts';
import { splitKey } from '../forms/validate.ts';
import { sameCellValue } from './data.ts';
import type { ReportFormDefinitions } from './evaluate.ts';
import { formColumnLabels, parseFormDefinition, formRowLabels, outlineSectionTitle } from './labels.ts';

/**
 * What changed between two versions of a report (a correction, đính chính), in words a reader
 * checks against the paper: the cells whose entered value changed with their row and column
 * labels, the outline sections whose text changed, and the attachments added or removed.
 * Equal decimals are unchanged ("1.50" and "1.5"); an empty string is an empty cell.
 * Forms the report no longer lists are left out (there is no definition to name their cells by).
 */

/** Above this many changed cells in one list form, one summary line replaces the cell-by-cell list. */
export const LIST_CHANGE_LIMIT = 200;

type Version = { versionNo: number; data: ReportData };

export function diffReportData(forms: ReportFormDefinitions, from: Version, to: Version): ReportDiff {
  const cells: CellChange[] = [];
  const narrative: NarrativeChange[] = [];
  for (const ref of forms) {
    const base = { formVersionId: ref.versionId, formCode: ref.code };
    if (ref.kind === 'table') {
      const form = parseFormDefinition('table', ref.definition);
      const before = from.data.forms[ref.versionId]?.values ?? {};
      const after = to.data.forms[ref.versionId]?.values ?? {};
      if (form) for (const c of tableChanges(form, before, after)) cells.push({ ...base, ...c });
    } else if (ref.kind === 'list') {
      const list = parseFormDefinition('list', ref.definition);
      const before = from.data.forms[ref.versionId]?.records ?? [];
      const after = to.data.forms[ref.versionId]?.records ?? [];
      if (list) for (const c of listChanges(list, before, after)) cells.push({ ...base, ...c });
    } else {
      const outline = parseFormDefinition('outline', ref.definition);
      const before = from.data.narrative[ref.versionId] ?? {};
      const after = to.data.narrative[ref.versionId] ?? {};
      if (outline) for (const c of narrativeChanges(outline, before, after)) narrative.push({ formVersionId: ref.versionId, ...c });
    }
  }
  const { added, removed } = attachmentChanges(from.data.attachments, to.data.attachments);
  return { from: from.versionNo, to: to.versionNo, cells, narrative, attachmentsAdded: added, attachmentsRemoved: removed };
}

type Change = Omit<CellChange, 'formVersionId' | 'formCode'>;

const stored = (v: ReportCellValue | undefined): ReportCellValue => (v === undefined || v === '' ? null : v);

/** Changed input values in row order, then column order; keys the form does not know come last, by key. */
function tableChanges(form: Form, before: Record<string, ReportCellValue>, after: Record<string, ReportCellValue>): Change[] {
  const changed = new Set<string>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!sameCellValue(before[key], after[key])) changed.add(key);
  }
  if (changed.size === 0) return [];
  const space = buildCellSpace(form);
  const rows = formRowLabels(form);
  const cols = formColumnLabels(form.columns);
  const change = (key: string): Change => {
    const [row, col] = splitKey(key);
    return {
      row,
      col,
      rowLabel: rows.get(row) ?? row,
      colLabel: cols.get(col) ?? col,
      before: stored(before[key]),
      after: stored(after[key]),
    };
  };
  const out: Change[] = [];
  for (const key of space.keys) {
    if (changed.delete(key)) out.push(change(key));
  }
  for (const key of [...changed].sort()) out.push(change(key));
  return out;
}

/**
 * Records compared by position: a change per record and column ("Bản ghi thứ 3" / "Tên dự án"). When
 * records were inserted or removed in the middle everything after shifts, so past LIST_CHANGE_LIMIT
 * changes one line says how many records there were before and after and how many cells differ.
 */
function listChanges(
  list: ListForm,
  before: readonly Record<string, ReportCellValue>[],
  after: readonly Record<string, ReportCellValue>[],
): Change[] {
  const leaves = listLeafColumns(list)
    .map((l) => l.column)
    .filter((c) => c.kind === 'input');
  const labels = formColumnLabels(list.columns);
  const out: Change[] = [];
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    for (const column of leaves) {
      const a = before[i]?.[column.code];
      const b = after[i]?.[column.code];
      if (sameCellValue(a, b)) continue;
      out.push({
        row: String(i + 1),
        col: column.code,
        rowLabel: `Bản ghi thứ ${i + 1}`,
        colLabel: labels.get(column.code) ?? column.name,
        before: stored(a),
        after: stored(b),
      });
    }
  }
  if (out.length <= LIST_CHANGE_LIMIT) return out;
  return [
    {
      row: '',
      col: '',
      rowLabel: 'Danh sách',
      colLabel: `${out.length} ô thay đổi`,
      before: `${before.length} bản ghi`,
      after: `${after.length} bản ghi`,
    },
  ];
}

/** Sections whose plain text changed, in the outline's order; sections the outline no longer has come last. */
function narrativeChanges(
  outline: Outline,
  before: Record<string, { text: string }>,
  after: Record<string, { text: string }>,
): Omit<NarrativeChange, 'formVersionId'>[] {
  const numbers = numberSections(outline);
  const out: Omit<NarrativeChange, 'formVersionId'>[] = [];
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  const push = (sectionId: string, title: string) => {
    const a = before[sectionId]?.text ?? '';
    const b = after[sectionId]?.text ?? '';
    if (a !== b) out.push({ sectionId, sectionTitle: title, before: a, after: b });
  };
  for (const { section } of flattenSections(outline)) {
    if (!ids.delete(section.id)) continue;
    push(section.id, outlineSectionTitle(numbers.get(section.id), section.title));
  }
  for (const id of [...ids].sort()) push(id, id);
  return out;
}

/** File names added and removed; the same content under the same name is the same attachment. */
function attachmentChanges(
  before: readonly ReportAttachment[],
  after: readonly ReportAttachment[],
): { added: string[]; removed: string[] } {
  const identity = (a: ReportAttachment) => `${a.sha256}|${a.fileName}`;
  const remaining = new Map<string, number>();
  for (const a of before) remaining.set(identity(a), (remaining.get(identity(a)) ?? 0) + 1);
  const added: string[] = [];
  for (const a of after) {
    const count = remaining.get(identity(a)) ?? 0;
    if (count > 0) remaining.set(identity(a), count - 1);
    else added.push(a.fileName);
  }
  const removed: string[] = [];
  for (const a of before) {
    const count = remaining.get(identity(a)) ?? 0;
    if (count > 0) {
      remaining.set(identity(a), count - 1);
      removed.push(a.fileName);
    }
  }
  return { added, removed };
}

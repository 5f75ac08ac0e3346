import {
  compareVietnamese,
  foldDiacritics,
  validateRegimeContent,
  type ErrorCode,
  type RegimeContent,
  type RegimeDetail,
  type ReportingUnitSelection,
  type UnitKind,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError, isUniqueViolation } from '../../http/errors.ts';
import { loadWorkingCalendar } from '../calendar/index.ts';
import * as q from './queries.ts';

/** One thing wrong with a regime's content, where it is, and what to do (Vietnamese). */
export interface ContentProblem {
  code: ErrorCode;
  path: string;
  message: string;
}

export interface ResolvedUnit {
  id: string;
  name: string;
  kind: UnitKind;
}

const byName = (a: { name: string }, b: { name: string }) => compareVietnamese(a.name, b.name);

/**
 * The units that must report (đối tượng thực hiện), active ones only, in Vietnamese alphabetical
 * order: the listed units, or the units of the chosen kinds under the root unit (its whole subtree,
 * or only its direct children). A root that does not exist or is inactive gives none.
 */
export async function resolveReportingUnits(db: Db, selection: ReportingUnitSelection): Promise<ResolvedUnit[]> {
  if (selection.mode === 'explicit') {
    const rows = await q.unitsByIds(db, [...new Set(selection.unitIds)]);
    return rows
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitKind }))
      .sort(byName);
  }
  const [root] = await q.unitsByIds(db, [selection.rootUnitId]);
  if (!root || !root.active) return [];
  const rows = await q.unitsUnder(db, root, selection.kinds, selection.includeSubtree);
  return rows.map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitKind })).sort(byName);
}

function fail(problems: ContentProblem[]): never {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
  throw new AppError(first.code, { problems }, `${first.message}${more}`);
}

/**
 * Everything that must hold for a regime's content to be saved (`forPublish` false) or published:
 * core's rules (periods, deadlines at least one working day after the cut-off, levels in order,
 * custom periods not overlapping; for publication the outline and the forms, LEGAL R7–R11), then
 * what only the database knows: the units exist and are active, someone has to report, the forms
 * are published and of the right kind. Throws the first problem's code with every problem listed.
 */
export async function checkContent(tx: Db, content: RegimeContent, opts: { forPublish: boolean }): Promise<void> {
  const calendar = await loadWorkingCalendar(tx);
  const core = validateRegimeContent(content, calendar, opts);
  if (core.length > 0) fail(core);

  const problems: ContentProblem[] = [];
  const selection = content.reportingUnits;
  const unitIds = [content.receivingUnitId, ...(selection.mode === 'explicit' ? selection.unitIds : [selection.rootUnitId])];
  const units = new Map((await q.unitsByIds(tx, [...new Set(unitIds)])).map((u) => [u.id, u]));
  const unitProblem = (id: string, path: string, what: string) => {
    const unit = units.get(id);
    if (!unit) problems.push({ code: 'REGIME_INVALID', path, message: `${what} không tồn tại.` });
    else if (!unit.active) problems.push({ code: 'REGIME_INVALID', path, message: `${what} "${unit.name}" đã ngừng hoạt động.` });
  };
  unitProblem(content.receivingUnitId, 'receivingUnitId', 'Cơ quan nhận báo cáo');
  if (selection.mode === 'explicit') {
    selection.unitIds.forEach((id, i) => unitProblem(id, `reportingUnits.unitIds.${i}`, 'Đơn vị thực hiện báo cáo'));
  } else {
    unitProblem(selection.rootUnitId, 'reportingUnits.rootUnitId', 'Đơn vị gốc để chọn đơn vị thực hiện báo cáo');
  }
  if (problems.length > 0) fail(problems);

  const reporting = (await resolveReportingUnits(tx, selection)).filter((u) => u.id !== content.receivingUnitId);
  if (reporting.length === 0) {
    fail([
      {
        code: 'NO_REPORTING_UNITS',
        path: 'reportingUnits',
        message:
          selection.mode === 'explicit'
            ? 'Chế độ báo cáo chưa có đơn vị thực hiện báo cáo nào (ngoài cơ quan nhận báo cáo).'
            : 'Không có đơn vị đang hoạt động nào thuộc các loại đã chọn dưới đơn vị gốc; hãy chọn lại đối tượng thực hiện báo cáo.',
      },
    ]);
  }

  const formIds = [...new Set([...content.formIds, ...(content.outlineFormId ? [content.outlineFormId] : [])])];
  const forms = new Map((await q.formsByIds(tx, formIds)).map((f) => [f.id, f]));
  const formProblem = (id: string, path: string, outline: boolean): ContentProblem | null => {
    const f = forms.get(id);
    const what = outline ? 'Mẫu đề cương' : 'Biểu mẫu số liệu';
    if (!f) return { code: 'REGIME_INVALID', path, message: `${what} đã chọn không tồn tại.` };
    if (outline ? f.kind !== 'outline' : f.kind === 'outline') {
      const expected = outline ? 'một đề cương báo cáo' : 'biểu số liệu hoặc báo cáo danh sách';
      return { code: 'REGIME_INVALID', path, message: `${what} "${f.code} – ${f.name}" không phải ${expected}.` };
    }
    if (!f.published) {
      return { code: 'FORM_NOT_PUBLISHED', path, message: `${what} "${f.code} – ${f.name}" chưa có phiên bản nào được ban hành.` };
    }
    return null;
  };
  const formProblems = [
    content.outlineFormId ? formProblem(content.outlineFormId, 'outlineFormId', true) : null,
    ...content.formIds.map((id, i) => formProblem(id, `formIds.${i}`, false)),
  ];
  problems.push(...formProblems.filter((p): p is ContentProblem => p !== null));
  if (problems.length > 0) fail(problems);
}

/** Display names for the ids in a regime's content (and its owner), so that the UI needs no more requests. */
export async function namesOf(db: Db, ownerUnitId: string, content: RegimeContent): Promise<RegimeDetail['names']> {
  const selection = content.reportingUnits;
  const unitIds = [ownerUnitId, content.receivingUnitId, ...(selection.mode === 'explicit' ? selection.unitIds : [selection.rootUnitId])];
  const formIds = [...content.formIds, ...(content.outlineFormId ? [content.outlineFormId] : [])];
  const [units, forms] = await Promise.all([q.unitsByIds(db, [...new Set(unitIds)]), q.formsByIds(db, [...new Set(formIds)])]);
  return {
    units: Object.fromEntries(units.map((u) => [u.id, u.name])),
    forms: Object.fromEntries(forms.map((f) => [f.id, { code: f.code, name: f.name, kind: f.kind }])),
  };
}

export function searchTextOf(code: string, name: string): string {
  return foldDiacritics(`${code} ${name}`).toLowerCase();
}

export function rethrowDuplicateCode(error: unknown, code: string): never {
  if (isUniqueViolation(error, 'regime_owner_code_uq')) {
    throw new AppError('DUPLICATE_CODE', { field: 'code' }, `Đơn vị chủ trì đã có chế độ báo cáo mang ký hiệu "${code}".`);
  }
  throw error;
}

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
import { indicatorAllocations } from '../indicators/index.ts';
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
 * The units that must report (đơn vị thực hiện), active ones only, in Vietnamese alphabetical
 * order: the listed units; the units of the chosen kinds under the root unit (its whole subtree, or
 * only its direct children), a root that does not exist or is inactive giving none; or, by
 * indicator allocation, the units responsible for the chosen indicators of the indicator library
 * (đơn vị chủ trì) and, when asked, those taking part in them (đơn vị phối hợp). Indicators that do
 * not exist or are no longer in use allocate nobody.
 */
export async function resolveReportingUnits(db: Db, selection: ReportingUnitSelection): Promise<ResolvedUnit[]> {
  let rows: { id: string; name: string; kind: string; active: boolean }[];
  switch (selection.mode) {
    case 'explicit':
      rows = await q.unitsByIds(db, [...new Set(selection.unitIds)]);
      break;
    case 'by_kind': {
      const [root] = await q.unitsByIds(db, [selection.rootUnitId]);
      if (!root || !root.active) return [];
      rows = (await q.unitsUnder(db, root, selection.kinds, selection.includeSubtree)).map((u) => ({ ...u, active: true }));
      break;
    }
    case 'by_indicator': {
      const allocations = (await indicatorAllocations(db, selection.indicatorIds)).filter((i) => i.active);
      const unitIds = allocations.flatMap((i) => [
        ...(i.ownerUnitId ? [i.ownerUnitId] : []),
        ...(selection.includeCoordinating ? i.coordinatingUnitIds : []),
      ]);
      rows = await q.unitsByIds(db, [...new Set(unitIds)]);
      break;
    }
  }
  return rows
    .filter((u) => u.active)
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitKind }))
    .sort(byName);
}

/** The units a selection names itself (not those it resolves to): to check and to show. */
function selectionUnitIds(selection: ReportingUnitSelection): string[] {
  if (selection.mode === 'explicit') return selection.unitIds;
  if (selection.mode === 'by_kind') return [selection.rootUnitId];
  return [];
}

const NO_UNITS_MESSAGES: Record<ReportingUnitSelection['mode'], string> = {
  explicit: 'Chế độ báo cáo chưa có đơn vị thực hiện báo cáo nào (ngoài cơ quan nhận báo cáo).',
  by_kind: 'Không có đơn vị đang hoạt động nào thuộc các loại đã chọn dưới đơn vị gốc; hãy chọn lại đối tượng thực hiện báo cáo.',
  by_indicator:
    'Các chỉ tiêu đã chọn chưa được phân công cho đơn vị đang hoạt động nào (ngoài cơ quan nhận báo cáo); hãy cập nhật đơn vị chủ trì, phối hợp của chỉ tiêu trong kho chỉ tiêu hoặc chọn lại đối tượng thực hiện báo cáo.',
};

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
  const unitIds = [content.receivingUnitId, ...selectionUnitIds(selection)];
  const units = new Map((await q.unitsByIds(tx, [...new Set(unitIds)])).map((u) => [u.id, u]));
  const unitProblem = (id: string, path: string, what: string) => {
    const unit = units.get(id);
    if (!unit) problems.push({ code: 'REGIME_INVALID', path, message: `${what} không tồn tại.` });
    else if (!unit.active) problems.push({ code: 'REGIME_INVALID', path, message: `${what} "${unit.name}" đã ngừng hoạt động.` });
  };
  unitProblem(content.receivingUnitId, 'receivingUnitId', 'Cơ quan nhận báo cáo');
  if (selection.mode === 'explicit') {
    selection.unitIds.forEach((id, i) => unitProblem(id, `reportingUnits.unitIds.${i}`, 'Đơn vị thực hiện báo cáo'));
  } else if (selection.mode === 'by_kind') {
    unitProblem(selection.rootUnitId, 'reportingUnits.rootUnitId', 'Đơn vị gốc để chọn đơn vị thực hiện báo cáo');
  } else {
    const indicators = new Map((await indicatorAllocations(tx, selection.indicatorIds)).map((i) => [i.id, i]));
    selection.indicatorIds.forEach((id, i) => {
      const path = `reportingUnits.indicatorIds.${i}`;
      const found = indicators.get(id);
      if (!found) {
        problems.push({
          code: 'REGIME_INVALID',
          path,
          message: `Chỉ tiêu thứ ${i + 1} đã chọn không có trong kho chỉ tiêu (mã định danh ${id}).`,
        });
      } else if (!found.active) {
        problems.push({ code: 'REGIME_INVALID', path, message: `Chỉ tiêu "${found.code} – ${found.name}" đã ngừng sử dụng.` });
      }
    });
  }
  if (problems.length > 0) fail(problems);

  const reporting = (await resolveReportingUnits(tx, selection)).filter((u) => u.id !== content.receivingUnitId);
  if (reporting.length === 0) {
    fail([
      {
        code: 'NO_REPORTING_UNITS',
        path: 'reportingUnits',
        message: NO_UNITS_MESSAGES[selection.mode],
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
  const unitIds = [ownerUnitId, content.receivingUnitId, ...selectionUnitIds(selection)];
  const formIds = [...content.formIds, ...(content.outlineFormId ? [content.outlineFormId] : [])];
  const indicatorIds = selection.mode === 'by_indicator' ? selection.indicatorIds : [];
  const [units, forms, indicators] = await Promise.all([
    q.unitsByIds(db, [...new Set(unitIds)]),
    q.formsByIds(db, [...new Set(formIds)]),
    indicatorAllocations(db, indicatorIds),
  ]);
  return {
    units: Object.fromEntries(units.map((u) => [u.id, u.name])),
    forms: Object.fromEntries(forms.map((f) => [f.id, { code: f.code, name: f.name, kind: f.kind }])),
    indicators: Object.fromEntries(indicators.map((i) => [i.id, { code: i.code, name: i.name }])),
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

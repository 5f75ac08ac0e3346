import {
  applyReportPatch,
  ERRORS,
  flattenSections,
  validateFormValues,
  type CellProblem,
  type ReportDataPatch,
  type ReportFormRef,
} from '@baocao/core';
import { AppError } from '../../../http/errors.ts';
import type { AuthedContext } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { loadReport } from '../access.ts';
import * as q from '../queries.ts';
import { editProblem, withFirst } from '../rules.ts';
import { contentHashOf, outlineDefinition, reportForms, type ReportDeps, tableDefinition, versionData } from '../support.ts';
import { loadAssignment } from './open-report.ts';

export interface SaveInput {
  revision: number;
  patch: ReportDataPatch;
}

/**
 * Saves (autosave or explicit) a patch into the current version. The report and the version are
 * read `FOR UPDATE`, so the state checked is the state written under, and of two saves that edited
 * the same revision exactly one wins: the other gets REPORT_STALE and nothing of it is written.
 * Cells that do not fit their column are refused all together (REPORT_CELLS_INVALID), the
 * previous data stays as it was.
 */
export async function saveReport(
  deps: ReportDeps,
  ctx: AuthedContext,
  reportId: string,
  input: SaveInput,
): Promise<{ revision: number; savedAt: string; contentHash: string }> {
  return deps.db.transaction(async (tx) => {
    const { row, caps } = await loadReport(tx, ctx.actor, reportId, { lock: true });
    const version = await q.findVersion(tx, reportId, row.currentVersionNo, { lock: true });
    if (!version) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy phiên bản báo cáo.');
    const a = await loadAssignment(tx, row.assignmentId);
    const problem = editProblem(row, caps, version, a);
    if (problem) throw problem;
    if (version.revision !== input.revision) throw new AppError('REPORT_STALE', { revision: version.revision });

    checkPatch(await reportForms(tx, a.formVersionIds), input.patch);
    const data = applyReportPatch(versionData(version), input.patch);
    const contentHash = contentHashOf(data);
    const now = deps.clock.now();
    const saved = await q.updateVersion(tx, version.id, {
      data,
      contentHash,
      revision: version.revision + 1,
      updatedBy: ctx.actor.id,
      updatedAt: now,
    });
    await q.updateReport(tx, row.id, { updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'report.saved',
      targetType: 'report',
      targetId: row.id,
      unitId: row.unitId,
      // What was touched, not the figures: the data is kept by the version and its snapshots.
      summary: { versionNo: version.versionNo, ...patchSize(input.patch) },
    });
    return { revision: saved.revision, savedAt: now.toISOString(), contentHash };
  });
}

type PlacedProblem = CellProblem & { formVersionId: string; formCode: string };

/**
 * Refuses a patch that does not fit the report's forms: a form that is not the report's, records
 * on a table form or cells on a list form, a section the outline does not have, and every cell
 * value that does not fit its column (all listed, with row and column names).
 */
export function checkPatch(forms: readonly ReportFormRef[], patch: ReportDataPatch): void {
  const byVersion = new Map(forms.map((f) => [f.versionId, f]));
  const problems: PlacedProblem[] = [];
  for (const [versionId, change] of Object.entries(patch.forms ?? {})) {
    const ref = byVersion.get(versionId);
    if (!ref || ref.kind === 'outline') {
      throw new AppError(
        'VALIDATION_FAILED',
        { formVersionId: versionId },
        'Số liệu gửi lên thuộc một biểu mẫu không có trong báo cáo này.',
      );
    }
    if (ref.kind === 'list') {
      if (Object.keys(change.values ?? {}).length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          { formVersionId: versionId },
          `Biểu "${ref.code}" là báo cáo danh sách: số liệu được gửi theo bản ghi.`,
        );
      }
      continue;
    }
    if (change.records !== undefined) {
      throw new AppError(
        'VALIDATION_FAILED',
        { formVersionId: versionId },
        `Biểu "${ref.code}" là biểu dạng bảng, không có danh sách bản ghi.`,
      );
    }
    const form = tableDefinition(ref);
    if (!form) throw new AppError('VALIDATION_FAILED', { formVersionId: versionId }, `Biểu "${ref.code}" có định nghĩa không hợp lệ.`);
    for (const p of validateFormValues(form, change.values ?? {})) problems.push({ ...p, formVersionId: versionId, formCode: ref.code });
  }
  if (problems.length > 0) {
    throw new AppError('REPORT_CELLS_INVALID', { problems }, withFirst(ERRORS.REPORT_CELLS_INVALID.message, problems));
  }
  for (const [outlineId, sections] of Object.entries(patch.narrative ?? {})) {
    const ref = byVersion.get(outlineId);
    const outline = ref ? outlineDefinition(ref) : null;
    if (!outline) {
      throw new AppError(
        'VALIDATION_FAILED',
        { formVersionId: outlineId },
        'Nội dung gửi lên thuộc một đề cương không có trong báo cáo này.',
      );
    }
    const ids = new Set(flattenSections(outline).map((s) => s.section.id));
    const unknown = Object.keys(sections).filter((id) => !ids.has(id));
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        { formVersionId: outlineId, sectionIds: unknown },
        `Đề cương "${ref!.code}" không có mục ${unknown.map((id) => `"${id}"`).join(', ')}.`,
      );
    }
  }
}

function patchSize(patch: ReportDataPatch): { cells: number; records: number; sections: number } {
  let cells = 0;
  let records = 0;
  for (const change of Object.values(patch.forms ?? {})) {
    cells += Object.keys(change.values ?? {}).length;
    records += change.records?.length ?? 0;
  }
  const sections = Object.values(patch.narrative ?? {}).reduce((n, s) => n + Object.keys(s).length, 0);
  return { cells, records, sections };
}

import {
  flattenRows,
  foldDiacritics,
  listLeafColumns,
  normalizeText,
  parseDefinition,
  validateDefinition,
  type AnyDefinition,
  type createFormBody,
  type DefinitionProblem,
  type formListQuery,
  type FormKind,
  type FormSummary,
  type FormVersionDetail,
  type FormVersionSummary,
  type Form,
  type ListForm,
  type publishBody,
  type saveDraftBody,
} from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type AuthedContext, authorize } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { presentVersion, presentVersionDetail } from './presenter.ts';
import * as q from './queries.ts';
import {
  contentHash,
  identityOf,
  insertFormWithDraft,
  loadForDesign,
  loadReadable,
  loadVersion,
  parseOrThrow,
  requireActiveUnit,
  rethrowDuplicateCode,
  summarize,
  summarizeOne,
  toProblems,
  visibilityOf,
} from './support.ts';

type ListQuery = z.output<typeof formListQuery>;
type CreateFormInput = z.output<typeof createFormBody>;
type SaveDraftInput = z.output<typeof saveDraftBody>;
type PublishInput = z.output<typeof publishBody>;

/**
 * Forms (biểu mẫu) and their versions. A form is created with draft version 1; the draft is edited
 * (with an optimistic revision) until it is published, after which it never changes; editing a
 * published form starts a new draft from it. Designers are those with 'form.design' on the owner
 * unit; others read the published versions of forms shared with their units.
 */

export async function listForms(db: Db, ctx: AuthedContext, query: ListQuery) {
  await authorize(db, ctx.actor, 'unit.read', []);
  const search = query.q ? foldDiacritics(normalizeText(query.q)).toLowerCase() : undefined;
  const { items, total } = await q.listFormRows(db, {
    visibility: visibilityOf(ctx),
    view: query.view,
    search: search || undefined,
    kind: query.kind,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: await summarize(db, items), total, page: query.page, pageSize: query.pageSize };
}

export async function getForm(db: Db, ctx: AuthedContext, id: string): Promise<FormSummary> {
  return summarizeOne(db, ctx, id);
}

export async function createForm(db: Db, ctx: AuthedContext, input: CreateFormInput): Promise<FormSummary> {
  await authorize(db, ctx.actor, 'form.design', [input.ownerUnitId]);
  await requireActiveUnit(db, input.ownerUnitId);
  const definition = parseOrThrow(input.kind, input.definition, input.ownerUnitId);
  let created: q.FormRow;
  try {
    created = await db.transaction((tx) =>
      insertFormWithDraft(tx, ctx, { kind: input.kind, ownerUnitId: input.ownerUnitId, definition }, { action: 'form.created' }),
    );
  } catch (error) {
    rethrowDuplicateCode(error, definition.code);
  }
  return summarizeOne(db, ctx, created.id);
}

export async function listVersions(db: Db, ctx: AuthedContext, id: string): Promise<FormVersionSummary[]> {
  const form = await loadReadable(db, ctx, id);
  return (await q.listVersionRows(db, id, form.canDesign)).map(presentVersion);
}

export async function getVersion(db: Db, ctx: AuthedContext, id: string, versionId: string): Promise<FormVersionDetail> {
  const form = await loadReadable(db, ctx, id);
  return presentVersionDetail(await loadVersion(db, form, versionId));
}

/**
 * Everything that would stop the version from being published (errors) or deserves a second look
 * (warnings): the engine's checks, plus indicator and catalog codes missing from their libraries.
 */
export async function versionProblems(db: Db, ctx: AuthedContext, id: string, versionId: string): Promise<DefinitionProblem[]> {
  const form = await loadReadable(db, ctx, id);
  const version = await loadVersion(db, form, versionId);
  const kind = form.form.kind as FormKind;
  const parsed = parseDefinition(kind, version.definition);
  if (!parsed.ok) return toProblems(parsed.problems);
  return [...toProblems(validateDefinition(kind, parsed.definition)), ...(await referenceWarnings(db, kind, parsed.definition))];
}

async function referenceWarnings(db: Db, kind: FormKind, definition: AnyDefinition): Promise<DefinitionProblem[]> {
  const out: DefinitionProblem[] = [];
  if (kind === 'table') {
    const rows = flattenRows(definition as Form).filter((r) => r.row.indicatorCode);
    const found = new Map((await q.indicatorsByCodes(db, [...new Set(rows.map((r) => r.row.indicatorCode!))])).map((i) => [i.code, i]));
    for (const { row, path } of rows) {
      const indicator = found.get(row.indicatorCode!);
      const where = `Dòng "${row.name}" (${row.code})`;
      if (!indicator)
        out.push({
          path: [...path, 'indicatorCode'].join('.'),
          severity: 'warning',
          message: `${where}: mã chỉ tiêu "${row.indicatorCode}" không có trong kho chỉ tiêu.`,
        });
      else if (!indicator.active)
        out.push({
          path: [...path, 'indicatorCode'].join('.'),
          severity: 'warning',
          message: `${where}: chỉ tiêu "${row.indicatorCode}" đã ngừng sử dụng.`,
        });
    }
  }
  if (kind === 'list') {
    const columns = listLeafColumns(definition as ListForm).filter((c) => c.column.type === 'catalog' && c.column.catalogCode);
    const found = new Map((await q.catalogsByCodes(db, [...new Set(columns.map((c) => c.column.catalogCode!))])).map((c) => [c.code, c]));
    for (const { column, path } of columns) {
      const catalog = found.get(column.catalogCode!);
      const where = `Cột "${column.name}" (${column.code})`;
      if (!catalog)
        out.push({
          path: [...path, 'catalogCode'].join('.'),
          severity: 'warning',
          message: `${where}: danh mục "${column.catalogCode}" không tồn tại.`,
        });
      else if (!catalog.active)
        out.push({
          path: [...path, 'catalogCode'].join('.'),
          severity: 'warning',
          message: `${where}: danh mục "${column.catalogCode}" đã ngừng sử dụng.`,
        });
    }
  }
  return out;
}

/** Starts a new draft from the latest published version; when a draft exists, returns it. */
export async function startDraft(db: Db, ctx: AuthedContext, id: string): Promise<{ created: boolean; version: FormVersionDetail }> {
  const form = await loadForDesign(db, ctx, id);
  const result = await db.transaction(async (tx) => {
    await q.lockForm(tx, id);
    const existing = await q.findDraft(tx, id);
    if (existing) return { created: false, version: existing };
    const latest = await q.findLatestPublished(tx, id);
    if (!latest) throw new AppError('FORM_NOT_PUBLISHED');
    const draft = await q.insertVersion(tx, {
      formId: id,
      versionNo: (await q.maxVersionNo(tx, id)) + 1,
      status: 'draft',
      definition: latest.definition,
      contentHash: latest.contentHash,
      createdBy: ctx.actor.id,
    });
    await q.touchForm(tx, id);
    await recordAudit(tx, ctx, {
      action: 'form.draft_started',
      targetType: 'form',
      targetId: id,
      unitId: form.ownerUnitId,
      summary: { versionNo: draft.versionNo, fromVersionNo: latest.versionNo },
    });
    return { created: true, version: draft };
  });
  return { created: result.created, version: presentVersionDetail(result.version) };
}

export async function saveDraft(db: Db, ctx: AuthedContext, id: string, input: SaveDraftInput): Promise<FormVersionDetail> {
  const form = await loadForDesign(db, ctx, id);
  const definition = parseOrThrow(form.kind as FormKind, input.definition, form.ownerUnitId);
  const hash = contentHash(definition);
  try {
    const saved = await db.transaction(async (tx) => {
      await q.lockForm(tx, id);
      const draft = await q.findDraft(tx, id);
      if (!draft) {
        throw new AppError('NOT_FOUND', undefined, 'Biểu mẫu không có bản nháp. Hãy tạo bản nháp mới từ phiên bản đã ban hành.');
      }
      if (draft.revision !== input.revision) throw new AppError('CONFLICT');
      const note = input.note === undefined ? draft.note : input.note;
      if (draft.contentHash === hash && draft.note === note) return draft;
      const updated = await q.updateDraftRow(tx, draft.id, { definition, contentHash: hash, note, revision: draft.revision + 1 });
      // Until a version is published, the form is known by its draft's code and name.
      const published = await q.findLatestPublished(tx, id);
      const identity = identityOf(definition);
      if (!published && (identity.code !== form.code || identity.name !== form.name || identity.fieldGroup !== form.fieldGroup)) {
        await q.updateFormRow(tx, id, identity);
      } else await q.touchForm(tx, id);
      await recordAudit(tx, ctx, {
        action: 'form.draft_saved',
        targetType: 'form',
        targetId: id,
        unitId: form.ownerUnitId,
        summary: { versionNo: updated.versionNo, revision: updated.revision, contentHash: hash },
      });
      return updated;
    });
    return presentVersionDetail(saved);
  } catch (error) {
    rethrowDuplicateCode(error, definition.code);
  }
}

export async function publishDraft(db: Db, ctx: AuthedContext, id: string, input: PublishInput): Promise<FormSummary> {
  const form = await loadForDesign(db, ctx, id);
  const kind = form.kind as FormKind;
  let code = form.code;
  try {
    await db.transaction(async (tx) => {
      await q.lockForm(tx, id);
      const draft = await q.findDraft(tx, id);
      if (!draft) throw new AppError('NOT_FOUND', undefined, 'Biểu mẫu không có bản nháp để ban hành.');
      if (draft.revision !== input.revision) throw new AppError('CONFLICT');
      const definition = parseOrThrow(kind, draft.definition, form.ownerUnitId);
      const problems = toProblems(validateDefinition(kind, definition));
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          { problems },
          `Biểu mẫu còn ${errors.length} lỗi nên chưa ban hành được. Lỗi đầu tiên (${errors[0]!.path}): ${errors[0]!.message}`,
        );
      }
      const latest = await q.findLatestPublished(tx, id);
      if (latest && latest.contentHash === draft.contentHash) {
        throw new AppError(
          'VALIDATION_FAILED',
          { problems: [] },
          `Bản nháp giống hệt phiên bản ${latest.versionNo} đã ban hành; không có thay đổi nào để ban hành.`,
        );
      }
      const note = input.note === undefined ? draft.note : input.note;
      await q.updateDraftRow(tx, draft.id, { status: 'published', publishedAt: new Date(), publishedBy: ctx.actor.id, note });
      const identity = identityOf(definition);
      code = identity.code;
      await q.updateFormRow(tx, id, identity);
      await recordAudit(tx, ctx, {
        action: 'form.published',
        targetType: 'form',
        targetId: id,
        unitId: form.ownerUnitId,
        summary: {
          versionNo: draft.versionNo,
          versionId: draft.id,
          contentHash: draft.contentHash,
          note,
          previousVersionNo: latest?.versionNo ?? null,
          warnings: problems.length,
        },
      });
    });
  } catch (error) {
    rethrowDuplicateCode(error, code);
  }
  return summarizeOne(db, ctx, id);
}

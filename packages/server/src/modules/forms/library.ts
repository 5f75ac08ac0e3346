import {
  diffDefinitions,
  type copyFormBody,
  type FormDiff,
  type FormKind,
  type formUsage,
  type FormSummary,
  type shareFormBody,
} from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type AuthedContext, authorize } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import * as q from './queries.ts';
import {
  insertFormWithDraft,
  loadForDesign,
  loadReadable,
  loadVersion,
  parseOrThrow,
  requireActiveUnit,
  rethrowDuplicateCode,
  summarizeOne,
} from './support.ts';

type ShareInput = z.output<typeof shareFormBody>;
type CopyInput = z.output<typeof copyFormBody>;

/**
 * The template library (kho báo cáo mẫu): the owner shares a published form with every unit or
 * with chosen units (and their subtrees); designers elsewhere copy a published version into a form
 * of their own, which remembers where it came from so the owner can see who uses the template.
 */

export async function shareForm(db: Db, ctx: AuthedContext, id: string, input: ShareInput): Promise<FormSummary> {
  const form = await loadForDesign(db, ctx, id);
  const units = input.sharing === 'units' ? [...new Map(input.units.map((u) => [u.unitId, u])).values()] : [];
  if (input.sharing === 'units' && units.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { issues: [{ path: 'units', message: 'Hãy chọn ít nhất một đơn vị.' }] },
      'Hãy chọn ít nhất một đơn vị được chia sẻ.',
    );
  }
  const found = await q.unitsByIds(
    db,
    units.map((u) => u.unitId),
  );
  if (found.length !== units.length) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị được chọn để chia sẻ.');
  await db.transaction(async (tx) => {
    const locked = await q.lockForm(tx, id);
    if (!locked || locked.version !== input.version) throw new AppError('CONFLICT');
    if (input.sharing !== 'private' && !(await q.findLatestPublished(tx, id))) {
      throw new AppError('FORM_NOT_PUBLISHED', undefined, 'Chỉ chia sẻ được biểu mẫu đã ban hành; hãy ban hành biểu mẫu trước.');
    }
    const before = {
      sharing: locked.sharing,
      units: (await q.sharesOf(tx, [id])).map((s) => ({ unitId: s.unitId, includeSubtree: s.includeSubtree })),
    };
    await q.replaceShares(tx, id, units);
    await q.updateFormRow(tx, id, { sharing: input.sharing });
    await recordAudit(tx, ctx, {
      action: 'form.shared',
      targetType: 'form',
      targetId: id,
      unitId: form.ownerUnitId,
      summary: { before, after: { sharing: input.sharing, units } },
    });
  });
  return summarizeOne(db, ctx, id);
}

/** A new form owned by `ownerUnitId` whose draft version 1 is a published version of a form the actor may read. */
export async function copyForm(db: Db, ctx: AuthedContext, id: string, input: CopyInput): Promise<FormSummary> {
  const source = await loadReadable(db, ctx, id);
  await authorize(db, ctx.actor, 'form.design', [input.ownerUnitId]);
  await requireActiveUnit(db, input.ownerUnitId);
  const version = input.versionId ? await loadVersion(db, source, input.versionId) : await q.findLatestPublished(db, id);
  if (!version) throw new AppError('FORM_NOT_PUBLISHED', undefined, 'Biểu mẫu mẫu chưa có phiên bản đã ban hành để sao chép.');
  if (version.status !== 'published') {
    throw new AppError('FORM_NOT_PUBLISHED', undefined, 'Chỉ sao chép được phiên bản đã ban hành, không sao chép bản nháp.');
  }
  const kind = source.form.kind as FormKind;
  const original = version.definition as Record<string, unknown>;
  const definition = parseOrThrow(kind, { ...original, code: input.code, name: input.name ?? original.name }, input.ownerUnitId);
  let created: q.FormRow;
  try {
    created = await db.transaction((tx) =>
      insertFormWithDraft(
        tx,
        ctx,
        { kind, ownerUnitId: input.ownerUnitId, definition, copiedFromVersionId: version.id },
        {
          action: 'form.copied',
          summary: { from: { formId: id, code: source.form.code, versionId: version.id, versionNo: version.versionNo } },
        },
      ),
    );
  } catch (error) {
    rethrowDuplicateCode(error, definition.code);
  }
  return summarizeOne(db, ctx, created.id);
}

/** Who uses a template: the forms copied from its versions. Shown to the template's designers. */
export async function formUsageOf(db: Db, ctx: AuthedContext, id: string): Promise<z.output<typeof formUsage>> {
  await loadForDesign(db, ctx, id);
  return { copies: await q.copiesOf(db, id) };
}

/** What changed between two versions of a form (drafts only for its designers). */
export async function diffVersions(db: Db, ctx: AuthedContext, id: string, fromId: string, toId: string): Promise<FormDiff> {
  const form = await loadReadable(db, ctx, id);
  const [from, to] = await Promise.all([loadVersion(db, form, fromId), loadVersion(db, form, toId)]);
  const kind = form.form.kind as FormKind;
  const before = parseOrThrow(kind, from.definition, form.form.ownerUnitId);
  const after = parseOrThrow(kind, to.definition, form.form.ownerUnitId);
  const ref = (v: q.FormVersionRow) => ({ id: v.id, versionNo: v.versionNo, status: v.status as 'draft' | 'published' });
  return { formId: id, kind, from: ref(from), to: ref(to), ...diffDefinitions(kind, before, after) };
}

import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  foldDiacritics,
  parseDefinition,
  problemPath,
  type AnyDefinition,
  type DefinitionProblem,
  type FormKind,
  type FormSummary,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError, isUniqueViolation } from '../../http/errors.ts';
import { type AuthedContext, authorize, unitScopeSql } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { presentForm } from './presenter.ts';
import * as q from './queries.ts';

/** What the actor may see: forms it may design, and published forms shared with its units. */
export function visibilityOf(ctx: AuthedContext): q.Visibility {
  const units = [ctx.actor.unitId, ...ctx.actor.grants.map((g) => g.unitId)];
  return { design: unitScopeSql(ctx.actor, 'form.design'), shared: q.sharedWithUnitsSql([...new Set(units)]) };
}

export type LoadedForm = NonNullable<Awaited<ReturnType<typeof q.findFormRow>>>;

/** A form the actor may read; drafts only matter when `canDesign`. */
export async function loadReadable(db: Db, ctx: AuthedContext, id: string): Promise<LoadedForm> {
  const row = await q.findFormRow(db, id, visibilityOf(ctx));
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy biểu mẫu.');
  if (!row.readable) {
    throw new AppError('FORBIDDEN', undefined, 'Biểu mẫu này không thuộc phạm vi của bạn và chưa được chia sẻ với đơn vị của bạn.');
  }
  return row;
}

/** A form the actor may design: its owner unit lies in the actor's 'form.design' scope. */
export async function loadForDesign(db: Db, ctx: AuthedContext, id: string): Promise<q.FormRow> {
  const row = await q.findForm(db, id);
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy biểu mẫu.');
  await authorize(db, ctx.actor, 'form.design', [row.ownerUnitId]);
  return row;
}

/** A version of a readable form; a draft is visible only to those who may design the form. */
export async function loadVersion(db: Db, form: LoadedForm, versionId: string): Promise<q.FormVersionRow> {
  const version = await q.findVersion(db, form.form.id, versionId);
  if (!version || (version.status === 'draft' && !form.canDesign)) {
    throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy phiên bản biểu mẫu.');
  }
  return version;
}

/** Summaries of many forms with three set-based look-ups (versions, shares, origins), not one per form. */
export async function summarize(db: Db, rows: { form: q.FormRow; ownerUnitName: string; canDesign: boolean }[]): Promise<FormSummary[]> {
  const ids = rows.map((r) => r.form.id);
  const originIds = [...new Set(rows.map((r) => r.form.copiedFromVersionId).filter((v): v is string => v !== null))];
  const [versions, shares, origins] = await Promise.all([
    q.currentVersionsOf(db, ids),
    q.sharesOf(db, ids),
    q.versionOrigins(db, originIds),
  ]);
  const originById = new Map(origins.map((o) => [o.versionId, o]));
  return rows.map((r) => {
    const mine = versions.filter((v) => v.formId === r.form.id);
    const origin = r.form.copiedFromVersionId ? originById.get(r.form.copiedFromVersionId) : undefined;
    return presentForm(r.form, {
      ownerUnitName: r.ownerUnitName,
      canDesign: r.canDesign,
      sharedWith: shares
        .filter((s) => s.formId === r.form.id)
        .map((s) => ({ unitId: s.unitId, unitName: s.unitName, includeSubtree: s.includeSubtree })),
      copiedFrom: origin ? { formId: origin.formId, code: origin.code, name: origin.name, versionNo: origin.versionNo } : null,
      latestPublished: mine.find((v) => v.status === 'published'),
      draft: mine.find((v) => v.status === 'draft'),
    });
  });
}

export async function summarizeOne(db: Db, ctx: AuthedContext, id: string): Promise<FormSummary> {
  const row = await loadReadable(db, ctx, id);
  return (await summarize(db, [row]))[0]!;
}

export function toProblems(problems: { path: (string | number)[]; message: string; severity: 'error' | 'warning' }[]): DefinitionProblem[] {
  return problems.map((p) => ({ path: problemPath(p.path), message: p.message, severity: p.severity }));
}

/**
 * The definition parsed by its kind's schema, with the owner unit written in (the form row is the
 * truth about ownership). A definition that does not parse is refused with every problem listed.
 */
export function parseOrThrow(kind: FormKind, input: unknown, ownerUnitId: string): AnyDefinition {
  const raw = input !== null && typeof input === 'object' && !Array.isArray(input) ? { ...input, ownerUnitId } : input;
  const parsed = parseDefinition(kind, raw);
  if (parsed.ok) return parsed.definition;
  const problems = toProblems(parsed.problems);
  throw new AppError(
    'VALIDATION_FAILED',
    { problems },
    `Nội dung biểu mẫu chưa hợp lệ (${problems.length} lỗi), ví dụ ${problems[0]?.path || 'biểu mẫu'}: ${problems[0]?.message ?? ''}`,
  );
}

/** SHA-256 of the definition's RFC 8785 canonical JSON: equal content, equal hash. */
export function contentHash(definition: unknown): string {
  return createHash('sha256')
    .update(canonicalize(definition) ?? '')
    .digest('hex');
}

/** The form row's fields that follow its definition. */
export function identityOf(definition: AnyDefinition) {
  const fieldGroup = definition.fieldGroup ?? null;
  return {
    code: definition.code,
    name: definition.name,
    fieldGroup,
    searchText: foldDiacritics([definition.code, definition.name, fieldGroup].filter(Boolean).join(' ')).toLowerCase(),
  };
}

export function rethrowDuplicateCode(error: unknown, code: string): never {
  if (isUniqueViolation(error, 'form_owner_code_uq')) {
    throw new AppError('DUPLICATE_CODE', { field: 'code' }, `Đơn vị chủ trì đã có biểu mẫu mang ký hiệu "${code}".`);
  }
  throw error;
}

export async function requireActiveUnit(db: Db, unitId: string): Promise<void> {
  const [unit] = await q.unitsByIds(db, [unitId]);
  if (!unit) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị.');
  if (!unit.active) throw new AppError('UNIT_INACTIVE', undefined, 'Đơn vị chủ trì đã ngừng hoạt động.');
}

/**
 * Creates a form and its first draft (version 1) in the caller's transaction, with its audit row.
 * Used by "create" and by "copy a template".
 */
export async function insertFormWithDraft(
  tx: Db,
  ctx: AuthedContext,
  input: { kind: FormKind; ownerUnitId: string; definition: AnyDefinition; copiedFromVersionId?: string },
  audit: { action: 'form.created' | 'form.copied'; summary?: Record<string, unknown> },
): Promise<q.FormRow> {
  const identity = identityOf(input.definition);
  const hash = contentHash(input.definition);
  const created = await q.insertForm(tx, {
    ...identity,
    kind: input.kind,
    ownerUnitId: input.ownerUnitId,
    copiedFromVersionId: input.copiedFromVersionId ?? null,
    createdBy: ctx.actor.id,
  });
  const draft = await q.insertVersion(tx, {
    formId: created.id,
    versionNo: 1,
    status: 'draft',
    definition: input.definition,
    contentHash: hash,
    createdBy: ctx.actor.id,
  });
  await recordAudit(tx, ctx, {
    action: audit.action,
    targetType: 'form',
    targetId: created.id,
    unitId: input.ownerUnitId,
    summary: { code: identity.code, name: identity.name, kind: input.kind, draftVersionId: draft.id, contentHash: hash, ...audit.summary },
  });
  return created;
}

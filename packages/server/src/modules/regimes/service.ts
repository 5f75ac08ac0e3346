import {
  addDays,
  defaultDeadlineRule,
  foldDiacritics,
  maxIsoDate,
  normalizeText,
  planPeriods,
  regimeContent,
  todayInVietnam,
  type createRegimeBody,
  type DeadlineRuleInput,
  type PeriodPreview,
  type PeriodType,
  type previewPeriodsBody,
  type publishRegimeBody,
  type RegimeContent,
  type RegimeDetail,
  type regimeListQuery,
  type RegimeSummary,
  type ReportingUnitSelection,
  type saveRegimeDraftBody,
} from '@baocao/core';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Clock } from '../../jobs/clock.ts';
import { type AuthedContext, authorize, unitScopeSql } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { loadWorkingCalendar } from '../calendar/index.ts';
import { presentDetail, presentSummary, presentVersion, type RegimeVersionDetail } from './presenter.ts';
import * as q from './queries.ts';
import { checkContent, namesOf, resolveReportingUnits, rethrowDuplicateCode, searchTextOf } from './support.ts';

type ListQuery = z.output<typeof regimeListQuery>;
type CreateInput = z.output<typeof createRegimeBody>;
type SaveDraftInput = z.output<typeof saveRegimeDraftBody>;
type PublishInput = z.output<typeof publishRegimeBody>;
type PreviewInput = z.output<typeof previewPeriodsBody>;

/**
 * Reporting regimes (chế độ báo cáo). A regime is created with draft version 1; the draft is edited
 * (optimistic revision) until it is published; a published version never changes, because periods
 * are opened from it: changing a regime in force means a new version, copied from the current one.
 * Those with 'regime.manage' on the owner unit (đơn vị chủ trì) manage and read it.
 */

export interface RegimeDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

export async function listRegimes(db: Db, ctx: AuthedContext, query: ListQuery) {
  const search = query.q ? foldDiacritics(normalizeText(query.q)).toLowerCase() : undefined;
  const { items, total } = await q.listRegimeRows(db, {
    scope: unitScopeSql(ctx.actor, 'regime.manage'),
    search: search || undefined,
    kind: query.kind,
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
  });
  const ids = items.map((i) => i.regime.id);
  const [versions, open] = await Promise.all([q.listVersionRows(db, ids), q.openPeriodCounts(db, ids)]);
  const summaries: RegimeSummary[] = items.map((i) =>
    presentSummary(i.regime, {
      ownerUnitName: i.ownerUnitName,
      versions: versions.filter((v) => v.regimeId === i.regime.id),
      openPeriods: open.get(i.regime.id) ?? 0,
      canManage: true,
    }),
  );
  return { items: summaries, total, page: query.page, pageSize: query.pageSize };
}

/** A regime the actor may manage: its owner unit lies in the actor's 'regime.manage' scope. */
async function loadForManage(db: Db, ctx: AuthedContext, id: string) {
  const row = await q.findRegimeWithOwner(db, id);
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy chế độ báo cáo.');
  await authorize(db, ctx.actor, 'regime.manage', [row.regime.ownerUnitId]);
  return row;
}

export async function getRegime(db: Db, ctx: AuthedContext, id: string): Promise<RegimeDetail> {
  const row = await loadForManage(db, ctx, id);
  return detailOf(db, row.regime, row.ownerUnitName);
}

/** One version's content: a published one stays readable after a newer one is in force. */
export async function getVersion(db: Db, ctx: AuthedContext, id: string, versionId: string): Promise<RegimeVersionDetail> {
  await loadForManage(db, ctx, id);
  const version = await q.findVersion(db, versionId);
  if (!version || version.regimeId !== id) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy phiên bản chế độ báo cáo.');
  return { ...presentVersion(version), content: regimeContent.parse(version.content) };
}

async function detailOf(db: Db, regime: q.RegimeRow, ownerUnitName: string): Promise<RegimeDetail> {
  const [versions, open] = await Promise.all([q.listVersionRows(db, [regime.id]), q.openPeriodCounts(db, [regime.id])]);
  const draftSummary = versions.find((v) => v.status === 'draft');
  const shownId = draftSummary?.id ?? regime.currentVersionId;
  const shown = shownId ? await q.findVersion(db, shownId) : undefined;
  if (!shown) throw new AppError('NOT_FOUND', undefined, 'Chế độ báo cáo không có phiên bản nào.');
  const content = regimeContent.parse(shown.content);
  return presentDetail(regime, {
    ownerUnitName,
    versions,
    openPeriods: open.get(regime.id) ?? 0,
    canManage: true,
    content,
    editing: shown.status === 'draft',
    names: await namesOf(db, regime.ownerUnitId, content),
  });
}

async function requireActiveOwner(db: Db, unitId: string): Promise<void> {
  const [unit] = await q.unitsByIds(db, [unitId]);
  if (!unit) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị.');
  if (!unit.active) throw new AppError('UNIT_INACTIVE', undefined, 'Đơn vị chủ trì đã ngừng hoạt động.');
}

/** The regime row's fields that follow its content while it has never been published. */
function identityOf(code: string, content: RegimeContent) {
  return { name: content.name, kind: content.kind, frequency: content.frequency, searchText: searchTextOf(code, content.name) };
}

export async function createRegime(deps: RegimeDeps, ctx: AuthedContext, input: CreateInput): Promise<RegimeDetail> {
  const { db, clock } = deps;
  await authorize(db, ctx.actor, 'regime.manage', [input.ownerUnitId]);
  await requireActiveOwner(db, input.ownerUnitId);
  const now = clock.now();
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      await checkContent(tx, input.content, { forPublish: false });
      const created = await q.insertRegime(tx, {
        code: input.code,
        ...identityOf(input.code, input.content),
        ownerUnitId: input.ownerUnitId,
        status: 'draft',
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      });
      const draft = await q.insertVersion(tx, {
        regimeId: created.id,
        versionNo: 1,
        status: 'draft',
        content: input.content,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, ctx, {
        action: 'regime.created',
        targetType: 'regime',
        targetId: created.id,
        unitId: input.ownerUnitId,
        summary: { code: input.code, name: input.content.name, kind: input.content.kind, draftVersionId: draft.id },
      });
      return created.id;
    });
  } catch (error) {
    rethrowDuplicateCode(error, input.code);
  }
  return getRegime(db, ctx, id);
}

export async function saveDraft(deps: RegimeDeps, ctx: AuthedContext, id: string, input: SaveDraftInput): Promise<RegimeDetail> {
  const { db, clock } = deps;
  const { regime } = await loadForManage(db, ctx, id);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const locked = (await q.lockRegime(tx, id))!;
    const draft = await q.findDraft(tx, id);
    if (!draft) throw new AppError('REGIME_VERSION_PUBLISHED');
    if (draft.revision !== input.revision) throw new AppError('CONFLICT');
    await checkContent(tx, input.content, { forPublish: false });
    const updated = await q.updateDraftRow(tx, draft.id, { content: input.content, revision: draft.revision + 1 }, now);
    // Until a version is published, the regime is known by its draft's name, kind and frequency.
    await q.updateRegimeRow(tx, id, locked.currentVersionId ? {} : identityOf(locked.code, input.content), now);
    await recordAudit(tx, ctx, {
      action: 'regime.draft_saved',
      targetType: 'regime',
      targetId: id,
      unitId: regime.ownerUnitId,
      summary: { versionNo: updated.versionNo, versionId: updated.id, revision: updated.revision },
    });
  });
  return getRegime(db, ctx, id);
}

/** A new draft copied from the version in force, to change a regime that is already published. */
export async function startVersion(deps: RegimeDeps, ctx: AuthedContext, id: string): Promise<RegimeDetail> {
  const { db, clock } = deps;
  const { regime } = await loadForManage(db, ctx, id);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const locked = (await q.lockRegime(tx, id))!;
    const existing = await q.findDraft(tx, id);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        { draftVersionId: existing.id, versionNo: existing.versionNo },
        `Chế độ báo cáo đang có bản nháp (phiên bản ${existing.versionNo}); hãy sửa hoặc ban hành bản nháp đó.`,
      );
    }
    const current = locked.currentVersionId ? await q.findVersion(tx, locked.currentVersionId) : undefined;
    if (!current) throw new AppError('NOT_FOUND', undefined, 'Chế độ báo cáo chưa có phiên bản nào được ban hành.');
    const draft = await q.insertVersion(tx, {
      regimeId: id,
      versionNo: (await q.maxVersionNo(tx, id)) + 1,
      status: 'draft',
      content: current.content,
      createdBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await q.updateRegimeRow(tx, id, {}, now);
    await recordAudit(tx, ctx, {
      action: 'regime.draft_started',
      targetType: 'regime',
      targetId: id,
      unitId: regime.ownerUnitId,
      summary: { versionNo: draft.versionNo, versionId: draft.id, fromVersionNo: current.versionNo },
    });
  });
  return getRegime(db, ctx, id);
}

/**
 * Publishes the draft: checked with every rule of publication (LEGAL R7–R11), it becomes the
 * version in force and the regime is active. Opening its due periods is the caller's next step,
 * after this transaction has committed.
 */
export async function publishDraft(deps: RegimeDeps, ctx: AuthedContext, id: string, input: PublishInput): Promise<RegimeDetail> {
  const { db, clock } = deps;
  const { regime } = await loadForManage(db, ctx, id);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const locked = (await q.lockRegime(tx, id))!;
    const draft = await q.findDraft(tx, id);
    if (!draft) throw new AppError('NOT_FOUND', undefined, 'Chế độ báo cáo không có bản nháp để ban hành.');
    if (draft.revision !== input.revision) throw new AppError('CONFLICT');
    const content = regimeContent.parse(draft.content);
    await checkContent(tx, content, { forPublish: true });
    const note = input.note === undefined ? draft.note : input.note;
    await q.updateDraftRow(tx, draft.id, { status: 'published', publishedAt: now, publishedBy: ctx.actor.id, note }, now);
    await q.updateRegimeRow(tx, id, { ...identityOf(locked.code, content), currentVersionId: draft.id, status: 'active' }, now);
    await recordAudit(tx, ctx, {
      action: 'regime.published',
      targetType: 'regime',
      targetId: id,
      unitId: regime.ownerUnitId,
      summary: {
        versionNo: draft.versionNo,
        versionId: draft.id,
        previousVersionId: locked.currentVersionId,
        previousStatus: locked.status,
        note,
      },
    });
  });
  return getRegime(db, ctx, id);
}

/** Stops a regime in force: no new periods open; periods already open go on. */
export async function stopRegime(deps: RegimeDeps, ctx: AuthedContext, id: string, reason: string | null): Promise<RegimeDetail> {
  const { db, clock } = deps;
  const { regime } = await loadForManage(db, ctx, id);
  await db.transaction(async (tx) => {
    const locked = (await q.lockRegime(tx, id))!;
    if (locked.status !== 'active') {
      throw new AppError(
        'CONFLICT',
        { status: locked.status },
        locked.status === 'stopped' ? 'Chế độ báo cáo đã ngừng áp dụng.' : 'Chế độ báo cáo chưa được ban hành nên không cần ngừng áp dụng.',
      );
    }
    await q.updateRegimeRow(tx, id, { status: 'stopped' }, clock.now());
    await recordAudit(tx, ctx, {
      action: 'regime.stopped',
      targetType: 'regime',
      targetId: id,
      unitId: regime.ownerUnitId,
      summary: { reason, versionId: locked.currentVersionId },
    });
  });
  return getRegime(db, ctx, id);
}

/** How many days `count` periods of a type span at most, with a margin. */
const PERIOD_SPAN_DAYS: Record<Exclude<PeriodType, 'custom'>, number> = {
  day: 1,
  half_month: 17,
  week: 7,
  month: 31,
  quarter: 92,
  half_year: 184,
  nine_months: 366,
  year: 366,
  school_year: 366,
};

/**
 * The next `count` periods of a regime as it stands in the wizard, with windows and deadlines per
 * level, computed with the working calendar. Starts at `from`, by default today in Vietnam (or the
 * first day in force, if later); custom periods are all listed from `from` when given. No writes.
 */
export async function previewPeriods(deps: RegimeDeps, ctx: AuthedContext, input: PreviewInput): Promise<{ periods: PeriodPreview[] }> {
  await authorize(deps.db, ctx.actor, 'regime.manage', []);
  const calendar = await loadWorkingCalendar(deps.db);
  const content = input.content;
  let range: { from: string; to: string };
  if (content.frequency === 'custom') {
    range = { from: input.from ?? '1900-01-01', to: '2199-12-31' };
  } else {
    const from = input.from ?? maxIsoDate(todayInVietnam(deps.clock.now()), content.effectiveFrom);
    range = { from, to: addDays(from, PERIOD_SPAN_DAYS[content.frequency] * (input.count + 1) + 62) };
  }
  const planned = planPeriods(content, calendar, range).slice(0, input.count);
  return {
    periods: planned.map((p) => ({
      code: p.code,
      label: p.label,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      opensOn: p.opensOn,
      deadlines: p.deadlines.map((d) => ({ label: d.label, date: d.date, time: d.time, at: d.at.toISOString() })),
    })),
  };
}

/** The units a selection resolves to, for the wizard: the first 200 and how many in all. */
export async function previewUnits(db: Db, ctx: AuthedContext, selection: ReportingUnitSelection) {
  await authorize(db, ctx.actor, 'regime.manage', []);
  const units = await resolveReportingUnits(db, selection);
  return { total: units.length, units: units.slice(0, 200) };
}

/**
 * The deadline rule a new level starts with: the 25th of the period's last month when the regime
 * reports to the Government or the Prime Minister (LEGAL R8), otherwise the province's default of N
 * working days after the cut-off (LEGAL R10, N from the configuration).
 */
export async function defaultDeadline(
  deps: RegimeDeps,
  ctx: AuthedContext,
  opts: { frequency: PeriodType; reportsToGovernment: boolean },
): Promise<{ rule: DeadlineRuleInput }> {
  await authorize(deps.db, ctx.actor, 'regime.manage', []);
  const rule = defaultDeadlineRule({ ...opts, defaultWorkingDays: deps.config.deadlineDefaultWorkingDays });
  return { rule: { ...rule, rollForward: rule.rollForward ?? true } };
}

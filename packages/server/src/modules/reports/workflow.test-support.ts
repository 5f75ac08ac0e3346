import type { FormInput, ReportDetail, ReportCellValue, OutlineInput } from '@baocao/core';
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { DatabaseKind, Db } from '../../db/client.ts';
import { systemContext } from '../../test/factories.ts';
import { assignmentsFixture, assignmentsOf, type Client, type MonthlyRegimeOptions } from '../assignments/fixtures.test-support.ts';
import { createForm, publishDraft } from '../forms/index.ts';
import { report } from './tables.ts';

/**
 * The assignments fixture (a province, its planning department's monthly regimes received by the
 * provincial office, three reporting communes) with the people of a report's workflow: An Lạc's
 * officer (nhập liệu), reviewer (kiểm tra) and leader (duyệt, gửi); the office's leader, who
 * receives (tiếp nhận), and its officer, who may read incoming reports but not accept them.
 */
export async function reportsFixture(backend: DatabaseKind, start?: Date) {
  const f = await assignmentsFixture(backend, start);
  const outline = await publish(f.db, f.units.planning, 'outline', outlineDefinition());
  const people = {
    officer: f.anLacOfficer,
    reviewer: await f.userWith([{ role: 'reviewer', unitId: f.units.anLac }]),
    leader: f.anLacLeader,
    receiver: await f.userWith([{ role: 'approver', unitId: f.units.office }]),
    officeOfficer: f.officeOfficer,
  };
  const budget = f.formVersionId;

  /** A monthly regime (the budget form; options add others) opened now, and its period's assignments by unit. */
  const regime = async (code: string, options: MonthlyRegimeOptions = {}) => {
    const { regimeId, periodId } = await f.openedMonthlyRegime(code, { formIds: [f.formId], ...options });
    const assignments = await assignmentsOf(f.db, periodId);
    const assignmentOf = (unitId: string) => assignments.find((a) => a.unitId === unitId)!.id;
    return { regimeId, periodId, assignmentOf, anLac: assignmentOf(f.units.anLac) };
  };

  const ok = <T = ReportDetail>(res: { statusCode: number; body: string; json(): unknown }): T => {
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const open = async (c: Client, assignmentId: string) => ok(await c.post(`/api/v1/assignments/${assignmentId}/report`));
  const detail = async (c: Client, reportId: string) => ok(await c.get(`/api/v1/reports/${reportId}`));
  /** A workflow step at the revision the caller sees, one minute after the previous one. */
  const act = async (c: Client, reportId: string, action: string, extra: Record<string, unknown> = {}) => {
    const { revision } = await detail(c, reportId);
    f.clock.advance(60_000);
    return c.post(`/api/v1/reports/${reportId}/transitions`, { action, revision, ...extra });
  };
  const step = async (c: Client, reportId: string, action: string, extra: Record<string, unknown> = {}) =>
    ok(await act(c, reportId, action, extra));
  /** Saves cell values of one form at the revision the caller sees. */
  const save = async (c: Client, reportId: string, values: Record<string, ReportCellValue>, formVersionId = budget) => {
    const { version } = await detail(c, reportId);
    return c.patch(`/api/v1/reports/${reportId}/data`, { revision: version.revision, patch: { forms: { [formVersionId]: { values } } } });
  };
  /** Opens, fills, submits, approves and sends An Lạc's (or another unit's) report. */
  const sendThrough = async (assignmentId: string, values: Record<string, ReportCellValue> = {}, sender = people) => {
    const { id } = await open(sender.officer, assignmentId);
    if (Object.keys(values).length > 0) ok(await save(sender.officer, id, values));
    await step(sender.officer, id, 'submit');
    await step(sender.leader, id, 'approve');
    await step(sender.leader, id, 'send');
    return id;
  };
  const acceptThrough = async (assignmentId: string, values: Record<string, ReportCellValue> = {}, sender = people) => {
    const id = await sendThrough(assignmentId, values, sender);
    await step(people.receiver, id, 'accept');
    return id;
  };
  const reportCount = async (assignmentId: string) =>
    (await f.db.select({ id: report.id }).from(report).where(eq(report.assignmentId, assignmentId))).length;

  return {
    ...f,
    ...people,
    budget,
    outline,
    regime,
    ok,
    open,
    detail,
    act,
    step,
    save,
    sendThrough,
    acceptThrough,
    reportCount,
    /** An officer and leader of another unit (for reports of Bình Minh, Cát Hải…). */
    senderOf: async (unitId: string) => ({
      officer: await f.userWith([{ role: 'data_entry', unitId }]),
      leader: await f.userWith([{ role: 'approver', unitId }]),
    }),
  };
}

export type ReportsFixture = Awaited<ReturnType<typeof reportsFixture>>;

/** Publishes a form of `kind` owned by `ownerUnitId`; its form and version ids. */
export async function publish(db: Db, ownerUnitId: string, kind: 'table' | 'outline', definition: FormInput | OutlineInput) {
  const ctx = systemContext();
  const created = await createForm(db, ctx, { kind, ownerUnitId, definition });
  const published = await publishDraft(db, ctx, created.id, { revision: created.draft!.revision, note: null });
  return { formId: created.id, versionId: published.latestPublished!.id };
}

/** Đề cương: a required general section and an optional one. */
export function outlineDefinition(): OutlineInput {
  return {
    name: 'Đề cương báo cáo tình hình kinh tế - xã hội',
    code: 'ĐC-01/KHĐT',
    sections: [
      { id: 'tinh-hinh', title: 'Tình hình chung', required: true },
      { id: 'kien-nghi', title: 'Kiến nghị, đề xuất', maxLength: 50 },
    ],
  };
}

/** Rows of audit_log about a target, in order: action and summary. */
export async function auditRows(db: Db, targetId: string): Promise<{ action: string; summary: Record<string, unknown> }[]> {
  const res = await db.execute(sql`select action, summary from audit_log where target_id = ${targetId} order by seq`);
  return (res as unknown as { rows: { action: string; summary: Record<string, unknown> }[] }).rows;
}

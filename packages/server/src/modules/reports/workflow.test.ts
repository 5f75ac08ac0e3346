import type { ReportDetail } from '@baocao/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { assignmentsOf, notificationsOf } from '../assignments/fixtures.test-support.ts';
import { auditRows, reportsFixture, type ReportsFixture } from './workflow.test-support.ts';

describe.each(backends)('reports: the whole workflow through HTTP on %s', (backend) => {
  let f: ReportsFixture;
  let periodId: string;
  let assignmentId: string;
  let id: string;
  beforeAll(async () => {
    f = await reportsFixture(backend);
    ({ periodId, anLac: assignmentId } = await f.regime('BC-QT'));
  }, 120_000);
  afterAll(() => f.t.close());

  const assignment = async () => (await assignmentsOf(f.db, periodId)).find((a) => a.id === assignmentId)!;
  const notificationsTo = async (userId: string) =>
    (await notificationsOf(f.db, [userId], 'workflow')).map((n) => ({ title: n.title, body: n.body, link: n.link }));
  const error = (res: { statusCode: number; json(): unknown }) => ({
    status: res.statusCode,
    code: (res.json() as { error: { code: string } }).error.code,
  });

  it('opens the report once: draft, empty version 1, a created event and audit row, the assignment in progress', async () => {
    const opened = await f.open(f.officer, assignmentId);
    id = opened.id;
    expect(opened).toMatchObject({
      state: 'draft',
      versionNo: 1,
      unitName: 'UBND xã An Lạc',
      receivingUnitName: 'Văn phòng UBND tỉnh',
      periodLabel: 'Tháng 1/2026',
      editable: true,
      actions: ['save', 'submit'],
      consolidates: false,
      revision: 1,
      version: { versionNo: 1, revision: 1, data: { forms: {}, narrative: {}, attachments: [] } },
    });
    expect(opened.forms.map((x) => x.code)).toEqual(['01/KHĐT']);
    expect(opened.events.map((e) => [e.action, e.fromState, e.toState])).toEqual([['created', null, 'draft']]);
    // Opening again (anyone who may read it) gives the same report.
    expect((await f.open(f.officer, assignmentId)).id).toBe(id);
    expect((await f.open(f.receiver, assignmentId)).id).toBe(id);
    expect(await f.reportCount(assignmentId)).toBe(1);
    expect((await assignment()).status).toBe('in_progress');
    expect((await auditRows(f.db, id)).map((r) => r.action)).toEqual(['report.created']);
  });

  it('shows each person only the buttons of their side and permission', async () => {
    expect((await f.detail(f.reviewer, id)).actions).toEqual([]);
    expect((await f.detail(f.leader, id)).actions).toEqual([]);
    // The receiver may record an out-of-band arrival of a report still in draft.
    expect((await f.detail(f.receiver, id)).actions).toEqual(['record_out_of_band']);
    expect((await f.detail(f.officeOfficer, id)).actions).toEqual([]);
    expect((await f.detail(f.receiver, id)).editable).toBe(false);
  });

  it('refuses steps of the wrong side, permission or state, and a stale revision, changing nothing', async () => {
    f.ok(await f.save(f.officer, id, { 'R11:KH': '100', 'R11:KN': '10', 'R12:KN': '5', 'R2:KN': '7' }));
    const before = await f.detail(f.officer, id);
    // The receiver tries to submit the unit's report.
    expect(error(await f.act(f.receiver, id, 'submit'))).toEqual({ status: 403, code: 'TRANSITION_FORBIDDEN' });
    // Sending a draft.
    expect(error(await f.act(f.leader, id, 'send'))).toEqual({ status: 409, code: 'TRANSITION_NOT_ALLOWED' });
    const stale = await f.officer.post(`/api/v1/reports/${id}/transitions`, { action: 'submit', revision: before.revision - 1 });
    expect(error(stale)).toEqual({ status: 409, code: 'REPORT_STALE' });
    const after = await f.detail(f.officer, id);
    expect({ state: after.state, revision: after.revision, events: after.events.length }).toEqual({
      state: 'draft',
      revision: before.revision,
      events: before.events.length,
    });
  });

  it('runs draft → submitted → reviewed → approved → sent, recording the sending time', async () => {
    const submitted = await f.step(f.officer, id, 'submit');
    expect(submitted).toMatchObject({ state: 'submitted', editable: false, revision: 2 });
    // Data entry may not approve; the sending leader may not accept.
    expect(error(await f.act(f.officer, id, 'approve'))).toEqual({ status: 403, code: 'TRANSITION_FORBIDDEN' });
    expect((await f.step(f.reviewer, id, 'review')).state).toBe('reviewed');
    expect((await f.step(f.leader, id, 'approve')).state).toBe('approved');
    const sent = await f.step(f.leader, id, 'send');
    const sentAt = f.clock.now().toISOString();
    expect(sent).toMatchObject({ state: 'sent', sentAt, outOfBand: false, timeliness: 'on_time', lateMinutes: 0 });
    expect(error(await f.act(f.leader, id, 'accept'))).toEqual({ status: 403, code: 'TRANSITION_FORBIDDEN' });
    // Reading the incoming report does not make the office's officer a receiver.
    expect(error(await f.act(f.officeOfficer, id, 'accept'))).toEqual({ status: 403, code: 'TRANSITION_FORBIDDEN' });
    const a = await assignment();
    expect({ status: a.status, sentAt: a.sentAt?.toISOString() }).toEqual({ status: 'sent', sentAt });
    expect(await notificationsTo(f.officer.userId)).toContainEqual({
      title: 'Báo cáo chờ kiểm tra, duyệt',
      body: `Tháng 1/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: ${await userName(f, f.officer.userId)} đã trình báo cáo của UBND xã An Lạc.`,
      link: `/bao-cao/${id}`,
    });
    expect(await notificationsTo(f.receiver.userId)).toEqual([
      {
        title: 'Có báo cáo mới gửi đến',
        body: 'Tháng 1/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: UBND xã An Lạc đã gửi báo cáo.',
        link: `/bao-cao/${id}`,
      },
    ]);
  });

  it('returns with a written reason only; the unit corrects and sends again; the office accepts and the version locks', async () => {
    expect(error(await f.act(f.receiver, id, 'return'))).toEqual({ status: 400, code: 'REASON_REQUIRED' });
    const returned = await f.step(f.receiver, id, 'return', { reason: 'Thiếu số liệu chi ngân sách quý.' });
    expect(returned).toMatchObject({ state: 'returned', returnCount: 1, timeliness: 'pending' });
    expect(await assignment()).toMatchObject({ status: 'returned', sentAt: null });
    expect(await notificationsTo(f.officer.userId)).toContainEqual({
      title: 'Báo cáo bị trả lại',
      body: 'Tháng 1/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: Văn phòng UBND tỉnh trả lại báo cáo của UBND xã An Lạc. Lý do: Thiếu số liệu chi ngân sách quý.',
      link: `/bao-cao/${id}`,
    });

    expect((await f.detail(f.officer, id)).editable).toBe(true);
    f.ok(await f.save(f.officer, id, { 'R2:KN': '8' }));
    await f.step(f.officer, id, 'submit');
    // A reviewer hands it back to the drafter (with a reason), who submits again.
    expect(error(await f.act(f.reviewer, id, 'send_back'))).toEqual({ status: 400, code: 'REASON_REQUIRED' });
    expect((await f.step(f.reviewer, id, 'send_back', { reason: 'Ghi rõ nguồn số liệu.' })).state).toBe('draft');
    await f.step(f.officer, id, 'submit');
    // The leader approves straight from "submitted" (no second review needed).
    await f.step(f.leader, id, 'approve');
    await f.step(f.leader, id, 'send');
    const accepted = await f.step(f.receiver, id, 'accept');
    expect(accepted).toMatchObject({ state: 'accepted', editable: false, actions: [] });
    expect(accepted.versions).toEqual([expect.objectContaining({ versionNo: 1, locked: true, reason: null })]);
    expect((await assignment()).status).toBe('accepted');
    expect((await f.detail(f.leader, id)).actions).toEqual(['request_correction']);
    expect(error(await f.save(f.officer, id, { 'R2:KN': '9' }))).toEqual({ status: 409, code: 'REPORT_NOT_EDITABLE' });
  });

  it('corrects only through an approved request: version 2 opens in draft with the data copied, version 1 stays locked', async () => {
    expect(error(await f.act(f.leader, id, 'request_correction'))).toEqual({ status: 400, code: 'REASON_REQUIRED' });
    await f.step(f.leader, id, 'request_correction', { reason: 'Sai số chi ngân sách.' });
    expect((await f.step(f.receiver, id, 'refuse_correction', { reason: 'Số liệu đã đối chiếu, không cần sửa.' })).state).toBe('accepted');
    await f.step(f.leader, id, 'request_correction', { reason: 'Sai số thu nội địa.' });
    expect(await notificationsTo(f.receiver.userId)).toContainEqual({
      title: 'Đề nghị đính chính báo cáo',
      body: 'Tháng 1/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: UBND xã An Lạc đề nghị đính chính báo cáo đã được tiếp nhận. Lý do: Sai số thu nội địa.',
      link: `/bao-cao/${id}`,
    });
    const corrected = await f.step(f.receiver, id, 'approve_correction');
    expect(corrected).toMatchObject({ state: 'draft', versionNo: 2, version: { versionNo: 2, revision: 1 } });
    expect(corrected.versions.map((v) => [v.versionNo, v.locked, v.reason])).toEqual([
      [1, true, null],
      [2, false, 'Sai số thu nội địa.'],
    ]);
    const v1 = f.ok<{ data: ReportDetail['version']['data']; locked: boolean }>(await f.leader.get(`/api/v1/reports/${id}/versions/1`));
    expect(v1.locked).toBe(true);
    expect(corrected.version.data).toEqual(v1.data);
    expect(corrected.version.data.forms[f.budget]!.values).toEqual({ 'R11:KH': '100', 'R11:KN': '10', 'R12:KN': '5', 'R2:KN': '8' });
    // The sent and accepted report still counts as sent on time while it is being corrected.
    expect(corrected.timeliness).toBe('on_time');
    expect((await assignment()).status).toBe('in_progress');

    // The database itself refuses to change an accepted version's data.
    await expect(
      f.db.execute(
        sql`update report_version set data = '{"forms":{},"narrative":{},"attachments":[]}'::jsonb where report_id = ${id} and version_no = 1`,
      ),
    ).rejects.toThrow();
  });

  it('runs the correction through the same workflow; the difference view shows the changed cell', async () => {
    const firstSentAt = (await f.detail(f.officer, id)).sentAt;
    f.ok(await f.save(f.officer, id, { 'R11:KN': '12.5' }));
    await f.step(f.officer, id, 'submit');
    await f.step(f.leader, id, 'approve');
    await f.step(f.leader, id, 'send');
    const accepted = await f.step(f.receiver, id, 'accept');
    expect(accepted).toMatchObject({ state: 'accepted', versionNo: 2, sentAt: firstSentAt });
    expect(accepted.versions.map((v) => v.locked)).toEqual([true, true]);

    const diff = f.ok<{ cells: { row: string; col: string; before: unknown; after: unknown; rowLabel: string }[] }>(
      await f.receiver.get(`/api/v1/reports/${id}/diff?from=1&to=2`),
    );
    expect(diff.cells.map((c) => [c.row, c.col, c.before, c.after])).toEqual([['R11', 'KN', '10', '12.5']]);
    expect((await f.receiver.get(`/api/v1/reports/${id}/diff?from=1&to=3`)).statusCode).toBe(404);
  });

  it('keeps the timeline, the audit trail and the content as it was at each step', async () => {
    const d = await f.detail(f.receiver, id);
    expect(d.events.map((e) => [e.action, e.toState, e.versionNo])).toEqual([
      ['created', 'draft', 1],
      ['submit', 'submitted', 1],
      ['review', 'reviewed', 1],
      ['approve', 'approved', 1],
      ['send', 'sent', 1],
      ['return', 'returned', 1],
      ['submit', 'submitted', 1],
      ['send_back', 'draft', 1],
      ['submit', 'submitted', 1],
      ['approve', 'approved', 1],
      ['send', 'sent', 1],
      ['accept', 'accepted', 1],
      ['request_correction', 'correction_requested', 1],
      ['refuse_correction', 'accepted', 1],
      ['request_correction', 'correction_requested', 1],
      ['approve_correction', 'draft', 2],
      ['submit', 'submitted', 2],
      ['approve', 'approved', 2],
      ['send', 'sent', 2],
      ['accept', 'accepted', 2],
    ]);
    const returnEvent = d.events.find((e) => e.action === 'return')!;
    expect(returnEvent).toMatchObject({
      reason: 'Thiếu số liệu chi ngân sách quý.',
      fromState: 'sent',
      actorName: await userName(f, f.receiver.userId),
    });
    // What the office returned: the figures as they were sent the first time (R2:KN was 7).
    const firstSend = d.events.find((e) => e.action === 'send')!;
    const snapshot = f.ok<{ data: ReportDetail['version']['data'] }>(
      await f.receiver.get(`/api/v1/reports/${id}/snapshots/${firstSend.contentHash}`),
    );
    expect(snapshot.data.forms[f.budget]!.values['R2:KN']).toBe('7');
    expect((await f.receiver.get(`/api/v1/reports/${id}/snapshots/${'0'.repeat(64)}`)).statusCode).toBe(404);

    const audit = await auditRows(f.db, id);
    const transitions = audit.filter((r) => r.action === 'report.transition').map((r) => r.summary);
    expect(transitions).toHaveLength(19);
    expect(transitions[4]).toEqual({
      action: 'return',
      from: 'sent',
      to: 'returned',
      reason: 'Thiếu số liệu chi ngân sách quý.',
      versionNo: 1,
    });
    expect(audit.filter((r) => r.action === 'report.saved').map((r) => r.summary)).toEqual([
      { versionNo: 1, cells: 4, records: 0, sections: 0 },
      { versionNo: 1, cells: 1, records: 0, sections: 0 },
      { versionNo: 2, cells: 1, records: 0, sections: 0 },
    ]);
    // The event log is append-only.
    await expect(f.db.execute(sql`delete from report_event where report_id = ${id}`)).rejects.toThrow();
  });
});

async function userName(f: ReportsFixture, userId: string): Promise<string> {
  const res = await f.db.execute(sql`select full_name from app_user where id = ${userId}`);
  return (res as unknown as { rows: { full_name: string }[] }).rows[0]!.full_name;
}

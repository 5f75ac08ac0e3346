import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { assignmentsOf, notificationsOf, vn } from '../assignments/fixtures.test-support.ts';
import { reportsFixture, type ReportsFixture } from './workflow.test-support.ts';

const errorOf = (res: { statusCode: number; json(): unknown }) => ({
  status: res.statusCode,
  code: (res.json() as { error: { code: string } }).error.code,
  message: (res.json() as { error: { message: string } }).error.message,
});

/** Tháng 1/2026 of a monthly regime is due on 16/01/2026 at 17:00 (Vietnam); the clock starts on 05/01 at 10:00. */
describe.each(backends)('reports: deadlines, late sending, closed periods and out-of-band arrivals on %s', (backend) => {
  let f: ReportsFixture;
  let late: Awaited<ReturnType<ReportsFixture['regime']>>;
  let closing: Awaited<ReturnType<ReportsFixture['regime']>>;
  let outOfBand: Awaited<ReturnType<ReportsFixture['regime']>>;
  beforeAll(async () => {
    f = await reportsFixture(backend);
    late = await f.regime('BC-HAN');
    closing = await f.regime('BC-DONG');
    outOfBand = await f.regime('BC-NGOAI');
  }, 120_000);
  afterAll(() => f.t.close());

  const approved = async (assignmentId: string, sender: { officer: ReportsFixture['officer']; leader: ReportsFixture['leader'] } = f) => {
    const { id } = await f.open(sender.officer, assignmentId);
    f.ok(await f.save(sender.officer, id, { 'R11:KN': '10' }));
    await f.step(sender.officer, id, 'submit');
    await f.step(sender.leader, id, 'approve');
    return id;
  };

  it('a report sent after the deadline is late by the minutes past it', async () => {
    const id = await approved(late.anLac);
    f.clock.set(vn('2026-01-17', '08:59'));
    expect((await f.detail(f.leader, id)).timeliness).toBe('overdue');
    // Sent at 09:00 on 17/01: 16 hours after 17:00 on 16/01.
    const sent = await f.step(f.leader, id, 'send');
    expect(sent).toMatchObject({ state: 'sent', timeliness: 'late', lateMinutes: 960, sentAt: vn('2026-01-17', '09:00').toISOString() });
    expect((await f.step(f.receiver, id, 'accept')).timeliness).toBe('late');
  });

  it('after an extension for the unit, the same sending time is on time', async () => {
    const binhMinh = await f.senderOf(f.units.binhMinh);
    const id = await approved(late.assignmentOf(f.units.binhMinh), binhMinh);
    const period = f.ok<{ version: number }>(await f.owner.get(`/api/v1/regime-periods/${late.periodId}`));
    f.ok(
      await f.owner.post(`/api/v1/regime-periods/${late.periodId}/extend`, {
        version: period.version,
        deadlineDate: '2026-01-20',
        deadlineTime: '17:00',
        unitIds: [f.units.binhMinh],
        reason: 'Xã bị ảnh hưởng bão.',
      }),
    );
    const sent = await f.step(binhMinh.leader, id, 'send');
    expect(sent).toMatchObject({
      state: 'sent',
      timeliness: 'on_time',
      lateMinutes: 0,
      deadlineAt: vn('2026-01-20', '17:00').toISOString(),
    });
  });

  it('a regime that forbids late reports refuses the sending after the deadline, and the report stays approved', async () => {
    const strict = await f.regime('BC-NGHIEM', { allowLateSending: false });
    const id = await approved(strict.anLac);
    expect((await f.detail(f.leader, id)).lateSendingAllowed).toBe(false);
    const res = await f.act(f.leader, id, 'send');
    expect(errorOf(res)).toMatchObject({ status: 409, code: 'LATE_SENDING_FORBIDDEN' });
    expect(errorOf(res).message).toContain('17:00 16/01/2026');
    const after = await f.detail(f.leader, id);
    expect({ state: after.state, sentAt: after.sentAt }).toEqual({ state: 'approved', sentAt: null });
    expect((await assignmentsOf(f.db, strict.periodId)).find((a) => a.id === strict.anLac)!.status).toBe('in_progress');
  });

  it('a closed period refuses sending, saving and opening new reports', async () => {
    const id = await approved(closing.anLac);
    const binhMinh = await f.senderOf(f.units.binhMinh);
    const draft = (await f.open(binhMinh.officer, closing.assignmentOf(f.units.binhMinh))).id;
    const period = f.ok<{ version: number }>(await f.owner.get(`/api/v1/regime-periods/${closing.periodId}`));
    f.ok(await f.owner.post(`/api/v1/regime-periods/${closing.periodId}/close`, { version: period.version }));

    expect(errorOf(await f.act(f.leader, id, 'send'))).toMatchObject({ status: 409, code: 'PERIOD_CLOSED' });
    expect((await f.detail(f.leader, id)).state).toBe('approved');
    expect(errorOf(await f.save(binhMinh.officer, draft, { 'R11:KN': '1' }))).toMatchObject({ status: 409, code: 'PERIOD_CLOSED' });
    expect((await f.detail(binhMinh.officer, draft)).editable).toBe(false);
    const catHai = await f.senderOf(f.units.catHai);
    expect(errorOf(await catHai.officer.post(`/api/v1/assignments/${closing.assignmentOf(f.units.catHai)}/report`))).toMatchObject({
      status: 409,
      code: 'PERIOD_CLOSED',
    });
  });

  it('records a report received outside the system at a time before the deadline: on time, though recorded after it', async () => {
    const assignmentId = outOfBand.assignmentOf(f.units.catHai);
    const receivedAt = vn('2026-01-16', '10:00').toISOString();
    const evidence = 'Công văn số 12/UBND ngày 16/01/2026, nhận qua thư điện tử công vụ';
    // The sending side may not record it; nothing is created by the attempt.
    const catHai = await f.senderOf(f.units.catHai);
    expect(errorOf(await catHai.leader.post(`/api/v1/assignments/${assignmentId}/out-of-band`, { receivedAt, evidence }))).toMatchObject({
      status: 403,
      code: 'TRANSITION_FORBIDDEN',
    });
    expect(await f.reportCount(assignmentId)).toBe(0);
    const future = await f.receiver.post(`/api/v1/assignments/${assignmentId}/out-of-band`, {
      receivedAt: new Date(f.clock.now().getTime() + 3_600_000).toISOString(),
      evidence,
    });
    expect(errorOf(future)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await f.reportCount(assignmentId)).toBe(0);

    expect(f.clock.now().getTime()).toBeGreaterThan(vn('2026-01-16', '17:00').getTime());
    const recorded = f.ok(await f.receiver.post(`/api/v1/assignments/${assignmentId}/out-of-band`, { receivedAt, evidence }));
    expect(recorded).toMatchObject({ state: 'sent', outOfBand: true, sentAt: receivedAt, timeliness: 'on_time', lateMinutes: 0 });
    expect(recorded.events.map((e) => e.action)).toEqual(['created', 'record_out_of_band']);
    expect(recorded.events[1]).toMatchObject({ receivedAt, evidence, fromState: 'draft', toState: 'sent' });
    const a = (await assignmentsOf(f.db, outOfBand.periodId)).find((x) => x.id === assignmentId)!;
    expect({ status: a.status, sentAt: a.sentAt?.toISOString() }).toEqual({ status: 'sent', sentAt: receivedAt });
    const notices = (await notificationsOf(f.db, [catHai.officer.userId, f.receiver.userId], 'workflow')).filter(
      (n) => n.link === `/bao-cao/${recorded.id}`,
    );
    expect(notices.map((n) => n.title)).toEqual([
      'Báo cáo được ghi nhận đã nhận ngoài hệ thống',
      'Báo cáo được ghi nhận đã nhận ngoài hệ thống',
    ]);
    expect(notices[0]!.body).toContain('10:00 16/01/2026');

    // The office returns it so that the commune back-fills the data; the recorded time still counts.
    const id = recorded.id;
    const returned = await f.step(f.receiver, id, 'return', { reason: 'Đề nghị cập nhật số liệu vào hệ thống.' });
    expect(returned).toMatchObject({ state: 'returned', timeliness: 'on_time' });
    f.ok(await f.save(catHai.officer, id, { 'R11:KN': '42' }));
    await f.step(catHai.officer, id, 'submit');
    await f.step(catHai.leader, id, 'approve');
    const backFilled = await f.step(catHai.leader, id, 'send');
    expect(backFilled).toMatchObject({ state: 'sent', outOfBand: true, sentAt: receivedAt, timeliness: 'on_time' });
    expect((await f.step(f.receiver, id, 'accept')).version.data.forms[f.budget]!.values).toEqual({ 'R11:KN': '42' });
  });

  it('records an out-of-band arrival of a report the unit already opened, through the transition, with time and evidence', async () => {
    const { id } = await f.open(f.officer, outOfBand.anLac);
    expect(errorOf(await f.act(f.receiver, id, 'record_out_of_band', { evidence: 'Bản giấy' }))).toMatchObject({
      status: 400,
      code: 'RECEIVED_AT_REQUIRED',
    });
    expect(
      errorOf(await f.act(f.receiver, id, 'record_out_of_band', { receivedAt: vn('2026-01-17', '08:00').toISOString() })),
    ).toMatchObject({
      status: 400,
      code: 'REASON_REQUIRED',
    });
    const recorded = await f.step(f.receiver, id, 'record_out_of_band', {
      receivedAt: vn('2026-01-17', '08:00').toISOString(),
      evidence: 'Bản giấy do văn thư chuyển',
    });
    // Received 15 hours after the deadline.
    expect(recorded).toMatchObject({ state: 'sent', outOfBand: true, timeliness: 'late', lateMinutes: 900 });
  });
});

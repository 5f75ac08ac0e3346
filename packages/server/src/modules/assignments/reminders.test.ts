import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../../jobs/scheduler.ts';
import { backends } from '../../test/db.ts';
import { emailDeliveryTask } from '../notifications/index.ts';
import { openPeriodsTask } from './open-periods.ts';
import { closeExpiredPeriodsTask, remindersTask } from './reminders.ts';
import {
  assignmentsFixture,
  type AssignmentsFixture,
  assignmentsOf,
  auditActions,
  notificationsOf,
  periodsOf,
  vn,
} from './fixtures.test-support.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.each(backends)('assignments: reminders, overdue notices and closing expired periods on %s', (backend) => {
  let f: AssignmentsFixture;
  let regimeId: string;
  let periodId: string;
  beforeAll(async () => {
    f = await assignmentsFixture(backend);
    // Reminders 3 days and 1 day before; overdue every 2 days.
    ({ regimeId, periodId } = await f.openedMonthlyRegime('BC-KTXH', { unitIds: [f.units.anLac, f.units.binhMinh] }));
  }, 60_000);
  afterAll(() => f.t.close());

  const ctx = () => ({ ...f.deps, log: quiet });
  const remind = async () => (await remindersTask.run(ctx())) as { done: number };
  const keysOf = async (userId: string, kind: string) => (await notificationsOf(f.db, [userId], kind)).map((n) => n.dedupeKey);

  it('reminds nobody while the deadline (17:00 16/01/2026) is more than 3 days away', async () => {
    f.clock.set(vn('2026-01-13', '16:59'));
    expect(await remind()).toEqual({ done: 0 });
    expect(await notificationsOf(f.db, [f.anLacOfficer.userId], 'deadline_soon')).toEqual([]);
  });

  it('reminds each unit once when 3 days are left, however often the task runs', async () => {
    f.clock.set(vn('2026-01-13', '17:00'));
    expect(await remind()).toEqual({ done: 2 });
    f.clock.advance(3_600_000);
    expect(await remind()).toEqual({ done: 0 });
    const anLac = (await assignmentsOf(f.db, periodId)).find((a) => a.unitId === f.units.anLac)!;
    expect(await keysOf(f.anLacOfficer.userId, 'deadline_soon')).toEqual([
      `deadline_soon:${anLac.id}:3:${vn('2026-01-16', '17:00').toISOString()}`,
    ]);
    const [notice] = await notificationsOf(f.db, [f.anLacOfficer.userId], 'deadline_soon');
    expect(notice!.body).toBe('Tháng 1/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: hạn gửi 17:00 16/01/2026 (còn dưới 3 ngày).');
    // The leader of An Lạc works on its reports too; the economy division's officer does not.
    expect(await notificationsOf(f.db, [f.anLacLeader.userId], 'deadline_soon')).toHaveLength(1);
    expect(await notificationsOf(f.db, [f.economyOfficer.userId, f.dongTienOfficer.userId])).toEqual([]);
    const detail = (await f.owner.get(`/api/v1/regime-periods/${periodId}`)).json();
    expect(detail.events.filter((e: { kind: string }) => e.kind === 'reminded')).toHaveLength(2);
  });

  it('reminds again when 1 day is left', async () => {
    f.clock.set(vn('2026-01-15', '17:30'));
    expect(await remind()).toEqual({ done: 2 });
    expect(await remind()).toEqual({ done: 0 });
    expect((await keysOf(f.anLacOfficer.userId, 'deadline_soon')).map((k) => k!.split(':')[2])).toEqual(['3', '1']);
  });

  it('after an outage sends only the nearest reminder, not every one missed', async () => {
    const late = await f.monthlyRegime('BC-MUON', { name: 'Báo cáo mở muộn', unitIds: [f.units.dongTien] });
    // Opened now (15/01): Tháng 1 due 16/01 17:00 — both the 3-day and the 1-day thresholds have passed.
    await f.openDue({ regimeId: late });
    expect(await remind()).toEqual({ done: 1 });
    const keys = await keysOf(f.dongTienOfficer.userId, 'deadline_soon');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^deadline_soon:[0-9a-f-]+:1:2026-01-16T10:00:00\.000Z$/u);
  });

  it('tells the units that have not sent when the deadline passes, then every 2 days, never those that sent', async () => {
    await f.db.execute(
      sql`update assignment set status = 'sent', sent_at = ${vn('2026-01-16', '09:00').toISOString()}::timestamptz where regime_period_id = ${periodId} and unit_id = ${f.units.binhMinh}`,
    );
    f.clock.set(vn('2026-01-16', '17:01'));
    // An Lạc, and Đồng Tiến of the other regime.
    expect(await remind()).toEqual({ done: 2 });
    expect(await remind()).toEqual({ done: 0 });
    f.clock.set(vn('2026-01-18', '16:59'));
    expect(await remind()).toEqual({ done: 0 });
    f.clock.set(vn('2026-01-18', '17:00'));
    expect(await remind()).toEqual({ done: 2 });
    const overdue = await notificationsOf(f.db, [f.anLacOfficer.userId], 'overdue');
    expect(overdue.map((n) => n.dedupeKey!.split(':').at(-1))).toEqual(['0', '1']);
    expect(overdue[0]!.body).toBe(
      'Tháng 1/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: đã quá hạn gửi 17:00 16/01/2026 mà đơn vị chưa gửi báo cáo.',
    );
    expect(await notificationsOf(f.db, [f.binhMinhOfficer.userId], 'overdue')).toEqual([]);
  });

  it('an extension re-arms the reminders for the new deadline', async () => {
    const version = (await f.owner.get(`/api/v1/regime-periods/${periodId}`)).json().version;
    const res = await f.owner.post(`/api/v1/regime-periods/${periodId}/extend`, {
      version,
      deadlineDate: '2026-01-23',
      reason: 'Gia hạn do nghỉ lễ',
    });
    expect(res.statusCode, res.body).toBe(200);
    f.clock.set(vn('2026-01-20', '18:00'));
    // An Lạc's new deadline is 3 days away; Đồng Tiến (not extended) gets its third overdue notice.
    expect(await remind()).toEqual({ done: 2 });
    expect(await notificationsOf(f.db, [f.anLacOfficer.userId], 'overdue')).toHaveLength(2);
    const keys = await keysOf(f.anLacOfficer.userId, 'deadline_soon');
    expect(keys.at(-1)).toMatch(/:3:2026-01-23T10:00:00\.000Z$/u);
    expect(keys).toHaveLength(3);
  });

  it('closes the periods of a regime that refuses late reports once every deadline has passed, and only those', async () => {
    const strict = await f.monthlyRegime('BC-DUNGHAN', {
      name: 'Báo cáo không nhận gửi muộn',
      unitIds: [f.units.anLac, f.units.catHai],
      allowLateSending: false,
    });
    await f.openDue({ regimeId: strict });
    const [january, february] = await periodsOf(f.db, strict);
    // Tháng 1 was due 16/01 17:00; Cát Hải was given until 22/01 17:00.
    const version = (await f.owner.get(`/api/v1/regime-periods/${january!.id}`)).json().version;
    const ext = await f.owner.post(`/api/v1/regime-periods/${january!.id}/extend`, {
      version,
      deadlineDate: '2026-01-22',
      unitIds: [f.units.catHai],
      reason: 'Cát Hải xin thêm thời gian',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    const close = async () => (await closeExpiredPeriodsTask.run(ctx())) as { done: number };
    expect(await close()).toEqual({ done: 0 });

    f.clock.set(vn('2026-01-22', '17:01'));
    expect(await close()).toEqual({ done: 1 });
    expect(await close()).toEqual({ done: 0 });
    expect((await periodsOf(f.db, strict)).map((p) => p.state)).toEqual(['closed', 'open']);
    // The regime that accepts late reports keeps its expired period open.
    expect((await periodsOf(f.db, regimeId)).map((p) => p.state)).toEqual(['extended']);
    expect(await auditActions(f.db, january!.id)).toEqual(['period.opened', 'period.extended', 'period.closed']);
    const detail = (await f.owner.get(`/api/v1/regime-periods/${january!.id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ kind: 'closed', actorName: null });
    expect(detail.events.at(-1).reason).toMatch(/không nhận báo cáo gửi muộn/u);
    expect(await notificationsOf(f.db, [f.anLacOfficer.userId], 'period_closed')).toHaveLength(1);
    expect(february!.state).toBe('open');
    // A closed period reminds nobody; the open one of the other regime still does.
    const closedTask = (await assignmentsOf(f.db, january!.id)).find((a) => a.unitId === f.units.anLac)!.id;
    const openTask = (await assignmentsOf(f.db, periodId)).find((a) => a.unitId === f.units.anLac)!.id;
    f.clock.set(vn('2026-01-26', '18:00'));
    expect((await remind()).done).toBeGreaterThan(0);
    const overdue = (await keysOf(f.anLacOfficer.userId, 'overdue')).join(' ');
    expect(overdue).not.toContain(closedTask);
    // 3 days after its new deadline: the second round (the first was missed while nothing ran).
    expect(overdue).toContain(`overdue:${openTask}:${vn('2026-01-23', '17:00').toISOString()}:1`);
    expect(overdue).not.toContain(`overdue:${openTask}:${vn('2026-01-23', '17:00').toISOString()}:0`);
  });

  it('the scheduler runs every task in one tick, each idempotent', async () => {
    f.clock.set(vn('2026-02-15', '08:00'));
    const scheduler = createScheduler(ctx(), [openPeriodsTask, closeExpiredPeriodsTask, remindersTask, emailDeliveryTask], 60);
    const first = await scheduler.runOnce();
    expect(Object.keys(first)).toEqual(['open-periods', 'close-expired-periods', 'reminders', 'email-delivery']);
    // Tháng 3/2026 of the three regimes opens on 15/02, and the first regime catches up Tháng 2.
    expect(first['open-periods']).toBe(4);
    expect((await periodsOf(f.db, regimeId)).map((p) => p.code)).toEqual(['M2026-01', 'M2026-02', 'M2026-03']);
    const second = await scheduler.runOnce();
    expect(second).toMatchObject({ 'open-periods': 0, 'close-expired-periods': 0, reminders: 0 });
  });
});

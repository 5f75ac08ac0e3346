import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import {
  assignmentsFixture,
  type AssignmentsFixture,
  assignmentsOf,
  auditActions,
  countRows,
  notificationsOf,
  periodsOf,
  vn,
} from './fixtures.test-support.ts';

describe.each(backends)('assignments: the owner follows, extends, closes and reopens periods on %s', (backend) => {
  let f: AssignmentsFixture;
  let regimeId: string;
  let periodId: string;
  beforeAll(async () => {
    f = await assignmentsFixture(backend);
    ({ regimeId, periodId } = await f.openedMonthlyRegime('BC-KTXH', { formIds: [f.formId] }));
  }, 60_000);
  afterAll(() => f.t.close());
  // Each step a minute after the one before, as it would be: the history is ordered by time.
  beforeEach(() => f.clock.advance(60_000));

  const detail = async () => (await f.owner.get(`/api/v1/regime-periods/${periodId}`)).json();
  const deadlinesByUnit = async () =>
    Object.fromEntries((await assignmentsOf(f.db, periodId)).map((a) => [a.unitId, a.deadlineAt.toISOString()]));
  const snapshot = async () => ({
    detail: await detail(),
    events: await countRows(f.db, 'regime_period_event'),
    notifications: await countRows(f.db, 'notification'),
    audit: await auditActions(f.db, periodId),
  });

  it('lists the periods with their counts, newest first, to the owner only', async () => {
    f.clock.set(vn('2026-01-15', '08:00'));
    await f.openDue({ regimeId });
    const res = await f.owner.get(`/api/v1/regimes/${regimeId}/periods`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((p: { label: string }) => p.label)).toEqual(['Tháng 2/2026', 'Tháng 1/2026']);
    expect(items[1]).toMatchObject({
      id: periodId,
      state: 'open',
      windowStart: '2025-12-15',
      windowEnd: '2026-01-14',
      deadlineAt: vn('2026-01-16', '17:00').toISOString(),
      counts: { not_started: 3, in_progress: 0, sent: 0, accepted: 0, returned: 0, cancelled: 0 },
      total: 3,
      version: 1,
    });
    const other = await f.otherOwner.get(`/api/v1/regimes/${regimeId}/periods`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await f.anLacOfficer.get(`/api/v1/regimes/${regimeId}/periods`)).json().error.code).toBe('FORBIDDEN');
    expect((await f.anLacOfficer.get(`/api/v1/regime-periods/${periodId}`)).statusCode).toBe(403);
  });

  it('shows the monitoring table: reporting units × periods, each cell the assignment and how it stands', async () => {
    const res = await f.owner.get(`/api/v1/regimes/${regimeId}/monitoring`);
    expect(res.statusCode, res.body).toBe(200);
    const table = res.json();
    expect(table.periods.map((p: { label: string }) => p.label)).toEqual(['Tháng 1/2026', 'Tháng 2/2026']);
    expect(table.rows.map((r: { unitName: string }) => r.unitName).sort()).toEqual([
      'UBND xã An Lạc',
      'UBND xã Bình Minh',
      'UBND xã Cát Hải',
    ]);
    const anLac = table.rows.find((r: { unitId: string }) => r.unitId === f.units.anLac);
    // 15/01 08:00: Tháng 1 is due 16/01 17:00 (within the 3 days of "sắp đến hạn"), Tháng 2 on 24/02.
    expect(anLac.cells[periodId]).toMatchObject({ status: 'not_started', timeliness: 'due_soon', sentAt: null, childCount: 0 });
    expect(anLac.cells[table.periods[1].id]).toMatchObject({ status: 'not_started', timeliness: 'pending' });

    const january = (await f.owner.get(`/api/v1/regimes/${regimeId}/monitoring?from=2026-01-01&to=2026-01-31`)).json();
    expect(january.periods.map((p: { code: string }) => p.code)).toEqual(['M2026-01']);
    expect(Object.keys(january.rows[0].cells)).toEqual([periodId]);
    expect((await f.otherOwner.get(`/api/v1/regimes/${regimeId}/monitoring`)).statusCode).toBe(403);
  });

  it('refuses an extension by someone who does not manage the regime, and changes nothing', async () => {
    const before = await snapshot();
    const body = { version: 1, deadlineDate: '2026-01-20', reason: 'Thử' };
    for (const client of [f.otherOwner, f.anLacLeader, f.officeOfficer]) {
      const res = await client.post(`/api/v1/regime-periods/${periodId}/extend`, body);
      expect(res.statusCode).toBe(403);
      expect((await client.post(`/api/v1/regime-periods/${periodId}/close`, { version: 1 })).statusCode).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a new deadline that is not later, or a stale version, and changes nothing', async () => {
    const before = await snapshot();
    const earlier = await f.owner.post(`/api/v1/regime-periods/${periodId}/extend`, {
      version: 1,
      deadlineDate: '2026-01-16',
      deadlineTime: '17:00',
      reason: 'Thử gia hạn không hợp lệ',
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().error).toMatchObject({
      code: 'REGIME_INVALID',
      message: 'Hạn gửi mới (17:00 16/01/2026) phải sau hạn gửi hiện tại (17:00 16/01/2026).',
    });
    const stale = await f.owner.post(`/api/v1/regime-periods/${periodId}/extend`, {
      version: 7,
      deadlineDate: '2026-01-20',
      reason: 'Thử',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const noReason = await f.owner.post(`/api/v1/regime-periods/${periodId}/extend`, {
      version: 1,
      deadlineDate: '2026-01-20',
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('extends every unit: the period and every assignment move, the reason is kept, the units are told', async () => {
    const res = await f.owner.post(`/api/v1/regime-periods/${periodId}/extend`, {
      version: 1,
      deadlineDate: '2026-01-20',
      deadlineTime: '17:00',
      reason: 'Ảnh hưởng của bão số 3',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const newAt = vn('2026-01-20', '17:00').toISOString();
    expect(d).toMatchObject({ state: 'extended', deadlineAt: newAt, version: 2, canManage: true });
    expect(d.assignments.map((a: { deadlineAt: string }) => a.deadlineAt)).toEqual([newAt, newAt, newAt]);
    expect(d.assignments.map((a: { originalDeadlineAt: string }) => a.originalDeadlineAt)).toEqual(
      Array(3).fill(vn('2026-01-16', '17:00').toISOString()),
    );
    expect(d.events.at(-1)).toMatchObject({
      kind: 'extended',
      reason: 'Ảnh hưởng của bão số 3',
      oldDeadlineAt: vn('2026-01-16', '17:00').toISOString(),
      newDeadlineAt: newAt,
      unitNames: [],
      actorName: expect.stringMatching(/^Người dùng /u),
    });
    expect(await auditActions(f.db, periodId)).toEqual(['period.opened', 'period.extended']);
    // Both An Lạc accounts hold 'report.work' there; Bình Minh has one account.
    const extended = await notificationsOf(
      f.db,
      [f.anLacOfficer.userId, f.anLacLeader.userId, f.binhMinhOfficer.userId],
      'period_extended',
    );
    expect(extended).toHaveLength(3);
    expect(extended[0]!.body).toBe(
      'Tháng 1/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: hạn gửi được gia hạn đến 17:00 20/01/2026. Lý do: Ảnh hưởng của bão số 3',
    );
    expect(await notificationsOf(f.db, [f.dongTienOfficer.userId, f.economyOfficer.userId], 'period_extended')).toEqual([]);
  });

  it('extends chosen units only, and refuses a unit that is not in the period', async () => {
    const stranger = await f.owner.post(`/api/v1/regime-periods/${periodId}/extend`, {
      version: 2,
      deadlineDate: '2026-01-23',
      unitIds: [f.units.binhMinh, f.units.dongTien],
      reason: 'Xã xin gia hạn',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error).toMatchObject({
      code: 'REGIME_INVALID',
      message: 'Đơn vị không thuộc kỳ báo cáo này nên không gia hạn được: UBND xã Đồng Tiến.',
    });

    const before = await deadlinesByUnit();
    const res = await f.owner.post(`/api/v1/regime-periods/${periodId}/extend`, {
      version: 2,
      deadlineDate: '2026-01-23',
      unitIds: [f.units.binhMinh],
      reason: 'Xã Bình Minh mất điện kéo dài',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ state: 'extended', deadlineAt: vn('2026-01-20', '17:00').toISOString(), version: 3 });
    expect(await deadlinesByUnit()).toEqual({ ...before, [f.units.binhMinh]: vn('2026-01-23', '17:00').toISOString() });
    expect(d.events.at(-1)).toMatchObject({ kind: 'extended', reason: 'Xã Bình Minh mất điện kéo dài', unitNames: ['UBND xã Bình Minh'] });
    expect(await notificationsOf(f.db, [f.binhMinhOfficer.userId], 'period_extended')).toHaveLength(2);
    expect(await notificationsOf(f.db, [f.anLacOfficer.userId], 'period_extended')).toHaveLength(1);

    // Bình Minh's own deadline is now the one to beat.
    const notLater = await f.owner.post(`/api/v1/regime-periods/${periodId}/extend`, {
      version: 3,
      deadlineDate: '2026-01-22',
      unitIds: [f.units.binhMinh],
      reason: 'Thử',
    });
    expect(notLater.json().error.code).toBe('REGIME_INVALID');

    const task = (await f.binhMinhOfficer.get('/api/v1/tasks'))
      .json()
      .items.find((i: { assignmentId: string }) => d.assignments.some((a: { id: string; unitId: string }) => a.id === i.assignmentId));
    expect(task).toMatchObject({ extended: true, deadlineAt: vn('2026-01-23', '17:00').toISOString() });
  });

  it('closes the period (with a reason), telling the units that have not sent; a closed period cannot be closed again', async () => {
    await f.db.execute(sqlMarkSent(periodId, f.units.catHai));
    const res = await f.owner.post(`/api/v1/regime-periods/${periodId}/close`, { version: 3, reason: 'Đã đủ số liệu để tổng hợp' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'closed', closedAt: f.clock.now().toISOString(), version: 4 });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'closed', reason: 'Đã đủ số liệu để tổng hợp' });
    expect(await notificationsOf(f.db, [f.anLacOfficer.userId, f.binhMinhOfficer.userId], 'period_closed')).toHaveLength(2);
    const again = await f.owner.post(`/api/v1/regime-periods/${periodId}/close`, { version: 4 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PERIOD_CLOSED');
    expect(await auditActions(f.db, periodId)).toEqual(['period.opened', 'period.extended', 'period.extended', 'period.closed']);
  });

  it('reopens a closed period (extended before, so it stays "extended") and tells the units', async () => {
    const res = await f.owner.post(`/api/v1/regime-periods/${periodId}/reopen`, { version: 4, reason: 'Bổ sung số liệu' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'extended', closedAt: null, version: 5 });
    expect(await notificationsOf(f.db, [f.anLacOfficer.userId], 'period_reopened')).toHaveLength(1);
    const open = await f.owner.post(`/api/v1/regime-periods/${periodId}/reopen`, { version: 5 });
    expect(open.statusCode).toBe(409);
  });

  it('an extension of a closed period reopens it as "extended"', async () => {
    const [, february] = await periodsOf(f.db, regimeId);
    const closed = await f.owner.post(`/api/v1/regime-periods/${february!.id}/close`, { version: 1 });
    expect(closed.json().state).toBe('closed');
    const res = await f.owner.post(`/api/v1/regime-periods/${february!.id}/extend`, {
      version: 2,
      deadlineDate: '2026-02-27',
      reason: 'Mở lại để các xã gửi muộn',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'extended', closedAt: null, deadlineAt: vn('2026-02-27', '17:00').toISOString() });
    expect(await auditActions(f.db, february!.id)).toEqual(['period.opened', 'period.closed', 'period.extended']);
  });

  it('lets the receiving unit read the period without managing it', async () => {
    const res = await f.officeOfficer.get(`/api/v1/regime-periods/${periodId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ canManage: false, regimeCode: 'BC-KTXH', forms: [{ code: '01/KHĐT', versionId: f.formVersionId }] });
  });
});

function sqlMarkSent(periodId: string, unitId: string) {
  return sql`update assignment set status = 'sent', sent_at = now() where regime_period_id = ${periodId} and unit_id = ${unitId}`;
}

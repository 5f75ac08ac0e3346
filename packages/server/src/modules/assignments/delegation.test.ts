import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import {
  assignmentsFixture,
  type AssignmentsFixture,
  type Client,
  assignmentsOf,
  auditActions,
  countRows,
  notificationsOf,
  vn,
} from './fixtures.test-support.ts';

describe.each(backends)('assignments: "Việc cần làm" and passing an assignment down (giao tiếp) on %s', (backend) => {
  let f: AssignmentsFixture;
  let periodId: string;
  let anLacTask: string;
  let economyLeader: Client & { userId: string };
  beforeAll(async () => {
    f = await assignmentsFixture(backend);
    ({ periodId } = await f.openedMonthlyRegime('BC-KTXH', { formIds: [f.formId] }));
    anLacTask = (await assignmentsOf(f.db, periodId)).find((a) => a.unitId === f.units.anLac)!.id;
    economyLeader = await f.userWith([{ role: 'approver', unitId: f.units.economy }]);
  }, 60_000);
  afterAll(() => f.t.close());
  beforeEach(() => f.clock.advance(60_000));

  const delegate = (client: Client, id: string, body: Record<string, unknown>) => client.post(`/api/v1/assignments/${id}/delegate`, body);
  const snapshot = async () => ({
    assignments: await countRows(f.db, 'assignment'),
    events: await countRows(f.db, 'regime_period_event'),
    notifications: await countRows(f.db, 'notification'),
    audit: await auditActions(f.db, anLacTask),
  });

  it("shows a commune's officer its task with the window, the deadline and the forms", async () => {
    const res = await f.anLacOfficer.get('/api/v1/tasks');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dueSoonDays: 3,
      items: [
        {
          kind: 'assignment',
          assignmentId: anLacTask,
          regimeId: expect.any(String),
          regimeCode: 'BC-KTXH',
          regimeName: 'Báo cáo tình hình kinh tế - xã hội hằng tháng',
          periodLabel: 'Tháng 1/2026',
          windowStart: '2025-12-15',
          windowEnd: '2026-01-14',
          deadlineAt: vn('2026-01-16', '17:00').toISOString(),
          extended: false,
          unitId: f.units.anLac,
          unitName: 'UBND xã An Lạc',
          receivingUnitName: 'Văn phòng UBND tỉnh',
          delegatedBy: null,
          status: 'not_started',
          timeliness: 'pending',
          forms: [
            { formId: f.formId, versionId: f.formVersionId, code: '01/KHĐT', name: 'Biểu 01: Tình hình thu, chi ngân sách', kind: 'table' },
          ],
        },
      ],
    });
  });

  it('shows nothing to users outside the reporting units, nor to the system administrator (global scope)', async () => {
    for (const client of [f.dongTienOfficer, f.economyOfficer, f.admin, f.owner, f.officeOfficer]) {
      const res = await client.get('/api/v1/tasks');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
  });

  it('lets the unit, the receiving unit and the owner read the assignment; only a leader may delegate it', async () => {
    const officer = (await f.anLacOfficer.get(`/api/v1/assignments/${anLacTask}`)).json();
    expect(officer).toMatchObject({
      id: anLacTask,
      level: 0,
      periodLabel: 'Tháng 1/2026',
      periodState: 'open',
      receivingUnitName: 'Văn phòng UBND tỉnh',
      canDelegate: false,
      children: [],
      // A one-level regime has no deadline for the level below.
      suggestedChildDeadline: null,
    });
    expect((await f.anLacLeader.get(`/api/v1/assignments/${anLacTask}`)).json().canDelegate).toBe(true);
    expect((await f.officeOfficer.get(`/api/v1/assignments/${anLacTask}`)).statusCode).toBe(200);
    expect((await f.owner.get(`/api/v1/assignments/${anLacTask}`)).statusCode).toBe(200);
    const stranger = await f.dongTienOfficer.get(`/api/v1/assignments/${anLacTask}`);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('refuses a delegation by an officer without the right, outside the subtree, too late or too early, and changes nothing', async () => {
    const before = await snapshot();
    const ok = { unitIds: [f.units.economy], deadlineDate: '2026-01-15', deadlineTime: '17:00' };

    const officer = await delegate(f.anLacOfficer, anLacTask, ok);
    expect(officer.statusCode).toBe(403);
    const otherUnit = await delegate(f.binhMinhOfficer, anLacTask, ok);
    expect(otherUnit.statusCode).toBe(403);

    const notBelow = await delegate(f.anLacLeader, anLacTask, { ...ok, unitIds: [f.units.economy, f.units.binhMinh] });
    expect(notBelow.statusCode).toBe(400);
    expect(notBelow.json().error.code).toBe('DELEGATE_NOT_SUBUNIT');
    expect(notBelow.json().error.message).toContain('UBND xã Bình Minh');
    const itself = await delegate(f.anLacLeader, anLacTask, { ...ok, unitIds: [f.units.anLac] });
    expect(itself.json().error.code).toBe('DELEGATE_NOT_SUBUNIT');

    // Not before An Lạc's own deadline (17:00 16/01/2026).
    const sameTime = await delegate(f.anLacLeader, anLacTask, { ...ok, deadlineDate: '2026-01-16', deadlineTime: '17:00' });
    expect(sameTime.statusCode).toBe(400);
    expect(sameTime.json().error).toMatchObject({
      code: 'DELEGATE_DEADLINE_TOO_LATE',
      message: 'Hạn giao tiếp (17:00 16/01/2026) phải trước hạn gửi báo cáo của UBND xã An Lạc (17:00 16/01/2026).',
    });
    // Not on the cut-off day itself: at least one working day after 14/01/2026.
    const onCutoff = await delegate(f.anLacLeader, anLacTask, { ...ok, deadlineDate: '2026-01-14' });
    expect(onCutoff.statusCode).toBe(400);
    expect(onCutoff.json().error).toMatchObject({
      code: 'DEADLINE_TOO_EARLY',
      message: 'Hạn gửi 14/01/2026 chưa sau ngày chốt số liệu 14/01/2026 ít nhất 01 ngày làm việc.',
    });
    const foreignForm = await delegate(f.anLacLeader, anLacTask, { ...ok, formVersionIds: [crypto.randomUUID()] });
    expect(foreignForm.json().error.code).toBe('VALIDATION_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it('passes the assignment down to two divisions, due before its own deadline, and tells them', async () => {
    const res = await delegate(f.anLacLeader, anLacTask, {
      unitIds: [f.units.economy, f.units.culture],
      deadlineDate: '2026-01-15',
      deadlineTime: '17:00',
      note: 'Các phòng tổng hợp số liệu lĩnh vực phụ trách',
    });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.childCount).toBe(2);
    expect(detail.children.map((c: { unitName: string }) => c.unitName).sort()).toEqual([
      'Phòng Kinh tế xã An Lạc',
      'Phòng Văn hóa - Xã hội xã An Lạc',
    ]);
    for (const child of detail.children) {
      expect(child).toMatchObject({
        parentAssignmentId: anLacTask,
        level: 1,
        receivingUnitId: f.units.anLac,
        receivingUnitName: 'UBND xã An Lạc',
        deadlineAt: vn('2026-01-15', '17:00').toISOString(),
        status: 'not_started',
      });
    }
    expect(await auditActions(f.db, anLacTask)).toEqual(['assignment.delegated']);
    const told = await notificationsOf(f.db, [f.economyOfficer.userId], 'assignment_new');
    expect(told.map((n) => n.body)).toEqual([
      'Tháng 1/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: UBND xã An Lạc giao thực hiện, hạn gửi 17:00 15/01/2026',
    ]);

    const tasks = (await f.economyOfficer.get('/api/v1/tasks')).json().items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      unitName: 'Phòng Kinh tế xã An Lạc',
      receivingUnitName: 'UBND xã An Lạc',
      delegatedBy: 'UBND xã An Lạc',
      deadlineAt: vn('2026-01-15', '17:00').toISOString(),
      forms: [{ versionId: f.formVersionId }],
    });
  });

  it('refuses to pass it to the same division twice', async () => {
    const before = await snapshot();
    const res = await delegate(f.anLacLeader, anLacTask, { unitIds: [f.units.economy], deadlineDate: '2026-01-15', deadlineTime: '12:00' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', message: 'Báo cáo này đã được giao tiếp cho Phòng Kinh tế xã An Lạc.' });
    expect(await snapshot()).toEqual(before);
  });

  it('cascades: the division passes it on to its team, earlier still; the period shows the whole tree', async () => {
    const economyTask = (await f.economyOfficer.get('/api/v1/tasks')).json().items[0].assignmentId;
    const late = await delegate(economyLeader, economyTask, {
      unitIds: [f.units.economyTeam],
      deadlineDate: '2026-01-15',
      deadlineTime: '17:00',
    });
    expect(late.json().error.code).toBe('DELEGATE_DEADLINE_TOO_LATE');
    const res = await delegate(economyLeader, economyTask, {
      unitIds: [f.units.economyTeam],
      deadlineDate: '2026-01-15',
      deadlineTime: '10:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().children).toMatchObject([
      { unitName: 'Tổ thống kê xã An Lạc', level: 2, receivingUnitName: 'Phòng Kinh tế xã An Lạc' },
    ]);

    const period = (await f.owner.get(`/api/v1/regime-periods/${periodId}`)).json();
    const byUnit = new Map(period.assignments.map((a: { unitId: string }) => [a.unitId, a]));
    expect(period.assignments).toHaveLength(6);
    expect(byUnit.get(f.units.economyTeam)).toMatchObject({ level: 2, parentAssignmentId: economyTask });
    expect(byUnit.get(f.units.economy)).toMatchObject({ level: 1, parentAssignmentId: anLacTask, childCount: 1 });
    expect(byUnit.get(f.units.anLac)).toMatchObject({ level: 0, parentAssignmentId: null, childCount: 2 });
    // The level-0 counts stay those of the regime's reporting units.
    expect(period.total).toBe(3);
    const delegations = period.events.filter((e: { kind: string }) => e.kind === 'delegated');
    expect(delegations).toMatchObject([
      {
        unitNames: expect.arrayContaining(['Phòng Kinh tế xã An Lạc', 'Phòng Văn hóa - Xã hội xã An Lạc']),
        reason: 'Các phòng tổng hợp số liệu lĩnh vực phụ trách',
      },
      { unitNames: ['Tổ thống kê xã An Lạc'], newDeadlineAt: vn('2026-01-15', '10:00').toISOString() },
    ]);
    expect(delegations[0].actorName).toMatch(/^Người dùng /u);
  });

  it('refuses to delegate once the period is closed', async () => {
    const version = (await f.owner.get(`/api/v1/regime-periods/${periodId}`)).json().version;
    expect((await f.owner.post(`/api/v1/regime-periods/${periodId}/close`, { version })).statusCode).toBe(200);
    expect((await f.anLacLeader.get(`/api/v1/assignments/${anLacTask}`)).json()).toMatchObject({
      periodState: 'closed',
      canDelegate: false,
    });
    const res = await delegate(f.anLacLeader, anLacTask, {
      unitIds: [f.units.economyTeam],
      deadlineDate: '2026-01-15',
      deadlineTime: '09:00',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PERIOD_CLOSED');
  });

  it('lists sent tasks only with include=all', async () => {
    await f.db.execute(sqlSetStatus(anLacTask, 'sent'));
    expect((await f.anLacOfficer.get('/api/v1/tasks')).json().items).toEqual([]);
    const all = (await f.anLacOfficer.get('/api/v1/tasks?include=all')).json().items;
    expect(all.map((i: { assignmentId: string; status: string }) => [i.assignmentId, i.status])).toEqual([[anLacTask, 'sent']]);
  });

  it("suggests the regime's deadline of the next level down (R9) while it is ahead, and the period shows every level", async () => {
    // Tháng 1/2026 (cut-off 14/01): communes by 17:00 16/01, their divisions by 17:00 15/01, the teams by 10:00 15/01.
    const rule = (days: number, time: string) => ({ kind: 'working_days_after' as const, days, time, rollForward: true });
    const { periodId: threeLevels } = await f.openedMonthlyRegime('BC-3CAP', {
      name: 'Báo cáo ba cấp',
      unitIds: [f.units.anLac],
      formIds: [f.formId],
      deadlines: [
        { label: 'Xã gửi tỉnh', rule: rule(2, '17:00') },
        { label: 'Phòng gửi xã', rule: rule(1, '17:00') },
        { label: 'Tổ gửi phòng', rule: rule(1, '10:00') },
      ],
    });
    const period = (await f.owner.get(`/api/v1/regime-periods/${threeLevels}`)).json();
    expect(period.deadlines).toEqual([
      { label: 'Xã gửi tỉnh', date: '2026-01-16', time: '17:00', at: vn('2026-01-16', '17:00').toISOString() },
      { label: 'Phòng gửi xã', date: '2026-01-15', time: '17:00', at: vn('2026-01-15', '17:00').toISOString() },
      { label: 'Tổ gửi phòng', date: '2026-01-15', time: '10:00', at: vn('2026-01-15', '10:00').toISOString() },
    ]);
    const [commune] = await assignmentsOf(f.db, threeLevels);
    const read = async (client: Client, id: string) => (await client.get(`/api/v1/assignments/${id}`)).json();

    const top = await read(f.anLacLeader, commune!.id);
    expect(top).toMatchObject({ level: 0, deadlineAt: vn('2026-01-16', '17:00').toISOString() });
    expect(top.suggestedChildDeadline).toEqual({ date: '2026-01-15', time: '17:00', label: 'Phòng gửi xã' });

    // The suggestion is accepted as it is; a division given an earlier deadline than its level's gets no suggestion
    // (the teams' 10:00 15/01 would not be before its own 09:00 15/01).
    const { date, time } = top.suggestedChildDeadline;
    expect(
      (await delegate(f.anLacLeader, commune!.id, { unitIds: [f.units.economy], deadlineDate: date, deadlineTime: time })).statusCode,
    ).toBe(200);
    const early = { unitIds: [f.units.culture], deadlineDate: '2026-01-15', deadlineTime: '09:00' };
    expect((await delegate(f.anLacLeader, commune!.id, early)).statusCode).toBe(200);
    const children = await read(f.anLacLeader, commune!.id).then((d) => d.children as { id: string; unitId: string }[]);
    const economyTask = children.find((c) => c.unitId === f.units.economy)!.id;
    const cultureTask = children.find((c) => c.unitId === f.units.culture)!.id;
    const division = await read(economyLeader, economyTask);
    expect(division).toMatchObject({ level: 1, deadlineAt: vn('2026-01-15', '17:00').toISOString() });
    expect(division.suggestedChildDeadline).toEqual({ date: '2026-01-15', time: '10:00', label: 'Tổ gửi phòng' });
    expect((await read(f.anLacLeader, cultureTask)).suggestedChildDeadline).toBeNull();

    // The lowest level has nothing below it.
    const teamRes = await delegate(economyLeader, economyTask, {
      unitIds: [f.units.economyTeam],
      deadlineDate: '2026-01-15',
      deadlineTime: '10:00',
    });
    expect(teamRes.statusCode, teamRes.body).toBe(200);
    const teamTask = (teamRes.json().children as { id: string }[])[0]!.id;
    expect(await read(f.owner, teamTask)).toMatchObject({ level: 2, suggestedChildDeadline: null });

    // Once the next level's deadline has passed, nothing is suggested.
    f.clock.set(vn('2026-01-15', '10:00'));
    expect((await read(economyLeader, economyTask)).suggestedChildDeadline).toBeNull();
    expect((await read(f.anLacLeader, commune!.id)).suggestedChildDeadline).toEqual({
      date: '2026-01-15',
      time: '17:00',
      label: 'Phòng gửi xã',
    });
    f.clock.set(vn('2026-01-15', '17:00'));
    expect((await read(f.anLacLeader, commune!.id)).suggestedChildDeadline).toBeNull();
  });
});

function sqlSetStatus(id: string, status: string) {
  return sql`update assignment set status = ${status}, sent_at = now() where id = ${id}`;
}

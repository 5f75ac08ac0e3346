import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { openPeriodsTask } from './open-periods.ts';
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

describe.each(backends)('assignments: the scheduler opens periods on %s', (backend) => {
  let f: AssignmentsFixture;
  let explicit: string;
  let byKind: string;
  beforeAll(async () => {
    f = await assignmentsFixture(backend);
    explicit = await f.monthlyRegime('BC-KTXH', { formIds: [f.formId] });
  }, 60_000);
  afterAll(() => f.t.close());

  const unitsOf = async (periodId: string) => (await assignmentsOf(f.db, periodId)).map((a) => a.unitId).sort();
  const counts = async () => ({
    periods: await countRows(f.db, 'regime_period'),
    assignments: await countRows(f.db, 'assignment'),
    events: await countRows(f.db, 'regime_period_event'),
    notifications: await countRows(f.db, 'notification'),
  });

  it('opens Tháng 1/2026 on 05/01/2026 for exactly the three communes chosen, due 17:00 16/01/2026 (2 working days after 14/01)', async () => {
    expect(await f.openDue({ regimeId: explicit })).toEqual({ opened: 1 });
    const periods = await periodsOf(f.db, explicit);
    expect(periods).toMatchObject([{ code: 'M2026-01', label: 'Tháng 1/2026', state: 'open' }]);
    const assignments = await assignmentsOf(f.db, periods[0]!.id);
    expect(assignments.map((a) => a.unitId).sort()).toEqual([f.units.anLac, f.units.binhMinh, f.units.catHai].sort());
    for (const a of assignments) {
      expect(a).toMatchObject({
        level: 0,
        status: 'not_started',
        receivingUnitId: f.units.office,
        parentAssignmentId: null,
        createdBy: null,
      });
      expect(a.deadlineAt.toISOString()).toBe(vn('2026-01-16', '17:00').toISOString());
      expect(a.originalDeadlineAt.toISOString()).toBe(a.deadlineAt.toISOString());
      expect(a.formVersionIds).toEqual([f.formVersionId]);
    }
    expect(await auditActions(f.db, periods[0]!.id)).toEqual(['period.opened']);
    const audit = await f.db.execute(sql`select actor_id, actor_name, unit_id, summary from audit_log where target_id = ${periods[0]!.id}`);
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      {
        actor_id: null,
        actor_name: 'Hệ thống (tự động)',
        unit_id: f.units.planning,
        summary: expect.objectContaining({ code: 'M2026-01', units: 3, deadlineAt: vn('2026-01-16', '17:00').toISOString() }),
      },
    ]);
  });

  it('does not open Tháng 2/2026 (window 15/01–14/02/2026) before 15/01/2026 in Vietnam, and opens it at midnight', async () => {
    f.clock.set(vn('2026-01-14', '23:59'));
    expect(await f.openDue({ regimeId: explicit })).toEqual({ opened: 0 });
    expect((await periodsOf(f.db, explicit)).map((p) => p.code)).toEqual(['M2026-01']);

    f.clock.set(vn('2026-01-15', '00:00'));
    expect(await f.openDue({ regimeId: explicit })).toEqual({ opened: 1 });
    const periods = await periodsOf(f.db, explicit);
    expect(periods.map((p) => p.code)).toEqual(['M2026-01', 'M2026-02']);
    const detail = (await f.owner.get(`/api/v1/regime-periods/${periods[1]!.id}`)).json();
    expect(detail).toMatchObject({ label: 'Tháng 2/2026', windowStart: '2026-01-15', windowEnd: '2026-02-14', state: 'open' });
    // 14/02/2026 is a Saturday, 16–20/02 are the Tết holidays, 21–22 a weekend: 23/02 is the 1st
    // working day after the cut-off and 24/02 the 2nd.
    expect(detail.deadlines).toEqual([
      { label: 'Xã gửi tỉnh', date: '2026-02-24', time: '17:00', at: vn('2026-02-24', '17:00').toISOString() },
    ]);
    expect(detail.assignments.map((a: { deadlineAt: string }) => a.deadlineAt)).toEqual(
      Array(3).fill(vn('2026-02-24', '17:00').toISOString()),
    );
  });

  it("tells each reporting unit's workers, and nobody else", async () => {
    const [, feb] = await periodsOf(f.db, explicit);
    const officer = await notificationsOf(f.db, [f.anLacOfficer.userId], 'assignment_new');
    expect(officer.map((n) => n.body)).toContain(
      'Tháng 2/2026 — Báo cáo tình hình kinh tế - xã hội hằng tháng: kỳ chốt số liệu 15/01/2026 – 14/02/2026, hạn gửi 17:00 24/02/2026',
    );
    expect(officer.every((n) => n.link === '/viec-can-lam')).toBe(true);
    expect(officer).toHaveLength(2);
    // The leader holds 'report.work' on An Lạc too; the division's officer does not.
    expect(await notificationsOf(f.db, [f.anLacLeader.userId], 'assignment_new')).toHaveLength(2);
    expect(
      await notificationsOf(f.db, [f.economyOfficer.userId, f.dongTienOfficer.userId, f.officeOfficer.userId, f.owner.userId]),
    ).toEqual([]);
    expect(await unitsOf(feb!.id)).toHaveLength(3);
  });

  it('running the task twice more creates nothing', async () => {
    const before = await counts();
    const ctx = { ...f.deps, log: { info: () => {}, warn: () => {}, error: () => {} } };
    expect(await openPeriodsTask.run(ctx)).toEqual({ done: 0 });
    expect(await openPeriodsTask.run(ctx)).toEqual({ done: 0 });
    expect(await counts()).toEqual(before);
  });

  it('resolves units by kind under a root, without the receiving unit itself', async () => {
    byKind = await f.monthlyRegime('BC-XA', {
      name: 'Báo cáo công tác cải cách hành chính hằng tháng',
      reportingUnits: { mode: 'by_kind', rootUnitId: f.units.root, kinds: ['commune', 'committee_office'], includeSubtree: true },
    });
    // On 15/01/2026 both Tháng 1 (its window began 15/12/2025) and Tháng 2 are due.
    expect(await f.openDue({ regimeId: byKind })).toEqual({ opened: 2 });
    const periods = await periodsOf(f.db, byKind);
    expect(periods.map((p) => p.code)).toEqual(['M2026-01', 'M2026-02']);
    const communes = [f.units.anLac, f.units.binhMinh, f.units.catHai, f.units.dongTien].sort();
    expect(await unitsOf(periods[0]!.id)).toEqual(communes);
    expect(await unitsOf(periods[1]!.id)).toEqual(communes);
    expect(
      (await assignmentsOf(f.db, periods[1]!.id)).every((a) => a.formVersionIds instanceof Array && a.formVersionIds.length === 0),
    ).toBe(true);
  });

  it('catches up the periods missed while the server was down (two months), once', async () => {
    f.clock.set(vn('2026-03-20', '09:00'));
    // Tháng 3 (window from 15/02) and Tháng 4 (from 15/03) of both regimes.
    expect(await f.openDue()).toEqual({ opened: 4 });
    for (const regimeId of [explicit, byKind]) {
      expect((await periodsOf(f.db, regimeId)).map((p) => p.code)).toEqual(['M2026-01', 'M2026-02', 'M2026-03', 'M2026-04']);
    }
    const march = (await periodsOf(f.db, explicit))[2]!;
    const detail = (await f.owner.get(`/api/v1/regime-periods/${march.id}`)).json();
    // Window 15/02–14/03/2026 (Saturday): 2 working days later is Tuesday 17/03.
    expect(detail).toMatchObject({
      windowStart: '2026-02-15',
      windowEnd: '2026-03-14',
      deadlineAt: vn('2026-03-17', '17:00').toISOString(),
    });
    const before = await counts();
    expect(await f.openDue()).toEqual({ opened: 0 });
    expect(await counts()).toEqual(before);
  });

  it('two processes opening at once create each period and assignment once', async () => {
    const regimeId = await f.monthlyRegime('BC-DONGTHOI', {
      name: 'Báo cáo thử mở kỳ đồng thời',
      unitIds: [f.units.anLac, f.units.binhMinh, f.units.catHai, f.units.dongTien],
    });
    const results = await Promise.all([f.openDue({ regimeId }), f.openDue({ regimeId }), f.openDue()]);
    expect(results.reduce((n, r) => n + r.opened, 0)).toBe(4);
    const periods = await periodsOf(f.db, regimeId);
    expect(periods.map((p) => p.code)).toEqual(['M2026-01', 'M2026-02', 'M2026-03', 'M2026-04']);
    for (const p of periods) {
      expect(await unitsOf(p.id)).toHaveLength(4);
      expect(await auditActions(f.db, p.id)).toEqual(['period.opened']);
    }
  });

  it('does not open periods of a regime that is not active', async () => {
    const regimeId = await f.monthlyRegime('BC-NGUNG', { name: 'Báo cáo đã ngừng', unitIds: [f.units.anLac] });
    await f.db.execute(sql`update regime set status = 'stopped' where id = ${regimeId}`);
    expect(await f.openDue({ regimeId })).toEqual({ opened: 0 });
    expect(await periodsOf(f.db, regimeId)).toEqual([]);
  });
});

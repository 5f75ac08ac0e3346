import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { regimesFixture, type RegimesFixture } from '../regimes/fixtures.test-support.ts';

interface Day {
  date: string;
  name: string;
  source: string;
}

describe.each(backends)('calendar: announced days off and working days on %s', (backend) => {
  let f: RegimesFixture;
  beforeAll(async () => {
    f = await regimesFixture(backend);
  });
  afterAll(() => f.t.close());

  const year = async (y: number) => {
    const res = await f.clerk.get(`/api/v1/calendar/${y}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const auditCount = (action: string) => f.count(sql`select count(*)::int as n from audit_log where action = ${action}`);

  it('shows any signed-in user the year’s holidays by the law, with Tết 2026', async () => {
    const y = await year(2026);
    expect(y.year).toBe(2026);
    expect(y.adjustments).toEqual([]);
    expect(y.workingWeekends).toEqual([]);
    const dates = y.holidays.map((h: Day) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-17', '2026-04-30', '2026-05-01', '2026-09-02']));
    expect(y.holidays.find((h: Day) => h.date === '2026-02-17')).toMatchObject({ source: 'law' });
    // 2026 has 261 weekdays; every non-weekend holiday takes one away.
    const weekdayHolidays = dates.filter((d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())).length;
    expect(y.workingDayCount).toBe(261 - weekdayHolidays);
    expect((await f.t.app.inject({ method: 'GET', url: '/api/v1/calendar/2026' })).statusCode).toBe(401);
  });

  it('adds, changes and removes an announced day, with an audit row each time', async () => {
    const base = await year(2026);
    const added = await f.admin.request('PUT', '/api/v1/calendar/adjustments/2026-09-03', {
      kind: 'holiday',
      name: ' Nghỉ  lễ Quốc khánh (bổ sung) ',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().adjustments).toEqual([
      { date: '2026-09-03', kind: 'holiday', name: 'Nghỉ lễ Quốc khánh (bổ sung)', updatedAt: '2026-03-10T03:00:00.000Z' },
    ]);
    expect(added.json().holidays).toContainEqual({ date: '2026-09-03', name: 'Nghỉ lễ Quốc khánh (bổ sung)', source: 'announced' });
    expect(added.json().workingDayCount).toBe(base.workingDayCount - 1);

    // A Saturday worked in exchange.
    const worked = await f.admin.request('PUT', '/api/v1/calendar/adjustments/2026-01-10', { kind: 'working_day', name: 'Làm bù' });
    expect(worked.statusCode, worked.body).toBe(200);
    expect(worked.json().workingWeekends).toEqual(['2026-01-10']);
    expect(worked.json().workingDayCount).toBe(base.workingDayCount);

    const renamed = await f.admin.request('PUT', '/api/v1/calendar/adjustments/2026-01-10', {
      kind: 'working_day',
      name: 'Làm bù ngày 02/01',
    });
    expect(renamed.json().adjustments.map((a: { name: string }) => a.name)).toEqual(['Làm bù ngày 02/01', 'Nghỉ lễ Quốc khánh (bổ sung)']);
    expect(await auditCount('calendar.adjusted')).toBe(3);

    const removed = await f.admin.delete('/api/v1/calendar/adjustments/2026-01-10');
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().workingWeekends).toEqual([]);
    expect(removed.json().adjustments.map((a: { date: string }) => a.date)).toEqual(['2026-09-03']);
    expect(await auditCount('calendar.adjustment_removed')).toBe(1);
    const again = await f.admin.delete('/api/v1/calendar/adjustments/2026-01-10');
    expect(again.statusCode).toBe(404);

    await f.admin.delete('/api/v1/calendar/adjustments/2026-09-03');
    expect((await year(2026)).workingDayCount).toBe(base.workingDayCount);
  });

  it('refuses a date that does not exist with INVALID_CALENDAR_DATE', async () => {
    const res = await f.admin.request('PUT', '/api/v1/calendar/adjustments/2026-02-30', { kind: 'holiday', name: 'Ngày không có' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_CALENDAR_DATE', message: 'Ngày 30/02/2026 không tồn tại.' });
    expect((await f.admin.delete('/api/v1/calendar/adjustments/2026-13-01')).json().error.code).toBe('INVALID_CALENDAR_DATE');
    expect(await f.count(sql`select count(*)::int as n from calendar_adjustment`)).toBe(0);
  });

  it('replaces a whole year’s list, and saves nothing when one row is bad', async () => {
    const good = [
      { date: '2027-02-05', kind: 'holiday', name: 'Nghỉ Tết Nguyên đán (bổ sung)' },
      { date: '2027-02-20', kind: 'working_day', name: 'Làm bù Tết' },
    ];
    const saved = await f.admin.request('PUT', '/api/v1/calendar/2027/adjustments', { items: good });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().adjustments.map((a: { date: string }) => a.date)).toEqual(['2027-02-05', '2027-02-20']);
    expect(saved.json().workingWeekends).toEqual(['2027-02-20']);

    const auditBefore = await auditCount('calendar.adjusted');
    const bad = await f.admin.request('PUT', '/api/v1/calendar/2027/adjustments', {
      items: [
        { date: '2027-09-03', kind: 'holiday', name: 'Nghỉ Quốc khánh (bổ sung)' },
        { date: '2027-02-29', kind: 'holiday', name: 'Ngày không có' },
        { date: '2028-01-02', kind: 'holiday', name: 'Năm khác' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const error = bad.json().error;
    expect(error.code).toBe('INVALID_CALENDAR_DATE');
    expect(error.details.problems.map((p: { index: number }) => p.index)).toEqual([1, 2]);
    expect(error.details.problems[0]).toMatchObject({ date: '2027-02-29', message: 'Ngày 29/02/2027 không tồn tại.' });
    expect(error.message).toMatch(/^Danh sách có 2 dòng không hợp lệ nên chưa lưu gì\. Dòng 2: /u);
    // Nothing saved: the list of 2027 is the one before.
    expect((await year(2027)).adjustments.map((a: { date: string }) => a.date)).toEqual(['2027-02-05', '2027-02-20']);
    expect(await auditCount('calendar.adjusted')).toBe(auditBefore);

    const cleared = await f.admin.request('PUT', '/api/v1/calendar/2027/adjustments', { items: [] });
    expect(cleared.json().adjustments).toEqual([]);
  });

  it('moves a deadline when a day off is announced on it', async () => {
    const content = f.monthly();
    const preview = async () => {
      const res = await f.owner.post('/api/v1/regimes/preview-periods', { content, from: '2026-05-01', count: 1 });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().periods[0];
    };
    // Tháng 5/2026 closes Thursday 14/05: 2 working days later is Monday 18/05.
    expect((await preview()).deadlines[0]).toMatchObject({ date: '2026-05-18', at: '2026-05-18T10:00:00.000Z' });
    expect(
      (await f.admin.request('PUT', '/api/v1/calendar/adjustments/2026-05-15', { kind: 'holiday', name: 'Nghỉ đột xuất' })).statusCode,
    ).toBe(200);
    expect((await preview()).deadlines[0]).toMatchObject({ date: '2026-05-19' });
    await f.admin.delete('/api/v1/calendar/adjustments/2026-05-15');
    expect((await preview()).deadlines[0].date).toBe('2026-05-18');
  });

  it('lets only the system administrator change the calendar', async () => {
    for (const client of [f.owner, f.clerk]) {
      const put = await client.request('PUT', '/api/v1/calendar/adjustments/2026-06-01', { kind: 'holiday', name: 'Không được phép' });
      expect(put.statusCode).toBe(403);
      expect(put.json().error.code).toBe('FORBIDDEN');
      const bulk = await client.request('PUT', '/api/v1/calendar/2026/adjustments', {
        items: [{ date: '2026-06-01', kind: 'holiday', name: 'x' }],
      });
      expect(bulk.statusCode).toBe(403);
    }
    await f.admin.request('PUT', '/api/v1/calendar/adjustments/2026-06-02', { kind: 'holiday', name: 'Ngày nghỉ thử' });
    expect((await f.owner.delete('/api/v1/calendar/adjustments/2026-06-02')).statusCode).toBe(403);
    expect((await year(2026)).adjustments.map((a: { date: string }) => a.date)).toEqual(['2026-06-02']);
  });
});

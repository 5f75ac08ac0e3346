import type { TimelinessRecordPage, TimelinessResponse } from '@baocao/core';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { assignmentsOf, periodsOf, vn, type Client } from '../assignments/fixtures.test-support.ts';
import { assignment } from '../assignments/tables.ts';
import { reportsFixture, type ReportsFixture } from './workflow.test-support.ts';

type Sender = { officer: Client; leader: Client };

const errorOf = (res: { statusCode: number; json(): unknown }) => ({
  status: res.statusCode,
  code: (res.json() as { error: { code: string } }).error.code,
});

/**
 * One monthly regime asked of six units over three periods, sent through the real workflow on a
 * controlled clock (Vietnam time):
 *   Tháng 1/2026, due 16/01 17:00 — An Lạc on time (05/01); Sở Y tế at 17:00 sharp (on time); Bình
 *     Minh at 18:30 (late 90'); Cát Hải on 19/01 10:00, after the original deadline but within its
 *     extension to 20/01 17:00 (on time); Đồng Tiến received out of band at 16/01 10:00, recorded on
 *     17/01, returned once and back-filled (on time); phường Hòa Bình nothing (not sent).
 *   Tháng 2/2026, due 24/02 17:00 — An Lạc sent 20/02, accepted, then corrected and re-sent on 25/02
 *     (on time, corrected); Đồng Tiến returned twice, sent for good on 23/02 (on time); Cát Hải 23/02
 *     and Hòa Bình 24/02 (on time); Sở Y tế 25/02 08:00 (late 900'); Bình Minh a draft (not sent).
 *   Tháng 3/2026, due 17/03 17:00 — Hòa Bình sent early on 01/03 (on time); the others pending.
 * The statistics are read on 02/03/2026 at 10:00. A second regime asks An Lạc (not sent) and Bình
 * Minh (cancelled: never counted).
 */
describe.each(backends)('timeliness statistics on %s', (backend) => {
  let f: ReportsFixture;
  let province: Client;
  let communeViewer: Client;
  let main: Awaited<ReturnType<ReportsFixture['regime']>>;
  const u = () => f.units;

  const prepare = async (s: Sender, assignmentId: string) => {
    const { id } = await f.open(s.officer, assignmentId);
    f.ok(await f.save(s.officer, id, { 'R11:KN': '10' }));
    await f.step(s.officer, id, 'submit');
    await f.step(s.leader, id, 'approve');
    return id;
  };
  /** Sends at exactly `at` (a step moves the clock on one minute). */
  const sendAt = async (s: Sender, reportId: string, at: Date) => {
    f.clock.set(new Date(at.getTime() - 60_000));
    await f.step(s.leader, reportId, 'send');
  };
  const resend = async (s: Sender, reportId: string, at: Date) => {
    await f.step(s.officer, reportId, 'submit');
    await f.step(s.leader, reportId, 'approve');
    await sendAt(s, reportId, at);
  };
  const byUnit = async (periodId: string) => {
    const rows = await assignmentsOf(f.db, periodId);
    return (unitId: string) => rows.find((a) => a.unitId === unitId)!.id;
  };

  beforeAll(async () => {
    f = await reportsFixture(backend);
    const six = [u().anLac, u().binhMinh, u().catHai, u().dongTien, u().ward, u().health];
    main = await f.regime('BC-TK', { unitIds: six });
    const other = await f.regime('BC-CCHC', { unitIds: [u().anLac, u().binhMinh], name: 'Báo cáo công tác cải cách hành chính' });
    // What cancelling an assignment leaves behind: it must never count.
    await f.db
      .update(assignment)
      .set({ status: 'cancelled' })
      .where(eq(assignment.id, other.assignmentOf(u().binhMinh)));
    const [binhMinh, catHai, dongTien, ward, health] = await Promise.all(
      [u().binhMinh, u().catHai, u().dongTien, u().ward, u().health].map((id) => f.senderOf(id)),
    );
    province = await f.userWith([{ role: 'viewer', unitId: u().root, includeSubtree: true }]);
    communeViewer = await f.userWith([{ role: 'viewer', unitId: u().anLac }]);

    // ---- Tháng 1/2026 ----
    const anLacP1 = await prepare(f, main.anLac);
    await f.step(f.leader, anLacP1, 'send');
    await f.step(f.receiver, anLacP1, 'accept');
    const binhMinhP1 = await prepare(binhMinh!, main.assignmentOf(u().binhMinh));
    const healthP1 = await prepare(health!, main.assignmentOf(u().health));
    f.clock.set(vn('2026-01-15', '09:00'));
    const period = f.ok<{ version: number }>(await f.owner.get(`/api/v1/regime-periods/${main.periodId}`));
    f.ok(
      await f.owner.post(`/api/v1/regime-periods/${main.periodId}/extend`, {
        version: period.version,
        deadlineDate: '2026-01-20',
        deadlineTime: '17:00',
        unitIds: [u().catHai],
        reason: 'Xã bị ảnh hưởng mưa lũ.',
      }),
    );
    await f.openDue({ regimeId: main.regimeId });
    await sendAt(health!, healthP1, vn('2026-01-16', '17:00'));
    await sendAt(binhMinh!, binhMinhP1, vn('2026-01-16', '18:30'));
    f.clock.set(vn('2026-01-17', '09:00'));
    const dongTienP1 = f.ok(
      await f.receiver.post(`/api/v1/assignments/${main.assignmentOf(u().dongTien)}/out-of-band`, {
        receivedAt: vn('2026-01-16', '10:00').toISOString(),
        evidence: 'Công văn số 05/UBND ngày 16/01/2026, nhận qua thư điện tử công vụ',
      }),
    ).id;
    await f.step(f.receiver, dongTienP1, 'return', { reason: 'Đề nghị cập nhật số liệu vào hệ thống.' });
    f.ok(await f.save(dongTien!.officer, dongTienP1, { 'R11:KN': '12' }));
    await resend(dongTien!, dongTienP1, vn('2026-01-18', '08:00'));
    f.clock.set(vn('2026-01-19', '09:00'));
    await sendAt(catHai!, await prepare(catHai!, main.assignmentOf(u().catHai)), vn('2026-01-19', '10:00'));

    // ---- Tháng 2/2026 and 3/2026 ----
    f.clock.set(vn('2026-02-15', '08:00'));
    await f.openDue({ regimeId: main.regimeId });
    const [, p2, p3] = await periodsOf(f.db, main.regimeId);
    const inP2 = await byUnit(p2!.id);
    f.clock.set(vn('2026-02-20', '08:00'));
    const anLacP2 = await prepare(f, inP2(u().anLac));
    await sendAt(f, anLacP2, vn('2026-02-20', '09:00'));
    await f.step(f.receiver, anLacP2, 'accept');
    await f.step(f.leader, anLacP2, 'request_correction', { reason: 'Sai số chi ngân sách.' });
    await f.step(f.receiver, anLacP2, 'approve_correction');
    f.clock.set(vn('2026-02-21', '07:00'));
    const dongTienP2 = await prepare(dongTien!, inP2(u().dongTien));
    await sendAt(dongTien!, dongTienP2, vn('2026-02-21', '08:00'));
    await f.step(f.receiver, dongTienP2, 'return', { reason: 'Thiếu số liệu chi thường xuyên.' });
    await resend(dongTien!, dongTienP2, vn('2026-02-22', '08:00'));
    await f.step(f.receiver, dongTienP2, 'return', { reason: 'Số liệu chưa khớp với biểu tổng hợp.' });
    await resend(dongTien!, dongTienP2, vn('2026-02-23', '08:00'));
    f.clock.set(vn('2026-02-23', '13:00'));
    await sendAt(catHai!, await prepare(catHai!, inP2(u().catHai)), vn('2026-02-23', '14:00'));
    await f.open(binhMinh!.officer, inP2(u().binhMinh));
    f.clock.set(vn('2026-02-24', '09:00'));
    await sendAt(ward!, await prepare(ward!, inP2(u().ward)), vn('2026-02-24', '10:00'));
    f.clock.set(vn('2026-02-25', '07:00'));
    await sendAt(health!, await prepare(health!, inP2(u().health)), vn('2026-02-25', '08:00'));
    // The corrected version goes out after the deadline: the first sending still counts.
    await resend(f, anLacP2, vn('2026-02-25', '09:00'));
    f.clock.set(vn('2026-03-01', '08:00'));
    await sendAt(ward!, await prepare(ward!, (await byUnit(p3!.id))(u().ward)), vn('2026-03-01', '09:00'));
    f.clock.set(vn('2026-03-02', '10:00'));
  }, 600_000);
  afterAll(() => f.t.close());

  const query = (extra: Record<string, string> = {}) => new URLSearchParams({ regimeId: main.regimeId, ...extra }).toString();
  const stats = async (c: Client, extra?: Record<string, string>) =>
    f.ok<TimelinessResponse>(await c.get(`/api/v1/analytics/timeliness?${query(extra)}`));
  const records = async (c: Client, extra?: Record<string, string>) =>
    f.ok<TimelinessRecordPage>(await c.get(`/api/v1/analytics/timeliness/records?${query(extra)}`));
  const ranking = (s: TimelinessResponse) => s.units.map((x) => [x.rank, x.unitName]);

  it('counts per unit: due = on time + late + not sent; on-time and sent rates with one decimal; ranks shared by ties (1, 1, 3…)', async () => {
    const s = await stats(province);
    expect({ from: s.from, to: s.to }).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(ranking(s)).toEqual([
      [1, 'UBND xã An Lạc'],
      [1, 'UBND xã Cát Hải'],
      [3, 'UBND xã Đồng Tiến'],
      [4, 'UBND phường Hòa Bình'],
      [5, 'Sở Y tế'],
      [6, 'UBND xã Bình Minh'],
    ]);
    const unit = (name: string) => {
      const { unitId: _id, unitName: _name, ...figures } = s.units.find((x) => x.unitName === name)!;
      return figures;
    };
    const zero = { late: 0, notSent: 0, returned: 0, corrected: 0, averageLateMinutes: null };
    // An Lạc: 2 on time of 2 due (Tháng 2 corrected), Tháng 3 pending.
    expect(unit('UBND xã An Lạc')).toEqual({
      ...zero,
      unitKind: 'commune',
      due: 2,
      onTime: 2,
      pending: 1,
      corrected: 1,
      onTimeRate: '100.0',
      sentRate: '100.0',
      rank: 1,
    });
    // Đồng Tiến: same rates as An Lạc, but returned 1 (Tháng 1) + 2 (Tháng 2) = 3 times, so ranked after it.
    expect(unit('UBND xã Đồng Tiến')).toMatchObject({ due: 2, onTime: 2, returned: 3, onTimeRate: '100.0', rank: 3 });
    // Hòa Bình: 2 on time of 3 due (Tháng 3 sent early counts) = 66,7 %; sent 2 of 3 = 66,7 %.
    expect(unit('UBND phường Hòa Bình')).toEqual({
      ...zero,
      unitKind: 'ward',
      due: 3,
      onTime: 2,
      notSent: 1,
      pending: 0,
      onTimeRate: '66.7',
      sentRate: '66.7',
      rank: 4,
    });
    // Sở Y tế: 17:00 sharp is on time, 25/02 08:00 is 15 h = 900' late: on time 1/2 = 50,0 %, sent 2/2 = 100,0 %.
    expect(unit('Sở Y tế')).toMatchObject({ unitKind: 'department', due: 2, onTime: 1, late: 1, onTimeRate: '50.0', sentRate: '100.0' });
    expect(unit('Sở Y tế').averageLateMinutes).toBe(900);
    // Bình Minh: late 90' then nothing: on time 0/2 = 0,0 %, sent 1/2 = 50,0 %.
    expect(unit('UBND xã Bình Minh')).toMatchObject({ due: 2, onTime: 0, late: 1, notSent: 1, pending: 1, averageLateMinutes: 90 });
    expect(unit('UBND xã Bình Minh')).toMatchObject({ onTimeRate: '0.0', sentRate: '50.0' });
  });

  it('totals: due 13 = 9 on time + 2 late + 2 not sent; 9/13 = 69,2 %, 11/13 = 84,6 %, late (90 + 900) / 2 = 495′; trend by month', async () => {
    const s = await stats(province);
    expect(s.totals).toEqual({
      due: 13,
      onTime: 9,
      late: 2,
      notSent: 2,
      pending: 5,
      returned: 3,
      corrected: 1,
      onTimeRate: '69.2',
      sentRate: '84.6',
      averageLateMinutes: 495,
    });
    // Jan 4/6 = 66,7 % (Cát Hải's extended deadline 20/01 stays in January); Feb 4/6 = 66,7 %; Mar 1/1.
    expect(s.trend).toEqual([
      { month: '2026-01', due: 6, onTime: 4, onTimeRate: '66.7' },
      { month: '2026-02', due: 6, onTime: 4, onTimeRate: '66.7' },
      { month: '2026-03', due: 1, onTime: 1, onTimeRate: '100.0' },
    ]);
  });

  it('filters by the deadline in force, unit kinds, root unit and regime (a cancelled assignment never counts)', async () => {
    // January only: three units on time with nothing returned share rank 1; Đồng Tiến (returned once) is 4th.
    const january = await stats(province, { from: '2026-01-01', to: '2026-01-31' });
    expect(ranking(january)).toEqual([
      [1, 'Sở Y tế'],
      [1, 'UBND xã An Lạc'],
      [1, 'UBND xã Cát Hải'],
      [4, 'UBND xã Đồng Tiến'],
      [5, 'UBND xã Bình Minh'],
      [6, 'UBND phường Hòa Bình'],
    ]);
    // Up to 19/01: Cát Hải's deadline in force is 20/01, so its period falls outside.
    expect((await stats(province, { from: '2026-01-01', to: '2026-01-19' })).units.map((x) => x.unitName)).not.toContain('UBND xã Cát Hải');
    const communes = await stats(province, { unitKinds: 'commune' });
    expect(ranking(communes)).toEqual([
      [1, 'UBND xã An Lạc'],
      [1, 'UBND xã Cát Hải'],
      [3, 'UBND xã Đồng Tiến'],
      [4, 'UBND xã Bình Minh'],
    ]);
    const twoKinds = await province.get(`/api/v1/analytics/timeliness?${query()}&unitKinds=ward&unitKinds=department`);
    expect(f.ok<TimelinessResponse>(twoKinds).units.map((x) => x.unitName)).toEqual(['UBND phường Hòa Bình', 'Sở Y tế']);
    expect(ranking(await stats(province, { rootUnitId: u().anLac }))).toEqual([[1, 'UBND xã An Lạc']]);
    // Every regime: An Lạc's not-sent report of the second regime makes 2/3 = 66,7 %, tied with Hòa Bình at rank 3.
    const all = f.ok<TimelinessResponse>(await province.get('/api/v1/analytics/timeliness'));
    expect(ranking(all).slice(0, 4)).toEqual([
      [1, 'UBND xã Cát Hải'],
      [2, 'UBND xã Đồng Tiến'],
      [3, 'UBND phường Hòa Bình'],
      [3, 'UBND xã An Lạc'],
    ]);
    // 14 due = 13 + An Lạc's; Bình Minh's cancelled one is not there: 9/14 = 64,3 %, 11/14 = 78,6 %.
    expect(all.totals).toMatchObject({ due: 14, onTime: 9, notSent: 3, onTimeRate: '64.3', sentRate: '78.6' });
    expect(all.units.find((x) => x.unitName === 'UBND xã Bình Minh')).toMatchObject({ due: 2, pending: 1 });
  });

  it('refuses a range over ten years (ANALYTICS_TOO_LARGE) and an end before the start', async () => {
    const get = (from: string, to: string) => province.get(`/api/v1/analytics/timeliness?from=${from}&to=${to}`);
    expect(errorOf(await get('2016-01-01', '2026-01-01'))).toEqual({ status: 422, code: 'ANALYTICS_TOO_LARGE' });
    expect(f.ok<TimelinessResponse>(await get('2016-01-01', '2025-12-31')).units).toEqual([]);
    expect(errorOf(await get('2026-02-01', '2026-01-31'))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('lists the records by deadline then unit name, filtered by outcome or unit, paged', async () => {
    const late = await records(province, { outcome: 'late' });
    expect(late.items.map((r) => [r.unitName, r.periodLabel, r.sentAt, r.lateMinutes])).toEqual([
      ['UBND xã Bình Minh', 'Tháng 1/2026', vn('2026-01-16', '18:30').toISOString(), 90],
      ['Sở Y tế', 'Tháng 2/2026', vn('2026-02-25', '08:00').toISOString(), 900],
    ]);
    const notSent = await records(province, { outcome: 'not_sent' });
    expect(notSent.items.map((r) => [r.unitName, r.periodLabel, r.reportId === null])).toEqual([
      ['UBND phường Hòa Bình', 'Tháng 1/2026', true],
      ['UBND xã Bình Minh', 'Tháng 2/2026', false],
    ]);
    const catHai = await records(province, { unitId: u().catHai });
    expect(catHai.items[0]).toMatchObject({
      periodLabel: 'Tháng 1/2026',
      deadlineAt: vn('2026-01-20', '17:00').toISOString(),
      originalDeadlineAt: vn('2026-01-16', '17:00').toISOString(),
      sentAt: vn('2026-01-19', '10:00').toISOString(),
      outcome: 'on_time',
      lateMinutes: 0,
    });
    const dongTien = (await records(province, { unitId: u().dongTien })).items;
    expect(dongTien.map((r) => [r.outcome, r.sentAt, r.outOfBand, r.returnCount])).toEqual([
      ['on_time', vn('2026-01-16', '10:00').toISOString(), true, 1],
      ['on_time', vn('2026-02-23', '08:00').toISOString(), false, 2],
      ['pending', null, false, 0],
    ]);
    const anLac = (await records(province, { unitId: u().anLac })).items;
    expect(anLac.map((r) => [r.outcome, r.sentAt, r.corrected])).toEqual([
      ['on_time', vn('2026-01-05', '10:03').toISOString(), false],
      ['on_time', vn('2026-02-20', '09:00').toISOString(), true],
      ['pending', null, false],
    ]);
    // 18 = 6 units × 3 periods; page 2 of 5: Cát Hải's January (deadline 20/01) then February from Sở Y tế.
    const page = await records(province, { page: '2', pageSize: '5' });
    expect({ total: page.total, page: page.page }).toEqual({ total: 18, page: 2 });
    expect(page.items.map((r) => `${r.periodLabel} ${r.unitName}`)).toEqual([
      'Tháng 1/2026 UBND xã Cát Hải',
      'Tháng 2/2026 Sở Y tế',
      'Tháng 2/2026 UBND phường Hòa Bình',
      'Tháng 2/2026 UBND xã An Lạc',
      'Tháng 2/2026 UBND xã Bình Minh',
    ]);
    expect((await records(province, { outcome: 'pending' })).total).toBe(5);
  });

  it('exports the ranking and every record as .xlsx, numbers as numbers, dates in Vietnam time', async () => {
    const res = await province.get(`/api/v1/analytics/timeliness/export?${query()}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', 'Chi tiết']);
    const rank = wb.getWorksheet('Xếp hạng')!;
    const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
    expect(rank.getCell('A1').value).toBe('THỐNG KÊ TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO');
    expect(rank.getCell('A2').value).toBe('Từ ngày 01/01/2026 đến ngày 31/12/2026');
    expect(values(rank, 4)).toEqual([
      'Hạng',
      'Đơn vị',
      'Loại đơn vị',
      'Phải gửi',
      'Đúng hạn',
      'Muộn',
      'Không gửi',
      'Chưa đến hạn',
      'Bị trả lại',
      'Đính chính',
      'Tỷ lệ đúng hạn (%)',
      'Tỷ lệ đã gửi (%)',
    ]);
    expect(values(rank, 5)).toEqual([1, 'UBND xã An Lạc', 'UBND xã', 2, 2, 0, 0, 1, 0, 1, 100, 100]);
    expect(values(rank, 8)).toEqual([4, 'UBND phường Hòa Bình', 'UBND phường', 3, 2, 0, 1, 0, 0, 0, 66.7, 66.7]);
    expect(rank.getCell('K8').numFmt).toBe('0.0');
    expect(values(rank, 11)).toEqual([undefined, 'Tổng cộng', undefined, 13, 9, 2, 2, 5, 3, 1, 69.2, 84.6]);

    const detail = wb.getWorksheet('Chi tiết')!;
    expect(detail.rowCount).toBe(1 + 18);
    // Row 5: the fourth line of 16/01 (Sở Y tế, Hòa Bình, An Lạc, Bình Minh): the cells hold Vietnam's wall-clock time.
    expect(values(detail, 5)).toEqual([
      'Báo cáo tình hình kinh tế - xã hội hằng tháng',
      'Tháng 1/2026',
      'UBND xã Bình Minh',
      new Date(Date.UTC(2026, 0, 16, 17, 0)),
      new Date(Date.UTC(2026, 0, 16, 18, 30)),
      'Muộn',
      90,
      undefined,
      0,
    ]);
    expect(detail.getCell('D5').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(values(detail, 3).slice(2, 6)).toEqual(['UBND phường Hòa Bình', new Date(Date.UTC(2026, 0, 16, 17, 0)), undefined, 'Không gửi']);
    const dongTien = values(detail, 6);
    expect([dongTien[2], dongTien[4], dongTien[7], dongTien[8]]).toEqual([
      'UBND xã Đồng Tiến',
      new Date(Date.UTC(2026, 0, 16, 10, 0)),
      'Có',
      1,
    ]);
  });

  it('a commune viewer sees only its commune everywhere; another unit → 403; no analytics.read → 403', async () => {
    const s = await stats(communeViewer);
    expect(ranking(s)).toEqual([[1, 'UBND xã An Lạc']]);
    expect(s.totals).toMatchObject({ due: 2, onTime: 2, pending: 1, onTimeRate: '100.0' });
    expect(s.trend.map((p) => [p.month, p.due])).toEqual([
      ['2026-01', 1],
      ['2026-02', 1],
      ['2026-03', 0],
    ]);
    const mine = await records(communeViewer);
    expect({ total: mine.total, units: [...new Set(mine.items.map((r) => r.unitName))] }).toEqual({ total: 3, units: ['UBND xã An Lạc'] });
    const file = await communeViewer.get(`/api/v1/analytics/timeliness/export?${query()}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Xếp hạng')!.getCell('B5').value).toBe('UBND xã An Lạc');
    expect(wb.getWorksheet('Xếp hạng')!.getCell('B6').value).toBe('Tổng cộng');
    expect(wb.getWorksheet('Chi tiết')!.rowCount).toBe(1 + 3);

    const outside = [
      `/api/v1/analytics/timeliness?${query({ rootUnitId: u().root })}`,
      `/api/v1/analytics/timeliness?${query({ rootUnitId: u().binhMinh })}`,
      `/api/v1/analytics/timeliness/records?${query({ unitId: u().binhMinh })}`,
      `/api/v1/analytics/timeliness/export?${query({ rootUnitId: u().root })}`,
    ];
    for (const url of outside) expect(errorOf(await communeViewer.get(url))).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    const unitAdmin = await f.userWith([{ role: 'unit_admin', unitId: u().root, includeSubtree: true }]);
    expect(errorOf(await unitAdmin.get(`/api/v1/analytics/timeliness?${query()}`))).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});

import { defineForm, type FormInput, type PeriodValues } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { assignmentsOf, periodsOf, vn } from '../assignments/fixtures.test-support.ts';
import { choosePeriods, requestedCells, shiftYear } from './period-values.ts';
import { publish, reportsFixture, type ReportsFixture } from './workflow.test-support.ts';

/** Thu ngân sách: this period, the previous one, the same one last year, and the year to date. */
function comparisonForm(): FormInput {
  return {
    name: 'Biểu 02: Thu ngân sách so sánh',
    code: '02/KHĐT',
    rows: [
      {
        id: 'r1',
        code: 'R1',
        name: 'Tổng thu',
        kind: 'computed',
        formula: 'SUM(CHILDREN)',
        children: [
          { id: 'r11', code: 'R11', name: 'Thu nội địa', kind: 'input' },
          { id: 'r12', code: 'R12', name: 'Thu khác', kind: 'input' },
        ],
      },
    ],
    columns: [
      { code: 'KN', name: 'Kỳ này' },
      { code: 'KT', name: 'Kỳ trước', kind: 'computed', formula: 'PREV(KN)' },
      { code: 'CK', name: 'Cùng kỳ năm trước', kind: 'computed', formula: 'SAMEPERIOD_LASTYEAR(KN)' },
      { code: 'LK', name: 'Lũy kế từ đầu năm', kind: 'computed', formula: 'YTD(KN)' },
    ],
  };
}

describe('period values: which periods PREV, SAMEPERIOD_LASTYEAR and YTD read', () => {
  const p = (code: string, windowStart = '2026-01-01', windowEnd = '2026-01-31') => ({ id: code, code, windowStart, windowEnd });

  it('shifts regular period codes by a year', () => {
    expect(['M2026-12', 'Q2026-4', 'D2026-03-05', 'Y2026', 'W2026-53'].map((c) => shiftYear(c, -1))).toEqual([
      'M2025-12',
      'Q2025-4',
      'D2025-03-05',
      'Y2025',
      'W2025-53',
    ]);
    expect(shiftYear('C3', -1)).toBeNull();
  });

  it('PREV is the greatest earlier code, last year the same code a year back, YTD this year’s earlier ones', () => {
    const periods = ['M2025-03', 'M2025-12', 'M2026-01', 'M2026-02', 'M2026-03', 'M2026-04'].map((c) => p(c));
    expect(choosePeriods({ code: 'M2026-03', type: 'month', windowStart: '2026-02-15' }, periods)).toEqual({
      prev: 'M2026-02',
      lastYear: 'M2025-03',
      yearToDate: ['M2026-02', 'M2026-01'],
    });
    // January: the previous period is last December, and nothing of this year came before.
    expect(choosePeriods({ code: 'M2026-01', type: 'month', windowStart: '2025-12-15' }, periods)).toEqual({
      prev: 'M2025-12',
      lastYear: null,
      yearToDate: [],
    });
  });

  it('custom periods have no year: PREV is the latest window that ended before this one started', () => {
    const periods = [p('C1', '2026-01-01', '2026-01-10'), p('C2', '2026-01-11', '2026-02-20'), p('C3', '2026-03-01', '2026-03-31')];
    expect(choosePeriods({ code: 'C3', type: 'custom', windowStart: '2026-03-01' }, periods)).toEqual({
      prev: 'C2',
      lastYear: null,
      yearToDate: [],
    });
  });

  it('asks only for the cells the formulas read from other periods', () => {
    const asked = requestedCells(defineForm(comparisonForm()));
    expect([...asked.PREV]).toContain('R11:KN');
    expect([...asked.SAMEPERIOD_LASTYEAR]).toContain('R12:KN');
    expect([...asked.YTD]).toContain('R11:KN');
    expect([...asked.PREV].every((key) => key.endsWith(':KN'))).toBe(true);
  });
});

/**
 * An Lạc's accepted reports: Tháng 3/2025 (R11 = 7, R12 = 1), Tháng 1/2026 (10; 2.5) and Tháng
 * 2/2026 (20.25; 4, whose correction to 99 is still a draft). Bình Minh's Tháng 2/2026 (500; 500)
 * is another unit's. For Tháng 3/2026, by hand:
 * PREV = Tháng 2/2026: R11 20.25, R12 4, R1 = 20.25 + 4 = 24.25;
 * SAMEPERIOD_LASTYEAR = Tháng 3/2025: R11 7, R12 1, R1 = 8;
 * YTD = Tháng 1 + Tháng 2/2026: R11 10 + 20.25 = 30.25, R12 2.5 + 4 = 6.5, R1 12.5 + 24.25 = 36.75.
 */
describe.each(backends)('period values from the unit’s accepted reports on %s', (backend) => {
  let f: ReportsFixture;
  let form: { formId: string; versionId: string };
  let current: string;
  beforeAll(async () => {
    f = await reportsFixture(backend, vn('2026-03-20', '10:00'));
    form = await publish(f.db, f.units.planning, 'table', comparisonForm());
    const regimeId = await f.monthlyRegime('BC-SS', {
      formIds: [form.formId],
      effectiveFrom: '2025-01-01',
      unitIds: [f.units.anLac, f.units.binhMinh],
    });
    await f.openDue({ regimeId });
    const periods = new Map((await periodsOf(f.db, regimeId)).map((p) => [p.code, p.id]));
    const assignmentOf = async (code: string, unitId: string) =>
      (await assignmentsOf(f.db, periods.get(code)!)).find((a) => a.unitId === unitId)!.id;
    const accept = async (
      code: string,
      r11: string,
      r12: string,
      unitId = f.units.anLac,
      sender = { officer: f.officer, leader: f.leader },
    ) => {
      const { id } = await f.open(sender.officer, await assignmentOf(code, unitId));
      f.ok(await f.save(sender.officer, id, { 'R11:KN': r11, 'R12:KN': r12 }, form.versionId));
      await f.step(sender.officer, id, 'submit');
      await f.step(sender.leader, id, 'approve');
      await f.step(sender.leader, id, 'send');
      await f.step(f.receiver, id, 'accept');
      return id;
    };
    const binhMinh = await f.senderOf(f.units.binhMinh);
    await accept('M2025-03', '7', '1');
    await accept('M2026-01', '10', '2.5');
    const february = await accept('M2026-02', '20.25', '4');
    await accept('M2026-02', '500', '500', f.units.binhMinh, binhMinh);
    // A correction of February under way: its draft is not accepted, the accepted version counts.
    await f.step(f.leader, february, 'request_correction', { reason: 'Sửa thu nội địa.' });
    await f.step(f.receiver, february, 'approve_correction');
    f.ok(await f.save(f.officer, february, { 'R11:KN': '99' }, form.versionId));
    // An unaccepted December 2025 does not count either.
    const december = (await f.open(f.officer, await assignmentOf('M2025-12', f.units.anLac))).id;
    f.ok(await f.save(f.officer, december, { 'R11:KN': '1000' }, form.versionId));
    current = (await f.open(f.officer, await assignmentOf('M2026-03', f.units.anLac))).id;
  }, 180_000);
  afterAll(() => f.t.close());

  it('gives PREV, SAMEPERIOD_LASTYEAR and YTD of the current report, by form id, as decimal text', async () => {
    const values: PeriodValues = (await f.detail(f.officer, current)).periodValues;
    expect(Object.keys(values)).toEqual([form.formId]);
    expect(values[form.formId]).toEqual({
      PREV: { 'R11:KN': '20.25', 'R12:KN': '4', 'R1:KN': '24.25' },
      SAMEPERIOD_LASTYEAR: { 'R11:KN': '7', 'R12:KN': '1', 'R1:KN': '8' },
      YTD: { 'R11:KN': '30.25', 'R12:KN': '6.5', 'R1:KN': '36.75' },
    });
  });
});

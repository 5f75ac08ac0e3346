import { describe, expect, it } from 'vitest';
import { regimeContent, type RegimeContent, type RegimeContentInput } from '../api/regimes.ts';
import { createWorkingCalendar } from '../periods/calendar.ts';
import { planPeriods, validateRegimeContent } from './plan.ts';

const UNIT = '11111111-1111-4111-8111-111111111111';
const FORM = '22222222-2222-4222-8222-222222222222';
const calendar = createWorkingCalendar();

function content(overrides: Partial<RegimeContentInput> = {}): RegimeContent {
  return regimeContent.parse({
    name: 'Báo cáo tình hình kinh tế - xã hội hằng tháng',
    content: 'Tình hình thực hiện các chỉ tiêu kinh tế - xã hội.',
    contentKind: 'both',
    kind: 'dinh_ky',
    legalBasis: { documentNumber: '09/2019/NĐ-CP', documentDate: '2019-01-24' },
    reportingUnits: { mode: 'explicit', unitIds: [UNIT] },
    receivingUnitId: UNIT,
    sendingMethods: ['phan_mem'],
    deadlines: [{ label: 'Đơn vị gửi UBND tỉnh', rule: { kind: 'working_days_after', days: 2, time: '17:00' } }],
    frequency: 'month',
    outlineFormId: FORM,
    formIds: [FORM],
    effectiveFrom: '2026-01-01',
    ...overrides,
  });
}

const brief = (periods: ReturnType<typeof planPeriods>) =>
  periods.map(
    (p) =>
      `${p.code} ${p.label} ${p.windowStart}..${p.windowEnd} opens ${p.opensOn} | ${p.deadlines.map((d) => `${d.date} ${d.time}`).join(', ')}`,
  );

describe('planPeriods', () => {
  it("plans a monthly regime's first periods with cut-off windows and R10 deadlines", () => {
    const periods = planPeriods(content(), calendar, { from: '2026-01-01', to: '2026-04-30' });
    expect(brief(periods)).toEqual([
      'M2026-01 Tháng 1/2026 2025-12-15..2026-01-14 opens 2025-12-15 | 2026-01-16 17:00',
      'M2026-02 Tháng 2/2026 2026-01-15..2026-02-14 opens 2026-01-15 | 2026-02-24 17:00', // over Tết
      'M2026-03 Tháng 3/2026 2026-02-15..2026-03-14 opens 2026-02-15 | 2026-03-17 17:00',
      'M2026-04 Tháng 4/2026 2026-03-15..2026-04-14 opens 2026-03-15 | 2026-04-16 17:00',
    ]);
    expect(periods[0]).toMatchObject({ type: 'month', key: { type: 'month', year: 2026, index: 1 } });
    expect(periods[0]!.deadlines[0]).toEqual({
      label: 'Đơn vị gửi UBND tỉnh',
      date: '2026-01-16',
      time: '17:00',
      at: new Date('2026-01-16T10:00:00Z'),
    });
  });

  it('keeps only periods whose cut-off is within the effective range, and applies openLeadDays', () => {
    const c = content({ effectiveFrom: '2026-02-01', effectiveTo: '2026-03-20', openLeadDays: 3, windowMode: 'calendar' });
    const periods = planPeriods(c, calendar, { from: '2026-01-01', to: '2026-12-31' });
    expect(periods.map((p) => [p.code, p.windowStart, p.windowEnd, p.opensOn])).toEqual([
      ['M2026-02', '2026-02-01', '2026-02-28', '2026-01-29'],
    ]);
    expect(planPeriods(c, calendar, { from: '2026-03-01', to: '2026-12-31' })).toEqual([]);
  });

  it('computes one deadline per level (3 levels)', () => {
    const c = content({
      frequency: 'quarter',
      deadlines: [
        { label: 'Sở gửi UBND tỉnh', rule: { kind: 'working_days_after', days: 6, time: '17:00' } },
        { label: 'Huyện gửi Sở', rule: { kind: 'working_days_after', days: 3, time: '17:00' } },
        { label: 'Xã gửi huyện', rule: { kind: 'working_days_after', days: 1, time: '16:00' } },
      ],
    });
    const [q1] = planPeriods(c, calendar, { from: '2026-01-01', to: '2026-03-31' });
    expect(q1!.label).toBe('Quý I/2026');
    expect(q1!.deadlines.map((d) => `${d.label}: ${d.date} ${d.time}`)).toEqual([
      'Sở gửi UBND tỉnh: 2026-03-23 17:00', // window ends Saturday 14/03
      'Huyện gửi Sở: 2026-03-18 17:00',
      'Xã gửi huyện: 2026-03-16 16:00',
    ]);
    expect(validateRegimeContent(c, calendar, { forPublish: true })).toEqual([]);
  });

  it('plans custom periods sorted by start, coded C1, C2…, kept when they end in range', () => {
    const c = content({
      kind: 'chuyen_de',
      frequency: 'custom',
      effectiveFrom: '2030-01-01', // ignored for custom periods
      deadlines: [
        { label: 'Gửi Sở', rule: { kind: 'fixed_date', date: '2026-01-01', time: '17:00' } },
        { label: 'Xã gửi huyện', rule: { kind: 'working_days_after', days: 1, time: '10:00' } },
      ],
      customPeriods: [
        { label: 'Đợt 2: phòng chống bão lũ', start: '2026-07-01', end: '2026-09-30', deadlineDate: '2026-10-10', deadlineTime: '09:00' },
        { label: 'Đợt 1: mùa khô', start: '2026-01-01', end: '2026-04-30', deadlineDate: '2026-05-09' },
      ],
    });
    const periods = planPeriods(c, calendar, { from: '2026-01-01', to: '2026-12-31' });
    expect(periods.map((p) => ({ code: p.code, type: p.type, key: p.key, label: p.label }))).toEqual([
      { code: 'C1', type: 'custom', key: null, label: 'Đợt 1: mùa khô' },
      { code: 'C2', type: 'custom', key: null, label: 'Đợt 2: phòng chống bão lũ' },
    ]);
    // 09/05/2026 is a Saturday → Monday 11/05; level 1 from its rule (30/04 and 01/05 are holidays).
    expect(periods[0]!.deadlines.map((d) => `${d.label} ${d.date} ${d.time}`)).toEqual([
      'Gửi Sở 2026-05-11 17:00',
      'Xã gửi huyện 2026-05-04 10:00',
    ]);
    expect(periods[1]!.deadlines[0]).toMatchObject({ date: '2026-10-12', time: '09:00', at: new Date('2026-10-12T02:00:00Z') });
    expect(planPeriods(c, calendar, { from: '2026-06-01', to: '2026-12-31' }).map((p) => p.code)).toEqual(['C2']);
  });
});

describe('validateRegimeContent', () => {
  it('accepts a sound monthly regime', () => {
    expect(validateRegimeContent(content(), calendar, { forPublish: true })).toEqual([]);
  });

  it('REGIME_INVALID: effective range, kind vs frequency, missing custom periods', () => {
    expect(validateRegimeContent(content({ effectiveTo: '2025-12-31' }), calendar, { forPublish: false })).toEqual([
      { code: 'REGIME_INVALID', path: 'effectiveTo', message: 'Ngày hết hiệu lực 31/12/2025 trước ngày bắt đầu hiệu lực 01/01/2026.' },
    ]);
    expect(validateRegimeContent(content({ kind: 'dot_xuat' }), calendar, { forPublish: false })).toEqual([
      {
        code: 'REGIME_INVALID',
        path: 'frequency',
        message: 'Báo cáo chuyên đề và báo cáo đột xuất phải khai báo kỳ báo cáo tự định nghĩa.',
      },
    ]);
    expect(validateRegimeContent(content({ frequency: 'custom' }), calendar, { forPublish: false })).toEqual([
      { code: 'REGIME_INVALID', path: 'customPeriods', message: 'Chưa khai báo kỳ báo cáo nào.' },
    ]);
    const reversed = content({
      frequency: 'custom',
      customPeriods: [{ label: 'Đợt 1', start: '2026-05-01', end: '2026-04-01', deadlineDate: '2026-06-10' }],
    });
    expect(validateRegimeContent(reversed, calendar, { forPublish: false })).toEqual([
      { code: 'REGIME_INVALID', path: 'customPeriods.0', message: 'Kỳ "Đợt 1": ngày bắt đầu 01/05/2026 sau ngày kết thúc 01/04/2026.' },
    ]);
  });

  it('REGIME_INVALID when publishing without an outline or data forms (LEGAL R11)', () => {
    expect(validateRegimeContent(content({ outlineFormId: null, formIds: [] }), calendar, { forPublish: false })).toEqual([]);
    expect(validateRegimeContent(content({ outlineFormId: null, formIds: [] }), calendar, { forPublish: true })).toEqual([
      { code: 'REGIME_INVALID', path: 'outlineFormId', message: 'Chưa chọn mẫu đề cương báo cáo.' },
      { code: 'REGIME_INVALID', path: 'formIds', message: 'Chưa chọn biểu mẫu số liệu.' },
    ]);
    expect(validateRegimeContent(content({ contentKind: 'numeric', outlineFormId: null }), calendar, { forPublish: true })).toEqual([]);
    expect(validateRegimeContent(content({ contentKind: 'text', formIds: [] }), calendar, { forPublish: true })).toEqual([]);
    expect(
      validateRegimeContent(content({ contentKind: 'text', outlineFormId: null }), calendar, { forPublish: true }).map((p) => p.path),
    ).toEqual(['outlineFormId']);
  });

  it('DEADLINE_TOO_EARLY once, on the first offending period, with its label', () => {
    const c = content({ deadlines: [{ label: 'Gửi tỉnh', rule: { kind: 'day_of_month', monthOffset: 0, day: 10, time: '17:00' } }] });
    expect(validateRegimeContent(c, calendar, { forPublish: false })).toEqual([
      {
        code: 'DEADLINE_TOO_EARLY',
        path: 'deadlines.0.rule',
        // 10/01/2026 is a Saturday, moved to Monday 12/01.
        message: 'Tháng 1/2026: Hạn gửi 12/01/2026 chưa sau ngày chốt số liệu 14/01/2026 ít nhất 01 ngày làm việc.',
      },
    ]);
  });

  it('DEADLINE_TOO_EARLY found later in the two-year horizon (a Government 25th in calendar mode)', () => {
    const c = content({
      frequency: 'quarter',
      windowMode: 'calendar',
      deadlines: [{ label: 'Gửi Chính phủ', rule: { kind: 'day_of_month', monthOffset: 0, day: 25, time: '17:00' } }],
    });
    const problems = validateRegimeContent(c, calendar, { forPublish: false });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('Quý I/2026: Hạn gửi 25/03/2026 chưa sau ngày chốt số liệu 31/03/2026 ít nhất 01 ngày làm việc.');
    // A daily regime from 2026 with a deadline the same day: only one problem for ~500 periods.
    const daily = content({ frequency: 'day', deadlines: [{ label: 'Gửi', rule: { kind: 'days_after', days: 0, time: '16:30' } }] });
    const dailyProblems = validateRegimeContent(daily, calendar, { forPublish: false });
    expect(dailyProblems.map((p) => p.code)).toEqual(['DEADLINE_TOO_EARLY']);
    expect(dailyProblems[0]!.message).toMatch(/^Ngày 02\/01\/2026: Hạn gửi 02\/01\/2026 /);
  });

  it('checks custom periods one by one against their own deadline', () => {
    const c = content({
      kind: 'dot_xuat',
      frequency: 'custom',
      customPeriods: [
        { label: 'Đợt 1', start: '2026-03-01', end: '2026-03-31', deadlineDate: '2026-04-02' },
        { label: 'Đợt 2', start: '2026-04-01', end: '2026-04-28', deadlineDate: '2026-04-28' },
      ],
    });
    expect(validateRegimeContent(c, calendar, { forPublish: false })).toEqual([
      {
        code: 'DEADLINE_TOO_EARLY',
        path: 'customPeriods.1',
        message: 'Đợt 2: Hạn gửi 28/04/2026 chưa sau ngày chốt số liệu 28/04/2026 ít nhất 01 ngày làm việc.',
      },
    ]);
  });

  it('DEADLINE_LEVELS_ORDER: a lower level must be due earlier', () => {
    const c = content({
      deadlines: [
        { label: 'Huyện gửi tỉnh', rule: { kind: 'working_days_after', days: 2, time: '17:00' } },
        { label: 'Xã gửi huyện', rule: { kind: 'working_days_after', days: 2, time: '17:00' } },
      ],
    });
    expect(validateRegimeContent(c, calendar, { forPublish: false })).toEqual([
      {
        code: 'DEADLINE_LEVELS_ORDER',
        path: 'deadlines.1.rule',
        message:
          'Tháng 1/2026: hạn gửi của cấp "Xã gửi huyện" (17:00 16/01/2026) phải sớm hơn hạn gửi của cấp "Huyện gửi tỉnh" (17:00 16/01/2026).',
      },
    ]);
    // Same day, earlier time: fine.
    const earlierTime = content({
      deadlines: [
        { label: 'Huyện gửi tỉnh', rule: { kind: 'working_days_after', days: 2, time: '17:00' } },
        { label: 'Xã gửi huyện', rule: { kind: 'working_days_after', days: 2, time: '09:00' } },
      ],
    });
    expect(validateRegimeContent(earlierTime, calendar, { forPublish: false })).toEqual([]);
  });

  it('CUSTOM_PERIODS_OVERLAP names both periods', () => {
    const c = content({
      kind: 'chuyen_de',
      frequency: 'custom',
      customPeriods: [
        { label: 'Đợt 1', start: '2026-01-01', end: '2026-03-31', deadlineDate: '2026-04-10' },
        { label: 'Đợt 3', start: '2026-07-01', end: '2026-08-31', deadlineDate: '2026-09-10' },
        { label: 'Đợt 2', start: '2026-03-31', end: '2026-06-30', deadlineDate: '2026-07-10' },
      ],
    });
    expect(validateRegimeContent(c, calendar, { forPublish: false })).toEqual([
      {
        code: 'CUSTOM_PERIODS_OVERLAP',
        path: 'customPeriods.2',
        message: 'Kỳ "Đợt 2" (31/03/2026–30/06/2026) trùng thời gian với kỳ "Đợt 1" (01/01/2026–31/03/2026).',
      },
    ]);
  });
});

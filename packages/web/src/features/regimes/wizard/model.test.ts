import { describe, expect, it } from 'vitest';
import { regimeContent } from '@baocao/core';
import { ApiError } from '../../../api/client.ts';
import {
  defaultContent,
  describeRule,
  GOVERNMENT_RULE,
  indicatorLabel,
  isTimingPath,
  localProblems,
  needsCustomPeriods,
  nextLevel,
  normalizeProblemPath,
  previewContent,
  problemsAt,
  problemsFromError,
  REVIEW_STEP,
  SELECTION_MODE_LABELS,
  selectionOfMode,
  selectionReady,
  stepOfPath,
  toBodyContent,
  withKind,
  type WizardState,
} from './model.ts';

const UNIT_A = '7d1f2c1e-3b0a-4f7e-9a51-1c2d3e4f5a6b';
const UNIT_B = '0b6c7d8e-9f01-4a23-8b45-6c7d8e9f0a1b';

function complete(): WizardState {
  const content = defaultContent('2026-01-05');
  return {
    ownerUnitId: UNIT_A,
    code: 'BC-01',
    content: {
      ...content,
      name: 'Báo cáo tình hình kinh tế - xã hội hằng tháng',
      content: 'Tình hình thực hiện các chỉ tiêu.',
      legalBasis: { documentNumber: '15/2025/QĐ-UBND', documentDate: '2025-12-01', issuer: '' },
      reportingUnits: { mode: 'explicit', unitIds: [UNIT_B] },
      receivingUnitId: UNIT_A,
    },
  };
}

describe('defaultContent', () => {
  it('is a monthly periodic regime cut off per ND 09, one level due 2 working days after at 17:00, sent by software, reminders 3 and 1 days before', () => {
    const c = defaultContent('2026-03-10');
    expect(c.kind).toBe('dinh_ky');
    expect(c.frequency).toBe('month');
    expect(c.windowMode).toBe('cutoff');
    expect(c.deadlines).toEqual([
      { label: 'Đơn vị gửi cơ quan nhận báo cáo', rule: { kind: 'working_days_after', days: 2, time: '17:00', rollForward: true } },
    ]);
    expect(c.sendingMethods).toEqual(['phan_mem']);
    expect(c.effectiveFrom).toBe('2026-03-10');
    expect(c.reminders).toEqual({ daysBefore: [3, 1], overdueEveryDays: 1 });
  });
});

describe('localProblems', () => {
  it('finds nothing in a complete regime, and the contract schema accepts what is sent', () => {
    const s = complete();
    expect(localProblems(s)).toEqual([]);
    expect(regimeContent.safeParse(toBodyContent(s.content)).success).toBe(true);
  });

  it('names every missing required element once, with a plain message, at the field it belongs to', () => {
    const s: WizardState = { ownerUnitId: '', code: ' ', content: defaultContent('2026-01-05') };
    const problems = localProblems(s);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'ownerUnitId',
        'code',
        'name',
        'legalBasis.documentNumber',
        'legalBasis.documentDate',
        'content',
        'reportingUnits',
        'receivingUnitId',
      ]),
    );
    expect(new Set(paths).size).toBe(paths.length);
    expect(problems.find((p) => p.path === 'receivingUnitId')?.message).toBe('Chọn cơ quan nhận báo cáo.');
  });

  it('asks thematic regimes for their periods and checks each period: window order and deadline after the window', () => {
    const s = complete();
    s.content = withKind(s.content, 'chuyen_de');
    expect(localProblems(s).map((p) => p.path)).toEqual(['customPeriods']);
    s.content.customPeriods = [
      { label: 'Đợt 1', start: '2026-05-10', end: '2026-05-01', deadlineDate: '2026-05-01', deadlineTime: '17:00' },
    ];
    const paths = localProblems(s).map((p) => p.path);
    expect(paths).toContain('customPeriods.0.end');
    expect(paths).toContain('customPeriods.0.deadlineDate');
  });

  it('rejects an end of validity before its start', () => {
    const s = complete();
    s.content.effectiveTo = '2025-12-31';
    expect(localProblems(s)).toEqual([{ path: 'effectiveTo', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.' }]);
  });

  it('reports schema problems the plain checks do not cover (a deadline time out of range)', () => {
    const s = complete();
    s.content.deadlines = [{ label: 'Cấp 1', rule: { kind: 'working_days_after', days: 2, time: '25:00', rollForward: true } }];
    expect(localProblems(s).map((p) => p.path)).toEqual(['deadlines.0.rule.time']);
  });

  it('by kind: needs a root unit and at least one kind', () => {
    const s = complete();
    s.content.reportingUnits = { mode: 'by_kind', rootUnitId: '', kinds: [], includeSubtree: true };
    expect(localProblems(s).map((p) => p.path)).toEqual(['reportingUnits.rootUnitId', 'reportingUnits.kinds']);
  });
});

describe('reporting units by indicator allocation', () => {
  const INDICATOR = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

  it('is the third way to choose the reporting units, starting empty with the coordinating units included', () => {
    expect(Object.keys(SELECTION_MODE_LABELS)).toEqual(['explicit', 'by_kind', 'by_indicator']);
    expect(SELECTION_MODE_LABELS.by_indicator).toBe('Theo phân bổ chỉ tiêu (đơn vị chủ trì, phối hợp của chỉ tiêu)');
    expect(selectionOfMode('by_indicator', UNIT_A)).toEqual({ mode: 'by_indicator', indicatorIds: [], includeCoordinating: true });
    expect(selectionOfMode('by_kind', UNIT_A)).toEqual({ mode: 'by_kind', rootUnitId: UNIT_A, kinds: [], includeSubtree: true });
    expect(selectionOfMode('explicit', UNIT_A)).toEqual({ mode: 'explicit', unitIds: [] });
  });

  it('needs at least one indicator before it is complete or previewed', () => {
    const s = complete();
    s.content.reportingUnits = selectionOfMode('by_indicator', UNIT_A);
    expect(selectionReady(s.content.reportingUnits)).toBe(false);
    expect(localProblems(s)).toEqual([{ path: 'reportingUnits.indicatorIds', message: 'Chọn ít nhất một chỉ tiêu.' }]);
    expect(stepOfPath('reportingUnits.indicatorIds')).toBe(2);
    // The period preview does not wait for it.
    expect(previewContent(s.content).reportingUnits).toEqual({ mode: 'explicit', unitIds: ['00000000-0000-0000-0000-000000000000'] });

    s.content.reportingUnits = { mode: 'by_indicator', indicatorIds: [INDICATOR], includeCoordinating: false };
    expect(selectionReady(s.content.reportingUnits)).toBe(true);
    expect(localProblems(s)).toEqual([]);
    expect(previewContent(s.content).reportingUnits).toEqual({
      mode: 'by_indicator',
      indicatorIds: [INDICATOR],
      includeCoordinating: false,
    });
    expect(regimeContent.parse(toBodyContent(s.content)).reportingUnits).toEqual(s.content.reportingUnits);
  });

  it('other modes are ready only when complete', () => {
    expect(selectionReady({ mode: 'explicit', unitIds: [] })).toBe(false);
    expect(selectionReady({ mode: 'explicit', unitIds: [UNIT_B] })).toBe(true);
    expect(selectionReady({ mode: 'by_kind', rootUnitId: UNIT_A, kinds: [], includeSubtree: true })).toBe(false);
    expect(selectionReady({ mode: 'by_kind', rootUnitId: ' ', kinds: ['commune'], includeSubtree: true })).toBe(false);
    expect(selectionReady({ mode: 'by_kind', rootUnitId: UNIT_A, kinds: ['commune'], includeSubtree: true })).toBe(true);
  });

  it('names an indicator "mã – tên"', () => {
    expect(indicatorLabel({ code: 'YT_GIUONG', name: 'Số giường bệnh' })).toBe('YT_GIUONG – Số giường bệnh');
  });
});

describe('steps and paths', () => {
  it('puts each problem on the step where it is fixed', () => {
    expect(stepOfPath('legalBasis.documentDate')).toBe(0);
    expect(stepOfPath('content')).toBe(1);
    expect(stepOfPath('reportingUnits')).toBe(2);
    expect(stepOfPath('sendingMethods')).toBe(3);
    expect(stepOfPath('customPeriods.2')).toBe(4);
    expect(stepOfPath('deadlines.0.rule')).toBe(5);
    expect(stepOfPath('formIds.1')).toBe(6);
    expect(stepOfPath('somethingElse')).toBe(REVIEW_STEP);
  });

  it('strips the request part and the content wrapper but keeps the field "content"', () => {
    expect(normalizeProblemPath('body.content.deadlines.0.rule')).toBe('deadlines.0.rule');
    expect(normalizeProblemPath('body.content.content')).toBe('content');
    expect(normalizeProblemPath('content')).toBe('content');
    expect(normalizeProblemPath(['content', 'customPeriods', 2])).toBe('customPeriods.2');
    expect(normalizeProblemPath('body.code')).toBe('code');
    expect(normalizeProblemPath('deadlines[1].label')).toBe('deadlines.1.label');
  });

  it('selects problems at a path or below it, or only the path itself', () => {
    const ps = [
      { path: 'customPeriods.2', message: 'a' },
      { path: 'customPeriods.2.end', message: 'b' },
      { path: 'customPeriods.20', message: 'c' },
    ];
    expect(problemsAt(ps, 'customPeriods.2').map((p) => p.message)).toEqual(['a', 'b']);
    expect(problemsAt(ps, 'customPeriods.2', true).map((p) => p.message)).toEqual(['a']);
  });

  it('knows which fields decide the periods', () => {
    expect(isTimingPath('deadlines.1.rule.days')).toBe(true);
    expect(isTimingPath('customPeriods')).toBe(true);
    expect(isTimingPath('name')).toBe(false);
    expect(isTimingPath('reportingUnits')).toBe(false);
  });
});

describe('problemsFromError', () => {
  it('reads regime problems from the details', () => {
    const e = new ApiError(400, 'DEADLINE_TOO_EARLY', 'Thời hạn…', {
      problems: [{ code: 'DEADLINE_TOO_EARLY', path: 'deadlines.0.rule', message: 'Hạn gửi quá sớm.' }],
    });
    expect(problemsFromError(e)).toEqual([{ code: 'DEADLINE_TOO_EARLY', path: 'deadlines.0.rule', message: 'Hạn gửi quá sớm.' }]);
  });

  it('falls back to schema issues, then to the step of a known code, then to nothing', () => {
    const issues = new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu…', {
      issues: [{ path: 'body.content.name', message: 'Không được để trống.' }],
    });
    expect(problemsFromError(issues)).toEqual([{ path: 'name', message: 'Không được để trống.' }]);
    const bare = new ApiError(400, 'NO_REPORTING_UNITS', 'Chưa có đơn vị.');
    expect(problemsFromError(bare)).toEqual([{ code: 'NO_REPORTING_UNITS', path: 'reportingUnits', message: 'Chưa có đơn vị.' }]);
    expect(problemsFromError(new ApiError(500, 'INTERNAL', 'Lỗi.'))).toEqual([]);
    expect(problemsFromError(new Error('x'))).toEqual([]);
  });
});

describe('previewContent', () => {
  it('passes the schema while the non-timing steps are still empty, keeping the timing fields as they are', () => {
    const c = defaultContent('2026-01-05');
    c.frequency = 'quarter';
    const preview = previewContent(c);
    expect(regimeContent.safeParse(preview).success).toBe(true);
    expect(preview.frequency).toBe('quarter');
    expect(preview.deadlines).toEqual(c.deadlines);
  });

  it('keeps real values when they are filled in', () => {
    const s = complete();
    const preview = previewContent(s.content);
    expect(preview.receivingUnitId).toBe(UNIT_A);
    expect(preview.reportingUnits).toEqual({ mode: 'explicit', unitIds: [UNIT_B] });
    expect(preview.name).toBe(s.content.name);
  });
});

describe('kinds and levels', () => {
  it('thematic and ad hoc regimes run on custom periods; back to periodic restores a regular frequency', () => {
    const c = defaultContent('2026-01-05');
    const adhoc = withKind(c, 'dot_xuat');
    expect(adhoc.frequency).toBe('custom');
    expect(needsCustomPeriods(adhoc)).toBe(true);
    const back = withKind(adhoc, 'dinh_ky');
    expect(back.frequency).toBe('month');
    expect(needsCustomPeriods(back)).toBe(false);
  });

  it('a new lower level is due one working day earlier than the level above', () => {
    const c = defaultContent('2026-01-05');
    const level = nextLevel(c.deadlines);
    expect(level.rule).toEqual({ kind: 'working_days_after', days: 1, time: '17:00', rollForward: true });
    expect(level.label).toBe('Đơn vị trực thuộc gửi đơn vị thực hiện báo cáo');
  });

  it('describes rules in words', () => {
    expect(describeRule({ kind: 'working_days_after', days: 2, time: '17:00', rollForward: true })).toBe(
      '17:00, 2 ngày làm việc sau khi chốt số liệu',
    );
    expect(describeRule(GOVERNMENT_RULE)).toBe('17:00 ngày 25 của tháng kết thúc kỳ');
    expect(describeRule({ kind: 'fixed_date', date: '2026-12-16', time: '16:30', rollForward: false })).toBe(
      '16:30 ngày 16/12/2026 (giữ nguyên nếu trùng ngày nghỉ)',
    );
  });
});

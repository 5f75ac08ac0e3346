import { describe, expect, it } from 'vitest';
import type { PeriodValues, ReportData } from '../api/reports.ts';
import type { ConstraintViolation } from '../forms/constraints.ts';
import { FormulaError } from '../forms/formula/errors.ts';
import { valueToString, type Result } from '../forms/formula/values.ts';
import { evaluateReportForm, submissionProblems, violationKey, type SubmissionProblem } from './evaluate.ts';
import { budgetForm, completeReport, forms, LIST, OUTLINE, section, TABLE } from './fixtures.test-support.ts';

const shown = (values: Map<string, Result>, key: string) => {
  const v = values.get(key);
  return v instanceof FormulaError ? `#${v.code}` : valueToString(v ?? null);
};

/** Last period THU:KN was 80 (ND 60); earlier periods of the year add up to 300 (ND 200). */
const periods = (prevTotal = '80'): PeriodValues[string] => ({
  PREV: { 'THU:KN': prevTotal, 'ND:KN': '60' },
  SAMEPERIOD_LASTYEAR: {},
  YTD: { 'THU:KN': '300', 'ND:KN': '200' },
});
const periodValues = (prevTotal = '80'): PeriodValues => ({ 'f-table': periods(prevTotal) });

const brief = (problems: SubmissionProblem[]) =>
  problems.map((p) => `${p.kind} ${p.formCode} ${p.cell ?? p.sectionId ?? '-'}: ${p.message}`);

describe('evaluateReportForm', () => {
  it('computes the total and the period columns: THU = ND(100) + XNK(50) = 150; LK = YTD 300 + 150 = 450; KT = PREV 80', () => {
    const { values, violations, formulaErrors } = evaluateReportForm(budgetForm, { values: { 'ND:KN': '100', 'XNK:KN': '50' } }, periods());
    expect(shown(values, 'THU:KN')).toBe('150');
    expect(shown(values, 'THU:LK')).toBe('450');
    expect(shown(values, 'ND:LK')).toBe('300');
    expect(shown(values, 'XNK:LK')).toBe('50');
    expect(shown(values, 'THU:KT')).toBe('80');
    expect(shown(values, 'ND:KT')).toBe('60');
    expect(shown(values, 'XNK:KT')).toBe('');
    expect(violations).toEqual([]);
    expect(formulaErrors).toBe(0);
  });

  it('raises the warning when this period is more than twice the last: 150 > 2 × 70', () => {
    const { violations } = evaluateReportForm(budgetForm, { values: { 'ND:KN': '100', 'XNK:KN': '50' } }, periods('70'));
    expect(violations).toEqual([
      {
        constraintId: 'tang-gap-doi',
        cell: 'THU:KN',
        row: 'THU',
        col: 'KN',
        severity: 'warning',
        message: 'Kỳ này tăng hơn gấp đôi kỳ trước, cần giải trình.',
      },
    ]);
  });

  it('reads the stored values by column type and ignores values of computed or unknown cells', () => {
    const { values } = evaluateReportForm(budgetForm, {
      values: { 'ND:KN': '0.1', 'XNK:KN': '0.2', 'THU:KN': '999', 'R99:KN': '1', 'DV:GC': '007' },
    });
    expect(shown(values, 'THU:KN')).toBe('0.3');
    expect(values.get('DV:GC')).toBe('007');
    expect(values.has('R99:KN')).toBe(false);
  });

  it('counts formula errors: text in a number cell breaks the cells that read it', () => {
    const { values, formulaErrors } = evaluateReportForm(budgetForm, { values: { 'ND:KN': 'abc' } }, periods());
    expect(values.get('ND:LK')).toBeInstanceOf(FormulaError);
    expect(formulaErrors).toBeGreaterThan(0);
  });
});

describe('violationKey', () => {
  const v = (over: Partial<ConstraintViolation>): ConstraintViolation => ({
    constraintId: 'c1',
    severity: 'warning',
    message: 'm',
    ...over,
  });
  it('is the constraint and the cell, or the constraint alone for a whole-form rule', () => {
    expect(violationKey(v({ cell: 'THU:KN', row: 'THU', col: 'KN' }))).toBe('c1|THU:KN');
    expect(violationKey(v({ constraintId: 'builtin:required', cell: 'R01:C1' }))).toBe('builtin:required|R01:C1');
    expect(violationKey(v({}))).toBe('c1|');
  });

  it('does not depend on the message, so an explanation survives a re-evaluation with other figures', () => {
    expect(violationKey(v({ cell: 'A:B', message: 'một' }))).toBe(violationKey(v({ cell: 'A:B', message: 'hai' })));
  });
});

describe('submissionProblems', () => {
  it('finds nothing in a complete report whose figures pass every check', () => {
    expect(submissionProblems(forms, completeReport(), periodValues())).toEqual([]);
  });

  it('blocks on a constraint error, naming the cell', () => {
    const data = completeReport();
    data.forms[TABLE]!.values['ND:KN'] = '-5';
    expect(brief(submissionProblems(forms, data, periodValues()))).toEqual([
      'error 01/TC-NS ND:KN: "Thu nội địa" – cột "Kỳ này" không được là số âm.',
    ]);
  });

  it('lists a warning without explanation, with its violation key; a blank explanation does not count', () => {
    const data = completeReport();
    data.forms[TABLE]!.explanations = { 'tang-gap-doi|THU:KN': '   ' };
    const problems = submissionProblems(forms, data, periodValues('70'));
    expect(brief(problems)).toEqual([
      'unexplained_warning 01/TC-NS THU:KN: Dòng "1 – Thu ngân sách", cột "Thực hiện / Kỳ này": Kỳ này tăng hơn gấp đôi kỳ trước, cần giải trình. (cảnh báo chưa có giải trình)',
    ]);
    expect(problems[0]!.violationKey).toBe('tang-gap-doi|THU:KN');
  });

  it('lets an explained warning pass', () => {
    const data = completeReport();
    data.forms[TABLE]!.explanations = { 'tang-gap-doi|THU:KN': 'Thu tiền sử dụng đất đột biến trong kỳ.' };
    expect(submissionProblems(forms, data, periodValues('70'))).toEqual([]);
  });

  it('reads period values by form id, else by form version id; without them PREV is empty and the warning fires', () => {
    const byVersion = forms.map(({ formId: _formId, ...ref }) => ref);
    expect(submissionProblems(byVersion, completeReport(), { [TABLE]: periods() })).toEqual([]);
    expect(submissionProblems(forms, completeReport()).map((p) => p.kind)).toEqual(['unexplained_warning']);
  });

  it('reports values the form does not accept as invalid cells', () => {
    const data = completeReport();
    data.forms[TABLE]!.values['XNK:SL'] = '1';
    data.forms[TABLE]!.values['DV:SL'] = '1.5';
    expect(brief(submissionProblems(forms, data, periodValues()))).toEqual([
      'cell_invalid 01/TC-NS XNK:SL: Dòng "1.2 – Thu xuất nhập khẩu", cột "Số đơn vị": ô bị gạch chéo, không nhập số liệu.',
      'cell_invalid 01/TC-NS DV:SL: Dòng "2 – Đơn vị báo cáo", cột "Số đơn vị": "1.5" không phải là số nguyên.',
    ]);
  });

  it('lists an empty required section (blank text counts as empty) and a section over its length', () => {
    const data = completeReport();
    data.narrative[OUTLINE] = { s1: section('Đạt kế hoạch.'), s1a: section('ệ'.repeat(51)), s2: section(' \n ') };
    expect(brief(submissionProblems(forms, data, periodValues()))).toEqual([
      'narrative_too_long ĐC-01 s1a: Mục "1. Kết quả đạt được" dài 51 ký tự, vượt quá giới hạn 50 ký tự.',
      'narrative_required ĐC-01 s2: Mục "II. Kiến nghị" là mục bắt buộc nhưng chưa có nội dung.',
    ]);
  });

  it('lists every required section of an outline nobody wrote yet', () => {
    const data: ReportData = { ...completeReport(), narrative: {} };
    expect(submissionProblems(forms, data, periodValues()).map((p) => p.sectionId)).toEqual(['s1', 's2']);
  });

  it("checks a list form's records: count, types, length, required, not negative (also computed), unique", () => {
    const data = completeReport();
    data.forms[LIST]!.records = [
      { TEN: 'Trường tiểu học', MA: 'DA01', NSTW: '1200', NSDP: '800' },
      { TEN: '', MA: 'DA01', NSTW: '-1', NSDP: '0' },
      { TEN: 'Nhà văn hóa thôn Đông Hòa', MA: 'DA03', NSTW: 'một trăm', KC: '2025-02-30', TONG: '5', GHI_CHU: 'x' },
      { TEN: 'Cầu', MA: 'DA04', NSTW: '1000', NSDP: '-2000' },
    ];
    expect(brief(submissionProblems(forms, data, periodValues()))).toEqual([
      'error 03/DS-DA -: Danh sách có 4 bản ghi, vượt quá giới hạn 3 bản ghi.',
      'error 03/DS-DA 2:TEN: Bản ghi thứ 2, cột "Tên dự án": chưa nhập (bắt buộc).',
      'error 03/DS-DA 2:MA: Bản ghi thứ 2, cột "Mã dự án": "DA01" trùng với bản ghi thứ 1.',
      'error 03/DS-DA 2:NSTW: Bản ghi thứ 2, cột "Vốn / Trung ương": không được là số âm.',
      'error 03/DS-DA 2:TONG: Bản ghi thứ 2, cột "Vốn / Tổng": không được là số âm.',
      'cell_invalid 03/DS-DA 3:TEN: Bản ghi thứ 3, cột "Tên dự án": nội dung dài 25 ký tự, vượt quá giới hạn 20 ký tự.',
      'cell_invalid 03/DS-DA 3:NSTW: Bản ghi thứ 3, cột "Vốn / Trung ương": "một trăm" không phải là số.',
      'cell_invalid 03/DS-DA 3:KC: Bản ghi thứ 3, cột "Ngày khởi công": "2025-02-30" không phải là ngày hợp lệ.',
      'cell_invalid 03/DS-DA 3:GHI_CHU: Bản ghi thứ 3: biểu không có cột "GHI_CHU".',
      'error 03/DS-DA 4:TONG: Bản ghi thứ 4, cột "Vốn / Tổng": không được là số âm.',
    ]);
  });

  it('reports a form whose definition cannot be read instead of skipping it', () => {
    const broken = [{ ...forms[0]!, definition: { name: 'Hỏng' } }];
    expect(brief(submissionProblems(broken, completeReport()))).toEqual([
      'error 01/TC-NS -: Biểu "01/TC-NS" có định nghĩa không hợp lệ, không kiểm tra được số liệu.',
    ]);
  });
});

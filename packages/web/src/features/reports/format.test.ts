import { describe, expect, it } from 'vitest';
import {
  formatAt,
  formatLateness,
  formatSavedTime,
  formatStoredValue,
  groupProblems,
  orderedActions,
  primaryAction,
  problemsOf,
} from './format.ts';
import { retryDelay, saveIndicator } from './saveStatus.ts';

describe('formatStoredValue', () => {
  it('writes decimals the Vietnamese way from their exact digits', () => {
    expect(formatStoredValue('1234567.5')).toBe('1.234.567,5');
    expect(formatStoredValue('-0.25')).toBe('-0,25');
    expect(formatStoredValue('12345678901234.000001')).toBe('12.345.678.901.234,000001');
  });

  it('writes dates dd/mm/yyyy, booleans Có/Không, and an empty cell as (trống)', () => {
    expect(formatStoredValue('2026-12-09')).toBe('09/12/2026');
    expect(formatStoredValue(true)).toBe('Có');
    expect(formatStoredValue(false)).toBe('Không');
    expect(formatStoredValue(null)).toBe('(trống)');
    expect(formatStoredValue('')).toBe('(trống)');
    expect(formatStoredValue('Xã Tân Lập')).toBe('Xã Tân Lập');
  });
});

describe('times', () => {
  // 03:42 UTC is 10:42 in Vietnam (UTC+7).
  const at = '2026-12-10T03:42:00.000Z';

  it('shows an instant as dd/mm/yyyy HH:mm in Vietnam time', () => {
    expect(formatAt(at)).toBe('10/12/2026 10:42');
    expect(formatAt('2026-12-09T17:30:00Z')).toBe('10/12/2026 00:30');
    expect(formatAt(null)).toBe('—');
    expect(formatAt('not a date')).toBe('—');
  });

  it('shows the time of a save alone when it was today in Vietnam, with the date otherwise', () => {
    expect(formatSavedTime(at, new Date('2026-12-10T10:00:00Z'))).toBe('10:42');
    // 18:00 UTC on the 10th is already the 11th in Vietnam.
    expect(formatSavedTime(at, new Date('2026-12-10T18:00:00Z'))).toBe('10:42 10/12/2026');
  });

  it('says how late a report was sent in days, hours and minutes', () => {
    expect(formatLateness(0)).toBeNull();
    expect(formatLateness(45)).toBe('Muộn 45 phút');
    expect(formatLateness(125)).toBe('Muộn 2 giờ 5 phút');
    expect(formatLateness(60)).toBe('Muộn 1 giờ');
    expect(formatLateness(3 * 1440 + 4 * 60 + 10)).toBe('Muộn 3 ngày 4 giờ');
  });
});

describe('workflow buttons', () => {
  it('draws the furthest step forward the user may take as primary', () => {
    // A leader holds review and approve: on a submitted report, approving is what they came for.
    expect(primaryAction(['review', 'approve', 'send_back'])).toBe('approve');
    expect(primaryAction(['send', 'send_back'])).toBe('send');
    expect(primaryAction(['submit'])).toBe('submit');
    expect(primaryAction(['accept', 'return', 'record_out_of_band'])).toBe('accept');
    expect(primaryAction(['request_correction'])).toBeNull();
    expect(primaryAction([])).toBeNull();
  });

  it('lays buttons out forward first, then the way back, and never shows "save"', () => {
    expect(orderedActions(['save', 'send_back', 'review', 'approve'])).toEqual(['approve', 'review', 'send_back']);
    expect(orderedActions(['record_out_of_band', 'return', 'accept'])).toEqual(['accept', 'return', 'record_out_of_band']);
  });
});

describe('problemsOf', () => {
  const problem = { kind: 'error', formVersionId: 'f1', formCode: '01/NS', message: 'Tổng không khớp', cell: 'R1:C1' };

  it('reads the list whether it is the details themselves or under problems / cells', () => {
    expect(problemsOf([problem])).toEqual([{ ...problem, sectionId: undefined, violationKey: undefined }]);
    expect(problemsOf({ problems: [problem] })).toHaveLength(1);
    expect(problemsOf({ cells: [{ key: 'R2:C1', message: '"abc" không phải là số.' }] })).toEqual([
      expect.objectContaining({ kind: 'cell_invalid', cell: 'R2:C1', message: '"abc" không phải là số.' }),
    ]);
  });

  it('ignores what is not a problem', () => {
    expect(problemsOf(undefined)).toEqual([]);
    expect(problemsOf({ issues: [] })).toEqual([]);
    expect(problemsOf([{ kind: 'error' }, 'x', null])).toEqual([]);
  });

  it('groups problems by form in the order listed', () => {
    const groups = groupProblems([
      { ...problem },
      { kind: 'narrative_required', formVersionId: 'o1', formCode: 'ĐC', message: 'Mục I', sectionId: 's1' },
      { ...problem, message: 'Khác' },
    ]);
    expect(groups.map((g) => [g.formCode, g.items.length])).toEqual([
      ['01/NS', 2],
      ['ĐC', 1],
    ]);
  });
});

describe('saveIndicator', () => {
  const now = new Date('2026-12-10T04:00:00Z');

  it('reads like the brief: saved at, saving, offline with the data kept on this machine', () => {
    expect(saveIndicator({ kind: 'saved', at: '2026-12-10T03:42:00Z' }, 0, now).text).toBe('Đã lưu lúc 10:42');
    expect(saveIndicator({ kind: 'saving' }, 3, now).text).toBe('Đang lưu…');
    expect(saveIndicator({ kind: 'offline' }, 3, now)).toEqual({
      text: 'Chưa lưu – mất kết nối, số liệu được giữ trên máy này',
      tone: 'warning',
    });
  });

  it('counts edits still waiting, even right after a save', () => {
    expect(saveIndicator({ kind: 'saved', at: '2026-12-10T03:42:00Z' }, 2, now).text).toBe('Có 2 thay đổi đang chờ lưu');
    expect(saveIndicator({ kind: 'pending' }, 1, now).tone).toBe('busy');
  });

  it('shows the last save of the version when nothing happened yet, and nothing for a new report', () => {
    expect(saveIndicator({ kind: 'idle' }, 0, now, '2026-12-09T03:42:00Z').text).toBe('Đã lưu lúc 10:42 09/12/2026');
    expect(saveIndicator({ kind: 'idle' }, 0, now, null).text).toBe('');
  });

  it('backs off retries up to a minute', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelay)).toEqual([5000, 10000, 20000, 40000, 60000, 60000]);
  });
});

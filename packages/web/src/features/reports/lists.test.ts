import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '@baocao/core';
import type { IncomingItem } from '../../api/reports.ts';
import { bulkSummary, facetsOf, incomingStateLabel, mayRecordOutOfBand, stateChips } from './lists.ts';

const summary = (over: Partial<ReportSummary>): ReportSummary => ({
  id: 'r',
  assignmentId: 'a',
  regimeId: 'g1',
  regimeCode: 'NS-XA',
  regimeName: 'Báo cáo thu chi ngân sách xã',
  periodId: 'p1',
  periodCode: '2026-M11',
  periodLabel: 'Tháng 11/2026',
  unitId: 'u',
  unitName: 'UBND xã A',
  receivingUnitId: 'v',
  receivingUnitName: 'Sở Tài chính',
  state: 'draft',
  versionNo: 1,
  deadlineAt: '2026-12-20T10:00:00Z',
  sentAt: null,
  outOfBand: false,
  timeliness: 'pending',
  lateMinutes: 0,
  returnCount: 0,
  updatedAt: '2026-12-10T00:00:00Z',
  ...over,
});

const item = (over: Partial<IncomingItem>): IncomingItem => ({
  assignmentId: 'a',
  unitId: 'u',
  unitName: 'UBND xã A',
  status: 'not_started',
  report: null,
  deadlineAt: '2026-12-20T10:00:00Z',
  timeliness: 'pending',
  ...over,
});

describe('facetsOf', () => {
  it('lists each regime once, and periods newest first with their regime', () => {
    const f = facetsOf([
      summary({ id: '1' }),
      summary({ id: '2', periodId: 'p2', periodCode: '2026-M12', periodLabel: 'Tháng 12/2026' }),
      summary({
        id: '3',
        regimeId: 'g2',
        regimeCode: 'YT',
        regimeName: 'Y tế',
        periodId: 'p3',
        periodCode: '2026-Q4',
        periodLabel: 'Quý IV/2026',
      }),
      summary({ id: '4' }),
    ]);
    expect(f.regimes).toEqual([
      { value: 'g1', label: 'NS-XA – Báo cáo thu chi ngân sách xã' },
      { value: 'g2', label: 'YT – Y tế' },
    ]);
    expect(f.periods.map((p) => [p.label, p.regimeId])).toEqual([
      ['Quý IV/2026', 'g2'],
      ['Tháng 12/2026', 'g1'],
      ['Tháng 11/2026', 'g1'],
    ]);
  });
});

describe('receiver chips and actions', () => {
  const items = [
    item({ assignmentId: '1' }),
    item({ assignmentId: '2', status: 'sent', report: summary({ state: 'sent' }) }),
    item({ assignmentId: '3', status: 'sent', report: summary({ state: 'sent' }) }),
    item({ assignmentId: '4', status: 'in_progress', report: summary({ state: 'draft' }) }),
    item({ assignmentId: '5', status: 'accepted', report: summary({ state: 'accepted' }) }),
  ];

  it('counts every state present in workflow order, not started first', () => {
    expect(stateChips(items)).toEqual([
      { state: 'not_started', count: 1 },
      { state: 'draft', count: 1 },
      { state: 'sent', count: 2 },
      { state: 'accepted', count: 1 },
    ]);
    // The server's counts win when it gives them.
    expect(stateChips(items, { sent: 7, not_started: 0 }).find((c) => c.state === 'sent')).toEqual({ state: 'sent', count: 7 });
    expect(stateChips(items, { sent: 7, not_started: 0 }).some((c) => c.state === 'not_started')).toBe(false);
  });

  it('names states in Vietnamese', () => {
    expect(incomingStateLabel('not_started')).toBe('Chưa bắt đầu');
    expect(incomingStateLabel('returned')).toBe('Bị trả lại');
  });

  it('lets the receiver record an out-of-band arrival only for what was not sent through the system', () => {
    expect(items.map(mayRecordOutOfBand)).toEqual([true, false, false, true, false]);
    expect(mayRecordOutOfBand(item({ status: 'cancelled' }))).toBe(false);
  });

  it('sums up a bulk acceptance', () => {
    expect(bulkSummary([{ reportId: 'a', ok: true, message: null }])).toBe('Đã tiếp nhận 1 báo cáo.');
    expect(
      bulkSummary([
        { reportId: 'a', ok: true, message: null },
        { reportId: 'b', ok: false, message: 'Không thể tiếp nhận' },
      ]),
    ).toBe('Đã tiếp nhận 1 báo cáo; 1 báo cáo không tiếp nhận được (xem lý do ở từng dòng).');
    expect(bulkSummary([{ reportId: 'b', ok: false, message: 'x' }])).toBe(
      'Không tiếp nhận được 1 báo cáo đã chọn; xem lý do ở từng dòng.',
    );
  });
});

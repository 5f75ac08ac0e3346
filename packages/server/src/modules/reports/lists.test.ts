import { randomUUID } from 'node:crypto';
import type { ReportSummary } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { reportsFixture, type ReportsFixture } from './workflow.test-support.ts';

type Page = { items: ReportSummary[]; total: number };
type Incoming = {
  periodLabel: string;
  regimeName: string;
  items: { unitName: string; status: string; report: ReportSummary | null; timeliness: string }[];
  counts: Record<string, number>;
};
const errorOf = (res: { statusCode: number; json(): unknown }) => ({
  status: res.statusCode,
  code: (res.json() as { error: { code: string } }).error.code,
  message: (res.json() as { error: { message: string } }).error.message,
});

describe.each(backends)('reports: lists by side, the incoming view, scope and bulk acceptance on %s', (backend) => {
  let f: ReportsFixture;
  let first: Awaited<ReturnType<ReportsFixture['regime']>>;
  let second: Awaited<ReturnType<ReportsFixture['regime']>>;
  let anLacSent: string;
  let anLacSecond: string;
  let binhMinhDraft: string;
  beforeAll(async () => {
    f = await reportsFixture(backend);
    first = await f.regime('BC-DS');
    second = await f.regime('BC-XH');
    anLacSent = await f.sendThrough(first.anLac, { 'R11:KN': '3' });
    anLacSecond = await f.sendThrough(second.anLac);
    binhMinhDraft = (await f.open(f.binhMinhOfficer, first.assignmentOf(f.units.binhMinh))).id;
  }, 120_000);
  afterAll(() => f.t.close());

  const list = async (c: ReportsFixture['officer'], query: string) => f.ok<Page>(await c.get(`/api/v1/reports?${query}`));

  it('opens nothing for a reader when the unit has not started: a clear 404; strangers get 403', async () => {
    const catHai = first.assignmentOf(f.units.catHai);
    const res = await f.receiver.post(`/api/v1/assignments/${catHai}/report`);
    expect(errorOf(res)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(errorOf(res).message).toContain('UBND xã Cát Hải chưa bắt đầu lập báo cáo Tháng 1/2026');
    expect(errorOf(await f.dongTienOfficer.post(`/api/v1/assignments/${catHai}/report`))).toMatchObject({
      status: 403,
      code: 'OUT_OF_SCOPE',
    });
    expect(await f.reportCount(catHai)).toBe(0);
  });

  it('a commune reads and lists its own reports only', async () => {
    expect(errorOf(await f.binhMinhOfficer.get(`/api/v1/reports/${anLacSent}`))).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
    expect(errorOf(await f.binhMinhOfficer.get(`/api/v1/reports/${anLacSent}/versions/1`)).status).toBe(403);
    const binhMinh = await list(f.binhMinhOfficer, 'side=sender');
    expect(binhMinh.items.map((r) => r.id)).toEqual([binhMinhDraft]);
    const anLac = await list(f.officer, 'side=sender');
    expect(anLac.items.map((r) => r.id).sort()).toEqual([anLacSent, anLacSecond].sort());
    expect(anLac.total).toBe(2);
    expect(anLac.items.find((r) => r.id === anLacSent)).toMatchObject({
      unitName: 'UBND xã An Lạc',
      receivingUnitName: 'Văn phòng UBND tỉnh',
      regimeCode: 'BC-DS',
      periodLabel: 'Tháng 1/2026',
      state: 'sent',
      timeliness: 'on_time',
    });
    // Without 'report.receive' the receiver side is empty.
    expect((await list(f.officer, 'side=receiver')).total).toBe(0);
  });

  it('filters by regime, period, state and a search without diacritics', async () => {
    expect((await list(f.officer, `regimeId=${second.regimeId}`)).items.map((r) => r.id)).toEqual([anLacSecond]);
    expect((await list(f.officer, `periodId=${first.periodId}`)).items.map((r) => r.id)).toEqual([anLacSent]);
    expect((await list(f.receiver, 'side=receiver&state=draft')).items.map((r) => r.id)).toEqual([binhMinhDraft]);
    expect((await list(f.receiver, 'side=receiver&q=binh minh')).items.map((r) => r.id)).toEqual([binhMinhDraft]);
    const page = await list(f.receiver, 'side=receiver&pageSize=2&page=2');
    expect({ items: page.items.length, total: page.total }).toEqual({ items: 1, total: 3 });
  });

  it('shows the receiver every assignment of the period with its report, and counts by state', async () => {
    const incoming = f.ok<Incoming>(await f.receiver.get(`/api/v1/periods/${first.periodId}/incoming`));
    expect(incoming.periodLabel).toBe('Tháng 1/2026');
    expect(incoming.items.map((i) => [i.unitName, i.status, i.report?.state ?? null])).toEqual([
      ['UBND xã An Lạc', 'sent', 'sent'],
      ['UBND xã Bình Minh', 'in_progress', 'draft'],
      ['UBND xã Cát Hải', 'not_started', null],
    ]);
    expect(incoming.counts).toMatchObject({ not_started: 1, draft: 1, sent: 1, accepted: 0, returned: 0 });
    const sentOnly = f.ok<Incoming>(await f.receiver.get(`/api/v1/periods/${first.periodId}/incoming?state=sent`));
    expect(sentOnly.items.map((i) => i.unitName)).toEqual(['UBND xã An Lạc']);
    expect(sentOnly.counts).toEqual(incoming.counts);
    // Who does not receive this period's reports does not see them.
    expect(errorOf(await f.officer.get(`/api/v1/periods/${first.periodId}/incoming`))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(errorOf(await f.leader.get(`/api/v1/periods/${first.periodId}/incoming`))).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
    expect(errorOf(await f.receiver.get(`/api/v1/periods/${randomUUID()}/incoming`)).status).toBe(404);
  });

  it('accepts many reports at once, each on its own, with the reason of each refusal', async () => {
    const missing = randomUUID();
    const res = f.ok<{ results: { reportId: string; ok: boolean; message: string | null }[] }>(
      await f.receiver.post('/api/v1/reports/bulk-accept', { reportIds: [anLacSent, anLacSecond, binhMinhDraft, missing] }),
    );
    expect(res.results).toEqual([
      { reportId: anLacSent, ok: true, message: null },
      { reportId: anLacSecond, ok: true, message: null },
      { reportId: binhMinhDraft, ok: false, message: 'Không thể Tiếp nhận báo cáo đang ở trạng thái Đang soạn.' },
      { reportId: missing, ok: false, message: 'Không tìm thấy báo cáo.' },
    ]);
    expect((await f.detail(f.officer, anLacSent)).state).toBe('accepted');
    expect((await f.detail(f.officer, anLacSecond)).state).toBe('accepted');
    expect((await f.detail(f.binhMinhOfficer, binhMinhDraft)).state).toBe('draft');
    const refused = f.ok<{ results: { ok: boolean; message: string | null }[] }>(
      await f.leader.post('/api/v1/reports/bulk-accept', { reportIds: [binhMinhDraft] }),
    );
    expect(refused.results).toEqual([{ reportId: binhMinhDraft, ok: false, message: 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.' }]);
    expect(errorOf(await f.receiver.post('/api/v1/reports/bulk-accept', { reportIds: [] })).status).toBe(400);
  });
});

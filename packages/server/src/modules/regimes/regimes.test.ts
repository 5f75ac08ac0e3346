import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { regimesFixture, type RegimesFixture } from './fixtures.test-support.ts';

interface Problem {
  code: string;
  path: string;
  message: string;
}

describe.each(backends)('regimes: design, validation, versions and publication on %s', (backend) => {
  let f: RegimesFixture;
  beforeAll(async () => {
    f = await regimesFixture(backend);
  });
  afterAll(() => f.t.close());

  let codeSeq = 0;
  const nextCode = () => `BC-${++codeSeq}`;

  /** Creates a regime as Sở Y tế's report owner; throws unless it was created. */
  const create = async (content = f.monthly(), code = nextCode()) => {
    const res = await f.owner.post('/api/v1/regimes', { ownerUnitId: f.units.health, code, content });
    if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('creates a monthly regime for the communes, saves its draft and publishes it, with an audit row for each step', async () => {
    const res = await f.owner.post('/api/v1/regimes', { ownerUnitId: f.units.health, code: 'BC-YT-01', content: f.monthly() });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      code: 'BC-YT-01',
      name: 'Báo cáo tình hình y tế hằng tháng',
      kind: 'dinh_ky',
      frequency: 'month',
      ownerUnitName: 'Sở Y tế',
      status: 'draft',
      current: null,
      draft: { versionNo: 1, status: 'draft', revision: 1 },
      editing: true,
      canManage: true,
      openPeriods: 0,
    });
    expect(created.content.reportingUnits).toEqual({ mode: 'by_kind', rootUnitId: f.units.root, kinds: ['commune'], includeSubtree: true });
    expect(created.names.units).toEqual({ [f.units.health]: 'Sở Y tế', [f.units.root]: 'UBND tỉnh Thử Nghiệm' });
    expect(created.names.forms[f.forms.table]).toEqual({ code: '01/BC-SYT', name: 'Biểu 01: Tình hình thu, chi ngân sách', kind: 'table' });
    expect(created.names.forms[f.forms.outline]).toMatchObject({ code: 'ĐC-01', kind: 'outline' });

    const saved = await f.owner.request('PUT', `/api/v1/regimes/${created.id}/draft`, {
      revision: 1,
      content: f.monthly({ name: 'Báo cáo  tình hình y tế tháng ', guidance: 'Nhập số liệu trên phần mềm.' }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // Text is normalised; until published, the regime is known by its draft's name.
    expect(saved.json()).toMatchObject({ name: 'Báo cáo tình hình y tế tháng', draft: { revision: 2 }, status: 'draft' });
    expect(saved.json().content.guidance).toBe('Nhập số liệu trên phần mềm.');

    const published = await f.owner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 2, note: 'Ban hành lần đầu' });
    expect(published.statusCode, published.body).toBe(200);
    const detail = published.json();
    expect(detail).toMatchObject({
      status: 'active',
      name: 'Báo cáo tình hình y tế tháng',
      draft: null,
      editing: false,
      current: { versionNo: 1, status: 'published', note: 'Ban hành lần đầu' },
    });
    expect(detail.current.publishedAt).toBe('2026-03-10T03:00:00.000Z');
    expect(await f.auditActions(created.id)).toEqual(['regime.created', 'regime.draft_saved', 'regime.published']);

    const list = await f.owner.get('/api/v1/regimes?q=y te thang');
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([created.id]);
    expect((await f.admin.get(`/api/v1/regimes?status=active`)).json().items.map((r: { id: string }) => r.id)).toContain(created.id);
    expect((await f.financeOwner.get('/api/v1/regimes')).json().items).toEqual([]);
  });

  it('opens the periods already due as soon as it is published', async () => {
    const created = await create();
    const published = await f.owner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 1 });
    expect(published.statusCode, published.body).toBe(200);
    const res = (await f.t.database.db.execute(
      sql`select period_code from regime_period where regime_id = ${created.id} and state <> 'closed' order by period_code`,
    )) as unknown as { rows: { period_code: string }[] };
    // 10/03/2026: the windows of Tháng 1, 2 and 3/2026 have started (15/12, 15/01, 15/02); Tháng 4 starts 15/03.
    expect(res.rows.map((r) => r.period_code)).toEqual(['M2026-01', 'M2026-02', 'M2026-03']);
    expect(published.json().openPeriods).toBe(3);
    const listed = (await f.owner.get('/api/v1/regimes?status=active')).json().items.find((r: { id: string }) => r.id === created.id);
    expect(listed.openPeriods).toBe(3);
  });

  it('R7: refuses a deadline on or before the cut-off with DEADLINE_TOO_EARLY and creates nothing', async () => {
    const before = await f.regimeCount();
    for (const rule of [
      { kind: 'days_after', days: 0, time: '17:00' },
      { kind: 'day_of_month', monthOffset: 0, day: 10, time: '17:00' },
    ]) {
      const res = await f.owner.post('/api/v1/regimes', {
        ownerUnitId: f.units.health,
        code: nextCode(),
        content: f.monthly({ deadlines: [{ label: 'UBND xã gửi Sở Y tế', rule: rule as never }] }),
      });
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('DEADLINE_TOO_EARLY');
      expect(error.details.problems[0]).toMatchObject({ code: 'DEADLINE_TOO_EARLY', path: 'deadlines.0.rule' });
      expect(error.message).toMatch(/^Tháng \d{1,2}\/\d{4}: Hạn gửi \d{2}\/\d{2}\/\d{4} chưa sau ngày chốt số liệu \d{2}\/\d{2}\/\d{4}/u);
    }
    expect(await f.regimeCount()).toBe(before);
  });

  it('R8: the default deadline of a regime reporting to the Government is the 25th of the period’s last month', async () => {
    const gov = await f.owner.get('/api/v1/regimes/default-deadline?frequency=quarter&reportsToGovernment=true');
    expect(gov.statusCode, gov.body).toBe(200);
    const local = (await f.owner.get('/api/v1/regimes/default-deadline?frequency=quarter')).json().rule;
    const preview = async (reportsToGovernment: boolean, rule: unknown) => {
      const res = await f.owner.post('/api/v1/regimes/preview-periods', {
        content: f.monthly({
          frequency: 'quarter',
          reportsToGovernment,
          deadlines: [{ label: 'Gửi Văn phòng Chính phủ', rule: rule as never }],
        }),
        from: '2026-10-01',
        count: 2,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().periods;
    };
    const [q4, q1] = await preview(true, gov.json().rule);
    expect(q4).toMatchObject({ code: 'Q2026-4', label: 'Quý IV/2026', windowStart: '2026-09-15', windowEnd: '2026-12-14' });
    expect(q4.deadlines).toEqual([{ label: 'Gửi Văn phòng Chính phủ', date: '2026-12-25', time: '17:00', at: '2026-12-25T10:00:00.000Z' }]);
    expect(q1).toMatchObject({ code: 'Q2027-1', windowEnd: '2027-03-14' });
    expect(q1.deadlines[0].date).toBe('2027-03-25');
    // Otherwise the province's default (LEGAL R10): 2 working days after Monday 14/12/2026.
    const [localQ4] = await preview(false, local);
    expect(localQ4.deadlines[0]).toMatchObject({ date: '2026-12-16', time: '17:00' });
  });

  it('R9: a three-level regime stores three deadlines and the preview shows three per period, lower levels earlier', async () => {
    const levels = [
      { label: 'Sở Y tế gửi UBND tỉnh', rule: { kind: 'working_days_after', days: 5, time: '17:00' } },
      { label: 'Trung tâm y tế gửi Sở Y tế', rule: { kind: 'working_days_after', days: 3, time: '17:00' } },
      { label: 'Trạm y tế xã gửi Trung tâm y tế', rule: { kind: 'working_days_after', days: 1, time: '16:00' } },
    ];
    const created = await create(f.monthly({ deadlines: levels as never }));
    expect(created.content.deadlines.map((d: { label: string }) => d.label)).toEqual(levels.map((l) => l.label));
    const stored = (await f.t.database.db.execute(
      sql`select jsonb_array_length(content->'deadlines') as n from regime_version where regime_id = ${created.id}`,
    )) as unknown as { rows: { n: number }[] };
    expect(Number(stored.rows[0]!.n)).toBe(3);

    const res = await f.owner.post('/api/v1/regimes/preview-periods', { content: created.content, from: '2026-04-01', count: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const periods = res.json().periods;
    expect(periods.map((p: { label: string }) => p.label)).toEqual(['Tháng 4/2026', 'Tháng 5/2026', 'Tháng 6/2026']);
    for (const p of periods) {
      expect(p.deadlines).toHaveLength(3);
      expect(p.deadlines[2].at < p.deadlines[1].at && p.deadlines[1].at < p.deadlines[0].at).toBe(true);
    }
    // Window 15/03–14/04/2026 (Tuesday): the 5th, 3rd and 1st working days after it.
    expect(periods[0].deadlines.map((d: { date: string }) => d.date)).toEqual(['2026-04-21', '2026-04-17', '2026-04-15']);

    const reversed = await f.owner.post('/api/v1/regimes', {
      ownerUnitId: f.units.health,
      code: nextCode(),
      content: f.monthly({ deadlines: [levels[2], levels[0]] as never }),
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({ code: 'DEADLINE_LEVELS_ORDER' });
  });

  it('refuses a regime nobody has to report, with NO_REPORTING_UNITS, and saves nothing', async () => {
    const before = await f.regimeCount();
    const res = await f.owner.post('/api/v1/regimes', {
      ownerUnitId: f.units.health,
      code: nextCode(),
      content: f.monthly({ reportingUnits: { mode: 'by_kind', rootUnitId: f.units.root, kinds: ['ward'], includeSubtree: true } }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('NO_REPORTING_UNITS');
    // The receiving unit alone does not count either.
    const self = await f.owner.post('/api/v1/regimes', {
      ownerUnitId: f.units.health,
      code: nextCode(),
      content: f.monthly({ reportingUnits: { mode: 'explicit', unitIds: [f.units.health] } }),
    });
    expect(self.json().error.code).toBe('NO_REPORTING_UNITS');
    expect(await f.regimeCount()).toBe(before);
  });

  it('previews the units a selection resolves to, sorted in Vietnamese order', async () => {
    const res = await f.owner.post('/api/v1/regimes/preview-units', {
      selection: { mode: 'by_kind', rootUnitId: f.units.root, kinds: ['commune'], includeSubtree: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      total: 3,
      units: [
        { id: f.units.communes[1], name: 'UBND xã An Lạc', kind: 'commune' },
        { id: f.units.communes[2], name: 'UBND xã Đông Hòa', kind: 'commune' },
        { id: f.units.communes[0], name: 'UBND xã Yên Lạc', kind: 'commune' },
      ],
    });
    const departments = await f.owner.post('/api/v1/regimes/preview-units', {
      selection: { mode: 'by_kind', rootUnitId: f.units.root, kinds: ['department'], includeSubtree: false },
    });
    expect(departments.json().units.map((u: { name: string }) => u.name)).toEqual(['Sở Tài chính', 'Sở Y tế']);
  });

  describe('by indicator allocation (theo phân bổ chỉ tiêu)', () => {
    /** Indicators of the library: who is responsible for each (owner) and who takes part (coordinating). */
    let ind: { beds: string; doctors: string; budget: string; orphan: string; retired: string };
    let closedUnit: string;
    beforeAll(async () => {
      const [yenLac, anLac, dongHoa] = f.units.communes as [string, string, string];
      const closed = await makeUnit(f.t.database.db, { parentId: f.units.root, name: 'UBND xã Bình Minh (đã sáp nhập)', kind: 'commune' });
      await f.t.database.db.execute(sql`update org_unit set active = false where id = ${closed.id}`);
      closedUnit = closed.id;
      const beds = await f.makeIndicator('YT_GIUONG', 'Số giường bệnh', yenLac, [anLac, closedUnit]);
      // The receiving unit (Sở Y tế) takes part too: it never reports to itself.
      const doctors = await f.makeIndicator('YT_BACSI', 'Số bác sĩ', f.units.finance, [f.units.health, anLac]);
      const budget = await f.makeIndicator('NS_CHI', 'Chi ngân sách y tế', f.units.finance);
      const orphan = await f.makeIndicator('YT_KHONG_GIAO', 'Chỉ tiêu chưa phân công', null);
      const retired = await f.makeIndicator('YT_CU', 'Chỉ tiêu cũ', dongHoa);
      const off = await f.admin.patch(`/api/v1/indicators/${retired.id}`, { version: retired.version, active: false });
      expect(off.statusCode, off.body).toBe(200);
      ind = { beds: beds.id, doctors: doctors.id, budget: budget.id, orphan: orphan.id, retired: retired.id };
    });

    const byIndicator = (indicatorIds: string[], includeCoordinating = true) =>
      ({ mode: 'by_indicator', indicatorIds, includeCoordinating }) as const;

    it('previews the owner and coordinating units of the indicators, active ones only, once each, in Vietnamese order', async () => {
      const preview = async (selection: unknown) => {
        const res = await f.owner.post('/api/v1/regimes/preview-units', { selection });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as { total: number; units: { id: string; name: string }[] };
      };
      const [yenLac, anLac] = f.units.communes as [string, string];
      const all = await preview(byIndicator([ind.beds, ind.doctors, ind.budget]));
      expect(all).toEqual({
        total: 4,
        units: [
          { id: f.units.finance, name: 'Sở Tài chính', kind: 'department' },
          { id: f.units.health, name: 'Sở Y tế', kind: 'department' },
          { id: anLac, name: 'UBND xã An Lạc', kind: 'commune' },
          { id: yenLac, name: 'UBND xã Yên Lạc', kind: 'commune' },
        ],
      });
      expect(all.units.map((u) => u.id)).not.toContain(closedUnit);
      const ownersOnly = await preview(byIndicator([ind.beds, ind.doctors], false));
      expect(ownersOnly.units.map((u) => u.name)).toEqual(['Sở Tài chính', 'UBND xã Yên Lạc']);
      // The default includes the coordinating units.
      const byDefault = await preview({ mode: 'by_indicator', indicatorIds: [ind.beds] });
      expect(byDefault.units.map((u) => u.name)).toEqual(['UBND xã An Lạc', 'UBND xã Yên Lạc']);
      // An indicator no longer in use allocates nobody.
      expect((await preview(byIndicator([ind.retired]))).total).toBe(0);
      const empty = await f.owner.post('/api/v1/regimes/preview-units', { selection: byIndicator([]) });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Chọn ít nhất một chỉ tiêu.');
    });

    it('saves a regime by indicators with their names, publishes it and opens periods for exactly those units', async () => {
      const created = await create(f.monthly({ reportingUnits: byIndicator([ind.beds, ind.doctors]) }));
      expect(created.content.reportingUnits).toEqual(byIndicator([ind.beds, ind.doctors]));
      expect(created.names.indicators).toEqual({
        [ind.beds]: { code: 'YT_GIUONG', name: 'Số giường bệnh' },
        [ind.doctors]: { code: 'YT_BACSI', name: 'Số bác sĩ' },
      });
      const published = await f.owner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 1 });
      expect(published.statusCode, published.body).toBe(200);

      const periods = await f.owner.get(`/api/v1/regimes/${created.id}/periods`);
      expect(periods.statusCode, periods.body).toBe(200);
      const items = periods.json().items as { id: string; code: string; total: number }[];
      expect(items.map((p) => p.code).sort()).toEqual(['M2026-01', 'M2026-02', 'M2026-03']);
      const [yenLac, anLac] = f.units.communes as [string, string];
      for (const p of items) {
        expect(p.total).toBe(3);
        const detail = await f.owner.get(`/api/v1/regime-periods/${p.id}`);
        expect(detail.statusCode, detail.body).toBe(200);
        const level0 = (detail.json().assignments as { unitId: string; level: number }[]).filter((a) => a.level === 0);
        // Owners and coordinating units, without the receiving unit Sở Y tế and the inactive commune.
        expect(level0.map((a) => a.unitId).sort()).toEqual([f.units.finance, anLac, yenLac].sort());
      }
    });

    it('refuses unknown or retired indicators with REGIME_INVALID naming them, and saves nothing', async () => {
      const before = await f.regimeCount();
      const unknown = '00000000-0000-4000-8000-0000000000aa';
      const res = await f.owner.post('/api/v1/regimes', {
        ownerUnitId: f.units.health,
        code: nextCode(),
        content: f.monthly({ reportingUnits: byIndicator([ind.beds, unknown, ind.retired]) }),
      });
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('REGIME_INVALID');
      expect(error.details.problems).toEqual([
        {
          code: 'REGIME_INVALID',
          path: 'reportingUnits.indicatorIds.1',
          message: `Chỉ tiêu thứ 2 đã chọn không có trong kho chỉ tiêu (mã định danh ${unknown}).`,
        },
        { code: 'REGIME_INVALID', path: 'reportingUnits.indicatorIds.2', message: 'Chỉ tiêu "YT_CU – Chỉ tiêu cũ" đã ngừng sử dụng.' },
      ]);
      expect(error.message).toMatch(/không có trong kho chỉ tiêu.*\(và 1 lỗi khác\)$/u);
      expect(await f.regimeCount()).toBe(before);
    });

    it('refuses indicators allocated to nobody but the receiving unit with NO_REPORTING_UNITS, and saves nothing', async () => {
      const before = await f.regimeCount();
      // YT_KHONG_GIAO has no owner; NS_CHI belongs to Sở Tài chính alone, which receives here.
      for (const indicatorIds of [[ind.orphan], [ind.orphan, ind.budget]]) {
        const res = await f.owner.post('/api/v1/regimes', {
          ownerUnitId: f.units.health,
          code: nextCode(),
          content: f.monthly({ reportingUnits: byIndicator(indicatorIds), receivingUnitId: f.units.finance }),
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toBe('NO_REPORTING_UNITS');
        expect(res.json().error.message).toMatch(/^Các chỉ tiêu đã chọn chưa được phân công cho đơn vị đang hoạt động nào/u);
      }
      expect(await f.regimeCount()).toBe(before);
    });
  });

  it('refuses overlapping custom periods with CUSTOM_PERIODS_OVERLAP naming both', async () => {
    const before = await f.regimeCount();
    const res = await f.owner.post('/api/v1/regimes', {
      ownerUnitId: f.units.health,
      code: nextCode(),
      content: f.monthly({
        kind: 'chuyen_de',
        frequency: 'custom',
        customPeriods: [
          { label: 'Đợt 1', start: '2026-05-01', end: '2026-05-31', deadlineDate: '2026-06-05' },
          { label: 'Đợt 2', start: '2026-05-20', end: '2026-06-30', deadlineDate: '2026-07-06' },
        ],
      }),
    });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('CUSTOM_PERIODS_OVERLAP');
    expect(error.details.problems.find((p: Problem) => p.code === 'CUSTOM_PERIODS_OVERLAP').message).toMatch(/Đợt 2.*Đợt 1/u);
    expect(await f.regimeCount()).toBe(before);
  });

  it('an ad hoc regime previews its listed periods with their deadlines moved to working days', async () => {
    const res = await f.owner.post('/api/v1/regimes/preview-periods', {
      content: f.monthly({
        kind: 'dot_xuat',
        frequency: 'custom',
        customPeriods: [
          { label: 'Đợt 2', start: '2026-06-01', end: '2026-06-30', deadlineDate: '2026-07-04' },
          { label: 'Đợt 1', start: '2026-05-01', end: '2026-05-31', deadlineDate: '2026-06-05', deadlineTime: '10:00' },
        ],
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().periods).toEqual([
      expect.objectContaining({ code: 'C1', label: 'Đợt 1', deadlines: [expect.objectContaining({ date: '2026-06-05', time: '10:00' })] }),
      // Saturday 04/07/2026 → Monday 06/07/2026.
      expect.objectContaining({ code: 'C2', label: 'Đợt 2', deadlines: [expect.objectContaining({ date: '2026-07-06', time: '17:00' })] }),
    ]);
  });

  it('checks the forms: published, and of the right kind', async () => {
    const unpublished = await f.owner.post('/api/v1/regimes', {
      ownerUnitId: f.units.health,
      code: nextCode(),
      content: f.monthly({ formIds: [f.forms.table, f.forms.draft] }),
    });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().error).toMatchObject({ code: 'FORM_NOT_PUBLISHED' });
    expect(unpublished.json().error.details.problems).toEqual([
      {
        code: 'FORM_NOT_PUBLISHED',
        path: 'formIds.1',
        message: 'Biểu mẫu số liệu "02/BC-SYT – Biểu 02: Chưa ban hành" chưa có phiên bản nào được ban hành.',
      },
    ]);
    const wrongKind = await f.owner.post('/api/v1/regimes', {
      ownerUnitId: f.units.health,
      code: nextCode(),
      content: f.monthly({ outlineFormId: f.forms.table }),
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error).toMatchObject({
      code: 'REGIME_INVALID',
      details: { problems: [expect.objectContaining({ path: 'outlineFormId' })] },
    });
  });

  it('R11: a regime asking for text and figures is not published without an outline', async () => {
    const created = await create(f.monthly({ outlineFormId: null }));
    const res = await f.owner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 1 });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'REGIME_INVALID', message: 'Chưa chọn mẫu đề cương báo cáo.' });
    const after = (await f.owner.get(`/api/v1/regimes/${created.id}`)).json();
    expect(after).toMatchObject({ status: 'draft', current: null, draft: { revision: 1 } });
    // A regime asking only for figures needs no outline.
    const numeric = await create(f.monthly({ outlineFormId: null, contentKind: 'numeric' }));
    expect((await f.owner.post(`/api/v1/regimes/${numeric.id}/publish`, { revision: 1 })).statusCode).toBe(200);
  });

  it('a published version is not edited: a new version is drafted from it, published, and the old one stays readable', async () => {
    const created = await create();
    expect((await f.owner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 1 })).statusCode).toBe(200);

    const edit = await f.owner.request('PUT', `/api/v1/regimes/${created.id}/draft`, {
      revision: 1,
      content: f.monthly({ name: 'Tên mới' }),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('REGIME_VERSION_PUBLISHED');

    const v2 = await f.owner.post(`/api/v1/regimes/${created.id}/versions`);
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ editing: true, draft: { versionNo: 2, revision: 1 }, current: { versionNo: 1 } });
    expect(v2.json().content).toEqual(created.content);
    const again = await f.owner.post(`/api/v1/regimes/${created.id}/versions`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');

    const saved = await f.owner.request('PUT', `/api/v1/regimes/${created.id}/draft`, {
      revision: 1,
      content: f.monthly({ name: 'Báo cáo y tế hằng tháng (sửa đổi)' }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The regime in force keeps its published name until the new version is published.
    expect(saved.json().name).toBe('Báo cáo tình hình y tế hằng tháng');
    const published = await f.owner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 2 });
    expect(published.statusCode, published.body).toBe(200);
    const detail = published.json();
    expect(detail).toMatchObject({ name: 'Báo cáo y tế hằng tháng (sửa đổi)', current: { versionNo: 2 }, draft: null, status: 'active' });
    expect(detail.versions.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    const v1 = detail.versions.find((v: { versionNo: number }) => v.versionNo === 1);
    const old = await f.owner.get(`/api/v1/regimes/${created.id}/versions/${v1.id}`);
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json()).toMatchObject({ versionNo: 1, status: 'published', content: { name: 'Báo cáo tình hình y tế hằng tháng' } });
    expect(await f.auditActions(created.id)).toEqual([
      'regime.created',
      'regime.published',
      'regime.draft_started',
      'regime.draft_saved',
      'regime.published',
    ]);
    // And the database itself refuses to change a published version.
    await expect(f.t.database.db.execute(sql`update regime_version set note = 'x' where id = ${v1.id}`)).rejects.toThrow();
  });

  it('refuses a stale revision with CONFLICT and keeps the first save', async () => {
    const created = await create();
    const first = await f.owner.request('PUT', `/api/v1/regimes/${created.id}/draft`, {
      revision: 1,
      content: f.monthly({ name: 'Lần lưu thứ nhất' }),
    });
    expect(first.statusCode).toBe(200);
    const second = await f.owner.request('PUT', `/api/v1/regimes/${created.id}/draft`, {
      revision: 1,
      content: f.monthly({ name: 'Lần lưu thứ hai' }),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    const stalePublish = await f.owner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 1 });
    expect(stalePublish.json().error.code).toBe('CONFLICT');
    const detail = (await f.owner.get(`/api/v1/regimes/${created.id}`)).json();
    expect(detail).toMatchObject({ name: 'Lần lưu thứ nhất', status: 'draft', draft: { revision: 2 } });
  });

  it('refuses a second regime with the same code in the same owner unit', async () => {
    await create(f.monthly(), 'BC-TRUNG');
    const res = await f.owner.post('/api/v1/regimes', { ownerUnitId: f.units.health, code: 'BC-TRUNG', content: f.monthly() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'DUPLICATE_CODE',
      message: 'Đơn vị chủ trì đã có chế độ báo cáo mang ký hiệu "BC-TRUNG".',
    });
  });

  it('stops a regime in force', async () => {
    const created = await create();
    expect((await f.owner.post(`/api/v1/regimes/${created.id}/stop`)).json().error.code).toBe('CONFLICT');
    expect((await f.owner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 1 })).statusCode).toBe(200);
    const stopped = await f.owner.post(`/api/v1/regimes/${created.id}/stop`, { reason: 'Đã có văn bản thay thế' });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json().status).toBe('stopped');
    expect((await f.auditActions(created.id)).at(-1)).toBe('regime.stopped');
  });

  it('lets only report owners of the owner unit manage a regime: others get 403 and nothing changes', async () => {
    const created = await create();
    const regimesBefore = await f.regimeCount();
    const auditBefore = await f.count(sql`select count(*)::int as n from audit_log`);
    const attempts = [
      () => f.clerk.post('/api/v1/regimes', { ownerUnitId: f.units.health, code: nextCode(), content: f.monthly() }),
      () => f.financeOwner.post('/api/v1/regimes', { ownerUnitId: f.units.health, code: nextCode(), content: f.monthly() }),
      () => f.clerk.request('PUT', `/api/v1/regimes/${created.id}/draft`, { revision: 1, content: f.monthly({ name: 'Sửa trái phép' }) }),
      () =>
        f.financeOwner.request('PUT', `/api/v1/regimes/${created.id}/draft`, {
          revision: 1,
          content: f.monthly({ name: 'Sửa trái phép' }),
        }),
      () => f.financeOwner.post(`/api/v1/regimes/${created.id}/publish`, { revision: 1 }),
      () => f.clerk.post(`/api/v1/regimes/${created.id}/publish`, { revision: 1 }),
      () => f.financeOwner.post(`/api/v1/regimes/${created.id}/stop`),
      () => f.financeOwner.get(`/api/v1/regimes/${created.id}`),
      () => f.clerk.get(`/api/v1/regimes/${created.id}`),
      () => f.clerk.post('/api/v1/regimes/preview-periods', { content: f.monthly() }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.statusCode, res.body).toBe(403);
      expect(['FORBIDDEN', 'OUT_OF_SCOPE']).toContain(res.json().error.code);
    }
    expect(await f.regimeCount()).toBe(regimesBefore);
    expect(await f.count(sql`select count(*)::int as n from audit_log`)).toBe(auditBefore);
    const detail = (await f.owner.get(`/api/v1/regimes/${created.id}`)).json();
    expect(detail).toMatchObject({ name: 'Báo cáo tình hình y tế hằng tháng', status: 'draft', draft: { revision: 1 } });
    expect((await f.clerk.get('/api/v1/regimes')).json().items).toEqual([]);
    expect((await f.owner.get('/api/v1/regimes/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

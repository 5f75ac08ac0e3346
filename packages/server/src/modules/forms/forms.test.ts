import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { budgetForm, formsFixture, type FormsFixture } from './fixtures.test-support.ts';

describe.each(backends)('forms: design, drafts and publishing on %s', (backend) => {
  let f: FormsFixture;
  beforeAll(async () => {
    f = await formsFixture(backend);
  });
  afterAll(() => f.t.close());

  const auditActions = async (formId: string) => {
    const res = await f.t.database.db.execute(sql`select action from audit_log where target_id = ${formId} order by seq`);
    return (res as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
  };

  it('creates a form with draft version 1, named by its definition, in NFC, and audits it', async () => {
    const res = await f.healthDesigner.post('/api/v1/forms', {
      ownerUnitId: f.units.health,
      definition: budgetForm({ code: '02/BC-SYT', name: 'Biểu 02: Tiêm chu\u0309ng mở rộng' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const form = res.json();
    expect(form).toMatchObject({
      code: '02/BC-SYT',
      name: 'Biểu 02: Tiêm chủng mở rộng',
      kind: 'table',
      ownerUnitName: 'Sở Y tế',
      sharing: 'private',
      latestPublished: null,
      draft: { versionNo: 1, status: 'draft', revision: 1 },
      canDesign: true,
    });
    const version = (await f.healthDesigner.get(`/api/v1/forms/${form.id}/versions/${form.draft.id}`)).json();
    expect(version.definition.ownerUnitId).toBe(f.units.health);
    expect(version.definition.rows[1].children.map((r: { code: string }) => r.code)).toEqual(['R11', 'R12']);
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/u);
    expect(await auditActions(form.id)).toEqual(['form.created']);
  });

  it('refuses a definition that does not parse, listing each problem with its place', async () => {
    const res = await f.healthDesigner.post('/api/v1/forms', {
      ownerUnitId: f.units.health,
      definition: { name: 'Biểu thiếu', code: '', rows: [{ id: 'x', code: 'có dấu cách', name: 'Dòng', kind: 'input' }] },
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.problems).toEqual(
      expect.arrayContaining([
        { path: 'code', message: 'Không được để trống.', severity: 'error' },
        expect.objectContaining({ path: 'rows.0.code', severity: 'error' }),
      ]),
    );
    expect(error.message).toMatch(/^Nội dung biểu mẫu chưa hợp lệ \(2 lỗi\)/u);
  });

  it('refuses a second form with the same code in the same unit, but not in another unit', async () => {
    const body = (unit: string) => ({ ownerUnitId: unit, definition: budgetForm({ code: '03/BC' }) });
    expect((await f.healthDesigner.post('/api/v1/forms', body(f.units.health))).statusCode).toBe(201);
    const dup = await f.healthDesigner.post('/api/v1/forms', body(f.units.health));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_CODE', message: 'Đơn vị chủ trì đã có biểu mẫu mang ký hiệu "03/BC".' });
    expect((await f.financeDesigner.post('/api/v1/forms', body(f.units.finance))).statusCode).toBe(201);
  });

  it('lets only designers whose scope covers the owner unit create or change a form', async () => {
    const other = await f.financeDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm({ code: 'X1' }) });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    const officer = await f.communeOfficer.post('/api/v1/forms', { ownerUnitId: f.units.commune, definition: budgetForm({ code: 'X2' }) });
    expect(officer.statusCode).toBe(403);
    expect(officer.json().error.code).toBe('FORBIDDEN');
    const created = (
      await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm({ code: 'X3' }) })
    ).json();
    const save = await f.financeDesigner.request('PUT', `/api/v1/forms/${created.id}/draft`, {
      revision: 1,
      definition: budgetForm({ code: 'X3' }),
    });
    expect(save.statusCode).toBe(403);
    expect(await auditActions(created.id)).toEqual(['form.created']);
  });

  it('keeps a draft editable with formula problems, refuses to publish it, then publishes once fixed', async () => {
    const form = (
      await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm({ code: '04/BC' }) })
    ).json();
    const broken = budgetForm({ code: '04/BC', cellFormulas: [{ row: 'R2', col: 'KN', formula: 'R1 * KHONG_CO' }] });
    const saved = await f.healthDesigner.request('PUT', `/api/v1/forms/${form.id}/draft`, {
      revision: 1,
      definition: broken,
      note: 'Thêm công thức',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ revision: 2, note: 'Thêm công thức' });

    const stale = await f.healthDesigner.request('PUT', `/api/v1/forms/${form.id}/draft`, {
      revision: 1,
      definition: budgetForm({ code: '04/BC' }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    const problems = (await f.healthDesigner.get(`/api/v1/forms/${form.id}/versions/${form.draft.id}/problems`)).json().problems;
    expect(problems).toEqual([
      { path: 'cellFormulas.0.formula', message: 'Công thức của ô [R2:KN]: Mã không tồn tại: KHONG_CO', severity: 'error' },
    ]);

    const refused = await f.healthDesigner.post(`/api/v1/forms/${form.id}/publish`, { revision: 2 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message:
        'Biểu mẫu còn 1 lỗi nên chưa ban hành được. Lỗi đầu tiên (cellFormulas.0.formula): Công thức của ô [R2:KN]: Mã không tồn tại: KHONG_CO',
      details: { problems },
    });

    const fixed = await f.healthDesigner.request('PUT', `/api/v1/forms/${form.id}/draft`, {
      revision: 2,
      definition: budgetForm({ code: '04/BC', name: 'Biểu 04: Thu, chi ngân sách quý' }),
    });
    expect(fixed.json().revision).toBe(3);
    // Before its first publication the form is known by its draft's name.
    expect((await f.healthDesigner.get(`/api/v1/forms/${form.id}`)).json().name).toBe('Biểu 04: Thu, chi ngân sách quý');
    const published = await f.healthDesigner.post(`/api/v1/forms/${form.id}/publish`, { revision: 3, note: 'Ban hành lần đầu' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      latestPublished: { versionNo: 1, status: 'published', note: 'Ban hành lần đầu' },
      draft: null,
    });
    expect(await auditActions(form.id)).toEqual(['form.created', 'form.draft_saved', 'form.draft_saved', 'form.published']);
  });

  it('never changes a published version: edits go to a new draft, and the database refuses a direct update', async () => {
    const form = (
      await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm({ code: '05/BC' }) })
    ).json();
    const v1 = (await f.healthDesigner.post(`/api/v1/forms/${form.id}/publish`, { revision: 1 })).json().latestPublished;
    const noDraft = await f.healthDesigner.request('PUT', `/api/v1/forms/${form.id}/draft`, {
      revision: 1,
      definition: budgetForm({ code: '05/BC' }),
    });
    expect(noDraft.statusCode).toBe(404);
    expect(noDraft.json().error.message).toBe('Biểu mẫu không có bản nháp. Hãy tạo bản nháp mới từ phiên bản đã ban hành.');

    const started = await f.healthDesigner.post(`/api/v1/forms/${form.id}/draft`);
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ versionNo: 2, status: 'draft', revision: 1, contentHash: v1.contentHash });
    const again = await f.healthDesigner.post(`/api/v1/forms/${form.id}/draft`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(started.json().id);

    const same = await f.healthDesigner.post(`/api/v1/forms/${form.id}/publish`, { revision: 1 });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toBe('Bản nháp giống hệt phiên bản 1 đã ban hành; không có thay đổi nào để ban hành.');

    const changed = budgetForm({ code: '05/BC', disabledCells: [] });
    await f.healthDesigner.request('PUT', `/api/v1/forms/${form.id}/draft`, { revision: 1, definition: changed });
    const v2 = await f.healthDesigner.post(`/api/v1/forms/${form.id}/publish`, { revision: 2 });
    expect(v2.json().latestPublished.versionNo).toBe(2);
    const versions = (await f.healthDesigner.get(`/api/v1/forms/${form.id}/versions`)).json().items;
    expect(versions.map((v: { versionNo: number; status: string }) => `${v.versionNo}:${v.status}`)).toEqual([
      '2:published',
      '1:published',
    ]);

    await expect(f.t.database.db.execute(sql`update form_version set note = 'sửa lén' where id = ${v1.id}`)).rejects.toThrow();
    const kept = (await f.healthDesigner.get(`/api/v1/forms/${form.id}/versions/${v1.id}`)).json();
    expect(kept.definition.disabledCells).toEqual([{ row: 'R2', col: 'KH' }]);
  });

  it('lets only one of two simultaneous edits win, and starts only one draft when asked twice at once', async () => {
    const form = (
      await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm({ code: '08/BC' }) })
    ).json();
    const edit = (name: string) =>
      f.healthDesigner.request('PUT', `/api/v1/forms/${form.id}/draft`, { revision: 1, definition: budgetForm({ code: '08/BC', name }) });
    const saves = await Promise.all([edit('Biểu 08: bản của người thứ nhất'), edit('Biểu 08: bản của người thứ hai')]);
    expect(saves.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    await f.healthDesigner.post(`/api/v1/forms/${form.id}/publish`, { revision: 2 });
    const starts = await Promise.all([
      f.healthDesigner.post(`/api/v1/forms/${form.id}/draft`),
      f.healthDesigner.post(`/api/v1/forms/${form.id}/draft`),
    ]);
    expect(starts.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(starts[0]!.json().id).toBe(starts[1]!.json().id);
  });

  it('shows what changed between two versions', async () => {
    const form = (
      await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm({ code: '06/BC' }) })
    ).json();
    const v1 = (await f.healthDesigner.post(`/api/v1/forms/${form.id}/publish`, { revision: 1 })).json().latestPublished;
    const draft = (await f.healthDesigner.post(`/api/v1/forms/${form.id}/draft`)).json();
    const base = budgetForm({ code: '06/BC' });
    await f.healthDesigner.request('PUT', `/api/v1/forms/${form.id}/draft`, {
      revision: 1,
      definition: { ...base, rows: [...base.rows!, { id: 'r3', code: 'R3', name: 'Vay và trả nợ', unit: 'Tỷ đồng', kind: 'input' }] },
    });
    const diff = await f.healthDesigner.get(`/api/v1/forms/${form.id}/diff?from=${v1.id}&to=${draft.id}`);
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json()).toMatchObject({
      formId: form.id,
      kind: 'table',
      identical: false,
      from: { versionNo: 1, status: 'published' },
      to: { versionNo: 2, status: 'draft' },
      rows: { added: [{ key: 'R3', name: 'Vay và trả nợ', changes: [] }], removed: [], changed: [] },
    });
  });

  it('lists my forms by search without diacritics, kind and page', async () => {
    const res = await f.healthDesigner.get('/api/v1/forms?view=mine&q=ngan%20sach%20quy&pageSize=5');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, page: 1, pageSize: 5, items: [{ code: '04/BC' }] });
    const page = (await f.healthDesigner.get('/api/v1/forms?view=mine&kind=table&pageSize=2&page=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect((await f.healthDesigner.get('/api/v1/forms?view=mine&kind=outline')).json().total).toBe(0);
  });

  it('designs list forms and outlines with their own schemas and checks', async () => {
    const list = await f.healthDesigner.post('/api/v1/forms', {
      kind: 'list',
      ownerUnitId: f.units.health,
      definition: {
        name: 'Danh sách cơ sở khám chữa bệnh',
        code: 'DS-01',
        columns: [
          { code: 'TEN', name: 'Tên cơ sở', checks: ['required'] },
          { code: 'LOAI', name: 'Loại hình', type: 'catalog', catalogCode: 'LOAI_CSKCB' },
          { code: 'GIUONG', name: 'Số giường bệnh', type: 'integer', checks: ['non_negative'] },
        ],
        totalColumns: ['GIUONG'],
      },
    });
    expect(list.statusCode, list.body).toBe(201);
    const listForm = list.json();
    const warnings = (await f.healthDesigner.get(`/api/v1/forms/${listForm.id}/versions/${listForm.draft.id}/problems`)).json().problems;
    expect(warnings).toEqual([
      { path: 'columns.1.catalogCode', message: 'Cột "Loại hình" (LOAI): danh mục "LOAI_CSKCB" không tồn tại.', severity: 'warning' },
    ]);
    // Warnings do not stop publication.
    expect((await f.healthDesigner.post(`/api/v1/forms/${listForm.id}/publish`, { revision: 1 })).statusCode).toBe(200);

    const outline = await f.healthDesigner.post('/api/v1/forms', {
      kind: 'outline',
      ownerUnitId: f.units.health,
      definition: { name: 'Đề cương báo cáo công tác y tế tháng', code: 'ĐC-01', sections: [] },
    });
    expect(outline.statusCode).toBe(400);
    expect(outline.json().error.details.problems).toEqual([
      { path: 'sections', message: 'Đề cương phải có ít nhất một mục.', severity: 'error' },
    ]);
    const ok = await f.healthDesigner.post('/api/v1/forms', {
      kind: 'outline',
      ownerUnitId: f.units.health,
      definition: {
        name: 'Đề cương báo cáo công tác y tế tháng',
        code: 'ĐC-01',
        sections: [
          { id: 'kq', title: 'Kết quả thực hiện', children: [{ id: 'kcb', title: 'Khám, chữa bệnh', guidance: 'Nêu số lượt khám.' }] },
        ],
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().kind).toBe('outline');
  });

  it('warns about indicator codes missing from the indicator library', async () => {
    const def = budgetForm({ code: '07/BC' });
    def.rows![2] = { ...def.rows![2]!, indicatorCode: 'KHONG_CO_CT' };
    const form = (await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: def })).json();
    const problems = (await f.healthDesigner.get(`/api/v1/forms/${form.id}/versions/${form.draft.id}/problems`)).json().problems;
    expect(problems).toEqual([
      {
        path: 'rows.2.indicatorCode',
        message: 'Dòng "Chi ngân sách địa phương" (R2): mã chỉ tiêu "KHONG_CO_CT" không có trong kho chỉ tiêu.',
        severity: 'warning',
      },
    ]);
  });
});

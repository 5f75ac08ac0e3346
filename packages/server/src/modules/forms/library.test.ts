import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { budgetForm, formsFixture, type FormsFixture } from './fixtures.test-support.ts';

describe.each(backends)('forms: template library on %s', (backend) => {
  let f: FormsFixture;
  /** Sở Y tế's form, published once, with a newer draft. */
  let template: { id: string; version: number; v1: string; draft: string };

  beforeAll(async () => {
    f = await formsFixture(backend);
    const created = (
      await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm({ code: 'MAU-01' }) })
    ).json();
    const published = (await f.healthDesigner.post(`/api/v1/forms/${created.id}/publish`, { revision: 1 })).json();
    const draft = (await f.healthDesigner.post(`/api/v1/forms/${created.id}/draft`)).json();
    template = { id: created.id, version: published.version, v1: published.latestPublished.id, draft: draft.id };
  });
  afterAll(() => f.t.close());

  const codes = async (client: FormsFixture['admin'], view: string) =>
    ((await client.get(`/api/v1/forms?view=${view}`)).json().items as { code: string }[]).map((i) => i.code);

  it('keeps a private form to the designers of its owner unit', async () => {
    const res = await f.financeDesigner.get(`/api/v1/forms/${template.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Biểu mẫu này không thuộc phạm vi của bạn và chưa được chia sẻ với đơn vị của bạn.');
    expect(await codes(f.financeDesigner, 'all')).not.toContain('MAU-01');
    expect(await codes(f.healthDesigner, 'mine')).toContain('MAU-01');
    expect(await codes(f.admin, 'mine')).toContain('MAU-01');
  });

  it('shares with chosen units (and their subtrees) only, with an optimistic version check', async () => {
    const stale = await f.healthDesigner.post(`/api/v1/forms/${template.id}/share`, { version: template.version - 1, sharing: 'all' });
    expect(stale.statusCode).toBe(409);
    const shared = await f.healthDesigner.post(`/api/v1/forms/${template.id}/share`, {
      version: template.version,
      sharing: 'units',
      units: [{ unitId: f.units.finance, includeSubtree: true }],
    });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json()).toMatchObject({
      sharing: 'units',
      sharedWith: [{ unitId: f.units.finance, unitName: 'Sở Tài chính', includeSubtree: true }],
    });
    template.version = shared.json().version;

    expect(await codes(f.financeDesigner, 'library')).toContain('MAU-01');
    expect(await codes(f.communeOfficer, 'library')).not.toContain('MAU-01');
    expect((await f.communeOfficer.get(`/api/v1/forms/${template.id}`)).statusCode).toBe(403);
  });

  it('shows readers of a shared form only its published versions, never the draft', async () => {
    const summary = (await f.financeDesigner.get(`/api/v1/forms/${template.id}`)).json();
    expect(summary).toMatchObject({ canDesign: false, draft: null, latestPublished: { id: template.v1 } });
    const versions = (await f.financeDesigner.get(`/api/v1/forms/${template.id}/versions`)).json().items;
    expect(versions.map((v: { status: string }) => v.status)).toEqual(['published']);
    expect((await f.financeDesigner.get(`/api/v1/forms/${template.id}/versions/${template.draft}`)).statusCode).toBe(404);
    expect((await f.financeDesigner.get(`/api/v1/forms/${template.id}/diff?from=${template.v1}&to=${template.draft}`)).statusCode).toBe(
      404,
    );
    // Readers cannot change it.
    const share = await f.financeDesigner.post(`/api/v1/forms/${template.id}/share`, { version: template.version, sharing: 'all' });
    expect(share.statusCode).toBe(403);
  });

  it('refuses to share a form that has never been published', async () => {
    const fresh = (
      await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm({ code: 'MAU-02' }) })
    ).json();
    const res = await f.healthDesigner.post(`/api/v1/forms/${fresh.id}/share`, { version: fresh.version, sharing: 'all' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'FORM_NOT_PUBLISHED',
      message: 'Chỉ chia sẻ được biểu mẫu đã ban hành; hãy ban hành biểu mẫu trước.',
    });
  });

  it('copies a published version of a shared template into a form of the copier’s unit, and tells the owner', async () => {
    const draftCopy = await f.financeDesigner.post(`/api/v1/forms/${template.id}/copy`, {
      versionId: template.draft,
      ownerUnitId: f.units.finance,
      code: 'STC-01',
    });
    expect(draftCopy.statusCode).toBe(404);
    const intoOtherUnit = await f.financeDesigner.post(`/api/v1/forms/${template.id}/copy`, {
      ownerUnitId: f.units.health,
      code: 'STC-01',
    });
    expect(intoOtherUnit.statusCode).toBe(403);

    const res = await f.financeDesigner.post(`/api/v1/forms/${template.id}/copy`, {
      ownerUnitId: f.units.finance,
      code: 'STC-01',
      name: 'Biểu thu, chi ngân sách (Sở Tài chính)',
    });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({
      code: 'STC-01',
      name: 'Biểu thu, chi ngân sách (Sở Tài chính)',
      ownerUnitName: 'Sở Tài chính',
      copiedFrom: { formId: template.id, code: 'MAU-01', versionNo: 1 },
      draft: { versionNo: 1 },
      canDesign: true,
    });
    const copied = (await f.financeDesigner.get(`/api/v1/forms/${copy.id}/versions/${copy.draft.id}`)).json().definition;
    const original = (await f.healthDesigner.get(`/api/v1/forms/${template.id}/versions/${template.v1}`)).json().definition;
    expect(copied).toEqual({ ...original, code: 'STC-01', name: 'Biểu thu, chi ngân sách (Sở Tài chính)', ownerUnitId: f.units.finance });

    const usage = await f.healthDesigner.get(`/api/v1/forms/${template.id}/usage`);
    expect(usage.json()).toEqual({
      copies: [
        {
          formId: copy.id,
          code: 'STC-01',
          name: 'Biểu thu, chi ngân sách (Sở Tài chính)',
          ownerUnitName: 'Sở Tài chính',
          fromVersionNo: 1,
        },
      ],
    });
    expect((await f.financeDesigner.get(`/api/v1/forms/${template.id}/usage`)).statusCode).toBe(403);
    const audit = await f.t.database.db.execute(sql`select action, summary from audit_log where target_id = ${copy.id}`);
    expect((audit as unknown as { rows: { action: string; summary: { from: { code: string } } }[] }).rows).toMatchObject([
      { action: 'form.copied', summary: { from: { code: 'MAU-01', versionNo: 1 } } },
    ]);
  });

  it('shares with every unit, so that the commune sees it in the library; private again hides it', async () => {
    const all = await f.healthDesigner.post(`/api/v1/forms/${template.id}/share`, { version: template.version, sharing: 'all' });
    expect(all.json()).toMatchObject({ sharing: 'all', sharedWith: [] });
    expect(await codes(f.communeOfficer, 'library')).toContain('MAU-01');
    const copy = await f.communeOfficer.post(`/api/v1/forms/${template.id}/copy`, { ownerUnitId: f.units.commune, code: 'XA-01' });
    expect(copy.statusCode).toBe(403);
    await f.healthDesigner.post(`/api/v1/forms/${template.id}/share`, { version: all.json().version, sharing: 'private' });
    expect(await codes(f.communeOfficer, 'library')).not.toContain('MAU-01');
  });
});

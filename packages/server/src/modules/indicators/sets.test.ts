import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { referenceFixture } from './fixtures.test-support.ts';
import { DEMO_SET_CODE } from './demo.ts';

function put(client: Client, url: string, body: unknown) {
  return client.request('PUT', url, body);
}

interface Member {
  code: string;
  position: string | null;
}

describe.each(backends)('indicator sets on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let owner: Client;
  let clerk: Client;
  let deptA: string;
  let deptB: string;

  beforeAll(async () => {
    ({ t, admin, owner, clerk, deptA, deptB } = await referenceFixture(backend));
  });
  afterAll(() => t.close());

  const codesOf = (members: Member[]) => members.map((m) => m.code);

  it('creates a set, renames it and refuses a duplicate code', async () => {
    const created = await admin.post('/api/v1/indicator-sets', {
      code: 'YT_TINH',
      name: '  Bộ chỉ tiêu  y tế của tỉnh ',
      legalBasis: 'Thông tư thử số 1',
      ownerUnitId: deptA,
    });
    expect(created.statusCode, created.body).toBe(201);
    const set = created.json();
    expect(set).toMatchObject({
      code: 'YT_TINH',
      name: 'Bộ chỉ tiêu y tế của tỉnh',
      legalBasis: 'Thông tư thử số 1',
      description: null,
      ownerUnitId: deptA,
      ownerUnitName: 'Sở Y tế',
      indicatorCount: 0,
      canManage: true,
      members: [],
    });

    const dup = await admin.post('/api/v1/indicator-sets', { code: 'YT_TINH', name: 'Trùng' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_CODE', message: 'Mã bộ chỉ tiêu "YT_TINH" đã có.' });

    const renamed = await owner.patch(`/api/v1/indicator-sets/${set.id}`, { name: 'Bộ chỉ tiêu y tế', description: 'Mô tả' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Bộ chỉ tiêu y tế', description: 'Mô tả', legalBasis: 'Thông tư thử số 1' });
    const cleared = await owner.patch(`/api/v1/indicator-sets/${set.id}`, { legalBasis: null });
    expect(cleared.json()).toMatchObject({ name: 'Bộ chỉ tiêu y tế', legalBasis: null });

    const listed = (await clerk.get('/api/v1/indicator-sets')).json().items.find((s: { code: string }) => s.code === 'YT_TINH');
    expect(listed).toMatchObject({ name: 'Bộ chỉ tiêu y tế', indicatorCount: 0, canManage: false, ownerUnitName: 'Sở Y tế' });

    const audit = (await admin.get('/api/v1/audit?action=indicator.set_updated')).json();
    expect(audit.items).toHaveLength(2);
    expect(audit.items.map((i: { targetId: string }) => i.targetId)).toEqual([set.id, set.id]);
    const createdAudit = (await admin.get('/api/v1/audit?action=indicator.set_created')).json();
    expect(createdAudit.items.some((i: { targetId: string }) => i.targetId === set.id)).toBe(true);
  });

  it('replaces the ordered members with positions, and returns them in order', async () => {
    const set = (await admin.post('/api/v1/indicator-sets', { code: 'KT_CHU_YEU', name: 'Chỉ tiêu kinh tế chủ yếu' })).json();
    const saved = await put(admin, `/api/v1/indicator-sets/${set.id}/members`, {
      members: [{ indicatorCode: 'CPI', position: '01' }, { indicatorCode: 'DS_TB', position: '02' }, { indicatorCode: 'THU_NSNN' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().indicatorCount).toBe(3);
    expect(saved.json().members.map((m: Member) => [m.code, m.position])).toEqual([
      ['CPI', '01'],
      ['DS_TB', '02'],
      ['THU_NSNN', null],
    ]);
    expect(saved.json().members[1]).toMatchObject({ name: 'Dân số trung bình', unitOfMeasure: 'Người' });

    // Reorder, drop one, add one.
    const reordered = await put(admin, `/api/v1/indicator-sets/${set.id}/members`, {
      members: [
        { indicatorCode: 'THU_NSNN', position: '1' },
        { indicatorCode: 'SO_HO', position: '2' },
        { indicatorCode: 'CPI', position: '3' },
      ],
    });
    expect(codesOf(reordered.json().members)).toEqual(['THU_NSNN', 'SO_HO', 'CPI']);
    const detail = (await clerk.get(`/api/v1/indicator-sets/${set.id}`)).json();
    expect(detail.members.map((m: Member) => [m.code, m.position])).toEqual([
      ['THU_NSNN', '1'],
      ['SO_HO', '2'],
      ['CPI', '3'],
    ]);
    expect(detail.canManage).toBe(false);
    // The indicator list filtered by the set follows the same order, and indicators know their sets.
    const bySet = (await clerk.get('/api/v1/indicators?setCode=KT_CHU_YEU')).json();
    expect(codesOf(bySet.items)).toEqual(['THU_NSNN', 'SO_HO', 'CPI']);
    const pop = (await clerk.get('/api/v1/indicators?q=dan so trung binh')).json().items[0];
    expect(pop.sets).not.toContain('KT_CHU_YEU');

    const audit = (await admin.get('/api/v1/audit?action=indicator.set_members_saved')).json();
    expect(audit.items[0]).toMatchObject({ targetId: set.id, targetType: 'indicator_set' });
    expect(audit.items[0].summary).toMatchObject({ code: 'KT_CHU_YEU', added: ['SO_HO'], removed: ['DS_TB'] });

    // Saving the same list writes nothing.
    const again = await put(admin, `/api/v1/indicator-sets/${set.id}/members`, {
      members: [
        { indicatorCode: 'THU_NSNN', position: '1' },
        { indicatorCode: 'SO_HO', position: '2' },
        { indicatorCode: 'CPI', position: '3' },
      ],
    });
    expect(again.statusCode).toBe(200);
    expect((await admin.get('/api/v1/audit?action=indicator.set_members_saved')).json().total).toBe(audit.total);

    const emptied = await put(admin, `/api/v1/indicator-sets/${set.id}/members`, { members: [] });
    expect(emptied.json()).toMatchObject({ indicatorCount: 0, members: [] });
  });

  it('refuses unknown and repeated codes, naming each, and changes nothing', async () => {
    const set = (await admin.post('/api/v1/indicator-sets', { code: 'THU_NGHIEM', name: 'Bộ thử' })).json();
    await put(admin, `/api/v1/indicator-sets/${set.id}/members`, { members: [{ indicatorCode: 'CPI', position: '01' }] });
    const auditBefore = (await admin.get('/api/v1/audit?action=indicator.set_members_saved')).json().total;

    const unknown = await put(admin, `/api/v1/indicator-sets/${set.id}/members`, {
      members: [{ indicatorCode: 'DS_TB' }, { indicatorCode: 'KHONG_CO_1' }, { indicatorCode: 'KHONG_CO_2' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect(unknown.json().error.details.issues).toEqual([
      { path: 'members.1.indicatorCode', message: 'Không có chỉ tiêu mã "KHONG_CO_1" trong kho chỉ tiêu.' },
      { path: 'members.2.indicatorCode', message: 'Không có chỉ tiêu mã "KHONG_CO_2" trong kho chỉ tiêu.' },
    ]);

    const repeated = await put(admin, `/api/v1/indicator-sets/${set.id}/members`, {
      members: [{ indicatorCode: 'DS_TB' }, { indicatorCode: 'CPI' }, { indicatorCode: 'DS_TB' }],
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Chỉ tiêu mã "DS_TB" có hai lần trong bộ (vị trí 1 và 3).',
    });

    const tooMany = await put(admin, `/api/v1/indicator-sets/${set.id}/members`, {
      members: Array.from({ length: 1001 }, (_, i) => ({ indicatorCode: `X${i}` })),
    });
    expect(tooMany.statusCode).toBe(400);

    const detail = (await admin.get(`/api/v1/indicator-sets/${set.id}`)).json();
    expect(detail.members.map((m: Member) => [m.code, m.position])).toEqual([['CPI', '01']]);
    expect((await admin.get('/api/v1/audit?action=indicator.set_members_saved')).json().total).toBe(auditBefore);

    const missing = await admin.get('/api/v1/indicator-sets/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('lets a report owner manage the sets of its own unit only; a data-entry officer only reads', async () => {
    const mine = await owner.post('/api/v1/indicator-sets', {
      code: 'YT_RIENG',
      name: 'Bộ chỉ tiêu riêng của Sở Y tế',
      ownerUnitId: deptA,
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().canManage).toBe(true);
    const setId = mine.json().id;
    expect(
      (await put(owner, `/api/v1/indicator-sets/${setId}/members`, { members: [{ indicatorCode: 'CPI', position: 'a' }] })).statusCode,
    ).toBe(200);

    const other = await owner.post('/api/v1/indicator-sets', { code: 'TC_RIENG', name: 'Bộ của Sở Tài chính', ownerUnitId: deptB });
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    const global = await owner.post('/api/v1/indicator-sets', { code: 'CHUNG', name: 'Bộ chung' });
    expect(global.statusCode).toBe(403);

    const financeSet = (await admin.post('/api/v1/indicator-sets', { code: 'TC_BO', name: 'Bộ tài chính', ownerUnitId: deptB })).json();
    expect((await owner.patch(`/api/v1/indicator-sets/${financeSet.id}`, { name: 'Sửa' })).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await put(owner, `/api/v1/indicator-sets/${financeSet.id}/members`, { members: [] })).json().error.code).toBe('OUT_OF_SCOPE');

    // A set without an owner (the demo set) needs a system administrator.
    const demo = (await owner.get('/api/v1/indicator-sets')).json().items.find((s: { code: string }) => s.code === DEMO_SET_CODE);
    expect(demo).toMatchObject({ ownerUnitId: null, canManage: false });
    expect((await owner.patch(`/api/v1/indicator-sets/${demo.id}`, { name: 'Sửa' })).statusCode).toBe(403);
    expect((await put(owner, `/api/v1/indicator-sets/${demo.id}/members`, { members: [] })).statusCode).toBe(403);
    const demoByAdmin = (await admin.get(`/api/v1/indicator-sets/${demo.id}`)).json();
    expect(demoByAdmin.canManage).toBe(true);
    expect(demoByAdmin.members.length).toBe(demo.indicatorCount);
    expect((await admin.patch(`/api/v1/indicator-sets/${demo.id}`, { description: 'Bộ mẫu.' })).statusCode).toBe(200);

    // The data-entry officer reads but does not write.
    const read = await clerk.get(`/api/v1/indicator-sets/${setId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ canManage: false, members: [{ code: 'CPI', position: 'a' }] });
    expect((await clerk.post('/api/v1/indicator-sets', { code: 'N1', name: 'Thử', ownerUnitId: deptA })).statusCode).toBe(403);
    expect((await clerk.patch(`/api/v1/indicator-sets/${setId}`, { name: 'Thử' })).statusCode).toBe(403);
    expect((await put(clerk, `/api/v1/indicator-sets/${setId}/members`, { members: [] })).statusCode).toBe(403);
    expect((await clerk.get(`/api/v1/indicator-sets/${setId}`)).json().members).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';

describe.each(backends)('catalogs on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let owner: Client;
  let clerk: Client;
  let deptA: string;
  let deptB: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    const root = await makeUnit(db, { name: 'UBND thành phố Hải Phòng' });
    deptA = (await makeUnit(db, { parentId: root.id, name: 'Sở Y tế' })).id;
    deptB = (await makeUnit(db, { parentId: root.id, name: 'Sở Tài chính' })).id;
    const a = await makeUser(db, { unitId: root.id, grants: [{ role: 'system_admin', unitId: root.id, includeSubtree: true }] });
    const o = await makeUser(db, { unitId: deptA, grants: [{ role: 'report_owner', unitId: deptA, includeSubtree: true }] });
    const c = await makeUser(db, { unitId: deptA, grants: [{ role: 'data_entry', unitId: deptA }] });
    admin = await loggedIn(t.app, a.username, a.password);
    owner = await loggedIn(t.app, o.username, o.password);
    clerk = await loggedIn(t.app, c.username, c.password);
  });
  afterAll(() => t.close());

  const create = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/api/v1/catalogs', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('creates a catalog with a tree of items linked by parentCode, and records it in history and audit', async () => {
    const cat = await create(admin, {
      code: 'DIA_BAN',
      name: '  Địa bàn   thử ',
      items: [
        { code: 'P1', name: 'Phường 1', parentCode: 'Q1' },
        { code: 'Q1', name: 'Quận 1' },
        { code: 'T1', name: 'Tổ 1', parentCode: 'P1' },
      ],
    });
    expect(cat).toMatchObject({ code: 'DIA_BAN', name: 'Địa bàn thử', scope: 'shared', version: 1, itemCount: 3, canManage: true });
    const byCode = Object.fromEntries(cat.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.Q1.parentId).toBeNull();
    expect(byCode.P1.parentId).toBe(byCode.Q1.id);
    expect(byCode.T1.parentId).toBe(byCode.P1.id);
    expect(cat.events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    const audit = (await admin.get('/api/v1/audit?action=catalog.created')).json();
    expect(audit.items.some((e: { targetId: string }) => e.targetId === cat.id)).toBe(true);
  });

  it('keeps every edit as a versioned event with before and after, and refuses stale versions', async () => {
    let cat = await create(admin, { code: 'MUC_DO', name: 'Mức độ', items: [{ code: 'CAO', name: 'Cao' }] });
    const renamed = await admin.patch(`/api/v1/catalogs/${cat.id}`, { version: 1, name: 'Mức độ ưu tiên' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    cat = renamed.json();
    expect(cat.version).toBe(2);

    const stale = await admin.patch(`/api/v1/catalogs/${cat.id}`, { version: 1, name: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    cat = (await admin.post(`/api/v1/catalogs/${cat.id}/items`, { catalogVersion: 2, code: 'THAP', name: 'Thấp' })).json();
    expect(cat.version).toBe(3);
    const high = cat.items.find((i: { code: string }) => i.code === 'CAO');
    const staleItem = await admin.patch(`/api/v1/catalogs/${cat.id}/items/${high.id}`, { catalogVersion: 2, code: 'CAO', name: 'Rất cao' });
    expect(staleItem.statusCode).toBe(409);
    expect(staleItem.json().error.code).toBe('CONFLICT');

    cat = (await admin.patch(`/api/v1/catalogs/${cat.id}/items/${high.id}`, { catalogVersion: 3, code: 'CAO', name: 'Rất cao' })).json();
    cat = (
      await admin.patch(`/api/v1/catalogs/${cat.id}/items/${high.id}`, { catalogVersion: 4, code: 'CAO', name: 'Rất cao', active: false })
    ).json();
    expect(cat.version).toBe(5);
    expect(cat.items.find((i: { id: string }) => i.id === high.id)).toMatchObject({ name: 'Rất cao', active: false, version: 3 });
    expect(cat.events.map((e: { kind: string; catalogVersion: number }) => [e.kind, e.catalogVersion])).toEqual([
      ['created', 1],
      ['updated', 2],
      ['item_added', 3],
      ['item_updated', 4],
      ['item_deactivated', 5],
    ]);
    expect(cat.events[1]).toMatchObject({ before: { name: 'Mức độ' }, after: { name: 'Mức độ ưu tiên' } });
    expect(cat.events[3]).toMatchObject({ itemId: high.id, before: { name: 'Cao' }, after: { name: 'Rất cao' } });
  });

  it('refuses duplicate codes with a precise message', async () => {
    await create(admin, { code: 'TRUNG', name: 'Danh mục A', items: [{ code: 'X', name: 'Mục X' }] });
    const dup = await admin.post('/api/v1/catalogs', { code: 'TRUNG', name: 'Danh mục B' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'DUPLICATE_CODE',
      message: 'Mã danh mục "TRUNG" đã được sử dụng cho một danh mục khác.',
    });

    const dupItems = await admin.post('/api/v1/catalogs', {
      code: 'TRUNG_MUC',
      name: 'Danh mục C',
      items: [
        { code: 'A', name: 'Mục A' },
        { code: 'A', name: 'Mục A lần hai' },
      ],
    });
    expect(dupItems.statusCode).toBe(409);
    expect(dupItems.json().error.message).toBe('Mã mục "A" đã có trong danh mục này.');

    const cat = (await admin.get('/api/v1/catalogs?q=TRUNG')).json().items.find((c: { code: string }) => c.code === 'TRUNG');
    const dupItem = await admin.post(`/api/v1/catalogs/${cat.id}/items`, { catalogVersion: cat.version, code: 'X', name: 'Mục X khác' });
    expect(dupItem.statusCode).toBe(409);
    expect(dupItem.json().error).toMatchObject({ code: 'DUPLICATE_CODE', message: 'Mã mục "X" đã có trong danh mục này.' });
  });

  it('refuses to make an item its own ancestor', async () => {
    const cat = await create(admin, {
      code: 'CAY',
      name: 'Cây thử',
      items: [
        { code: 'G', name: 'Gốc' },
        { code: 'C', name: 'Con', parentCode: 'G' },
        { code: 'CH', name: 'Cháu', parentCode: 'C' },
      ],
    });
    const id = (code: string) => cat.items.find((i: { code: string }) => i.code === code).id;
    const cycle = await admin.patch(`/api/v1/catalogs/${cat.id}/items/${id('G')}`, {
      catalogVersion: 1,
      code: 'G',
      name: 'Gốc',
      parentId: id('CH'),
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error).toMatchObject({
      code: 'CATALOG_ITEM_CYCLE',
      message: 'Không thể chọn mục cấp trên là chính mục này hoặc một mục con của nó.',
    });
    const self = await admin.patch(`/api/v1/catalogs/${cat.id}/items/${id('C')}`, {
      catalogVersion: 1,
      code: 'C',
      name: 'Con',
      parentId: id('C'),
    });
    expect(self.json().error.code).toBe('CATALOG_ITEM_CYCLE');
    const inBody = await admin.post('/api/v1/catalogs', {
      code: 'VONG',
      name: 'Vòng',
      items: [
        { code: 'A', name: 'A', parentCode: 'B' },
        { code: 'B', name: 'B', parentCode: 'A' },
      ],
    });
    expect(inBody.statusCode).toBe(409);
    expect(inBody.json().error.code).toBe('CATALOG_ITEM_CYCLE');
  });

  it('lets a report owner manage only the catalogs of its scope; global catalogs need a system administrator', async () => {
    const mine = await create(owner, { code: 'YTE_BENH', name: 'Nhóm bệnh', scope: 'sector', fieldGroup: 'Y tế', ownerUnitId: deptA });
    expect(mine).toMatchObject({ ownerUnitName: 'Sở Y tế', canManage: true });
    const other = await owner.post('/api/v1/catalogs', { code: 'TC_KHOAN_THU', name: 'Khoản thu', ownerUnitId: deptB });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    const global = await owner.post('/api/v1/catalogs', { code: 'CHUNG_MOI', name: 'Danh mục dùng chung mới' });
    expect(global.statusCode).toBe(403);

    const shared = (await owner.get('/api/v1/catalogs?q=dia ban')).json().items[0];
    expect(shared).toMatchObject({ code: 'DIA_BAN', canManage: false });
    const edit = await owner.patch(`/api/v1/catalogs/${shared.id}`, { version: shared.version, name: 'Sửa trái phép' });
    expect(edit.statusCode).toBe(403);

    // A data-entry officer reads everything but changes nothing.
    expect((await clerk.get(`/api/v1/catalogs/${mine.id}`)).json()).toMatchObject({ code: 'YTE_BENH', canManage: false });
    const clerkCreate = await clerk.post('/api/v1/catalogs', { code: 'NHAP', name: 'Thử', ownerUnitId: deptA });
    expect(clerkCreate.statusCode).toBe(403);
    expect(clerkCreate.json().error.code).toBe('FORBIDDEN');
    const clerkItem = await clerk.post(`/api/v1/catalogs/${mine.id}/items`, { catalogVersion: mine.version, code: 'X', name: 'X' });
    expect(clerkItem.statusCode).toBe(403);
  });

  it('lists catalogs page by page, searching with or without diacritics and by scope', async () => {
    await create(admin, { code: 'GIOI_TINH_T', name: 'Giới tính', items: [{ code: 'NAM', name: 'Nam' }] });
    const plain = (await clerk.get('/api/v1/catalogs?q=gioi tinh')).json();
    expect(plain.items.map((c: { name: string }) => c.name)).toEqual(['Giới tính']);
    const accented = (await clerk.get('/api/v1/catalogs?q=Giới')).json();
    expect(accented.total).toBe(1);
    const sector = (await clerk.get('/api/v1/catalogs?scope=sector')).json();
    expect(sector.items.every((c: { scope: string }) => c.scope === 'sector')).toBe(true);
    const page = (await clerk.get('/api/v1/catalogs?page=2&pageSize=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(4);
  });
});

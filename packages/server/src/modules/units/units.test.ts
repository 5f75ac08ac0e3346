import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';

describe.each(backends)('units on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let rootId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const root = await makeUnit(t.database.db, { name: 'UBND thành phố Hải Phòng', adminCode: '31' });
    rootId = root.id;
    const u = await makeUser(t.database.db, { unitId: rootId, grants: [{ role: 'system_admin', unitId: rootId, includeSubtree: true }] });
    admin = await loggedIn(t.app, u.username, u.password);
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/units', { kind: 'department', parentId: rootId, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('creates a unit with NFC-normalised text and records its creation in history and audit', async () => {
    const decomposed = 'Sở Y tê\u0301'; // "ế" typed as e + combining marks
    const unit = await create({ name: `  ${decomposed}   thử  `, agencyCode: 'h31.90' });
    expect(unit.name).toBe('Sở Y tế thử');
    expect(unit.name).toBe(unit.name.normalize('NFC'));
    expect(unit.agencyCode).toBe('H31.90');
    const detail = (await admin.get(`/api/v1/units/${unit.id}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    const audit = (await admin.get(`/api/v1/audit?unitId=${unit.id}`)).json();
    expect(audit.items[0].action).toBe('unit.created');
  });

  it('refuses a duplicate agency code or administrative code among active units', async () => {
    await create({ name: 'Sở Tài chính', agencyCode: 'H31.91' });
    const dup = await admin.post('/api/v1/units', { parentId: rootId, name: 'Sở khác', kind: 'department', agencyCode: 'H31.91' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'DUPLICATE_CODE',
      message: 'Mã định danh điện tử đã được một đơn vị đang hoạt động sử dụng.',
    });
    const dupAdmin = await admin.post('/api/v1/units', {
      parentId: null,
      name: 'UBND tỉnh trùng mã',
      kind: 'province_committee',
      adminCode: '31',
    });
    expect(dupAdmin.statusCode).toBe(409);
    expect(dupAdmin.json().error.message).toBe('Mã đơn vị hành chính đã được một đơn vị đang hoạt động sử dụng.');
    const wrongLength = await admin.post('/api/v1/units', { parentId: rootId, name: 'Xã sai mã', kind: 'commune', adminCode: '31' });
    expect(wrongLength.statusCode).toBe(400);
    expect(wrongLength.json().error.message).toBe('Mã đơn vị hành chính của "UBND xã" gồm 5 chữ số.');
  });

  it('moves a unit with its subtree, keeps history, and refuses a move under its own descendant', async () => {
    const dept = await create({ name: 'Sở Nội vụ' });
    const division = await create({ parentId: dept.id, name: 'Phòng Tổ chức', kind: 'division' });
    const team = await create({ parentId: division.id, name: 'Tổ công tác', kind: 'division' });
    const target = await create({ name: 'Sở Tư pháp' });

    const cycle = await admin.post(`/api/v1/units/${dept.id}/move`, { version: dept.version, newParentId: team.id });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toBe('UNIT_CYCLE');
    const self = await admin.post(`/api/v1/units/${dept.id}/move`, { version: dept.version, newParentId: dept.id });
    expect(self.json().error.code).toBe('UNIT_CYCLE');

    const moved = await admin.post(`/api/v1/units/${division.id}/move`, {
      version: division.version,
      newParentId: target.id,
      note: 'Theo quyết định 12/QĐ-UBND',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: target.id, depth: 2 });
    const teamAfter = (await admin.get(`/api/v1/units/${team.id}`)).json();
    expect(teamAfter.depth).toBe(3);
    const paths = await t.database.db.execute(sql`select id, path from org_unit where id in (${division.id}, ${team.id}, ${target.id})`);
    const byId = Object.fromEntries((paths as unknown as { rows: { id: string; path: string }[] }).rows.map((r) => [r.id, r.path]));
    expect(byId[division.id]).toBe(`${byId[target.id]}${division.id}/`);
    expect(byId[team.id]).toBe(`${byId[division.id]}${team.id}/`);

    const history = (await admin.get(`/api/v1/units/${division.id}`)).json().events;
    expect(history.at(-1)).toMatchObject({
      kind: 'moved',
      fromParentName: 'Sở Nội vụ',
      toParentName: 'Sở Tư pháp',
      note: 'Theo quyết định 12/QĐ-UBND',
    });
  });

  it('refuses a stale version instead of overwriting someone else’s edit', async () => {
    const unit = await create({ name: 'Sở Xây dựng' });
    expect((await admin.patch(`/api/v1/units/${unit.id}`, { version: unit.version, shortName: 'SXD' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/units/${unit.id}`, { version: unit.version, name: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await admin.get(`/api/v1/units/${unit.id}`)).json()).toMatchObject({ name: 'Sở Xây dựng', shortName: 'SXD' });
  });

  it('never hard-deletes a unit that has data: accounts or subunits make the database refuse', async () => {
    const withUser = await create({ name: 'Sở Công Thương' });
    await makeUser(t.database.db, { unitId: withUser.id });
    const refused = await admin.delete(`/api/v1/units/${withUser.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('UNIT_HAS_DATA');
    expect((await admin.get(`/api/v1/units/${withUser.id}`)).statusCode).toBe(200);

    const parent = await create({ name: 'Sở Khoa học và Công nghệ' });
    await create({ parentId: parent.id, name: 'Văn phòng Sở', kind: 'division' });
    expect((await admin.delete(`/api/v1/units/${parent.id}`)).json().error.code).toBe('UNIT_HAS_DATA');

    const empty = await create({ name: 'Đơn vị tạo nhầm' });
    expect((await admin.delete(`/api/v1/units/${empty.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/units/${empty.id}`)).statusCode).toBe(404);
  });

  it('deactivates only a unit without active subunits, hides it by default and can reactivate it', async () => {
    const parent = await create({ name: 'Sở Văn hóa, Thể thao và Du lịch' });
    const child = await create({ parentId: parent.id, name: 'Phòng Du lịch', kind: 'division' });
    const blocked = await admin.post(`/api/v1/units/${parent.id}/deactivate`, { version: parent.version });
    expect(blocked.json().error.code).toBe('UNIT_HAS_ACTIVE_CHILDREN');
    const off = await admin.post(`/api/v1/units/${child.id}/deactivate`, {
      version: child.version,
      validTo: '2026-12-31',
      note: 'Sáp nhập',
    });
    expect(off.json()).toMatchObject({ active: false, validTo: '2026-12-31' });
    const visible = (await admin.get('/api/v1/units')).json().items.map((u: { id: string }) => u.id);
    expect(visible).not.toContain(child.id);
    const all = (await admin.get('/api/v1/units?includeInactive=true')).json().items.map((u: { id: string }) => u.id);
    expect(all).toContain(child.id);
    const back = await admin.post(`/api/v1/units/${child.id}/reactivate`, { version: off.json().version });
    expect(back.json()).toMatchObject({ active: true, validTo: null });
  });

  it('searches with or without diacritics', async () => {
    await create({ name: 'Sở Nông nghiệp và Môi trường' });
    const names = async (q: string) =>
      (await admin.get(`/api/v1/units?q=${encodeURIComponent(q)}`)).json().items.map((u: { name: string }) => u.name);
    expect(await names('nong nghiep')).toContain('Sở Nông nghiệp và Môi trường');
    expect(await names('Nông nghiệp')).toContain('Sở Nông nghiệp và Môi trường');
    expect(await names('khong co don vi nay')).toEqual([]);
  });

  it('lists the whole directory of active units to a regime owner, who reads only their own unit otherwise; refuses the rest', async () => {
    const finance = await makeUnit(t.database.db, { name: 'Sở Tài chính (danh bạ)', parentId: rootId, kind: 'department' });
    const commune = await makeUnit(t.database.db, { name: 'UBND xã Danh Bạ', parentId: rootId, kind: 'commune' });
    const closed = await makeUnit(t.database.db, { name: 'UBND xã Đã Nhập', parentId: rootId, kind: 'commune' });
    await t.database.db.execute(sql`update org_unit set active = false where id = ${closed.id}`);
    const ownerUser = await makeUser(t.database.db, { unitId: finance.id, grants: [{ role: 'report_owner', unitId: finance.id }] });
    const clerkUser = await makeUser(t.database.db, { unitId: commune.id, grants: [{ role: 'data_entry', unitId: commune.id }] });
    const owner = await loggedIn(t.app, ownerUser.username, ownerUser.password);
    const clerk = await loggedIn(t.app, clerkUser.username, clerkUser.password);

    const inScope = (await owner.get('/api/v1/units')).json().items.map((u: { id: string }) => u.id);
    expect(inScope).not.toContain(commune.id);
    const directory = (await owner.get('/api/v1/units/directory')).json().items.map((u: { id: string }) => u.id);
    expect(directory).toEqual(expect.arrayContaining([rootId, finance.id, commune.id]));
    expect(directory).not.toContain(closed.id);
    const refused = await clerk.get('/api/v1/units/directory');
    expect(refused.statusCode).toBe(403);
  });
});

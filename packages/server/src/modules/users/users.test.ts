import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';

describe.each(backends)('accounts on %s', (backend) => {
  let t: TestApp;
  let sysAdmin: Client;
  let unitAdmin: Client;
  let units: { root: string; dept: string; division: string; other: string };

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    const root = await makeUnit(db, { name: 'UBND thành phố' });
    const dept = await makeUnit(db, { parentId: root.id, name: 'Sở Y tế' });
    const division = await makeUnit(db, { parentId: dept.id, name: 'Phòng Nghiệp vụ Y', kind: 'division' });
    const other = await makeUnit(db, { parentId: root.id, name: 'Sở Tài chính' });
    units = { root: root.id, dept: dept.id, division: division.id, other: other.id };
    const s = await makeUser(db, {
      unitId: root.id,
      username: 'quantri',
      grants: [{ role: 'system_admin', unitId: root.id, includeSubtree: true }],
    });
    const a = await makeUser(db, {
      unitId: dept.id,
      username: 'qtyte',
      grants: [{ role: 'unit_admin', unitId: dept.id, includeSubtree: true }],
    });
    sysAdmin = await loggedIn(t.app, s.username, s.password);
    unitAdmin = await loggedIn(t.app, a.username, a.password);
  });
  afterAll(() => t.close());

  it('creates an account with a role, returns a temporary password once, and forces its change', async () => {
    const res = await unitAdmin.post('/api/v1/users', {
      username: 'NhapLieu.PhongYte',
      fullName: 'Phạm Thu Trang',
      email: 'trang@soyte.haiphong.gov.vn',
      unitId: units.division,
      grants: [{ role: 'data_entry', unitId: units.division }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({
      username: 'nhaplieu.phongyte',
      mustChangePassword: true,
      status: 'active',
      unitName: 'Phòng Nghiệp vụ Y',
    });
    expect(user.grants).toMatchObject([{ role: 'data_entry', unitId: units.division, includeSubtree: false }]);
    expect(temporaryPassword).toHaveLength(14);
    expect(JSON.stringify(user)).not.toMatch(/argon2|passwordHash|search/u);
    const client = await loggedIn(t.app, 'nhaplieu.phongyte', temporaryPassword);
    expect((await client.get('/api/v1/units')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = (await sysAdmin.get(`/api/v1/audit?action=user.created&unitId=${units.division}`)).json();
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it('refuses a duplicate username and a weak chosen password, in Vietnamese', async () => {
    const dup = await unitAdmin.post('/api/v1/users', { username: 'qtyte', fullName: 'Trùng tên', unitId: units.dept });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('Tên đăng nhập "qtyte" đã tồn tại.');
    const weak = await unitAdmin.post('/api/v1/users', {
      username: 'yeu.mk',
      fullName: 'Mật khẩu yếu',
      unitId: units.dept,
      initialPassword: '12345',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('PASSWORD_POLICY');
    const badName = await unitAdmin.post('/api/v1/users', { username: 'có dấu', fullName: 'Sai tên', unitId: units.dept });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.details.issues[0].path).toBe('body.username');
  });

  it('keeps a unit administrator from granting beyond their scope', async () => {
    const u = await makeUser(t.database.db, { unitId: units.division });
    const sys = await unitAdmin.post(`/api/v1/users/${u.id}/grants`, { role: 'system_admin', unitId: units.division });
    expect(sys.statusCode).toBe(403);
    const outside = await unitAdmin.post(`/api/v1/users/${u.id}/grants`, { role: 'viewer', unitId: units.other });
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
    const inside = await unitAdmin.post(`/api/v1/users/${u.id}/grants`, { role: 'reviewer', unitId: units.division, includeSubtree: true });
    expect(inside.statusCode).toBe(200);
    const twice = await unitAdmin.post(`/api/v1/users/${u.id}/grants`, { role: 'reviewer', unitId: units.division });
    expect(twice.json().error.message).toBe('Tài khoản đã có vai trò này trên đơn vị này.');
  });

  it('needs a subtree grant of one’s own to hand out a subtree grant', async () => {
    const narrow = await makeUser(t.database.db, {
      unitId: units.dept,
      grants: [{ role: 'unit_admin', unitId: units.dept, includeSubtree: false }],
    });
    const narrowClient = await loggedIn(t.app, narrow.username, narrow.password);
    const u = await makeUser(t.database.db, { unitId: units.dept });
    expect(
      (await narrowClient.post(`/api/v1/users/${u.id}/grants`, { role: 'viewer', unitId: units.dept, includeSubtree: true })).statusCode,
    ).toBe(403);
    expect(
      (await narrowClient.post(`/api/v1/users/${u.id}/grants`, { role: 'viewer', unitId: units.dept, includeSubtree: false })).statusCode,
    ).toBe(200);
  });

  it('keeps a unit administrator away from accounts that hold rights outside their scope', async () => {
    // An account of Sở Y tế that can also read the whole city: resetting its password would hand
    // the unit administrator more than their own scope.
    const broad = await makeUser(t.database.db, {
      unitId: units.dept,
      grants: [{ role: 'viewer', unitId: units.root, includeSubtree: true }],
    });
    const reset = await unitAdmin.post(`/api/v1/users/${broad.id}/reset-password`, {});
    expect(reset.statusCode).toBe(403);
    const admin = await makeUser(t.database.db, { unitId: units.dept, grants: [{ role: 'system_admin', unitId: units.dept }] });
    expect((await unitAdmin.post(`/api/v1/users/${admin.id}/reset-password`, {})).statusCode).toBe(403);
    expect((await sysAdmin.post(`/api/v1/users/${broad.id}/reset-password`, {})).statusCode).toBe(200);
  });

  it('lists accounts within scope with filters, and refuses a filter outside it', async () => {
    const list = (await unitAdmin.get('/api/v1/users?pageSize=200')).json();
    expect(list.items.every((u: { unitId: string }) => [units.dept, units.division].includes(u.unitId))).toBe(true);
    expect(list.total).toBe(list.items.length);
    const divisionOnly = (await unitAdmin.get(`/api/v1/users?unitId=${units.division}&includeSubunits=false`)).json();
    expect(divisionOnly.items.every((u: { unitId: string }) => u.unitId === units.division)).toBe(true);
    const byRole = (await sysAdmin.get('/api/v1/users?role=unit_admin')).json();
    expect(byRole.items.map((u: { username: string }) => u.username)).toContain('qtyte');
    const search = (await sysAdmin.get(`/api/v1/users?q=${encodeURIComponent('pham thu')}`)).json();
    expect(search.items.map((u: { fullName: string }) => u.fullName)).toContain('Phạm Thu Trang');
    const clerk = await makeUser(t.database.db, { unitId: units.division, grants: [{ role: 'data_entry', unitId: units.division }] });
    const clerkList = await (await loggedIn(t.app, clerk.username, clerk.password)).get('/api/v1/users');
    expect(clerkList.statusCode).toBe(403);
    expect(clerkList.json().error.code).toBe('FORBIDDEN');
    const outside = await unitAdmin.get(`/api/v1/users?unitId=${units.other}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toBe('Đơn vị này nằm ngoài phạm vi quản lý của bạn.');
  });

  it('edits an account with a version check and revokes a grant', async () => {
    const u = await makeUser(t.database.db, { unitId: units.division, grants: [{ role: 'viewer', unitId: units.division }] });
    const current = (await unitAdmin.get(`/api/v1/users/${u.id}`)).json();
    const edited = await unitAdmin.patch(`/api/v1/users/${u.id}`, {
      version: current.version,
      fullName: 'Nguyễn Thị Hoa',
      position: 'Chuyên viên',
    });
    expect(edited.json()).toMatchObject({ fullName: 'Nguyễn Thị Hoa', position: 'Chuyên viên', version: current.version + 1 });
    expect((await unitAdmin.patch(`/api/v1/users/${u.id}`, { version: current.version, fullName: 'Ghi đè' })).statusCode).toBe(409);
    const revoked = await unitAdmin.delete(`/api/v1/users/${u.id}/grants/${current.grants[0].id}`);
    expect(revoked.json().grants).toEqual([]);
  });
});

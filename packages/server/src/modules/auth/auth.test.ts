import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';

describe.each(backends)('authentication on %s', (backend) => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { loginMaxFailures: 5, loginLockMinutes: 15, sessionIdleMinutes: 30 });
    unitId = (await makeUnit(t.database.db)).id;
  });
  afterAll(() => t.close());

  async function auditActions(targetId: string): Promise<string[]> {
    const res = await t.database.db.execute(sql`select action from audit_log where target_id = ${targetId} order by seq`);
    return (res as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
  }

  it('logs in with the right password, sets an HttpOnly SameSite=Lax cookie and audits it', async () => {
    const u = await makeUser(t.database.db, { unitId, grants: [{ role: 'viewer', unitId }] });
    const client = new Client(t.app);
    const res = await client.login(u.username, u.password);
    const cookie = res.cookies.find((c) => c.name === 'bc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.username).toBe(u.username);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await auditActions(u.id)).toContain('auth.login');
  });

  it('refuses a wrong password with a Vietnamese message, the same as for an unknown user', async () => {
    const u = await makeUser(t.database.db, { unitId });
    const wrong = await new Client(t.app).request('POST', '/api/v1/auth/login', { username: u.username, password: 'sai-mat-khau-roi' });
    const unknown = await new Client(t.app).request('POST', '/api/v1/auth/login', {
      username: 'khong-co-ai',
      password: 'sai-mat-khau-roi',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await auditActions(u.id)).toEqual(['user.created', 'auth.login_failed']);
  });

  it('locks the account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    const u = await makeUser(t.database.db, { unitId });
    const client = new Client(t.app);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.request('POST', '/api/v1/auth/login', { username: u.username, password: `sai-${i}-mat-khau` });
      codes.push(res.json().error.code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    const locked = await client.request('POST', '/api/v1/auth/login', { username: u.username, password: u.password });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toMatch(/bị khóa do nhập sai mật khẩu 5 lần/u);
    const until = new Date(locked.json().error.details.lockedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(await auditActions(u.id)).toContain('auth.lockout');
  });

  it('lets an administrator lift the lock-out', async () => {
    const admin = await makeUser(t.database.db, { unitId, grants: [{ role: 'system_admin', unitId, includeSubtree: true }] });
    const u = await makeUser(t.database.db, { unitId });
    for (let i = 0; i < 5; i++)
      await new Client(t.app).request('POST', '/api/v1/auth/login', { username: u.username, password: 'khong-dung-dau' });
    const adminClient = await loggedIn(t.app, admin.username, admin.password);
    const before = (await adminClient.get(`/api/v1/users/${u.id}`)).json();
    expect(before.lockedUntil).not.toBeNull();
    const res = await adminClient.post(`/api/v1/users/${u.id}/unlock`, { version: before.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    await loggedIn(t.app, u.username, u.password);
  });

  it('forces the first login of an admin-created account to change the password, then lets it work', async () => {
    const u = await makeUser(t.database.db, { unitId, grants: [{ role: 'viewer', unitId }], mustChangePassword: true });
    const client = await loggedIn(t.app, u.username, u.password);
    expect((await client.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await client.get('/api/v1/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await client.post('/api/v1/auth/change-password', { currentPassword: u.password, newPassword: `${u.username}2026!` });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.problems).toContain('Mật khẩu không được chứa tên đăng nhập.');
    const short = await client.post('/api/v1/auth/change-password', { currentPassword: u.password, newPassword: 'ngắn' });
    expect(short.json().error.details.problems[0]).toMatch(/ít nhất 10 ký tự/u);
    const common = await client.post('/api/v1/auth/change-password', { currentPassword: u.password, newPassword: 'Password123' });
    expect(common.json().error.details.problems[0]).toMatch(/phổ biến/u);
    const wrongCurrent = await client.post('/api/v1/auth/change-password', {
      currentPassword: 'không-phải',
      newPassword: 'Một mật khẩu tốt 2026',
    });
    expect(wrongCurrent.json().error.code).toBe('WRONG_CURRENT_PASSWORD');

    const ok = await client.post('/api/v1/auth/change-password', { currentPassword: u.password, newPassword: 'Một mật khẩu tốt 2026' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(false);
    expect((await client.get('/api/v1/units')).statusCode).toBe(200);
    await loggedIn(t.app, u.username, 'Một mật khẩu tốt 2026');
    expect(await auditActions(u.id)).toContain('auth.password_changed');
  });

  it('refuses state-changing requests without the CSRF token, and changes nothing', async () => {
    const u = await makeUser(t.database.db, { unitId, grants: [{ role: 'system_admin', unitId, includeSubtree: true }] });
    const client = await loggedIn(t.app, u.username, u.password);
    const before = (await client.get(`/api/v1/units/${unitId}`)).json();
    const res = await client.request(
      'PATCH',
      `/api/v1/units/${unitId}`,
      { version: before.version, name: 'Tên bị giả mạo' },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const forged = await client.request(
      'PATCH',
      `/api/v1/units/${unitId}`,
      { version: before.version, name: 'Tên bị giả mạo' },
      { csrf: false, headers: { 'x-csrf-token': 'x'.repeat(43) } },
    );
    expect(forged.statusCode).toBe(403);
    expect((await client.get(`/api/v1/units/${unitId}`)).json().name).toBe(before.name);
  });

  it('answers 401 without a session and ends the session on logout', async () => {
    const anonymous = await new Client(t.app).get('/api/v1/units');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const u = await makeUser(t.database.db, { unitId, grants: [{ role: 'viewer', unitId }] });
    const client = await loggedIn(t.app, u.username, u.password);
    const token = client.cookie;
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    client.cookie = token;
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires a session left idle longer than the limit', async () => {
    const u = await makeUser(t.database.db, { unitId, grants: [{ role: 'viewer', unitId }] });
    const client = await loggedIn(t.app, u.username, u.password);
    await t.database.db.execute(sql`update session set last_seen_at = now() - interval '31 minutes' where user_id = ${u.id}`);
    const res = await client.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    expect(res.json().error.message).toMatch(/hết hạn/u);
  });

  it('refuses a disabled account and ends its open sessions at once', async () => {
    const admin = await makeUser(t.database.db, { unitId, grants: [{ role: 'system_admin', unitId, includeSubtree: true }] });
    const u = await makeUser(t.database.db, { unitId, grants: [{ role: 'viewer', unitId }] });
    const userClient = await loggedIn(t.app, u.username, u.password);
    const adminClient = await loggedIn(t.app, admin.username, admin.password);
    const version = (await adminClient.get(`/api/v1/users/${u.id}`)).json().version;
    expect((await adminClient.post(`/api/v1/users/${u.id}/disable`, { version })).statusCode).toBe(200);
    expect((await userClient.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await new Client(t.app).request('POST', '/api/v1/auth/login', { username: u.username, password: TEST_PASSWORD });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('answers malformed JSON, oversized bodies and unknown routes with Vietnamese errors', async () => {
    const u = await makeUser(t.database.db, { unitId, grants: [{ role: 'system_admin', unitId, includeSubtree: true }] });
    const client = await loggedIn(t.app, u.username, u.password);
    const malformed = await client.request('POST', '/api/v1/units', '{"name": ', { headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'MALFORMED_JSON', message: 'Dữ liệu gửi lên không đúng định dạng JSON.' });
    const huge = await client.request('POST', '/api/v1/units', { parentId: unitId, name: 'x'.repeat(2 * 1024 * 1024), kind: 'division' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const missing = await client.get('/api/v1/khong-co');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND');
    const invalid = await client.post('/api/v1/units', { parentId: unitId, name: '', kind: 'không-có' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    expect(invalid.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.name', 'body.kind']);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';
import { verifyAuditChain } from './verify.ts';

describe.each(backends)('audit log on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const root = await makeUnit(t.database.db);
    const u = await makeUser(t.database.db, { unitId: root.id, grants: [{ role: 'system_admin', unitId: root.id, includeSubtree: true }] });
    const admin = await loggedIn(t.app, u.username, u.password);
    for (let i = 0; i < 5; i++) await admin.post('/api/v1/units', { parentId: root.id, name: `Phòng ${i}`, kind: 'division' });
  });
  afterAll(() => t.close());

  const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

  it('records who did what, from where, with the change', async () => {
    const rows = (await exec(
      sql`select action, actor_name, ip, user_agent, summary from audit_log where action = 'unit.created' and ip is not null order by seq desc limit 1`,
    )) as unknown as {
      rows: { action: string; actor_name: string; ip: string; user_agent: string; summary: { after: { name: string } } }[];
    };
    expect(rows.rows[0]).toMatchObject({ action: 'unit.created', ip: '127.0.0.1', summary: { after: { name: 'Phòng 4' } } });
    expect(rows.rows[0]!.actor_name).toMatch(/^Người dùng user\d+ \(user\d+\)$/u);
  });

  it('verifies an untouched chain', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(8); // root, account, login, five units
  });

  it('refuses UPDATE and DELETE from the application', async () => {
    await expect(exec(sql`update audit_log set actor_name = 'x' where seq = 1`)).rejects.toThrow();
    await expect(exec(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it('detects a row edited in the database, naming the first broken row', async () => {
    const target = ((await exec(sql`select seq from audit_log order by seq limit 1 offset 4`)) as unknown as { rows: { seq: number }[] })
      .rows[0]!.seq;
    await exec(sql`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await exec(sql`update audit_log set summary = '{"after":{"name":"Phòng đã bị sửa"}}' where seq = ${target}`);
      const result = await verifyAuditChain(t.database.db);
      expect(result).toMatchObject({ ok: false, firstBrokenSeq: Number(target), reason: 'Nội dung bản ghi đã bị sửa sau khi ghi.' });
      expect(result.checked).toBe(4);
    } finally {
      await exec(sql`alter table audit_log enable trigger audit_log_append_only`);
    }
  });

  it('detects a deleted row by the broken link of the next one', async () => {
    // The edited row above stays broken; this checks a later break is found when the first is repaired.
    const fresh = await createTestApp(backend);
    try {
      const root = await makeUnit(fresh.database.db);
      await makeUnit(fresh.database.db, { parentId: root.id });
      await makeUnit(fresh.database.db, { parentId: root.id });
      await fresh.database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await fresh.database.db.execute(sql`delete from audit_log where seq = (select min(seq) + 1 from audit_log)`);
      const result = await verifyAuditChain(fresh.database.db);
      expect(result.ok).toBe(false);
      expect(result.reason).toMatch(/Liên kết với bản ghi trước không khớp/u);
    } finally {
      await fresh.close();
    }
  });

  it('lets a system administrator run the verification over HTTP', async () => {
    const root = await makeUnit(t.database.db);
    const u = await makeUser(t.database.db, { unitId: root.id, grants: [{ role: 'system_admin', unitId: root.id, includeSubtree: true }] });
    const admin = await loggedIn(t.app, u.username, u.password);
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(false); // the row edited above is still there
    const unitAdmin = await makeUser(t.database.db, {
      unitId: root.id,
      grants: [{ role: 'unit_admin', unitId: root.id, includeSubtree: true }],
    });
    expect((await (await loggedIn(t.app, unitAdmin.username, unitAdmin.password)).get('/api/v1/audit/verify')).statusCode).toBe(403);
  });
});

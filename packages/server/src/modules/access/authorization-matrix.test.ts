/**
 * The authorization matrix: every role, granted on unit A with its subtree, against units in each
 * relation to A, through every account and unit endpoint. Each cell is an expected outcome written
 * by hand below; a denied request must also leave no trace in the audit log (it changed nothing).
 */
import { ROLES, type Role } from '@baocao/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';

type Relation = 'same' | 'subtree' | 'parent' | 'sibling' | 'unrelated';
const RELATIONS: Relation[] = ['same', 'subtree', 'parent', 'sibling', 'unrelated'];

interface Fixture {
  t: TestApp;
  units: Record<Relation, string>;
}

/** An endpoint exercised against a unit in some relation to A; returns the response status. */
interface Endpoint {
  name: string;
  /** What the role must hold on the target unit: a permission of ROLE_PERMISSIONS. */
  needs: 'read-unit' | 'manage-unit' | 'read-users' | 'manage-users' | 'read-audit';
  call(client: Client, f: Fixture, target: string): Promise<number>;
}

async function freshLeaf(f: Fixture, parentId: string) {
  return makeUnit(f.t.database.db, { parentId, kind: 'division' });
}

async function freshUserIn(f: Fixture, unitId: string) {
  return makeUser(f.t.database.db, { unitId });
}

async function userVersion(f: Fixture, id: string): Promise<number> {
  const res = await f.t.database.db.execute(sql`select version from app_user where id = ${id}`);
  return (res as unknown as { rows: { version: number }[] }).rows[0]!.version;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /units/:id', needs: 'read-unit', call: async (c, _f, target) => (await c.get(`/api/v1/units/${target}`)).statusCode },
  {
    name: 'PATCH /units/:id',
    needs: 'manage-unit',
    call: async (c, f, target) => {
      const leaf = await freshLeaf(f, target);
      return (await c.patch(`/api/v1/units/${leaf.id}`, { version: leaf.version, name: 'Tên mới' })).statusCode;
    },
  },
  {
    name: 'POST /units (child of target)',
    needs: 'manage-unit',
    call: async (c, _f, target) => (await c.post('/api/v1/units', { parentId: target, name: 'Phòng mới', kind: 'division' })).statusCode,
  },
  {
    name: 'POST /units/:id/move (into target)',
    needs: 'manage-unit',
    call: async (c, f, target) => {
      // The unit moved lies in A's subtree, so only the destination varies with the relation.
      const leaf = await freshLeaf(f, f.units.subtree);
      return (await c.post(`/api/v1/units/${leaf.id}/move`, { version: leaf.version, newParentId: target })).statusCode;
    },
  },
  {
    name: 'POST /units/:id/deactivate',
    needs: 'manage-unit',
    call: async (c, f, target) => {
      const leaf = await freshLeaf(f, target);
      return (await c.post(`/api/v1/units/${leaf.id}/deactivate`, { version: leaf.version })).statusCode;
    },
  },
  {
    name: 'DELETE /units/:id',
    needs: 'manage-unit',
    call: async (c, f, target) => (await c.delete(`/api/v1/units/${(await freshLeaf(f, target)).id}`)).statusCode,
  },
  {
    name: 'GET /users?unitId',
    needs: 'read-users',
    call: async (c, _f, target) => (await c.get(`/api/v1/users?unitId=${target}`)).statusCode,
  },
  {
    name: 'GET /users/:id',
    needs: 'read-users',
    call: async (c, f, target) => (await c.get(`/api/v1/users/${(await freshUserIn(f, target)).id}`)).statusCode,
  },
  {
    name: 'POST /users',
    needs: 'manage-users',
    call: async (c, _f, target) =>
      (await c.post('/api/v1/users', { username: `moi${Math.random().toString(36).slice(2, 10)}`, fullName: 'Người mới', unitId: target }))
        .statusCode,
  },
  {
    name: 'PATCH /users/:id',
    needs: 'manage-users',
    call: async (c, f, target) => {
      const u = await freshUserIn(f, target);
      return (await c.patch(`/api/v1/users/${u.id}`, { version: await userVersion(f, u.id), fullName: 'Tên đã sửa' })).statusCode;
    },
  },
  {
    name: 'POST /users/:id/reset-password',
    needs: 'manage-users',
    call: async (c, f, target) => (await c.post(`/api/v1/users/${(await freshUserIn(f, target)).id}/reset-password`, {})).statusCode,
  },
  {
    name: 'POST /users/:id/disable',
    needs: 'manage-users',
    call: async (c, f, target) => {
      const u = await freshUserIn(f, target);
      return (await c.post(`/api/v1/users/${u.id}/disable`, { version: await userVersion(f, u.id) })).statusCode;
    },
  },
  {
    name: 'POST /users/:id/grants (on target)',
    needs: 'manage-users',
    call: async (c, f, target) => {
      // The account lies in A's subtree; only the unit of the grant varies.
      const u = await freshUserIn(f, f.units.subtree);
      return (await c.post(`/api/v1/users/${u.id}/grants`, { role: 'viewer', unitId: target, includeSubtree: false })).statusCode;
    },
  },
  {
    name: 'GET /audit?unitId',
    needs: 'read-audit',
    call: async (c, _f, target) => (await c.get(`/api/v1/audit?unitId=${target}`)).statusCode,
  },
];

/** Hand-written expectations: which (role, need) pairs are allowed within A's subtree, and anywhere. */
const ALLOWED_IN_SCOPE: Record<Role, Endpoint['needs'][]> = {
  system_admin: ['read-unit', 'manage-unit', 'read-users', 'manage-users', 'read-audit'],
  unit_admin: ['read-unit', 'manage-unit', 'read-users', 'manage-users', 'read-audit'],
  report_owner: ['read-unit'],
  data_entry: ['read-unit'],
  reviewer: ['read-unit'],
  approver: ['read-unit'],
  viewer: ['read-unit'],
};
const GLOBAL: Role[] = ['system_admin'];

function expected(role: Role, relation: Relation, needs: Endpoint['needs']): boolean {
  if (!ALLOWED_IN_SCOPE[role].includes(needs)) return false;
  return GLOBAL.includes(role) || relation === 'same' || relation === 'subtree';
}

describe.each(backends)('authorization matrix on %s', (backend) => {
  const f = {} as Fixture;
  const clients = {} as Record<Role, Client>;
  const actorIds = {} as Record<Role, string>;

  beforeAll(async () => {
    f.t = await createTestApp(backend);
    const db = f.t.database.db;
    const root = await makeUnit(db, { name: 'UBND tỉnh thử' });
    const a = await makeUnit(db, { parentId: root.id, name: 'Sở A' });
    const a1 = await makeUnit(db, { parentId: a.id, name: 'Phòng A1', kind: 'division' });
    const b = await makeUnit(db, { parentId: root.id, name: 'Sở B' });
    const otherRoot = await makeUnit(db, { name: 'UBND tỉnh khác' });
    const c = await makeUnit(db, { parentId: otherRoot.id, name: 'Sở C' });
    f.units = { same: a.id, subtree: a1.id, parent: root.id, sibling: b.id, unrelated: c.id };
    for (const role of ROLES) {
      const u = await makeUser(db, {
        unitId: a.id,
        username: `actor.${role.replace('_', '')}`,
        grants: [{ role, unitId: a.id, includeSubtree: true }],
      });
      clients[role] = await loggedIn(f.t.app, u.username, u.password);
      actorIds[role] = u.id;
    }
  });
  afterAll(() => f.t.close());

  async function lastAuditSeq(): Promise<number> {
    const res = await f.t.database.db.execute(sql`select coalesce(max(seq), 0)::int as n from audit_log`);
    return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
  }

  async function auditActionsBy(actorId: string, afterSeq: number): Promise<string[]> {
    const res = await f.t.database.db.execute(sql`select action from audit_log where seq > ${afterSeq} and actor_id = ${actorId}`);
    return (res as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
  }

  const cases = ROLES.flatMap((role) => RELATIONS.flatMap((relation) => ENDPOINTS.map((endpoint) => ({ role, relation, endpoint }))));

  it.each(cases)('$role on $relation: $endpoint.name', async ({ role, relation, endpoint }) => {
    const before = await lastAuditSeq();
    const status = await endpoint.call(clients[role], f, f.units[relation]);
    if (expected(role, relation, endpoint.needs)) {
      expect(status, `${role} should be allowed`).toBeLessThan(300);
    } else {
      expect(status, `${role} should be refused`).toBe(403);
      // Fixtures are written by the factory; anything the refused actor wrote would be theirs.
      expect(await auditActionsBy(actorIds[role], before), 'a refused request changes nothing').toEqual([]);
    }
  });
});

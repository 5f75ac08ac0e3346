import type { DatabaseKind } from '../../db/client.ts';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { makeUnit, makeUser, systemContext } from '../../test/factories.ts';
import { seedReferenceData } from './demo.ts';

export interface ReferenceFixture {
  t: TestApp;
  /** System administrator. */
  admin: Client;
  /** Report owner (đơn vị chủ trì) of Sở Y tế, with its subtree. */
  owner: Client;
  /** Data-entry officer of Sở Y tế. */
  clerk: Client;
  deptA: string;
  deptB: string;
}

/** A city with two departments, three signed-in roles and the seeded reference data. */
export async function referenceFixture(backend: DatabaseKind): Promise<ReferenceFixture> {
  const t = await createTestApp(backend);
  const db = t.database.db;
  const root = await makeUnit(db, { name: 'UBND thành phố Hải Phòng' });
  const deptA = (await makeUnit(db, { parentId: root.id, name: 'Sở Y tế', agencyCode: 'H31.09' })).id;
  const deptB = (await makeUnit(db, { parentId: root.id, name: 'Sở Tài chính', agencyCode: 'H31.03' })).id;
  const a = await makeUser(db, { unitId: root.id, grants: [{ role: 'system_admin', unitId: root.id, includeSubtree: true }] });
  const o = await makeUser(db, { unitId: deptA, grants: [{ role: 'report_owner', unitId: deptA, includeSubtree: true }] });
  const c = await makeUser(db, { unitId: deptA, grants: [{ role: 'data_entry', unitId: deptA }] });
  await seedReferenceData(db, systemContext());
  return {
    t,
    admin: await loggedIn(t.app, a.username, a.password),
    owner: await loggedIn(t.app, o.username, o.password),
    clerk: await loggedIn(t.app, c.username, c.password),
    deptA,
    deptB,
  };
}

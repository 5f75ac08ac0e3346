import { randomUUID } from 'node:crypto';
import type { Role, UnitKind } from '@baocao/core';
import type { Db } from '../db/client.ts';
import type { AuthedContext } from '../modules/access/index.ts';
import { createUnit } from '../modules/units/index.ts';
import { createSeedAccount } from '../modules/users/index.ts';

/** An actor with global rights, for factories: it stands for "the test setting things up". */
export function systemContext(): AuthedContext {
  return {
    actor: {
      id: randomUUID(),
      username: 'factory',
      fullName: 'Dữ liệu kiểm thử',
      unitId: randomUUID(),
      unitName: '',
      mustChangePassword: false,
      grants: [{ id: randomUUID(), role: 'system_admin', unitId: randomUUID(), unitName: '', unitPath: '/', includeSubtree: true }],
    },
    ip: '127.0.0.1',
    userAgent: 'vitest',
  };
}

let counter = 0;
const next = () => ++counter;

export async function makeUnit(
  db: Db,
  overrides: { parentId?: string | null; name?: string; kind?: UnitKind; agencyCode?: string | null; adminCode?: string | null } = {},
) {
  const n = next();
  return createUnit(db, systemContext(), {
    parentId: overrides.parentId ?? null,
    name: overrides.name ?? `Đơn vị thử ${n}`,
    kind: overrides.kind ?? (overrides.parentId ? 'department' : 'province_committee'),
    agencyCode: overrides.agencyCode ?? null,
    adminCode: overrides.adminCode ?? null,
  });
}

export const TEST_PASSWORD = 'Mật-khẩu-thử-2026';

export async function makeUser(
  db: Db,
  overrides: {
    unitId: string;
    username?: string;
    fullName?: string;
    password?: string;
    grants?: { role: Role; unitId: string; includeSubtree?: boolean }[];
    mustChangePassword?: boolean;
  },
) {
  const username = overrides.username ?? `user${next()}`;
  const id = await db.transaction((tx) =>
    createSeedAccount(tx, systemContext(), {
      username,
      fullName: overrides.fullName ?? `Người dùng ${username}`,
      unitId: overrides.unitId,
      password: overrides.password ?? TEST_PASSWORD,
      grants: (overrides.grants ?? []).map((g) => ({ includeSubtree: false, ...g })),
      mustChangePassword: overrides.mustChangePassword ?? false,
    }),
  );
  return { id, username, password: overrides.password ?? TEST_PASSWORD };
}

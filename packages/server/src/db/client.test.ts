import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db.ts';
import { systemContext } from '../test/factories.ts';
import { createUnit, listUnits } from '../modules/units/index.ts';
import { DatabaseLockedError, migrationsCurrent, openDatabase } from './client.ts';

describe('the embedded database (PGlite)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its data across restarts and lets only one process open the directory', async () => {
    const dataDir = path.join(dir, 'db');
    const first = await openDatabase({ pgliteDir: dataDir });
    await first.migrate();
    await createUnit(first.db, systemContext(), { parentId: null, name: 'UBND tỉnh lưu trữ', kind: 'province_committee' });
    await first.close();

    const again = await openDatabase({ pgliteDir: dataDir });
    await again.migrate();
    expect((await listUnits(again.db, systemContext(), { includeInactive: false })).map((u) => u.name)).toEqual(['UBND tỉnh lưu trữ']);
    const status = await migrationsCurrent(again.db);
    expect(status.applied).toBe(status.expected);
    await again.close();
  });

  it('refuses a second opener while the first holds the lock, with a Vietnamese explanation', async () => {
    const dataDir = path.join(dir, 'locked');
    const holder = await openDatabase({ pgliteDir: dataDir });
    try {
      // The lock names this process; pretend another live process (our parent) holds it.
      writeFileSync(`${dataDir}.lock`, String(process.ppid));
      const second = openDatabase({ pgliteDir: dataDir });
      await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(second).rejects.toThrow(/đang được tiến trình \d+ sử dụng/u);
    } finally {
      await holder.close();
    }
  });

  it('runs a statement issued outside a transaction after that transaction commits (one queue)', async () => {
    const db = await openDatabase({});
    await db.migrate();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db.db.transaction(async (t) => {
      await t.execute(sql`select 1`);
      order.push('tx started');
      await gate;
      order.push('tx committing');
    });
    await new Promise((r) => setTimeout(r, 20));
    const outside = db.db.execute(sql`select 2`).then(() => order.push('outside ran'));
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([tx, outside]);
    expect(order).toEqual(['tx started', 'tx committing', 'outside ran']);
    await db.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL connections', () => {
  it('survives the server cutting an idle connection, and reconnects', async () => {
    const database = await createTestDatabase('postgres');
    try {
      await database.db.execute(sql`select 1`);
      const admin = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL });
      try {
        const current = (await database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
        await admin.db.execute(
          sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${current.rows[0]!.name} and pid <> pg_backend_pid()`,
        );
      } finally {
        await admin.close();
      }
      await new Promise((r) => setTimeout(r, 100));
      const again = (await database.db.execute(sql`select 2 as n`)) as unknown as { rows: { n: number }[] };
      expect(again.rows[0]!.n).toBe(2);
    } finally {
      await database.close();
    }
  });
});

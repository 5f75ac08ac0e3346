import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

/**
 * The one connection module. Everything else receives a `Db` and does not know whether it is the
 * embedded PGlite (no DATABASE_URL) or PostgreSQL through node-postgres.
 *
 * PGlite is single-connection: it runs every statement through its own in-process mutex, and a
 * transaction holds that mutex until COMMIT (`PGlite.transaction`, which drizzle's PGlite driver
 * uses). So on PGlite a query issued outside a transaction waits for the transaction to finish —
 * code inside `db.transaction(tx => …)` must use `tx`, never the outer `db`.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly kind: DatabaseKind;
  /** Where the data lives, for logs: a directory or the server with the password removed. */
  readonly location: string;
  /** Applies pending migrations; on PostgreSQL two processes starting together take turns. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseLockedError extends Error {}

export interface OpenOptions {
  /** postgres://… or undefined for PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps PGlite in memory (tests). */
  pgliteDir?: string | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.pgliteDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection can be cut by the server (restart, failover, an administrator): the pool
  // drops it and opens another when needed. Without a listener the error would end the process.
  pool.on('error', (error) => console.error(`PostgreSQL: một kết nối rảnh bị ngắt (${error.message}); hệ thống sẽ kết nối lại khi cần.`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/u, '//$1:***@');
  const migrate = async () => {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await migratePg(drizzlePg(client), { migrationsFolder: migrationsFolder() });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  };
  return { db, kind: 'postgres', location, migrate, close: () => pool.end() };
}

async function openPglite(dir: string | undefined): Promise<Database> {
  let releaseLock = () => {};
  if (dir) {
    mkdirSync(dir, { recursive: true });
    releaseLock = takeLock(`${dir}.lock`);
  }
  try {
    const client = dir ? await PGlite.create(dir) : await PGlite.create();
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: dir ?? 'memory://',
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: migrationsFolder() }),
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * Only one process may open a PGlite data directory: a second one would corrupt it. The lock file
 * holds the owner's pid; a lock left by a process that no longer runs is taken over.
 */
function takeLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockFile, { force: true });
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new DatabaseLockedError(
          `Thư mục dữ liệu ${path.dirname(lockFile)} đang được tiến trình ${owner} sử dụng. ` +
            'Chỉ một tiến trình được mở cơ sở dữ liệu nhúng (PGlite); hãy dừng tiến trình kia, ' +
            'hoặc dùng DATABASE_URL để chạy trên PostgreSQL.',
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseLockedError(`Không lấy được khóa ${lockFile}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The committed SQL migrations: packages/server/drizzle, found from source and from the bundle. */
export function migrationsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'drizzle');
    if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('Không tìm thấy thư mục migrations (packages/server/drizzle).');
}

const MIGRATION_LOCK_KEY = 7_318_001;

/** Are all committed migrations applied? (for /api/health) */
export async function migrationsCurrent(db: Db): Promise<{ applied: number; expected: number }> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return { applied: rows[0]?.n ?? 0, expected: journal.entries.length };
}

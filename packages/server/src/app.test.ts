import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from './db/client.ts';
import { createTestApp, type TestApp } from './test/app.ts';
import { backends } from './test/db.ts';

describe.each(backends)('the application on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('reports health: database reachable and migrations current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const committed = journalEntries();
    expect(committed).toBeGreaterThanOrEqual(4);
    expect(res.json()).toEqual({ status: 'ok', database: backend, migrations: { applied: committed, expected: committed } });
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/units', '/api/v1/users/{id}/grants', '/api/v1/audit']),
    );
    expect(doc.paths['/api/v1/units'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'kind']),
    );
  });
});

function journalEntries(): number {
  return (JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries
    .length;
}

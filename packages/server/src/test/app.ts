import type { InjectOptions } from 'fastify';
import { buildApp } from '../app.ts';
import { type Config, testConfig } from '../config.ts';
import type { Database, DatabaseKind } from '../db/client.ts';
import type { App } from '../http/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { createTestDatabase } from './db.ts';

export interface TestApp {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(kind: DatabaseKind, config: Partial<Config> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const app = await buildApp({ database, config: testConfig(config), webDist: null, clock: options.clock });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** A logged-in browser, in short: keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(private readonly app: App) {}

  async login(username: string, password: string) {
    const res = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return res;
  }

  async request(method: Method, url: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = `bc_session=${this.cookie}`;
    if (this.csrf && options.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const inject: InjectOptions = { method, url, headers };
    if (body !== undefined) inject.payload = body as InjectOptions['payload'];
    const res = await this.app.inject(inject);
    const setCookie = res.cookies.find((c) => c.name === 'bc_session');
    if (setCookie) this.cookie = setCookie.value || undefined;
    if (res.headers['content-type']?.toString().includes('application/json')) {
      const json = res.json() as { csrfToken?: string };
      if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

export async function loggedIn(app: App, username: string, password: string): Promise<Client> {
  const client = new Client(app);
  await client.login(username, password);
  return client;
}

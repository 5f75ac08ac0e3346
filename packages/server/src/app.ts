import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { type Database, migrationsCurrent } from './db/client.ts';
import { registerErrorHandler, registerNotFoundHandler } from './http/errors.ts';
import type { App, Deps } from './http/types.ts';
import { type Clock, systemClock } from './jobs/clock.ts';
import { analyticsRoutes } from './modules/analytics/routes.ts';
import { dashboardRoutes } from './modules/analytics/dashboard-routes.ts';
import { publicPortalPages } from './modules/analytics/public-page.ts';
import { publicApiRoutes } from './modules/analytics/public-routes.ts';
import { timelinessRoutes } from './modules/analytics/timeliness-routes.ts';
import { assignmentRoutes } from './modules/assignments/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authHook } from './modules/auth/hook.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { authSettings } from './modules/auth/service.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { catalogRoutes } from './modules/catalogs/routes.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { formRoutes } from './modules/forms/routes.ts';
import { indicatorRoutes } from './modules/indicators/routes.ts';
import { regimeRoutes } from './modules/regimes/routes.ts';
import { reportDataRoutes } from './modules/reports/data-routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { signatureRoutes } from './modules/signatures/routes.ts';
import { unitRoutes } from './modules/units/routes.ts';
import { userRoutes } from './modules/users/routes.ts';

export interface BuildOptions {
  database: Database;
  config: Config;
  /** Built web app to serve (packages/web/dist); found automatically when omitted. */
  webDist?: string | null;
  /** Defaults to the system clock; tests pass one they control. */
  clock?: Clock;
}

/** Builds the whole HTTP application: used by main.ts and by the tests (`app.inject`). */
export async function buildApp({ database, config, webDist, clock = systemClock }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  // Uploads (Excel forms and indicator lists): one file per request, size-limited.
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Hệ thống thông tin báo cáo — API',
        description: 'API JSON của hệ thống. Lỗi trả về dạng { "error": { "code", "message" } } với thông điệp tiếng Việt.',
        version: '1',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bc_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const deps: Deps = { db: database.db, config, auth: authSettings(config), clock };

  app.get(
    '/api/health',
    { schema: { tags: ['Hệ thống'], summary: 'Tình trạng hệ thống', response: { 200: healthResponse, 503: healthResponse } } },
    async (_request, reply) => {
      try {
        const m = await migrationsCurrent(database.db);
        const ok = m.applied >= m.expected;
        reply.code(ok ? 200 : 503);
        return { status: ok ? ('ok' as const) : ('degraded' as const), database: database.kind, migrations: m };
      } catch {
        reply.code(503);
        return { status: 'down' as const, database: database.kind, migrations: null };
      }
    },
  );

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.decorateRequest('auth', null);
      typed.addHook('onRequest', authHook(deps));
      authRoutes(typed, deps);
      unitRoutes(typed, deps);
      userRoutes(typed, deps);
      auditRoutes(typed, deps);
      catalogRoutes(typed, deps);
      indicatorRoutes(typed, deps);
      formRoutes(typed, deps);
      assignmentRoutes(typed, deps);
      regimeRoutes(typed, deps);
      calendarRoutes(typed, deps);
      notificationRoutes(typed, deps);
      reportRoutes(typed, deps);
      reportDataRoutes(typed, deps);
      documentRoutes(typed, deps);
      signatureRoutes(typed, deps);
      analyticsRoutes(typed, deps);
      timelinessRoutes(typed, deps);
      dashboardRoutes(typed, deps);
      publicApiRoutes(typed, deps);
    },
    { prefix: '/api/v1' },
  );

  // The public portal (công khai thông tin): server-rendered, no login, no script needed.
  publicPortalPages(app, deps);

  const dist = webDist === undefined ? findWebDist() : webDist;
  if (dist) await app.register(fastifyStatic, { root: dist, index: 'index.html' });
  // Client-side routes (/don-vi, /tai-khoan…) load the app shell; unknown API paths stay 404 JSON.
  registerNotFoundHandler(app, { spaShell: dist ? 'index.html' : null });
  return app;
}

const healthResponse = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ applied: z.number(), expected: z.number() }).nullable(),
});

function findWebDist(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'web', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

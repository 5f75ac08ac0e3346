import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from '../jobs/clock.ts';
import type { AuthSettings } from '../modules/auth/service.ts';

/** The Fastify instance with Zod schemas as the type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules receive. */
export interface Deps {
  db: Db;
  config: Config;
  auth: AuthSettings;
  /** What "now" is: the system clock, or one the tests control. */
  clock: Clock;
}

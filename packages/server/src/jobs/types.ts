import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from './clock.ts';

export interface JobContext {
  db: Db;
  config: Config;
  clock: Clock;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/**
 * A small periodic task of the scheduler. `run` must be idempotent and safe when two server
 * processes run it at once (take a database lock, rely on unique constraints); it is called every
 * tick, and on start, so that work missed while the server was down is caught up.
 */
export interface ScheduledTask {
  name: string;
  run(ctx: JobContext): Promise<{ done: number } | void>;
}

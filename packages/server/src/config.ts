import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration, parsed once at start from the environment with one schema and frozen. A setting
 * that does not parse stops the start with a message naming it.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./var'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET phải dài ít nhất 32 ký tự').optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Hệ thống thông tin báo cáo <no-reply@localhost>'),
  SCHEDULER_ENABLED: z.enum(['true', 'false']).default('true'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  DEADLINE_DEFAULT_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(2),
  DUE_SOON_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  SIGNING_KEY_SECRET: z.string().min(32, 'SIGNING_KEY_SECRET phải dài ít nhất 32 ký tự').optional(),
  TRUSTED_CA_FILE: z.string().optional(),
  CRL_FILES: z.string().optional(),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database under dataDir/db. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly sessionSecret: string;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly cookieSecure: 'auto' | boolean;
  readonly trustProxy: boolean;
  readonly bodyLimitBytes: number;
  readonly seedDemo: boolean;
  readonly logLevel: string;
  /** Address users reach the web app at, for links in e-mails; default http://localhost:PORT. */
  readonly publicUrl: string;
  /** smtp(s)://user:pass@host:port; absent: no e-mail is sent (in-app notifications only). */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Run the scheduler (opening periods, reminders, e-mail delivery) in this process. */
  readonly schedulerEnabled: boolean;
  readonly schedulerIntervalSeconds: number;
  /** LEGAL R10: the provincial default deadline, N working days after the cut-off. */
  readonly deadlineDefaultWorkingDays: number;
  /** A task whose deadline is this close is "sắp đến hạn". */
  readonly dueSoonDays: number;
  /** Encrypts the private keys of imported certificates at rest (AES-256-GCM, key derived from it). */
  readonly signingKeySecret: string;
  /** PEM bundle of trusted roots and intermediates (e.g. the Government special-use CA); absent: none but the demo CA. */
  readonly trustedCaFile: string | undefined;
  /** Certificate revocation lists (PEM or DER files), checked when certificates are imported and signatures verified. */
  readonly crlFiles: readonly string[];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (e.NODE_ENV === 'production') {
      throw new ConfigError('Cấu hình không hợp lệ:\n  SESSION_SECRET: bắt buộc khi NODE_ENV=production');
    }
    sessionSecret = localSecret(dataDir, 'session-secret');
  }
  let signingKeySecret = e.SIGNING_KEY_SECRET;
  if (!signingKeySecret) {
    if (e.NODE_ENV === 'production') {
      throw new ConfigError('Cấu hình không hợp lệ:\n  SIGNING_KEY_SECRET: bắt buộc khi NODE_ENV=production');
    }
    signingKeySecret = localSecret(dataDir, 'signing-key-secret');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    seedDemo: e.SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    schedulerEnabled: e.SCHEDULER_ENABLED === 'true',
    schedulerIntervalSeconds: e.SCHEDULER_INTERVAL_SECONDS,
    deadlineDefaultWorkingDays: e.DEADLINE_DEFAULT_WORKING_DAYS,
    dueSoonDays: e.DUE_SOON_DAYS,
    signingKeySecret,
    trustedCaFile: e.TRUSTED_CA_FILE,
    crlFiles: Object.freeze(
      (e.CRL_FILES ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    ),
  });
}

/** Development and demo installs keep a generated secret under the data directory. */
function localSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A configuration for tests: no files, fixed secret. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '/nonexistent',
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    sessionIdleMinutes: 120,
    sessionMaxHours: 12,
    loginMaxFailures: 5,
    loginLockMinutes: 15,
    cookieSecure: false,
    trustProxy: false,
    bodyLimitBytes: 1024 * 1024,
    seedDemo: false,
    logLevel: 'silent',
    publicUrl: 'http://localhost:8080',
    smtpUrl: undefined,
    mailFrom: 'Hệ thống thông tin báo cáo <no-reply@localhost>',
    schedulerEnabled: false,
    schedulerIntervalSeconds: 60,
    deadlineDefaultWorkingDays: 2,
    dueSoonDays: 3,
    signingKeySecret: 'test-signing-secret-test-signing-secret',
    trustedCaFile: undefined,
    crlFiles: [],
    ...overrides,
  } satisfies Config);
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('reads the defaults the README documents', () => {
    const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32) });
    expect(config).toMatchObject({ port: 8080, databaseUrl: undefined, loginMaxFailures: 5, loginLockMinutes: 15, seedDemo: true });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('stops the start on a setting that does not parse, naming it', () => {
    expect(() => loadConfig({ PORT: 'tám nghìn', SESSION_SECRET: 'x'.repeat(32) })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'tám nghìn', SESSION_SECRET: 'x'.repeat(32) })).toThrow(/PORT/u);
    expect(() => loadConfig({ DATABASE_URL: 'không phải url', SESSION_SECRET: 'x'.repeat(32) })).toThrow(/DATABASE_URL/u);
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: bắt buộc/u);
  });
});

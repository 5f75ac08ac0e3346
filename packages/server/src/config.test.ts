import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** The secrets a start needs outside development (without them a development start writes files under ./var). */
const SECRETS = { SESSION_SECRET: 'x'.repeat(32), SIGNING_KEY_SECRET: 'k'.repeat(32) };

describe('configuration', () => {
  it('reads the defaults the README documents', () => {
    const config = loadConfig(SECRETS);
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: undefined,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      seedDemo: true,
      signingKeySecret: 'k'.repeat(32),
      trustedCaFile: undefined,
      crlFiles: [],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('stops the start on a setting that does not parse, naming it', () => {
    expect(() => loadConfig({ ...SECRETS, PORT: 'tám nghìn' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...SECRETS, PORT: 'tám nghìn' })).toThrow(/PORT/u);
    expect(() => loadConfig({ ...SECRETS, DATABASE_URL: 'không phải url' })).toThrow(/DATABASE_URL/u);
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: bắt buộc/u);
  });

  it('requires the signing key secret in production, at least 32 characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })).toThrow(/SIGNING_KEY_SECRET: bắt buộc/u);
    expect(() => loadConfig({ ...SECRETS, NODE_ENV: 'production', SIGNING_KEY_SECRET: 'ngắn' })).toThrow(/SIGNING_KEY_SECRET/u);
    expect(loadConfig({ ...SECRETS, NODE_ENV: 'production' }).signingKeySecret).toBe('k'.repeat(32));
  });

  it('reads the trusted CA file and the CRL list (comma-separated)', () => {
    const config = loadConfig({ ...SECRETS, TRUSTED_CA_FILE: '/etc/baocao/ca.pem', CRL_FILES: '/a.crl, /b.crl,' });
    expect(config.trustedCaFile).toBe('/etc/baocao/ca.pem');
    expect(config.crlFiles).toEqual(['/a.crl', '/b.crl']);
  });
});

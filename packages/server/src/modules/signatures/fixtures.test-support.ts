import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { type CertificateAuthority, createCertificateAuthority, issueCertificate, type KeySpec } from './crypto/ca.ts';
import type { DemoHolder } from './demo-ca.ts';
import * as q from './queries.ts';
import { storeCertificate } from './service/certificates.ts';

/*
 * Test support of signatures: a test CA made once per process (ECDSA P-256 by default, quick to
 * make; RSA on request), trusted by a test database through a `trusted_certificate` row, issuing
 * certificates to the people and units of the fixtures. Valid from 2020 to 2045, so whatever the
 * fixtures' clocks say the certificates are in force.
 */

export const TEST_VALIDITY = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2045-01-01T00:00:00Z') };

const cas = new Map<string, Promise<CertificateAuthority>>();

/** The process's test CA for `key` (or a separate one under another `name`, e.g. an untrusted CA). */
export function testCa(key: KeySpec = 'EC', name = 'CA Thử nghiệm kiểm thử'): Promise<CertificateAuthority> {
  const id = `${key}:${name}`;
  let ca = cas.get(id);
  if (!ca) {
    ca = createCertificateAuthority({ commonName: name, organisation: 'Hệ thống báo cáo (kiểm thử)', key, ...TEST_VALIDITY });
    cas.set(id, ca);
  }
  return ca;
}

/** Makes `ca` a trust anchor of the database (as the demo CA is). */
export async function trustCa(db: Db, ca: CertificateAuthority): Promise<void> {
  await q.insertTrusted(db, {
    source: 'demo',
    certificatePem: ca.certificate.pem,
    fingerprintSha256: ca.certificate.fingerprint,
    createdAt: new Date(),
  });
}

/** Trusts the default test CA and returns it. */
export async function trustTestCa(db: Db): Promise<CertificateAuthority> {
  const ca = await testCa();
  await trustCa(db, ca);
  return ca;
}

/** Issues certificates from the default test CA (valid 2020–2045) and stores them as the fixtures' holders'. */
export async function giveCertificates(db: Db, holders: readonly DemoHolder[], options: { key?: KeySpec } = {}): Promise<void> {
  const ca = await testCa();
  for (const holder of holders) {
    const issued = await issueCertificate(ca, {
      commonName: holder.commonName,
      organisation: holder.organisation,
      key: options.key ?? 'EC',
      ...TEST_VALIDITY,
    });
    await db.transaction((tx) =>
      storeCertificate(tx, testConfig(), {
        owner: holder.owner,
        certificate: issued.certificate,
        chain: [],
        privateKey: issued.privateKey,
        keyAlgorithm: options.key ?? 'EC',
        createdBy: null,
        now: new Date(),
      }),
    );
  }
}

/**
 * Runs `openssl cms -verify` (a tool nobody here wrote) on a detached signature over `content`
 * with `caPem` as the only trust anchor: whether it verified, and what openssl said.
 */
export function opensslCmsVerify(cms: Uint8Array, content: Uint8Array, caPem: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-cms-'));
  try {
    const file = (name: string) => path.join(dir, name);
    writeFileSync(file('sig.p7s'), cms);
    writeFileSync(file('content.json'), content);
    writeFileSync(file('ca.pem'), caPem);
    const run = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        file('sig.p7s'),
        '-content',
        file('content.json'),
        '-CAfile',
        file('ca.pem'),
        '-purpose',
        'any',
        '-out',
        file('out.json'),
      ],
      { encoding: 'utf8' },
    );
    return { ok: run.status === 0, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the workflow fixtures give a leader (a holder of report.approve): a person certificate for
 * approving and, for each unit granted that has none yet, the unit's certificate for sending.
 */
export async function certifyLeader(db: Db, leader: { userId: string; fullName: string; unitIds: readonly string[] }): Promise<void> {
  const holders: DemoHolder[] = [];
  const home = await q.findUser(db, leader.userId);
  holders.push({ owner: { kind: 'person', userId: leader.userId }, commonName: leader.fullName, organisation: home?.unitName });
  for (const unitId of new Set(leader.unitIds)) {
    if ((await q.usableCertificates(db, { unitId })).length > 0) continue;
    const unit = await q.findUnit(db, unitId);
    if (unit) holders.push({ owner: { kind: 'unit', unitId }, commonName: unit.name });
  }
  await giveCertificates(db, holders);
}

export interface FormPart {
  name: string;
  /** A file part when set. */
  filename?: string;
  content: Buffer | string;
}

/** A multipart/form-data body and its content type, for `app.inject`. */
export function multipartBody(parts: readonly FormPart[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----baocao-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const type = part.filename ? '\r\nContent-Type: application/octet-stream' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push(typeof part.content === 'string' ? Buffer.from(part.content, 'utf8') : part.content);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Runs the openssl CLI in `dir`; its stdout. */
export function openssl(dir: string, args: readonly string[]): string {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

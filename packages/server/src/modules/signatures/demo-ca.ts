import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type CertificateAuthority, createCertificateAuthority, issueCertificate, type KeySpec } from './crypto/ca.ts';
import { parseCertificate } from './crypto/certificate.ts';
import { openPrivateKey, sealPrivateKey } from './crypto/key-store.ts';
import * as q from './queries.ts';
import { storeCertificate } from './service/certificates.ts';

/**
 * The demo province's own certification authority: created on the first start with the demo data,
 * trusted by this installation only (a `trusted_certificate` row, source 'demo'), its key sealed
 * like any other. It issues a certificate to each demo leader and to each unit that has one, so
 * that the demo can approve, sign and send without a USB token. Nothing secret is printed.
 */

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

const addYears = (at: Date, years: number) => new Date(at.getTime() + years * YEAR_MS);

/** The demo CA of this installation, created when there is none yet. */
export async function ensureDemoCa(
  db: Db,
  config: Pick<Config, 'signingKeySecret'>,
  spec: { provinceName: string; now: Date; key?: KeySpec },
): Promise<CertificateAuthority> {
  for (const row of await q.trustedRows(db)) {
    if (row.source !== 'demo' || !row.encryptedKey) continue;
    const certificate = parseCertificate(row.certificatePem);
    return { certificate, privateKey: openPrivateKey(config.signingKeySecret, row.encryptedKey, row.fingerprintSha256) };
  }
  const place = spec.provinceName.replace(/^(UBND|Ủy ban nhân dân)\s+/iu, '');
  const ca = await createCertificateAuthority({
    commonName: `CA Thử nghiệm Hệ thống báo cáo ${place}`,
    organisation: spec.provinceName,
    key: spec.key ?? 'RSA',
    notBefore: new Date(spec.now.getTime() - 60_000),
    notAfter: addYears(spec.now, 10),
  });
  await q.insertTrusted(db, {
    source: 'demo',
    certificatePem: ca.certificate.pem,
    fingerprintSha256: ca.certificate.fingerprint,
    encryptedKey: sealPrivateKey(config.signingKeySecret, ca.privateKey, ca.certificate.fingerprint),
    createdAt: spec.now,
  });
  return ca;
}

export interface DemoHolder {
  owner: { kind: 'person'; userId: string } | { kind: 'unit'; unitId: string };
  /** CN: the person's full name, or the unit's name. */
  commonName: string;
  /** O: the person's unit (absent for a unit's certificate). */
  organisation?: string | undefined;
}

/** Issues and stores a certificate (RSA, two years by default) from `ca` for each holder, audited as imported. */
export async function issueCertificatesTo(
  db: Db,
  config: Pick<Config, 'signingKeySecret'>,
  ctx: RequestContext,
  ca: CertificateAuthority,
  holders: readonly DemoHolder[],
  spec: { now: Date; years?: number; key?: KeySpec },
): Promise<void> {
  for (const holder of holders) {
    const issued = await issueCertificate(ca, {
      commonName: holder.commonName,
      organisation: holder.organisation,
      key: spec.key ?? 'RSA',
      notBefore: new Date(spec.now.getTime() - 60_000),
      notAfter: addYears(spec.now, spec.years ?? 2),
    });
    await db.transaction(async (tx) => {
      const row = await storeCertificate(tx, config, {
        owner: holder.owner,
        certificate: issued.certificate,
        chain: [],
        privateKey: issued.privateKey,
        keyAlgorithm: spec.key ?? 'RSA',
        createdBy: ctx.actor?.id ?? null,
        now: spec.now,
      });
      await recordAudit(tx, ctx, {
        action: 'certificate.imported',
        targetType: 'certificate',
        targetId: row.id,
        unitId: holder.owner.kind === 'unit' ? holder.owner.unitId : null,
        actorName: 'Hệ thống',
        summary: {
          ownerKind: holder.owner.kind,
          owner: holder.commonName,
          subject: row.subject,
          issuer: row.issuer,
          serialNumber: row.serialNumber,
          notAfter: row.notAfter.toISOString(),
          fingerprintSha256: row.fingerprintSha256,
          demo: true,
        },
      });
    });
  }
}

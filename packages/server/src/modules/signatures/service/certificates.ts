import type { KeyObject } from 'node:crypto';
import { and, eq, type SQL } from 'drizzle-orm';
import type {
  CertificateItem,
  CertificateList,
  CertificateOwnerKind,
  CertificateStatus,
  ErrorCode,
  ImportCertificateFields,
  TrustedCertificateList,
} from '@baocao/core';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { AppError, isUniqueViolation } from '../../../http/errors.ts';
import type { Clock } from '../../../jobs/clock.ts';
import type { AuthedContext } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { type ParsedCertificate, parseCertificates, parseCertificate } from '../crypto/certificate.ts';
import { readKeyMaterial } from '../crypto/key-material.ts';
import { sealPrivateKey } from '../crypto/key-store.ts';
import { checkCertificate, type TrustContext } from '../crypto/trust.ts';
import { authorizePersonCertificates, authorizeUnitCertificates, listableCertificates } from '../policy.ts';
import { presentCertificate } from '../presenter.ts';
import * as q from '../queries.ts';
import { certificate } from '../tables.ts';
import { trustStore } from '../trust-store.ts';

export interface SignatureDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** Largest certificate file accepted (a PKCS#12 with a long chain is a few kilobytes). */
export const MAX_CERTIFICATE_FILE_BYTES = 256 * 1024;

const REFUSAL: Record<Exclude<CertificateStatus, 'valid' | 'disabled'>, ErrorCode> = {
  expired: 'CERTIFICATE_EXPIRED',
  not_yet_valid: 'CERTIFICATE_NOT_YET_VALID',
  untrusted: 'CERTIFICATE_UNTRUSTED',
  revoked: 'CERTIFICATE_REVOKED',
};

/** A stored certificate's standing now: disabled, or what the chain, the CRLs and the clock say. */
export async function certificateStatus(
  row: Pick<q.CertificateRow, 'certificatePem' | 'chainPem' | 'disabledAt'>,
  trust: TrustContext,
  now: Date,
): Promise<{ status: CertificateStatus; message: string }> {
  if (row.disabledAt) return { status: 'disabled', message: 'Chứng thư số đã ngừng sử dụng trong hệ thống.' };
  const check = await checkCertificate(parseCertificate(row.certificatePem), parseCertificates(row.chainPem), trust, now);
  return { status: check.status, message: check.message };
}

export interface StoreCertificateInput {
  owner: { kind: 'person'; userId: string } | { kind: 'unit'; unitId: string };
  certificate: ParsedCertificate;
  /** Intermediates to include in signatures (not the anchor). */
  chain: readonly ParsedCertificate[];
  privateKey: KeyObject;
  keyAlgorithm: 'RSA' | 'EC';
  createdBy: string | null;
  now: Date;
}

/** Writes a certificate with its key sealed; the caller has checked it and audits. */
export async function storeCertificate(
  tx: Db,
  config: Pick<Config, 'signingKeySecret'>,
  input: StoreCertificateInput,
): Promise<q.CertificateRow> {
  const c = input.certificate;
  try {
    return await q.insertCertificate(tx, {
      ownerKind: input.owner.kind,
      userId: input.owner.kind === 'person' ? input.owner.userId : null,
      unitId: input.owner.kind === 'unit' ? input.owner.unitId : null,
      certificatePem: c.pem,
      chainPem: input.chain.map((x) => x.pem).join(''),
      subject: c.details.subject,
      commonName: c.details.commonName,
      issuer: c.details.issuer,
      serialNumber: c.details.serialNumber,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      fingerprintSha256: c.fingerprint,
      encryptedKey: sealPrivateKey(config.signingKeySecret, input.privateKey, c.fingerprint),
      keyAlgorithm: input.keyAlgorithm,
      createdBy: input.createdBy,
      createdAt: input.now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        'CONFLICT',
        undefined,
        `Chứng thư số "${c.details.commonName}" (số hiệu ${c.details.serialNumber}) đã được nhập trước đây.`,
      );
    }
    throw error;
  }
}

/**
 * Imports a certificate with its private key (PKCS#12 or PEM) for a person or a unit. Refused with
 * the reason when the file or password is wrong, the key does not match, or the certificate is not
 * trusted, revoked, expired or not yet valid: nothing is stored then.
 */
export async function importCertificate(
  deps: SignatureDeps,
  ctx: AuthedContext,
  fields: ImportCertificateFields,
  file: Buffer | undefined,
): Promise<CertificateItem> {
  const owner = await ownerOf(deps.db, ctx, fields);
  if (!file || file.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { problems: [{ path: 'file', message: 'Chưa có tệp.' }] },
      'Chưa chọn tệp chứng thư số (hoặc tệp rỗng).',
    );
  }
  const material = readKeyMaterial(file, fields.password || undefined);
  const now = deps.clock.now();
  const trust = await trustStore(deps.db, deps.config);
  const check = await checkCertificate(material.certificate, material.chain, trust, now);
  if (check.status !== 'valid') throw new AppError(REFUSAL[check.status], { status: check.status }, check.message);
  // The chain to keep: the intermediates between the certificate and its anchor.
  const chain = check.chain.slice(1).filter((c) => !trust.anchors.some((a) => a.fingerprint === c.fingerprint));

  const id = await deps.db.transaction(async (tx) => {
    const row = await storeCertificate(tx, deps.config, {
      owner: owner.kind === 'person' ? { kind: 'person', userId: owner.id } : { kind: 'unit', unitId: owner.id },
      certificate: material.certificate,
      chain,
      privateKey: material.privateKey,
      keyAlgorithm: material.keyAlgorithm,
      createdBy: ctx.actor.id,
      now,
    });
    await recordAudit(tx, ctx, {
      action: 'certificate.imported',
      targetType: 'certificate',
      targetId: row.id,
      unitId: owner.kind === 'unit' ? owner.id : owner.unitId,
      summary: {
        ownerKind: owner.kind,
        owner: owner.name,
        subject: row.subject,
        issuer: row.issuer,
        serialNumber: row.serialNumber,
        notAfter: row.notAfter.toISOString(),
        fingerprintSha256: row.fingerprintSha256,
      },
    });
    return row.id;
  });
  return presentOne(deps, id, trust);
}

async function ownerOf(
  db: Db,
  ctx: AuthedContext,
  fields: ImportCertificateFields,
): Promise<{ kind: CertificateOwnerKind; id: string; name: string; unitId: string }> {
  if (fields.ownerKind === 'person') {
    const userId = fields.userId ?? ctx.actor.id;
    await authorizePersonCertificates(db, ctx.actor, userId);
    const user = (await q.findUser(db, userId))!;
    return { kind: 'person', id: user.id, name: user.fullName, unitId: user.unitId };
  }
  if (!fields.unitId) {
    throw new AppError(
      'VALIDATION_FAILED',
      { problems: [{ path: 'unitId', message: 'Chưa chọn đơn vị.' }] },
      'Hãy chọn đơn vị của chứng thư số.',
    );
  }
  await authorizeUnitCertificates(db, ctx.actor, fields.unitId);
  const unit = await q.findUnit(db, fields.unitId);
  if (!unit) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị.');
  return { kind: 'unit', id: unit.id, name: unit.name, unitId: unit.id };
}

async function presentOne(deps: SignatureDeps, id: string, trust: TrustContext): Promise<CertificateItem> {
  const row = await q.findCertificate(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy chứng thư số.');
  return presentCertificate(row, await certificateStatus(row.certificate, trust, deps.clock.now()));
}

export async function listCertificates(
  deps: SignatureDeps,
  ctx: AuthedContext,
  query: { ownerKind?: CertificateOwnerKind | undefined; unitId?: string | undefined },
): Promise<CertificateList> {
  const filters: SQL[] = [listableCertificates(ctx.actor)];
  if (query.ownerKind) filters.push(eq(certificate.ownerKind, query.ownerKind));
  if (query.unitId) filters.push(eq(certificate.unitId, query.unitId));
  const rows = await q.listCertificates(deps.db, and(...filters)!);
  const trust = await trustStore(deps.db, deps.config);
  const now = deps.clock.now();
  const items: CertificateItem[] = [];
  for (const row of rows) items.push(presentCertificate(row, await certificateStatus(row.certificate, trust, now)));
  return { items };
}

/** Stops a certificate from being used to sign (kept: signatures made with it still name it). */
export async function disableCertificate(deps: SignatureDeps, ctx: AuthedContext, id: string): Promise<CertificateItem> {
  await deps.db.transaction(async (tx) => {
    const found = await q.findCertificate(tx, id, { lock: true });
    if (!found) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy chứng thư số.');
    const c = found.certificate;
    if (c.ownerKind === 'person') await authorizePersonCertificates(tx, ctx.actor, c.userId!);
    else await authorizeUnitCertificates(tx, ctx.actor, c.unitId!);
    if (c.disabledAt) throw new AppError('CONFLICT', undefined, 'Chứng thư số này đã ngừng sử dụng từ trước.');
    const now = deps.clock.now();
    await q.disableCertificate(tx, id, ctx.actor.id, now);
    await recordAudit(tx, ctx, {
      action: 'certificate.revoked',
      targetType: 'certificate',
      targetId: id,
      unitId: c.unitId ?? null,
      summary: { ownerKind: c.ownerKind, subject: c.subject, serialNumber: c.serialNumber, fingerprintSha256: c.fingerprintSha256 },
    });
  });
  return presentOne(deps, id, await trustStore(deps.db, deps.config));
}

/** The trust anchors, with their PEM so that anyone can verify with their own tools. */
export async function listTrustedCertificates(deps: SignatureDeps): Promise<TrustedCertificateList> {
  const trust = await trustStore(deps.db, deps.config);
  return {
    items: trust.anchors.map((a) => ({ ...a.details, source: trust.sources.get(a.fingerprint) ?? 'config', pem: a.pem })),
  };
}

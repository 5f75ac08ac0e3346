import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The fields of an audit row that the chain protects. */
export interface AuditContent {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  unitId: string | null;
  ip: string | null;
  userAgent: string | null;
  summary: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the previous hash and the row's canonical JSON (RFC 8785). */
export function auditHash(prevHash: string, row: AuditContent): string {
  const canonical = canonicalize({
    prevHash,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    unitId: row.unitId,
    ip: row.ip,
    userAgent: row.userAgent,
    summary: row.summary ?? null,
  });
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex');
}

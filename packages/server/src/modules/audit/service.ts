import { sql } from 'drizzle-orm';
import type { AuditAction } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../access/actor.ts';
import { auditHash, GENESIS_HASH } from './hash.ts';
import { insertAuditRow, lastAuditHash } from './queries.ts';

export interface AuditRecord {
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  unitId?: string | null;
  /** What changed: { before, after } for edits, the input for creations, a reason for failures. */
  summary?: unknown;
  /** For events without a logged-in actor (failed login): the name that was tried. */
  actorName?: string;
}

/** Serialises concurrent writers so that each row chains to the one before it. */
const AUDIT_CHAIN_LOCK = 7_318_002;

/**
 * Appends one row to the audit log, inside the caller's transaction: the row exists exactly when
 * the change it describes does.
 */
export async function recordAudit(tx: Db, ctx: RequestContext, record: AuditRecord): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const prevHash = (await lastAuditHash(tx)) ?? GENESIS_HASH;
  const content = {
    at: new Date(),
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor ? ctx.actor.fullName + ' (' + ctx.actor.username + ')' : (record.actorName ?? null),
    action: record.action,
    targetType: record.targetType ?? null,
    targetId: record.targetId ?? null,
    unitId: record.unitId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    // Stored as JSONB and hashed as it will read back: plain JSON values only.
    summary: record.summary === undefined ? null : (JSON.parse(JSON.stringify(record.summary)) as unknown),
  };
  await insertAuditRow(tx, { ...content, prevHash, hash: auditHash(prevHash, content) });
}

import type { auditListQuery, AuditEntry, AuditVerifyResult } from '@baocao/core';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { type AuthedContext, authorize, authorizeGlobal, unitScope } from '../access/index.ts';
import { orgUnit } from '../units/tables.ts';
import { auditLog } from './tables.ts';
import { listAudit } from './queries.ts';
import { verifyAuditChain } from './verify.ts';

/** Vietnam is UTC+7 all year: a calendar day starts at 17:00 UTC the day before. */
function startOfVietnamDay(isoDate: string, plusDays = 0): Date {
  const d = new Date(`${isoDate}T00:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d;
}

/** Audit rows about units within the reader's audit.read scope (all rows for system admins). */
export async function listAuditEntries(db: Db, ctx: AuthedContext, query: z.output<typeof auditListQuery>) {
  await authorize(db, ctx.actor, 'audit.read', query.unitId ? [query.unitId] : []);
  const scope = unitScope(ctx.actor, 'audit.read', { id: auditLog.unitId, path: orgUnit.path });
  const { items, total } = await listAudit(db, {
    unitScope: scope === 'all' ? 'all' : sql`(${scope})`,
    q: query.q,
    action: query.action,
    actorId: query.actorId,
    unitId: query.unitId,
    from: query.from ? startOfVietnamDay(query.from) : undefined,
    to: query.to ? startOfVietnamDay(query.to, 1) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  const entries: AuditEntry[] = items.map((r) => ({ ...r, at: r.at.toISOString() }));
  return { items: entries, total, page: query.page, pageSize: query.pageSize };
}

export async function verifyChain(db: Db, ctx: AuthedContext): Promise<AuditVerifyResult> {
  authorizeGlobal(ctx.actor, 'audit.read');
  return verifyAuditChain(db);
}

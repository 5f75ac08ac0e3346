import { and, asc, count, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnit } from '../units/tables.ts';
import { auditLog } from './tables.ts';

export async function lastAuditHash(tx: Db): Promise<string | undefined> {
  const rows = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return rows[0]?.hash;
}

export async function insertAuditRow(tx: Db, row: typeof auditLog.$inferInsert): Promise<void> {
  await tx.insert(auditLog).values(row);
}

export interface AuditFilter {
  /** Only rows about units within this condition (the caller's scope), or every row. */
  unitScope: SQL | 'all';
  q?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  unitId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.unitScope !== 'all') where.push(f.unitScope);
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
  if (f.unitId) where.push(eq(auditLog.unitId, f.unitId));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    where.push(
      sql`(lower(coalesce(${auditLog.actorName}, '')) like ${like} or lower(coalesce(${auditLog.targetId}, '')) like ${like} or lower(${auditLog.summary}::text) like ${like})`,
    );
  }
  const condition = where.length ? and(...where) : undefined;
  const [items, total] = await Promise.all([
    db
      .select({
        seq: auditLog.seq,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorName: auditLog.actorName,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        unitId: auditLog.unitId,
        unitName: orgUnit.name,
        ip: auditLog.ip,
        userAgent: auditLog.userAgent,
        summary: auditLog.summary,
      })
      .from(auditLog)
      .leftJoin(orgUnit, eq(orgUnit.id, auditLog.unitId))
      .where(condition)
      .orderBy(desc(auditLog.seq))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(auditLog).leftJoin(orgUnit, eq(orgUnit.id, auditLog.unitId)).where(condition),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

/** Rows in chain order, a batch at a time, for verification. */
export async function auditBatch(db: Db, afterSeq: number, limit: number) {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}

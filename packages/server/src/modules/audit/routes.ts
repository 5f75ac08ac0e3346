import { auditEntry, auditListQuery, auditVerifyResult, paged } from '@baocao/core';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import { listAuditEntries, verifyChain } from './use-cases.ts';

const tags = ['Nhật ký hệ thống'];

export function auditRoutes(app: App, { db }: Deps): void {
  app.get(
    '/audit',
    { schema: { tags, summary: 'Tra cứu nhật ký hệ thống', querystring: auditListQuery, response: { 200: paged(auditEntry) } } },
    async (request) => listAuditEntries(db, authedContext(request), request.query),
  );

  app.get(
    '/audit/verify',
    { schema: { tags, summary: 'Kiểm tra toàn vẹn chuỗi nhật ký', response: { 200: auditVerifyResult } } },
    async (request) => verifyChain(db, authedContext(request)),
  );
}

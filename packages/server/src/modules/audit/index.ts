export { recordAudit, type AuditRecord } from './service.ts';
export { verifyAuditChain } from './verify.ts';

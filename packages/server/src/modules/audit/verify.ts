import type { AuditVerifyResult } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { auditHash, GENESIS_HASH } from './hash.ts';
import { auditBatch } from './queries.ts';

const BATCH = 2000;

/**
 * Re-computes the hash chain from the first row and reports the first row whose stored hashes do
 * not match its content or its predecessor: an edited, inserted or deleted row.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await auditBatch(db, lastSeq, BATCH);
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: row.seq,
          reason: 'Liên kết với bản ghi trước không khớp (có bản ghi bị xóa, chèn hoặc sửa).',
        };
      }
      const expected = auditHash(prevHash, row);
      if (row.hash !== expected) {
        return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'Nội dung bản ghi đã bị sửa sau khi ghi.' };
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      checked++;
    }
    if (rows.length < BATCH) return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}

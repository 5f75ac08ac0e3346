/** npm run audit:verify — re-computes the audit log's hash chain and reports the first broken row. */
import { formatNumber } from '@baocao/core';
import { openConfigured, runMain } from '../bootstrap.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';

await runMain(async (config) => {
  const database = await openConfigured(config);
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`Nhật ký toàn vẹn: đã kiểm tra ${formatNumber(result.checked)} bản ghi.`);
    } else {
      console.error(
        `Nhật ký KHÔNG toàn vẹn: bản ghi số ${result.firstBrokenSeq} — ${result.reason} (đã kiểm tra ${formatNumber(result.checked)} bản ghi trước đó).`,
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
});

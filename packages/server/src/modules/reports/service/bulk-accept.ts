import { AppError } from '../../../http/errors.ts';
import type { AuthedContext } from '../../access/index.ts';
import type { ReportDeps } from '../support.ts';
import { transitionReport } from './transition-report.ts';

/**
 * The receiver accepts many reports at once: each one through the workflow in its own transaction,
 * so one that cannot be accepted (returned meanwhile, out of scope…) does not hold back the others.
 * Each result carries the Vietnamese reason of a refusal. An unexpected error is not swallowed.
 */
export async function bulkAccept(
  deps: ReportDeps,
  ctx: AuthedContext,
  reportIds: readonly string[],
): Promise<{ results: { reportId: string; ok: boolean; message: string | null }[] }> {
  const results: { reportId: string; ok: boolean; message: string | null }[] = [];
  for (const reportId of new Set(reportIds)) {
    try {
      await transitionReport(deps, ctx, reportId, { action: 'accept' });
      results.push({ reportId, ok: true, message: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ reportId, ok: false, message: error.message });
    }
  }
  return { results };
}

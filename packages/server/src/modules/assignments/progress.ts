import { eq } from 'drizzle-orm';
import type { AssignmentStatus } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { assignment } from './tables.ts';

/**
 * Moves an assignment's status as its report goes through the workflow (the reports module calls
 * it inside its transition's transaction; it never writes assignment rows itself). `sentAt`:
 * undefined leaves it as it is, null clears it (a returned report is no longer counted as sent).
 * The assignment's `version` is not bumped: it guards edits of the assignment itself (deadlines,
 * delegation), which a report's progress must not make stale.
 */
export async function setAssignmentProgress(
  tx: Db,
  assignmentId: string,
  progress: { status: Exclude<AssignmentStatus, 'cancelled'>; sentAt?: Date | null; now: Date },
): Promise<void> {
  await tx
    .update(assignment)
    .set({ status: progress.status, ...(progress.sentAt === undefined ? {} : { sentAt: progress.sentAt }), updatedAt: progress.now })
    .where(eq(assignment.id, assignmentId));
}

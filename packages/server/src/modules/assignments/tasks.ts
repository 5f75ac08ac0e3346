import { GLOBAL_ROLES, ROLE_PERMISSIONS, type AssignmentStatus, type taskListQuery, type TaskItem } from '@baocao/core';
import type { z } from 'zod';
import type { AuthedContext } from '../access/index.ts';
import { orderForms } from './presenter.ts';
import * as q from './queries.ts';
import { type SystemDeps, timeliness } from './support.ts';

type TaskQuery = z.output<typeof taskListQuery>;

/** At most this many tasks in one answer. */
const MAX_TASKS = 500;

/**
 * "Việc cần làm": the assignments of the units the user works for — the units of their own grants
 * with 'report.work' (a subtree grant: the whole subtree). A global grant (system administrator)
 * does not count here: it would fill the list with every unit's work.
 */
export async function listTasks(
  deps: SystemDeps,
  ctx: AuthedContext,
  query: TaskQuery,
): Promise<{ items: TaskItem[]; dueSoonDays: number }> {
  const grants = ctx.actor.grants
    .filter((g) => !GLOBAL_ROLES.includes(g.role) && ROLE_PERMISSIONS[g.role].includes('report.work'))
    .map((g) => ({ unitId: g.unitId, unitPath: g.unitPath, includeSubtree: g.includeSubtree }));
  const rows = await q.taskRows(deps.db, { grants, openOnly: query.include === 'open', limit: MAX_TASKS });
  const versionIds = [...new Set(rows.flatMap((r) => r.assignment.formVersionIds as string[]))];
  const forms = await q.formsOfVersions(deps.db, versionIds);
  const now = deps.clock.now();
  const items = rows
    .map((r): TaskItem => {
      const a = r.assignment;
      return {
        kind: 'assignment',
        assignmentId: a.id,
        regimeId: r.regimeId,
        regimeCode: r.regimeCode,
        regimeName: r.regimeName,
        periodLabel: r.periodLabel,
        windowStart: r.windowStart,
        windowEnd: r.windowEnd,
        deadlineAt: a.deadlineAt.toISOString(),
        extended: a.deadlineAt.getTime() !== a.originalDeadlineAt.getTime() || r.periodState === 'extended',
        unitId: a.unitId,
        unitName: r.unitName,
        receivingUnitName: r.receivingUnitName,
        delegatedBy: r.delegatedBy ?? null,
        status: a.status as AssignmentStatus,
        timeliness: timeliness(a, now, deps.config),
        forms: orderForms(a.formVersionIds as string[], forms),
      };
    })
    .sort((x, y) => (x.deadlineAt === y.deadlineAt ? x.unitName.localeCompare(y.unitName, 'vi') : x.deadlineAt < y.deadlineAt ? -1 : 1));
  return { items, dueSoonDays: deps.config.dueSoonDays };
}

import type { AssignmentDetail } from '@baocao/core';
import { addDaysIso, vnDateTimeOf } from '../regimes/format.ts';

/**
 * The deadline the delegation dialog starts with: the regime's deadline for the level below (R9)
 * when the server suggests one; otherwise a day before the unit's own deadline at the same time, if
 * that is still after the cut-off window (the usual room for consolidating), else no date.
 */
export function childDeadlineDefault(a: Pick<AssignmentDetail, 'suggestedChildDeadline' | 'deadlineAt' | 'windowEnd'>): {
  date: string;
  time: string;
} {
  if (a.suggestedChildDeadline) return { date: a.suggestedChildDeadline.date, time: a.suggestedChildDeadline.time };
  const own = vnDateTimeOf(a.deadlineAt);
  const dayBefore = addDaysIso(own.date, -1);
  return { date: dayBefore > a.windowEnd ? dayBefore : '', time: own.time };
}

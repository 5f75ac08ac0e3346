import type { TimelinessOutcome, TimelinessResponse, UnitTimeliness } from '../api/analytics.ts';
import type { AssignmentStatus } from '../api/regimes.ts';
import type { UnitKind } from '../units/kinds.ts';
import { utcToVn } from '../periods/timezone.ts';
import { FormDecimal } from '../forms/formula/values.ts';
import { compareVietnamese } from '../text/vietnamese.ts';

/*
 * Timeliness statistics (thống kê tình hình thực hiện báo cáo): how each assignment stands against
 * its deadline in force, and per unit the counts, rates and rank used to compare units.
 */

const MINUTE_MS = 60_000;

export interface TimelinessFacts {
  status: AssignmentStatus;
  deadlineAt: Date;
  sentAt: Date | null;
  now: Date;
}

/** on_time / late (with minutes late, floored) / not_sent (deadline passed, nothing sent) / pending (not yet due). Cancelled → null (not counted). */
export function timelinessOutcome(a: TimelinessFacts): { outcome: TimelinessOutcome; lateMinutes: number } | null {
  if (a.status === 'cancelled') return null;
  const deadline = a.deadlineAt.getTime();
  if (a.sentAt) {
    // Sent at the very minute (or millisecond) of the deadline is still on time.
    const late = a.sentAt.getTime() - deadline;
    return late <= 0 ? { outcome: 'on_time', lateMinutes: 0 } : { outcome: 'late', lateMinutes: Math.floor(late / MINUTE_MS) };
  }
  return a.now.getTime() > deadline ? { outcome: 'not_sent', lateMinutes: 0 } : { outcome: 'pending', lateMinutes: 0 };
}

export interface TimelinessLine {
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  outcome: TimelinessOutcome;
  lateMinutes: number;
  returnCount: number;
  corrected: boolean;
  deadlineAt: Date;
}

export type TimelinessFigures = TimelinessResponse['totals'];

/** A percentage of `part` over `whole` as text with exactly one decimal, half up; null when whole = 0. */
export function percentText(part: number, whole: number): string | null {
  if (whole === 0) return null;
  return new FormDecimal(part).times(100).div(whole).toFixed(1, FormDecimal.ROUND_HALF_UP);
}

/** Counts and rates of some lines (a unit's, or all of them). */
function figuresOf(lines: readonly TimelinessLine[]): TimelinessFigures {
  let onTime = 0;
  let late = 0;
  let notSent = 0;
  let pending = 0;
  let returned = 0;
  let corrected = 0;
  let lateMinutes = 0;
  for (const line of lines) {
    if (line.outcome === 'on_time') onTime++;
    else if (line.outcome === 'late') {
      late++;
      lateMinutes += line.lateMinutes;
    } else if (line.outcome === 'not_sent') notSent++;
    else pending++;
    returned += line.returnCount;
    if (line.corrected) corrected++;
  }
  const due = onTime + late + notSent;
  return {
    due,
    onTime,
    late,
    notSent,
    pending,
    returned,
    corrected,
    onTimeRate: percentText(onTime, due),
    sentRate: percentText(onTime + late, due),
    averageLateMinutes: late === 0 ? null : Math.floor(lateMinutes / late),
  };
}

/**
 * Best first. Units are compared on the figures they are shown with (rates rounded to one decimal,
 * whole minutes), so two units whose four figures read the same share a rank.
 */
function compareFigures(a: TimelinessFigures, b: TimelinessFigures): number {
  return (
    Number(b.onTimeRate) - Number(a.onTimeRate) ||
    Number(b.sentRate) - Number(a.sentRate) ||
    (a.averageLateMinutes ?? 0) - (b.averageLateMinutes ?? 0) ||
    a.returned - b.returned
  );
}

const byName = (a: UnitTimeliness, b: UnitTimeliness) =>
  compareVietnamese(a.unitName, b.unitName) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

/** Per unit: counts, rates and ranks (best first), as UnitTimeliness. */
export function rankUnits(lines: readonly TimelinessLine[]): UnitTimeliness[] {
  const byUnit = new Map<string, TimelinessLine[]>();
  for (const line of lines) {
    const list = byUnit.get(line.unitId);
    if (list) list.push(line);
    else byUnit.set(line.unitId, [line]);
  }
  const units: UnitTimeliness[] = [...byUnit.values()].map((unitLines) => {
    const first = unitLines[0]!;
    return { unitId: first.unitId, unitName: first.unitName, unitKind: first.unitKind, ...figuresOf(unitLines), rank: null };
  });

  const ranked = units.filter((u) => u.due > 0).sort((a, b) => compareFigures(a, b) || byName(a, b));
  ranked.forEach((u, i) => {
    const previous = ranked[i - 1];
    // Competition ranking: ties share the rank, the next one skips (1, 2, 2, 4).
    u.rank = previous && compareFigures(previous, u) === 0 ? previous.rank : i + 1;
  });
  const unranked = units.filter((u) => u.due === 0).sort(byName);
  return [...ranked, ...unranked];
}

/** The totals over all lines (same fields without unit and rank). */
export function timelinessTotals(lines: readonly TimelinessLine[]): TimelinessFigures {
  return figuresOf(lines);
}

/** "YYYY-MM" of an instant in Vietnam time (a deadline at 00:30 on the 1st in Vietnam belongs to that month). */
export function vnMonth(at: Date): string {
  return utcToVn(at).date.slice(0, 7);
}

/** On-time rate per month of the deadline (Vietnam time, "YYYY-MM"), ascending, months without lines omitted. */
export function timelinessTrend(lines: readonly TimelinessLine[]): TimelinessResponse['trend'] {
  const byMonth = new Map<string, { due: number; onTime: number }>();
  for (const line of lines) {
    const month = vnMonth(line.deadlineAt);
    const point = byMonth.get(month) ?? { due: 0, onTime: 0 };
    if (line.outcome !== 'pending') point.due++;
    if (line.outcome === 'on_time') point.onTime++;
    byMonth.set(month, point);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, { due, onTime }]) => ({ month, due, onTime, onTimeRate: percentText(onTime, due) }));
}

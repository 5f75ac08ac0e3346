import {
  compareVietnamese,
  addDays,
  compareIsoDates,
  rankUnits,
  timelinessOutcome,
  timelinessTotals,
  timelinessTrend,
  todayInVietnam,
  vnToUtc,
  type AssignmentStatus,
  type TimelinessLine,
  type TimelinessQuery,
  type TimelinessRecord,
  type TimelinessRecordPage,
  type TimelinessResponse,
  type UnitKind,
} from '@baocao/core';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { type Actor, authorize, unitScopeSql } from '../../access/index.ts';
import { TIMELINESS_UNIT, timelinessRows, type TimelinessRow } from '../timeliness-queries.ts';

/** The statistics span at most this many years of deadlines (the yearly ranking needs one). */
const MAX_YEARS = 10;

export interface TimelinessRecordsFilter {
  outcome?: TimelinessRecord['outcome'] | undefined;
  unitId?: string | undefined;
  page: number;
  pageSize: number;
}

/** One assignment's line: the query's row with its outcome as of `now`. */
export type TimelinessEntry = TimelinessRecord & { unitKind: UnitKind };

/**
 * Who reported on time, late or not at all (thống kê tình hình thực hiện báo cáo), per unit and
 * ranked, with the totals and the month-by-month trend, within the caller's analytics authority.
 */
export async function timelinessStats(db: Db, actor: Actor, query: TimelinessQuery, now: Date): Promise<TimelinessResponse> {
  return summarizeTimeliness(await timelinessEntries(db, actor, query, now));
}

/** The ranking, totals and trend of lines already read (the export writes both from one reading). */
export function summarizeTimeliness({
  from,
  to,
  entries,
}: {
  from: string;
  to: string;
  entries: readonly TimelinessEntry[];
}): TimelinessResponse {
  const lines = entries.map(lineOf);
  return { from, to, totals: timelinessTotals(lines), units: rankUnits(lines), trend: timelinessTrend(lines) };
}

/** The lines behind the statistics, filtered by outcome or unit, by deadline then unit name. */
export async function timelinessRecords(
  db: Db,
  actor: Actor,
  query: TimelinessQuery & TimelinessRecordsFilter,
  now: Date,
): Promise<TimelinessRecordPage> {
  const { entries } = await timelinessEntries(db, actor, query, now, query.unitId);
  const matching = entries.filter((e) => !query.outcome || e.outcome === query.outcome);
  const start = (query.page - 1) * query.pageSize;
  const items = matching.slice(start, start + query.pageSize).map(({ unitKind: _kind, ...record }) => record);
  return { items, total: matching.length, page: query.page, pageSize: query.pageSize };
}

/**
 * Every line of the query in the caller's scope with its outcome, ordered by deadline, unit name
 * (as Vietnamese sorts it), regime and period; and the date range actually used. A root unit or a
 * unit named outside the caller's authority is refused, never silently narrowed.
 */
export async function timelinessEntries(
  db: Db,
  actor: Actor,
  query: TimelinessQuery,
  now: Date,
  unitId?: string,
): Promise<{ from: string; to: string; entries: TimelinessEntry[] }> {
  const { from, to } = dateRange(query, now);
  const named = [query.rootUnitId, unitId].filter((id): id is string => id !== undefined);
  await authorize(db, actor, 'analytics.read', named);
  const rows = await timelinessRows(db, {
    scope: unitScopeSql(actor, 'analytics.read', TIMELINESS_UNIT),
    regimeId: query.regimeId,
    unitKinds: query.unitKinds,
    deadlineFrom: vnToUtc(from, '00:00'),
    deadlineBefore: vnToUtc(addDays(to, 1), '00:00'),
    rootUnitId: query.rootUnitId,
    unitId,
  });
  const entries = rows.flatMap((row) => {
    const entry = entryOf(row, now);
    return entry ? [entry] : [];
  });
  entries.sort(
    (a, b) =>
      // One shared collator: localeCompare(…, 'vi') builds one per call, the cost of a 40,000-line year.
      byCode(a.deadlineAt, b.deadlineAt) ||
      compareVietnamese(a.unitName, b.unitName) ||
      compareVietnamese(a.regimeName, b.regimeName) ||
      byCode(a.periodCode, b.periodCode) ||
      byCode(a.assignmentId, b.assignmentId),
  );
  return { from, to, entries };
}

/** The query's dates, by default the current year in Vietnam; a missing end takes the other's year. */
export function dateRange(query: Pick<TimelinessQuery, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const year = todayInVietnam(now).slice(0, 4);
  const from = query.from ?? `${(query.to ?? year).slice(0, 4)}-01-01`;
  const to = query.to ?? `${(query.from ?? year).slice(0, 4)}-12-31`;
  if (compareIsoDates(from, to) > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { issues: [{ path: 'to', message: 'Đến ngày không được trước từ ngày.' }] },
      'Đến ngày không được trước từ ngày.',
    );
  }
  // At most ten years: from 01/01/2016, up to 31/12/2025.
  const limit = `${String(Number(from.slice(0, 4)) + MAX_YEARS).padStart(4, '0')}${from.slice(4)}`;
  if (compareIsoDates(to, limit) >= 0) {
    throw new AppError(
      'ANALYTICS_TOO_LARGE',
      { maxYears: MAX_YEARS },
      `Khoảng thời gian thống kê tối đa ${MAX_YEARS} năm: hãy chọn khoảng ngắn hơn.`,
    );
  }
  return { from, to };
}

function entryOf(row: TimelinessRow, now: Date): TimelinessEntry | null {
  const result = timelinessOutcome({
    status: row.status as AssignmentStatus,
    deadlineAt: row.deadlineAt,
    sentAt: row.sentAt,
    now,
  });
  if (!result) return null;
  return {
    assignmentId: row.assignmentId,
    reportId: row.reportId,
    regimeId: row.regimeId,
    regimeName: row.regimeName,
    periodCode: row.periodCode,
    periodLabel: row.periodLabel,
    unitId: row.unitId,
    unitName: row.unitName,
    unitKind: row.unitKind as UnitKind,
    deadlineAt: row.deadlineAt.toISOString(),
    originalDeadlineAt: row.originalDeadlineAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    outOfBand: row.outOfBand,
    outcome: result.outcome,
    lateMinutes: result.lateMinutes,
    returnCount: row.returnCount,
    corrected: row.corrected,
  };
}

function lineOf(e: TimelinessEntry): TimelinessLine {
  return {
    unitId: e.unitId,
    unitName: e.unitName,
    unitKind: e.unitKind,
    outcome: e.outcome,
    lateMinutes: e.lateMinutes,
    returnCount: e.returnCount,
    corrected: e.corrected,
    deadlineAt: new Date(e.deadlineAt),
  };
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

import {
  createWorkingCalendar,
  formatIsoDate,
  isValidIsoDate,
  normalizeText,
  validateAdjustments,
  type CalendarAdjustment,
  type CalendarYearResponse,
  type WorkingCalendar,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Clock } from '../../jobs/clock.ts';
import { type AuthedContext, authorizeGlobal } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { presentAdjustment } from './presenter.ts';
import * as q from './queries.ts';

/**
 * The working-day calendar: the Labour Code's rules are computed in core; the administrator keeps
 * the list of days the Government announces differently each year (extra days off, Saturdays worked).
 */

export interface CalendarDeps {
  db: Db;
  clock: Clock;
}

/** The calendar every deadline is computed with: the law's rules plus every announced adjustment. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const rows = await q.listAllAdjustments(db);
  return createWorkingCalendar(rows.map(toAdjustment));
}

function toAdjustment(row: q.AdjustmentRow): CalendarAdjustment {
  return { date: row.date, kind: row.kind as CalendarAdjustment['kind'], name: row.name };
}

export async function calendarYear(db: Db, year: number): Promise<CalendarYearResponse> {
  const [calendar, adjustments] = await Promise.all([loadWorkingCalendar(db), q.listYearAdjustments(db, year)]);
  return {
    year,
    holidays: calendar.holidaysOf(year).map((h) => ({ date: h.date, name: h.name, source: h.source })),
    adjustments: adjustments.map(presentAdjustment),
    workingWeekends: calendar.workingWeekendsOf(year),
    workingDayCount: calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`),
  };
}

/** A date typed by a user: real calendar dates only (30/02 does not exist). */
export function requireValidDate(date: string): void {
  if (!isValidIsoDate(date)) {
    const shown = /^\d{4}-\d{2}-\d{2}$/u.test(date) ? formatIsoDate(date) : `"${date}"`;
    throw new AppError('INVALID_CALENDAR_DATE', { date }, `Ngày ${shown} không tồn tại.`);
  }
}

export async function putAdjustment(
  deps: CalendarDeps,
  ctx: AuthedContext,
  date: string,
  input: { kind: CalendarAdjustment['kind']; name: string },
): Promise<CalendarYearResponse> {
  authorizeGlobal(ctx.actor, 'calendar.manage');
  requireValidDate(date);
  const name = normalizeText(input.name);
  await deps.db.transaction(async (tx) => {
    const before = await q.findAdjustment(tx, date);
    const row = await q.upsertAdjustment(tx, { date, kind: input.kind, name, updatedBy: ctx.actor.id, updatedAt: deps.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'calendar.adjusted',
      targetType: 'calendar_adjustment',
      summary: { date, before: before ? toAdjustment(before) : null, after: toAdjustment(row) },
    });
  });
  return calendarYear(deps.db, Number(date.slice(0, 4)));
}

export async function removeAdjustment(deps: CalendarDeps, ctx: AuthedContext, date: string): Promise<CalendarYearResponse> {
  authorizeGlobal(ctx.actor, 'calendar.manage');
  requireValidDate(date);
  await deps.db.transaction(async (tx) => {
    const removed = await q.deleteAdjustment(tx, date);
    if (!removed) {
      throw new AppError(
        'NOT_FOUND',
        undefined,
        `Ngày ${formatIsoDate(date)} không có trong danh sách ngày nghỉ, ngày làm việc đã công bố.`,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'calendar.adjustment_removed',
      targetType: 'calendar_adjustment',
      summary: { date, before: toAdjustment(removed) },
    });
  });
  return calendarYear(deps.db, Number(date.slice(0, 4)));
}

export interface YearItem {
  date: string;
  kind: string;
  name: string;
}

/**
 * Replaces a year's whole list at once. Every row is checked first (real date, in that year, known
 * kind, a name, no date twice); one bad row and nothing is saved, every bad row is listed.
 */
export async function replaceYear(deps: CalendarDeps, ctx: AuthedContext, year: number, items: YearItem[]): Promise<CalendarYearResponse> {
  authorizeGlobal(ctx.actor, 'calendar.manage');
  const list = items.map((i) => ({ date: i.date.trim(), kind: i.kind, name: normalizeText(i.name) }));
  const problems = validateAdjustments(list).map((p) => ({ index: p.index, date: list[p.index]?.date ?? '', message: p.message }));
  list.forEach((item, index) => {
    if (isValidIsoDate(item.date) && !item.date.startsWith(`${year}-`)) {
      problems.push({ index, date: item.date, message: `Ngày ${formatIsoDate(item.date)} không thuộc năm ${year}.` });
    }
  });
  if (problems.length > 0) {
    problems.sort((a, b) => a.index - b.index);
    const first = problems[0]!;
    throw new AppError(
      'INVALID_CALENDAR_DATE',
      { problems },
      `Danh sách có ${problems.length} dòng không hợp lệ nên chưa lưu gì. Dòng ${first.index + 1}: ${first.message}`,
    );
  }
  await deps.db.transaction(async (tx) => {
    const before = await q.listYearAdjustments(tx, year);
    await q.replaceYearAdjustments(tx, year, list, { updatedBy: ctx.actor.id, updatedAt: deps.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'calendar.adjusted',
      targetType: 'calendar_year',
      summary: { year, before: before.map(toAdjustment), after: list },
    });
  });
  return calendarYear(deps.db, year);
}

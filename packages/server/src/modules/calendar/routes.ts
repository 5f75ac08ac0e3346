import { calendarYearParams, calendarYearResponse, putAdjustmentBody } from '@baocao/core';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as calendar from './service.ts';

const tags = ['Lịch làm việc'];

/**
 * The date in the path is only checked for its shape here: the service tells a date that does not
 * exist (30/02) with INVALID_CALENDAR_DATE and a message naming it.
 */
const dateParams = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'Ngày không hợp lệ (định dạng YYYY-MM-DD).') });

/** A year's whole list; each row is checked by the service so that every bad row is reported at once. */
const replaceYearBody = z.object({
  items: z.array(z.object({ date: z.string().max(30), kind: z.string().max(30), name: z.string().max(200) })).max(366),
});

export function calendarRoutes(app: App, { db, clock }: Deps): void {
  app.get(
    '/calendar/:year',
    {
      schema: {
        tags,
        summary: 'Lịch ngày nghỉ, ngày làm việc của một năm',
        params: calendarYearParams,
        response: { 200: calendarYearResponse },
      },
    },
    async (request) => {
      authedContext(request);
      return calendar.calendarYear(db, request.params.year);
    },
  );

  app.put(
    '/calendar/:year/adjustments',
    {
      schema: {
        tags,
        summary: 'Thay toàn bộ danh sách ngày nghỉ, ngày làm bù đã công bố của một năm',
        params: calendarYearParams,
        body: replaceYearBody,
        response: { 200: calendarYearResponse },
      },
    },
    async (request) => calendar.replaceYear({ db, clock }, authedContext(request), request.params.year, request.body.items),
  );

  app.put(
    '/calendar/adjustments/:date',
    {
      schema: {
        tags,
        summary: 'Thêm hoặc sửa một ngày nghỉ, ngày làm bù đã công bố',
        params: dateParams,
        body: putAdjustmentBody,
        response: { 200: calendarYearResponse },
      },
    },
    async (request) => calendar.putAdjustment({ db, clock }, authedContext(request), request.params.date, request.body),
  );

  app.delete(
    '/calendar/adjustments/:date',
    {
      schema: {
        tags,
        summary: 'Xóa một ngày nghỉ, ngày làm bù đã công bố',
        params: dateParams,
        response: { 200: calendarYearResponse },
      },
    },
    async (request) => calendar.removeAdjustment({ db, clock }, authedContext(request), request.params.date),
  );
}

import { timelinessQuery, timelinessRecordPage, timelinessRecordsQuery, timelinessResponse } from '@baocao/core';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import { timelinessRecords, timelinessStats } from '../reports/index.ts';
import { exportTimeliness } from './timeliness-excel.ts';

const tags = ['Khai thác dữ liệu'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** RFC 6266 / 5987: an ASCII name for old clients, the Vietnamese one for the others. */
const contentDisposition = (file: { filename: string; asciiFilename: string }) =>
  `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;

/**
 * Timeliness statistics (thống kê tình hình thực hiện báo cáo): anyone holding analytics.read
 * somewhere may ask; the figures cover only the units within that authority.
 */
export function timelinessRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.get(
    '/analytics/timeliness',
    {
      schema: {
        tags,
        summary: 'Thống kê đúng hạn, muộn, không gửi báo cáo theo đơn vị, xếp hạng và xu hướng theo tháng',
        querystring: timelinessQuery,
        response: { 200: timelinessResponse },
      },
    },
    async (request) => timelinessStats(db, authedContext(request).actor, request.query, deps.clock.now()),
  );

  app.get(
    '/analytics/timeliness/records',
    {
      schema: {
        tags,
        summary: 'Chi tiết từng báo cáo được giao trong thống kê (lọc theo kết quả, đơn vị)',
        querystring: timelinessRecordsQuery,
        response: { 200: timelinessRecordPage },
      },
    },
    async (request) => timelinessRecords(db, authedContext(request).actor, request.query, deps.clock.now()),
  );

  app.get(
    '/analytics/timeliness/export',
    { schema: { tags, summary: 'Kết xuất thống kê thực hiện chế độ báo cáo ra Excel (Xếp hạng, Chi tiết)', querystring: timelinessQuery } },
    async (request, reply) => {
      const file = await exportTimeliness(db, authedContext(request).actor, request.query, deps.clock.now());
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(file)).send(file.buffer);
    },
  );
}

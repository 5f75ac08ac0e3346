import { dashboardDataResponse, dashboardList, dashboardResponse, idParams, okResponse, saveDashboardBody } from '@baocao/core';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as dashboards from './dashboards.ts';

const tags = ['Khai thác dữ liệu'];

/** Dashboards (bảng điều khiển) of units: composed with analytics.manage, read with analytics.read. */
export function dashboardRoutes(app: App, { db, clock }: Deps): void {
  app.get(
    '/analytics/dashboards',
    { schema: { tags, summary: 'Danh sách bảng điều khiển của các đơn vị trong phạm vi', response: { 200: dashboardList } } },
    async (request) => dashboards.listDashboards(db, authedContext(request)),
  );

  app.post(
    '/analytics/dashboards',
    { schema: { tags, summary: 'Tạo bảng điều khiển', body: saveDashboardBody, response: { 201: dashboardResponse } } },
    async (request, reply) => {
      const created = await dashboards.createDashboard({ db, clock }, authedContext(request), request.body);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/analytics/dashboards/:id',
    { schema: { tags, summary: 'Cấu hình một bảng điều khiển', params: idParams, response: { 200: dashboardResponse } } },
    async (request) => dashboards.getDashboard(db, authedContext(request), request.params.id),
  );

  app.put(
    '/analytics/dashboards/:id',
    {
      schema: {
        tags,
        summary: 'Sửa bảng điều khiển (kèm phiên bản đã đọc)',
        params: idParams,
        body: saveDashboardBody,
        response: { 200: dashboardResponse },
      },
    },
    async (request) => dashboards.updateDashboard({ db, clock }, authedContext(request), request.params.id, request.body),
  );

  app.delete(
    '/analytics/dashboards/:id',
    { schema: { tags, summary: 'Xóa bảng điều khiển', params: idParams, response: { 200: okResponse } } },
    async (request) => {
      await dashboards.deleteDashboard({ db, clock }, authedContext(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/analytics/dashboards/:id/data',
    {
      schema: {
        tags,
        summary: 'Số liệu của các ô trên bảng điều khiển, theo quyền của người xem',
        params: idParams,
        response: { 200: dashboardDataResponse },
      },
    },
    async (request) => dashboards.dashboardData({ db, clock }, authedContext(request), request.params.id),
  );
}

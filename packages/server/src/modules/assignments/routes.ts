import {
  assignmentDetail,
  closePeriodBody,
  delegateBody,
  extendPeriodBody,
  idParams,
  monitoringQuery,
  monitoringResponse,
  regimePeriodDetail,
  regimePeriodSummary,
  taskListQuery,
  taskListResponse,
} from '@baocao/core';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as assignments from './assignments.ts';
import * as periods from './periods.ts';
import { listTasks } from './tasks.ts';

const tags = ['Kỳ báo cáo và giao báo cáo'];

export function assignmentRoutes(app: App, deps: Deps): void {
  app.get(
    '/regimes/:id/periods',
    {
      schema: {
        tags,
        summary: 'Các kỳ báo cáo đã mở của chế độ báo cáo (mới nhất trước)',
        params: idParams,
        response: { 200: z.object({ items: z.array(regimePeriodSummary) }) },
      },
    },
    async (request) => periods.listPeriods(deps, authedContext(request), request.params.id),
  );

  app.get(
    '/regimes/:id/monitoring',
    {
      schema: {
        tags,
        summary: 'Theo dõi tình hình gửi báo cáo: đơn vị × kỳ báo cáo',
        params: idParams,
        querystring: monitoringQuery,
        response: { 200: monitoringResponse },
      },
    },
    async (request) => periods.monitoring(deps, authedContext(request), request.params.id, request.query),
  );

  app.get(
    '/regime-periods/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết kỳ báo cáo: các đơn vị được giao (cả giao tiếp), lịch sử, biểu mẫu',
        params: idParams,
        response: { 200: regimePeriodDetail },
      },
    },
    async (request) => periods.getPeriodDetail(deps, authedContext(request), request.params.id),
  );

  app.post(
    '/regime-periods/:id/close',
    {
      schema: { tags, summary: 'Đóng kỳ báo cáo', params: idParams, body: closePeriodBody, response: { 200: regimePeriodDetail } },
    },
    async (request) => periods.closePeriod(deps, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/regime-periods/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Mở lại kỳ báo cáo đã đóng',
        params: idParams,
        body: closePeriodBody,
        response: { 200: regimePeriodDetail },
      },
    },
    async (request) => periods.reopenPeriod(deps, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/regime-periods/:id/extend',
    {
      schema: {
        tags,
        summary: 'Gia hạn gửi báo cáo (tất cả hoặc một số đơn vị), có lý do',
        params: idParams,
        body: extendPeriodBody,
        response: { 200: regimePeriodDetail },
      },
    },
    async (request) => periods.extendPeriod(deps, authedContext(request), request.params.id, request.body),
  );

  app.get(
    '/assignments/:id',
    { schema: { tags, summary: 'Chi tiết báo cáo được giao', params: idParams, response: { 200: assignmentDetail } } },
    async (request) => assignments.getAssignment(deps, authedContext(request), request.params.id),
  );

  app.post(
    '/assignments/:id/delegate',
    {
      schema: {
        tags,
        summary: 'Giao tiếp báo cáo cho đơn vị trực thuộc, phòng, ban (hạn sớm hơn hạn của đơn vị mình)',
        params: idParams,
        body: delegateBody,
        response: { 200: assignmentDetail },
      },
    },
    async (request) => assignments.delegateAssignment(deps, authedContext(request), request.params.id, request.body),
  );

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Việc cần làm: báo cáo được giao cho các đơn vị của tôi, hạn gần nhất trước',
        querystring: taskListQuery,
        response: { 200: taskListResponse },
      },
    },
    async (request) => listTasks(deps, authedContext(request), request.query),
  );
}

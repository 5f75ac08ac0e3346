import {
  explorationOptions as explorationOptionsSchema,
  explorationQuery,
  exportQuery,
  idParams,
  okResponse,
  pivotResult,
  savedView,
  savedViewList,
  saveViewBody,
} from '@baocao/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import { explore, explorationOptions } from './explore.ts';
import { contentDisposition, type ExportFile, exportFacts, exportPivot } from './export.ts';
import { createView, deleteView, listViews, loadView, updateView } from './views.ts';

const tags = ['Khai thác dữ liệu'];

const optionsQuery = z.object({
  indicatorCodes: z
    .string()
    .max(4000)
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    ),
});

export function analyticsRoutes(app: App, { db, clock }: Deps): void {
  const sendFile = (reply: FastifyReply, file: ExportFile) =>
    reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.filename)).send(file.body);

  app.post(
    '/analytics/explore',
    { schema: { tags, summary: 'Khai thác số liệu dạng bảng tổng hợp (pivot)', body: explorationQuery, response: { 200: pivotResult } } },
    async (request) => explore(db, authedContext(request).actor, request.body),
  );

  app.get(
    '/analytics/options',
    {
      schema: {
        tags,
        summary: 'Cột số liệu, phân tổ, loại kỳ và kỳ mới nhất có số liệu của các chỉ tiêu',
        querystring: optionsQuery,
        response: { 200: explorationOptionsSchema },
      },
    },
    async (request) => explorationOptions(db, authedContext(request).actor, request.query.indicatorCodes),
  );

  app.post(
    '/analytics/explore/export',
    { schema: { tags, summary: 'Kết xuất bảng tổng hợp (Excel hoặc CSV)', body: explorationQuery, querystring: exportQuery } },
    async (request, reply) =>
      sendFile(reply, await exportPivot(db, authedContext(request), request.body, request.query.format, clock.now())),
  );

  app.post(
    '/analytics/facts/export',
    {
      schema: {
        tags,
        summary: 'Kết xuất toàn bộ số liệu chi tiết của phạm vi khai thác (CSV hoặc Excel)',
        body: explorationQuery,
        querystring: exportQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, await exportFacts(db, authedContext(request), request.body, request.query.format, clock.now())),
  );

  app.get(
    '/analytics/views',
    { schema: { tags, summary: 'Khung nhìn đã lưu của tôi và được chia sẻ với tôi', response: { 200: savedViewList } } },
    async (request) => listViews(db, authedContext(request)),
  );

  app.post(
    '/analytics/views',
    { schema: { tags, summary: 'Lưu khung nhìn', body: saveViewBody, response: { 201: savedView } } },
    async (request, reply) => {
      const view = await createView(db, authedContext(request), request.body, clock.now());
      reply.code(201);
      return view;
    },
  );

  app.get(
    '/analytics/views/:id',
    { schema: { tags, summary: 'Một khung nhìn đã lưu', params: idParams, response: { 200: savedView } } },
    async (request) => loadView(db, authedContext(request).actor, request.params.id),
  );

  app.put(
    '/analytics/views/:id',
    { schema: { tags, summary: 'Sửa khung nhìn (chỉ người tạo)', params: idParams, body: saveViewBody, response: { 200: savedView } } },
    async (request) => updateView(db, authedContext(request), request.params.id, request.body, clock.now()),
  );

  app.delete(
    '/analytics/views/:id',
    { schema: { tags, summary: 'Xóa khung nhìn (chỉ người tạo)', params: idParams, response: { 200: okResponse } } },
    async (request) => {
      await deleteView(db, authedContext(request), request.params.id, clock.now());
      return { ok: true as const };
    },
  );
}

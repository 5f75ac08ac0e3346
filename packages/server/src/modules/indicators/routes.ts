import {
  createIndicatorBody,
  createIndicatorSetBody,
  idParams,
  indicator,
  indicatorImportResult,
  indicatorListQuery,
  indicatorSet,
  indicatorSetDetail,
  paged,
  setMembersBody,
  updateIndicatorBody,
  updateIndicatorSetBody,
} from '@baocao/core';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { App, Deps } from '../../http/types.ts';
import { exportIndicators, importIndicators } from './exchange.ts';
import * as indicators from './service.ts';

const tags = ['Kho chỉ tiêu'];

/** RFC 6266 / 5987: an ASCII fallback and the Vietnamese name in UTF-8. */
function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function indicatorRoutes(app: App, { db }: Deps): void {
  app.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Tra cứu chỉ tiêu (có dấu hoặc không dấu)',
        querystring: indicatorListQuery,
        response: { 200: paged(indicator) },
      },
    },
    async (request) => indicators.listIndicators(db, authedContext(request), request.query),
  );

  app.get(
    '/indicators/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh mục chỉ tiêu ra Excel (mẫu danh mục của Tổng cục Thống kê)',
        querystring: z.object({ setCode: z.string().max(50).optional() }),
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await exportIndicators(db, authedContext(request), request.query.setCode);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(filename))
        .send(buffer);
    },
  );

  app.post(
    '/indicators/import',
    {
      schema: {
        tags,
        summary: 'Nhập chỉ tiêu từ Excel (dryRun=true: chỉ kiểm tra, không lưu)',
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
        response: { 200: indicatorImportResult },
      },
    },
    async (request) => {
      const ctx = authedContext(request);
      let file;
      try {
        file = await request.file();
      } catch {
        file = undefined;
      }
      if (!file) {
        throw new AppError(
          'VALIDATION_FAILED',
          { issues: [{ path: 'file', message: 'Chưa chọn tệp.' }] },
          'Chưa có tệp Excel nào được gửi lên: hãy chọn một tệp .xlsx (trường "file").',
        );
      }
      const buffer = await file.toBuffer();
      return importIndicators(db, ctx, buffer, { dryRun: request.query.dryRun });
    },
  );

  app.get(
    '/indicators/:id',
    { schema: { tags, summary: 'Chi tiết chỉ tiêu', params: idParams, response: { 200: indicator } } },
    async (request) => indicators.getIndicator(db, authedContext(request), request.params.id),
  );

  app.post(
    '/indicators',
    { schema: { tags, summary: 'Tạo chỉ tiêu', body: createIndicatorBody, response: { 201: indicator } } },
    async (request, reply) => {
      const created = await indicators.createIndicator(db, authedContext(request), request.body);
      reply.code(201);
      return created;
    },
  );

  app.patch(
    '/indicators/:id',
    { schema: { tags, summary: 'Sửa chỉ tiêu', params: idParams, body: updateIndicatorBody, response: { 200: indicator } } },
    async (request) => indicators.updateIndicator(db, authedContext(request), request.params.id, request.body),
  );

  app.get(
    '/indicator-sets',
    { schema: { tags, summary: 'Các bộ chỉ tiêu', response: { 200: z.object({ items: z.array(indicatorSet) }) } } },
    async (request) => indicators.listIndicatorSets(db, authedContext(request)),
  );

  app.post(
    '/indicator-sets',
    { schema: { tags, summary: 'Tạo bộ chỉ tiêu', body: createIndicatorSetBody, response: { 201: indicatorSetDetail } } },
    async (request, reply) => {
      const created = await indicators.createIndicatorSet(db, authedContext(request), request.body);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/indicator-sets/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết bộ chỉ tiêu và các chỉ tiêu theo thứ tự',
        params: idParams,
        response: { 200: indicatorSetDetail },
      },
    },
    async (request) => indicators.getIndicatorSet(db, authedContext(request), request.params.id),
  );

  app.patch(
    '/indicator-sets/:id',
    {
      schema: { tags, summary: 'Sửa bộ chỉ tiêu', params: idParams, body: updateIndicatorSetBody, response: { 200: indicatorSetDetail } },
    },
    async (request) => indicators.updateIndicatorSet(db, authedContext(request), request.params.id, request.body),
  );

  app.put(
    '/indicator-sets/:id/members',
    {
      schema: {
        tags,
        summary: 'Thay toàn bộ danh sách chỉ tiêu (có thứ tự) của bộ chỉ tiêu',
        params: idParams,
        body: setMembersBody,
        response: { 200: indicatorSetDetail },
      },
    },
    async (request) => indicators.setIndicatorSetMembers(db, authedContext(request), request.params.id, request.body),
  );
}

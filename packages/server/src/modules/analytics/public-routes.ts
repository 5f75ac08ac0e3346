import { idParams, publicDataset, publicDatasetList, publishDatasetBody, publishedDataset, publishedDatasetList } from '@baocao/core';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as portal from './public.ts';

const tags = ['Công khai thông tin'];

/** Publishing datasets (analytics.manage) and the portal's public API, which needs no login. */
export function publicApiRoutes(app: App, { db, clock }: Deps): void {
  app.post(
    '/analytics/published',
    {
      schema: {
        tags,
        summary: 'Công khai một bộ dữ liệu (lấy số liệu ngay)',
        body: publishDatasetBody,
        response: { 201: publishedDataset },
      },
    },
    async (request, reply) => {
      const created = await portal.publishDataset({ db, clock }, authedContext(request), request.body);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/analytics/published',
    { schema: { tags, summary: 'Các bộ dữ liệu đã công khai', response: { 200: publishedDatasetList } } },
    async (request) => portal.listPublished(db, authedContext(request)),
  );

  app.delete(
    '/analytics/published/:id',
    { schema: { tags, summary: 'Ngừng công khai một bộ dữ liệu', params: idParams, response: { 200: publishedDataset } } },
    async (request) => portal.unpublishDataset({ db, clock }, authedContext(request), request.params.id),
  );

  app.post(
    '/analytics/published/:id/refresh',
    {
      schema: { tags, summary: 'Cập nhật lại số liệu công khai của tháng này', params: idParams, response: { 200: publishedDataset } },
    },
    async (request) => portal.refreshDataset({ db, clock }, authedContext(request), request.params.id),
  );

  app.get(
    '/public/datasets',
    {
      config: { public: true },
      schema: { tags, summary: 'Danh sách bộ dữ liệu đang công khai (không cần đăng nhập)', response: { 200: publicDatasetList } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return portal.listPublicDatasets(db);
    },
  );

  app.get(
    '/public/datasets/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Số liệu của một bộ dữ liệu đang công khai (không cần đăng nhập)',
        params: idParams,
        response: { 200: publicDataset },
      },
    },
    async (request, reply) => {
      const dataset = await portal.getPublicDataset(db, request.params.id);
      reply.header('cache-control', 'public, max-age=300');
      return dataset;
    },
  );
}

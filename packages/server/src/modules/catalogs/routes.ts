import {
  catalogDetail,
  catalogItemBody,
  catalogListQuery,
  catalogSummary,
  createCatalogBody,
  idParams,
  paged,
  updateCatalogBody,
  uuid,
} from '@baocao/core';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as catalogs from './service.ts';

const tags = ['Danh mục'];
const itemParams = z.object({ id: uuid, itemId: uuid });

export function catalogRoutes(app: App, { db }: Deps): void {
  app.get(
    '/catalogs',
    { schema: { tags, summary: 'Danh sách danh mục', querystring: catalogListQuery, response: { 200: paged(catalogSummary) } } },
    async (request) => catalogs.listCatalogs(db, authedContext(request), request.query),
  );

  app.get(
    '/catalogs/:id',
    { schema: { tags, summary: 'Chi tiết danh mục, các mục và lịch sử thay đổi', params: idParams, response: { 200: catalogDetail } } },
    async (request) => catalogs.getCatalog(db, authedContext(request), request.params.id),
  );

  app.post(
    '/catalogs',
    { schema: { tags, summary: 'Tạo danh mục', body: createCatalogBody, response: { 201: catalogDetail } } },
    async (request, reply) => {
      const created = await catalogs.createCatalog(db, authedContext(request), request.body);
      reply.code(201);
      return created;
    },
  );

  app.patch(
    '/catalogs/:id',
    { schema: { tags, summary: 'Sửa thông tin danh mục', params: idParams, body: updateCatalogBody, response: { 200: catalogDetail } } },
    async (request) => catalogs.updateCatalog(db, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/catalogs/:id/items',
    { schema: { tags, summary: 'Thêm mục vào danh mục', params: idParams, body: catalogItemBody, response: { 200: catalogDetail } } },
    async (request) => catalogs.addCatalogItem(db, authedContext(request), request.params.id, request.body),
  );

  app.patch(
    '/catalogs/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Sửa, ngừng hoặc khôi phục một mục của danh mục',
        params: itemParams,
        body: catalogItemBody,
        response: { 200: catalogDetail },
      },
    },
    async (request) => catalogs.updateCatalogItem(db, authedContext(request), request.params.id, request.params.itemId, request.body),
  );
}

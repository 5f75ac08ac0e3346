import type {} from '@fastify/multipart';
import {
  copyFormBody,
  createFormBody,
  definitionProblems,
  formDiff,
  formDiffQuery,
  formImportPreview,
  formListQuery,
  formSummary,
  formUsage,
  formVersionDetail,
  formVersionParams,
  formVersionSummary,
  idParams,
  paged,
  publishBody,
  saveDraftBody,
  shareFormBody,
} from '@baocao/core';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as library from './library.ts';
import * as forms from './service.ts';
import { exportVersionXlsx, previewImport, XLSX_MIME } from './spreadsheets.ts';

const tags = ['Biểu mẫu'];

export function formRoutes(app: App, { db }: Deps): void {
  app.get(
    '/forms',
    {
      schema: {
        tags,
        summary: 'Danh sách biểu mẫu (của tôi, kho mẫu được chia sẻ)',
        querystring: formListQuery,
        response: { 200: paged(formSummary) },
      },
    },
    async (request) => forms.listForms(db, authedContext(request), request.query),
  );

  app.post(
    '/forms',
    { schema: { tags, summary: 'Tạo biểu mẫu (bản nháp phiên bản 1)', body: createFormBody, response: { 201: formSummary } } },
    async (request, reply) => {
      reply.code(201);
      return forms.createForm(db, authedContext(request), request.body);
    },
  );

  app.post(
    '/forms/import',
    { schema: { tags, summary: 'Đọc bố cục biểu mẫu từ tệp Excel (.xlsx) để xem trước; không lưu', response: { 200: formImportPreview } } },
    async (request) => {
      const ctx = authedContext(request);
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, 'Hãy gửi tệp Excel dạng multipart/form-data, trong trường "file".');
      }
      return previewImport(db, ctx, async () => {
        const file = await request.file();
        return file ? file.toBuffer() : undefined;
      });
    },
  );

  app.get(
    '/forms/:id',
    { schema: { tags, summary: 'Thông tin biểu mẫu', params: idParams, response: { 200: formSummary } } },
    async (request) => forms.getForm(db, authedContext(request), request.params.id),
  );

  app.get(
    '/forms/:id/versions',
    {
      schema: {
        tags,
        summary: 'Các phiên bản của biểu mẫu',
        params: idParams,
        response: { 200: z.object({ items: z.array(formVersionSummary) }) },
      },
    },
    async (request) => ({ items: await forms.listVersions(db, authedContext(request), request.params.id) }),
  );

  app.get(
    '/forms/:id/versions/:versionId',
    { schema: { tags, summary: 'Nội dung một phiên bản', params: formVersionParams, response: { 200: formVersionDetail } } },
    async (request) => forms.getVersion(db, authedContext(request), request.params.id, request.params.versionId),
  );

  app.get(
    '/forms/:id/versions/:versionId/problems',
    { schema: { tags, summary: 'Lỗi và cảnh báo của một phiên bản', params: formVersionParams, response: { 200: definitionProblems } } },
    async (request) => ({ problems: await forms.versionProblems(db, authedContext(request), request.params.id, request.params.versionId) }),
  );

  app.get(
    '/forms/:id/versions/:versionId/export.xlsx',
    { schema: { tags, summary: 'Tải biểu mẫu trống (Excel)', params: formVersionParams } },
    async (request, reply) => {
      const file = await exportVersionXlsx(db, authedContext(request), request.params.id, request.params.versionId);
      reply
        .header('content-type', XLSX_MIME)
        .header(
          'content-disposition',
          `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        );
      return reply.send(file.buffer);
    },
  );

  app.post(
    '/forms/:id/draft',
    {
      schema: {
        tags,
        summary: 'Tạo bản nháp mới từ phiên bản đã ban hành (hoặc lấy bản nháp đang có)',
        params: idParams,
        response: { 200: formVersionDetail, 201: formVersionDetail },
      },
    },
    async (request, reply) => {
      const result = await forms.startDraft(db, authedContext(request), request.params.id);
      reply.code(result.created ? 201 : 200);
      return result.version;
    },
  );

  app.put(
    '/forms/:id/draft',
    { schema: { tags, summary: 'Lưu bản nháp', params: idParams, body: saveDraftBody, response: { 200: formVersionDetail } } },
    async (request) => forms.saveDraft(db, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/forms/:id/publish',
    { schema: { tags, summary: 'Ban hành bản nháp', params: idParams, body: publishBody, response: { 200: formSummary } } },
    async (request) => forms.publishDraft(db, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/forms/:id/share',
    { schema: { tags, summary: 'Chia sẻ vào kho báo cáo mẫu', params: idParams, body: shareFormBody, response: { 200: formSummary } } },
    async (request) => library.shareForm(db, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/forms/:id/copy',
    {
      schema: {
        tags,
        summary: 'Sao chép biểu mẫu mẫu thành biểu mẫu của đơn vị',
        params: idParams,
        body: copyFormBody,
        response: { 201: formSummary },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return library.copyForm(db, authedContext(request), request.params.id, request.body);
    },
  );

  app.get(
    '/forms/:id/usage',
    { schema: { tags, summary: 'Các biểu mẫu sao chép từ biểu mẫu này', params: idParams, response: { 200: formUsage } } },
    async (request) => library.formUsageOf(db, authedContext(request), request.params.id),
  );

  app.get(
    '/forms/:id/diff',
    { schema: { tags, summary: 'So sánh hai phiên bản', params: idParams, querystring: formDiffQuery, response: { 200: formDiff } } },
    async (request) => library.diffVersions(db, authedContext(request), request.params.id, request.query.from, request.query.to),
  );
}

import type {} from '@fastify/multipart';
import {
  attachmentParams,
  attachmentUploadResponse,
  consolidationQuery,
  consolidationResponse,
  deleteAttachmentParams,
  excelPreviewResponse,
  idParams,
  periodConsolidationQuery,
  uuid,
} from '@baocao/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { App, Deps } from '../../http/types.ts';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment, removeAttachment } from './attachments.ts';
import { periodConsolidation, reportConsolidation } from './consolidation.ts';
import { exportReportXlsx, previewReportXlsx, XLSX_MIME } from './excel.ts';

const tags = ['Báo cáo'];

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 5987): every browser gets a usable name. */
export function contentDisposition(filename: string, asciiFilename: string): string {
  return `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function requireMultipart(request: FastifyRequest, what: string): void {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, `Hãy gửi ${what} dạng multipart/form-data, trong trường "file".`);
  }
}

/** Report data in and out: consolidation from subunits, Excel round trip, attachments. */
export function reportDataRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.get(
    '/reports/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Số liệu tổng hợp từ báo cáo đã tiếp nhận của các đơn vị trực thuộc (để điền sẵn)',
        params: idParams,
        querystring: consolidationQuery,
        response: { 200: consolidationResponse },
      },
    },
    async (request) => reportConsolidation(db, authedContext(request), request.params.id, request.query.formVersionId),
  );

  app.get(
    '/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Tổng hợp số liệu các báo cáo đã tiếp nhận của một kỳ (đơn vị nhận báo cáo)',
        params: idParams,
        querystring: periodConsolidationQuery,
        response: { 200: consolidationResponse },
      },
    },
    async (request) => periodConsolidation(db, authedContext(request), request.params.id, request.query),
  );

  app.get(
    '/reports/:id/excel',
    {
      schema: {
        tags,
        summary: 'Tải biểu số liệu của báo cáo kèm số liệu hiện có (Excel)',
        params: idParams,
        querystring: consolidationQuery,
      },
    },
    async (request, reply) => {
      const file = await exportReportXlsx(db, authedContext(request), request.params.id, request.query.formVersionId);
      reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(file.filename, file.asciiFilename));
      return reply.send(file.buffer);
    },
  );

  app.post(
    '/reports/:id/excel/preview',
    {
      schema: {
        tags,
        summary: 'Đọc số liệu từ tệp Excel đã điền để xem trước các thay đổi; không lưu',
        params: idParams,
        querystring: z.object({ formVersionId: uuid.optional() }),
        response: { 200: excelPreviewResponse },
      },
    },
    async (request) => {
      const ctx = authedContext(request);
      requireMultipart(request, 'tệp Excel');
      return previewReportXlsx(db, ctx, request.params.id, request.query.formVersionId, async () => {
        const file = await request.file();
        return file ? file.toBuffer() : undefined;
      });
    },
  );

  app.post(
    '/reports/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Đính kèm tài liệu (PDF, DOCX, XLSX, PNG, JPEG) vào phiên bản đang soạn của báo cáo',
        params: idParams,
        response: { 201: attachmentUploadResponse },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request);
      requireMultipart(request, 'tệp đính kèm');
      const result = await addAttachment(deps, ctx, request.params.id, async () => {
        // One byte over the limit is enough to know the file is too large.
        const file = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } });
        return file ? { fileName: file.filename, content: await file.toBuffer() } : undefined;
      });
      reply.code(201);
      return result;
    },
  );

  app.delete(
    '/reports/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Gỡ tài liệu đính kèm khỏi phiên bản đang soạn (các phiên bản trước vẫn giữ)',
        params: deleteAttachmentParams,
        response: { 200: z.object({ revision: z.number().int() }) },
      },
    },
    async (request) => removeAttachment(deps, authedContext(request), request.params.id, request.params.attachmentId),
  );

  app.get(
    '/reports/:id/versions/:versionNo/attachments/:attachmentId',
    { schema: { tags, summary: 'Tải tài liệu đính kèm của một phiên bản báo cáo', params: attachmentParams } },
    async (request, reply) => {
      const { id, versionNo, attachmentId } = request.params;
      const file = await readAttachment(db, authedContext(request), id, versionNo, attachmentId);
      reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.content.length))
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(file.fileName, file.asciiFileName));
      return reply.send(file.content);
    },
  );
}

import { reportVersionParams } from '@baocao/core';
import type { FastifyReply } from 'fastify';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import { type DocumentFile, reportDocx, reportPdf } from './service.ts';

const tags = ['Báo cáo'];

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 5987): every browser gets a usable name. */
const contentDisposition = (file: DocumentFile) =>
  `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;

function send(reply: FastifyReply, file: DocumentFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.content.length))
    .header('content-disposition', contentDisposition(file))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .send(file.content);
}

/** A report version as an administrative document (ND 30/2020): DOCX to edit, PDF to file (signed once approved). */
export function documentRoutes(app: App, deps: Deps): void {
  app.get(
    '/reports/:id/versions/:versionNo/document.docx',
    { schema: { tags, summary: 'Tải văn bản báo cáo (DOCX, thể thức Nghị định 30/2020/NĐ-CP)', params: reportVersionParams } },
    async (request, reply) => send(reply, await reportDocx(deps, authedContext(request), request.params.id, request.params.versionNo)),
  );

  app.get(
    '/reports/:id/versions/:versionNo/document.pdf',
    {
      schema: {
        tags,
        summary: 'Tải văn bản báo cáo (PDF); bản đã được lãnh đạo ký số khi phê duyệt nếu có',
        params: reportVersionParams,
      },
    },
    async (request, reply) => send(reply, await reportPdf(deps, authedContext(request), request.params.id, request.params.versionNo)),
  );
}

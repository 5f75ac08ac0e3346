import type {} from '@fastify/multipart';
import {
  certificateItem,
  certificateList,
  certificateListQuery,
  idParams,
  importCertificateFields,
  signatureParams,
  trustedCertificateList,
  verifyUploadResult,
  versionParams,
  versionSignatures as versionSignaturesSchema,
} from '@baocao/core';
import type { FastifyRequest } from 'fastify';
import { authedContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { App, Deps } from '../../http/types.ts';
import {
  disableCertificate,
  importCertificate,
  listCertificates,
  listTrustedCertificates,
  MAX_CERTIFICATE_FILE_BYTES,
} from './service/certificates.ts';
import { MAX_VERIFY_FILE_BYTES, verifyUpload } from './service/verify-upload.ts';
import { signatureCms, signedContent, versionSignatures } from './service/version-signatures.ts';
import { configuredTrust } from './trust-store.ts';

const tags = ['Chữ ký số'];

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 5987). */
const contentDisposition = (filename: string, asciiFilename: string) =>
  `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

interface MultipartUpload {
  files: Map<string, Buffer>;
  fields: Record<string, string>;
}

/** Reads every part of a multipart request (small files only: the limits are per route). */
async function readMultipart(request: FastifyRequest, what: string, limits: { fileSize: number; files: number }): Promise<MultipartUpload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, `Hãy gửi ${what} dạng multipart/form-data.`);
  }
  const files = new Map<string, Buffer>();
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { ...limits, fields: 10 } })) {
      if (part.type === 'file') files.set(part.fieldname, await part.toBuffer());
      else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', { limitBytes: limits.fileSize - 1 }, `Tệp ${what} vượt quá dung lượng cho phép.`);
    }
    throw error;
  }
  return { files, fields };
}

/** Certificates, the trust anchors, the signatures of report versions and verifying uploads. */
export function signatureRoutes(app: App, deps: Deps): void {
  // A trust file or CRL that cannot be read stops the start, with the setting named.
  configuredTrust(deps.config);

  app.get(
    '/certificates',
    {
      schema: {
        tags,
        summary: 'Chứng thư số của mình và của đơn vị mình quản lý hoặc ký gửi báo cáo',
        querystring: certificateListQuery,
        response: { 200: certificateList },
      },
    },
    async (request) => listCertificates(deps, authedContext(request), request.query),
  );

  app.post(
    '/certificates',
    {
      schema: {
        tags,
        summary: 'Nhập chứng thư số kèm khóa bí mật (PKCS#12 .p12/.pfx có mật khẩu, hoặc PEM) của cá nhân hoặc đơn vị',
        response: { 201: certificateItem },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request);
      const upload = await readMultipart(request, 'chứng thư số', { fileSize: MAX_CERTIFICATE_FILE_BYTES + 1, files: 1 });
      const parsed = importCertificateFields.safeParse(upload.fields);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError(
          'VALIDATION_FAILED',
          { issues },
          `Dữ liệu gửi lên không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        );
      }
      const file = upload.files.get('file');
      if (file && file.length > MAX_CERTIFICATE_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', undefined, 'Tệp chứng thư số quá lớn.');
      const item = await importCertificate(deps, ctx, parsed.data, file);
      reply.code(201);
      return item;
    },
  );

  app.post(
    '/certificates/:id/disable',
    {
      schema: {
        tags,
        summary: 'Ngừng sử dụng một chứng thư số (các chữ ký đã ký vẫn giữ)',
        params: idParams,
        response: { 200: certificateItem },
      },
    },
    async (request) => disableCertificate(deps, authedContext(request), request.params.id),
  );

  app.get(
    '/trusted-certificates',
    {
      schema: { tags, summary: 'Chứng thư gốc của các tổ chức chứng thực được tin cậy', response: { 200: trustedCertificateList } },
    },
    async (request) => {
      authedContext(request);
      return listTrustedCertificates(deps);
    },
  );

  app.get(
    '/reports/:id/versions/:versionNo/signatures',
    {
      schema: {
        tags,
        summary: 'Chữ ký số của một phiên bản báo cáo, kiểm tra lại với nội dung hiện có trong cơ sở dữ liệu',
        params: versionParams,
        response: { 200: versionSignaturesSchema },
      },
    },
    async (request) => versionSignatures(deps, authedContext(request), request.params.id, request.params.versionNo),
  );

  app.get(
    '/reports/:id/versions/:versionNo/signed-content',
    {
      schema: {
        tags,
        summary: 'Nội dung được ký của phiên bản báo cáo (JSON chuẩn hóa RFC 8785), để kiểm tra chữ ký bằng công cụ khác',
        params: versionParams,
      },
    },
    async (request, reply) => {
      const file = await signedContent(deps, authedContext(request), request.params.id, request.params.versionNo);
      reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition(file.filename, file.asciiFilename));
      return reply.send(file.bytes);
    },
  );

  app.get(
    '/reports/:id/signatures/:signatureId/cms',
    { schema: { tags, summary: 'Tải chữ ký số tách rời (CMS/PKCS#7, .p7s)', params: signatureParams } },
    async (request, reply) => {
      const file = await signatureCms(deps, authedContext(request), request.params.id, request.params.signatureId);
      reply
        .header('content-type', 'application/pkcs7-signature')
        .header('content-disposition', contentDisposition(file.filename, file.filename));
      return reply.send(file.bytes);
    },
  );

  app.post(
    '/signatures/verify',
    {
      schema: {
        tags,
        summary: 'Xác thực chữ ký số: tệp PDF đã ký, hoặc một tệp kèm chữ ký tách rời (.p7s)',
        response: { 200: verifyUploadResult },
      },
    },
    async (request) => {
      const ctx = authedContext(request);
      const upload = await readMultipart(request, 'cần xác thực', { fileSize: MAX_VERIFY_FILE_BYTES + 1, files: 2 });
      return verifyUpload(deps, ctx, { file: upload.files.get('file'), signature: upload.files.get('signature') });
    },
  );
}

import { ERRORS, type ErrorCode } from '@baocao/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** A domain error: services throw it, the handler below turns it into a response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    /** A more precise Vietnamese message than the code's default. */
    message?: string,
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
  }
}

/** PostgreSQL's unique_violation, for mapping a constraint to a domain code. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** foreign_key_violation, or restrict_violation from an ON DELETE RESTRICT reference. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = pgError(error)?.code;
  return code === '23503' || code === '23001';
}

function pgError(error: unknown): { code?: string; constraint?: string } | undefined {
  // drizzle wraps driver errors; the driver's error is the cause.
  let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 3; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/u.test(e.code)) return e;
    e = e.cause as typeof e;
  }
  return undefined;
}

function body(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** The one place where errors become HTTP responses with a Vietnamese message. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(ERRORS[error.code].status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'Giá trị không hợp lệ.',
      }));
      const first = issues[0];
      const message = first
        ? `${ERRORS.VALIDATION_FAILED.message} ${fieldName(first.path)}: ${first.message}`
        : ERRORS.VALIDATION_FAILED.message;
      return reply.code(400).send(body('VALIDATION_FAILED', message, { issues }));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
        return reply.code(413).send(body('PAYLOAD_TOO_LARGE', ERRORS.PAYLOAD_TOO_LARGE.message));
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send(body('MALFORMED_JSON', ERRORS.MALFORMED_JSON.message));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return reply.code(415).send(body('UNSUPPORTED_MEDIA_TYPE', ERRORS.UNSUPPORTED_MEDIA_TYPE.message));
    }
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return reply.code(400).send(body('MALFORMED_JSON', ERRORS.MALFORMED_JSON.message));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    } else {
      request.log.error({ err: error }, 'unexpected error');
    }
    return reply.code(500).send(body('INTERNAL', ERRORS.INTERNAL.message));
  });
}

/**
 * Unknown API paths answer a JSON 404; other GETs load the web app's shell (client-side routes such
 * as /don-vi) when the web app is served.
 */
export function registerNotFoundHandler(app: FastifyInstance, options: { spaShell: string | null }): void {
  app.setNotFoundHandler((request, reply) => {
    if (options.spaShell && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile(options.spaShell);
    return reply.code(404).send(body('ROUTE_NOT_FOUND', ERRORS.ROUTE_NOT_FOUND.message));
  });
}

function fieldName(path: string): string {
  return path.replace(/^(body|querystring|params|headers)\.?/u, '') || path;
}

import type { FastifyRequest } from 'fastify';
import type { AuthedContext, RequestContext } from '../modules/access/index.ts';
import type { Authenticated } from '../modules/auth/service.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). */
    public?: boolean;
    /** Reachable while the account must still change its initial password. */
    duringPasswordChange?: boolean;
  }
}

export function requestContext(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return { actor: request.auth?.actor ?? null, ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null };
}

/** The context of a route that requires a session (all but the public ones). */
export function authedContext(request: FastifyRequest): AuthedContext {
  const ctx = requestContext(request);
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx as AuthedContext;
}

export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

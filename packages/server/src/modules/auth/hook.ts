import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.ts';
import type { Deps } from '../../http/types.ts';
import { authenticate, csrfMatches } from './service.ts';

export const SESSION_COOKIE = 'bc_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every API route: resolves the session cookie, requires it unless the route is
 * public, checks the CSRF token on state-changing requests, and holds accounts that must change
 * their password to the routes that let them do so.
 */
export function authHook(deps: Deps) {
  return async function onRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    request.auth = null;
    const config = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      try {
        request.auth = await authenticate(deps.db, deps.auth, token);
      } catch (error) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        if (!config.public) throw error;
      }
    }
    if (config.public) return;
    if (!request.auth) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request.auth.csrfToken, headerValue(request.headers[CSRF_HEADER]))) {
      throw new AppError('CSRF_INVALID');
    }
    if (request.auth.actor.mustChangePassword && !config.duringPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

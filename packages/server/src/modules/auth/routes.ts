import { changePasswordBody, loginBody, okResponse, sessionResponse } from '@baocao/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authedContext, authOf, requestContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import { SESSION_COOKIE } from './hook.ts';
import { changePassword, login, logout, presentSession } from './service.ts';

const tags = ['Xác thực'];

export function authRoutes(app: App, deps: Deps): void {
  const setCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.cookieSecure === 'auto' ? request.protocol === 'https' : deps.config.cookieSecure,
      maxAge: deps.config.sessionMaxHours * 3600,
    });

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags, summary: 'Đăng nhập', body: loginBody, response: { 200: sessionResponse } } },
    async (request, reply) => {
      const { token, response } = await login(deps.db, deps.auth, requestContext(request), request.body);
      setCookie(request, reply, token);
      return response;
    },
  );

  app.get(
    '/auth/me',
    { config: { duringPasswordChange: true }, schema: { tags, summary: 'Phiên làm việc hiện tại', response: { 200: sessionResponse } } },
    async (request) => {
      const auth = authOf(request);
      return presentSession(auth.actor, auth.csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    { config: { duringPasswordChange: true }, schema: { tags, summary: 'Đăng xuất', response: { 200: okResponse } } },
    async (request, reply) => {
      await logout(deps.db, authedContext(request), authOf(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/change-password',
    {
      config: { duringPasswordChange: true },
      schema: { tags, summary: 'Đổi mật khẩu của tôi', body: changePasswordBody, response: { 200: sessionResponse } },
    },
    async (request) => changePassword(deps.db, authedContext(request), authOf(request), request.body),
  );
}

import {
  createUserBody,
  grantInput,
  idParams,
  paged,
  resetPasswordBody,
  temporaryPasswordResponse,
  updateUserBody,
  userListQuery,
  userSummary,
  uuid,
  versionBody,
} from '@baocao/core';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as users from './service.ts';

const tags = ['Tài khoản'];

export function userRoutes(app: App, { db }: Deps): void {
  app.get(
    '/users',
    { schema: { tags, summary: 'Danh sách tài khoản trong phạm vi', querystring: userListQuery, response: { 200: paged(userSummary) } } },
    async (request) => users.listUsers(db, authedContext(request), request.query),
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'Chi tiết tài khoản', params: idParams, response: { 200: userSummary } } },
    async (request) => users.getUser(db, authedContext(request), request.params.id),
  );

  app.post(
    '/users',
    { schema: { tags, summary: 'Tạo tài khoản', body: createUserBody, response: { 201: temporaryPasswordResponse } } },
    async (request, reply) => {
      reply.code(201);
      return users.createUser(db, authedContext(request), request.body);
    },
  );

  app.patch(
    '/users/:id',
    { schema: { tags, summary: 'Sửa tài khoản', params: idParams, body: updateUserBody, response: { 200: userSummary } } },
    async (request) => users.updateUser(db, authedContext(request), request.params.id, request.body),
  );

  for (const action of ['disable', 'enable', 'unlock'] as const) {
    const summary = { disable: 'Khóa tài khoản', enable: 'Mở khóa tài khoản', unlock: 'Gỡ khóa đăng nhập do nhập sai mật khẩu' }[action];
    app.post(
      `/users/:id/${action}`,
      { schema: { tags, summary, params: idParams, body: versionBody, response: { 200: userSummary } } },
      async (request) => users.changeUserStatus(db, authedContext(request), request.params.id, action, request.body.version),
    );
  }

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu (người dùng phải đổi ở lần đăng nhập sau)',
        params: idParams,
        body: resetPasswordBody,
        response: { 200: temporaryPasswordResponse },
      },
    },
    async (request) => users.resetPassword(db, authedContext(request), request.params.id, request.body.newPassword),
  );

  app.post(
    '/users/:id/grants',
    { schema: { tags, summary: 'Cấp vai trò trên đơn vị', params: idParams, body: grantInput, response: { 200: userSummary } } },
    async (request) => users.addGrant(db, authedContext(request), request.params.id, request.body),
  );

  app.delete(
    '/users/:id/grants/:grantId',
    { schema: { tags, summary: 'Thu hồi vai trò', params: z.object({ id: uuid, grantId: uuid }), response: { 200: userSummary } } },
    async (request) => users.revokeGrant(db, authedContext(request), request.params.id, request.params.grantId),
  );
}

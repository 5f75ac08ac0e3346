import {
  createUnitBody,
  deactivateUnitBody,
  idParams,
  moveUnitBody,
  okResponse,
  reactivateUnitBody,
  unit,
  unitDetail,
  unitList,
  unitListQuery,
  updateUnitBody,
} from '@baocao/core';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import * as units from './service.ts';

const tags = ['Đơn vị'];

export function unitRoutes(app: App, { db }: Deps): void {
  app.get(
    '/units',
    { schema: { tags, summary: 'Danh sách đơn vị trong phạm vi', querystring: unitListQuery, response: { 200: unitList } } },
    async (request) => ({
      items: await units.listUnits(db, authedContext(request), request.query),
    }),
  );

  app.get(
    '/units/directory',
    {
      schema: {
        tags,
        summary: 'Danh bạ đơn vị đang hoạt động (để chọn đơn vị thực hiện, cơ quan nhận báo cáo)',
        response: { 200: unitList },
      },
    },
    async (request) => ({ items: await units.listUnitDirectory(db, authedContext(request)) }),
  );

  app.get(
    '/units/:id',
    { schema: { tags, summary: 'Chi tiết và lịch sử đơn vị', params: idParams, response: { 200: unitDetail } } },
    async (request) => units.getUnit(db, authedContext(request), request.params.id),
  );

  app.post('/units', { schema: { tags, summary: 'Tạo đơn vị', body: createUnitBody, response: { 201: unit } } }, async (request, reply) => {
    reply.code(201);
    return units.createUnit(db, authedContext(request), request.body);
  });

  app.patch(
    '/units/:id',
    { schema: { tags, summary: 'Sửa đơn vị', params: idParams, body: updateUnitBody, response: { 200: unit } } },
    async (request) => units.updateUnit(db, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/units/:id/move',
    { schema: { tags, summary: 'Chuyển đơn vị sang đơn vị cấp trên khác', params: idParams, body: moveUnitBody, response: { 200: unit } } },
    async (request) => units.moveUnit(db, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/units/:id/deactivate',
    { schema: { tags, summary: 'Ngừng hoạt động đơn vị', params: idParams, body: deactivateUnitBody, response: { 200: unit } } },
    async (request) => units.deactivateUnit(db, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/units/:id/reactivate',
    { schema: { tags, summary: 'Khôi phục hoạt động đơn vị', params: idParams, body: reactivateUnitBody, response: { 200: unit } } },
    async (request) => units.reactivateUnit(db, authedContext(request), request.params.id, request.body.version),
  );

  app.delete(
    '/units/:id',
    { schema: { tags, summary: 'Xóa đơn vị chưa có dữ liệu', params: idParams, response: { 200: okResponse } } },
    async (request) => {
      await units.deleteUnit(db, authedContext(request), request.params.id);
      return { ok: true as const };
    },
  );
}

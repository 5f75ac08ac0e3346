import {
  createRegimeBody,
  deadlineRule,
  idParams,
  optionalText,
  paged,
  PERIOD_TYPES,
  previewPeriodsBody,
  previewPeriodsResponse,
  previewUnitsBody,
  previewUnitsResponse,
  publishRegimeBody,
  regimeDetail,
  regimeListQuery,
  regimeSummary,
  regimeVersionSummary,
  saveRegimeDraftBody,
  uuid,
} from '@baocao/core';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import { openDuePeriods } from '../assignments/index.ts';
import * as regimes from './service.ts';

const tags = ['Chế độ báo cáo'];

/**
 * The contract's `regimeContent` normalises text with one-way transforms, which the response
 * serializer cannot encode; responses carry the content the service parsed with it, unchanged.
 */
const contentOut = z.record(z.string(), z.unknown()).describe('regimeContent: nội dung chế độ báo cáo (11 yếu tố theo Nghị định 09/2019)');
const regimeDetailResponse = regimeDetail.extend({ content: contentOut });
const versionDetailResponse = regimeVersionSummary.extend({ content: contentOut });
const versionParams = z.object({ id: uuid, versionId: uuid });
const stopRegimeBody = z.object({ reason: optionalText(2000) }).default({});
const defaultDeadlineQuery = z.object({
  frequency: z.enum(PERIOD_TYPES),
  reportsToGovernment: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export function regimeRoutes(app: App, { db, config, clock }: Deps): void {
  const deps = { db, config, clock };

  app.get(
    '/regimes',
    {
      schema: {
        tags,
        summary: 'Danh sách chế độ báo cáo do đơn vị mình chủ trì',
        querystring: regimeListQuery,
        response: { 200: paged(regimeSummary) },
      },
    },
    async (request) => regimes.listRegimes(db, authedContext(request), request.query),
  );

  app.post(
    '/regimes',
    {
      schema: {
        tags,
        summary: 'Tạo chế độ báo cáo (bản nháp phiên bản 1)',
        body: createRegimeBody,
        response: { 201: regimeDetailResponse },
      },
    },
    async (request, reply) => {
      const created = await regimes.createRegime(deps, authedContext(request), request.body);
      reply.code(201);
      return created;
    },
  );

  app.post(
    '/regimes/preview-periods',
    {
      schema: {
        tags,
        summary: 'Xem trước các kỳ báo cáo: thời gian chốt số liệu, ngày mở kỳ, thời hạn gửi từng cấp (không lưu)',
        body: previewPeriodsBody,
        response: { 200: previewPeriodsResponse },
      },
    },
    async (request) => regimes.previewPeriods(deps, authedContext(request), request.body),
  );

  app.post(
    '/regimes/preview-units',
    {
      schema: {
        tags,
        summary: 'Xem trước các đơn vị thực hiện báo cáo (200 đơn vị đầu và tổng số)',
        body: previewUnitsBody,
        response: { 200: previewUnitsResponse },
      },
    },
    async (request) => regimes.previewUnits(db, authedContext(request), request.body.selection),
  );

  app.get(
    '/regimes/default-deadline',
    {
      schema: {
        tags,
        summary: 'Thời hạn gửi báo cáo mặc định (ngày 25 tháng cuối kỳ khi gửi Chính phủ; N ngày làm việc sau khi chốt số liệu)',
        querystring: defaultDeadlineQuery,
        response: { 200: z.object({ rule: deadlineRule }) },
      },
    },
    async (request) => regimes.defaultDeadline(deps, authedContext(request), request.query),
  );

  app.get(
    '/regimes/:id',
    { schema: { tags, summary: 'Thông tin chế độ báo cáo', params: idParams, response: { 200: regimeDetailResponse } } },
    async (request) => regimes.getRegime(db, authedContext(request), request.params.id),
  );

  app.get(
    '/regimes/:id/versions/:versionId',
    {
      schema: {
        tags,
        summary: 'Nội dung một phiên bản của chế độ báo cáo',
        params: versionParams,
        response: { 200: versionDetailResponse },
      },
    },
    async (request) => regimes.getVersion(db, authedContext(request), request.params.id, request.params.versionId),
  );

  app.put(
    '/regimes/:id/draft',
    {
      schema: {
        tags,
        summary: 'Lưu bản nháp chế độ báo cáo',
        params: idParams,
        body: saveRegimeDraftBody,
        response: { 200: regimeDetailResponse },
      },
    },
    async (request) => regimes.saveDraft(deps, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/regimes/:id/versions',
    {
      schema: {
        tags,
        summary: 'Tạo phiên bản mới (bản nháp sao chép từ phiên bản đang áp dụng)',
        params: idParams,
        response: { 201: regimeDetailResponse },
      },
    },
    async (request, reply) => {
      const detail = await regimes.startVersion(deps, authedContext(request), request.params.id);
      reply.code(201);
      return detail;
    },
  );

  app.post(
    '/regimes/:id/publish',
    {
      schema: {
        tags,
        summary: 'Ban hành bản nháp; các kỳ báo cáo đến hạn được mở ngay',
        params: idParams,
        body: publishRegimeBody,
        response: { 200: regimeDetailResponse },
      },
    },
    async (request) => {
      const ctx = authedContext(request);
      const published = await regimes.publishDraft(deps, ctx, request.params.id, request.body);
      // After the publication has committed: periods already due (and an ad hoc regime's) open at
      // once. Should this fail, the publication stands and the scheduler opens them on its next run.
      try {
        const { opened } = await openDuePeriods(deps, { regimeId: published.id });
        if (opened === 0) return published;
      } catch (error) {
        request.log.error({ err: error, regimeId: published.id }, 'opening the periods of a newly published regime failed');
        return published;
      }
      return regimes.getRegime(db, ctx, published.id);
    },
  );

  app.post(
    '/regimes/:id/stop',
    {
      schema: {
        tags,
        summary: 'Ngừng áp dụng chế độ báo cáo (không mở kỳ mới)',
        params: idParams,
        body: stopRegimeBody,
        response: { 200: regimeDetailResponse },
      },
    },
    async (request) => regimes.stopRegime(deps, authedContext(request), request.params.id, request.body.reason ?? null),
  );
}

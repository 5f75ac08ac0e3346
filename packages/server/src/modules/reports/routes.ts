import {
  bulkAcceptBody,
  bulkAcceptResponse,
  idParams,
  incomingQuery,
  incomingResponse,
  outOfBandBody,
  reportData,
  reportDetail,
  reportDiff,
  reportDiffQuery,
  reportListQuery,
  reportListResponse,
  reportSnapshotParams,
  reportVersionParams,
  reportVersionResponse,
  saveReportBody,
  saveReportResponse,
  transitionBody,
} from '@baocao/core';
import { z } from 'zod';
import { authedContext } from '../../http/context.ts';
import type { App, Deps } from '../../http/types.ts';
import { bulkAccept } from './service/bulk-accept.ts';
import { getReport } from './service/get-report.ts';
import { incomingReports, listReports } from './service/list-reports.ts';
import { openReport } from './service/open-report.ts';
import { recordOutOfBand } from './service/record-out-of-band.ts';
import { diffReportVersions, getReportSnapshot, getReportVersion } from './service/report-versions.ts';
import { saveReport } from './service/save-report.ts';
import { transitionReport } from './service/transition-report.ts';

const tags = ['Báo cáo'];

/** The content of a report as it stood at one of its events. */
const reportSnapshotResponse = z.object({ contentHash: z.string(), data: reportData });

/** Reports: opening, reading, saving, the workflow, versions and differences, lists. */
export function reportRoutes(app: App, deps: Deps): void {
  app.post(
    '/assignments/:id/report',
    {
      schema: {
        tags,
        summary: 'Mở báo cáo của báo cáo được giao (đơn vị nhập liệu tạo báo cáo khi mở lần đầu)',
        params: idParams,
        response: { 200: reportDetail },
      },
    },
    async (request) => openReport(deps, authedContext(request), request.params.id),
  );

  app.post(
    '/assignments/:id/out-of-band',
    {
      schema: {
        tags,
        summary: 'Ghi nhận báo cáo đã nhận ngoài hệ thống (thời điểm nhận, bằng chứng)',
        params: idParams,
        body: outOfBandBody,
        response: { 200: reportDetail },
      },
    },
    async (request) => recordOutOfBand(deps, authedContext(request), request.params.id, request.body),
  );

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Danh sách báo cáo: của đơn vị mình (sender) hoặc gửi đến đơn vị mình (receiver)',
        querystring: reportListQuery,
        response: { 200: reportListResponse },
      },
    },
    async (request) => listReports(deps, authedContext(request), request.query),
  );

  app.post(
    '/reports/bulk-accept',
    {
      schema: { tags, summary: 'Tiếp nhận nhiều báo cáo cùng lúc', body: bulkAcceptBody, response: { 200: bulkAcceptResponse } },
    },
    async (request) => bulkAccept(deps, authedContext(request), request.body.reportIds),
  );

  app.get(
    '/periods/:id/incoming',
    {
      schema: {
        tags,
        summary: 'Báo cáo gửi đến đơn vị mình trong một kỳ: đã gửi, chưa gửi, theo trạng thái',
        params: idParams,
        querystring: incomingQuery,
        response: { 200: incomingResponse },
      },
    },
    async (request) => incomingReports(deps, authedContext(request), request.params.id, request.query),
  );

  app.get(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết báo cáo: biểu mẫu, số liệu, phiên bản, lịch sử, thao tác được phép',
        params: idParams,
        response: { 200: reportDetail },
      },
    },
    async (request) => getReport(deps, authedContext(request), request.params.id),
  );

  app.patch(
    '/reports/:id/data',
    {
      schema: {
        tags,
        summary: 'Lưu số liệu, giải trình, đề cương của phiên bản đang soạn (kiểm tra phiên bản đã sửa)',
        params: idParams,
        body: saveReportBody,
        response: { 200: saveReportResponse },
      },
    },
    async (request) => saveReport(deps, authedContext(request), request.params.id, request.body),
  );

  app.post(
    '/reports/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Chuyển bước quy trình: trình, kiểm tra, duyệt, gửi, tiếp nhận, trả lại, đính chính…',
        params: idParams,
        body: transitionBody,
        response: { 200: reportDetail },
      },
    },
    async (request) => {
      const ctx = authedContext(request);
      await transitionReport(deps, ctx, request.params.id, request.body);
      return getReport(deps, ctx, request.params.id);
    },
  );

  app.get(
    '/reports/:id/versions/:versionNo',
    {
      schema: { tags, summary: 'Số liệu của một phiên bản báo cáo', params: reportVersionParams, response: { 200: reportVersionResponse } },
    },
    async (request) => getReportVersion(deps, authedContext(request), request.params.id, request.params.versionNo),
  );

  app.get(
    '/reports/:id/snapshots/:hash',
    {
      schema: {
        tags,
        summary: 'Nội dung báo cáo tại một bước trong lịch sử (theo mã băm)',
        params: reportSnapshotParams,
        response: { 200: reportSnapshotResponse },
      },
    },
    async (request) => getReportSnapshot(deps, authedContext(request), request.params.id, request.params.hash),
  );

  app.get(
    '/reports/:id/diff',
    {
      schema: {
        tags,
        summary: 'So sánh hai phiên bản báo cáo: ô số liệu, đề cương, tài liệu đính kèm thay đổi',
        params: idParams,
        querystring: reportDiffQuery,
        response: { 200: reportDiff },
      },
    },
    async (request) => diffReportVersions(deps, authedContext(request), request.params.id, request.query),
  );
}

import type { ReportDetail } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { reportsDataFixture, type ReportsDataFixture } from './fixtures.test-support.ts';
import { auditRows } from './workflow.test-support.ts';

/*
 * A consolidating unit may change a figure consolidated from its subunits, with a note saying why.
 * An Lạc passed its report of Biểu 02 down to its divisions; two of them were accepted:
 *
 *                          DS:KN (sum)   KHAC:KN (sum)   DS:KH
 *   Phòng Kinh tế              10             2            –
 *   Phòng Văn hóa - Xã hội     20             3            –
 *   consolidated               30             5          (none)
 *
 * (Row "I – Dân số trung bình".) An Lạc types DS:KN 35 (an override), KHAC:KN "5.00" (the same figure written otherwise) and
 * DS:KH 200 (no figure to override): only DS:KN needs a note.
 */
describe.each(backends)("the consolidator's override note on %s", (backend) => {
  let f: ReportsDataFixture;
  let summaryId: string;
  let reportId: string;

  const detail = async () => {
    const res = await f.anLacOfficer.get(`/api/v1/reports/${reportId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReportDetail;
  };
  const save = async (patch: Record<string, unknown>) => {
    const { version } = await detail();
    const res = await f.anLacOfficer.patch(`/api/v1/reports/${reportId}/data`, {
      revision: version.revision,
      patch: { forms: { [summaryId]: patch } },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const submit = async () => {
    const { revision } = await detail();
    return f.anLacOfficer.post(`/api/v1/reports/${reportId}/transitions`, { action: 'submit', revision });
  };

  beforeAll(async () => {
    f = await reportsDataFixture(backend);
    summaryId = f.forms.summary.versionId;
    const anLacTask = await f.assignmentOf(f.units.anLac);
    const delegated = await f.anLacLeader.post(`/api/v1/assignments/${anLacTask}/delegate`, {
      unitIds: [f.units.economy, f.units.culture, f.units.officeDiv],
      deadlineDate: '2026-01-15',
    });
    if (delegated.statusCode !== 201 && delegated.statusCode !== 200)
      throw new Error(`delegate: ${delegated.statusCode} ${delegated.body}`);
    for (const [unitId, values] of [
      [f.units.economy, { 'DS:KN': '10', 'KHAC:KN': '2' }],
      [f.units.culture, { 'DS:KN': '20', 'KHAC:KN': '3' }],
    ] as const) {
      await f.insertReport({
        assignmentId: await f.assignmentOf(unitId),
        state: 'accepted',
        versions: [{ accepted: true, forms: { [summaryId]: values } }],
      });
    }
    const opened = await f.anLacOfficer.post(`/api/v1/assignments/${anLacTask}/report`);
    expect(opened.statusCode, opened.body).toBe(200);
    reportId = (opened.json() as ReportDetail).id;
    expect((opened.json() as ReportDetail).consolidates).toBe(true);
  }, 60_000);
  afterAll(() => f.t.close());

  it('consolidated 30, typed 35 without a note: the submission is refused naming the cell, and nothing changes', async () => {
    await save({ values: { 'DS:KN': '35', 'KHAC:KN': '5.00', 'DS:KH': '200' } });
    const before = await detail();
    const res = await submit();
    expect(res.statusCode, res.body).toBe(409);
    const error = res.json().error as { code: string; message: string; details: { problems: Record<string, unknown>[] } };
    expect(error.code).toBe('CONSOLIDATION_OVERRIDE_UNEXPLAINED');
    expect(error.details.problems).toEqual([
      {
        kind: 'override_unexplained',
        formVersionId: summaryId,
        formCode: '02/TH',
        cell: 'DS:KN',
        rowLabel: 'I – Dân số trung bình',
        colLabel: 'Kỳ này',
        consolidated: '30',
        value: '35',
        message:
          'Dòng "I – Dân số trung bình", cột "Kỳ này": số tổng hợp từ đơn vị cấp dưới là 30, số của đơn vị là 35 nhưng chưa ghi chú lý do điều chỉnh.',
      },
    ]);
    expect(error.message).toBe(
      'Có ô đã sửa khác số tổng hợp từ đơn vị cấp dưới nhưng chưa ghi chú lý do; hãy ghi chú từng ô trước khi trình. ' +
        'Dòng "I – Dân số trung bình", cột "Kỳ này": số tổng hợp từ đơn vị cấp dưới là 30, số của đơn vị là 35 nhưng chưa ghi chú lý do điều chỉnh.',
    );
    const after = await detail();
    expect({ state: after.state, revision: after.revision, events: after.events.length }).toEqual({
      state: 'draft',
      revision: before.revision,
      events: before.events.length,
    });
    expect((await auditRows(f.db, reportId)).filter((r) => r.action === 'report.transition')).toEqual([]);
  });

  it('a blank note is no reason: still refused', async () => {
    await save({ notes: { 'DS:KN': '   ' } });
    const res = await submit();
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONSOLIDATION_OVERRIDE_UNEXPLAINED');
  });

  it('with a note on the cell the submission goes through; the equal figure and the unit’s own figure need none', async () => {
    await save({ notes: { 'DS:KN': 'Bổ sung 5 nhân khẩu của thôn Đông mới sáp nhập, chưa có trong báo cáo của phòng.' } });
    const res = await submit();
    expect(res.statusCode, res.body).toBe(200);
    const after = await detail();
    expect(after.state).toBe('submitted');
    expect(after.version.data.forms[summaryId]).toMatchObject({
      values: { 'DS:KN': '35', 'KHAC:KN': '5.00', 'DS:KH': '200' },
      notes: { 'DS:KN': 'Bổ sung 5 nhân khẩu của thôn Đông mới sáp nhập, chưa có trong báo cáo của phòng.' },
    });
  });
});

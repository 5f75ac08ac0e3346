import type { ListFormInput, ReportDetail } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { systemContext } from '../../test/factories.ts';
import { createForm, publishDraft } from '../forms/index.ts';
import { reportsFixture, type ReportsFixture } from './workflow.test-support.ts';

/** Biểu 03/DS: the public investment projects of a commune, one record per project. */
const projectList: ListFormInput = {
  name: 'Danh sách dự án đầu tư công trên địa bàn',
  code: '03/DS',
  columns: [
    { code: 'MA', name: 'Mã dự án', checks: ['required', 'unique'] },
    { code: 'TEN', name: 'Tên dự án', checks: ['required'] },
    {
      kind: 'group',
      name: 'Vốn',
      children: [{ code: 'VON', name: 'Ngân sách', type: 'number', unit: 'Triệu đồng', checks: ['non_negative'] }],
    },
    { code: 'NGAY', name: 'Ngày khởi công', type: 'date' },
    { code: 'XONG', name: 'Đã hoàn thành', type: 'boolean' },
  ],
};

type Problem = { kind: string; formVersionId: string; formCode: string; cell?: string; message: string };

describe.each(backends)('list form records: saved as a whole, checked on submission, on %s', (backend) => {
  let f: ReportsFixture;
  let listId: string;
  let reportId: string;

  const save = async (patch: Record<string, unknown>, formVersionId = listId) => {
    const { version } = await f.detail(f.officer, reportId);
    return f.officer.patch(`/api/v1/reports/${reportId}/data`, {
      revision: version.revision,
      patch: { forms: { [formVersionId]: patch } },
    });
  };
  const records = async () => (await f.detail(f.officer, reportId)).version.data.forms[listId]?.records;

  beforeAll(async () => {
    f = await reportsFixture(backend);
    const ctx = systemContext();
    const created = await createForm(f.db, ctx, { kind: 'list', ownerUnitId: f.units.planning, definition: projectList });
    const published = await publishDraft(f.db, ctx, created.id, { revision: created.draft!.revision, note: null });
    listId = published.latestPublished!.id;
    const regime = await f.regime('BC-DA', { formIds: [created.id, f.formId] });
    reportId = (await f.open(f.officer, regime.anLac)).id;
  }, 60_000);
  afterAll(() => f.t.close());

  it('hands the list form over with its kind and definition, and starts with no records', async () => {
    const detail = await f.detail(f.officer, reportId);
    expect(detail.forms.map((x) => [x.code, x.kind])).toEqual([
      ['03/DS', 'list'],
      ['01/KHĐT', 'table'],
    ]);
    expect(await records()).toBeUndefined();
  });

  it('saves the records as a whole, even while some are not valid yet (what was typed is kept)', async () => {
    const typed = [
      { MA: 'DA01', TEN: 'Trường mầm non xã An Lạc', VON: '1250.5', NGAY: '2026-01-03', XONG: false },
      { MA: 'DA01', TEN: '', VON: 'một tỷ', NGAY: '2026-02-30' },
      { MA: 'DA03', TEN: 'Cầu Bến Đò', VON: '-5', XONG: true },
    ];
    const res = await save({ records: typed });
    expect(res.statusCode, res.body).toBe(200);
    expect(await records()).toEqual(typed);
  });

  it('refuses the submission with each broken record, column and reason; nothing changes', async () => {
    const before = await f.detail(f.officer, reportId);
    const res = await f.act(f.officer, reportId, 'submit');
    expect(res.statusCode, res.body).toBe(409);
    const error = res.json().error as { code: string; details: { problems: Problem[] } };
    expect(error.code).toBe('REPORT_HAS_ERRORS');
    const problems = error.details.problems.filter((p) => p.formVersionId === listId);
    expect(problems.map((p) => [p.cell, p.message])).toEqual([
      ['2:VON', 'Bản ghi thứ 2, cột "Vốn / Ngân sách": "một tỷ" không phải là số.'],
      ['2:NGAY', 'Bản ghi thứ 2, cột "Ngày khởi công": "2026-02-30" không phải là ngày hợp lệ.'],
      ['2:MA', 'Bản ghi thứ 2, cột "Mã dự án": "DA01" trùng với bản ghi thứ 1.'],
      ['2:TEN', 'Bản ghi thứ 2, cột "Tên dự án": chưa nhập (bắt buộc).'],
      ['3:VON', 'Bản ghi thứ 3, cột "Vốn / Ngân sách": không được là số âm.'],
    ]);
    expect(problems.every((p) => p.formCode === '03/DS')).toBe(true);
    const after = await f.detail(f.officer, reportId);
    expect({ state: after.state, revision: after.revision }).toEqual({ state: 'draft', revision: before.revision });
  });

  it('cells of a list form and records of a table form are refused on save', async () => {
    const cells = await save({ values: { '1:TEN': 'x' } });
    expect(cells.statusCode).toBe(400);
    expect(cells.json().error.message).toBe('Biểu "03/DS" là báo cáo danh sách: số liệu được gửi theo bản ghi.');
    const rows = await save({ records: [{ R11: '1' }] }, f.budget);
    expect(rows.statusCode).toBe(400);
    expect(rows.json().error.message).toBe('Biểu "01/KHĐT" là biểu dạng bảng, không có danh sách bản ghi.');
  });

  it('once fixed, the records are submitted as they were saved', async () => {
    const fixed = [
      { MA: 'DA01', TEN: 'Trường mầm non xã An Lạc', VON: '1250.5', NGAY: '2026-01-03', XONG: false },
      { MA: 'DA02', TEN: 'Nhà văn hóa thôn Đông', VON: '1000', NGAY: '2026-02-28' },
      { MA: 'DA03', TEN: 'Cầu Bến Đò', VON: '5', XONG: true },
    ];
    expect((await save({ records: fixed })).statusCode).toBe(200);
    const submitted = f.ok<ReportDetail>(await f.act(f.officer, reportId, 'submit'));
    expect(submitted.state).toBe('submitted');
    expect(submitted.version.data.forms[listId]?.records).toEqual(fixed);
  });
});

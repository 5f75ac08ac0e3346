import { randomUUID } from 'node:crypto';
import { parseDefinition, type ExcelPreviewResponse } from '@baocao/core';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { budgetForm } from '../forms/fixtures.test-support.ts';
import { exportWorkbook } from '../forms/excel-export.ts';
import { reportsDataFixture, type ReportsDataFixture } from './fixtures.test-support.ts';
import { reportVersion } from './tables.ts';

function multipart(filename: string, content: Buffer) {
  const boundary = `----baocao${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function workbookOf(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The sheet row of a row code (column C, "Mã số") and the sheet column of a column code (the codes row). */
function place(ws: ExcelJS.Worksheet) {
  let codesRow = 0;
  ws.eachRow((row, r) => {
    if (!codesRow && row.getCell(1).value === 'A' && row.getCell(3).value === 'C') codesRow = r;
  });
  const col = (code: string) => {
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(codesRow, c).value === code) return c;
    throw new Error(`no column ${code}`);
  };
  const row = (code: string) => {
    for (let r = codesRow + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 3).value === code) return r;
    throw new Error(`no row ${code}`);
  };
  return { codesRow, cell: (rowCode: string, colCode: string) => ws.getCell(row(rowCode), col(colCode)), row, col };
}

describe.each(backends)('report Excel round trip on %s', (backend) => {
  let f: ReportsDataFixture;
  let anLacReport: string;
  let acceptedReport: string;
  let budgetId: string;
  const current = { 'R11:KH': '1000', 'R11:KN': '100', 'R12:KN': '50', 'R2:KN': '30' };

  beforeAll(async () => {
    f = await reportsDataFixture(backend);
    budgetId = f.forms.budget.versionId;
    anLacReport = (
      await f.insertReport({ assignmentId: await f.assignmentOf(f.units.anLac), versions: [{ forms: { [budgetId]: current } }] })
    ).reportId;
    acceptedReport = (
      await f.insertReport({
        assignmentId: await f.assignmentOf(f.units.binhMinh),
        state: 'accepted',
        versions: [{ accepted: true, forms: { [budgetId]: { 'R11:KN': '7' } } }],
      })
    ).reportId;
  }, 60_000);
  afterAll(() => f.t.close());

  const exported = async (reportId = anLacReport) => {
    const res = await f.anLacOfficer.get(`/api/v1/reports/${reportId}/excel?formVersionId=${budgetId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const filled = async (edit: (ws: ExcelJS.Worksheet, at: ReturnType<typeof place>) => void) => {
    const wb = await workbookOf((await exported()).rawPayload);
    const ws = wb.getWorksheet('01-KHĐT')!;
    edit(ws, place(ws));
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const preview = (content: Buffer, query = '', client = f.anLacOfficer, reportId = anLacReport) => {
    const { body, headers } = multipart('so-lieu.xlsx', content);
    return client.request('POST', `/api/v1/reports/${reportId}/excel/preview${query}`, body, { headers });
  };
  const stored = async () => {
    const [v] = await f.db.select().from(reportVersion).where(eq(reportVersion.reportId, anLacReport));
    return { data: v!.data, revision: v!.revision, contentHash: v!.contentHash };
  };

  it('downloads the form layout with the current values, computed figures, period and unit, named after form, period and unit', async () => {
    const res = await exported();
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const name = '01-KHĐT_M2026-01_UBND xã An Lạc.xlsx';
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="01-KHDT_M2026-01_UBND-xa-An-Lac.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    const wb = await workbookOf(res.rawPayload);
    const ws = wb.getWorksheet('01-KHĐT')!;
    expect(ws.getCell(1, 1).value).toBe('Biểu số: 01/KHĐT');
    expect(ws.getCell(4, 1).value).toBe('Kỳ báo cáo: Tháng 1/2026');
    expect(ws.getCell(5, 1).value).toBe('Đơn vị báo cáo: UBND xã An Lạc');
    const at = place(ws);
    expect(at.cell('R11', 'KN').value).toBe(100);
    expect(at.cell('R12', 'KN').value).toBe(50);
    expect(at.cell('R11', 'KH').value).toBe(1000);
    // Computed: R1 = SUM(CHILDREN) = 100 + 50 in KN; 1000 + (empty) in KH.
    expect(at.cell('R1', 'KN').value).toBe(150);
    expect(at.cell('R1', 'KH').value).toBe(1000);
    expect(at.cell('R12', 'KH').value).toBeNull();
    expect(at.cell('R11', 'KN').numFmt).toBe('#,##0.##');
    // The hidden sheet still names the form version, so the file can be matched on upload.
    const meta = wb.getWorksheet('ThongTin')!;
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell(2, 2).value).toBe(budgetId);
  });

  it('the receiving department may download it too (anyone who reads the report)', async () => {
    const res = await f.planningOfficer.get(`/api/v1/reports/${anLacReport}/excel?formVersionId=${budgetId}`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('export → edit three cells in Excel → the preview shows exactly those changes, the patch to save, and saves nothing', async () => {
    const before = await stored();
    const file = await filled((_ws, at) => {
      at.cell('R12', 'KN').value = 75; // 50 → 75
      at.cell('R2', 'KN').value = '1.234,5'; // typed as text the Vietnamese way → 1234.5
      at.cell('R11', 'KH').value = null; // cleared
    });
    const res = await preview(file);
    expect(res.statusCode, res.body).toBe(200);
    const body: ExcelPreviewResponse = res.json();
    expect(body.rejected).toEqual([]);
    expect(body.changes).toEqual([
      {
        formVersionId: budgetId,
        formCode: '01/KHĐT',
        row: 'R11',
        col: 'KH',
        rowLabel: '1 – Thu nội địa',
        colLabel: 'Kế hoạch năm',
        before: '1000',
        after: null,
      },
      {
        formVersionId: budgetId,
        formCode: '01/KHĐT',
        row: 'R12',
        col: 'KN',
        rowLabel: '2 – Thu xuất nhập khẩu',
        colLabel: 'Thực hiện / Kỳ này',
        before: '50',
        after: '75',
      },
      {
        formVersionId: budgetId,
        formCode: '01/KHĐT',
        row: 'R2',
        col: 'KN',
        rowLabel: 'III – Chi ngân sách địa phương',
        colLabel: 'Thực hiện / Kỳ này',
        before: '30',
        after: '1234.5',
      },
    ]);
    expect(body.unchanged).toBe(1); // R11:KN = 100
    expect(body.patch).toEqual({ forms: { [budgetId]: { values: { 'R11:KH': null, 'R12:KN': '75', 'R2:KN': '1234.5' } } } });
    expect(await stored()).toEqual(before);
  });

  it('the file as downloaded, uploaded back unchanged, changes nothing and refuses nothing (computed figures come back as they were)', async () => {
    const res = await preview((await exported()).rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ changes: [], rejected: [], unchanged: 4, patch: {} });
  });

  it('moved rows and columns still match by their codes, not their positions', async () => {
    const file = await filled((ws, at) => {
      // Swap the rows of R11 and R2, then the columns KN and KH, cell by cell (values only).
      const swap = (a: ExcelJS.Cell, b: ExcelJS.Cell) => {
        const v = a.value;
        a.value = b.value;
        b.value = v;
      };
      const [r11, r2] = [at.row('R11'), at.row('R2')];
      for (let c = 1; c <= ws.columnCount; c++) swap(ws.getCell(r11, c), ws.getCell(r2, c));
      const [kn, kh] = [at.col('KN'), at.col('KH')];
      for (let r = at.codesRow; r <= ws.rowCount; r++) swap(ws.getCell(r, kn), ws.getCell(r, kh));
      // R2:KN now sits where R11:KH was.
      expect(ws.getCell(r11, kh).value).toBe(30);
      ws.getCell(r11, kh).value = 31;
    });
    const res = await preview(file);
    expect(res.statusCode, res.body).toBe(200);
    const body: ExcelPreviewResponse = res.json();
    expect(body.changes.map((c) => [c.row, c.col, c.before, c.after])).toEqual([['R2', 'KN', '30', '31']]);
    expect(body.rejected).toEqual([]);
  });

  it('a file that lost the hidden sheet (saved by another program) is recognised by the form number in its heading', async () => {
    const wb = await workbookOf((await exported()).rawPayload);
    wb.removeWorksheet(wb.getWorksheet('ThongTin')!.id);
    const ws = wb.getWorksheet('01-KHĐT')!;
    place(ws).cell('R12', 'KN').value = 60;
    const res = await preview(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changes.map((c: { row: string; col: string; after: string }) => [c.row, c.col, c.after])).toEqual([
      ['R12', 'KN', '60'],
    ]);
  });

  it('refuses, with the reason, text in a number cell, figures typed over computed, hatched and header cells, unknown row and column codes', async () => {
    const file = await filled((ws, at) => {
      at.cell('R12', 'KN').value = 'abc';
      at.cell('R1', 'KN').value = 999; // computed: SUM(CHILDREN)
      at.cell('R2', 'KH').value = 5; // hatched
      at.cell('A', 'KN').value = 1; // header row
      const extraRow = at.row('R2') + 1;
      ws.spliceRows(extraRow, 0, []);
      ws.getCell(extraRow, 3).value = 'R99';
      ws.getCell(extraRow, at.col('KN')).value = 12;
      const extraCol = ws.columnCount + 1;
      ws.getCell(at.codesRow, extraCol).value = 'XX';
      ws.getCell(at.row('R11'), extraCol).value = 8;
      at.cell('R11', 'KN').value = 101; // one good change among the bad ones
    });
    const res = await preview(file);
    expect(res.statusCode, res.body).toBe(200);
    const body: ExcelPreviewResponse = res.json();
    const reasons = body.rejected.map((r) => [r.row, r.col, r.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['A', 'KN', 'Dòng tiêu đề, không nhận số liệu.'],
        ['R1', 'KN', 'Ô tự tính, không nhận số liệu (hệ thống tự tính lại từ các ô nhập).'],
        ['R12', 'KN', '“abc” không phải là số.'],
        ['R2', 'KH', 'Ô gạch chéo, không nhận số liệu.'],
        ['R99', null, 'Mã dòng "R99" không có trong biểu mẫu.'],
        ['R11', 'XX', 'Mã cột "XX" không có trong biểu mẫu.'],
      ]),
    );
    expect(body.rejected).toHaveLength(6);
    expect(body.rejected.every((r) => r.sheet === '01-KHĐT' && /^[A-Z]+\d+$/u.test(r.cell))).toBe(true);
    expect(body.changes.map((c) => [c.row, c.col, c.after])).toEqual([['R11', 'KN', '101']]);
    expect(body.patch).toEqual({ forms: { [budgetId]: { values: { 'R11:KN': '101' } } } });
  });

  it('refuses a number out of the column range with the limits named', async () => {
    const file = await filled((_ws, at) => {
      at.cell('R12', 'KN').value = '1234567890123456';
    });
    const body: ExcelPreviewResponse = (await preview(file)).json();
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0]!.reason).toContain('vượt quá phạm vi của cột');
    expect(body.changes).toEqual([]);
  });

  it("refuses another form's file, naming the file's form and the report's", async () => {
    const other = await f.planningOfficer.get(`/api/v1/forms/${f.forms.other.formId}/versions/${f.forms.other.versionId}/export.xlsx`);
    expect(other.statusCode).toBe(200);
    const res = await preview(other.rawPayload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('EXCEL_WRONG_FORM');
    expect(res.json().error.message).toBe(
      'Tệp Excel là của biểu "03/KHÁC – Biểu 03: Biểu không thuộc chế độ" (phiên bản 1), không phải biểu của báo cáo này ("01/KHĐT – Biểu 01: Tình hình thu, chi ngân sách", "02/TH – Biểu 02: Tổng hợp một số chỉ tiêu kinh tế - xã hội").',
    );
  });

  it('refuses a file of another version of the same form, naming both versions', async () => {
    const parsed = parseDefinition('table', budgetForm({ code: '01/KHĐT' }));
    if (!parsed.ok) throw new Error('budget form');
    const file = await exportWorkbook('table', parsed.definition, {
      formId: f.forms.budget.formId,
      versionId: randomUUID(),
      versionNo: 2,
      status: 'published',
      contentHash: 'f'.repeat(64),
      ownerUnitName: 'Sở Kế hoạch và Đầu tư',
    });
    const res = await preview(file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'EXCEL_WRONG_FORM',
      message:
        'Tệp Excel là phiên bản 2 của biểu "01/KHĐT – Biểu 01: Tình hình thu, chi ngân sách", còn báo cáo dùng phiên bản 1. Hãy tải biểu của báo cáo này về, điền số liệu rồi tải lên lại.',
    });
  });

  it("refuses a file of the report's other form when the user chose this one", async () => {
    const res = await f.anLacOfficer.get(`/api/v1/reports/${anLacReport}/excel?formVersionId=${f.forms.summary.versionId}`);
    const wrong = await preview(res.rawPayload, `?formVersionId=${budgetId}`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('không phải biểu đang chọn');
    const right = await preview(res.rawPayload);
    expect(right.statusCode, right.body).toBe(200);
  });

  it('refuses garbage bytes and an old .xls as EXCEL_INVALID, and saves nothing', async () => {
    const before = await stored();
    for (const content of [
      Buffer.from('PK\u0003\u0004 đây không phải tệp Excel'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    ]) {
      const res = await preview(content);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('EXCEL_INVALID');
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a preview on an accepted (locked) version and to a reader without the right to enter data', async () => {
    const file = await filled(() => {});
    const locked = await preview(file, '', f.binhMinhOfficer, acceptedReport);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('REPORT_VERSION_LOCKED');
    const viewer = await preview(file, '', f.anLacReviewer);
    expect(viewer.statusCode).toBe(403);
  });
});

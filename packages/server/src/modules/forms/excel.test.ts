import { defineForm, type Form } from '@baocao/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { budgetForm, formsFixture, type FormsFixture } from './fixtures.test-support.ts';

function multipart(filename: string, content: Buffer) {
  const boundary = `----bieumau${Date.now()}`;
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

/** A form as Sở Y tế drew it in Excel before the system existed. */
async function handMadeSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bieu 02');
  const put = (address: string, value: ExcelJS.CellValue, bold = false) => {
    ws.getCell(address).value = value;
    if (bold) ws.getCell(address).font = { bold: true };
  };
  ws.mergeCells('A1:C1');
  put('A1', 'SỞ Y TẾ', true);
  ws.mergeCells('E1:G1');
  put('E1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true);
  ws.mergeCells('E2:G2');
  put('E2', 'Độc lập - Tự do - Hạnh phúc', true);
  put('A3', 'Biểu số: 02/BC-SYT');
  ws.mergeCells('A4:G4');
  put('A4', 'BÁO CÁO KẾT QUẢ TIÊM CHỦNG MỞ RỘNG', true);
  put('A5', 'Đơn vị tính: Trẻ');
  for (const [range, text] of [
    ['A6:A7', 'STT'],
    ['B6:B7', 'Chỉ tiêu'],
    ['C6:C7', 'Kế hoạch năm'],
    ['D6:E6', 'Thực hiện'],
    ['F6:F7', 'Tỷ lệ so với kế hoạch (%)'],
    ['G6:G7', 'Ghi chú'],
  ] as const) {
    ws.mergeCells(range);
    put(range.split(':')[0]!, text, true);
  }
  put('D7', 'Tháng này');
  put('E7', 'Lũy kế');
  ['A', 'B', '1', '2', '3', '4', '5'].forEach((v, i) => (ws.getCell(8, i + 1).value = v));
  const ratio = (r: number) => ({ formula: `IF(C${r}=0,"",E${r}/C${r}*100)` });
  const rows: [string, string, ExcelJS.CellValue[]][] = [
    ['I', 'Tiêm chủng cho trẻ em', []],
    ['1', 'Trẻ dưới 1 tuổi tiêm đủ 8 loại vắc xin', [1200, null, null, ratio(10)]],
    ['2', 'Trẻ 18 tháng tuổi tiêm nhắc DPT4', [1100, null, null, ratio(11)]],
    ['II', 'Tổng số mũi tiêm', [{ formula: 'SUM(C13:C14)' }, { formula: 'SUM(D13:D14)' }, { formula: 'SUM(E13:E14)' }, ratio(12)]],
    ['1', 'Mũi tiêm tại trạm y tế', ['x', null, null, 'x']],
    ['2', 'Mũi tiêm lưu động', [500, null, { formula: 'VLOOKUP(D14,A1:B2,2)' }, ratio(14)]],
  ];
  rows.forEach(([stt, name, values], i) => {
    const r = 9 + i;
    ws.getCell(r, 1).value = stt;
    ws.getCell(r, 2).value = name;
    values.forEach((v, j) => (ws.getCell(r, 3 + j).value = v));
  });
  put('B17', 'NGƯỜI LẬP BIỂU', true);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(backends)('forms: Excel export and import on %s', (backend) => {
  let f: FormsFixture;
  let form: { id: string; versionId: string };

  beforeAll(async () => {
    f = await formsFixture(backend);
    const created = (await f.healthDesigner.post('/api/v1/forms', { ownerUnitId: f.units.health, definition: budgetForm() })).json();
    const published = (await f.healthDesigner.post(`/api/v1/forms/${created.id}/publish`, { revision: 1 })).json();
    form = { id: created.id, versionId: published.latestPublished.id };
  });
  afterAll(() => f.t.close());

  const exported = async () => {
    const res = await f.healthDesigner.get(`/api/v1/forms/${form.id}/versions/${form.versionId}/export.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const upload = (client: FormsFixture['admin'], filename: string, content: Buffer) => {
    const { body, headers } = multipart(filename, content);
    return client.request('POST', '/api/v1/forms/import', body, { headers });
  };

  it('exports the empty form: heading, merged header, codes row, STT, hatched and computed cells', async () => {
    const res = await exported();
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="01-BC-SYT-v1.xlsx"; filename*=UTF-8''${encodeURIComponent('01-BC-SYT-v1.xlsx')}`,
    );
    const wb = await workbookOf(res.rawPayload);
    const ws = wb.getWorksheet('01-BC-SYT')!;
    expect(ws.getCell('A1').value).toBe('Biểu số: 01/BC-SYT');
    expect(ws.getCell('A3').value).toBe('Biểu 01: Tình hình thu, chi ngân sách');
    // Header rows 7–8: fixed columns span both rows, "Thực hiện" spans Kỳ này and Lũy kế.
    expect(ws.getCell('B8').master.address).toBe('B7');
    expect(ws.getCell('F7').master.address).toBe('F7');
    expect(ws.getCell('G7').master.address).toBe('F7');
    expect([ws.getCell('F7').value, ws.getCell('F8').value, ws.getCell('G8').value]).toEqual(['Thực hiện', 'Kỳ này', 'Lũy kế từ đầu năm']);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(9, c).value)).toEqual(['A', 'B', 'C', 'D', 'KH', 'KN', 'LK', 'SS']);
    // Rows: A (title row), I R1 with 1 R11 and 2 R12, II R2.
    const body = [10, 11, 12, 13, 14].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 3).value]);
    expect(body).toEqual([
      ['I', 'A'],
      ['II', 'R1'],
      ['1', 'R11'],
      ['2', 'R12'],
      ['III', 'R2'],
    ]);
    expect((ws.getCell('E14').fill as ExcelJS.FillPattern).pattern).toBe('lightUp');
    expect(ws.getCell('G12').note).toBe('Công thức: YTD(KN)');
    expect(ws.getCell('E11').note).toBe('Công thức: SUM(CHILDREN)');
    const meta = wb.getWorksheet('ThongTin')!;
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell('B2').value).toBe(form.versionId);
  });

  it('reads its own export back into the same structure, with no problem', async () => {
    const res = await upload(f.healthDesigner, 'bieu.xlsx', (await exported()).rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ sheetName: '01-BC-SYT', problems: [], summary: { rows: 5, columns: 4, headerDepth: 2 } });
    const original = defineForm(budgetForm());
    const imported = preview.definition as Form;
    const shape = (form: Form) => ({
      code: form.code,
      name: form.name,
      legalBasis: form.legalBasis,
      rows: JSON.parse(JSON.stringify(form.rows, (k, v) => (k === 'id' || k === 'checks' ? undefined : v))),
      columns: JSON.parse(JSON.stringify(form.columns, (k, v) => (k === 'checks' ? undefined : v))),
      disabledCells: form.disabledCells,
      cellFormulas: form.cellFormulas,
    });
    expect(shape(imported)).toEqual(shape(original));
  });

  it('reads a hand-made Vietnamese sheet: title, merged groups, STT levels, totals, ratios, "x" cells', async () => {
    const res = await upload(f.healthDesigner, 'tiem-chung.xlsx', await handMadeSheet());
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.summary).toEqual({ rows: 6, columns: 5, headerDepth: 2 });
    expect(preview.problems).toEqual([
      {
        path: 'Bieu 02!E14',
        message:
          'Công thức Excel "=VLOOKUP(D14,A1:B2,2)" của ô E14 chưa chuyển được (hàm VLOOKUP chưa được hỗ trợ); hãy nhập lại công thức này trong hệ thống.',
        severity: 'warning',
      },
    ]);
    const d = preview.definition as Form;
    expect({ code: d.code, name: d.name, sttStyles: d.sttStyles }).toEqual({
      code: '02/BC-SYT',
      name: 'BÁO CÁO KẾT QUẢ TIÊM CHỦNG MỞ RỘNG',
      sttStyles: ['roman', 'arabic'],
    });
    expect(d.columns).toEqual([
      { code: 'C1', name: 'Kế hoạch năm', type: 'number', kind: 'input', checks: [] },
      {
        kind: 'group',
        name: 'Thực hiện',
        children: [
          { code: 'C2', name: 'Tháng này', type: 'number', kind: 'input', checks: [] },
          { code: 'C3', name: 'Lũy kế', type: 'number', kind: 'input', checks: [] },
        ],
      },
      {
        code: 'C4',
        name: 'Tỷ lệ so với kế hoạch (%)',
        type: 'percent',
        decimals: 1,
        kind: 'computed',
        formula: 'IF(C1 = 0, "", C3 / C1 * 100)',
        checks: [],
      },
      { code: 'C5', name: 'Ghi chú', type: 'text', kind: 'input', checks: [] },
    ]);
    const outline = (rows: Form['rows']): unknown[] =>
      rows.map((r) => [r.code, r.kind, r.unit ?? null, r.formula ?? null, ...(r.children.length ? [outline(r.children)] : [])]);
    expect(outline(d.rows)).toEqual([
      [
        'R01',
        'header',
        null,
        null,
        [
          ['R02', 'input', 'Trẻ', null],
          ['R03', 'input', 'Trẻ', null],
        ],
      ],
      [
        'R04',
        'computed',
        'Trẻ',
        'SUM(CHILDREN)',
        [
          ['R05', 'input', 'Trẻ', null],
          ['R06', 'input', 'Trẻ', null],
        ],
      ],
    ]);
    expect(d.disabledCells).toEqual([
      { row: 'R05', col: 'C1' },
      { row: 'R05', col: 'C4' },
    ]);
    expect(d.cellFormulas).toEqual([]);
  });

  it('refuses old .xls files, non-Excel uploads, requests without a file, and non-designers', async () => {
    const xls = await upload(f.healthDesigner, 'cu.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(xls.statusCode).toBe(400);
    expect(xls.json().error.message).toBe('Tệp là định dạng Excel cũ (.xls). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx rồi nhập lại.');
    expect((await upload(f.healthDesigner, 'a.xlsx', Buffer.from('không phải excel'))).json().error.message).toBe(
      'Tệp không phải tệp Excel .xlsx.',
    );
    const json = await f.healthDesigner.post('/api/v1/forms/import', { file: 'x' });
    expect(json.statusCode).toBe(415);
    const officer = await upload(f.communeOfficer, 'bieu.xlsx', await handMadeSheet());
    expect(officer.statusCode).toBe(403);
  });

  it('refuses a damaged .xlsx, a sheet with no recognisable table, and a file over the size limit', async () => {
    const good = await handMadeSheet();
    const truncated = await upload(f.healthDesigner, 'hong.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().error.message).toMatch(/Excel/u);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ghi chú');
    ws.getCell('A1').value = 'Kính gửi: Sở Tài chính';
    ws.getCell('A3').value = 'Đề nghị quý cơ quan tổng hợp số liệu.';
    const noTable = await upload(f.healthDesigner, 'cong-van.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(noTable.statusCode).toBe(400);
    expect(noTable.json().error.message).toMatch(/Không tìm thấy dòng tiêu đề của biểu/u);

    const huge = await upload(f.healthDesigner, 'lon.xlsx', Buffer.alloc(11 * 1024 * 1024, 1));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

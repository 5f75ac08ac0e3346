import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { referenceFixture } from './fixtures.test-support.ts';
import { systemContext } from '../../test/factories.ts';
import { DEMO_SET_CODE, seedReferenceData } from './demo.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(client: Client, url: string, file: Buffer, filename = 'chi-tieu.xlsx') {
  const boundary = '----vitest-boundary-7d1c';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, payload, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function sheetOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chỉ tiêu');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(backends)('indicators on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let owner: Client;
  let clerk: Client;
  let deptA: string;
  let deptB: string;

  beforeAll(async () => {
    ({ t, admin, owner, clerk, deptA, deptB } = await referenceFixture(backend));
  });
  afterAll(() => t.close());

  it('seeds the reference data once: a second run creates nothing', async () => {
    const again = await seedReferenceData(t.database.db, systemContext());
    expect(again).toEqual({ catalogsCreated: 0, indicatorsCreated: 0, setCreated: false });
    const sets = (await clerk.get('/api/v1/indicator-sets')).json().items;
    const set = sets.find((s: { code: string }) => s.code === DEMO_SET_CODE);
    expect(set.name).toBe('Bộ chỉ tiêu kinh tế - xã hội chủ yếu của tỉnh (mẫu)');
    expect(set.indicatorCount).toBeGreaterThanOrEqual(25);
    expect(set.indicatorCount).toBeLessThanOrEqual(40);
    const pop = (await clerk.get('/api/v1/indicators?q=dan so trung binh')).json().items[0];
    expect(pop).toMatchObject({
      name: 'Dân số trung bình',
      unitOfMeasure: 'Người',
      aggregation: 'sum',
      disaggregations: ['GIOI_TINH', 'THANH_THI_NONG_THON'],
    });
    const catalogs = (await clerk.get('/api/v1/catalogs?q=VSIC')).json().items[0];
    expect(catalogs.itemCount).toBe(21);
  });

  it('searches with or without diacritics, by set and by field group', async () => {
    const plain = (await clerk.get('/api/v1/indicators?q=ty le ho ngheo')).json();
    expect(plain.items.map((i: { name: string }) => i.name)).toEqual(['Tỷ lệ hộ nghèo']);
    const accented = (await clerk.get(`/api/v1/indicators?q=${encodeURIComponent('Tỷ lệ hộ nghèo')}`)).json();
    expect(accented.total).toBe(1);
    expect(accented.items[0]).toMatchObject({ aggregation: 'weighted_average', weightIndicatorCode: 'SO_HO', sets: [DEMO_SET_CODE] });
    const bySet = (await clerk.get(`/api/v1/indicators?setCode=${DEMO_SET_CODE}&pageSize=5`)).json();
    expect(bySet.items).toHaveLength(5);
    expect(bySet.items[0].code).toBe('DS_TB');
    const group = (await clerk.get(`/api/v1/indicators?fieldGroup=${encodeURIComponent('Tài chính, ngân sách')}`)).json();
    expect(group.items.map((i: { code: string }) => i.code).sort()).toEqual(['CHI_DTPT', 'CHI_NSDP', 'THU_NOI_DIA', 'THU_NSNN', 'THU_XNK']);
  });

  it('creates and edits indicators with validation, duplicates and version conflicts', async () => {
    const body = {
      code: 'YT_TRAM',
      name: 'Tỷ lệ xã có trạm y tế',
      unitOfMeasure: '%',
      valueType: 'percent',
      aggregation: 'weighted_average',
      weightIndicatorCode: 'KHONG_CO',
      ownerUnitId: deptA,
      setCodes: [DEMO_SET_CODE],
    };
    const noWeight = await admin.post('/api/v1/indicators', body);
    expect(noWeight.statusCode).toBe(400);
    expect(noWeight.json().error.message).toBe('Không có chỉ tiêu quyền số mã "KHONG_CO" trong kho chỉ tiêu.');
    const badCatalog = await admin.post('/api/v1/indicators', { ...body, weightIndicatorCode: 'DS_TB', disaggregations: ['KHONG_CO'] });
    expect(badCatalog.statusCode).toBe(400);
    expect(badCatalog.json().error.message).toBe('Không có danh mục phân tổ mã "KHONG_CO".');
    const created = await admin.post('/api/v1/indicators', {
      ...body,
      weightIndicatorCode: 'DS_TB',
      disaggregations: ['THANH_THI_NONG_THON'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const ind = created.json();
    expect(ind).toMatchObject({ code: 'YT_TRAM', ownerUnitName: 'Sở Y tế', sets: [DEMO_SET_CODE], version: 1, canManage: true });

    const dup = await admin.post('/api/v1/indicators', { ...body, weightIndicatorCode: 'DS_TB' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_CODE', message: 'Mã chỉ tiêu "YT_TRAM" đã có trong kho chỉ tiêu.' });

    const edited = await owner.patch(`/api/v1/indicators/${ind.id}`, {
      version: 1,
      aggregation: 'none',
      definition: 'Xã có trạm y tế hoạt động.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, aggregation: 'none', weightIndicatorCode: null });
    const stale = await owner.patch(`/api/v1/indicators/${ind.id}`, { version: 1, name: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    const off = await owner.patch(`/api/v1/indicators/${ind.id}`, { version: 2, active: false });
    expect(off.json().active).toBe(false);
    expect((await clerk.get('/api/v1/indicators?q=tram y te')).json().total).toBe(0);
    expect((await clerk.get('/api/v1/indicators?q=tram y te&includeInactive=true')).json().total).toBe(1);
  });

  it('lets a report owner manage indicators of its scope only; a data-entry officer only reads', async () => {
    const mine = await owner.post('/api/v1/indicators', {
      code: 'YT_BS',
      name: 'Số bác sĩ',
      valueType: 'integer',
      aggregation: 'sum',
      ownerUnitId: deptA,
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const other = await owner.post('/api/v1/indicators', {
      code: 'TC_X',
      name: 'Thu khác',
      valueType: 'number',
      aggregation: 'sum',
      ownerUnitId: deptB,
    });
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    const global = await owner.post('/api/v1/indicators', {
      code: 'CHUNG_X',
      name: 'Chỉ tiêu chung',
      valueType: 'number',
      aggregation: 'sum',
    });
    expect(global.statusCode).toBe(403);
    const seeded = (await owner.get('/api/v1/indicators?q=CPI')).json().items[0];
    expect(seeded.canManage).toBe(false);
    expect((await owner.patch(`/api/v1/indicators/${seeded.id}`, { version: seeded.version, name: 'Sửa' })).statusCode).toBe(403);
    const moveOut = await owner.patch(`/api/v1/indicators/${mine.json().id}`, { version: 1, ownerUnitId: deptB });
    expect(moveOut.json().error.code).toBe('OUT_OF_SCOPE');
    // The owner may not slip its indicator into the system administrator's set either.
    const intoSet = await owner.post('/api/v1/indicators', {
      code: 'YT_SET',
      name: 'Thử',
      valueType: 'number',
      aggregation: 'sum',
      ownerUnitId: deptA,
      setCodes: [DEMO_SET_CODE],
    });
    expect(intoSet.statusCode).toBe(403);

    expect((await clerk.get(`/api/v1/indicators/${mine.json().id}`)).json()).toMatchObject({ code: 'YT_BS', canManage: false });
    const clerkCreate = await clerk.post('/api/v1/indicators', {
      code: 'N1',
      name: 'Thử',
      valueType: 'number',
      aggregation: 'sum',
      ownerUnitId: deptA,
    });
    expect(clerkCreate.statusCode).toBe(403);
    const clerkImport = await upload(clerk, '/api/v1/indicators/import', await sheetOf([['Mã số', 'Tên chỉ tiêu']]));
    expect(clerkImport.statusCode).toBe(403);
  });

  it('exports the GSO list layout and imports it back without loss', async () => {
    const full = await admin.post('/api/v1/indicators', {
      code: 'DD_DAY_DU',
      name: 'Chỉ tiêu đủ các trường; có dấu chấm phẩy',
      fieldGroup: 'Y tế, giáo dục, xã hội',
      unitOfMeasure: 'Người',
      definition: 'Định nghĩa "có ngoặc" (thử).',
      calculationMethod: 'A / B × 100',
      valueType: 'integer',
      aggregation: 'weighted_average',
      weightIndicatorCode: 'DS_TB',
      disaggregations: ['GIOI_TINH', 'NHOM_TUOI'],
      periodicities: ['month', 'nine_months', 'year'],
      ownerUnitId: deptA,
      coordinatingUnitIds: [deptB],
      higherCode: 'X.01',
      legalBasis: 'Quyết định thử số 1',
      priceBasis: 'comparable',
      baseYear: 2010,
      validFrom: '2025-07-01',
      validTo: '2030-12-31',
      setCodes: [DEMO_SET_CODE],
    });
    expect(full.statusCode, full.body).toBe(201);
    const before = (await clerk.get(`/api/v1/indicators?setCode=${DEMO_SET_CODE}&includeInactive=true&pageSize=200`)).json().items;

    const exported = await clerk.get(`/api/v1/indicators/export.xlsx?setCode=${DEMO_SET_CODE}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain(XLSX);
    expect(exported.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Danh mục chỉ tiêu')}`);
    const file = exported.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(2).value).toBe('Mã số');
    expect(ws.getRow(3).getCell(3).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(3).width).toBe(50);
    const fullRow = ws.getRows(4, ws.rowCount - 3)!.find((r) => r.getCell(2).value === 'DD_DAY_DU')!;
    expect(fullRow.getCell(6).value).toBe('Giới tính (GIOI_TINH); Nhóm tuổi (NHOM_TUOI)');
    expect(fullRow.getCell(7).value).toBe('Tháng; 9 tháng; Năm');
    expect(fullRow.getCell(8).value).toBe('Sở Y tế (H31.09)');
    expect(fullRow.getCell(14).value).toBe('Bình quân gia quyền');

    // Nothing changed: everything reads back as unchanged.
    const same = (await upload(admin, '/api/v1/indicators/import?dryRun=false', file)).json();
    expect(same).toEqual({ created: 0, updated: 0, unchanged: before.length, errors: [], saved: true });

    // Someone edits two indicators; importing the earlier file puts them back exactly.
    const id = full.json().id;
    await admin.patch(`/api/v1/indicators/${id}`, {
      version: 1,
      name: 'Đổi tên',
      disaggregations: [],
      ownerUnitId: deptB,
      validTo: null,
      active: false,
    });
    const cpi = before.find((i: { code: string }) => i.code === 'CPI');
    await admin.patch(`/api/v1/indicators/${cpi.id}`, { version: cpi.version, periodicities: ['year'], aggregation: 'average' });
    const dry = (await upload(admin, '/api/v1/indicators/import?dryRun=true', file)).json();
    expect(dry).toMatchObject({ created: 0, updated: 2, errors: [], saved: false });
    expect((await admin.get(`/api/v1/indicators/${id}`)).json().name).toBe('Đổi tên');
    const restored = (await upload(admin, '/api/v1/indicators/import', file)).json();
    expect(restored).toMatchObject({ created: 0, updated: 2, saved: true });
    const after = (await clerk.get(`/api/v1/indicators?setCode=${DEMO_SET_CODE}&includeInactive=true&pageSize=200`)).json().items;
    const strip = (i: Record<string, unknown>) => ({ ...i, version: 0 });
    expect(after.map(strip)).toEqual(before.map(strip));
    const audit = (await admin.get('/api/v1/audit?action=indicator.imported')).json();
    expect(audit.items[0].summary.updated.map((u: { code: string }) => u.code).sort()).toEqual(['CPI', 'DD_DAY_DU']);
  });

  it('checks every row of an import and saves nothing when one has an error, naming row and column', async () => {
    const file = await sheetOf([
      ['DANH MỤC CHỈ TIÊU NHẬP THỬ'],
      [],
      ['STT', 'Mã số', 'Tên chỉ tiêu', 'Đơn vị tính', 'Cách tổng hợp', 'Phân tổ chủ yếu', 'Kỳ công bố', 'Mã chỉ tiêu quyền số'],
      [1, 'MOI_1', 'Chỉ tiêu mới hợp lệ', 'Người', 'Cộng', 'Giới tính', 'Năm', null],
      [2, 'MOI_2', 'Chỉ tiêu sai cách tổng hợp', '%', 'Trung bình cộng', null, null, null],
      [3, 'MOI_1', 'Trùng mã', null, 'Cộng', null, null, null],
      [4, 'MOI_3', null, null, 'Cộng', null, null, null],
      [5, 'MOI_4', 'Phân tổ lạ', null, 'Cộng', 'Tôn giáo', 'Hằng tuần', null],
      [6, 'MOI_5', 'Bình quân thiếu quyền số', '%', 'Bình quân gia quyền', null, null, null],
    ]);
    const res = await upload(admin, '/api/v1/indicators/import', file);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.saved).toBe(false);
    expect(result.errors).toEqual([
      {
        row: 5,
        column: 'Cách tổng hợp',
        message:
          'Cách tổng hợp "Trung bình cộng" không hợp lệ; dùng một trong: Cộng, Bình quân, Bình quân gia quyền, Nhỏ nhất, Lớn nhất, Đếm, Không tổng hợp.',
      },
      { row: 6, column: 'Mã số', message: 'Mã số "MOI_1" trùng với dòng 4 trong tệp.' },
      { row: 7, column: 'Tên chỉ tiêu', message: 'Tên chỉ tiêu không được để trống.' },
      { row: 8, column: 'Phân tổ chủ yếu', message: 'Không có danh mục phân tổ "Tôn giáo".' },
      { row: 8, column: 'Kỳ công bố', message: 'Kỳ "Hằng tuần" không hợp lệ; dùng: Tháng, Quý, 6 tháng, 9 tháng, Năm.' },
      { row: 9, column: 'Mã chỉ tiêu quyền số', message: 'Chỉ tiêu tổng hợp theo bình quân gia quyền phải có mã chỉ tiêu quyền số.' },
    ]);
    expect((await admin.get('/api/v1/indicators?q=MOI_1')).json().total).toBe(0);

    // The same file without its bad rows is saved, a weight named in the same file included.
    const good = await sheetOf([
      ['Mã số', 'Tên chỉ tiêu', 'Cách tổng hợp', 'Mã chỉ tiêu quyền số', 'Phân tổ chủ yếu'],
      ['MOI_1', 'Chỉ tiêu mới hợp lệ', 'Cộng', null, 'Giới tính'],
      ['MOI_5', 'Bình quân theo chỉ tiêu mới', 'Bình quân gia quyền', 'MOI_1', null],
    ]);
    const saved = (await upload(admin, '/api/v1/indicators/import', good)).json();
    expect(saved).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [], saved: true });
    expect((await admin.get('/api/v1/indicators?q=MOI_1')).json().items[0]).toMatchObject({
      disaggregations: ['GIOI_TINH'],
      valueType: 'number',
    });
  });

  it('refuses a file that is not an .xlsx, or a sheet without the header, with a Vietnamese 400', async () => {
    const text = await upload(admin, '/api/v1/indicators/import', Buffer.from('Mã số;Tên chỉ tiêu\nA;B\n'), 'chi-tieu.csv');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toMatch(/^Tệp tải lên không phải tệp Excel \(\.xlsx\)/u);
    const broken = await upload(admin, '/api/v1/indicators/import', Buffer.from('PK\u0003\u0004 hỏng'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toBe('Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.');
    const noHeader = await upload(
      admin,
      '/api/v1/indicators/import',
      await sheetOf([
        ['Tên', 'Giá trị'],
        ['A', 1],
      ]),
    );
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain('Không tìm thấy dòng tiêu đề của danh mục chỉ tiêu');
    const noFile = await admin.request('POST', '/api/v1/indicators/import', Buffer.from('--b--\r\n'), {
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(noFile.statusCode).toBe(400);
  });
});

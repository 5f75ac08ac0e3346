import type { SavedView } from '@baocao/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { auditActions } from '../assignments/fixtures.test-support.ts';
import { analyticsFixture, type AnalyticsFixture, explored, refusal, table, vonQuery } from './fixtures.test-support.ts';
import { csvField } from './pivot-file.ts';

/** RFC 4180, enough for the files under test: quoted fields, doubled quotes, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('CSV fields', () => {
  it('quotes a field with a comma, a quote or a line break (RFC 4180), and nothing else', () => {
    expect(['80.5', 'Hà Nội, Việt Nam', 'Nói "có"', 'hai\ndòng', ''].map(csvField)).toEqual([
      '80.5',
      '"Hà Nội, Việt Nam"',
      '"Nói ""có"""',
      '"hai\ndòng"',
      '',
    ]);
  });
});

describe.each(backends)('saved views and exports through HTTP on %s', (backend) => {
  let f: AnalyticsFixture;
  beforeAll(async () => {
    f = await analyticsFixture(backend);
  }, 120_000);
  afterAll(() => f.t.close());

  const saved = async (client: typeof f.admin, body: Record<string, unknown>) => {
    const res = await client.post('/api/v1/analytics/views', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as SavedView;
  };
  const listed = async (client: typeof f.admin) =>
    ((await client.get('/api/v1/analytics/views')).json() as { items: SavedView[] }).items.map((v) => v.name);

  describe('views', () => {
    let everyone: SavedView;
    let committee: SavedView;
    let byLevel: SavedView;
    beforeAll(async () => {
      everyone = await saved(f.provinceViewer, {
        name: 'Vốn đầu tư hai xã',
        query: vonQuery([f.units.anLac, f.units.binhMinh]),
        sharing: 'all',
      });
      committee = await saved(f.provinceViewer, { name: 'Vốn đầu tư (văn phòng)', query: vonQuery([f.units.anLac]), sharing: 'unit' });
      await saved(f.provinceViewer, { name: 'Nháp của tôi', query: vonQuery([f.units.anLac]) });
      byLevel = await saved(f.provinceViewer, {
        name: 'Vốn đầu tư các xã',
        query: { ...vonQuery([]), units: { mode: 'level', kinds: ['commune'] } },
        display: { mode: 'chart', chartType: 'line' },
        sharing: 'all',
      });
    });

    it('saves a view for its owner, with an audit row', async () => {
      expect(everyone).toMatchObject({ mine: true, version: 1, sharing: 'all', display: { mode: 'table', chartType: 'column' } });
      expect(everyone.ownerUnitName).toBe('UBND tỉnh thử');
      expect(everyone.query.units).toEqual({ mode: 'explicit', unitIds: [f.units.anLac, f.units.binhMinh] });
      expect(await auditActions(f.db, everyone.id)).toEqual(['analytics.view_saved']);
    });

    it("lists mine and those shared with me: everyone, or my unit; never another user's private view", async () => {
      expect((await listed(f.provinceViewer)).sort()).toEqual([
        'Nháp của tôi',
        'Vốn đầu tư (văn phòng)',
        'Vốn đầu tư các xã',
        'Vốn đầu tư hai xã',
      ]);
      expect((await listed(f.committeeColleague)).sort()).toEqual(['Vốn đầu tư (văn phòng)', 'Vốn đầu tư các xã', 'Vốn đầu tư hai xã']);
      expect((await listed(f.anLacViewer)).sort()).toEqual(['Vốn đầu tư các xã', 'Vốn đầu tư hai xã']);
      expect(refusal(await f.anLacViewer.get(`/api/v1/analytics/views/${committee.id}`))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it("runs a shared view with the opener's authority: Bình Minh named → OUT_OF_SCOPE; by level → An Lạc's 120 + 100 = 220 only", async () => {
      const opened = (await f.anLacViewer.get(`/api/v1/analytics/views/${everyone.id}`)).json() as SavedView;
      expect(opened.mine).toBe(false);
      expect(refusal(await f.anLacViewer.post('/api/v1/analytics/explore', opened.query))).toMatchObject({
        status: 403,
        code: 'OUT_OF_SCOPE',
      });
      const level = (await f.anLacViewer.get(`/api/v1/analytics/views/${byLevel.id}`)).json() as SavedView;
      expect(table(await explored(f.anLacViewer, level.query))).toEqual({
        'UBND xã An Lạc': ['120', '100', '220'],
        'Tổng cộng': ['120', '100', '220'],
      });
      expect(table(await explored(f.provinceViewer, level.query))['Tổng cộng']).toEqual(['230.5', '150', '380.5']);
    });

    it('lets only the owner change a view, at the version read', async () => {
      const body = { name: 'Vốn đầu tư An Lạc và Bình Minh', query: everyone.query, sharing: 'all', version: 1 };
      expect(refusal(await f.anLacViewer.request('PUT', `/api/v1/analytics/views/${everyone.id}`, body))).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
      expect(
        refusal(await f.provinceViewer.request('PUT', `/api/v1/analytics/views/${everyone.id}`, { ...body, version: 7 })),
      ).toMatchObject({
        status: 409,
        code: 'CONFLICT',
      });
      const res = await f.provinceViewer.request('PUT', `/api/v1/analytics/views/${everyone.id}`, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Vốn đầu tư An Lạc và Bình Minh', version: 2 });
      expect(await auditActions(f.db, everyone.id)).toEqual(['analytics.view_saved', 'analytics.view_saved']);
    });

    it('deletes softly, by the owner only: gone from lists, 404 to open, the row and audit kept', async () => {
      expect(refusal(await f.anLacViewer.delete(`/api/v1/analytics/views/${byLevel.id}`))).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
      expect((await f.provinceViewer.delete(`/api/v1/analytics/views/${byLevel.id}`)).statusCode).toBe(200);
      expect(await listed(f.anLacViewer)).toEqual(['Vốn đầu tư An Lạc và Bình Minh']);
      expect((await f.provinceViewer.get(`/api/v1/analytics/views/${byLevel.id}`)).statusCode).toBe(404);
      const kept = (await f.db.execute(
        sql`select deleted_at is not null as deleted from analytics_view where id = ${byLevel.id}`,
      )) as unknown as {
        rows: { deleted: boolean }[];
      };
      expect(kept.rows).toEqual([{ deleted: true }]);
      expect(await auditActions(f.db, byLevel.id)).toEqual(['analytics.view_saved', 'analytics.view_deleted']);
    });
  });

  describe('exports', () => {
    const exportedCount = async () => {
      const res = (await f.db.execute(sql`select count(*)::int as n from audit_log where action = 'analytics.exported'`)) as unknown as {
        rows: { n: number }[];
      };
      return res.rows[0]!.n;
    };

    it('writes the pivot as .xlsx: title, filters, headers, numbers as numbers, bold totals', async () => {
      const before = await exportedCount();
      const res = await f.provinceViewer.post('/api/v1/analytics/explore/export?format=xlsx', vonQuery([f.units.anLac, f.units.binhMinh]));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="Khai thac so lieu \d\d-\d\d-\d{4}\.xlsx"; filename\*=UTF-8''Khai%20th%C3%A1c/u,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(sheet.getCell('A1').value).toBe('Bảng tổng hợp số liệu: Vốn đầu tư thực hiện');
      expect(sheet.getCell('D1').master.address).toBe('A1');
      expect(rows).toContainEqual(['Đơn vị: UBND xã An Lạc; UBND xã Bình Minh']);
      expect(rows).toContainEqual(['Kỳ báo cáo (hằng tháng): Tháng 1/2026 – Tháng 2/2026']);
      const header = rows.findIndex((r) => r[0] === 'Đơn vị');
      expect(rows.slice(header)).toEqual([
        ['Đơn vị', 'Tháng 1/2026', 'Tháng 2/2026', 'Tổng cộng'],
        ['UBND xã An Lạc', 120, 100, 220],
        ['UBND xã Bình Minh', 80.5, 50, 130.5],
        ['Tổng cộng', 200.5, 150, 350.5],
      ]);
      const totalRow = sheet.getRow(sheet.rowCount);
      expect(totalRow.getCell(2).font?.bold).toBe(true);
      expect(sheet.getRow(sheet.rowCount - 1).getCell(2).font?.bold).toBeFalsy();
      expect(sheet.getRow(sheet.rowCount - 1).getCell(4).font?.bold).toBe(true);
      expect(totalRow.getCell(2).numFmt).toBe('#,##0.######');
      expect(await exportedCount()).toBe(before + 1);
    });

    it('merges the header of each year over its months and sub-total; Năm 2025: 90 + 60 = 150, Năm 2026: 350,5, in all 500,5', async () => {
      const query = vonQuery([f.units.anLac, f.units.binhMinh], {
        rows: ['regime', 'unit'],
        columns: ['year', 'period'],
        periods: { periodType: 'month', from: 'M2026-01', to: 'M2026-02', samePeriodLastYear: true },
      });
      const res = await f.provinceViewer.post('/api/v1/analytics/explore/export?format=xlsx', query);
      expect(res.statusCode, res.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      let top = 1;
      while (sheet.getCell(top, 1).value !== 'Chế độ báo cáo') top++;
      const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
      expect(values(top)).toEqual(['Chế độ báo cáo', 'Đơn vị', 'Năm 2025', 'Năm 2025', 'Năm 2026', 'Năm 2026', 'Năm 2026', 'Tổng cộng']);
      expect(values(top + 1).slice(2)).toEqual(['Tháng 1/2025', 'Cộng', 'Tháng 1/2026', 'Tháng 2/2026', 'Cộng', 'Tổng cộng']);
      expect([3, 4, 5, 6, 7].map((c) => sheet.getCell(top, c).master.col)).toEqual([3, 3, 5, 5, 5]);
      expect(sheet.getCell(top + 1, 8).master.row).toBe(top);
      expect(sheet.getCell(top + 1, 1).master.row).toBe(top);
      expect(values(top + 2)).toEqual(['Số liệu nhập từ nguồn khác', 'UBND xã An Lạc', 90, 90, 120, 100, 220, 310]);
      expect(values(top + 4)).toEqual(['Số liệu nhập từ nguồn khác', 'Cộng', 150, 150, 200.5, 150, 350.5, 500.5]);
      expect(values(top + 5).slice(2)).toEqual([150, 150, 200.5, 150, 350.5, 500.5]);
      expect(sheet.getCell(top + 5, 2).master.col).toBe(1);
    });

    it('writes the pivot as CSV (UTF-8 with BOM) that reads back to the same figures, 80,5 as 80.5', async () => {
      const res = await f.provinceViewer.post('/api/v1/analytics/explore/export?format=csv', vonQuery([f.units.anLac, f.units.binhMinh]));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      expect(parseCsv(res.body.slice(1))).toEqual([
        ['Đơn vị', 'Tháng 1/2026', 'Tháng 2/2026', 'Tổng cộng'],
        ['UBND xã An Lạc', '120', '100', '220'],
        ['UBND xã Bình Minh', '80.5', '50', '130.5'],
        ['Tổng cộng', '200.5', '150', '350.5'],
      ]);
    });

    it('streams every fact as CSV: the 5 facts of the three communes, 120 + 100 + 80,5 + 50 + 30 = 380,5', async () => {
      const query = { ...vonQuery([]), units: { mode: 'level', kinds: ['commune'] } };
      const res = await f.provinceViewer.post('/api/v1/analytics/facts/export?format=csv', query);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Dữ liệu chi tiết')}`);
      const [header, ...lines] = parseCsv(res.body.slice(1));
      expect(header!.slice(0, 3)).toEqual(['Đơn vị', 'Mã chỉ tiêu', 'Chỉ tiêu']);
      const col = (name: string) => header!.indexOf(name);
      expect(lines).toHaveLength(5);
      expect(lines.reduce((s, l) => s + Number(l[col('Giá trị')]), 0)).toBe(380.5);
      expect(lines.map((l) => l[col('Đơn vị')]).sort()).toEqual([
        'UBND xã An Lạc',
        'UBND xã An Lạc',
        'UBND xã Bình Minh',
        'UBND xã Bình Minh',
        'UBND xã Cát Hải',
      ]);
      const january = lines.find((l) => l[col('Đơn vị')] === 'UBND xã Bình Minh' && l[col('Mã kỳ')] === 'M2026-01')!;
      expect([january[col('Giá trị')], january[col('Kỳ báo cáo')], january[col('Từ ngày')], january[col('Đến ngày')]]).toEqual([
        '80.5',
        'Tháng 1/2026',
        '01/01/2026',
        '31/01/2026',
      ]);
      expect([january[col('Chế độ báo cáo')], january[col('Nguồn')], january[col('Ghi chú nguồn')]]).toEqual([
        'Số liệu nhập từ nguồn khác',
        'Nhập từ nguồn khác',
        'Số liệu kiểm thử',
      ]);
    });

    it('streams every fact as .xlsx, figures as numbers', async () => {
      const query = { ...vonQuery([]), units: { mode: 'level', kinds: ['commune'] } };
      const res = await f.provinceViewer.post('/api/v1/analytics/facts/export?format=xlsx', query);
      expect(res.statusCode, res.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.rowCount).toBe(6);
      const valueColumn = (sheet.getRow(1).values as unknown[]).indexOf('Giá trị');
      let sum = 0;
      for (let r = 2; r <= 6; r++) sum += sheet.getRow(r).getCell(valueColumn).value as number;
      expect(sum).toBe(380.5);
    });

    it("never gives a commune viewer another commune's figures: B named → OUT_OF_SCOPE, by level → An Lạc's 2 facts", async () => {
      const named = vonQuery([f.units.anLac, f.units.binhMinh]);
      for (const url of ['/api/v1/analytics/explore/export?format=xlsx', '/api/v1/analytics/facts/export?format=csv']) {
        expect(refusal(await f.anLacViewer.post(url, named))).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
      }
      const res = await f.anLacViewer.post('/api/v1/analytics/facts/export?format=csv', {
        ...vonQuery([]),
        units: { mode: 'level', kinds: [] },
      });
      const [header, ...lines] = parseCsv(res.body.slice(1));
      expect(lines.map((l) => [l[header!.indexOf('Đơn vị')], l[header!.indexOf('Giá trị')]])).toEqual([
        ['UBND xã An Lạc', '120'],
        ['UBND xã An Lạc', '100'],
      ]);
    });
  });
});

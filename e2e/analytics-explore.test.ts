/**
 * Exploring the figures in a real Chromium against `npm start` with the demo province and its
 * seeded analytics facts: the city's analyst (khaithac) picks "Số lao động được tạo việc làm" for the
 * communes, wards and special zone of the city over the last 6 months, lays the table out by dragging
 * "Đơn vị" to the rows and "Kỳ báo cáo" to the columns, checks that the grand total is the sum of the
 * row totals shown, switches to a chart, exports the table to Excel (its cells equal the figures on
 * screen), and saves a view shared with everyone that reopens from its link. A commune officer is
 * offered only their own commune, and a shared view naming another commune explicitly is refused,
 * in Vietnamese, with nothing shown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage as openPage, type RunningServer, screenshot, startServer } from './support.ts';

const INDICATOR = 'LD_TAO_VIEC_LAM';
const INDICATOR_NAME = 'Số lao động được tạo việc làm';
const CITY = 'UBND thành phố Hải Phòng';
/** A commune that is not nhaplieu.xa's own (theirs is the city's first ward). */
const OTHER_COMMUNE = 'UBND xã Nam Sách';
const VIEW_NAME = 'Lao động được tạo việc làm theo xã, phường – 6 tháng';
const COMMUNE_VIEW_NAME = 'Lao động được tạo việc làm – xã Nam Sách';

/** "1.234,5" → 1234.5; "–" → null. */
function vnNumber(text: string): number | null {
  const t = text.trim();
  if (t === '' || t === '–') return null;
  return Number(t.replace(/\./gu, '').replace(',', '.'));
}

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();

describe('analytics: exploring, charting, exporting and sharing the figures', () => {
  let server: RunningServer;
  let browser: Browser;
  let analyst: Page;
  let viewUrl = '';
  const shown = { rows: new Map<string, number[]>(), grandTotal: 0 };
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'baocao-e2e-analytics-'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  const newPage = async (username: string) => {
    const page = await openPage(browser, { width: 1440, height: 900 });
    await login(page, server.url, username);
    await page.goto(`${server.url}/khai-thac`);
    return page;
  };

  const pickIndicator = async (page: Page) => {
    await page.getByLabel('Chỉ tiêu', { exact: true }).click();
    await page.getByLabel('Chỉ tiêu', { exact: true }).fill('LD_TAO');
    await openDropdown(page)
      .getByTitle(new RegExp(`^${INDICATOR} – ${INDICATOR_NAME}`, 'u'))
      .click();
    await page.keyboard.press('Escape');
    // The latest periods with figures arrive with the options: the range fills itself.
    await expect.poll(() => page.getByLabel('Đến kỳ').inputValue(), { timeout: 20_000 }).toMatch(/^\d{2}\/\d{4}$/u);
    await page.getByRole('button', { name: '6 kỳ gần nhất' }).click();
  };

  const table = (page: Page) => page.getByTestId('pivot-table');
  const memberRows = (page: Page) => table(page).locator('tbody tr[data-kind="member"]');

  it('the analyst lays out units × months by drag and drop and the grand total adds up', async () => {
    analyst = await newPage('khaithac');
    await pickIndicator(analyst);

    // Units by level: the communes, wards and special zone under the city.
    const root = analyst.getByLabel('Đơn vị gốc', { exact: true });
    await root.click();
    await root.fill('thành phố Hải');
    await openDropdown(analyst).getByTitle(CITY, { exact: true }).first().click();
    for (const kind of ['UBND xã', 'UBND phường', 'UBND đặc khu']) {
      await analyst.getByLabel('Loại đơn vị', { exact: true }).click();
      await openDropdown(analyst).getByTitle(kind, { exact: true }).click();
    }
    await analyst.keyboard.press('Escape');

    // Clear the layout with the chips' menus (the keyboard way), then drag and drop.
    for (const label of ['Đơn vị', 'Kỳ báo cáo']) {
      await analyst.getByRole('button', { name: `Di chuyển ${label}` }).click();
      await analyst.getByRole('menuitem', { name: 'Bỏ ra' }).click();
    }
    const zone = (z: string) => analyst.getByTestId(`zone-${z}`);
    await expect.poll(() => zone('rows').getByTestId('chip-unit').count()).toBe(0);
    await analyst.getByTestId('chip-unit').dragTo(zone('rows'));
    await analyst.getByTestId('chip-period').dragTo(zone('columns'));
    await expect.poll(() => zone('rows').getByTestId('chip-unit').count()).toBe(1);
    await expect.poll(() => zone('columns').getByTestId('chip-period').count()).toBe(1);
    expect(await analyst.getByTestId('chip-unit').getAttribute('aria-label')).toBe('Đơn vị, trong Hàng, vị trí 1');

    await analyst.getByRole('button', { name: 'Xem số liệu' }).click();
    await expect.poll(() => memberRows(analyst).count(), { timeout: 30_000 }).toBe(114);
    // Six months then the total across them.
    const heads = await table(analyst).locator('thead th.pivot-colhead').allTextContents();
    expect(heads).toHaveLength(7);
    expect(heads.slice(0, 6).every((h) => /^Tháng \d{1,2}\/\d{4}$/u.test(h))).toBe(true);
    expect(heads[6]).toBe('Tổng cộng');
    // 114 units × 6 months, one total figure each.
    expect(await analyst.getByTestId('explore-fact-count').textContent()).toBe('Tổng hợp từ 684 số liệu');
    expect(await analyst.locator('.explore-result-meta').textContent()).toContain(`${INDICATOR_NAME} (Người)`);

    // The grand total equals the sum of the row totals shown.
    const count = await memberRows(analyst).count();
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const row = memberRows(analyst).nth(i);
      const label = (await row.locator('th').first().textContent())!.trim();
      const figures = (await row.locator('td').allTextContents()).map(vnNumber);
      expect(figures.every((f) => f !== null)).toBe(true);
      shown.rows.set(label, figures as number[]);
      // Each row's total is its six months added up.
      expect(figures[6]).toBe((figures as number[]).slice(0, 6).reduce((a, b) => a + b, 0));
      sum += figures[6]!;
    }
    const totalRow = table(analyst).locator('tbody tr[data-kind="total"]');
    expect(await totalRow.locator('th').textContent()).toBe('Tổng cộng');
    shown.grandTotal = vnNumber((await totalRow.locator('td').last().textContent())!)!;
    expect(shown.grandTotal).toBe(sum);
    expect(shown.grandTotal).toBeGreaterThan(0);
    await screenshot(analyst, 'analytics-pivot');
  });

  it('the same figures as a chart: a drawn canvas described for screen readers', async () => {
    await analyst.getByRole('tab', { name: /Biểu đồ/u }).click();
    const canvas = analyst.getByTestId('pivot-chart-canvas');
    await expect.poll(() => canvas.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const box = await canvas.locator('canvas').first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
    expect(await canvas.getAttribute('aria-label')).toMatch(/^Biểu đồ cột: 40 chuỗi số liệu/u);
    // Fewer series read better: one line per month, across the units.
    await analyst.getByRole('checkbox', { name: 'Đảo hàng và cột' }).check();
    await analyst.getByTestId('pivot-chart').getByText('Đường', { exact: true }).click();
    await expect.poll(() => canvas.getAttribute('aria-label')).toMatch(/^Biểu đồ đường: 6 chuỗi số liệu/u);
    // A drawn canvas is not blank: some of its pixels are coloured.
    const painted = await canvas
      .locator('canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4)
          if (data[i + 3]! > 0 && (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2])) coloured++;
        return coloured;
      });
    expect(painted).toBeGreaterThan(500);
    await screenshot(analyst, 'analytics-chart');
    await analyst.getByRole('tab', { name: /Bảng/u }).click();
  });

  it('the Excel export holds the figures shown on screen', async () => {
    const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/u);
    const file = path.join(workDir, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;

    /** Each sheet row by its first text cell, with the figures after it. */
    const byLabel = new Map<string, number[]>();
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      const at = values.findIndex((v) => typeof v === 'string' && v.trim() !== '');
      if (at < 0) return;
      const figures = values.slice(at + 1).flatMap((v) => {
        if (typeof v === 'number') return [v];
        if (typeof v === 'string' && /^-?[\d.]+(,\d+)?$/u.test(v.trim())) return [vnNumber(v)!];
        if (v && typeof v === 'object' && 'result' in v && typeof (v as { result: unknown }).result === 'number')
          return [(v as { result: number }).result];
        return [];
      });
      const label = (values[at] as string).trim();
      if (figures.length && !byLabel.has(label)) byLabel.set(label, figures);
    });

    const labels = [...shown.rows.keys()];
    for (const label of [labels[0]!, labels[1]!, labels[57]!, labels[labels.length - 1]!]) {
      expect(byLabel.get(label), label).toEqual(shown.rows.get(label));
    }
    expect(byLabel.get('Tổng cộng')?.at(-1)).toBe(shown.grandTotal);
  });

  it('a view shared with everyone is saved, linked by its address and reopens with the same figures', async () => {
    await analyst.getByRole('button', { name: 'Lưu khung nhìn' }).click();
    const dialog = analyst.locator('.ant-modal');
    await dialog.getByLabel('Tên khung nhìn').fill(VIEW_NAME);
    await dialog.getByLabel('Mô tả').fill('Số lao động được tạo việc làm của các xã, phường, đặc khu trong 6 tháng gần nhất.');
    await dialog.getByRole('radio', { name: 'Mọi người' }).check();
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await analyst.waitForURL(/\/khai-thac\?view=[0-9a-f-]{36}$/u);
    viewUrl = analyst.url();
    await expect.poll(() => analyst.locator('.page-title').textContent()).toContain(VIEW_NAME);

    // The link opens the view on a fresh page: the panel fills itself and the table is drawn again.
    const again = await openPage(browser, { width: 1440, height: 900 });
    await login(again, server.url, 'khaithac');
    await again.goto(viewUrl);
    await expect.poll(() => memberRows(again).count(), { timeout: 30_000 }).toBe(114);
    const total = vnNumber((await table(again).locator('tbody tr[data-kind="total"] td').last().textContent())!);
    expect(total).toBe(shown.grandTotal);
    expect(await again.getByTestId('chip-unit').getAttribute('aria-label')).toBe('Đơn vị, trong Hàng, vị trí 1');

    // It is listed among the saved views, shared with every user.
    await again.getByRole('button', { name: 'Khung nhìn đã lưu' }).click();
    const item = again.getByTestId('saved-views').getByTestId('saved-view').filter({ hasText: VIEW_NAME });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.textContent()).toContain('Mọi người dùng');
    await item.getByRole('button', { name: `Mở khung nhìn ${VIEW_NAME}` }).click();
    await expect.poll(() => again.getByTestId('saved-views').count()).toBe(0);
    await expect.poll(() => memberRows(again).count(), { timeout: 30_000 }).toBe(114);
    await again.context().close();
  });

  it('a commune officer is offered only their commune, and a shared view naming another commune is refused in Vietnamese', async () => {
    // The analyst shares a view of one commune, chosen explicitly.
    await analyst.goto(`${server.url}/khai-thac`);
    await pickIndicator(analyst);
    await analyst.getByRole('radio', { name: 'Chọn đơn vị' }).check();
    const picker = analyst.getByLabel('Các đơn vị', { exact: true });
    await picker.click();
    await picker.fill('Nam Sách');
    await openDropdown(analyst).getByTitle(OTHER_COMMUNE, { exact: true }).first().click();
    await analyst.keyboard.press('Escape');
    await analyst.getByRole('button', { name: 'Xem số liệu' }).click();
    await expect.poll(() => memberRows(analyst).count(), { timeout: 30_000 }).toBe(1);
    expect(await memberRows(analyst).locator('th').first().textContent()).toBe(OTHER_COMMUNE);
    await analyst.getByRole('button', { name: 'Lưu khung nhìn' }).click();
    const dialog = analyst.locator('.ant-modal');
    await dialog.getByLabel('Tên khung nhìn').fill(COMMUNE_VIEW_NAME);
    await dialog.getByRole('radio', { name: 'Mọi người' }).check();
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await analyst.waitForURL(/\/khai-thac\?view=[0-9a-f-]{36}$/u);
    const communeViewUrl = analyst.url();

    // The commune officer's own picker never offers another commune.
    const clerk = await newPage('nhaplieu.xa');
    await clerk.getByRole('radio', { name: 'Chọn đơn vị' }).check();
    const own = clerk.getByLabel('Các đơn vị', { exact: true });
    await own.click();
    await own.fill('Nam Sách');
    await expect.poll(() => openDropdown(clerk).textContent()).toContain('Không có đơn vị phù hợp');
    await clerk.keyboard.press('Escape');

    // Opening the shared link names that commune: refused, with the server's message, and no table.
    await clerk.goto(communeViewUrl);
    const alert = clerk.getByTestId('explore-error');
    await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(1);
    expect(await alert.textContent()).toMatch(/ngoài phạm vi/u);
    expect(await table(clerk).count()).toBe(0);
    expect(await clerk.getByTestId('explore-units').textContent()).toContain('Đơn vị ngoài phạm vi của bạn');
    await screenshot(clerk, 'analytics-refused');
    await clerk.context().close();
  });
});

/**
 * Timeliness statistics, the city's dashboard and the public portal in a real Chromium against
 * `npm start` with the demo province: the city's analyst (khaithac) reads the timeliness page and
 * the demo dashboard (KPI tiles with a figure and its change, the saved view as a chart); the
 * administrator (quantri) publishes a dataset from the shared saved view and stops publishing the
 * demo one; then a citizen's phone, without any login, sees only the published dataset on
 * /cong-khai, with its table, and the Vietnamese 404 for the one withdrawn.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage as openPage, type RunningServer, SCREENSHOTS, screenshot, startServer } from './support.ts';

const DASHBOARD = 'Bảng điều khiển UBND thành phố';
const VIEW = 'Lao động được tạo việc làm theo tháng';
const DEMO_DATASET = 'Lao động được tạo việc làm theo phường, xã';
const NEW_DATASET = 'Lao động được tạo việc làm của thành phố 12 tháng gần nhất';

describe('analytics: timeliness statistics, the city dashboard, publishing on the public portal', () => {
  let server: RunningServer;
  let browser: Browser;
  let withdrawnId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newPage = async (username: string) => {
    const page = await openPage(browser, { width: 1440, height: 900 });
    await login(page, server.url, username);
    return page;
  };
  const openSelect = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

  it('the analyst reads the timeliness statistics: totals, the monthly rate, the ranking and one unit’s records', async () => {
    const page = await newPage('khaithac');
    await page.goto(`${server.url}/tinh-hinh-bao-cao`);
    await page.getByRole('heading', { name: 'Tình hình gửi báo cáo' }).waitFor();

    // The summary cards carry figures once the statistics have loaded (default range: this year).
    const due = page.locator('[data-stat="due"] .ant-statistic-content');
    await expect.poll(() => due.textContent(), { timeout: 20_000 }).toMatch(/^\d[\d.]*$/u);
    const rate = (await page.locator('[data-stat="rate"] .ant-statistic-content').textContent()) ?? '';
    expect(rate).toMatch(/^(–|\d{1,3}(,\d)?%)$/u);
    const range = await page.getByTestId('timeliness-filters').locator('.ant-picker-input input').first().inputValue();
    expect(range).toMatch(/^01\/01\/\d{4}$/u);

    // Every ranked unit is a way into its records; the drawer lists them with outcome tags.
    const ranking = page.getByTestId('timeliness-ranking');
    const rows = ranking.locator('tbody tr.ant-table-row');
    if ((await rows.count()) > 0) {
      const firstUnit = rows.first().locator('td').nth(1);
      const unitName = ((await firstUnit.textContent()) ?? '').trim();
      await firstUnit.getByRole('button').click();
      const drawer = page.getByTestId('timeliness-records');
      await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toContain(unitName);
      await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const outcomes = await drawer.locator('[data-outcome]').allTextContents();
      for (const o of outcomes) expect(o).toMatch(/^(Đúng hạn|Muộn|Không gửi|Chưa đến hạn)/u);
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);
    }
    await screenshot(page, 'analytics-timeliness');

    // "Xuất Excel" downloads the statistics as a workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Xuất Excel/u }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/u);
    await page.context().close();
  });

  it('the analyst opens the city dashboard: KPI tiles show a figure and its change, the saved view draws', async () => {
    const page = await newPage('khaithac');
    await page.goto(`${server.url}/bang-dieu-khien`);
    await page.getByTestId('dashboards-table').getByRole('link', { name: DASHBOARD }).click();
    await page.waitForURL(/\/bang-dieu-khien\/[0-9a-f-]{36}$/u);
    await page.getByRole('heading', { name: DASHBOARD }).waitFor();

    const tiles = page.getByTestId('kpi-tile');
    await expect.poll(() => tiles.count(), { timeout: 20_000 }).toBe(4);
    const jobs = tiles.filter({ hasText: 'Lao động được tạo việc làm' });
    // A Vietnamese figure ("1.234") with the unit of measure, the period, and a change with its arrow.
    await expect.poll(() => jobs.getByTestId('kpi-value').textContent()).toMatch(/^\d{1,3}(\.\d{3})*(,\d+)? Người$/u);
    expect(await jobs.locator('.kpi-period').textContent()).toMatch(/\d/u);
    const change = jobs.locator('.kpi-change[data-direction]').first();
    expect(await change.textContent()).toMatch(/^[▲▼=] \d+(,\d)?% so với kỳ trước/u);
    // Its target is the year's plan (measure KH), compared with the year so far.
    expect(await jobs.getByTestId('kpi-target').textContent()).toMatch(/Lũy kế năm đạt \d+(,\d)?% kế hoạch năm/u);

    // The saved view as a line chart, with the way into the exploration page.
    const view = page.getByTestId('view-tile');
    await expect.poll(() => view.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await view.getByRole('link', { name: /Mở trong Khai thác dữ liệu/u }).getAttribute('href')).toMatch(
      /^\/khai-thac\?view=[0-9a-f-]{36}$/u,
    );
    await screenshot(page, 'analytics-dashboard');

    // "Làm mới" reads the figures again.
    await page.getByRole('button', { name: /Làm mới/u }).click();
    await expect.poll(() => tiles.count()).toBe(4);
    await page.context().close();
  });

  it('the administrator publishes the shared view as a dataset and stops publishing the demo one', async () => {
    const page = await newPage('quantri');
    await page.goto(`${server.url}/cong-khai-du-lieu`);
    const table = page.getByTestId('published-table');
    const row = (title: string) => table.locator('tr.ant-table-row', { hasText: title });
    await expect.poll(() => row(DEMO_DATASET).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('link', { name: /Xem trang công khai/u }).getAttribute('href')).toBe('/cong-khai');

    await page.getByRole('button', { name: /Công khai bộ số liệu/u }).click();
    const dialog = page.locator('.ant-modal', { hasText: 'Công khai bộ số liệu' });
    await dialog.getByLabel('Số liệu theo khung nhìn').click();
    await openSelect(page).locator('.ant-select-item-option', { hasText: VIEW }).first().click();
    await dialog.getByLabel('Tiêu đề công khai').fill(NEW_DATASET);
    await dialog.getByRole('button', { name: 'Công khai', exact: true }).click();
    await expect.poll(() => row(NEW_DATASET).count(), { timeout: 20_000 }).toBe(1);
    expect(await row(NEW_DATASET).textContent()).toContain('Đang công khai');

    withdrawnId = (await row(DEMO_DATASET).getAttribute('data-row-key')) ?? '';
    expect(withdrawnId).toMatch(/^[0-9a-f-]{36}$/u);
    await row(DEMO_DATASET)
      .getByRole('button', { name: /Ngừng công khai/u })
      .click();
    const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)');
    await expect.poll(() => confirm.textContent()).toContain('Người dân sẽ không còn xem được bộ số liệu này');
    await confirm.getByRole('button', { name: 'Ngừng công khai' }).click();
    await expect.poll(() => row(DEMO_DATASET).textContent(), { timeout: 15_000 }).toContain('Đã ngừng công khai');
    await page.context().close();
  });

  it('on a phone without login, /cong-khai shows only the published dataset with its table; the withdrawn one is a Vietnamese 404', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    const response = await page.goto(`${server.url}/cong-khai`);
    expect(response?.status()).toBe(200);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain(NEW_DATASET);
    expect(body).not.toContain(DEMO_DATASET);
    const section = page.locator('section, article', { hasText: NEW_DATASET }).first();
    await expect.poll(() => section.locator('table').count()).toBeGreaterThan(0);
    // The table's figures are Vietnamese numbers.
    expect(await section.locator('table td').allTextContents()).toContainEqual(expect.stringMatching(/^\d{1,3}(\.\d{3})*(,\d+)?$/u));
    // Nothing overflows the phone's width but the table's own scroller.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'public-portal-phone.png'), fullPage: true });

    const gone = await page.goto(`${server.url}/cong-khai/${withdrawnId}`);
    expect(gone?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toMatch(/Không tìm thấy/u);
    expect((await page.locator('body').textContent()) ?? '').not.toContain(DEMO_DATASET);
    await page.context().close();
  });
});

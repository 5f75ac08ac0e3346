/**
 * The indicator library and catalogs as a report owner finds them on a fresh demo: search without
 * diacritics, read an indicator's definition, export the library to Excel, browse a catalog.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningServer, screenshot, startServer } from './support.ts';

describe('indicator library and catalogs', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await login(page, server.url, 'chutri.taichinh');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds an indicator typed without diacritics and shows its definition', async () => {
    await page.getByRole('menuitem', { name: /Kho chỉ tiêu/u }).click();
    await page.waitForURL(/\/chi-tieu/u);
    const table = page.getByTestId('indicators-table');
    await expect.poll(() => table.textContent()).toContain('Dân số trung bình');
    await page.getByLabel('Tìm chỉ tiêu').fill('dan so trung binh');
    await expect.poll(async () => (await table.locator('tbody tr').count()) <= 3).toBe(true);
    await table.getByText('Dân số trung bình', { exact: true }).first().click();
    const drawer = page.getByTestId('indicator-drawer');
    await expect.poll(() => drawer.textContent()).toContain('Người');
    // Disaggregations and sets are shown by name once the catalogs and sets have loaded.
    await expect.poll(() => drawer.textContent()).toMatch(/Giới tính/u);
    await expect.poll(() => drawer.textContent()).toContain('Bộ chỉ tiêu kinh tế - xã hội chủ yếu của tỉnh (mẫu)');
    await screenshot(page, 'indicator-detail');
    await page.keyboard.press('Escape');
  });

  it('exports the library to an Excel file', async () => {
    await page.getByLabel('Tìm chỉ tiêu').fill('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Xuất Excel/u }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/u);
    const file = await download.path();
    expect(readFileSync(file!).subarray(0, 2).toString()).toBe('PK'); // a zip container, as .xlsx is
    await screenshot(page, 'indicators');
  });

  it('lists the indicator sets and opens one with its indicators in order', async () => {
    await page.getByRole('tab', { name: 'Bộ chỉ tiêu' }).click();
    const sets = page.getByTestId('indicator-sets-table');
    await expect.poll(() => sets.textContent()).toContain('Bộ chỉ tiêu kinh tế - xã hội chủ yếu của tỉnh (mẫu)');
    await sets.getByText('Bộ chỉ tiêu kinh tế - xã hội chủ yếu của tỉnh (mẫu)').click();
    const members = page.getByTestId('indicator-set-members');
    await expect.poll(() => members.textContent()).toContain('Dân số trung bình');
    await screenshot(page, 'indicator-set');
    await page.keyboard.press('Escape');
  });

  it('browses the items of a disaggregation catalog', async () => {
    await page.getByRole('menuitem', { name: /^Danh mục$/u }).click();
    await page.waitForURL(/\/danh-muc/u);
    const table = page.getByTestId('catalogs-table');
    await expect.poll(() => table.textContent()).toMatch(/Giới tính/u);
    await table.getByRole('cell', { name: 'Giới tính', exact: true }).click();
    const drawer = page.getByTestId('catalog-drawer');
    await expect.poll(() => drawer.textContent()).toContain('Nữ');
    expect(await drawer.textContent()).toContain('Nam');
    await screenshot(page, 'catalog-detail');
  });
});

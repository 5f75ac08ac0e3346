/**
 * The form designer journey in a real Chromium against `npm start`: a report owner designs a
 * three-level form (I. / 1. / a.) with a computed parent row, a "So sánh (%)" column and a
 * constraint; fills sample values in the preview (the same entry grid units use) and sees the
 * computed cells and the constraint message; publishes; exports to Excel and imports it back.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, screenshot, startServer, newPage as openPage, login as signIn, choose } from './support.ts';

describe('form designer journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let exported = '';
  let formUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newPage = () => openPage(browser, { width: 1600, height: 1000 });
  const login = (page: Page, username: string) => signIn(page, server.url, username);

  const cell = (page: Page, key: string) => page.locator(`[data-testid="preview-grid"] td[data-cell="${key}"]`);

  async function enter(page: Page, key: string, text: string) {
    await cell(page, key).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('designs, previews and publishes a three-level form', async () => {
    const page = await newPage();
    await login(page, 'chutri.taichinh');
    await page.getByRole('menuitem', { name: /Biểu mẫu/u }).click();
    await page.waitForURL(/\/bieu-mau$/u);
    await page.getByRole('button', { name: /Tạo biểu mẫu/u }).click();
    const create = page.getByTestId('create-form-form');
    await create.getByLabel('Tên biểu mẫu').fill('Báo cáo tình hình thu ngân sách nhà nước');
    await create.getByLabel('Ký hiệu biểu').fill('01/BC-TC');
    await page
      .getByRole('button', { name: /^Tạo biểu mẫu$/u })
      .last()
      .click();
    await page.waitForURL(/\/bieu-mau\/[0-9a-f-]{36}/u);
    formUrl = page.url();

    // Step 1: general information.
    await page.locator('#form-field').fill('Tài chính – ngân sách');
    await page.locator('#form-legal').fill('Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ');
    await screenshot(page, 'designer-1-general');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 2: rows by keyboard — Enter adds a row below, Tab indents, Shift+Tab outdents.
    await page.getByRole('button', { name: /Thêm dòng$/u }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Tên chỉ tiêu dòng R01');
    await page.keyboard.type('Tổng thu ngân sách nhà nước trên địa bàn');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thu nội địa');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thu từ doanh nghiệp nhà nước');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Thu từ khu vực ngoài quốc doanh');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Thu từ hoạt động xuất nhập khẩu');
    const rows = page.getByTestId('rows-editor');
    await expect.poll(() => rows.locator('.tree-stt').allTextContents()).toEqual(['I', '1', 'a', 'b', '2']);
    for (const code of ['R01', 'R02', 'R03', 'R04', 'R05']) await page.getByLabel(`Đơn vị tính dòng ${code}`).fill('Triệu đồng');
    await choose(page, 'Loại dòng R01', 'Tính toán');
    await choose(page, 'Loại dòng R02', 'Tính toán');
    expect(await page.getByLabel('Công thức dòng R01').inputValue()).toBe('SUM(CHILDREN)');

    // Columns, with a computed "So sánh (%)".
    const addColumn = page.getByRole('button', { name: /^Thêm cột$/u });
    await addColumn.click();
    await page.getByLabel('Tên cột C1').fill('Dự toán năm');
    await addColumn.click();
    await page.getByLabel('Tên cột C2').fill('Thực hiện kỳ này');
    await addColumn.click();
    await page.getByLabel('Tên cột C3').fill('So sánh (%)');
    await choose(page, 'Kiểu dữ liệu cột C3', 'Tỷ lệ (%)');
    await page.getByLabel('Số chữ số thập phân cột C3').fill('1');
    await choose(page, 'Loại cột C3', 'Tính toán');
    // A syntax error is shown live, with its position; an unknown code too.
    const formula = page.getByLabel('Công thức cột C3');
    await formula.fill('PERCENT(C2,, C1)');
    await expect.poll(() => page.getByTestId('columns-editor').textContent()).toContain('Lỗi cú pháp ở vị trí');
    await formula.fill('PERCENT(C2, C9)');
    await expect.poll(() => page.getByTestId('designer-problems').textContent()).toContain('Mã không tồn tại: C9');
    await formula.fill('PERCENT(C2, C1)');
    await expect.poll(() => page.getByTestId('designer-problems').textContent()).toContain('Không phát hiện vấn đề');

    // A constraint, checked in each row of C2.
    await page.getByRole('button', { name: /Thêm ràng buộc/u }).click();
    await page.getByLabel('Điều kiện ràng buộc 1').fill('C2 <= C1');
    await page.getByLabel('Thông báo ràng buộc 1').fill('Số thực hiện không được vượt dự toán năm.');
    await choose(page, 'Cột của ràng buộc 1', 'C2 – Thực hiện kỳ này');
    await page.getByLabel('Điều kiện ràng buộc 1').click();
    await screenshot(page, 'designer-2-rows-columns');

    // Step 3: layout and preview — the entry grid, with live formulas and checks.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.getByTestId('preview-grid').textContent()).toContain('So sánh (%)');
    await enter(page, 'R03:C1', '1000');
    await enter(page, 'R04:C1', '2.500,5');
    await enter(page, 'R05:C1', '500');
    await enter(page, 'R03:C2', '600');
    await enter(page, 'R04:C2', '3000');
    await expect.poll(() => cell(page, 'R02:C1').textContent()).toBe('3.500,5');
    expect(await cell(page, 'R01:C1').textContent()).toBe('4.000,5');
    expect(await cell(page, 'R01:C2').textContent()).toBe('3.600');
    expect(await cell(page, 'R01:C3').textContent()).toBe('90,0');
    expect(await cell(page, 'R03:C3').textContent()).toBe('60,0');
    await expect.poll(() => page.getByTestId('grid-violations').textContent()).toContain('Số thực hiện không được vượt dự toán năm.');
    await expect.poll(() => cell(page, 'R04:C2').getAttribute('class')).toContain('eg-mark-error');
    await screenshot(page, 'designer-3-preview');

    // Save the draft and publish.
    await page.getByRole('button', { name: /Lưu nháp/u }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('Đã lưu bản nháp.');
    await page
      .getByRole('button', { name: /^Ban hành$/u })
      .first()
      .click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Ban hành' }).click();
    await expect.poll(() => page.locator('.page-title').textContent()).toContain('Đã ban hành');
    await screenshot(page, 'designer-published');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Xuất Excel/u }).click();
    const file = await download;
    exported = path.join(mkdtempSync(path.join(os.tmpdir(), 'form-xlsx-')), 'bieu-mau.xlsx');
    await file.saveAs(exported);
    await page.context().close();
  });

  it('imports the exported Excel file back as a new form', async () => {
    expect(exported).not.toBe('');
    const page = await newPage();
    await login(page, 'chutri.taichinh');
    await page.goto(`${server.url}/bieu-mau`);
    await page.getByRole('button', { name: /Nhập từ Excel/u }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(exported);
    const preview = page.getByTestId('form-import-preview');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('Thu nội địa');
    await page.getByLabel('Ký hiệu biểu nhập').fill('01/BC-TC-NHAP');
    await screenshot(page, 'form-import-review');
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Tạo biểu mẫu' }).click();
    await page.waitForURL((u) => /\/bieu-mau\/[0-9a-f-]{36}/u.test(u.pathname) && u.href !== formUrl);
    await expect.poll(() => page.locator('.page-title').textContent()).toContain('01/BC-TC-NHAP');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.getByTestId('rows-editor').locator('.tree-stt').allTextContents()).toEqual(['I', '1', 'a', 'b', '2']);
    await page.context().close();
  });
});

/**
 * The list form (báo cáo danh sách) and outline (đề cương báo cáo) designers in a real Chromium
 * against `npm start`: a report owner designs a list of projects with a computed column, enters two
 * sample records and sees the "Tổng cộng" line; then an outline with numbered sections, a
 * subsection and a figure quote inserted into the guidance. Both are saved and published.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, screenshot, startServer, newPage as openPage, login as signIn, choose } from './support.ts';

describe('list and outline designers', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newPage = () => openPage(browser, { width: 1600, height: 1100 });
  const login = (page: Page, username: string) => signIn(page, server.url, username);

  async function create(page: Page, kind: string, name: string, code: string) {
    await page.goto(`${server.url}/bieu-mau`);
    await page.getByRole('button', { name: /Tạo biểu mẫu/u }).click();
    const form = page.getByTestId('create-form-form');
    await form.getByText(kind, { exact: true }).click();
    await form.getByLabel('Tên biểu mẫu').fill(name);
    await form.getByLabel('Ký hiệu biểu').fill(code);
    await page
      .getByRole('button', { name: /^Tạo biểu mẫu$/u })
      .last()
      .click();
    await page.waitForURL(/\/bieu-mau\/[0-9a-f-]{36}/u);
    await expect.poll(() => page.locator('.page-title').textContent()).toContain(kind);
  }

  async function saveAndPublish(page: Page) {
    await page.getByRole('button', { name: /Lưu nháp/u }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('Đã lưu bản nháp.');
    await page
      .getByRole('button', { name: /^Ban hành$/u })
      .first()
      .click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Ban hành' }).click();
    await expect.poll(() => page.locator('.page-title').textContent()).toContain('Đã ban hành');
    await expect.poll(() => page.getByRole('button', { name: /Tạo phiên bản mới/u }).count()).toBe(1);
  }

  it('designs a list form, enters sample records, sees the total line, and publishes', async () => {
    const page = await newPage();
    await login(page, 'chutri.taichinh');
    await create(page, 'Báo cáo danh sách', 'Danh sách dự án đầu tư công trên địa bàn', '03/DS-TC');

    await page.getByLabel('Tên cột 1').fill('Tên dự án');
    const addColumn = page.getByRole('button', { name: /^Thêm cột$/u });
    await addColumn.click();
    await page.getByLabel('Tên cột 2').fill('Vốn ngân sách nhà nước');
    await choose(page, 'Kiểu dữ liệu cột 2', 'Số');
    await page.getByLabel('Đơn vị tính cột 2').fill('Triệu đồng');
    await addColumn.click();
    await page.getByLabel('Tên cột 3').fill('Vốn khác');
    await choose(page, 'Kiểu dữ liệu cột 3', 'Số');
    await addColumn.click();
    await page.getByLabel('Tên cột 4').fill('Tổng vốn');
    await choose(page, 'Kiểu dữ liệu cột 4', 'Số');
    await choose(page, 'Loại cột 4', 'Tính toán');
    const formula = page.getByLabel('Công thức cột 4');
    await formula.fill('C2 +');
    await expect.poll(() => page.getByTestId('list-columns-editor').textContent()).toContain('Lỗi cú pháp');
    await formula.fill('C2 + C9');
    await expect.poll(() => page.getByTestId('designer-problems').textContent()).toContain('Mã không tồn tại: C9');
    await formula.fill('C2 + C3');
    for (const n of [2, 3, 4]) await page.getByTestId(`list-column-${n}`).getByText('Cộng tổng').click();
    await expect.poll(() => page.getByTestId('designer-problems').textContent()).toContain('Không phát hiện vấn đề');

    const preview = page.getByTestId('list-preview');
    await preview.getByRole('button', { name: /Thêm bản ghi/u }).click();
    await preview.getByRole('button', { name: /Thêm bản ghi/u }).click();
    await page.getByLabel('C1 bản ghi 1').fill('Đường giao thông liên xã Tân Phú – Tân Hòa');
    await page.getByLabel('C2 bản ghi 1').fill('1.200');
    await page.getByLabel('C3 bản ghi 1').fill('300');
    await page.getByLabel('C1 bản ghi 2').fill('Trường tiểu học Kim Đồng');
    await page.getByLabel('C2 bản ghi 2').fill('800,5');
    await expect.poll(() => page.getByTestId('cell-1-C4').textContent()).toBe('1.500');
    expect(await page.getByTestId('cell-2-C4').textContent()).toBe('800,5');
    expect(await page.getByTestId('list-total-row').textContent()).toContain('Tổng cộng');
    expect(await page.getByTestId('total-C2').textContent()).toBe('2.000,5');
    expect(await page.getByTestId('total-C3').textContent()).toBe('300');
    expect(await page.getByTestId('total-C4').textContent()).toBe('2.300,5');
    // A per-record problem: a negative amount where "Không âm" is ticked.
    await page.getByTestId('list-column-2').getByText('Không âm').click();
    await page.getByLabel('C2 bản ghi 2').fill('-5');
    await expect.poll(() => page.getByTestId('record-problems-2').textContent()).toBeTruthy();
    await page.getByLabel('C2 bản ghi 2').fill('800,5');
    await expect.poll(() => page.getByTestId('record-problems-2').count()).toBe(0);
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'list-designer');

    await saveAndPublish(page);
    expect(await page.getByLabel('Tên cột 1').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('designs an outline with sections, a subsection and a figure quote, and publishes', async () => {
    const page = await newPage();
    await login(page, 'chutri.taichinh');
    await create(page, 'Đề cương báo cáo', 'Đề cương báo cáo tình hình kinh tế – xã hội', 'ĐC-01/TC');

    const tree = page.getByRole('list', { name: 'Cây mục của đề cương' });
    await page.getByLabel('Tiêu đề mục').fill('Tình hình thực hiện nhiệm vụ');
    const guidance = page.getByLabel('Hướng dẫn viết');
    await guidance.fill('Đánh giá kết quả thu ngân sách; thu đạt ');

    await page.getByRole('button', { name: /Thêm trích dẫn số liệu/u }).click();
    await page.getByLabel('Tên trích dẫn 1').fill('thu_ns');
    await page.getByLabel('Ký hiệu biểu trích dẫn 1').fill('01/BC-TC');
    await page.getByLabel('Mã dòng trích dẫn 1').fill('R01');
    await page.getByLabel('Mã cột trích dẫn 1').fill('C2');
    await page.getByRole('button', { name: 'Chèn {{thu_ns}}' }).click();
    await page.keyboard.type(' triệu đồng.');
    expect(await guidance.inputValue()).toBe('Đánh giá kết quả thu ngân sách; thu đạt {{thu_ns}} triệu đồng.');

    await page.getByRole('button', { name: /Thêm mục con/u }).click();
    await page.getByLabel('Tiêu đề mục').fill('Kết quả đạt được');
    await page.getByLabel('Hướng dẫn viết').fill('Nêu các chỉ tiêu chủ yếu đạt và vượt kế hoạch.');
    await tree.getByText('I. Tình hình thực hiện nhiệm vụ').click();
    await page.getByRole('button', { name: /^Thêm mục$/u }).click();
    await page.getByLabel('Tiêu đề mục').fill('Nhiệm vụ, giải pháp thời gian tới');
    await expect
      .poll(() => tree.locator('button').allTextContents())
      .toEqual(['I. Tình hình thực hiện nhiệm vụ', '1. Kết quả đạt được', 'II. Nhiệm vụ, giải pháp thời gian tới']);
    await expect.poll(() => page.getByTestId('outline-preview').textContent()).toContain('[thu_ns]');
    await expect.poll(() => page.getByTestId('designer-problems').textContent()).toContain('Không phát hiện vấn đề');
    await screenshot(page, 'outline-designer');
    await page.getByTestId('outline-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'outline-preview');

    await saveAndPublish(page);
    expect(await page.getByLabel('Tiêu đề mục').isDisabled()).toBe(true);
    await page.context().close();
  });
});

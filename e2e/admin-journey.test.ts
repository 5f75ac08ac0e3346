/**
 * The foundation journey in a real Chromium against the system started with `npm start`:
 * the system administrator creates a division under a department and a data-entry account in it;
 * that user logs in, must change the password, and sees only their own unit.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  newPage as openPage,
  pickTreeNode,
  type RunningServer,
  screenshot,
  startServer,
  submitLogin,
} from './support.ts';

describe('administration journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let temporaryPassword = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newPage = () => openPage(browser);
  const login = (page: Page, username: string, password: string) => submitLogin(page, server.url, username, password);

  /** Picks an option in an antd (Tree)Select by typing part of its label. */
  it('prints the demo accounts on first start', () => {
    expect(server.output()).toContain('Đã khởi tạo dữ liệu mẫu: Thành phố Hải Phòng');
    expect(server.output()).toMatch(/quantri\s+Demo-e2e-2026!\s+Quản trị hệ thống/u);
  });

  it('shows a Vietnamese error for a wrong password', async () => {
    const page = await newPage();
    await login(page, 'quantri', 'mật khẩu sai');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.context().close();
  });

  it('lets the administrator create a division under Sở Y tế and a data-entry account there', async () => {
    const page = await newPage();
    await login(page, 'quantri', DEMO_PASSWORD);
    await page
      .getByRole('menuitem', { name: /Đơn vị/u })
      .first()
      .click();
    await page.waitForURL(/\/don-vi/u);

    // Search without diacritics finds the department.
    await page.getByTestId('unit-search').locator('input').fill('so y te');
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('Sở Y tế', { exact: true }).first().click();
    const detail = page.getByTestId('unit-detail');
    await expect.poll(() => detail.textContent()).toContain('H31.09');

    await detail.getByRole('button', { name: /Thêm đơn vị trực thuộc/u }).click();
    const form = page.getByTestId('unit-form');
    await form.getByLabel('Tên đơn vị').fill('Phòng Thống kê Y tế');
    await form.getByLabel('Loại đơn vị').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle('Phòng, đơn vị trực thuộc').click();
    await page.getByRole('button', { name: /^(Lưu|Tạo đơn vị|Thêm)$/u }).click();
    await page.getByTestId('unit-search').locator('input').fill('thong ke y te');
    await expect.poll(() => tree.textContent()).toContain('Phòng Thống kê Y tế');
    await page.getByTestId('unit-search').locator('input').fill('');
    await screenshot(page, 'unit-tree');

    await page
      .getByRole('menuitem', { name: /Tài khoản/u })
      .first()
      .click();
    await page.waitForURL(/\/tai-khoan/u);
    await page.getByRole('button', { name: /Tạo tài khoản/u }).click();
    const create = page.getByTestId('create-user-form');
    await create.getByLabel('Tên đăng nhập').fill('nhaplieu.thongke');
    await create.getByLabel('Họ và tên').fill('Bùi Thị Thu Hà');
    await create.getByLabel('Chức vụ').fill('Chuyên viên');
    await pickTreeNode(page, create.getByLabel('Đơn vị công tác'), 'Thống kê Y tế', 'Phòng Thống kê Y tế');
    await create.getByRole('button', { name: /Thêm vai trò/u }).click();
    await pickTreeNode(page, create.getByLabel('Vai trò 1'), 'Nhập', 'Nhập liệu');
    await pickTreeNode(page, create.getByLabel('Đơn vị giao quyền 1'), 'Thống kê Y tế', 'Phòng Thống kê Y tế');
    await page
      .getByRole('button', { name: /^Tạo tài khoản$/u })
      .last()
      .click();

    const modal = page.getByTestId('temp-password-modal');
    temporaryPassword = ((await page.getByTestId('temp-password').textContent()) ?? '').trim();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/u);
    await expect.poll(() => modal.textContent()).toContain('đổi');
    await screenshot(page, 'account-created');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-search').locator('input').fill('thu ha');
    const table = page.getByTestId('users-table');
    await expect.poll(() => table.textContent()).not.toContain('quantri');
    expect(await table.textContent()).toContain('nhaplieu.thongke');
    await table.getByRole('button', { name: 'nhaplieu.thongke' }).click();
    await expect.poll(() => page.getByTestId('user-grants').textContent()).toContain('Nhập liệu');
    await screenshot(page, 'account-detail');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-search').locator('input').fill('');
    await expect.poll(() => table.textContent()).toContain('quantri');
    await screenshot(page, 'accounts');

    // Every step above is in the audit log, and the chain verifies.
    await page.getByRole('menuitem', { name: /Nhật ký hệ thống/u }).click();
    await page.waitForURL(/\/nhat-ky/u);
    const audit = page.getByTestId('audit-table');
    await expect.poll(() => audit.textContent()).toContain('Tạo tài khoản');
    expect(await audit.textContent()).toContain('Tạo đơn vị');
    await page.getByRole('button', { name: /Kiểm tra toàn vẹn/u }).click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toMatch(/toàn vẹn/u);
    await screenshot(page, 'audit-log');
    await page.context().close();
  });

  it('makes the new user change the password at first login, then shows only their own unit', async () => {
    const page = await newPage();
    await login(page, 'nhaplieu.thongke', temporaryPassword);
    await page.waitForURL(/\/doi-mat-khau/u);
    const form = page.getByTestId('change-password-form');
    await form.getByLabel('Mật khẩu hiện tại').fill(temporaryPassword);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('nhaplieu.thongke-2026');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('nhaplieu.thongke-2026');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => page.getByTestId('change-password-error').textContent()).toContain('Mật khẩu không được chứa tên đăng nhập.');

    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('Số liệu y tế tháng 11');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('Số liệu y tế tháng 11');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/doi-mat-khau'));

    // No administration menu for a data-entry officer; the unit list holds their unit only.
    await expect.poll(() => page.getByRole('menuitem', { name: /Tài khoản$/u }).count()).toBe(0);
    const units = await page.evaluate(async () => (await (await fetch('/api/v1/units')).json()) as { items: { name: string }[] });
    expect(units.items.map((u) => u.name)).toEqual(['Phòng Thống kê Y tế']);
    const users = await page.evaluate(async () => (await fetch('/api/v1/users')).status);
    expect(users).toBe(403);
    await screenshot(page, 'data-entry-home');
    await page.context().close();
  });
});

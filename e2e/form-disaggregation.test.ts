/**
 * A row linked to an indicator of the library carries its disaggregation (phân tổ): the designer
 * picks "Dân số trung bình" for a row and Giới tính = Nữ, and the saved draft records both.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningServer, screenshot, startServer } from './support.ts';

describe('row disaggregation in the designer', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, { width: 1600, height: 1000 });
    await login(page, server.url, 'chutri.taichinh');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = (method: string, url: string, body?: unknown) =>
    page.evaluate(
      async ({ method, url, body }) => {
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string; user: { grants: { unitId: string }[] } };
        const res = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, json: (await res.json()) as Record<string, unknown>, unitId: me.user.grants[0]!.unitId };
      },
      { method, url, body },
    );

  it('links a row to an indicator and one of its categories, and saves them with the draft', async () => {
    const unitId = (await api('GET', '/api/v1/auth/me')).unitId;
    const created = await api('POST', '/api/v1/forms', {
      kind: 'table',
      ownerUnitId: unitId,
      definition: {
        name: 'Dân số chia theo giới tính',
        code: '05/DS',
        rows: [{ id: 'nu', code: 'R01', name: 'Dân số nữ', unit: 'Người', kind: 'input' }],
        columns: [{ code: 'C1', name: 'Số người' }],
      },
    });
    expect(created.status).toBe(201);
    const formId = created.json.id as string;
    await page.goto(`${server.url}/bieu-mau/${formId}`);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Tên chỉ tiêu dòng R01').click();

    await page.locator('#row-nu-indicator').click();
    await page.keyboard.type('dan so trung binh');
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await open
      .last()
      .getByTitle(/^DS_TB – Dân số trung bình/u)
      .click();
    await expect.poll(() => open.count()).toBe(0);
    await page.getByLabel('Phân tổ theo Giới tính').click();
    await open.last().getByTitle('Nữ', { exact: true }).click();
    await expect.poll(() => open.count()).toBe(0);
    await screenshot(page, 'designer-disaggregation');

    await page.getByRole('button', { name: /Lưu nháp/u }).click();
    await expect
      .poll(async () => {
        const summary = (await api('GET', `/api/v1/forms/${formId}`)).json as { draft: { id: string; revision: number } };
        const version = (await api('GET', `/api/v1/forms/${formId}/versions/${summary.draft.id}`)).json as {
          definition: { rows: { indicatorCode?: string; disaggregation?: Record<string, string> }[] };
        };
        return version.definition.rows[0];
      })
      .toMatchObject({ indicatorCode: 'DS_TB', disaggregation: { GIOI_TINH: 'NU' } });
  });
});

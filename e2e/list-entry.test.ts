/**
 * Entry of a list form (báo cáo danh sách) in a real Chromium against `npm start`. Set up through
 * the API as the designer demo account (chutri.taichinh): a list of public investment projects
 * (03/DA-XA: Mã dự án, Tên dự án, Vốn ngân sách in Triệu đồng with a total, Ngày khởi công, Đã
 * hoàn thành) on a monthly regime assigned to the demo commune. The commune officer (nhaplieu.xa)
 * types two records (Tab through the cells, Enter adds the next record), the second with "một tỷ"
 * as its budget, pastes the third from Excel, sees the problem on the cell and in the list, jumps
 * to it and fixes it; after a reload the three records are there as typed. Then 300 more records
 * are pasted at once (the rows are virtualised), a problem on record 253 is jumped to and fixed,
 * and the 303 records are submitted.
 *
 * Figures (Triệu đồng): DA01 1.250,5 + DA02 1.000 + DA03 800 = 3.050,5.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningServer, screenshot, startServer } from './support.ts';

const REGIME_NAME = 'Báo cáo danh sách dự án đầu tư công cấp xã';
const BAD_BUDGET = 'Bản ghi thứ 2, cột "Vốn ngân sách": "một tỷ" không phải là số.';

type Api = (method: string, url: string, body?: unknown) => Promise<{ status: number; json: Record<string, unknown> }>;

/** JSON requests from the signed-in page, with its session and csrf token. */
const apiOf =
  (page: Page): Api =>
  (method, url, body) =>
    page.evaluate(
      async ({ method, url, body }) => {
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
        const res = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, json: (await res.json()) as Record<string, unknown> };
      },
      { method, url, body },
    );

describe('a commune enters the records of a list form', () => {
  let server: RunningServer;
  let browser: Browser;
  let clerk: Page;
  let reportId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    clerk = await newPage(browser, { width: 1600, height: 1000 });
    await login(clerk, server.url, 'nhaplieu.xa');
    const communeId = ((await apiOf(clerk)('GET', '/api/v1/auth/me')).json.user as { unitId: string }).unitId;

    const designer = await newPage(browser);
    await login(designer, server.url, 'chutri.taichinh');
    const api = apiOf(designer);
    const me = (await api('GET', '/api/v1/auth/me')).json.user as { unitId: string };
    const form = await api('POST', '/api/v1/forms', {
      kind: 'list',
      ownerUnitId: me.unitId,
      definition: {
        name: 'Danh sách dự án đầu tư công trên địa bàn xã',
        code: '03/DA-XA',
        columns: [
          { code: 'MA', name: 'Mã dự án', checks: ['required', 'unique'] },
          { code: 'TEN', name: 'Tên dự án', checks: ['required'] },
          { code: 'VON', name: 'Vốn ngân sách', type: 'number', unit: 'Triệu đồng', checks: ['non_negative'] },
          { code: 'NGAY', name: 'Ngày khởi công', type: 'date' },
          { code: 'XONG', name: 'Đã hoàn thành', type: 'boolean' },
        ],
        totalColumns: ['VON'],
      },
    });
    expect(form.status, JSON.stringify(form.json)).toBe(201);
    const formId = form.json.id as string;
    const published = await api('POST', `/api/v1/forms/${formId}/publish`, {
      revision: (form.json.draft as { revision: number }).revision,
      note: 'Ban hành để thử nhập danh sách',
    });
    expect(published.status, JSON.stringify(published.json)).toBe(200);

    const directory = (await api('GET', '/api/v1/units/directory')).json as unknown as
      { items: { id: string; name: string }[] } | { id: string; name: string }[];
    const units = Array.isArray(directory) ? directory : directory.items;
    const finance = units.find((u) => u.name === 'Sở Tài chính')!;
    expect(finance).toBeDefined();
    const regime = await api('POST', '/api/v1/regimes', {
      ownerUnitId: me.unitId,
      code: 'DA-XA-THANG',
      content: {
        name: REGIME_NAME,
        content: 'Danh sách các dự án đầu tư công đang thực hiện trên địa bàn xã.',
        contentKind: 'numeric',
        kind: 'dinh_ky',
        legalBasis: { documentNumber: '09/2019/NĐ-CP', documentDate: '2019-01-24', issuer: 'Chính phủ' },
        reportingUnits: { mode: 'explicit', unitIds: [communeId] },
        receivingUnitId: finance.id,
        sendingMethods: ['phan_mem'],
        windowMode: 'cutoff',
        deadlines: [{ label: 'UBND cấp xã gửi Sở Tài chính', rule: { kind: 'day_of_month', monthOffset: 0, day: 18, time: '17:00' } }],
        frequency: 'month',
        outlineFormId: null,
        formIds: [formId],
        effectiveFrom: new Date().toISOString().slice(0, 10),
      },
    });
    expect(regime.status, JSON.stringify(regime.json)).toBe(201);
    const regimeId = regime.json.id as string;
    const opened = await api('POST', `/api/v1/regimes/${regimeId}/publish`, {
      revision: (regime.json.draft as { revision: number }).revision,
      note: 'Ban hành',
    });
    expect(opened.status, JSON.stringify(opened.json)).toBe(200);
    await designer.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const cell = (key: string) => clerk.getByTestId(`list-cell-${key}`);
  const saved = () => expect.poll(() => clerk.getByTestId('save-indicator').textContent(), { timeout: 20_000 }).toMatch(/Đã lưu lúc/u);
  const problems = () => clerk.getByTestId('list-problems');

  it('types two records with Tab and Enter, pastes a third from Excel, sees the bad budget and fixes it', async () => {
    await clerk.goto(`${server.url}/viec-can-lam`);
    const task = clerk.getByTestId('task-item').filter({ hasText: REGIME_NAME });
    await task.getByRole('button', { name: /Nhập báo cáo/u }).click();
    await clerk.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/u);
    reportId = clerk.url().split('/').pop()!;
    await expect.poll(() => clerk.getByTestId('list-count').textContent()).toBe('0 bản ghi');

    // Record 1: "Thêm bản ghi" puts the cursor in its first cell; Tab goes along, Enter on the last record adds one.
    await clerk.getByTestId('list-add').click();
    await expect.poll(() => clerk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('list-cell-1:MA');
    await clerk.keyboard.type('DA01');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('Trường mầm non Hoa Sen');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('1.250,5');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('03/01/2026');
    await clerk.keyboard.press('Enter');

    // Record 2, with words where the budget goes.
    await expect.poll(() => clerk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('list-cell-2:MA');
    await clerk.keyboard.type('DA02');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('Nhà văn hóa thôn Đông');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('một tỷ');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('28/02/2026');
    await clerk.keyboard.press('Enter');

    // Record 3 from Excel: a row pasted into the new record's first cell.
    await expect.poll(() => clerk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('list-cell-3:MA');
    await clerk.evaluate((data) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', data);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, 'DA03\tCầu Bến Đò\t800\t15/03/2026\tCó\r\n');
    await expect.poll(() => cell('3:TEN').inputValue()).toBe('Cầu Bến Đò');
    expect(await cell('3:VON').inputValue()).toBe('800');
    expect(await cell('3:NGAY').inputValue()).toBe('15/03/2026');
    expect(await cell('3:XONG').isChecked()).toBe(true);

    await expect.poll(() => clerk.getByTestId('list-count').textContent()).toBe('3 bản ghi');
    expect(await cell('1:VON').inputValue()).toBe('1.250,5');
    expect(await cell('1:NGAY').inputValue()).toBe('03/01/2026');
    // The words stay as typed, marked on their cell and listed.
    expect(await cell('2:VON').inputValue()).toBe('một tỷ');
    await expect.poll(() => cell('2:VON').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => problems().textContent()).toContain(BAD_BUDGET);
    // Only the numbers count in the total: 1.250,5 + 800.
    await expect.poll(() => clerk.getByTestId('list-total-VON').textContent()).toBe('2.050,5');
    await saved();
    await screenshot(clerk, 'list-entry-problem');

    // The problem is a link to its cell; the officer types the figure there.
    await problems().getByRole('button', { name: BAD_BUDGET }).click();
    await expect.poll(() => clerk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('list-cell-2:VON');
    await clerk.keyboard.type('1.000');
    await clerk.keyboard.press('Tab');
    await expect.poll(() => problems().count()).toBe(0);
    await expect.poll(() => cell('2:VON').getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => clerk.getByTestId('list-total-VON').textContent()).toBe('3.050,5');
    await saved();
    await screenshot(clerk, 'list-entry');
  });

  it('after a reload the three records are there as entered, stored as plain values', async () => {
    await clerk.reload();
    await expect.poll(() => clerk.getByTestId('list-count').textContent(), { timeout: 20_000 }).toBe('3 bản ghi');
    expect(await cell('1:TEN').inputValue()).toBe('Trường mầm non Hoa Sen');
    expect(await cell('2:VON').inputValue()).toBe('1.000');
    expect(await cell('3:MA').inputValue()).toBe('DA03');
    expect(await clerk.getByTestId('list-total-VON').textContent()).toBe('3.050,5');
    expect(await problems().count()).toBe(0);
    const detail = (await apiOf(clerk)('GET', `/api/v1/reports/${reportId}`)).json as {
      forms: { versionId: string }[];
      version: { data: { forms: Record<string, { records?: Record<string, unknown>[] }> } };
    };
    expect(detail.version.data.forms[detail.forms[0]!.versionId]!.records).toEqual([
      { MA: 'DA01', TEN: 'Trường mầm non Hoa Sen', VON: '1250.5', NGAY: '2026-01-03' },
      { MA: 'DA02', TEN: 'Nhà văn hóa thôn Đông', VON: '1000', NGAY: '2026-02-28' },
      { MA: 'DA03', TEN: 'Cầu Bến Đò', VON: '800', NGAY: '2026-03-15', XONG: true },
    ]);
  });

  it('takes 300 more records pasted at once, jumps to a problem far down the list, and submits them all', async () => {
    // Excel rows DA100 … DA399, each with 10 Triệu đồng, but "nhiều" where record 253 has its budget.
    const rows = Array.from({ length: 300 }, (_, i) => `DA${100 + i}\tDự án số ${100 + i}\t${i === 249 ? 'nhiều' : '10'}\t01/12/2026\r\n`);
    await clerk.evaluate((data) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', data);
      const table = document.querySelector('[data-testid="list-entry"]')!;
      table.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, rows.join(''));
    await expect.poll(() => clerk.getByTestId('list-count').textContent()).toBe('303 bản ghi');
    // Only the rows in view are in the page.
    expect(await clerk.locator('[data-testid^="list-cell-"][data-testid$=":MA"]').count()).toBeLessThan(100);
    const far = 'Bản ghi thứ 253, cột "Vốn ngân sách": "nhiều" không phải là số.';
    await expect.poll(() => problems().textContent()).toContain(far);
    await problems().getByRole('button', { name: far }).click();
    await expect.poll(() => clerk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('list-cell-253:VON');
    await clerk.keyboard.type('10');
    await clerk.keyboard.press('Tab');
    await expect.poll(() => problems().count()).toBe(0);
    // 3.050,5 + 300 × 10 = 6.050,5
    await expect.poll(() => clerk.getByTestId('list-total-VON').textContent()).toBe('6.050,5');
    await saved();

    // Submitted as it is: the server finds nothing wrong with the records either; they are then read-only.
    await clerk.getByTestId('workflow-bar').getByRole('button', { name: 'Trình', exact: true }).click();
    await expect.poll(() => clerk.getByTestId('report-state').textContent(), { timeout: 20_000 }).toBe('Đã trình');
    // The view stays where she was (record 253), now as text.
    await expect.poll(() => cell('253:VON').textContent()).toBe('10');
    expect(await cell('253:MA').textContent()).toBe('DA349');
    expect(await clerk.getByTestId('list-add').count()).toBe(0);
    expect(await clerk.getByTestId('list-count').textContent()).toBe('303 bản ghi');
    await screenshot(clerk, 'list-entry-submitted');
  });
});

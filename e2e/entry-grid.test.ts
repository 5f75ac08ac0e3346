/**
 * The entry grid as a spreadsheet, in a real Chromium against `npm start`, in the preview of the
 * demo budget form 01/TC-NS (the same grid units fill): a 3×2 block of Vietnamese numbers pasted
 * from Excel updates the totals; Ctrl+Z takes the whole paste back and Ctrl+Y does it again;
 * copy gives TSV that Excel reads back; Shift+arrows and Delete clear a range; a paste with text
 * in a number column names the refused cell in Vietnamese. Then a 2,021-row × 10-column form:
 * only the rows in view are in the page, and the time from Enter to the grand total is printed.
 */
import type { FormInput } from '@baocao/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login as signIn, newPage as openPage, type RunningServer, screenshot, startServer } from './support.ts';

describe('entry grid: paste, undo, copy and range selection', () => {
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

  const newPage = () => openPage(browser, { width: 1600, height: 1000 });
  const grid = (page: Page) => page.locator('[data-testid="preview-grid"] [role="grid"]');
  const cell = (page: Page, key: string) => page.locator(`[data-testid="preview-grid"] td[data-cell="${key}"]`);
  const text = (page: Page, key: string) => cell(page, key).textContent();
  const report = (page: Page) => page.getByTestId('grid-paste-report');

  /** A paste from the system clipboard, as Ctrl+V delivers it to the focused grid. */
  async function paste(page: Page, tsv: string) {
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', data);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, tsv);
  }

  /** A copy, as Ctrl+C asks the focused grid for it: what the grid put on the clipboard. */
  async function copy(page: Page): Promise<string> {
    return page.evaluate(() => {
      const dt = new DataTransfer();
      document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
      return dt.getData('text/plain');
    });
  }

  async function openBudgetPreview(page: Page) {
    await signIn(page, server.url, 'chutri.taichinh');
    await page.getByRole('menuitem', { name: /Biểu mẫu/u }).click();
    await page.waitForURL(/\/bieu-mau$/u);
    await page.getByRole('button', { name: '01/TC-NS', exact: true }).first().click();
    await page.waitForURL(/\/bieu-mau\/[0-9a-f-]{36}/u);
    await page.getByText('Bố cục và xem trước', { exact: true }).click();
    await expect.poll(() => page.getByTestId('preview-grid').textContent()).toContain('Thu từ doanh nghiệp nhà nước');
  }

  it('pastes a 3×2 block, undoes and redoes it, copies it back and clears a range', async () => {
    const page = await newPage();
    await openBudgetPreview(page);

    // Rows: THU = I, THU_ND = 1 (sum of DNNN, FDI, NQD, TNCN, SDD), …; columns DT (Dự toán năm) and TH (Tháng báo cáo) are inputs.
    await cell(page, 'DNNN:DT').click();
    await expect.poll(() => grid(page).getAttribute('data-active-cell')).toBe('DNNN:DT');
    await paste(page, '1.234,5\t2\r\n10\t20\r\n3\t4\r\n');
    await expect.poll(() => text(page, 'DNNN:DT')).toBe('1.234,5');
    expect(await text(page, 'DNNN:TH')).toBe('2');
    expect(await text(page, 'FDI:DT')).toBe('10');
    expect(await text(page, 'FDI:TH')).toBe('20');
    expect(await text(page, 'NQD:DT')).toBe('3');
    expect(await text(page, 'NQD:TH')).toBe('4');
    // 1.234,5 + 10 + 3 = 1.247,5 in Thu nội địa and in the grand total; 2 + 20 + 4 = 26.
    expect(await text(page, 'THU_ND:DT')).toBe('1.247,5');
    expect(await text(page, 'THU:DT')).toBe('1.247,5');
    expect(await text(page, 'THU_ND:TH')).toBe('26');
    await expect.poll(() => report(page).textContent()).toContain('Đã dán 6 ô.');
    // The pasted block is selected, its top-left cell active.
    expect(await page.locator('[data-testid="preview-grid"] td.eg-sel').count()).toBe(6);
    await screenshot(page, 'entry-grid-paste');

    // Copy gives the block back as Excel reads it (vi-VN: decimal comma, no grouping), computed total included.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await copy(page)).toBe('1247,5\t26\r\n1234,5\t2\r\n10\t20\r\n3\t4\r\n');

    // Ctrl+Z takes back the whole paste; Ctrl+Y does it again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(page, 'DNNN:DT')).toBe('');
    expect(await text(page, 'NQD:TH')).toBe('');
    expect(await text(page, 'THU_ND:DT')).not.toBe('1.247,5');
    await expect.poll(() => page.getByRole('button', { name: /Làm lại/u }).isEnabled()).toBe(true);
    await page.keyboard.press('Control+y');
    await expect.poll(() => text(page, 'THU_ND:DT')).toBe('1.247,5');
    expect(await text(page, 'NQD:TH')).toBe('4');

    // F2 edits keeping the text, Escape cancels; typing replaces and Enter moves down.
    await cell(page, 'DNNN:DT').click();
    await page.keyboard.press('F2');
    await expect.poll(() => page.locator('.eg-editor').inputValue()).toBe('1234,5');
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    await expect.poll(() => text(page, 'DNNN:DT')).toBe('1.234,5');
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'THU_ND:DT')).toBe('1.013');
    expect(await grid(page).getAttribute('data-active-cell')).toBe('FDI:DT');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(page, 'THU_ND:DT')).toBe('1.247,5');

    // Shift+arrows select DNNN..FDI × DT..TH; Delete clears the four cells at once (one undo step).
    await cell(page, 'DNNN:DT').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.locator('[data-testid="preview-grid"] td.eg-sel').count()).toBe(4);
    await page.keyboard.press('Delete');
    await expect.poll(() => text(page, 'THU_ND:DT')).toBe('3');
    expect(await text(page, 'DNNN:DT')).toBe('');
    expect(await text(page, 'FDI:TH')).toBe('');
    expect(await text(page, 'NQD:TH')).toBe('4');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(page, 'THU_ND:DT')).toBe('1.247,5');

    // Shift+click and a mouse drag select too; Ctrl+A selects every cell.
    await cell(page, 'DNNN:DT').click();
    await cell(page, 'NQD:TH').click({ modifiers: ['Shift'] });
    expect(await page.locator('[data-testid="preview-grid"] td.eg-sel').count()).toBe(6);
    const from = await cell(page, 'FDI:DT').boundingBox();
    const to = await cell(page, 'NQD:LK').boundingBox();
    await page.mouse.move(from!.x + 10, from!.y + 10);
    await page.mouse.down();
    await page.mouse.move(to!.x + 10, to!.y + 10, { steps: 4 });
    await page.mouse.up();
    expect(await page.locator('[data-testid="preview-grid"] td.eg-sel').count()).toBe(6);
    await page.keyboard.press('Control+a');
    expect(await page.locator('[data-testid="preview-grid"] td.eg-sel').count()).toBe(11 * 6);
    await page.context().close();
  });

  it('refuses text in a number column and says which cell, in Vietnamese', async () => {
    const page = await newPage();
    await openBudgetPreview(page);
    await cell(page, 'DNNN:DT').click();
    await paste(page, 'abc\t5\r\n7\t8\t9\t9\r\n');
    await expect.poll(() => report(page).textContent()).toContain('Đã dán 3 ô.');
    const said = await report(page).textContent();
    expect(said).toContain('1 ô không được ghi vì giá trị không hợp lệ');
    expect(said).toContain('Dòng a – Thu từ doanh nghiệp nhà nước, cột 1 – Dự toán năm: “abc” không phải là số.');
    // LK and SS_DT are computed in both rows: skipped, never overwritten.
    expect(said).toContain('Bỏ qua 4 ô tự tính (có công thức)');
    expect(await text(page, 'DNNN:DT')).toBe('');
    expect(await text(page, 'DNNN:TH')).toBe('5');
    expect(await text(page, 'FDI:DT')).toBe('7');
    await screenshot(page, 'entry-grid-paste-rejected');
    await page.context().close();
  });

  it('stays quick with 2,021 rows × 10 columns: only rows in view are rendered', async () => {
    const page = await newPage();
    await signIn(page, server.url, 'chutri.taichinh');
    const id = await page.evaluate(async (definition) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch('/api/v1/forms', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ kind: 'table', ownerUnitId: me.user.unitId, definition }),
      });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      return (await res.json()).id as string;
    }, bigForm());
    await page.goto(`${server.url}/bieu-mau/${id}`);
    await page.getByText('Bố cục và xem trước', { exact: true }).click();
    await expect.poll(() => cell(page, 'R1_1_1:KH').count(), { timeout: 30_000 }).toBe(1);
    const rendered = await page.locator('[data-testid="preview-grid"] tbody tr[data-r]').count();
    expect(rendered).toBeLessThan(80);

    // Time from Enter (in the cell editor) to the grand total showing the new sum.
    await page.evaluate(() => {
      const w = window as unknown as { timing: { key?: number; total?: number } };
      w.timing = {};
      const root = document.querySelector('[data-testid="preview-grid"] [role="grid"]')!;
      root.addEventListener(
        'keydown',
        (e) => ((e as KeyboardEvent).key === 'Enter' ? (w.timing.key = performance.now()) : undefined),
        true,
      );
      const total = document.querySelector('td[data-cell="TONG:KH"]')!;
      new MutationObserver(() => (w.timing.total ??= performance.now())).observe(total, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const times: number[] = [];
    for (const [i, key] of ['R1_1_1:KH', 'R1_1_2:KH', 'R1_1_3:KH'].entries()) {
      await page.evaluate(() => ((window as unknown as { timing: object }).timing = {}));
      await cell(page, key).click();
      await page.keyboard.type(String(i + 5));
      await page.keyboard.press('Enter');
      await expect.poll(() => text(page, 'TONG:KH')).toBe(String([5, 11, 18][i]));
      const t = await page.evaluate(() => (window as unknown as { timing: { key: number; total: number } }).timing);
      times.push(t.total - t.key);
    }
    console.log(`entry grid, 2,021 × 10: Enter → grand total updated in ${times.map((t) => `${t.toFixed(1)} ms`).join(', ')}`);

    const scrolled = await page.evaluate(async () => {
      const el = document.querySelector<HTMLElement>('[data-testid="preview-grid"] [role="grid"]')!;
      const t0 = performance.now();
      el.scrollTop = el.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { ms: performance.now() - t0, last: !!el.querySelector('tr[data-row="R20_4_24"]') };
    });
    console.log(`entry grid, 2,021 × 10: scroll to the last row rendered in ${scrolled.ms.toFixed(1)} ms`);
    expect(scrolled.last).toBe(true);
    expect(await page.locator('[data-testid="preview-grid"] tbody tr[data-r]').count()).toBeLessThan(80);
    await page.context().close();
  });
});

type RowInput = NonNullable<FormInput['rows']>[number];

/** 1 grand total + 20 sections × (4 groups × 24 items + 4 group totals) = 2,021 rows; 10 columns, 3 of them computed. */
function bigForm(): FormInput {
  const sections: RowInput[] = [];
  for (let s = 1; s <= 20; s++) {
    const groups: RowInput[] = [];
    for (let g = 1; g <= 4; g++) {
      const items: RowInput[] = [];
      for (let i = 1; i <= 24; i++)
        items.push({ id: `r${s}-${g}-${i}`, code: `R${s}_${g}_${i}`, name: `Chỉ tiêu ${s}.${g}.${i}`, kind: 'input' });
      groups.push({
        id: `r${s}-${g}`,
        code: `R${s}_${g}`,
        name: `Nhóm ${s}.${g}`,
        kind: 'computed',
        formula: 'SUM(CHILDREN)',
        children: items,
      });
    }
    sections.push({ id: `r${s}`, code: `R${s}`, name: `Phần ${s}`, kind: 'computed', formula: 'SUM(CHILDREN)', children: groups });
  }
  return {
    name: 'Biểu thử hiệu năng bảng nhập liệu',
    code: 'HN-2000',
    rows: [{ id: 'tong', code: 'TONG', name: 'Tổng số', kind: 'computed', formula: 'SUM(CHILDREN)', children: sections }],
    columns: [
      { code: 'KH', name: 'Kế hoạch năm' },
      { code: 'KN', name: 'Kỳ này' },
      { code: 'LK', name: 'Lũy kế', kind: 'computed', formula: 'YTD(KN)' },
      { code: 'CK', name: 'Cùng kỳ năm trước' },
      { code: 'SS', name: 'So sánh (%)', type: 'percent', decimals: 1, kind: 'computed', formula: 'PERCENT(KN, CK)' },
      { code: 'TL', name: 'Tỷ lệ kế hoạch (%)', type: 'percent', decimals: 1, kind: 'computed', formula: 'PERCENT(KN, KH)' },
      { code: 'D1', name: 'Số đơn vị báo cáo', type: 'integer' },
      { code: 'D2', name: 'Số đơn vị đạt', type: 'integer' },
      { code: 'D3', name: 'Dự kiến kỳ sau' },
      { code: 'GC', name: 'Ghi chú', type: 'text' },
    ],
  };
}

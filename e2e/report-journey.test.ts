/**
 * A commune's monthly budget report from the grid to the department's consolidation, in a real
 * Chromium against `npm start`, on the seeded regime NS-XA-THANG (form 01/TC-NS, outline
 * ĐC-01/KTXH): the commune officer pastes a block of figures from the clipboard, one of them
 * negative in "Tháng báo cáo", sees the cell marked and listed, fixes it, explains the warning the
 * figures raise, writes the narrative and submits; the leader approves and sends; Sở Tài chính
 * returns it with a reason the officer reads on the timeline; she corrects a figure and resends,
 * and it is accepted; the period's consolidation shows the commune's total with drill-down and
 * the units still missing; a correction (đính chính) opens version 2, whose difference from
 * version 1 is shown before → after in Vietnamese number format.
 *
 * Figures (Triệu đồng), columns DT (Dự toán năm) and TH (Tháng báo cáo), LK = YTD(TH) = TH in the
 * first period of a fresh database:
 *   DNNN 1.200 | 150 → 175 after the return     FDI 800 | -30 → 80 (the non-negative error, fixed)
 *   NQD    500 | 45,5     TNCN 300 | 20     SDD 100 | 250 (LK 250 > DT×2 = 200: the one warning)
 *   THU/TH = 150 + 80 + 45,5 + 20 + 250 = 545,5; after the return 175 + … = 570,5.
 *   THU/DT = 1.200 + 800 + 500 + 300 + 100 = 2.900. Version 2 changes DNNN/DT 1.200 → 1.250,75.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login as signIn, newPage as openPage, type RunningServer, screenshot, startServer } from './support.ts';

const RETURN_REASON = 'Số thu từ doanh nghiệp nhà nước chưa khớp với số liệu của Kho bạc Nhà nước.';
const CORRECTION_REASON = 'Dự toán thu từ doanh nghiệp nhà nước đã được điều chỉnh theo Nghị quyết của HĐND xã.';
const WARNING_EXPLANATION = 'Trong tháng thu tiền sử dụng đất một lần của dự án khu dân cư mới.';

describe('a commune report: entry, approval, return, acceptance, consolidation and correction', () => {
  let server: RunningServer;
  let browser: Browser;
  let clerk: Page;
  let leader: Page;
  let receiver: Page;
  let reportUrl = '';
  let report: { id: string; periodId: string; unitName: string };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newPage = async (username: string) => {
    const page = await openPage(browser, { width: 1600, height: 1000 });
    await signIn(page, server.url, username);
    return page;
  };
  const cell = (page: Page, key: string) => page.locator(`[data-testid="report-grid"] td[data-cell="${key}"]`);
  const text = (page: Page, key: string) => cell(page, key).textContent();
  const state = (page: Page) => page.getByTestId('report-state').textContent();
  const button = (page: Page, name: string) => page.getByTestId('workflow-bar').getByRole('button', { name, exact: true });
  const saved = (page: Page) =>
    expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 20_000 }).toMatch(/Đã lưu lúc/u);
  const timeline = (page: Page) => page.getByTestId('timeline-item');

  /** A paste from the system clipboard, as Ctrl+V delivers it to the focused grid. */
  async function paste(page: Page, tsv: string) {
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', data);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, tsv);
  }

  /** Types a figure into a cell as a user does: select it, type (replaces), Enter. */
  async function type(page: Page, key: string, value: string) {
    await cell(page, key).click();
    await expect.poll(() => page.locator('[data-testid="report-grid"] [role="grid"]').getAttribute('data-active-cell')).toBe(key);
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }

  /** Presses a workflow step and waits for the state it leads to; approving and sending sign, once confirmed. */
  async function step(page: Page, action: string, to: string) {
    await button(page, action).click();
    if (action === 'Duyệt' || action === 'Gửi') {
      await page
        .locator('.ant-modal')
        .getByRole('button', { name: `${action} và ký số`, exact: true })
        .click();
    }
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe(to);
  }

  /** A step that asks for a reason: the dialog's "Lý do", then its own button. */
  async function stepWithReason(page: Page, action: string, reason: string, to: string) {
    await button(page, action).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByLabel('Lý do').fill(reason);
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await expect.poll(() => state(page), { timeout: 20_000 }).toBe(to);
  }

  async function openTab(page: Page, name: RegExp | string) {
    await page.getByRole('tab', { name }).click();
  }

  it('the officer pastes a block, fixes the negative figure, explains the warning, writes the narrative and submits', async () => {
    clerk = await newPage('nhaplieu.xa');
    await clerk.goto(`${server.url}/viec-can-lam`);
    await clerk
      .getByRole('button', { name: /Nhập báo cáo/u })
      .first()
      .click();
    await clerk.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/u);
    reportUrl = clerk.url();
    await expect.poll(() => state(clerk)).toBe('Đang soạn');
    expect(await clerk.getByTestId('report-version').textContent()).toBe('Phiên bản 1');
    const id = reportUrl.split('/').pop()!;
    report = await clerk.evaluate(async (reportId) => {
      const res = await fetch(`/api/v1/reports/${reportId}`);
      const d = (await res.json()) as { id: string; periodId: string; unitName: string };
      return { id: d.id, periodId: d.periodId, unitName: d.unitName };
    }, id);
    expect(report.id).toBe(id);

    // A 5 × 2 block from Excel, Vietnamese number format, one negative figure in "Tháng báo cáo".
    await cell(clerk, 'DNNN:DT').click();
    await paste(clerk, '1.200\t150\r\n800\t-30\r\n500\t45,5\r\n300\t20\r\n100\t250\r\n');
    await expect.poll(() => text(clerk, 'DNNN:DT')).toBe('1.200');
    expect(await text(clerk, 'FDI:TH')).toBe('-30');
    expect(await text(clerk, 'NQD:TH')).toBe('45,5');
    expect(await text(clerk, 'SDD:TH')).toBe('250');
    const negative = '"Thu từ doanh nghiệp có vốn đầu tư nước ngoài" – cột "Tháng báo cáo" không được là số âm.';
    await expect.poll(() => cell(clerk, 'FDI:TH').getAttribute('class')).toContain('eg-mark-error');
    expect(await cell(clerk, 'FDI:TH').getAttribute('title')).toContain(negative);
    const panel = clerk.getByTestId('grid-violations');
    await expect.poll(() => panel.textContent()).toContain(negative);
    // SDD: LK 250 > DT × 2 = 200, the form's warning, on that cell only.
    const warning = panel.locator('li').filter({ hasText: 'Lũy kế thực hiện vượt quá hai lần dự toán năm' });
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.textContent()).toContain('Thu tiền sử dụng đất');
    expect(await cell(clerk, 'SDD:LK').getAttribute('class')).toContain('eg-mark-warning');
    await screenshot(clerk, 'report-1-grid-error');

    // She fixes it: 80 instead of -30; the error leaves the cell and the panel.
    await type(clerk, 'FDI:TH', '80');
    await expect.poll(() => text(clerk, 'FDI:TH')).toBe('80');
    await expect.poll(() => panel.textContent()).not.toContain(negative);
    expect(await cell(clerk, 'FDI:TH').getAttribute('class')).not.toContain('eg-mark-error');
    // Hand-computed: 150 + 80 + 45,5 + 20 + 250 = 545,5; 1.200 + 800 + 500 + 300 + 100 = 2.900.
    expect(await text(clerk, 'THU_ND:TH')).toBe('545,5');
    expect(await text(clerk, 'THU:TH')).toBe('545,5');
    expect(await text(clerk, 'THU:DT')).toBe('2.900');
    await warning.getByRole('textbox').fill(WARNING_EXPLANATION);
    await expect.poll(() => clerk.getByTestId('grid-unexplained').count()).toBe(0);
    await saved(clerk);
    await screenshot(clerk, 'report-1-grid');

    // The narrative: every section of the outline (the required ones among them).
    await openTab(clerk, 'Thuyết minh');
    const editors = clerk.locator('[data-testid="narrative-tab"] .ProseMirror');
    await editors.first().waitFor();
    const sections = await editors.count();
    expect(sections).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < sections; i++) {
      await editors.nth(i).click();
      await clerk.keyboard.type(`Mục ${i + 1}: thu ngân sách đạt kế hoạch.`);
    }
    await saved(clerk);

    await step(clerk, 'Trình', 'Đã trình');
    expect(await clerk.getByTestId('report-problems').count()).toBe(0);
    // Submitted: read-only for her, the explanation kept.
    await openTab(clerk, '01/TC-NS');
    await expect.poll(() => clerk.getByTestId('grid-violations').textContent()).toContain(WARNING_EXPLANATION);
  });

  it('the leader approves and sends; the department returns it with a reason the officer reads on the timeline', async () => {
    leader = await newPage('lanhdao.xa');
    await leader.goto(`${server.url}/bao-cao`);
    const row = leader.getByTestId('reports-table').locator('tbody tr.clickable-row').filter({ hasText: 'Đã trình' });
    await row.first().click();
    await leader.waitForURL(reportUrl);
    await expect.poll(() => state(leader)).toBe('Đã trình');
    await step(leader, 'Duyệt', 'Đã duyệt');
    await step(leader, 'Gửi', 'Đã gửi');
    expect(await leader.getByTestId('report-sent-at').textContent()).toMatch(/Đã gửi lúc:.*\d{2}\/\d{2}\/\d{4}/u);

    receiver = await newPage('tiepnhan.taichinh');
    await receiver.goto(`${server.url}/tiep-nhan`);
    const incoming = receiver.getByTestId('incoming-table').locator('tbody tr.clickable-row').filter({ hasText: report.unitName });
    await expect.poll(() => incoming.count(), { timeout: 20_000 }).toBe(1);
    expect(await incoming.textContent()).toContain('Đã gửi');
    await incoming.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = receiver.locator('.ant-modal');
    // The reason is required.
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await expect.poll(() => dialog.textContent()).toContain('Vui lòng nhập lý do.');
    await dialog.getByLabel('Lý do').fill(RETURN_REASON);
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await expect
      .poll(() => receiver.locator('.ant-message').textContent(), { timeout: 20_000 })
      .toContain(`Đã trả lại báo cáo của ${report.unitName}.`);
    // No longer waiting for acceptance.
    await expect.poll(() => incoming.count(), { timeout: 20_000 }).toBe(0);

    await clerk.reload();
    await expect.poll(() => state(clerk), { timeout: 20_000 }).toBe('Bị trả lại');
    await openTab(clerk, 'Lịch sử');
    const returned = timeline(clerk).filter({ hasText: 'Trả lại' });
    await expect.poll(() => returned.count()).toBe(1);
    const entry = (await returned.textContent()) ?? '';
    expect(entry).toContain(`Lý do: ${RETURN_REASON}`);
    expect(entry).toContain('Đã gửi');
    expect(entry).toContain('Bị trả lại');
  });

  it('the officer corrects a figure and resubmits; the leader approves and sends; the department accepts', async () => {
    await openTab(clerk, '01/TC-NS');
    await type(clerk, 'DNNN:TH', '175');
    // 175 + 80 + 45,5 + 20 + 250 = 570,5
    await expect.poll(() => text(clerk, 'THU:TH')).toBe('570,5');
    await saved(clerk);
    await step(clerk, 'Trình', 'Đã trình');

    await leader.reload();
    await expect.poll(() => state(leader), { timeout: 20_000 }).toBe('Đã trình');
    await step(leader, 'Duyệt', 'Đã duyệt');
    await step(leader, 'Gửi', 'Đã gửi');

    // The period as Sở Tài chính receives it: the commune waits, checked and accepted in bulk.
    await receiver.goto(`${server.url}/ky-bao-cao/${report.periodId}/tiep-nhan`);
    await receiver.getByTestId('period-incoming-table').waitFor();
    await receiver.getByRole('checkbox', { name: `Chọn báo cáo của ${report.unitName}` }).check();
    await receiver.getByRole('button', { name: /Tiếp nhận các báo cáo đã chọn/u }).click();
    const unitRow = receiver.getByTestId('period-incoming-table').locator('tbody tr').filter({ hasText: report.unitName });
    await expect.poll(() => unitRow.textContent(), { timeout: 20_000 }).toContain('Đã tiếp nhận');

    await clerk.reload();
    await expect.poll(() => state(clerk), { timeout: 20_000 }).toBe('Đã tiếp nhận');
  });

  it("the department's consolidation shows the commune's total, drills down to it and lists the missing units", async () => {
    await receiver.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await receiver.waitForURL(`${server.url}/ky-bao-cao/${report.periodId}/tong-hop`);
    const grid = receiver.getByTestId('consolidated-grid');
    const consolidated = (key: string) => grid.locator(`td[data-cell="${key}"]`).textContent();
    await expect.poll(() => consolidated('THU:TH'), { timeout: 30_000 }).toBe('570,5');
    expect(await consolidated('DNNN:TH')).toBe('175');
    expect(await consolidated('THU:DT')).toBe('2.900');
    const reported = receiver.getByTestId('period-reported');
    expect(await reported.textContent()).toContain('Đã tổng hợp (1)');
    expect(await reported.textContent()).toContain(report.unitName);
    const missingTitle = (await receiver.getByTestId('period-missing').locator('.ant-card-head-title').textContent()) ?? '';
    const missing = Number(/\((\d+)\)/u.exec(missingTitle)?.[1]);
    expect(missing).toBeGreaterThan(0);

    await screenshot(receiver, 'report-3-consolidation');

    // Drill-down of "Thu từ doanh nghiệp nhà nước – Tháng báo cáo": the commune and its 175.
    await grid.getByRole('button', { name: 'Xem chi tiết số liệu Thu từ doanh nghiệp nhà nước – Tháng báo cáo' }).click();
    const drill = receiver.getByTestId('drilldown');
    await expect.poll(() => receiver.getByTestId('drilldown-value').textContent(), { timeout: 20_000 }).toBe('175');
    expect(await receiver.getByTestId('drilldown-rule').textContent()).toMatch(/Tổng|Cộng/u);
    const contributors = receiver.getByTestId('drilldown-contributors').locator('tbody tr.ant-table-row');
    expect(await contributors.count()).toBe(1);
    expect(await contributors.first().textContent()).toContain(report.unitName);
    expect(await contributors.first().textContent()).toContain('175');
    const missingUnits = receiver.getByTestId('drilldown-missing').locator('li');
    expect(await missingUnits.count()).toBe(missing);
    expect(await receiver.getByTestId('drilldown-missing').textContent()).not.toContain(report.unitName);
    expect(await drill.textContent()).toContain(`Chưa báo cáo hoặc chưa được tiếp nhận (${missing} đơn vị)`);
    await screenshot(receiver, 'report-3-drilldown');
    await receiver.keyboard.press('Escape');
  });

  it('a correction round opens version 2, its difference from version 1 is shown, and the timeline tells the whole story', async () => {
    await leader.reload();
    await expect.poll(() => state(leader), { timeout: 20_000 }).toBe('Đã tiếp nhận');
    await stepWithReason(leader, 'Đề nghị đính chính', CORRECTION_REASON, 'Đề nghị đính chính');

    await receiver.goto(reportUrl);
    await expect.poll(() => state(receiver), { timeout: 20_000 }).toBe('Đề nghị đính chính');
    await step(receiver, 'Đồng ý đính chính', 'Đang soạn');
    expect(await receiver.getByTestId('report-version').textContent()).toBe('Phiên bản 2');

    await clerk.reload();
    await expect.poll(() => state(clerk), { timeout: 20_000 }).toBe('Đang soạn');
    expect(await clerk.getByTestId('report-version').textContent()).toBe('Phiên bản 2');
    // Version 2 starts from version 1's figures.
    await expect.poll(() => text(clerk, 'THU:TH')).toBe('570,5');
    await type(clerk, 'DNNN:DT', '1250,75');
    await expect.poll(() => text(clerk, 'DNNN:DT')).toBe('1.250,75');
    expect(await text(clerk, 'THU:DT')).toBe('2.950,75');
    await saved(clerk);
    await step(clerk, 'Trình', 'Đã trình');

    await leader.reload();
    await expect.poll(() => state(leader), { timeout: 20_000 }).toBe('Đã trình');
    await step(leader, 'Duyệt', 'Đã duyệt');
    await step(leader, 'Gửi', 'Đã gửi');
    await receiver.reload();
    await expect.poll(() => state(receiver), { timeout: 20_000 }).toBe('Đã gửi');
    await step(receiver, 'Tiếp nhận', 'Đã tiếp nhận');

    // Versions: 1 and 2, the difference is the one cell, before → after in Vietnamese number format.
    await clerk.reload();
    await expect.poll(() => state(clerk), { timeout: 20_000 }).toBe('Đã tiếp nhận');
    await openTab(clerk, /^Phiên bản \(2\)$/u);
    const diff = clerk.getByTestId('report-diff');
    await expect.poll(() => diff.textContent(), { timeout: 20_000 }).toContain('So sánh phiên bản 1 với phiên bản 2');
    expect(await diff.textContent()).toContain('1 ô số liệu, 0 mục thuyết minh, 0 tài liệu đính kèm');
    const changed = clerk.getByTestId('diff-cells').locator('tbody tr.ant-table-row');
    expect(await changed.count()).toBe(1);
    const change = (await changed.first().textContent()) ?? '';
    expect(change).toContain('Thu từ doanh nghiệp nhà nước');
    expect(change).toContain('Dự toán năm');
    expect(await changed.first().locator('.report-diff-before').textContent()).toBe('1.200');
    expect(await changed.first().locator('.report-diff-after').textContent()).toBe('1.250,75');
    expect(await clerk.getByTestId('report-versions').textContent()).toContain(CORRECTION_REASON);
    await screenshot(clerk, 'report-4-diff');

    // The timeline: every step, who and when, the reasons given.
    await openTab(clerk, 'Lịch sử');
    const items = timeline(clerk);
    const steps = [
      'Trình',
      'Duyệt',
      'Gửi',
      'Trả lại',
      'Trình',
      'Duyệt',
      'Gửi',
      'Tiếp nhận',
      'Đề nghị đính chính',
      'Đồng ý đính chính',
      'Trình',
      'Duyệt',
      'Gửi',
      'Tiếp nhận',
    ];
    const texts = await items.allTextContents();
    expect(texts).toHaveLength(1 + steps.length);
    expect(texts[0]).toMatch(/^Bắt đầu soạn báo cáo · /u);
    const events = texts.slice(1);
    expect(events.map((t) => /^(.+?) · /u.exec(t)?.[1])).toEqual(steps);
    for (const t of texts) expect(t).toMatch(/\d{2}\/\d{2}\/\d{4}/u);
    expect(events[3]).toContain(`Lý do: ${RETURN_REASON}`);
    expect(events[8]).toContain(`Lý do: ${CORRECTION_REASON}`);
    expect(events[10]).toContain('Phiên bản 2');
    expect(events[13]).toContain('Phiên bản 2');
    // The return and the correction request with their reasons in view (below the sticky tabs).
    await items.nth(4).evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -80);
    });
    await screenshot(clerk, 'report-2-timeline');
  });
});

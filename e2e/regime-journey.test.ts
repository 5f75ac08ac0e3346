/**
 * A reporting regime from set-up to the commune's inbox, in a real Chromium against `npm start`: the
 * report owner of Sở Tài chính sets up a monthly regime for every commune, ward and special zone of
 * the demo province with the budget form and the monthly outline, following the eleven elements of
 * ND 09/2019 in the wizard, sees the calendar of periods computed live, and publishes it; the
 * scheduler opens the current period at once, and a commune officer finds the task in "Việc cần làm"
 * with its cut-off window and deadline. The expected period is computed from today's date with core's
 * rules, so the journey holds on any day (on 23/11/2026 it reads "Tháng 12/2026: 15/11/2026 –
 * 14/12/2026, hạn gửi 17:00 16/12/2026").
 */
import {
  addDays,
  computeDeadline,
  createWorkingCalendar,
  formatIsoDate,
  periodContaining,
  periodLabel,
  periodWindow,
  tetDate,
  utcToVn,
  vnToday,
} from '@baocao/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  launchBrowser,
  login as signIn,
  newPage as openPage,
  pickTreeNode,
  type RunningServer,
  screenshot,
  startServer,
} from './support.ts';

const REGIME_NAME = 'Báo cáo tình hình kinh tế - xã hội cấp xã hằng tháng';

/** The period a monthly regime in force from today opens first, with the default deadline (2 working days after the cut-off). */
function expectedFirstPeriod() {
  const key = periodContaining('month', vnToday(new Date()), { mode: 'cutoff' });
  const window = periodWindow(key, { mode: 'cutoff' });
  const deadline = computeDeadline(window, { kind: 'working_days_after', days: 2, time: '17:00' }, createWorkingCalendar());
  const local = utcToVn(deadline.at);
  const extendedTo = addDays(local.date, 7);
  return {
    label: periodLabel(key),
    window: `${formatIsoDate(window.start)} – ${formatIsoDate(window.end)}`,
    deadline: `${local.time} ${formatIsoDate(local.date)}`,
    /** A week later, for the extension (gia hạn). */
    extendedTo: { input: formatIsoDate(extendedTo), shown: `17:00 ${formatIsoDate(extendedTo)}` },
  };
}

describe('a monthly regime reaches every commune', () => {
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
  const login = (page: Page, username: string) => signIn(page, server.url, username);
  const next = (page: Page) => page.getByRole('button', { name: /Tiếp tục/u }).click();
  const step = (page: Page) => page.getByTestId('regime-step');

  it('the owner sets up the regime in the wizard, sees its calendar and publishes it', async () => {
    const expected = expectedFirstPeriod();
    const page = await newPage();
    await login(page, 'chutri.taichinh');
    await page.goto(`${server.url}/che-do-bao-cao`);
    await page.getByRole('button', { name: /Tạo chế độ báo cáo/u }).click();

    // 1. General information and legal basis.
    await page.getByLabel('Ký hiệu', { exact: true }).fill('KTXH-XA-THANG');
    await page.getByLabel('Tên báo cáo', { exact: true }).fill(REGIME_NAME);
    await page.getByLabel('Số, ký hiệu văn bản', { exact: true }).fill('15/2026/QĐ-UBND');
    await page.getByLabel('Ngày ban hành', { exact: true }).fill('10/11/2026');
    await page.keyboard.press('Enter');
    await next(page);
    // 2. What is asked.
    await expect.poll(() => step(page).textContent()).toContain('Nội dung');
    await page
      .getByLabel('Nội dung yêu cầu báo cáo', { exact: true })
      .fill('Tình hình kinh tế - xã hội trên địa bàn trong tháng; thu, chi ngân sách; kết quả, tồn tại và kiến nghị.');
    await next(page);
    // 3. Who reports: every commune, ward and special zone under the city.
    await page.getByRole('radio', { name: /Theo loại đơn vị/u }).check();
    await pickTreeNode(page, page.getByLabel('Đơn vị gốc', { exact: true }), 'UBND thành phố Hải Phòng', 'UBND thành phố Hải Phòng');
    for (const kind of ['UBND xã', 'UBND phường', 'UBND đặc khu']) {
      await page.getByLabel('Loại đơn vị', { exact: true }).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle(kind, { exact: true }).click();
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('units-preview').textContent(), { timeout: 20_000 }).toContain('114');
    await screenshot(page, 'regime-wizard-units');
    await next(page);
    // 4. Who receives.
    await pickTreeNode(page, page.getByLabel('Cơ quan nhận báo cáo', { exact: true }), 'Sở Tài chính', 'Sở Tài chính');
    await next(page);
    // 5–6. Monthly, cut-off by ND 09, deadline 2 working days after: the preview shows the periods.
    await next(page);
    const preview = page.getByTestId('period-preview');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain(expected.label);
    expect(await preview.textContent()).toContain(expected.window);
    expect(await preview.textContent()).toContain(expected.deadline);
    await screenshot(page, 'regime-wizard-deadlines');
    await next(page);
    // 7. Outline and data form.
    await choose(page, 'Mẫu đề cương báo cáo', 'ĐC-01/KTXH – Đề cương báo cáo tình hình kinh tế - xã hội hằng tháng');
    await page.getByLabel('Biểu mẫu số liệu báo cáo', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .last()
      .getByTitle('01/TC-NS – Tình hình thu, chi ngân sách nhà nước trên địa bàn (Biểu mẫu số liệu)', { exact: true })
      .click();
    await page.keyboard.press('Escape');
    await next(page);
    // Review, then publish.
    await expect.poll(() => step(page).textContent()).toContain('Đã đủ các nội dung bắt buộc');
    await screenshot(page, 'regime-wizard-review');
    await page
      .getByRole('button', { name: /Ban hành/u })
      .last()
      .click();
    await page.locator('.ant-modal').getByRole('button', { name: 'Ban hành' }).click();
    await expect.poll(() => page.getByText('Đang áp dụng').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // The calendar of periods: the first one is open, assigned to the 114 units.
    await page.getByRole('tab', { name: /Lịch kỳ báo cáo/u }).click();
    await expect.poll(() => page.getByRole('tabpanel').textContent(), { timeout: 20_000 }).toContain(expected.label);
    expect(await page.getByRole('tabpanel').textContent()).toContain('Đang mở');
    expect(await page.getByRole('tabpanel').textContent()).toContain('114');
    await screenshot(page, 'regime-calendar');
    await page.getByRole('tab', { name: /Theo dõi/u }).click();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('Chưa thực hiện');
    await screenshot(page, 'regime-monitoring');
  });

  it('a commune officer sees the task in "Việc cần làm" with its window and deadline', async () => {
    const expected = expectedFirstPeriod();
    const page = await newPage();
    await login(page, 'nhaplieu.xa');
    await page.goto(`${server.url}/viec-can-lam`);
    const task = page.getByTestId('task-item').filter({ hasText: REGIME_NAME });
    await expect.poll(() => task.count(), { timeout: 20_000 }).toBe(1);
    const text = (await task.textContent()) ?? '';
    expect(text).toContain(expected.label);
    expect(text).toContain(`Thời gian chốt số liệu: ${expected.window}`);
    expect(text).toContain(`Hạn gửi: ${expected.deadline}`);
    expect(text).toContain('Sở Tài chính');
    await screenshot(page, 'tasks-commune');
  });

  it('the owner extends the period for every unit with a reason, and the commune sees the new deadline', async () => {
    const expected = expectedFirstPeriod();
    const owner = await newPage();
    await login(owner, 'chutri.taichinh');
    await owner.goto(`${server.url}/che-do-bao-cao`);
    await owner.getByRole('link', { name: 'KTXH-XA-THANG' }).click();
    await owner.getByRole('tab', { name: /Lịch kỳ báo cáo/u }).click();
    await owner.getByRole('tabpanel').getByRole('link', { name: expected.label }).click();
    await owner.getByRole('button', { name: /Gia hạn/u }).click();
    const dialog = owner.locator('.ant-modal');
    await dialog.getByLabel('Hạn gửi mới', { exact: true }).fill(expected.extendedTo.input);
    await owner.keyboard.press('Enter');
    await dialog.getByLabel('Lý do gia hạn', { exact: true }).fill('Nhiều xã bị ảnh hưởng bởi bão số 3, chưa tổng hợp kịp số liệu.');
    await dialog.getByRole('button', { name: 'Gia hạn' }).click();
    const events = owner.getByTestId('period-events');
    await expect.poll(() => events.textContent(), { timeout: 20_000 }).toContain('bão số 3');
    expect(await owner.locator('.page-title').textContent()).toContain('Đã gia hạn');
    await screenshot(owner, 'regime-period-extended');

    const clerk = await newPage();
    await login(clerk, 'nhaplieu.xa');
    await clerk.goto(`${server.url}/viec-can-lam`);
    const task = clerk.getByTestId('task-item').filter({ hasText: REGIME_NAME });
    await expect.poll(() => task.textContent(), { timeout: 20_000 }).toContain(`Hạn gửi: ${expected.extendedTo.shown}`);
    expect(await task.textContent()).toContain('Đã gia hạn');
    // The extension reached the commune as a notification too.
    await clerk.getByRole('button', { name: 'Thông báo' }).click();
    await expect.poll(() => clerk.locator('.ant-popover').textContent()).toMatch(/gia hạn/iu);
    await screenshot(clerk, 'tasks-commune-extended');
  });

  it("shows the working-day calendar with this year's lunar holidays", async () => {
    const page = await newPage();
    await login(page, 'quantri');
    await page.goto(`${server.url}/lich-lam-viec`);
    const holidays = page.getByTestId('calendar-holidays');
    const year = Number(vnToday(new Date()).slice(0, 4));
    await expect.poll(() => holidays.textContent(), { timeout: 20_000 }).toContain(formatIsoDate(tetDate(year)));
    expect(await holidays.textContent()).toContain('Tết Nguyên đán');
    expect(await holidays.textContent()).toContain('Giỗ Tổ Hùng Vương');
    await screenshot(page, 'working-day-calendar');
  });
});

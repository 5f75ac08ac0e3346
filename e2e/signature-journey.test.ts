/**
 * Digital signatures in a real Chromium against `npm start` with the demo province: the commune
 * officer submits a monthly report; the commune leader (lanhdao.xa, whose certificate the demo
 * seed issued from the demo province's CA) approves it, which signs it, and the version's badge
 * says "Chữ ký hợp lệ"; the signed PDF downloads and carries a PAdES signature (/ByteRange); the
 * certificates page lists the leader's certificate and refuses a PKCS#12 opened with the wrong
 * password in Vietnamese; the verification page accepts the downloaded PDF as validly signed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage as openPage, type RunningServer, screenshot, startServer } from './support.ts';

const LEADER_NAME = 'Đinh Văn Khoa';
const BAD_PASSWORD_MESSAGE = 'Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.';

describe('signatures: the leader signs on approval, the signed PDF, certificates and verification', () => {
  let server: RunningServer;
  let browser: Browser;
  let leader: Page;
  let reportUrl = '';
  let signedPdf = '';
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'baocao-e2e-signatures-'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  const newPage = async (username: string) => {
    const page = await openPage(browser, { width: 1440, height: 900 });
    await login(page, server.url, username);
    return page;
  };
  const state = (page: Page) => page.getByTestId('report-state').textContent();
  const button = (page: Page, name: string) => page.getByTestId('workflow-bar').getByRole('button', { name, exact: true });
  const headerBadge = (page: Page) => page.getByTestId('report-header').getByTestId('signature-badge');

  it('the officer fills in and submits the commune’s monthly report', async () => {
    const clerk = await newPage('nhaplieu.xa');
    await clerk.goto(`${server.url}/viec-can-lam`);
    await clerk
      .getByRole('button', { name: /Nhập báo cáo/u })
      .first()
      .click();
    await clerk.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/u);
    reportUrl = clerk.url();
    await expect.poll(() => state(clerk)).toBe('Đang soạn');
    // Nothing signed yet.
    await expect.poll(() => headerBadge(clerk).textContent()).toContain('Chưa ký số');

    // Figures that raise no error and no warning (LK = TH stays under twice the year's estimate):
    // THU/TH = 150 + 80 + 45,5 + 20 + 50 = 345,5.
    const grid = clerk.locator('[data-testid="report-grid"]');
    await grid.locator('td[data-cell="DNNN:DT"]').click();
    await clerk.evaluate((data) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', data);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, '1.200\t150\r\n800\t80\r\n500\t45,5\r\n300\t20\r\n100\t50\r\n');
    await expect.poll(() => grid.locator('td[data-cell="THU:TH"]').textContent()).toBe('345,5');

    await clerk.getByRole('tab', { name: 'Thuyết minh' }).click();
    const editors = clerk.locator('[data-testid="narrative-tab"] .ProseMirror');
    await editors.first().waitFor();
    const sections = await editors.count();
    for (let i = 0; i < sections; i++) {
      await editors.nth(i).click();
      await clerk.keyboard.type(`Mục ${i + 1}: thu ngân sách đạt kế hoạch.`);
    }
    await expect.poll(() => clerk.getByTestId('save-indicator').textContent(), { timeout: 20_000 }).toMatch(/Đã lưu lúc/u);

    await button(clerk, 'Trình').click();
    await expect.poll(() => state(clerk), { timeout: 20_000 }).toBe('Đã trình');
    await clerk.context().close();
  });

  it('the leader approves, which signs the version: the badge says "Chữ ký hợp lệ" with the signer and certificate', async () => {
    leader = await newPage('lanhdao.xa');
    await leader.goto(reportUrl);
    await expect.poll(() => state(leader), { timeout: 20_000 }).toBe('Đã trình');

    await button(leader, 'Duyệt').click();
    const dialog = leader.locator('.ant-modal');
    await expect.poll(() => dialog.textContent()).toContain('Duyệt và ký số bằng chứng thư số của bạn');
    await dialog.getByRole('button', { name: 'Duyệt và ký số', exact: true }).click();
    await expect.poll(() => state(leader), { timeout: 30_000 }).toBe('Đã duyệt');

    await expect.poll(() => headerBadge(leader).textContent(), { timeout: 20_000 }).toContain('Chữ ký hợp lệ');
    expect(await headerBadge(leader).getAttribute('data-status')).toBe('valid');

    await headerBadge(leader).click();
    const drawer = leader.getByTestId('signature-drawer');
    const card = drawer.getByTestId('signature-card');
    await expect.poll(() => card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Chữ ký của người có thẩm quyền');
    expect(text).toContain('Chữ ký hợp lệ');
    expect(text).toContain(LEADER_NAME);
    // The signing time with seconds, dd/mm/yyyy.
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/u);
    expect(text).toContain('Tổ chức cấp');
    await screenshot(leader, 'signature-1-badge');

    // The detached signature downloads as a .p7s.
    const [p7s] = await Promise.all([leader.waitForEvent('download'), card.getByRole('button', { name: /Tải chữ ký \(\.p7s\)/u }).click()]);
    expect(p7s.suggestedFilename()).toMatch(/\.p7s$/u);
    await leader.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
  });

  it('the signed PDF downloads from the report page and carries a PDF signature', async () => {
    await leader.getByTestId('report-header').getByTestId('document-downloads').click();
    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByRole('menuitem', { name: 'Tải văn bản ký số (.pdf)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/u);
    signedPdf = path.join(workDir, download.suggestedFilename());
    await download.saveAs(signedPdf);
    const bytes = readFileSync(signedPdf);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(bytes.toString('latin1')).toContain('/ByteRange');
  });

  it('the certificates page lists the leader’s certificate and refuses a PKCS#12 with the wrong password', async () => {
    await leader.goto(`${server.url}/chung-thu-so`);
    const rows = leader.getByTestId('certificates-table').locator('tbody tr.ant-table-row');
    const own = rows.filter({ hasText: LEADER_NAME });
    await expect.poll(() => own.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    expect(await own.first().getByTestId('certificate-status').textContent()).toBe('Còn hiệu lực');
    expect(await own.first().textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/u);
    await expect
      .poll(() => leader.getByTestId('trusted-roots').getByRole('button', { name: 'Tải chứng thư gốc' }).count())
      .toBeGreaterThan(0);
    await screenshot(leader, 'signature-2-certificates');

    // A PKCS#12 made here with one password, opened with another.
    const key = path.join(workDir, 'key.pem');
    const cert = path.join(workDir, 'cert.pem');
    const p12 = path.join(workDir, 'thu-nghiem.p12');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '30',
        '-subj',
        '/CN=Nguyen Van Thu/O=UBND xa thu nghiem/C=VN',
      ],
      { stdio: 'pipe' },
    );
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:mat-khau-dung'], {
      stdio: 'pipe',
    });

    await leader.getByRole('button', { name: 'Nhập chứng thư số' }).click();
    const dialog = leader.locator('.ant-modal');
    await dialog.locator('input[type="file"]').setInputFiles(p12);
    await dialog.getByLabel('Mật khẩu của tệp PKCS#12').fill('mat-khau-sai');
    await dialog.getByRole('button', { name: 'Nhập chứng thư số', exact: true }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain(BAD_PASSWORD_MESSAGE);
    // Nothing was imported.
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(await rows.filter({ hasText: 'Nguyen Van Thu' }).count()).toBe(0);
  });

  it('the verification page accepts the downloaded PDF as validly signed', async () => {
    await leader.goto(`${server.url}/xac-thuc-chu-ky`);
    await leader.getByTestId('verify-file').locator('input[type="file"]').setInputFiles(signedPdf);
    await leader.getByRole('button', { name: 'Xác thực' }).click();
    const result = leader.getByTestId('verify-result');
    await expect.poll(() => result.count(), { timeout: 30_000 }).toBe(1);
    expect(await result.getByTestId('verify-overall').textContent()).toBe('Chữ ký hợp lệ');
    const card = result.getByTestId('signature-card');
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toContain(LEADER_NAME);
    // The file's SHA-256 is shown, 64 hexadecimal digits.
    expect(((await result.textContent()) ?? '').replace(/\s/gu, '')).toMatch(/[0-9a-fA-F]{64}/u);
    await result.scrollIntoViewIfNeeded();
    await screenshot(leader, 'signature-3-verify');
  });
});

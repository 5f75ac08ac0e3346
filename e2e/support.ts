import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(root, 'test-results', 'screenshots');
export const DEMO_PASSWORD = 'Demo-e2e-2026!';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the system exactly as a newcomer does (`npm start`, which builds what is missing), on a
 * fresh embedded database in a temporary directory, seeded with the demo province.
 */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baocao-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_PASSWORD, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it stops the server it starts as well.
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.waitForTimeout(600); // let drawers and messages finish their animation
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** A page as a civil servant's browser: Vietnamese locale, Hà Nội time, downloads allowed. */
export async function newPage(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Fills and sends the login form (a wrong password stays on the page). */
export async function submitLogin(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Logs in and waits to leave the login page. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, baseUrl, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

/** Picks an option of an antd Select; waits for the list to close so the next one is not confused with it. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect.poll(() => open.count()).toBe(0);
  await page.getByLabel(label, { exact: true }).click();
  await open.last().getByTitle(option, { exact: true }).click();
  await expect.poll(() => open.count()).toBe(0);
}

/** Picks a node of an antd TreeSelect (the unit pickers): types to search, then clicks the node by title. */
export async function pickTreeNode(page: Page, field: ReturnType<Page['getByLabel']>, search: string, option: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect.poll(() => open.count()).toBe(0);
  await field.click();
  await field.fill(search);
  // The search re-renders the tree while it filters: a click that lands during the re-render is lost
  // and the dropdown stays open, so click again (a chosen node closes a single-select dropdown).
  for (let attempt = 0; attempt < 3; attempt++) {
    await open.last().getByTitle(option, { exact: true }).first().click();
    try {
      await expect.poll(() => open.count(), { timeout: 2_000 }).toBe(0);
      return;
    } catch {
      // still open: try again
    }
  }
  await expect.poll(() => open.count()).toBe(0);
}

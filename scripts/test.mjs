#!/usr/bin/env node
// `npm test`: the whole suite. Installs Debian's Chromium for the end-to-end journeys when it is
// missing (as root, through apt-get), then runs every Vitest project: core, server (on PGlite, and on
// PostgreSQL too when TEST_DATABASE_URL is set), web and e2e. Extra arguments go to Vitest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';

function sh(command, args) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

// Tools nobody here wrote, which the signature and document tests use to check our output.
const TOOLS = [
  ['openssl', '/usr/bin/openssl'],
  ['poppler-utils', '/usr/bin/pdfsig'],
];
const missingTools = TOOLS.filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
if (missingTools.length > 0 && process.getuid?.() === 0) {
  console.log(`Đang cài ${missingTools.join(', ')} (Debian) cho kiểm thử chữ ký số và văn bản…`);
  if (!sh('apt-get', ['install', '-y', '--no-install-recommends', ...missingTools])) {
    sh('apt-get', ['update']);
    sh('apt-get', ['install', '-y', '--no-install-recommends', ...missingTools]);
  }
}

if (!existsSync(CHROMIUM) && !process.env.SKIP_E2E) {
  if (process.getuid?.() === 0) {
    console.log('Chưa có Chromium: đang cài gói chromium của Debian cho kiểm thử đầu-cuối…');
    if (!sh('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'])) {
      sh('apt-get', ['update']);
      sh('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Thiếu ${CHROMIUM}. Cài bằng: sudo apt-get install chromium (hoặc đặt SKIP_E2E=1 để bỏ qua kiểm thử đầu-cuối).`);
    process.exit(1);
  }
}

const args = [
  'run',
  ...(process.env.SKIP_E2E ? ['--project', 'core', '--project', 'server', '--project', 'web'] : []),
  ...process.argv.slice(2),
];
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), ...args], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);

#!/usr/bin/env node
// `npm start`: builds whatever is missing or older than its sources, then runs the server (or, with
// an argument, one of the server's command-line tools: `node scripts/start.mjs cli/units-import …`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'main';
const args = process.argv.slice(entry === 'main' ? 2 : 3).filter((a) => a !== '--');

function newest(dir) {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let latest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    latest = Math.max(latest, stat.isDirectory() ? newest(full) : stat.mtimeMs);
  }
  return latest;
}

function stale(output, ...sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => existsSync(s) && newest(s) > built);
}

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const core = path.join(root, 'packages/core/src');
const web = path.join(root, 'packages/web');
const server = path.join(root, 'packages/server');
// The command-line tools need only the server.
if (entry === 'main' && stale(path.join(web, 'dist/index.html'), core, path.join(web, 'src'), path.join(web, 'index.html'))) {
  console.log('Đang biên dịch giao diện web…');
  run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], web);
}
if (stale(path.join(server, 'dist/main.js'), core, path.join(server, 'src'))) {
  console.log('Đang biên dịch máy chủ…');
  run(process.execPath, ['build.mjs'], server);
}
// The server runs as a child: signals sent to this process (Ctrl+C, a service manager's stop) are
// passed on, and this process ends with the child's exit code.
const child = spawn(process.execPath, ['--enable-source-maps', path.join(server, 'dist', `${entry}.js`), ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

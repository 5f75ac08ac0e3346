// Bundles the server (and the core it imports) into dist/: the production artifact `npm start` runs.
// npm packages stay external and load from node_modules; the workspace package @baocao/core is inlined.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@baocao/'));

await build({
  entryPoints: { main: 'src/main.ts', 'cli/units-import': 'src/cli/units-import.ts', 'cli/audit-verify': 'src/cli/audit-verify.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  splitting: true,
  external,
  logLevel: 'warning',
  absWorkingDir: new URL('.', import.meta.url).pathname,
});

/**
 * Derives the compact administrative-units file committed in data/dvhcvn-2025/units.json from the
 * dvhcvn 2025 data set (MIT) in ../shared/data/dvhcvn-2025. Run once when the source changes:
 *   npx tsx packages/server/scripts/derive-units-data.ts [sourceDir]
 * The product never reads ../shared at run time.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface SourceMerge {
  old_id: string;
  name: string;
  type: 'full' | 'partial';
}
interface SourceCommune {
  level2_id: string;
  name: string;
  merges: SourceMerge[];
}
interface SourceProvince {
  level1_id: string;
  name: string;
  merges: SourceMerge[];
  level2s: SourceCommune[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(process.argv[2] ?? path.join(here, '../../../../shared/data/dvhcvn-2025'));
const target = path.join(here, '../data/dvhcvn-2025');

const merges = JSON.parse(readFileSync(path.join(source, 'merges.json'), 'utf8')) as {
  data: SourceProvince[];
  stats: { level1_count: number; level2_count: number };
};
const formerly = (m: SourceMerge[]) => m.map((x) => [x.old_id, x.name.normalize('NFC'), x.type === 'full' ? 'f' : 'p']);

const provinces = merges.data.map((p) => ({
  code: p.level1_id,
  name: p.name.normalize('NFC'),
  formerly: formerly(p.merges),
  communes: p.level2s.map((c) => [c.level2_id, c.name.normalize('NFC'), formerly(c.merges)]),
}));
const communeCount = provinces.reduce((n, p) => n + p.communes.length, 0);
if (provinces.length !== merges.stats.level1_count || communeCount !== merges.stats.level2_count) {
  throw new Error(`counts differ from the source's stats: ${provinces.length} provinces, ${communeCount} communes`);
}

const out = {
  source: 'dvhcvn 2025 (merges.json), MIT License, Copyright (c) 2025 dvhcvn',
  effectiveFrom: '2025-07-01',
  format: 'communes: [code, name, formerly]; formerly: [old code, old name, f(ull)|p(artial)]',
  provinces,
};
writeFileSync(path.join(target, 'units.json'), JSON.stringify(out));
copyFileSync(path.join(source, 'LICENSE'), path.join(target, 'LICENSE'));
console.log(`${provinces.length} provinces, ${communeCount} communes → ${path.join(target, 'units.json')}`);

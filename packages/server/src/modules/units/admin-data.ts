import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UnitKind } from '@baocao/core';

/** [old code, old name, 'f' full | 'p' partial] */
export type FormerUnit = [string, string, 'f' | 'p'];
export interface AdminProvince {
  code: string;
  name: string;
  formerly: FormerUnit[];
  communes: [code: string, name: string, formerly: FormerUnit[]][];
}

let cached: { effectiveFrom: string; provinces: AdminProvince[] } | undefined;

/** The committed 2025 administrative units (data/dvhcvn-2025/units.json, MIT, dvhcvn). */
export function administrativeUnits2025() {
  if (!cached) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    let file = '';
    for (let i = 0; i < 5 && !existsSync(file); i++) {
      file = path.join(dir, 'data', 'dvhcvn-2025', 'units.json');
      dir = path.dirname(dir);
    }
    cached = JSON.parse(readFileSync(file, 'utf8')) as { effectiveFrom: string; provinces: AdminProvince[] };
  }
  return cached;
}

/** "Phường Hải Dương" → ward; "Xã …" → commune; "Đặc khu …" → special_zone. */
export function communeKind(name: string): UnitKind {
  if (name.startsWith('Phường ')) return 'ward';
  if (name.startsWith('Đặc khu ')) return 'special_zone';
  return 'commune';
}

/** The People's Committee of an administrative unit: "Xã Tân Hưng" → "UBND xã Tân Hưng". */
export function committeeName(unitName: string): string {
  const named = /^(Thành phố|Tỉnh|Xã|Phường|Đặc khu) /u.exec(unitName);
  if (!named) return `UBND tỉnh ${unitName}`;
  return `UBND ${named[1]!.toLowerCase()}${unitName.slice(named[1]!.length)}`;
}

/** "Cao Bằng" → "Tỉnh Cao Bằng"; "Thành phố Huế" stays. */
export function provinceFullName(name: string): string {
  return name.startsWith('Thành phố ') ? name : `Tỉnh ${name}`;
}

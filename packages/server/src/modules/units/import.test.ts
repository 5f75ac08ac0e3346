import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createTestDatabase, backends } from '../../test/db.ts';
import { systemContext } from '../../test/factories.ts';
import { administrativeUnits2025, committeeName } from './admin-data.ts';
import { importProvince, listUnits } from './index.ts';

describe('the committed 2025 administrative units', () => {
  it('hold the 34 provinces and 3,321 communes, wards and special zones', () => {
    const data = administrativeUnits2025();
    expect(data.provinces).toHaveLength(34);
    expect(data.provinces.reduce((n, p) => n + p.communes.length, 0)).toBe(3321);
    const haiPhong = data.provinces.find((p) => p.code === '31')!;
    expect(haiPhong.name).toBe('Thành phố Hải Phòng');
    expect(haiPhong.communes).toHaveLength(114);
    expect(haiPhong.formerly.map((f) => f[1])).toEqual(['Tỉnh Hải Dương', 'Thành phố Hải Phòng']);
  });

  it('name each People’s Committee the Vietnamese way', () => {
    expect(committeeName('Thành phố Hải Phòng')).toBe('UBND thành phố Hải Phòng');
    expect(committeeName('Tỉnh Cao Bằng')).toBe('UBND tỉnh Cao Bằng');
    expect(committeeName('Xã Tân Hưng')).toBe('UBND xã Tân Hưng');
    expect(committeeName('Đặc khu Cát Hải')).toBe('UBND đặc khu Cát Hải');
  });
});

describe.each(backends)('importing a province on %s', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(() => database.close());

  it('loads Hải Phòng with its 114 communes and wards, once', async () => {
    const ctx = systemContext();
    const first = await importProvince(database.db, ctx, '31');
    expect(first).toMatchObject({ provinceName: 'UBND thành phố Hải Phòng', createdProvince: true, createdCommunes: 114 });
    const again = await importProvince(database.db, ctx, '31');
    expect(again).toMatchObject({ createdProvince: false, createdCommunes: 0, existingCommunes: 114 });
    const units = await listUnits(database.db, ctx, { includeInactive: false });
    expect(units).toHaveLength(115);
    const kinds = new Set(units.filter((u) => u.parentId === first.provinceUnitId).map((u) => u.kind));
    expect(kinds).toEqual(new Set(['commune', 'ward', 'special_zone']));
    expect(units.find((u) => u.adminCode === '31')).toMatchObject({
      agencyCode: 'H31',
      kind: 'province_committee',
      validFrom: '2025-07-01',
    });
  });

  it('refuses an unknown province code with the list of valid ones', async () => {
    await expect(importProvince(database.db, systemContext(), '99')).rejects.toThrow(/Không có tỉnh, thành phố mã 99/u);
  });
});

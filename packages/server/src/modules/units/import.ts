import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { administrativeUnits2025, committeeName, communeKind, provinceFullName } from './admin-data.ts';
import * as q from './queries.ts';
import { unitSearchText } from './service.ts';

export interface ImportResult {
  provinceUnitId: string;
  provinceName: string;
  createdProvince: boolean;
  createdCommunes: number;
  existingCommunes: number;
}

/**
 * Loads one province's People's Committee and the committees of all its communes, wards and
 * special zones, as they are from 1 July 2025. Idempotent: units already present (by their
 * administrative code) are left as they are.
 */
export async function importProvince(db: Db, ctx: RequestContext, provinceCode: string): Promise<ImportResult> {
  const data = administrativeUnits2025();
  const province = data.provinces.find((p) => p.code === provinceCode.padStart(2, '0'));
  if (!province) {
    throw new AppError(
      'NOT_FOUND',
      undefined,
      `Không có tỉnh, thành phố mã ${provinceCode}. Các mã hợp lệ: ${data.provinces.map((p) => p.code).join(', ')}.`,
    );
  }
  return db.transaction(async (tx) => {
    let root = await q.findUnitByAdminCode(tx, province.code);
    const createdProvince = !root;
    if (!root) {
      const id = randomUUID();
      const fullName = provinceFullName(province.name);
      const values = { name: committeeName(fullName), shortName: fullName, agencyCode: `H${province.code}`, adminCode: province.code };
      root = await q.insertUnit(tx, {
        id,
        parentId: null,
        path: `/${id}/`,
        depth: 0,
        kind: 'province_committee',
        validFrom: data.effectiveFrom,
        sortOrder: 0,
        searchText: unitSearchText(values),
        ...values,
      });
      await q.insertUnitEvent(tx, { unitId: id, kind: 'created', actorName: 'Nhập danh mục đơn vị hành chính 2025' });
    }
    const existing = await q.childrenAdminCodes(tx, root.id);
    let created = 0;
    for (const [index, [code, name]] of province.communes.entries()) {
      if (existing.has(code)) continue;
      const id = randomUUID();
      const values = { name: committeeName(name), shortName: name, adminCode: code, agencyCode: null };
      await q.insertUnit(tx, {
        id,
        parentId: root.id,
        path: `${root.path}${id}/`,
        depth: root.depth + 1,
        kind: communeKind(name),
        validFrom: data.effectiveFrom,
        sortOrder: 1000 + index,
        searchText: unitSearchText(values),
        ...values,
      });
      await q.insertUnitEvent(tx, { unitId: id, kind: 'created', toParentId: root.id, actorName: 'Nhập danh mục đơn vị hành chính 2025' });
      created++;
    }
    await recordAudit(tx, ctx, {
      action: 'unit.imported',
      actorName: ctx.actor ? undefined : 'Hệ thống',
      targetType: 'unit',
      targetId: root.id,
      unitId: root.id,
      summary: { province: province.code, name: province.name, createdProvince, createdCommunes: created, source: 'dvhcvn 2025' },
    });
    return { provinceUnitId: root.id, provinceName: root.name, createdProvince, createdCommunes: created, existingCommunes: existing.size };
  });
}

import type { Role, UnitKind } from '@baocao/core';
import type { Db } from '../db/client.ts';
import type { AuthedContext, RequestContext } from '../modules/access/index.ts';
import { recordAudit } from '../modules/audit/index.ts';
import { seedReferenceData } from '../modules/indicators/index.ts';
import { seedDemoForms } from './demo-forms.ts';
import { seedDemoRegime } from './demo-regimes.ts';
import { seedDemoAnalytics } from './demo-analytics.ts';
import type { Config } from '../config.ts';
import { type Clock, systemClock } from '../jobs/clock.ts';
import { createUnit, importProvince, listUnits } from '../modules/units/index.ts';
import { createSeedAccount, generateTemporaryPassword, loadActor } from '../modules/users/index.ts';
import { type DemoHolder, ensureDemoCa, issueCertificatesTo } from '../modules/signatures/index.ts';

/** The departments of the demo city, Hải Phòng (illustrative agency codes H31.xx). */
const DEPARTMENTS: [name: string, shortName: string, kind: UnitKind][] = [
  ['Văn phòng UBND thành phố Hải Phòng', 'Văn phòng UBND', 'committee_office'],
  ['Sở Nội vụ', 'Sở Nội vụ', 'department'],
  ['Sở Tài chính', 'Sở Tài chính', 'department'],
  ['Sở Tư pháp', 'Sở Tư pháp', 'department'],
  ['Sở Công Thương', 'Sở Công Thương', 'department'],
  ['Sở Nông nghiệp và Môi trường', 'Sở NN&MT', 'department'],
  ['Sở Xây dựng', 'Sở Xây dựng', 'department'],
  ['Sở Giáo dục và Đào tạo', 'Sở GD&ĐT', 'department'],
  ['Sở Y tế', 'Sở Y tế', 'department'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'Sở VH,TT&DL', 'department'],
  ['Sở Khoa học và Công nghệ', 'Sở KH&CN', 'department'],
  ['Thanh tra thành phố Hải Phòng', 'Thanh tra thành phố', 'department'],
  ['Ban Quản lý Khu kinh tế Hải Phòng', 'Ban Quản lý KKT', 'department'],
  ['Thống kê thành phố Hải Phòng', 'Thống kê thành phố', 'central_agency'],
  ['Kho bạc Nhà nước Hải Phòng', 'Kho bạc Nhà nước', 'central_agency'],
  ['Thuế thành phố Hải Phòng', 'Thuế thành phố', 'central_agency'],
  ['Công an thành phố Hải Phòng', 'Công an thành phố', 'central_agency'],
  ['Bảo hiểm xã hội thành phố Hải Phòng', 'BHXH thành phố', 'central_agency'],
  ['Ngân hàng Phát triển chi nhánh Hải Phòng', 'Ngân hàng Phát triển', 'organization'],
  ['Công ty TNHH MTV Cấp nước Hải Phòng', 'Cấp nước Hải Phòng', 'organization'],
];

const DIVISIONS: Record<string, string[]> = {
  'Sở Y tế': ['Văn phòng Sở Y tế', 'Phòng Kế hoạch - Tài chính', 'Phòng Nghiệp vụ Y'],
  'Sở Tài chính': ['Văn phòng Sở Tài chính', 'Phòng Quản lý ngân sách', 'Phòng Tài chính đầu tư'],
};

export interface DemoAccount {
  username: string;
  password: string;
  fullName: string;
  roleLabel: string;
  unitName: string;
}

/**
 * First start: loads Hải Phòng (code 31) with its 114 communes and wards, about 20 departments,
 * divisions in two of them, and one demo account per role. The passwords are random for each
 * installation (or DEMO_PASSWORD, for tests) and printed on the console. The province's own demo
 * CA issues a certificate to each leader and to each leader's unit, so that the demo signs.
 */
export async function seedDemo(db: Db, options: { password?: string | undefined; config: Config; clock?: Clock }): Promise<DemoAccount[]> {
  const system: RequestContext = { actor: null, ip: null, userAgent: 'seed' };
  const province = await importProvince(db, system, '31');
  const pw = () => options.password ?? generateTemporaryPassword();

  const accounts: DemoAccount[] = [];
  const adminPassword = pw();
  // The system administrator works at the committee's office; created first so that the rest of the
  // demo is made through the ordinary services, as that administrator.
  const adminId = await db.transaction((tx) =>
    createSeedAccount(tx, system, {
      username: 'quantri',
      fullName: 'Nguyễn Văn Quản',
      position: 'Quản trị hệ thống',
      unitId: province.provinceUnitId,
      password: adminPassword,
      grants: [{ role: 'system_admin', unitId: province.provinceUnitId, includeSubtree: true }],
      mustChangePassword: false,
    }),
  );
  accounts.push({
    username: 'quantri',
    password: adminPassword,
    fullName: 'Nguyễn Văn Quản',
    roleLabel: 'Quản trị hệ thống',
    unitName: province.provinceName,
  });
  const admin = await loadActor(db, adminId);
  const ctx: AuthedContext = { actor: admin!, ip: null, userAgent: 'seed' };

  const unitIds = new Map<string, string>();
  for (const [index, [name, shortName, kind]] of DEPARTMENTS.entries()) {
    const unit = await createUnit(db, ctx, {
      parentId: province.provinceUnitId,
      name,
      shortName,
      kind,
      agencyCode: `H31.${String(index + 1).padStart(2, '0')}`,
      adminCode: null,
      validFrom: '2025-07-01',
      sortOrder: 10 + index,
    });
    unitIds.set(shortName, unit.id);
  }
  for (const [department, divisions] of Object.entries(DIVISIONS)) {
    for (const [index, name] of divisions.entries()) {
      const unit = await createUnit(db, ctx, {
        parentId: unitIds.get(department)!,
        name,
        kind: 'division',
        validFrom: '2025-07-01',
        sortOrder: index,
      });
      unitIds.set(name, unit.id);
    }
  }
  const firstCommune = (await listUnits(db, ctx, { includeInactive: false })).find(
    (u) => u.parentId === province.provinceUnitId && u.kind === 'ward',
  );

  const people: [username: string, fullName: string, position: string, unitKey: string, role: Role, subtree: boolean, label: string][] = [
    ['qtyte', 'Trần Thị Hạnh', 'Chuyên viên quản trị', 'Sở Y tế', 'unit_admin', true, 'Quản trị đơn vị (Sở Y tế)'],
    ['chutri.taichinh', 'Lê Minh Tuấn', 'Trưởng phòng', 'Phòng Quản lý ngân sách', 'report_owner', false, 'Đơn vị chủ trì báo cáo'],
    ['nhaplieu.yte', 'Phạm Thu Trang', 'Chuyên viên', 'Phòng Kế hoạch - Tài chính', 'data_entry', false, 'Nhập liệu'],
    ['kiemtra.yte', 'Hoàng Văn Nam', 'Phó Trưởng phòng', 'Phòng Kế hoạch - Tài chính', 'reviewer', false, 'Kiểm tra'],
    ['lanhdao.yte', 'Đỗ Quang Huy', 'Giám đốc Sở', 'Sở Y tế', 'approver', true, 'Lãnh đạo (ký duyệt)'],
    ['khaithac', 'Vũ Thị Lan', 'Chuyên viên tổng hợp', 'Văn phòng UBND', 'viewer', true, 'Khai thác (toàn thành phố)'],
    // The receiving officer of Sở Tài chính: accepts or returns what the communes send, consolidates.
    ['tiepnhan.taichinh', 'Bùi Thanh Hà', 'Chuyên viên tổng hợp', 'Sở Tài chính', 'report_owner', false, 'Tiếp nhận, tổng hợp báo cáo'],
  ];
  // Leaders sign when they approve and their units when they send (R17): each gets a certificate.
  const signers: DemoHolder[] = [];
  const certify = (userId: string, fullName: string, unitId: string, unitName: string) => {
    signers.push({ owner: { kind: 'person', userId }, commonName: fullName, organisation: unitName });
    if (!signers.some((h) => h.owner.kind === 'unit' && h.owner.unitId === unitId)) {
      signers.push({ owner: { kind: 'unit', unitId }, commonName: unitName });
    }
  };
  for (const [username, fullName, position, unitKey, role, subtree, label] of people) {
    const unitId = unitIds.get(unitKey)!;
    const grantUnit = role === 'viewer' ? province.provinceUnitId : unitId;
    const password = pw();
    const userId = await db.transaction((tx) =>
      createSeedAccount(tx, ctx, {
        username,
        fullName,
        position,
        unitId,
        password,
        grants: [{ role, unitId: grantUnit, includeSubtree: subtree }],
        mustChangePassword: false,
      }),
    );
    accounts.push({ username, password, fullName, roleLabel: label, unitName: unitKey });
    if (role === 'approver') certify(userId, fullName, unitId, unitKey);
  }
  if (firstCommune) {
    const communePeople: [username: string, fullName: string, position: string, role: Role, label: string][] = [
      ['nhaplieu.xa', 'Ngô Thị Mai', 'Công chức Văn phòng - Thống kê', 'data_entry', 'Nhập liệu (cấp xã)'],
      ['lanhdao.xa', 'Đinh Văn Khoa', 'Chủ tịch UBND', 'approver', 'Lãnh đạo (cấp xã, ký duyệt)'],
    ];
    for (const [username, fullName, position, role, label] of communePeople) {
      const password = pw();
      const userId = await db.transaction((tx) =>
        createSeedAccount(tx, ctx, {
          username,
          fullName,
          position,
          unitId: firstCommune.id,
          password,
          grants: [{ role, unitId: firstCommune.id, includeSubtree: false }],
          mustChangePassword: false,
        }),
      );
      accounts.push({ username, password, fullName, roleLabel: label, unitName: firstCommune.name });
      if (role === 'approver') certify(userId, fullName, firstCommune.id, firstCommune.name);
    }
  }
  const now = (options.clock ?? systemClock).now();
  const ca = await ensureDemoCa(db, options.config, { provinceName: province.provinceName, now });
  await issueCertificatesTo(db, options.config, ctx, ca, signers, { now });
  await seedReferenceData(db, ctx);
  const forms = await seedDemoForms(db, ctx, unitIds.get('Phòng Quản lý ngân sách')!);
  await seedDemoRegime({ db, config: options.config, clock: options.clock ?? systemClock }, ctx, {
    ownerUnitId: unitIds.get('Phòng Quản lý ngân sách')!,
    receivingUnitId: unitIds.get('Sở Tài chính')!,
    provinceUnitId: province.provinceUnitId,
    ...forms,
  });
  await seedDemoAnalytics(db, ctx, { provinceUnitId: province.provinceUnitId, clock: options.clock ?? systemClock });
  await db.transaction((tx) =>
    recordAudit(tx, system, {
      action: 'system.seeded',
      actorName: 'Hệ thống',
      summary: { province: '31', accounts: accounts.map((a) => a.username) },
    }),
  );
  return accounts;
}

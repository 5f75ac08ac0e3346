import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';
import { listUnits } from '../modules/units/index.ts';
import { defineForm, type FormInput, validateForm } from '@baocao/core';
import { listCatalogs } from '../modules/catalogs/index.ts';
import { getVersion, listForms } from '../modules/forms/index.ts';
import { listIndicators, listIndicatorSets } from '../modules/indicators/index.ts';
import { backends, createTestDatabase } from '../test/db.ts';
import { systemContext } from '../test/factories.ts';
import { type DemoAccount, seedDemo } from './demo.ts';
import { eq } from 'drizzle-orm';
import { testConfig } from '../config.ts';
import { ManualClock } from '../jobs/clock.ts';
import { assignment, openDuePeriods, regimePeriod } from '../modules/assignments/index.ts';
import { certificate, trustedCertificate } from '../modules/signatures/index.ts';
import { appUser } from '../modules/users/tables.ts';
import { orgUnit } from '../modules/units/tables.ts';
import { isIssuedBy, parseCertificate } from '../modules/signatures/crypto/certificate.ts';

describe.each(backends)('the demo seed on %s', (backend) => {
  let database: Database;
  let accounts: DemoAccount[];
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    accounts = await seedDemo(database.db, {
      password: 'Mật khẩu demo 2026',
      config: testConfig(),
      clock: new ManualClock('2026-11-23T03:00:00Z'),
    });
  });
  afterAll(() => database.close());

  it('loads Hải Phòng: 114 communes and wards, 20 departments and agencies, 6 divisions', async () => {
    const units = await listUnits(database.db, systemContext(), { includeInactive: false });
    const root = units.find((u) => u.adminCode === '31')!;
    expect(root.name).toBe('UBND thành phố Hải Phòng');
    const children = units.filter((u) => u.parentId === root.id);
    expect(children.filter((u) => ['commune', 'ward', 'special_zone'].includes(u.kind))).toHaveLength(114);
    expect(children.filter((u) => !['commune', 'ward', 'special_zone'].includes(u.kind))).toHaveLength(20);
    expect(units.filter((u) => u.kind === 'division')).toHaveLength(6);
    expect(units).toHaveLength(1 + 114 + 20 + 6);
  });

  it('creates one demo account per role, each able to act', async () => {
    expect(accounts.map((a) => a.username)).toEqual([
      'quantri',
      'qtyte',
      'chutri.taichinh',
      'nhaplieu.yte',
      'kiemtra.yte',
      'lanhdao.yte',
      'khaithac',
      'tiepnhan.taichinh',
      'nhaplieu.xa',
      'lanhdao.xa',
    ]);
    expect(accounts.every((a) => a.password === 'Mật khẩu demo 2026')).toBe(true);
  });

  it('seeds the disaggregation catalogs and the sample indicator set', async () => {
    const ctx = systemContext();
    const sets = await listIndicatorSets(database.db, ctx);
    expect(sets.items.map((s) => s.name)).toContain('Bộ chỉ tiêu kinh tế - xã hội chủ yếu của tỉnh (mẫu)');
    const indicators = await listIndicators(database.db, ctx, { page: 1, pageSize: 200, includeInactive: false });
    expect(indicators.total).toBeGreaterThanOrEqual(25);
    const catalogs = await listCatalogs(database.db, ctx, { page: 1, pageSize: 50 });
    expect(catalogs.items.map((c) => c.name).join(' | ')).toMatch(/[Gg]iới tính/u);
  });

  it('publishes the budget form and shares it with every unit', async () => {
    const library = await listForms(database.db, systemContext(), { view: 'library', page: 1, pageSize: 20 });
    const form = library.items.find((f) => f.code === '01/TC-NS')!;
    expect(form).toMatchObject({
      sharing: 'all',
      ownerUnitName: 'Phòng Quản lý ngân sách',
      latestPublished: { versionNo: 1, status: 'published' },
    });
    const version = await getVersion(database.db, systemContext(), form.id, form.latestPublished!.id);
    expect(validateForm(defineForm(version.definition as FormInput)).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('puts the monthly budget regime in force: opening it gives every commune a task for Tháng 12/2026', async () => {
    const clock = new ManualClock('2026-11-23T03:00:00Z');
    const { opened } = await openDuePeriods({ db: database.db, config: testConfig(), clock });
    expect(opened).toBe(1);
    const [period] = await database.db.select().from(regimePeriod);
    expect(period).toMatchObject({ label: 'Tháng 12/2026', windowStart: '2026-11-15', windowEnd: '2026-12-14', state: 'open' });
    // The 18th of the reporting month, 17:00 in Vietnam.
    expect(period!.deadlineAt.toISOString()).toBe('2026-12-18T10:00:00.000Z');
    const tasks = await database.db.select().from(assignment).where(eq(assignment.regimePeriodId, period!.id));
    expect(tasks).toHaveLength(114);
  });

  it('creates the demo CA and gives each leader and each leader’s unit a certificate it issued (RSA, two years)', async () => {
    const [ca, ...others] = await database.db.select().from(trustedCertificate);
    expect(others).toEqual([]);
    expect(ca!.source).toBe('demo');
    const caCert = parseCertificate(ca!.certificatePem);
    expect(caCert.details.commonName).toBe('CA Thử nghiệm Hệ thống báo cáo thành phố Hải Phòng');
    expect(caCert.isCa).toBe(true);
    expect(caCert.notAfter.getUTCFullYear() - caCert.notBefore.getUTCFullYear()).toBe(10);
    // Its key is kept sealed, not in clear.
    expect(ca!.encryptedKey!.toString('latin1')).not.toContain('PRIVATE KEY');

    const rows = await database.db
      .select({ c: certificate, userName: appUser.username, unitName: orgUnit.name })
      .from(certificate)
      .leftJoin(appUser, eq(appUser.id, certificate.userId))
      .leftJoin(orgUnit, eq(orgUnit.id, certificate.unitId));
    const held = rows.map((r) => [r.c.ownerKind, r.userName ?? r.unitName, r.c.commonName]).sort();
    const commune = accounts.find((a) => a.username === 'lanhdao.xa')!.unitName;
    expect(held).toEqual(
      [
        ['person', 'lanhdao.xa', 'Đinh Văn Khoa'],
        ['person', 'lanhdao.yte', 'Đỗ Quang Huy'],
        ['unit', 'Sở Y tế', 'Sở Y tế'],
        ['unit', commune, commune],
      ].sort(),
    );
    for (const { c } of rows) {
      const cert = parseCertificate(c.certificatePem);
      expect(isIssuedBy(cert, caCert)).toBe(true);
      expect(c.keyAlgorithm).toBe('RSA');
      expect(c.notAfter.getUTCFullYear() - c.notBefore.getUTCFullYear()).toBe(2);
    }
  });

  it('leaves an audit chain that verifies', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(30);
  });
});

import { foldDiacritics, regimeContent, ROLE_PERMISSIONS, type RegimeContentInput, type Role } from '@baocao/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { testConfig } from '../../config.ts';
import type { DatabaseKind, Db } from '../../db/client.ts';
import { ManualClock } from '../../jobs/clock.ts';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { makeUnit, makeUser, systemContext } from '../../test/factories.ts';
import { budgetForm } from '../forms/fixtures.test-support.ts';
import { createForm, publishDraft } from '../forms/index.ts';
import { notification } from '../notifications/tables.ts';
import { regime, regimeVersion } from '../regimes/tables.ts';
import { certifyLeader, trustTestCa } from '../signatures/fixtures.test-support.ts';
import { openDuePeriods } from './open-periods.ts';
import { assignment, regimePeriod } from './tables.ts';

/** An instant given as Vietnam's local date and time (UTC+7). */
export const vn = (date: string, time = '00:00') => new Date(`${date}T${time}:00+07:00`);

/**
 * A province whose planning department (Sở Kế hoạch và Đầu tư) runs regimes received by the
 * provincial office; three communes that report (the first with two divisions), a fourth commune
 * that is not asked, and a ward. The clock starts on 05/01/2026, 10:00 in Vietnam.
 */
export async function assignmentsFixture(backend: DatabaseKind, start: Date = vn('2026-01-05', '10:00')) {
  const clock = new ManualClock(start);
  const t: TestApp = await createTestApp(backend, {}, { clock });
  const db = t.database.db;
  // Approving and sending sign (R17): the test CA is trusted and every leader gets certificates.
  await trustTestCa(db);
  const root = await makeUnit(db, { name: 'UBND tỉnh thử' });
  const office = await makeUnit(db, { parentId: root.id, name: 'Văn phòng UBND tỉnh', kind: 'committee_office' });
  const planning = await makeUnit(db, { parentId: root.id, name: 'Sở Kế hoạch và Đầu tư' });
  const health = await makeUnit(db, { parentId: root.id, name: 'Sở Y tế' });
  const anLac = await makeUnit(db, { parentId: root.id, name: 'UBND xã An Lạc', kind: 'commune' });
  const binhMinh = await makeUnit(db, { parentId: root.id, name: 'UBND xã Bình Minh', kind: 'commune' });
  const catHai = await makeUnit(db, { parentId: root.id, name: 'UBND xã Cát Hải', kind: 'commune' });
  const dongTien = await makeUnit(db, { parentId: root.id, name: 'UBND xã Đồng Tiến', kind: 'commune' });
  const ward = await makeUnit(db, { parentId: root.id, name: 'UBND phường Hòa Bình', kind: 'ward' });
  const economy = await makeUnit(db, { parentId: anLac.id, name: 'Phòng Kinh tế xã An Lạc', kind: 'division' });
  const culture = await makeUnit(db, { parentId: anLac.id, name: 'Phòng Văn hóa - Xã hội xã An Lạc', kind: 'division' });
  const economyTeam = await makeUnit(db, { parentId: economy.id, name: 'Tổ thống kê xã An Lạc', kind: 'division' });

  const as = async (grants: { role: Role; unitId: string; includeSubtree?: boolean }[], unitId = grants[0]!.unitId) => {
    const u = await makeUser(db, { unitId, grants });
    const signing = grants.filter((g) => g.role !== 'system_admin' && ROLE_PERMISSIONS[g.role].includes('report.approve'));
    if (signing.length > 0) {
      await certifyLeader(db, { userId: u.id, fullName: `Người dùng ${u.username}`, unitIds: signing.map((g) => g.unitId) });
    }
    return Object.assign(await loggedIn(t.app, u.username, u.password), { userId: u.id });
  };

  const units = {
    root: root.id,
    office: office.id,
    planning: planning.id,
    health: health.id,
    anLac: anLac.id,
    binhMinh: binhMinh.id,
    catHai: catHai.id,
    dongTien: dongTien.id,
    ward: ward.id,
    economy: economy.id,
    culture: culture.id,
    economyTeam: economyTeam.id,
  };

  const form = await publishedForm(db, planning.id);
  const openDue = (opts: { regimeId?: string } = {}) => openDuePeriods({ db, config: testConfig(), clock }, opts);
  /**
   * An active monthly regime of the planning department received by the provincial office, asking
   * `unitIds` (by default the three reporting communes); `content` overrides the rest.
   */
  const monthlyRegime = async (code: string, { unitIds, ...content }: MonthlyRegimeOptions = {}): Promise<string> => {
    const reportingUnits = { mode: 'explicit' as const, unitIds: unitIds ?? [anLac.id, binhMinh.id, catHai.id] };
    const inserted = await insertActiveRegime(db, {
      ownerUnitId: planning.id,
      code,
      content: monthlyContent({ reportingUnits, receivingUnitId: office.id, ...content }),
    });
    return inserted.regimeId;
  };
  /** The same, with its due periods opened: the regime and its first period. */
  const openedMonthlyRegime = async (code: string, options: MonthlyRegimeOptions = {}) => {
    const regimeId = await monthlyRegime(code, options);
    await openDue({ regimeId });
    return { regimeId, periodId: (await periodsOf(db, regimeId))[0]!.id };
  };
  return {
    t,
    db,
    clock,
    units,
    formId: form.formId,
    formVersionId: form.versionId,
    /** Manages the planning department's regimes. */
    owner: await as([{ role: 'report_owner', unitId: planning.id, includeSubtree: true }]),
    /** Manages another department's regimes only. */
    otherOwner: await as([{ role: 'report_owner', unitId: health.id, includeSubtree: true }]),
    /** Enters An Lạc's data (exactly that unit). */
    anLacOfficer: await as([{ role: 'data_entry', unitId: anLac.id }]),
    /** An Lạc's leader: may pass its reports down (giao tiếp). */
    anLacLeader: await as([{ role: 'approver', unitId: anLac.id }]),
    /** Enters the data of An Lạc's economy division. */
    economyOfficer: await as([{ role: 'data_entry', unitId: economy.id }]),
    /** Enters Bình Minh's data. */
    binhMinhOfficer: await as([{ role: 'data_entry', unitId: binhMinh.id }]),
    /** Enters Đồng Tiến's data (a commune the regimes do not ask). */
    dongTienOfficer: await as([{ role: 'data_entry', unitId: dongTien.id }]),
    /** The provincial office, which receives the reports. */
    officeOfficer: await as([{ role: 'data_entry', unitId: office.id }]),
    admin: await as([{ role: 'system_admin', unitId: root.id, includeSubtree: true }]),
    /** The scheduler's deps (createTestApp builds the app with the test config). */
    deps: { db, config: testConfig(), clock },
    /** Signs in a new user holding `grants` (in the first grant's unit unless told). */
    userWith: as,
    openDue,
    monthlyRegime,
    openedMonthlyRegime,
  };
}

export type MonthlyRegimeOptions = Partial<RegimeContentInput> & { unitIds?: string[] };

export type AssignmentsFixture = Awaited<ReturnType<typeof assignmentsFixture>>;

async function publishedForm(db: Db, ownerUnitId: string): Promise<{ formId: string; versionId: string }> {
  const ctx = systemContext();
  const created = await createForm(db, ctx, { kind: 'table', ownerUnitId, definition: budgetForm({ code: '01/KHĐT' }) });
  const published = await publishDraft(db, ctx, created.id, { revision: created.draft!.revision, note: null });
  return { formId: created.id, versionId: published.latestPublished!.id };
}

/** The content of a monthly regime: Tháng M from 15/(M−1) to 14/M, due 2 working days after, at 17:00. */
export function monthlyContent(
  overrides: Partial<RegimeContentInput> & Pick<RegimeContentInput, 'reportingUnits' | 'receivingUnitId'>,
): RegimeContentInput {
  return {
    name: 'Báo cáo tình hình kinh tế - xã hội hằng tháng',
    content: 'Đánh giá tình hình kinh tế - xã hội trên địa bàn trong tháng.',
    contentKind: 'both',
    kind: 'dinh_ky',
    legalBasis: { documentNumber: '01/2026/QĐ-UBND', documentDate: '2025-12-01', issuer: 'UBND tỉnh thử' },
    sendingMethods: ['phan_mem'],
    windowMode: 'cutoff',
    deadlines: [{ label: 'Xã gửi tỉnh', rule: { kind: 'working_days_after', days: 2, time: '17:00', rollForward: true } }],
    frequency: 'month',
    effectiveFrom: '2026-01-01',
    reminders: { daysBefore: [3, 1], overdueEveryDays: 2 },
    ...overrides,
  };
}

/** Writes a regime and its published version 1 directly (status active), as publishing would. */
export async function insertActiveRegime(db: Db, input: { ownerUnitId: string; code: string; content: RegimeContentInput }) {
  const content = regimeContent.parse(input.content);
  return db.transaction(async (tx) => {
    const [r] = await tx
      .insert(regime)
      .values({
        code: input.code,
        name: content.name,
        kind: content.kind,
        frequency: content.frequency,
        ownerUnitId: input.ownerUnitId,
        status: 'active',
        searchText: foldDiacritics(`${input.code} ${content.name}`).toLowerCase(),
      })
      .returning();
    const [v] = await tx
      .insert(regimeVersion)
      .values({ regimeId: r!.id, versionNo: 1, status: 'published', content, publishedAt: new Date() })
      .returning();
    await tx.update(regime).set({ currentVersionId: v!.id }).where(eq(regime.id, r!.id));
    return { regimeId: r!.id, versionId: v!.id, content };
  });
}

// ---- reading what happened ---------------------------------------------------------------------

export async function periodsOf(db: Db, regimeId: string) {
  return db
    .select({ id: regimePeriod.id, code: regimePeriod.periodCode, label: regimePeriod.label, state: regimePeriod.state })
    .from(regimePeriod)
    .where(eq(regimePeriod.regimeId, regimeId))
    .orderBy(regimePeriod.windowEnd);
}

export async function assignmentsOf(db: Db, periodId: string) {
  return db.select().from(assignment).where(eq(assignment.regimePeriodId, periodId));
}

/** Notifications of a kind received by the accounts of `userIds`. */
export async function notificationsOf(db: Db, userIds: string[], kind?: string) {
  return db
    .select()
    .from(notification)
    .where(and(inArray(notification.userId, userIds), kind ? eq(notification.kind, kind) : undefined))
    .orderBy(notification.createdAt);
}

export async function auditActions(db: Db, targetId: string): Promise<string[]> {
  const res = await db.execute(sql`select action from audit_log where target_id = ${targetId} order by seq`);
  return (res as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
}

export async function countRows(db: Db, table: 'regime_period' | 'assignment' | 'regime_period_event' | 'notification'): Promise<number> {
  const res = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

export type { Client };

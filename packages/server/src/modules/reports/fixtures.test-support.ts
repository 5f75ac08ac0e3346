import type { FormInput, ReportAttachment, ReportCellValue, ReportData, ReportState, Role } from '@baocao/core';
import { eq } from 'drizzle-orm';
import { testConfig } from '../../config.ts';
import type { DatabaseKind, Db } from '../../db/client.ts';
import { ManualClock } from '../../jobs/clock.ts';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { makeUnit, makeUser, systemContext } from '../../test/factories.ts';
import { insertActiveRegime, monthlyContent, periodsOf, vn } from '../assignments/fixtures.test-support.ts';
import { openDuePeriods } from '../assignments/index.ts';
import { assignment } from '../assignments/tables.ts';
import { budgetForm } from '../forms/fixtures.test-support.ts';
import { createForm, publishDraft } from '../forms/index.ts';
import { contentHashOf } from './support.ts';
import { report, reportVersion } from './tables.ts';

/*
 * Test support of report data in and out (consolidation, Excel, attachments): a regime with two
 * table forms received by a department, and a factory writing reports as the workflow leaves them.
 */

export { vn };

/**
 * Biểu 02: figures a department consolidates from communes. Each row reports an indicator whose
 * rule decides how it rolls up: population (sum), poverty rate (weighted by population), average
 * price, highest yield; a row without an indicator (sum); a computed total; a text note column.
 */
export function consolidationForm(overrides: Partial<FormInput> = {}): FormInput {
  return {
    name: 'Biểu 02: Tổng hợp một số chỉ tiêu kinh tế - xã hội',
    code: '02/TH',
    rows: [
      { id: 'r1', code: 'DS', name: 'Dân số trung bình', unit: 'Người', kind: 'input', indicatorCode: 'CT-DS' },
      { id: 'r2', code: 'HN', name: 'Tỷ lệ hộ nghèo', unit: '%', kind: 'input', indicatorCode: 'CT-HN' },
      { id: 'r3', code: 'GIA', name: 'Giá lúa bình quân', unit: 'Đồng/kg', kind: 'input', indicatorCode: 'CT-GIA' },
      { id: 'r4', code: 'NS', name: 'Năng suất lúa cao nhất', unit: 'Tạ/ha', kind: 'input', indicatorCode: 'CT-NS' },
      { id: 'r5', code: 'KHAC', name: 'Số vụ thiên tai', unit: 'Vụ', kind: 'input' },
      { id: 'r6', code: 'TONG', name: 'Dân số cộng số vụ (kiểm tra)', kind: 'computed', formula: 'DS + KHAC' },
    ],
    columns: [
      { code: 'KN', name: 'Kỳ này' },
      { code: 'KH', name: 'Kế hoạch năm' },
      { code: 'GC', name: 'Ghi chú', type: 'text' },
    ],
    ...overrides,
  };
}

/** The indicators of Biểu 02 and their aggregation rules. */
const INDICATORS = [
  { code: 'CT-DS', name: 'Dân số trung bình', valueType: 'integer', aggregation: 'sum' },
  { code: 'CT-HN', name: 'Tỷ lệ hộ nghèo', valueType: 'percent', aggregation: 'weighted_average', weightIndicatorCode: 'CT-DS' },
  { code: 'CT-GIA', name: 'Giá lúa bình quân', valueType: 'number', aggregation: 'average' },
  { code: 'CT-NS', name: 'Năng suất lúa', valueType: 'number', aggregation: 'max' },
] as const;

/** Creates and publishes a table form as its designer would; its id and published version's id. */
export async function publishedTableForm(db: Db, ownerUnitId: string, definition: FormInput) {
  const ctx = systemContext();
  const created = await createForm(db, ctx, { kind: 'table', ownerUnitId, definition });
  const published = await publishDraft(db, ctx, created.id, { revision: created.draft!.revision, note: null });
  return { formId: created.id, versionId: published.latestPublished!.id };
}

/**
 * A province whose planning department (Sở Kế hoạch và Đầu tư) owns a monthly regime with two table
 * forms (01/KHĐT budget, 02/TH consolidation) and receives it from four communes and a ward; An Lạc
 * may pass its report down to its three divisions. A third form (03/KHÁC) is on no regime. The
 * clock stands at 05/01/2026 10:00 in Vietnam; period "Tháng 1/2026" is open.
 */
export async function reportsDataFixture(backend: DatabaseKind) {
  const clock = new ManualClock(vn('2026-01-05', '10:00'));
  const t: TestApp = await createTestApp(backend, {}, { clock });
  const db = t.database.db;
  const root = await makeUnit(db, { name: 'UBND tỉnh thử' });
  const planning = await makeUnit(db, { parentId: root.id, name: 'Sở Kế hoạch và Đầu tư' });
  const commune = (name: string) => makeUnit(db, { parentId: root.id, name, kind: 'commune' });
  const anLac = await commune('UBND xã An Lạc');
  const binhMinh = await commune('UBND xã Bình Minh');
  const catHai = await commune('UBND xã Cát Hải');
  const dongTien = await commune('UBND xã Đồng Tiến');
  const hoaBinh = await makeUnit(db, { parentId: root.id, name: 'UBND phường Hòa Bình', kind: 'ward' });
  const division = (name: string) => makeUnit(db, { parentId: anLac.id, name, kind: 'division' });
  const economy = await division('Phòng Kinh tế xã An Lạc');
  const culture = await division('Phòng Văn hóa - Xã hội xã An Lạc');
  const officeDiv = await division('Văn phòng HĐND và UBND xã An Lạc');

  const as = async (role: Role, unitId: string): Promise<Client & { userId: string }> => {
    const u = await makeUser(db, { unitId, grants: [{ role, unitId }] });
    return Object.assign(await loggedIn(t.app, u.username, u.password), { userId: u.id });
  };
  const admin = await as('system_admin', root.id);
  for (const body of INDICATORS) {
    const res = await admin.post('/api/v1/indicators', body);
    if (res.statusCode !== 201) throw new Error(`indicator ${body.code}: ${res.statusCode} ${res.body}`);
  }

  const budget = await publishedTableForm(db, planning.id, budgetForm({ code: '01/KHĐT' }));
  const summary = await publishedTableForm(db, planning.id, consolidationForm());
  const other = await publishedTableForm(db, planning.id, budgetForm({ code: '03/KHÁC', name: 'Biểu 03: Biểu không thuộc chế độ' }));

  const units = {
    root: root.id,
    planning: planning.id,
    anLac: anLac.id,
    binhMinh: binhMinh.id,
    catHai: catHai.id,
    dongTien: dongTien.id,
    hoaBinh: hoaBinh.id,
    economy: economy.id,
    culture: culture.id,
    officeDiv: officeDiv.id,
  };
  const { regimeId } = await insertActiveRegime(db, {
    ownerUnitId: planning.id,
    code: 'BC-TH',
    content: monthlyContent({
      reportingUnits: { mode: 'explicit', unitIds: [anLac.id, binhMinh.id, catHai.id, dongTien.id, hoaBinh.id] },
      receivingUnitId: planning.id,
      formIds: [budget.formId, summary.formId],
    }),
  });
  await openDuePeriods({ db, config: testConfig(), clock }, { regimeId });
  const periodId = (await periodsOf(db, regimeId))[0]!.id;

  const assignmentOf = async (unitId: string): Promise<string> => {
    const [row] = await db.select({ id: assignment.id }).from(assignment).where(eq(assignment.unitId, unitId));
    if (!row) throw new Error(`no assignment for unit ${unitId}`);
    return row.id;
  };

  return {
    t,
    db,
    clock,
    units,
    periodId,
    regimeId,
    forms: { budget, summary, other },
    admin,
    /** Receives the regime's reports (report_owner holds report.receive) and designs the forms. */
    planningOfficer: await as('report_owner', planning.id),
    anLacOfficer: await as('data_entry', anLac.id),
    /** An Lạc's leader: passes its report down to its divisions, receives theirs. */
    anLacLeader: await as('approver', anLac.id),
    /** Reviews An Lạc's reports: reads them, enters nothing. */
    anLacReviewer: await as('reviewer', anLac.id),
    binhMinhOfficer: await as('data_entry', binhMinh.id),
    economyOfficer: await as('data_entry', economy.id),
    userWith: as,
    assignmentOf,
    insertReport: (input: InsertReportInput) => insertReport(db, { at: clock.now(), ...input }),
  };
}

export type ReportsDataFixture = Awaited<ReturnType<typeof reportsDataFixture>>;

export interface VersionInput {
  /** By form version id: cell key → stored value. */
  forms?: Record<string, Record<string, ReportCellValue>>;
  attachments?: ReportAttachment[];
  /** Accepted (and so locked). */
  accepted?: boolean;
}

export interface InsertReportInput {
  assignmentId: string;
  state?: ReportState;
  /** Version 1 first; the last one is the current version. */
  versions?: VersionInput[];
  at?: Date;
}

const ASSIGNMENT_STATUS: Record<ReportState, string> = {
  draft: 'in_progress',
  submitted: 'in_progress',
  reviewed: 'in_progress',
  approved: 'in_progress',
  sent: 'sent',
  accepted: 'accepted',
  returned: 'returned',
  correction_requested: 'accepted',
};

/**
 * Writes a report and its versions directly, as the workflow would have left them (state, accepted
 * and locked versions, the assignment's status), for tests of what reads report data.
 */
export async function insertReport(db: Db, input: InsertReportInput & { at: Date }): Promise<{ reportId: string }> {
  const state = input.state ?? 'draft';
  const versions = input.versions?.length ? input.versions : [{}];
  const at = input.at;
  const [a] = await db.select().from(assignment).where(eq(assignment.id, input.assignmentId));
  if (!a) throw new Error(`no assignment ${input.assignmentId}`);
  const anyAccepted = versions.some((v) => v.accepted);
  const [r] = await db
    .insert(report)
    .values({
      assignmentId: a.id,
      regimePeriodId: a.regimePeriodId,
      unitId: a.unitId,
      receivingUnitId: a.receivingUnitId,
      state,
      currentVersionNo: versions.length,
      sentAt: ['sent', 'accepted', 'correction_requested'].includes(state) || anyAccepted ? at : null,
      acceptedAt: anyAccepted ? at : null,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  for (const [i, v] of versions.entries()) {
    const data: ReportData = {
      forms: Object.fromEntries(Object.entries(v.forms ?? {}).map(([id, values]) => [id, { values, notes: {}, explanations: {} }])),
      narrative: {},
      attachments: v.attachments ?? [],
    };
    await db.insert(reportVersion).values({
      reportId: r!.id,
      versionNo: i + 1,
      data,
      contentHash: contentHashOf(data),
      reason: i === 0 ? null : 'Đính chính số liệu',
      sentAt: v.accepted ? at : null,
      acceptedAt: v.accepted ? at : null,
      lockedAt: v.accepted ? at : null,
      createdAt: at,
      updatedAt: at,
    });
  }
  await db.update(assignment).set({ status: ASSIGNMENT_STATUS[state] }).where(eq(assignment.id, a.id));
  return { reportId: r!.id };
}

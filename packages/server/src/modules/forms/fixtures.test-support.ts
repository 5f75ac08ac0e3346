import type { FormInput, Role } from '@baocao/core';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import type { DatabaseKind } from '../../db/client.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';

/**
 * A province with a health department (Sở Y tế) that designs forms, a finance department (Sở Tài
 * chính) with its own designer, and a commune whose officer only enters data.
 */
export async function formsFixture(backend: DatabaseKind) {
  const t: TestApp = await createTestApp(backend);
  const db = t.database.db;
  const root = await makeUnit(db, { name: 'UBND tỉnh thử' });
  const health = await makeUnit(db, { parentId: root.id, name: 'Sở Y tế' });
  const finance = await makeUnit(db, { parentId: root.id, name: 'Sở Tài chính' });
  const commune = await makeUnit(db, { parentId: root.id, name: 'UBND xã An Lạc', kind: 'commune' });
  const as = async (role: Role, unitId: string): Promise<Client & { userId: string }> => {
    const u = await makeUser(db, { unitId, grants: [{ role, unitId, includeSubtree: true }] });
    return Object.assign(await loggedIn(t.app, u.username, u.password), { userId: u.id });
  };
  return {
    t,
    units: { root: root.id, health: health.id, finance: finance.id, commune: commune.id },
    admin: await as('system_admin', root.id),
    healthDesigner: await as('report_owner', health.id),
    financeDesigner: await as('report_owner', finance.id),
    communeOfficer: await as('data_entry', commune.id),
  };
}

export type FormsFixture = Awaited<ReturnType<typeof formsFixture>>;

/** Biểu thu chi ngân sách: a total row over two inputs, a column group, computed columns, a hatched cell. */
export function budgetForm(overrides: Partial<FormInput> = {}): FormInput {
  return {
    name: 'Biểu 01: Tình hình thu, chi ngân sách',
    code: '01/BC-SYT',
    fieldGroup: 'Tài chính - Ngân sách',
    legalBasis: 'Nghị định 09/2019/NĐ-CP',
    rows: [
      { id: 'h', code: 'A', name: 'Thu, chi ngân sách', kind: 'header' },
      {
        id: 'r1',
        code: 'R1',
        name: 'Thu ngân sách nhà nước',
        unit: 'Tỷ đồng',
        kind: 'computed',
        formula: 'SUM(CHILDREN)',
        children: [
          { id: 'r11', code: 'R11', name: 'Thu nội địa', unit: 'Tỷ đồng', kind: 'input' },
          { id: 'r12', code: 'R12', name: 'Thu xuất nhập khẩu', unit: 'Tỷ đồng', kind: 'input' },
        ],
      },
      { id: 'r2', code: 'R2', name: 'Chi ngân sách địa phương', unit: 'Tỷ đồng', kind: 'input' },
    ],
    columns: [
      { code: 'KH', name: 'Kế hoạch năm' },
      {
        kind: 'group',
        name: 'Thực hiện',
        children: [
          { code: 'KN', name: 'Kỳ này', checks: ['non_negative'] },
          { code: 'LK', name: 'Lũy kế từ đầu năm', kind: 'computed', formula: 'YTD(KN)' },
        ],
      },
      { code: 'SS', name: 'So với kế hoạch (%)', type: 'percent', decimals: 1, kind: 'computed', formula: 'PERCENT(LK, KH)' },
    ],
    disabledCells: [{ row: 'R2', col: 'KH' }],
    ...overrides,
  };
}

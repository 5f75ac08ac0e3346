import { sql } from 'drizzle-orm';
import type { RegimeContentInput, Role } from '@baocao/core';
import type { DatabaseKind } from '../../db/client.ts';
import { ManualClock } from '../../jobs/clock.ts';
import { type Client, createTestApp, loggedIn, type TestApp } from '../../test/app.ts';
import { makeUnit, makeUser } from '../../test/factories.ts';
import { budgetForm } from '../forms/fixtures.test-support.ts';

/**
 * A province with a health department (Sở Y tế, which owns regimes and forms), a finance department
 * with its own report owner, three communes and a commune clerk; a published table form, a
 * published outline and a table form that was never published. The clock stands at 10/03/2026.
 */
export async function regimesFixture(backend: DatabaseKind) {
  const clock = new ManualClock('2026-03-10T03:00:00Z');
  const t: TestApp = await createTestApp(backend, {}, { clock });
  const db = t.database.db;
  const root = await makeUnit(db, { name: 'UBND tỉnh Thử Nghiệm' });
  const health = await makeUnit(db, { parentId: root.id, name: 'Sở Y tế' });
  const finance = await makeUnit(db, { parentId: root.id, name: 'Sở Tài chính' });
  const communes = [];
  for (const name of ['UBND xã Yên Lạc', 'UBND xã An Lạc', 'UBND xã Đông Hòa']) {
    communes.push((await makeUnit(db, { parentId: root.id, name, kind: 'commune' })).id);
  }
  const as = async (role: Role, unitId: string): Promise<Client> => {
    const u = await makeUser(db, { unitId, grants: [{ role, unitId, includeSubtree: true }] });
    return loggedIn(t.app, u.username, u.password);
  };
  const admin = await as('system_admin', root.id);
  const owner = await as('report_owner', health.id);
  const financeOwner = await as('report_owner', finance.id);
  const clerk = await as('data_entry', communes[0]!);

  const makeForm = async (kind: 'table' | 'outline', definition: unknown, publish: boolean): Promise<string> => {
    const res = await owner.post('/api/v1/forms', { kind, ownerUnitId: health.id, definition });
    if (res.statusCode !== 201) throw new Error(`form: ${res.body}`);
    const form = res.json() as { id: string; draft: { revision: number } };
    if (publish) {
      const pub = await owner.post(`/api/v1/forms/${form.id}/publish`, { revision: form.draft.revision });
      if (pub.statusCode !== 200) throw new Error(`publish form: ${pub.body}`);
    }
    return form.id;
  };
  const tableForm = await makeForm('table', budgetForm({ code: '01/BC-SYT' }), true);
  const outlineForm = await makeForm(
    'outline',
    { name: 'Đề cương báo cáo tình hình tháng', code: 'ĐC-01', sections: [{ id: 'kq', title: 'Kết quả thực hiện' }] },
    true,
  );
  const draftForm = await makeForm('table', budgetForm({ code: '02/BC-SYT', name: 'Biểu 02: Chưa ban hành' }), false);

  /** A monthly regime for every commune of the province, sent to Sở Y tế 2 working days after the cut-off. */
  const monthly = (overrides: Partial<RegimeContentInput> = {}): RegimeContentInput => ({
    name: 'Báo cáo tình hình y tế hằng tháng',
    content: 'Tình hình khám, chữa bệnh và phòng, chống dịch bệnh trên địa bàn xã.',
    contentKind: 'both',
    kind: 'dinh_ky',
    legalBasis: { documentNumber: '15/2026/QĐ-UBND', documentDate: '2026-01-05', issuer: 'UBND tỉnh Thử Nghiệm' },
    reportingUnits: { mode: 'by_kind', rootUnitId: root.id, kinds: ['commune'], includeSubtree: true },
    receivingUnitId: health.id,
    sendingMethods: ['phan_mem'],
    deadlines: [{ label: 'UBND xã gửi Sở Y tế', rule: { kind: 'working_days_after', days: 2, time: '17:00' } }],
    frequency: 'month',
    outlineFormId: outlineForm,
    formIds: [tableForm],
    effectiveFrom: '2026-01-01',
    ...overrides,
  });

  const count = async (query: ReturnType<typeof sql>): Promise<number> => {
    const res = (await db.execute(query)) as unknown as { rows: { n: number | string }[] };
    return Number(res.rows[0]?.n ?? 0);
  };

  /** An indicator of the library, created by the administrator, allocated to an owner unit and coordinating units. */
  const makeIndicator = async (code: string, name: string, ownerUnitId: string | null, coordinatingUnitIds: string[] = []) => {
    const res = await admin.post('/api/v1/indicators', {
      code,
      name,
      valueType: 'integer',
      aggregation: 'sum',
      ownerUnitId,
      coordinatingUnitIds,
    });
    if (res.statusCode !== 201) throw new Error(`indicator: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; version: number };
  };

  return {
    t,
    clock,
    makeIndicator,
    units: { root: root.id, health: health.id, finance: finance.id, communes },
    forms: { table: tableForm, outline: outlineForm, draft: draftForm },
    admin,
    owner,
    financeOwner,
    clerk,
    monthly,
    count,
    regimeCount: () => count(sql`select count(*)::int as n from regime`),
    auditActions: async (targetId: string): Promise<string[]> => {
      const res = (await db.execute(sql`select action from audit_log where target_id = ${targetId} order by seq`)) as unknown as {
        rows: { action: string }[];
      };
      return res.rows.map((r) => r.action);
    },
  };
}

export type RegimesFixture = Awaited<ReturnType<typeof regimesFixture>>;

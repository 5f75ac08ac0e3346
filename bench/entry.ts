/**
 * Report entry benchmark (issue 6): saving a 2,000-row × 10-column form (one full first save, then
 * autosaves of 5 cells) against raw UPDATEs of the same document; 100 reports through submit →
 * approve → send → accept; a receiving unit's consolidation over its communes' accepted reports
 * (3,321 on PostgreSQL like the country's communes, 300 on PGlite); the core evaluation and
 * submission check of the big form. Measured through the service layer, and the HTTP path where
 * the request body or the response is large.
 * Run: npm run bench:entry (PGlite), with BENCH_DATABASE_URL or TEST_DATABASE_URL=postgres://… for
 * PostgreSQL too (a fresh database is created and dropped). Prints figures and ratios; never fails on time.
 */
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import {
  applyReportPatch,
  buildCellSpace,
  consolidate,
  evaluateReportForm,
  parseDefinition,
  regimeContent,
  submissionProblems,
  validateFormValues,
  type Form,
  type FormInput,
  type FormPeriodValues,
  type RegimeContentInput,
  type ReportData,
  type ReportFormDefinitions,
} from '../packages/core/src/index.ts';
import { testConfig } from '../packages/server/src/config.ts';
import type { DatabaseKind, Db } from '../packages/server/src/db/client.ts';
import { ManualClock } from '../packages/server/src/jobs/clock.ts';
import { type Actor, type AuthedContext, grantsOfUsers } from '../packages/server/src/modules/access/index.ts';
import { openDuePeriods } from '../packages/server/src/modules/assignments/index.ts';
import { createForm, publishDraft } from '../packages/server/src/modules/forms/index.ts';
import { regime, regimeVersion } from '../packages/server/src/modules/regimes/tables.ts';
import { consolidationCells, periodConsolidation } from '../packages/server/src/modules/reports/consolidation.ts';
import { acceptedVersionsOf, assignmentsReceivedBy } from '../packages/server/src/modules/reports/data-queries.ts';
import { contentHashOf, saveReport, transitionReport } from '../packages/server/src/modules/reports/index.ts';
import { openReport } from '../packages/server/src/modules/reports/service/open-report.ts';
import { budgetReportForm } from '../packages/server/src/seed/demo-forms.ts';
import { createTestApp, loggedIn } from '../packages/server/src/test/app.ts';
import { makeUnit, makeUser, systemContext } from '../packages/server/src/test/factories.ts';
import { type DemoHolder, ensureDemoCa, issueCertificatesTo } from '../packages/server/src/modules/signatures/index.ts';
import { benchForm } from './big-form.ts';

const POSTGRES_UNITS = 3321;
const PGLITE_UNITS = 300;
const AUTOSAVES = 200;
const CELLS_PER_AUTOSAVE = 5;
const FLOW_REPORTS = 100;
/** Every 20th commune has sent nothing: consolidation lists it as missing. */
const MISSING_EVERY = 20;

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const kinds: DatabaseKind[] = pgUrl ? ['pglite', 'postgres'] : ['pglite'];

// ---------- helpers ----------

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], q: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const p50 = (xs: number[]) => pct(xs, 0.5);
const p95 = (xs: number[]) => pct(xs, 0.95);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const f1 = (x: number) => x.toFixed(1);
const f0 = (x: number) => x.toFixed(0);
const n = (x: number) => x.toLocaleString('en');
const kb = (bytes: number) => `${n(Math.round(bytes / 1024))} KB`;
const spread = (xs: number[]) => `p50 ${f1(p50(xs))} ms, p95 ${f1(p95(xs))} ms`;

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
/** A figure with at most 2 decimals, as decimal text. */
const figure = (max: number) => (Math.floor(rand() * max * 100) / 100).toString();

/** A uuid[] parameter (drizzle would expand a JS array into a list). */
const uuids = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
const rowsOf = (res: unknown) => (res as { rows: Record<string, unknown>[] }).rows;

// ---------- the big form ----------

/**
 * 20 sections × 3 groups × 32 items: 1,920 input rows + 60 group totals + 20 section totals = 2,000
 * rows; 10 columns of which 2 computed (YTD, a percentage): 15,360 input cells of 20,000. A warning
 * and an error constraint per row.
 */
function bigForm(): FormInput {
  return {
    ...benchForm({
      name: 'Biểu đo hiệu năng nhập liệu',
      code: 'BENCH-NL',
      groups: 3,
      items: 32,
      extraColumns: [
        { code: 'D1', name: 'Số đơn vị báo cáo' },
        { code: 'D2', name: 'Số đơn vị đạt' },
        { code: 'D3', name: 'Dự kiến kỳ sau' },
        { code: 'D4', name: 'Số lao động' },
        { code: 'D5', name: 'Số hộ' },
      ],
    }),
    constraints: [
      {
        id: 'kn-khong-vuot-kh',
        expression: 'KN <= KH',
        message: 'Thực hiện kỳ này vượt kế hoạch năm: hãy giải trình.',
        severity: 'warning',
        scope: { kind: 'column', col: 'KN' },
      },
      {
        id: 'dat-khong-vuot',
        expression: 'D2 <= D1',
        message: 'Số đơn vị đạt không được lớn hơn số đơn vị báo cáo.',
        severity: 'error',
        scope: { kind: 'column', col: 'D2' },
      },
    ],
  };
}

const BIG_INPUT_ROWS: string[] = [];
for (let s = 1; s <= 20; s++) for (let g = 1; g <= 3; g++) for (let i = 1; i <= 32; i++) BIG_INPUT_ROWS.push(`R${s}_${g}_${i}`);

/** Every input cell of the big form, filled so that no constraint is broken. */
function bigFormValues(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const row of BIG_INPUT_ROWS) {
    const kh = Number(figure(1e6)) + 1;
    values[`${row}:KH`] = String(kh);
    values[`${row}:KN`] = (Math.floor(kh * rand() * 100) / 100).toString();
    values[`${row}:CK`] = figure(1e6);
    const d1 = Math.floor(rand() * 500) + 1;
    values[`${row}:D1`] = String(d1);
    values[`${row}:D2`] = String(Math.floor(d1 * rand()));
    values[`${row}:D3`] = figure(1e6);
    values[`${row}:D4`] = String(Math.floor(rand() * 5000));
    values[`${row}:D5`] = String(Math.floor(rand() * 2000));
  }
  return values;
}

/** 5 cells of the columns without constraints, as an officer typing in one area of the grid. */
function autosavePatch(): Record<string, string> {
  const values: Record<string, string> = {};
  const start = Math.floor(rand() * (BIG_INPUT_ROWS.length - CELLS_PER_AUTOSAVE));
  for (let k = 0; k < CELLS_PER_AUTOSAVE; k++) values[`${BIG_INPUT_ROWS[start + k]}:${k % 2 ? 'D3' : 'CK'}`] = figure(1e6);
  return values;
}

/** The budget form's input cells (8 rows × DT, TH). */
const BUDGET_ROWS = ['DNNN', 'FDI', 'NQD', 'TNCN', 'SDD', 'THU_XNK', 'CHI_DTPT', 'CHI_TX'];
const BUDGET_KEYS = BUDGET_ROWS.flatMap((r) => [`${r}:DT`, `${r}:TH`]);
function budgetValues(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const r of BUDGET_ROWS) {
    const dt = Number(figure(1e5)) + 1;
    values[`${r}:DT`] = String(dt);
    values[`${r}:TH`] = (Math.floor(dt * rand() * 100) / 100).toString();
  }
  return values;
}

// ---------- core ----------

function benchCore(): void {
  const definition = bigForm();
  const parsed = parseDefinition('table', definition);
  if (!parsed.ok) throw new Error('the bench form does not parse');
  const form: Form = parsed.definition;
  const values = bigFormValues();
  // YTD of earlier periods for every row of KN (the engine adds this period's value).
  const periods: FormPeriodValues = {
    PREV: {},
    SAMEPERIOD_LASTYEAR: {},
    YTD: Object.fromEntries(BIG_INPUT_ROWS.map((r) => [`${r}:KN`, figure(1e5)])),
  };
  const data: ReportData = { forms: { big: { values, notes: {}, explanations: {} } }, narrative: {}, attachments: [] };
  const refs: ReportFormDefinitions = [{ versionId: 'big', code: 'BENCH-NL', name: definition.name, kind: 'table', definition }];

  const runs = (k: number, fn: () => void) => {
    fn();
    fn();
    return Array.from({ length: k }, () => {
      const start = performance.now();
      fn();
      return performance.now() - start;
    });
  };
  const space = buildCellSpace(form);
  const inputs = Object.keys(values).length;
  let evaluated = evaluateReportForm(form, { values }, periods);
  const evalRuns = runs(10, () => (evaluated = evaluateReportForm(form, { values }, periods)));
  let problems = submissionProblems(refs, data, { big: periods });
  const submitRuns = runs(10, () => (problems = submissionProblems(refs, data, { big: periods })));
  const parseRuns = runs(10, () => parseDefinition('table', definition));
  const patch = autosavePatch();
  const checkRuns = runs(20, () => validateFormValues(form, patch));
  const applyRuns = runs(20, () => applyReportPatch(data, { forms: { big: { values: patch } } }));
  const hashRuns = runs(10, () => contentHashOf(data));

  console.log(
    `core     form ${n(space.rows.length)} rows × ${space.columns.length} columns = ${n(space.keys.length)} cells, ${n(inputs)} inputs filled; ` +
      `${n(evaluated.values.size)} values, ${evaluated.violations.length} violations, ${problems.length} submission problems`,
  );
  console.log(`core     evaluateReportForm (build + full evaluation + constraints): ${spread(evalRuns)}`);
  console.log(`core     submissionProblems (parse + validate all cells + evaluate):  ${spread(submitRuns)}`);
  console.log(
    `core     a save's CPU pieces: parse the definition ${f1(p50(parseRuns))} ms, check a 5-cell patch ${f1(p50(checkRuns))} ms, ` +
      `apply it ${f1(p50(applyRuns))} ms, hash the whole document ${f1(p50(hashRuns))} ms (p50)`,
  );
}

// ---------- database set-up ----------

interface Setup {
  db: Db;
  clock: ManualClock;
  receiverId: string;
  communes: { id: string; order: number }[];
  /** By unit: its data-entry officer and (first communes) its leader, as actors. */
  officer: Map<string, AuthedContext>;
  leader: Map<string, AuthedContext>;
  receiver: AuthedContext;
}

function contentFor(
  name: string,
  reportingUnits: RegimeContentInput['reportingUnits'],
  receivingUnitId: string,
  formIds: string[],
): RegimeContentInput {
  return {
    name,
    content: 'Đo hiệu năng nhập liệu, quy trình và tổng hợp báo cáo.',
    contentKind: 'numeric',
    kind: 'dinh_ky',
    legalBasis: { documentNumber: '09/2019/NĐ-CP', documentDate: '2019-01-24' },
    reportingUnits,
    receivingUnitId,
    sendingMethods: ['phan_mem'],
    deadlines: [{ label: 'Xã gửi tỉnh', rule: { kind: 'working_days_after', days: 2, time: '17:00' } }],
    frequency: 'month',
    effectiveFrom: '2026-01-01',
    formIds,
  };
}

async function activeRegime(db: Db, ownerUnitId: string, code: string, input: RegimeContentInput): Promise<string> {
  const content = regimeContent.parse(input);
  const [r] = await db
    .insert(regime)
    .values({
      code,
      name: content.name,
      kind: 'dinh_ky',
      frequency: 'month',
      ownerUnitId,
      status: 'active',
      searchText: code.toLowerCase(),
    })
    .returning();
  const [v] = await db
    .insert(regimeVersion)
    .values({ regimeId: r!.id, versionNo: 1, status: 'published', content, publishedAt: new Date() })
    .returning();
  await db.update(regime).set({ currentVersionId: v!.id }).where(eq(regime.id, r!.id));
  return r!.id;
}

async function publishTable(db: Db, ownerUnitId: string, definition: FormInput) {
  const ctx = systemContext();
  const created = await createForm(db, ctx, { kind: 'table', ownerUnitId, definition });
  const published = await publishDraft(db, ctx, created.id, { revision: created.draft!.revision, note: null });
  return { formId: created.id, versionId: published.latestPublished!.id };
}

/** Actors of users inserted by SQL, with their grants as the session would read them. */
async function actorsOf(db: Db, userIds: string[]): Promise<Map<string, AuthedContext>> {
  const users = rowsOf(
    await db.execute(
      sql`select u.id, u.username, u.full_name, u.unit_id, o.name as unit_name from app_user u join org_unit o on o.id = u.unit_id where u.id = any(${uuids(userIds)})`,
    ),
  );
  const grants = await grantsOfUsers(db, userIds);
  const out = new Map<string, AuthedContext>();
  for (const u of users) {
    const actor: Actor = {
      id: u.id as string,
      username: u.username as string,
      fullName: u.full_name as string,
      unitId: u.unit_id as string,
      unitName: u.unit_name as string,
      mustChangePassword: false,
      grants: grants.filter((g) => g.userId === u.id).map(({ userId: _, ...g }) => g),
    };
    out.set(actor.unitId, { actor, ip: '127.0.0.1', userAgent: 'bench' });
  }
  return out;
}

async function usersWithRole(db: Db, prefix: string, role: string, unitIds: string[]): Promise<string[]> {
  const rows = rowsOf(
    await db.execute(sql`
      with u as (
        insert into app_user (username, full_name, unit_id, password_hash, must_change_password, search_text)
        select ${prefix} || o.sort_order, 'Cán bộ ' || o.name, o.id, 'x', false, ${prefix}
        from org_unit o where o.id = any(${uuids(unitIds)})
        returning id, unit_id)
      insert into role_grant (user_id, role, unit_id) select id, ${role}, unit_id from u returning user_id`),
  );
  return rows.map((r) => r.user_id as string);
}

async function setUp(db: Db, clock: ManualClock, communeCount: number): Promise<Setup> {
  const root = await makeUnit(db, { name: 'UBND tỉnh đo hiệu năng' });
  const receiver = await makeUnit(db, { parentId: root.id, name: 'Sở Tài chính' });
  await db.execute(sql`
    insert into org_unit (id, parent_id, path, depth, name, kind, search_text, sort_order)
    select u.id, r.id, r.path || u.id || '/', r.depth + 1, 'UBND xã ' || n, 'commune', 'ubnd xa ' || n, n
    from (select gen_random_uuid() as id, n from generate_series(1, ${communeCount}) as n) u, org_unit r where r.id = ${root.id}::uuid`);
  const communes = rowsOf(await db.execute(sql`select id, sort_order from org_unit where kind = 'commune' order by sort_order`)).map(
    (r) => ({ id: r.id as string, order: Number(r.sort_order) }),
  );
  const allIds = communes.map((c) => c.id);
  const flowIds = allIds.slice(0, FLOW_REPORTS + 2);
  const officers = await usersWithRole(db, 'xa', 'data_entry', allIds);
  const leaders = await usersWithRole(db, 'ld', 'approver', flowIds);
  const [receiverUser] = await usersWithRole(db, 'so', 'approver', [receiver.id]);
  // R17: approving and sending sign, so the flow's leaders and units hold certificates (EC: fast to make).
  const config = testConfig();
  const ca = await ensureDemoCa(db, config, { provinceName: 'Bench', now: clock.now(), key: 'EC' });
  const holders: DemoHolder[] = [
    ...leaders.map((userId) => ({ owner: { kind: 'person' as const, userId }, commonName: `Lãnh đạo ${userId.slice(0, 8)}` })),
    ...flowIds.map((unitId) => ({ owner: { kind: 'unit' as const, unitId }, commonName: `UBND xã ${unitId.slice(0, 8)}` })),
  ];
  await issueCertificatesTo(db, config, systemContext(), ca, holders, { now: clock.now(), key: 'EC' });
  return {
    db,
    clock,
    receiverId: receiver.id,
    communes,
    officer: await actorsOf(db, officers.slice(0, FLOW_REPORTS + 2)),
    leader: await actorsOf(db, leaders),
    receiver: (await actorsOf(db, [receiverUser!])).get(receiver.id)!,
  };
}

async function periodAssignments(db: Db, regimeId: string): Promise<{ periodId: string; byUnit: Map<string, string> }> {
  const rows = rowsOf(
    await db.execute(
      sql`select p.id as period_id, a.id, a.unit_id from regime_period p join assignment a on a.regime_period_id = p.id where p.regime_id = ${regimeId}::uuid`,
    ),
  );
  if (rows.length === 0) throw new Error('no assignments were opened');
  return { periodId: rows[0]!.period_id as string, byUnit: new Map(rows.map((r) => [r.unit_id as string, r.id as string])) };
}

// ---------- the backends ----------

async function benchBackend(kind: DatabaseKind): Promise<void> {
  const communeCount = kind === 'postgres' ? POSTGRES_UNITS : PGLITE_UNITS;
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = pgUrl;
  const clock = new ManualClock('2026-01-05T02:00:00Z');
  const t = await createTestApp(kind, {}, { clock });
  const label = kind.padEnd(8);
  try {
    const { db } = t.database;
    const deps = { db, config: testConfig(), clock };
    const setupStart = performance.now();
    const s = await setUp(db, clock, communeCount);
    const publishBig = await timed(() => publishTable(db, s.receiverId, bigForm()));
    const big = publishBig.value;
    const budget = await publishTable(db, s.receiverId, budgetReportForm());
    const ids = s.communes.map((c) => c.id);
    const entryUnits = ids.slice(0, 2);
    const flowUnits = ids.slice(2, FLOW_REPORTS + 2);
    const entryRegime = await activeRegime(
      db,
      s.receiverId,
      'BENCH-NL',
      contentFor('Báo cáo đo hiệu năng nhập liệu', { mode: 'explicit', unitIds: entryUnits }, s.receiverId, [big.formId]),
    );
    const flowRegime = await activeRegime(
      db,
      s.receiverId,
      'BENCH-QT',
      contentFor('Báo cáo đo hiệu năng quy trình', { mode: 'explicit', unitIds: flowUnits }, s.receiverId, [budget.formId]),
    );
    const rootId = rowsOf(await db.execute(sql`select parent_id from org_unit where id = ${s.receiverId}::uuid`))[0]!.parent_id as string;
    const sumRegime = await activeRegime(
      db,
      s.receiverId,
      'BENCH-TH',
      contentFor(
        'Báo cáo thu, chi ngân sách cấp xã',
        { mode: 'by_kind', rootUnitId: rootId, kinds: ['commune'], includeSubtree: true },
        s.receiverId,
        [budget.formId],
      ),
    );
    await openDuePeriods(deps);
    console.log(
      `${label} set-up: ${n(communeCount)} communes, 3 regimes opened, 2,000×10 form published in ${f0(publishBig.ms)} ms; ` +
        `${f0(performance.now() - setupStart)} ms in all`,
    );

    await benchSave(label, s, deps, await periodAssignments(db, entryRegime), big.versionId, t);
    await benchWorkflow(label, s, deps, await periodAssignments(db, flowRegime));
    await benchConsolidation(label, s, await periodAssignments(db, sumRegime), budget.versionId, t);
    console.log(`${label} ran in ${((performance.now() - setupStart) / 1000).toFixed(0)} s`);
  } finally {
    await t.close();
  }
}

type Deps = { db: Db; config: ReturnType<typeof testConfig>; clock: ManualClock };
type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function benchSave(
  label: string,
  s: Setup,
  deps: Deps,
  period: { byUnit: Map<string, string> },
  versionId: string,
  t: TestApp,
): Promise<void> {
  const { db } = deps;
  const [unitA, unitB] = [...period.byUnit.keys()];
  const ctx = s.officer.get(unitA!)!;
  const opened = await openReport(deps, ctx, period.byUnit.get(unitA!)!);
  const values = bigFormValues();
  const cells = Object.keys(values).length;

  const first = await timed(() =>
    saveReport(deps, ctx, opened.id, { revision: opened.version.revision, patch: { forms: { [versionId]: { values } } } }),
  );
  let revision = first.value.revision;
  const autosaves: number[] = [];
  const patches: Record<string, string>[] = [];
  for (let i = 0; i < AUTOSAVES; i++) {
    const patch = autosavePatch();
    patches.push(patch);
    deps.clock.advance(2_000);
    const saved = await timed(() => saveReport(deps, ctx, opened.id, { revision, patch: { forms: { [versionId]: { values: patch } } } }));
    revision = saved.value.revision;
    autosaves.push(saved.ms);
  }

  // The same documents written by hand on the same row: the whole document each time, then only the
  // changed cells merged into it with jsonb's ||.
  const [row] = rowsOf(
    await db.execute(
      sql`select id, data, octet_length(data::text) as text_bytes, pg_column_size(data) as stored_bytes from report_version where report_id = ${opened.id}::uuid and version_no = 1`,
    ),
  );
  const versionRowId = row!.id as string;
  let doc = row!.data as ReportData;
  const rawFirst = await timed(() =>
    db.execute(
      sql`update report_version set data = ${JSON.stringify(doc)}::jsonb, revision = revision + 1 where id = ${versionRowId}::uuid`,
    ),
  );
  const rawWhole: number[] = [];
  const rawMerge: number[] = [];
  for (const patch of patches) {
    doc = applyReportPatch(doc, { forms: { [versionId]: { values: patch } } });
    rawWhole.push(
      (
        await timed(() =>
          db.execute(
            sql`update report_version set data = ${JSON.stringify(doc)}::jsonb, revision = revision + 1 where id = ${versionRowId}::uuid`,
          ),
        )
      ).ms,
    );
  }
  for (const patch of patches) {
    rawMerge.push(
      (
        await timed(() =>
          db.execute(sql`update report_version
            set data = jsonb_set(data, array['forms', ${versionId}, 'values'], (data #> array['forms', ${versionId}, 'values']) || ${JSON.stringify(patch)}::jsonb),
                revision = revision + 1
            where id = ${versionRowId}::uuid`),
        )
      ).ms,
    );
  }

  console.log(
    `${label} save: first save of every input cell (${n(cells)} of 20,000 cells; document ${kb(Number(row!.text_bytes))} as text, ` +
      `${kb(Number(row!.stored_bytes))} stored) ${f0(first.ms)} ms; raw UPDATE of the same document ${f0(rawFirst.ms)} ms → ours / raw = ${(first.ms / rawFirst.ms).toFixed(1)}×`,
  );
  console.log(
    `${label} save: ${AUTOSAVES} autosaves of ${CELLS_PER_AUTOSAVE} cells ${spread(autosaves)}, ${f1((AUTOSAVES / sum(autosaves)) * 1000)} saves/s; ` +
      `raw whole-document UPDATE ${spread(rawWhole)} → ours / raw = ${(p50(autosaves) / p50(rawWhole)).toFixed(1)}× (p50); ` +
      `raw jsonb || merge p50 ${f1(p50(rawMerge))} ms → ${(p50(autosaves) / p50(rawMerge)).toFixed(1)}×`,
  );

  // The same first save through HTTP (JSON body parsing and the Zod schema of the body included).
  const officer = await makeUser(db, { unitId: unitB!, grants: [{ role: 'data_entry', unitId: unitB! }] });
  const client = await loggedIn(t.app, officer.username, officer.password);
  const openedB = (await client.post(`/api/v1/assignments/${period.byUnit.get(unitB!)}/report`)).json() as typeof opened;
  const body = { revision: openedB.version.revision, patch: { forms: { [versionId]: { values: bigFormValues() } } } };
  const bodyBytes = Buffer.byteLength(JSON.stringify(body));
  const http = await timed(() => client.patch(`/api/v1/reports/${openedB.id}/data`, body));
  const outcome = http.value.statusCode === 200 ? 'HTTP 200' : `HTTP ${http.value.statusCode} ${http.value.body.slice(0, 200)}`;
  console.log(
    `${label} save: the first save as PATCH /reports/:id/data (body ${kb(bodyBytes)}, limit ${kb(deps.config.bodyLimitBytes)}): ` +
      `${outcome} in ${f0(http.ms)} ms → HTTP / service = ${(http.ms / first.ms).toFixed(2)}×`,
  );
}

async function benchWorkflow(label: string, s: Setup, deps: Deps, period: { byUnit: Map<string, string> }): Promise<void> {
  const opens: number[] = [];
  const saves: number[] = [];
  const steps: Record<'submit' | 'approve' | 'send' | 'accept', number[]> = { submit: [], approve: [], send: [], accept: [] };
  const perReport: number[] = [];
  const forms = rowsOf(
    await deps.db.execute(sql`select form_version_ids from assignment where id = ${[...period.byUnit.values()][0]!}::uuid`),
  )[0]!.form_version_ids as string[];
  for (const [unitId, assignmentId] of period.byUnit) {
    const officer = s.officer.get(unitId)!;
    const leader = s.leader.get(unitId)!;
    const start = performance.now();
    const opened = await timed(() => openReport(deps, officer, assignmentId));
    opens.push(opened.ms);
    const saved = await timed(() =>
      saveReport(deps, officer, opened.value.id, {
        revision: opened.value.version.revision,
        patch: { forms: { [forms[0]!]: { values: budgetValues() } } },
      }),
    );
    saves.push(saved.ms);
    let revision = opened.value.revision;
    for (const [action, actor] of [
      ['submit', officer],
      ['approve', leader],
      ['send', leader],
      ['accept', s.receiver],
    ] as const) {
      deps.clock.advance(60_000);
      const step = await timed(() => transitionReport(deps, actor, opened.value.id, { action, revision }));
      revision = step.value.revision;
      steps[action].push(step.ms);
    }
    perReport.push(performance.now() - start);
  }
  const transitions = Object.values(steps).flat();
  const states = rowsOf(
    await deps.db.execute(
      sql`select count(*)::int as n from report r where r.assignment_id = any(${uuids([...period.byUnit.values()])}) and r.state = 'accepted'`,
    ),
  );
  console.log(
    `${label} workflow: ${period.byUnit.size} reports (budget form, 16 cells), ${states[0]!.n} accepted; ` +
      `${transitions.length} transitions in ${f0(sum(transitions))} ms → ${f1((transitions.length / sum(transitions)) * 1000)} transitions/s`,
  );
  console.log(
    `${label} workflow: open ${f1(p50(opens))}, save ${f1(p50(saves))}, ` +
      (Object.keys(steps) as (keyof typeof steps)[]).map((k) => `${k} ${f1(p50(steps[k]))}`).join(', ') +
      ` ms (p50); one report open → save → accept: ${spread(perReport)}`,
  );
}

async function benchConsolidation(label: string, s: Setup, period: { periodId: string }, versionId: string, t: TestApp): Promise<void> {
  const { db } = s;
  const at = s.clock.now();
  // Each commune's accepted report as the workflow leaves it, written by hand (all but every 20th commune).
  const inserted = await timed(async () => {
    await db.execute(sql`
      insert into report (assignment_id, regime_period_id, unit_id, receiving_unit_id, state, current_version_no, sent_at, accepted_at, created_at, updated_at)
      select a.id, a.regime_period_id, a.unit_id, a.receiving_unit_id, 'accepted', 1, ${at}, ${at}, ${at}, ${at}
      from assignment a join org_unit o on o.id = a.unit_id
      where a.regime_period_id = ${period.periodId}::uuid and o.sort_order % ${MISSING_EVERY} <> 0`);
    await db.execute(sql`
      insert into report_version (report_id, version_no, data, content_hash, sent_at, accepted_at, locked_at, created_at, updated_at)
      select r.id, 1,
        jsonb_build_object('forms', jsonb_build_object(${versionId}::text, jsonb_build_object('values', v.values, 'notes', '{}'::jsonb, 'explanations', '{}'::jsonb)),
                           'narrative', '{}'::jsonb, 'attachments', '[]'::jsonb),
        md5(r.id::text), ${at}, ${at}, ${at}, ${at}, ${at}
      from report r cross join lateral (
        select jsonb_object_agg(k, trim_scale(round((random() * 100000)::numeric, 2))::text) as values
        from unnest(string_to_array(${BUDGET_KEYS.join(',')}, ',')) k where r.id is not null) v
      where r.regime_period_id = ${period.periodId}::uuid`);
    await db.execute(sql`
      update assignment set status = 'accepted' where id in (select assignment_id from report where regime_period_id = ${period.periodId}::uuid)`);
  });
  const counts = rowsOf(await db.execute(sql`select count(*)::int as n from report where regime_period_id = ${period.periodId}::uuid`))[0]!;

  const query = { formVersionId: versionId, receivingUnitId: s.receiverId };
  const runs: number[] = [];
  const response = await periodConsolidation(db, s.receiver, period.periodId, query);
  for (let i = 0; i < 3; i++) runs.push((await timed(() => periodConsolidation(db, s.receiver, period.periodId, query))).ms);

  // The pieces: reading the accepted versions, and the core rollup alone.
  const expected = await assignmentsReceivedBy(db, period.periodId, s.receiverId);
  const read = await timed(() =>
    acceptedVersionsOf(
      db,
      expected.map((e) => e.assignmentId),
    ),
  );
  const [formRow] = rowsOf(await db.execute(sql`select definition from form_version where id = ${versionId}::uuid`));
  const parsed = parseDefinition('table', formRow!.definition);
  if (!parsed.ok) throw new Error('the budget form does not parse');
  const cells = consolidationCells(parsed.definition, new Map());
  const reports = read.value.map((a) => ({
    unitId: a.unitId,
    values: ((a.data as ReportData).forms[versionId]?.values ?? {}) as Record<string, string | null>,
  }));
  const input = { expectedUnitIds: expected.map((e) => e.unitId), reports, cells };
  consolidate(input);
  const core: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    consolidate(input);
    core.push(performance.now() - start);
  }
  const stringify = await timed(async () => JSON.stringify(response));
  const bytes = Buffer.byteLength(stringify.value);

  // Through HTTP: the same with the Zod response schema and serialisation.
  const user = await makeUser(db, { unitId: s.receiverId, grants: [{ role: 'approver', unitId: s.receiverId }] });
  const client = await loggedIn(t.app, user.username, user.password);
  const url = `/api/v1/periods/${period.periodId}/consolidation?formVersionId=${versionId}&receivingUnitId=${s.receiverId}`;
  const httpRuns: number[] = [];
  let status = 0;
  for (let i = 0; i < 3; i++) {
    const res = await timed(() => client.get(url));
    status = res.value.statusCode;
    httpRuns.push(res.ms);
  }

  console.log(
    `${label} consolidation: ${n(expected.length)} communes expected, ${n(counts.n as number)} accepted reports (written by hand in ${f0(inserted.ms)} ms), ` +
      `${response.missingUnits.length} missing; ${cells.length} cells × ${n(response.reportedUnits.length)} contributors`,
  );
  console.log(
    `${label} consolidation: periodConsolidation p50 ${f0(p50(runs))} ms (of 3 after a first run); of which reading the accepted versions ${f0(read.ms)} ms, ` +
      `core consolidate() alone p50 ${f1(p50(core))} ms; response ${kb(bytes)} JSON (JSON.stringify ${f0(stringify.ms)} ms)`,
  );
  console.log(
    `${label} consolidation: GET /periods/:id/consolidation HTTP ${status} p50 ${f0(p50(httpRuns))} ms → HTTP / function = ${(p50(httpRuns) / p50(runs)).toFixed(1)}×`,
  );
}

benchCore();
for (const kind of kinds) await benchBackend(kind);

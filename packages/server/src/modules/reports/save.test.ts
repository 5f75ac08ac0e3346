import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { reportsFixture, type ReportsFixture } from './workflow.test-support.ts';

type Problem = { kind?: string; cell?: string; key?: string; message: string; sectionId?: string };
const errorOf = (res: { statusCode: number; json(): unknown }) => {
  const e = (res.json() as { error: { code: string; message: string; details?: { problems?: Problem[] } } }).error;
  return { status: res.statusCode, code: e.code, message: e.message, problems: e.details?.problems ?? [] };
};

describe.each(backends)('reports: saving data, submission checks and concurrent edits on %s', (backend) => {
  let f: ReportsFixture;
  let id: string;
  let withOutline: { anLac: string; assignmentOf: (unitId: string) => string };
  beforeAll(async () => {
    f = await reportsFixture(backend);
    const { anLac } = await f.regime('BC-LUU');
    id = (await f.open(f.officer, anLac)).id;
    withOutline = await f.regime('BC-DC', { outlineFormId: f.outline.formId });
  }, 120_000);
  afterAll(() => f.t.close());

  it('saves a patch, moves the version revision and keeps the content hash of the data', async () => {
    const before = await f.detail(f.officer, id);
    const saved = f.ok<{ revision: number; savedAt: string; contentHash: string }>(
      await f.save(f.officer, id, { 'R11:KN': '1234.5', 'R12:KN': '0' }),
    );
    expect(saved).toEqual({
      revision: before.version.revision + 1,
      savedAt: f.clock.now().toISOString(),
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const after = await f.detail(f.officer, id);
    expect(after.version).toMatchObject({ revision: saved.revision, contentHash: saved.contentHash });
    expect(after.version.data.forms[f.budget]!.values).toEqual({ 'R11:KN': '1234.5', 'R12:KN': '0' });
    // The report's workflow revision does not move with a save.
    expect(after.revision).toBe(before.revision);
    // A null empties the cell.
    f.ok(await f.save(f.officer, id, { 'R12:KN': null }));
    expect((await f.detail(f.officer, id)).version.data.forms[f.budget]!.values).toEqual({ 'R11:KN': '1234.5' });
  });

  it('refuses invalid cells all together with their row and column, and keeps the data as it was', async () => {
    const before = await f.detail(f.officer, id);
    const res = await f.save(f.officer, id, { 'R11:KN': 'abc', 'R2:KH': '5', 'R12:KN': '7' });
    const e = errorOf(res);
    expect(e).toMatchObject({ status: 400, code: 'REPORT_CELLS_INVALID' });
    expect(e.problems.map((p) => p.key).sort()).toEqual(['R11:KN', 'R2:KH']);
    expect(e.problems.find((p) => p.key === 'R11:KN')!.message).toContain('"abc"');
    expect(e.message).toContain('Có ô số liệu không hợp lệ.');
    const after = await f.detail(f.officer, id);
    expect(after.version).toEqual(before.version);
  });

  it('refuses data of a form the report does not have, and a stale revision', async () => {
    const other = await f.officer.patch(`/api/v1/reports/${id}/data`, {
      revision: (await f.detail(f.officer, id)).version.revision,
      patch: { forms: { [f.outline.versionId]: { values: { 'R11:KN': '1' } } } },
    });
    expect(errorOf(other)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const stale = await f.officer.patch(`/api/v1/reports/${id}/data`, {
      revision: 1,
      patch: { forms: { [f.budget]: { values: { 'R11:KN': '2' } } } },
    });
    expect(errorOf(stale)).toMatchObject({ status: 409, code: 'REPORT_STALE' });
    expect((await f.detail(f.officer, id)).version.data.forms[f.budget]!.values['R11:KN']).toBe('1234.5');
  });

  it('lets only the sending unit’s data entry save', async () => {
    expect(errorOf(await f.save(f.leader, id, { 'R11:KN': '1' }))).toMatchObject({ status: 403, code: 'TRANSITION_FORBIDDEN' });
    expect(errorOf(await f.save(f.receiver, id, { 'R11:KN': '1' }))).toMatchObject({ status: 403, code: 'TRANSITION_FORBIDDEN' });
    // Another commune's officer cannot read it, let alone save into it.
    const { version } = await f.detail(f.officer, id);
    const outsider = await f.binhMinhOfficer.patch(`/api/v1/reports/${id}/data`, {
      revision: version.revision,
      patch: { forms: { [f.budget]: { values: { 'R11:KN': '1' } } } },
    });
    expect(errorOf(outsider)).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
    expect((await f.detail(f.officer, id)).version).toEqual(version);
  });

  it('refuses to submit with a constraint error, listing it, and changes nothing', async () => {
    f.ok(await f.save(f.officer, id, { 'R12:KN': '-5' }));
    const before = await f.detail(f.officer, id);
    const e = errorOf(await f.act(f.officer, id, 'submit'));
    expect(e).toMatchObject({ status: 409, code: 'REPORT_HAS_ERRORS' });
    expect(e.problems).toContainEqual(expect.objectContaining({ kind: 'error', cell: 'R12:KN' }));
    const after = await f.detail(f.officer, id);
    expect({ state: after.state, revision: after.revision, events: after.events.length }).toEqual({
      state: 'draft',
      revision: before.revision,
      events: before.events.length,
    });
    f.ok(await f.save(f.officer, id, { 'R12:KN': '5' }));
    expect((await f.step(f.officer, id, 'submit')).state).toBe('submitted');
    expect(errorOf(await f.save(f.officer, id, { 'R12:KN': '6' }))).toMatchObject({ status: 409, code: 'REPORT_NOT_EDITABLE' });
  });

  it('needs the required outline sections written before submitting; sections must exist in the outline', async () => {
    const reportId = (await f.open(f.officer, withOutline.anLac)).id;
    const narrative = (sections: Record<string, unknown>) => ({ narrative: { [f.outline.versionId]: sections } });
    const patch = async (p: unknown) =>
      f.officer.patch(`/api/v1/reports/${reportId}/data`, { revision: (await f.detail(f.officer, reportId)).version.revision, patch: p });

    const e = errorOf(await f.act(f.officer, reportId, 'submit'));
    expect(e).toMatchObject({ status: 409, code: 'NARRATIVE_REQUIRED' });
    expect(e.problems).toEqual([expect.objectContaining({ kind: 'narrative_required', sectionId: 'tinh-hinh' })]);

    const unknown = errorOf(await patch(narrative({ 'khong-co': { doc: {}, text: 'x' } })));
    expect(unknown).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(unknown.message).toContain('"khong-co"');

    f.ok(await patch(narrative({ 'tinh-hinh': { doc: { type: 'doc' }, text: 'Kinh tế tăng trưởng ổn định.' } })));
    expect((await f.step(f.officer, reportId, 'submit')).state).toBe('submitted');
  });

  it('two saves of the same revision at once: exactly one is written, the other is told to reload', async () => {
    const reportId = (await f.open(f.officer, withOutline.assignmentOf(f.units.anLac))).id;
    await f.step(f.reviewer, reportId, 'send_back', { reason: 'Soạn lại.' });
    const { version } = await f.detail(f.officer, reportId);
    const other = await f.userWith([{ role: 'data_entry', unitId: f.units.anLac }]);
    const body = (v: string) => ({ revision: version.revision, patch: { forms: { [f.budget]: { values: { 'R11:KN': v } } } } });
    const results = await Promise.all([
      f.officer.patch(`/api/v1/reports/${reportId}/data`, body('111')),
      other.patch(`/api/v1/reports/${reportId}/data`, body('222')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(errorOf(loser).code).toBe('REPORT_STALE');
    const winner = results.indexOf(results.find((r) => r.statusCode === 200)!) === 0 ? '111' : '222';
    const after = await f.detail(f.officer, reportId);
    expect(after.version.data.forms[f.budget]!.values['R11:KN']).toBe(winner);
    expect(after.version.revision).toBe(version.revision + 1);
  });

  it('two approvals at once: exactly one wins, the other gets a conflict, one approve event', async () => {
    const reportId = (await f.open(f.officer, withOutline.anLac)).id;
    await f.step(f.officer, reportId, 'submit');
    const secondLeader = await f.userWith([{ role: 'approver', unitId: f.units.anLac }]);
    const { revision, state } = await f.detail(f.leader, reportId);
    expect(state).toBe('submitted');
    const results = await Promise.all([
      f.leader.post(`/api/v1/reports/${reportId}/transitions`, { action: 'approve', revision }),
      secondLeader.post(`/api/v1/reports/${reportId}/transitions`, { action: 'approve', revision }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(['REPORT_STALE', 'TRANSITION_NOT_ALLOWED']).toContain(errorOf(results.find((r) => r.statusCode === 409)!).code);
    const events = (await f.detail(f.leader, reportId)).events.filter((e) => e.action === 'approve');
    expect(events).toHaveLength(1);
    const res = await f.db.execute(
      sql`select count(*)::int as n from audit_log where target_id = ${reportId} and summary->>'action' = 'approve'`,
    );
    expect((res as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it('two first openings at once make one report', async () => {
    const assignmentId = withOutline.assignmentOf(f.units.binhMinh);
    const results = await Promise.all([
      f.binhMinhOfficer.post(`/api/v1/assignments/${assignmentId}/report`),
      f.binhMinhOfficer.post(`/api/v1/assignments/${assignmentId}/report`),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(new Set(results.map((r) => (r.json() as { id: string }).id)).size).toBe(1);
    expect(await f.reportCount(assignmentId)).toBe(1);
    const created = await f.db.execute(
      sql`select count(*)::int as n from report_event where action = 'created' and report_id = ${(results[0]!.json() as { id: string }).id}`,
    );
    expect((created as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });
});

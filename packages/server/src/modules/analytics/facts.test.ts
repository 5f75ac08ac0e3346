import { defineForm, evaluateReportForm, type FormInput } from '@baocao/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/db.ts';
import { publish, reportsFixture, type ReportsFixture } from '../reports/workflow.test-support.ts';
import { factsOfReport, type FactRow } from './facts-queries.ts';
import { factColumns, factsOfForm, factYear, importFacts } from './facts.ts';
import { createAnalyticsReferenceData, explored, table } from './fixtures.test-support.ts';

/**
 * Biểu PT: rows bound to indicators (a sum, a weighted average with its weight row, a total split by
 * sex, computed from its children), a row without an indicator; columns "Thực hiện" › "Tháng báo
 * cáo", "Kế hoạch năm", a computed percentage and a note.
 */
function factsForm(): FormInput {
  return {
    name: 'Biểu PT: Một số chỉ tiêu phát triển',
    code: 'PT/KHĐT',
    rows: [
      { id: 'r1', code: 'VON', name: 'Vốn đầu tư thực hiện', unit: 'Triệu đồng', kind: 'input', indicatorCode: 'CT-VON' },
      { id: 'r2', code: 'DS', name: 'Dân số trung bình', unit: 'Người', kind: 'input', indicatorCode: 'CT-DS' },
      { id: 'r3', code: 'HN', name: 'Tỷ lệ hộ nghèo', unit: '%', kind: 'input', indicatorCode: 'CT-HN' },
      {
        id: 'r4',
        code: 'LD',
        name: 'Lao động được tạo việc làm',
        unit: 'Người',
        kind: 'computed',
        formula: 'SUM(CHILDREN)',
        indicatorCode: 'CT-LD',
        children: [
          { id: 'r5', code: 'LD_NAM', name: 'Nam', kind: 'input', indicatorCode: 'CT-LD', disaggregation: { gioi_tinh: 'nam' } },
          { id: 'r6', code: 'LD_NU', name: 'Nữ', kind: 'input', indicatorCode: 'CT-LD', disaggregation: { gioi_tinh: 'nu' } },
        ],
      },
      { id: 'r7', code: 'KHAC', name: 'Số cuộc họp', kind: 'input' },
    ],
    columns: [
      { kind: 'group', name: 'Thực hiện', children: [{ code: 'TH', name: 'Tháng báo cáo' }] },
      { code: 'KH', name: 'Kế hoạch năm' },
      { code: 'SS', name: 'So với kế hoạch (%)', type: 'percent', kind: 'computed', formula: 'PERCENT(TH, KH)' },
      { code: 'GC', name: 'Ghi chú', type: 'text' },
    ],
  };
}

describe('facts of a form', () => {
  const form = defineForm(factsForm());

  it('takes the numeric columns with their group names, not the computed percentage nor the note', () => {
    expect(factColumns(form).map((c) => [c.column.code, c.name])).toEqual([
      ['TH', 'Thực hiện - Tháng báo cáo'],
      ['KH', 'Kế hoạch năm'],
    ]);
  });

  it('writes rows bound to indicators × numeric columns with a number; LD = 18 + 12 = 30 (its empty plan is no figure); poverty weighted by population 200', () => {
    const { values } = evaluateReportForm(form, {
      values: {
        'VON:TH': '120',
        'VON:KH': '1500',
        'DS:TH': '200',
        'HN:TH': '50',
        'LD_NAM:TH': '18',
        'LD_NU:TH': '12',
        'KHAC:TH': '4',
        'VON:GC': 'x',
      },
    });
    const facts = factsOfForm(form, values, (code) => (code === 'CT-HN' ? 'CT-DS' : null));
    expect(facts.map((x) => [x.rowCode, x.indicatorCode, x.disaggregation, x.measure, x.value, x.weight])).toEqual([
      ['VON', 'CT-VON', '', 'TH', '120', null],
      ['VON', 'CT-VON', '', 'KH', '1500', null],
      ['DS', 'CT-DS', '', 'TH', '200', null],
      ['HN', 'CT-HN', '', 'TH', '50', '200'],
      ['LD', 'CT-LD', '', 'TH', '30', null],
      ['LD_NAM', 'CT-LD', 'GIOI_TINH=NAM', 'TH', '18', null],
      ['LD_NU', 'CT-LD', 'GIOI_TINH=NU', 'TH', '12', null],
    ]);
    expect(facts[0]).toMatchObject({ measureName: 'Thực hiện - Tháng báo cáo', unitOfMeasure: 'Triệu đồng' });
  });

  it('files a period under its year, a custom period under the year its window ends', () => {
    expect(factYear({ code: 'M2026-01', windowEnd: '2026-01-14' })).toBe(2026);
    expect(factYear({ code: 'Q2025-4', windowEnd: '2025-12-14' })).toBe(2025);
    expect(factYear({ code: 'C3', windowEnd: '2027-02-28' })).toBe(2027);
  });
});

describe.each(backends)('facts of accepted reports on %s', (backend) => {
  let f: ReportsFixture;
  let formVersionId: string;
  let anLacReport: string;
  let binhMinhReport: string;
  let regimeId: string;
  beforeAll(async () => {
    f = await reportsFixture(backend);
    await createAnalyticsReferenceData(f.admin);
    const form = await publish(f.db, f.units.planning, 'table', factsForm());
    formVersionId = form.versionId;
    const opened = await f.regime('BC-PT', { formIds: [form.formId] });
    regimeId = opened.regimeId;
    const accept = async (
      assignmentId: string,
      values: Record<string, string>,
      sender: { officer: typeof f.officer; leader: typeof f.leader },
    ) => {
      const { id } = await f.open(sender.officer, assignmentId);
      f.ok(await f.save(sender.officer, id, values, formVersionId));
      await f.step(sender.officer, id, 'submit');
      await f.step(sender.leader, id, 'approve');
      await f.step(sender.leader, id, 'send');
      await f.step(f.receiver, id, 'accept');
      return id;
    };
    anLacReport = await accept(
      opened.anLac,
      { 'VON:TH': '120', 'VON:KH': '1500', 'DS:TH': '200', 'HN:TH': '50', 'LD_NAM:TH': '18', 'LD_NU:TH': '12', 'KHAC:TH': '3' },
      { officer: f.officer, leader: f.leader },
    );
    binhMinhReport = await accept(
      opened.assignmentOf(f.units.binhMinh),
      { 'VON:TH': '80.5', 'DS:TH': '100', 'HN:TH': '80', 'LD_NAM:TH': '9', 'LD_NU:TH': '11' },
      await f.senderOf(f.units.binhMinh),
    );
  }, 240_000);
  afterAll(() => f.t.close());

  const brief = (rows: FactRow[]) =>
    rows.map((r) => [r.indicatorCode, r.disaggregation, r.measure, r.value, r.weight, r.versionNo, r.supersededAt === null]);

  it('writes the accepted figures of An Lạc and Bình Minh as facts of Tháng 1/2026, weights included', async () => {
    const anLac = await factsOfReport(f.db, anLacReport);
    expect(brief(anLac)).toEqual([
      ['CT-DS', '', 'TH', '200', null, 1, true],
      ['CT-HN', '', 'TH', '50', '200', 1, true],
      ['CT-LD', '', 'TH', '30', null, 1, true],
      ['CT-LD', 'GIOI_TINH=NAM', 'TH', '18', null, 1, true],
      ['CT-LD', 'GIOI_TINH=NU', 'TH', '12', null, 1, true],
      ['CT-VON', '', 'KH', '1500', null, 1, true],
      ['CT-VON', '', 'TH', '120', null, 1, true],
    ]);
    expect(anLac.find((r) => r.indicatorCode === 'CT-VON' && r.measure === 'TH')).toMatchObject({
      year: 2026,
      periodType: 'month',
      periodCode: 'M2026-01',
      periodStart: '2025-12-15',
      periodEnd: '2026-01-14',
      regimeId,
      unitId: f.units.anLac,
      measureName: 'Thực hiện - Tháng báo cáo',
      unitOfMeasure: 'Triệu đồng',
      sourceKind: 'report',
      formVersionId,
      rowCode: 'VON',
    });
    const binhMinh = await factsOfReport(f.db, binhMinhReport);
    expect(brief(binhMinh).filter(([code]) => code === 'CT-HN' || code === 'CT-VON')).toEqual([
      ['CT-HN', '', 'TH', '80', '100', 1, true],
      ['CT-VON', '', 'TH', '80.5', null, 1, true],
    ]);
  });

  it('explores them: CT-VON 120 + 80,5 = 200,5; poverty (50 × 200 + 80 × 100) / 300 = 60 %', async () => {
    const query = (indicatorCodes: string[]) => ({
      indicatorCodes,
      measures: ['TH'],
      units: { mode: 'explicit' as const, unitIds: [f.units.anLac, f.units.binhMinh] },
      periods: { periodType: 'month' as const, from: 'M2026-01', to: 'M2026-01' },
      regimeId,
      rows: ['unit' as const],
      columns: [],
    });
    expect(table(await explored(f.admin, query(['CT-VON'])))).toEqual({
      'UBND xã An Lạc': ['120'],
      'UBND xã Bình Minh': ['80.5'],
      'Tổng cộng': ['200.5'],
    });
    expect(table(await explored(f.admin, query(['CT-HN'])))['Tổng cộng']).toEqual(['60']);
  });

  it('supersedes the facts of version 1 when a correction is accepted; the old ones stay, the new figure 130 + 80,5 = 210,5 counts', async () => {
    await f.step(f.leader, anLacReport, 'request_correction', { reason: 'Sai vốn đầu tư.' });
    await f.step(f.receiver, anLacReport, 'approve_correction');
    f.ok(await f.save(f.officer, anLacReport, { 'VON:TH': '130' }, formVersionId));
    // Nothing changes before the correction is accepted.
    expect((await factsOfReport(f.db, anLacReport)).every((r) => r.supersededAt === null && r.versionNo === 1)).toBe(true);
    await f.step(f.officer, anLacReport, 'submit');
    await f.step(f.leader, anLacReport, 'approve');
    await f.step(f.leader, anLacReport, 'send');
    await f.step(f.receiver, anLacReport, 'accept');

    const all = await factsOfReport(f.db, anLacReport);
    const v2 = (await f.db.execute(sql`select id from report_version where report_id = ${anLacReport} and version_no = 2`)) as unknown as {
      rows: { id: string }[];
    };
    const old = all.filter((r) => r.versionNo === 1);
    const current = all.filter((r) => r.versionNo === 2);
    expect(old).toHaveLength(7);
    expect(old.every((r) => r.supersededAt !== null && r.supersededByVersionId === v2.rows[0]!.id)).toBe(true);
    expect(current).toHaveLength(7);
    expect(current.every((r) => r.supersededAt === null)).toBe(true);
    expect(current.find((r) => r.indicatorCode === 'CT-VON' && r.measure === 'TH')?.value).toBe('130');
    expect(old.find((r) => r.indicatorCode === 'CT-VON' && r.measure === 'TH')?.value).toBe('120');

    const result = await explored(f.admin, {
      indicatorCodes: ['CT-VON'],
      measures: ['TH'],
      units: { mode: 'explicit', unitIds: [f.units.anLac, f.units.binhMinh] },
      periods: { periodType: 'month', from: 'M2026-01', to: 'M2026-01' },
      rows: ['unit'],
      columns: [],
    });
    expect(table(result)).toEqual({ 'UBND xã An Lạc': ['130'], 'UBND xã Bình Minh': ['80.5'], 'Tổng cộng': ['210.5'] });
  });

  it('refuses, in the database, to delete a fact of a report or change one already superseded', async () => {
    await expect(f.db.execute(sql`delete from fact_value where report_id = ${anLacReport}`)).rejects.toThrow();
    await expect(
      f.db.execute(sql`update fact_value set superseded_at = now() where report_id = ${anLacReport} and version_no = 1`),
    ).rejects.toThrow();
    expect(await factsOfReport(f.db, anLacReport)).toHaveLength(14);
  });

  it('imports facts with their source, refusing one without it', async () => {
    const base = {
      unitId: f.units.catHai,
      indicatorCode: 'CT-VON',
      periodType: 'year',
      periodCode: 'Y2025',
      measure: 'TH',
      measureName: 'Thực hiện',
      value: '1234.5',
    };
    await expect(f.db.transaction((tx) => importFacts(tx, [{ ...base, sourceNote: '  ' }]))).rejects.toThrow(/thiếu nguồn số liệu/u);
    expect(await f.db.transaction((tx) => importFacts(tx, [{ ...base, sourceNote: 'Niên giám thống kê 2025' }]))).toBe(1);
    const res = (await f.db.execute(
      sql`select year, period_start::text as s, period_end::text as e, source_kind, source_note from fact_value where unit_id = ${f.units.catHai}`,
    )) as unknown as { rows: unknown[] };
    expect(res.rows).toEqual([
      { year: 2025, s: '2025-01-01', e: '2025-12-31', source_kind: 'import', source_note: 'Niên giám thống kê 2025' },
    ]);
  });
});

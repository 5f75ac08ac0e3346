import {
  addMonths,
  daysInMonth,
  type ExplorationQueryInput,
  isoDateOf,
  periodCode,
  publishDatasetBody,
  saveDashboardBody,
  saveViewBody,
  vnToday,
} from '@baocao/core';
import type { Db } from '../db/client.ts';
import type { Clock } from '../jobs/clock.ts';
import type { AuthedContext } from '../modules/access/index.ts';
import { createDashboard } from '../modules/analytics/dashboards.ts';
import { importFacts, type ImportFactInput } from '../modules/analytics/index.ts';
import { publishDataset } from '../modules/analytics/public.ts';
import { createView } from '../modules/analytics/views.ts';
import { listUnits } from '../modules/units/index.ts';

export const DEMO_SOURCE_NOTE = 'Số liệu mẫu của hệ thống thử nghiệm';
/** Months of figures: the 24 ending with the last complete month before the seed. */
export const DEMO_MONTHS = 24;
const COMMUNE_KINDS = new Set(['commune', 'ward', 'special_zone']);

/** A fact as the demo imports it: one figure of one unit for one period. */
export interface DemoFact {
  unitId: string;
  indicatorCode: string;
  disaggregation: string;
  periodType: 'month' | 'year';
  periodCode: string;
  periodStart: string;
  periodEnd: string;
  year: number;
  measure: 'TH' | 'KH';
  measureName: string;
  unitOfMeasure: string;
  value: string;
  weight: string | null;
}

// The demo indicators (modules/indicators/demo.ts): their units of measure as the facts carry them.
const UNIT_OF_MEASURE: Record<string, string> = {
  LD_TAO_VIEC_LAM: 'Người',
  KHACH_DL: 'Lượt người',
  DN_THANH_LAP: 'Doanh nghiệp',
  TL_HO_NGHEO: '%',
  SO_HO: 'Hộ',
};
const MEASURE_NAMES = { TH: 'Thực hiện', KH: 'Kế hoạch năm' } as const;

/**
 * A fraction in [0, 1) of some keys (FNV-1a, 32 bits): the same unit, indicator and period give
 * the same figure at every start, on every machine.
 */
export function demoFraction(...keys: string[]): number {
  const text = keys.join('|');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Mix the high bits down: FNV's low bits alone vary little between close keys.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32;
}

interface Month {
  year: number;
  month: number;
  code: string;
  start: string;
  end: string;
}

/** The `count` months ending with the one before `today`'s month (Vietnam's calendar), oldest first. */
export function demoMonths(today: string, count = DEMO_MONTHS): Month[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_, i) => {
    const m = addMonths(year, month, i - count);
    return {
      ...m,
      code: periodCode({ type: 'month', year: m.year, index: m.month }),
      start: isoDateOf(m.year, m.month, 1),
      end: isoDateOf(m.year, m.month, daysInMonth(m.year, m.month)),
    };
  });
}

/** One commune's figures of one month: plausible, a big ward stays big, tourists peak in summer. */
function communeMonth(code: string, m: Month, monthIndex: number) {
  const scale = (indicator: string) => demoFraction(code, indicator);
  const jitter = (indicator: string) => demoFraction(code, indicator, m.code);
  const mix = (indicator: string, weightOfScale: number) => weightOfScale * scale(indicator) + (1 - weightOfScale) * jitter(indicator);
  const jobs = 20 + Math.round(380 * mix('LD_TAO_VIEC_LAM', 0.6));
  const men = Math.round(jobs * (0.42 + 0.2 * jitter('LD_TAO_VIEC_LAM:NAM')));
  const summer = 0.5 + 0.5 * Math.cos((2 * Math.PI * (m.month - 7)) / 12);
  const tourists = 500 + Math.round(49_500 * (0.55 * scale('KHACH_DL') + 0.3 * summer + 0.15 * jitter('KHACH_DL')));
  const firms = Math.round(30 * mix('DN_THANH_LAP', 0.5));
  // Households grow slowly (under 0.1 % a month): at most 24,000 × 1.0184 < 25,000.
  const households = Math.round((3000 + 21_000 * scale('SO_HO')) * (1 + 0.0008 * monthIndex));
  const povertyTenths = 5 + Math.round(90 * mix('TL_HO_NGHEO', 0.8));
  return { jobs, men, women: jobs - men, tourists, firms, households, povertyTenths };
}
type CommuneFigures = ReturnType<typeof communeMonth>;

/** Hundredths of the households-weighted mean of tenths of a percent, rounded half up. */
function weightedMeanHundredths(figures: readonly CommuneFigures[]): number {
  const weight = figures.reduce((s, f) => s + f.households, 0);
  const weighted = figures.reduce((s, f) => s + f.povertyTenths * f.households, 0);
  return Math.round((weighted * 10) / weight);
}

const tenths = (n: number) => (n / 10).toFixed(1);
const hundredths = (n: number) => (n / 100).toFixed(2);

/**
 * Every fact of the demo: the communes' monthly figures, the province committee's (sums, and the
 * households-weighted mean for the poverty rate), and yearly targets (KH ≈ 12 × the year's monthly
 * average × 1.1) for the two years of the last months.
 */
export function demoFacts(communes: readonly { id: string; code: string }[], provinceUnitId: string, months: readonly Month[]): DemoFact[] {
  const facts: DemoFact[] = [];
  const monthFact = (unitId: string, m: Month, indicatorCode: string, value: string, extra: Partial<DemoFact> = {}) =>
    facts.push({
      unitId,
      indicatorCode,
      disaggregation: '',
      periodType: 'month',
      periodCode: m.code,
      periodStart: m.start,
      periodEnd: m.end,
      year: m.year,
      measure: 'TH',
      measureName: MEASURE_NAMES.TH,
      unitOfMeasure: UNIT_OF_MEASURE[indicatorCode]!,
      value,
      weight: null,
      ...extra,
    });
  const pushUnitMonth = (unitId: string, m: Month, f: Omit<CommuneFigures, 'povertyTenths'>, poverty: string) => {
    monthFact(unitId, m, 'LD_TAO_VIEC_LAM', String(f.jobs));
    monthFact(unitId, m, 'LD_TAO_VIEC_LAM', String(f.men), { disaggregation: 'GIOI_TINH=NAM' });
    monthFact(unitId, m, 'LD_TAO_VIEC_LAM', String(f.women), { disaggregation: 'GIOI_TINH=NU' });
    monthFact(unitId, m, 'KHACH_DL', String(f.tourists));
    monthFact(unitId, m, 'DN_THANH_LAP', String(f.firms));
    monthFact(unitId, m, 'SO_HO', String(f.households));
    monthFact(unitId, m, 'TL_HO_NGHEO', poverty, { weight: String(f.households) });
  };

  // Sums of each unit's monthly totals by year, for the targets.
  const yearly = new Map<string, { jobs: number; tourists: number; months: number }>();
  const addToYear = (unitId: string, year: number, f: { jobs: number; tourists: number }) => {
    const key = `${unitId}|${year}`;
    const y = yearly.get(key) ?? { jobs: 0, tourists: 0, months: 0 };
    yearly.set(key, { jobs: y.jobs + f.jobs, tourists: y.tourists + f.tourists, months: y.months + 1 });
  };

  months.forEach((m, monthIndex) => {
    const figures = communes.map((c) => communeMonth(c.code, m, monthIndex));
    communes.forEach((c, i) => {
      const f = figures[i]!;
      pushUnitMonth(c.id, m, f, tenths(f.povertyTenths));
      addToYear(c.id, m.year, f);
    });
    const total = (pick: (f: CommuneFigures) => number) => figures.reduce((s, f) => s + pick(f), 0);
    const province = {
      jobs: total((f) => f.jobs),
      men: total((f) => f.men),
      women: total((f) => f.women),
      tourists: total((f) => f.tourists),
      firms: total((f) => f.firms),
      households: total((f) => f.households),
    };
    pushUnitMonth(provinceUnitId, m, province, hundredths(weightedMeanHundredths(figures)));
  });

  const lastYear = months[months.length - 1]!.year;
  for (const year of [lastYear - 1, lastYear]) {
    const target = (unitId: string, pick: 'jobs' | 'tourists', roundTo: number) => {
      const y = yearly.get(`${unitId}|${year}`);
      return y ? Math.round((12 * (y[pick] / y.months) * 1.1) / roundTo) * roundTo : 0;
    };
    const yearFact = (unitId: string, indicatorCode: string, value: number) =>
      facts.push({
        unitId,
        indicatorCode,
        disaggregation: '',
        periodType: 'year',
        periodCode: `Y${year}`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        year,
        measure: 'KH',
        measureName: MEASURE_NAMES.KH,
        unitOfMeasure: UNIT_OF_MEASURE[indicatorCode]!,
        value: String(value),
        weight: null,
      });
    let jobs = 0;
    let tourists = 0;
    for (const c of communes) {
      const j = target(c.id, 'jobs', 10);
      const t = target(c.id, 'tourists', 100);
      yearFact(c.id, 'LD_TAO_VIEC_LAM', j);
      yearFact(c.id, 'KHACH_DL', t);
      jobs += j;
      tourists += t;
    }
    yearFact(provinceUnitId, 'LD_TAO_VIEC_LAM', jobs);
    yearFact(provinceUnitId, 'KHACH_DL', tourists);
  }
  return facts;
}

export const DEMO_DASHBOARD_NAME = 'Bảng điều khiển UBND thành phố';
export const DEMO_VIEW_NAME = 'Lao động được tạo việc làm theo tháng';
export const DEMO_DATASET_TITLE = 'Lao động được tạo việc làm theo phường, xã';

/**
 * The demo's analytics: two years of imported figures for every commune, ward and special zone and
 * for the city committee, then, as the administrator and through the ordinary services, a shared
 * view, the city committee's dashboard showing it, and one dataset published on the public portal —
 * so that exploration, dashboards and the portal show something on the first start.
 */
export async function seedDemoAnalytics(
  db: Db,
  ctx: AuthedContext,
  options: { provinceUnitId: string; clock: Clock },
): Promise<{ facts: number; viewId: string; dashboardId: string; datasetId: string }> {
  const { provinceUnitId, clock } = options;
  const now = clock.now();
  const units = await listUnits(db, ctx, { includeInactive: false });
  const communes = units
    .filter((u) => u.parentId === provinceUnitId && COMMUNE_KINDS.has(u.kind))
    .map((u) => ({ id: u.id, code: u.adminCode ?? u.id }));
  const months = demoMonths(vnToday(now));
  const rows: ImportFactInput[] = demoFacts(communes, provinceUnitId, months).map((f) => ({ ...f, sourceNote: DEMO_SOURCE_NOTE }));
  // importFacts writes in batches; the whole import is one transaction.
  const facts = await db.transaction((tx) => importFacts(tx, rows, now));

  const lastMonth = months[months.length - 1]!.code;
  const monthly = (from: string, rest: Omit<ExplorationQueryInput, 'periods' | 'indicatorCodes' | 'measures'>): ExplorationQueryInput => ({
    indicatorCodes: ['LD_TAO_VIEC_LAM'],
    measures: ['TH'],
    // Rolling: the view and the published dataset follow the newest month as reports are accepted.
    periods: { periodType: 'month', from, to: lastMonth, rolling: true },
    ...rest,
  });
  const view = await createView(
    db,
    ctx,
    saveViewBody.parse({
      name: DEMO_VIEW_NAME,
      description: 'Số lao động được tạo việc làm của toàn thành phố trong 12 tháng gần nhất.',
      query: monthly(months[months.length - 12]!.code, {
        units: { mode: 'explicit', unitIds: [provinceUnitId] },
        rows: ['indicator'],
        columns: ['period'],
      }),
      display: { mode: 'chart', chartType: 'line' },
      sharing: 'all',
    }),
    now,
  );
  const kpi = (title: string, indicatorCode: string, withTarget: boolean) => ({
    kind: 'kpi' as const,
    title,
    indicatorCode,
    measure: 'TH',
    periodType: 'month' as const,
    target: withTarget ? { indicatorCode, measure: 'KH' } : null,
  });
  const dashboard = await createDashboard(
    { db, clock },
    ctx,
    saveDashboardBody.parse({
      name: DEMO_DASHBOARD_NAME,
      description: 'Các chỉ tiêu kinh tế - xã hội chủ yếu của thành phố, cập nhật theo số liệu báo cáo hằng tháng.',
      unitId: provinceUnitId,
      tiles: [
        kpi('Lao động được tạo việc làm', 'LD_TAO_VIEC_LAM', true),
        kpi('Lượt khách du lịch', 'KHACH_DL', true),
        kpi('Doanh nghiệp thành lập mới', 'DN_THANH_LAP', false),
        kpi('Tỷ lệ hộ nghèo', 'TL_HO_NGHEO', false),
        { kind: 'view', title: DEMO_VIEW_NAME, viewId: view.id, display: { mode: 'chart', chartType: 'line' } },
      ],
    }),
  );
  const dataset = await publishDataset(
    { db, clock },
    ctx,
    publishDatasetBody.parse({
      title: DEMO_DATASET_TITLE,
      description: 'Số lao động được tạo việc làm trong tháng của từng phường, xã, đặc khu, chia theo giới tính.',
      query: monthly(lastMonth, {
        units: { mode: 'level', rootUnitId: provinceUnitId, kinds: ['commune', 'ward', 'special_zone'] },
        rows: ['unit'],
        columns: ['disaggregation'],
      }),
      display: { mode: 'table', chartType: 'column' },
    }),
  );
  return { facts, viewId: view.id, dashboardId: dashboard.id, datasetId: dataset.id };
}

import { buildPivot, type PivotDimension, type PivotIndicator, type PivotResult } from '@baocao/core';

/**
 * A small golden dataset for the page's pure helpers, laid out by core's own pivot builder (what the
 * server answers): LD_TAO_VIEC_LAM (Người, sum) and KHACH_DL (Lượt, sum) for two wards over two months.
 *
 *                     Tháng 1/2026   Tháng 2/2026   row total
 *   LD  Hồng Bàng          120          80,5         200,5
 *   LD  Lê Chân             30          19,5          49,5
 *   KDL Hồng Bàng         1000        1234,5        2234,5
 */
export const INDICATORS: PivotIndicator[] = [
  { code: 'LD_TAO_VIEC_LAM', name: 'Số lao động được tạo việc làm', unitOfMeasure: 'Người', aggregation: 'sum' },
  { code: 'KHACH_DL', name: 'Lượt khách du lịch', unitOfMeasure: 'Lượt', aggregation: 'sum' },
];

const FACTS: [indicator: string, unit: string, period: string, value: string][] = [
  ['LD_TAO_VIEC_LAM', 'u1', 'M2026-01', '120'],
  ['LD_TAO_VIEC_LAM', 'u1', 'M2026-02', '80.5'],
  ['LD_TAO_VIEC_LAM', 'u2', 'M2026-01', '30'],
  ['LD_TAO_VIEC_LAM', 'u2', 'M2026-02', '19.5'],
  ['KHACH_DL', 'u1', 'M2026-01', '1000'],
  ['KHACH_DL', 'u1', 'M2026-02', '1234.5'],
];

const MEMBERS = {
  indicator: INDICATORS.map((i) => ({ key: i.code, label: i.name })),
  unit: [
    { key: 'u1', label: 'Phường Hồng Bàng' },
    { key: 'u2', label: 'Phường Lê Chân' },
  ],
  period: [
    { key: 'M2026-01', label: 'Tháng 1/2026' },
    { key: 'M2026-02', label: 'Tháng 2/2026' },
  ],
};

/** The pivot of the golden facts (only those of `indicators`) on the given axes. */
export function goldenPivot(rows: PivotDimension[], columns: PivotDimension[], indicators = ['LD_TAO_VIEC_LAM']): PivotResult {
  const facts = FACTS.filter(([code]) => indicators.includes(code));
  return buildPivot({
    aggregates: facts.map(([indicatorCode, unit, period, value]) => ({
      coords: { indicator: indicatorCode, unit, period, measure: 'TH' },
      indicatorCode,
      measure: 'TH',
      count: 1,
      sum: value,
      min: value,
      max: value,
      weightedSum: null,
      weightSum: null,
    })),
    rows,
    columns,
    members: MEMBERS,
    indicators: INDICATORS.filter((i) => indicators.includes(i.code)),
  });
}

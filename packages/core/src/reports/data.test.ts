import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportCellValue, ReportData, ReportDataPatch } from '../api/reports.ts';
import { FormulaError } from '../forms/formula/errors.ts';
import { FormDecimal, isDecimal } from '../forms/formula/values.ts';
import { applyReportPatch, cellValueToInput, emptyReportData, inputToCellValue, sameCellValue } from './data.ts';
import { attachment, section } from './fixtures.test-support.ts';

const number = { type: 'number' } as const;
const text = { type: 'text' } as const;

describe('applyReportPatch', () => {
  const base = (): ReportData => ({
    forms: {
      T: {
        values: { 'R01:C1': '10', 'R02:C1': '5' },
        notes: { 'R01:C1': 'Số tổng hợp đã điều chỉnh' },
        explanations: { 'w|R01:C1': 'Do thu đột biến' },
      },
      L: { values: {}, notes: {}, explanations: {}, records: [{ TEN: 'Dự án A' }] },
    },
    narrative: { O: { s1: section('Cũ'), s2: section('Giữ nguyên') } },
    attachments: [attachment('bao-cao.pdf', 'a')],
  });

  it('merges values key by key; null empties the cell by removing the key', () => {
    const next = applyReportPatch(base(), { forms: { T: { values: { 'R01:C1': '12.5', 'R02:C1': null, 'R03:C1': 'x' } } } });
    expect(next.forms.T!.values).toEqual({ 'R01:C1': '12.5', 'R03:C1': 'x' });
    expect(next.forms.T!.notes).toEqual(base().forms.T!.notes);
  });

  it('removes notes and explanations given as null, sets the others', () => {
    const next = applyReportPatch(base(), {
      forms: { T: { notes: { 'R01:C1': null, 'R02:C1': 'Ghi chú mới' }, explanations: { 'w|R01:C1': null } } },
    });
    expect(next.forms.T!.notes).toEqual({ 'R02:C1': 'Ghi chú mới' });
    expect(next.forms.T!.explanations).toEqual({});
    expect(next.forms.T!.values).toEqual(base().forms.T!.values);
  });

  it('replaces the records of a list form as a whole', () => {
    const next = applyReportPatch(base(), { forms: { L: { records: [{ TEN: 'Dự án B' }, { TEN: 'Dự án C' }] } } });
    expect(next.forms.L!.records).toEqual([{ TEN: 'Dự án B' }, { TEN: 'Dự án C' }]);
    expect(applyReportPatch(base(), { forms: { L: { records: [] } } }).forms.L!.records).toEqual([]);
  });

  it('sets and removes narrative sections, keeps attachments, and leaves the input untouched', () => {
    const data = base();
    const before = structuredClone(data);
    const next = applyReportPatch(data, { narrative: { O: { s1: null, s3: section('Mới') } } });
    expect(next.narrative.O).toEqual({ s2: section('Giữ nguyên'), s3: section('Mới') });
    expect(next.attachments).toEqual(before.attachments);
    expect(data).toEqual(before);
  });

  it('creates the entry of a form seen for the first time and drops one left empty', () => {
    const created = applyReportPatch(emptyReportData(), { forms: { N: { values: { 'A:B': '1' } } } });
    expect(created.forms.N).toEqual({ values: { 'A:B': '1' }, notes: {}, explanations: {} });
    const emptied = applyReportPatch(created, { forms: { N: { values: { 'A:B': null } } }, narrative: { O: { s1: null } } });
    expect(emptied).toEqual(emptyReportData());
  });

  // Properties over small key spaces, so patches hit existing keys often.
  const cellValue: fc.Arbitrary<ReportCellValue> = fc.oneof(fc.constantFrom('1', '2.5', '-3', 'chữ'), fc.boolean());
  const keys = fc.constantFrom('A:1', 'A:2', 'B:1', 'B:2');
  const texts = fc.constantFrom('ghi chú', 'giải trình', 'khác');
  const formIds = fc.constantFrom('F1', 'F2');
  const sectionIds = fc.constantFrom('s1', 's2');
  const formData = fc.record({
    values: fc.dictionary(keys, cellValue),
    notes: fc.dictionary(keys, texts),
    explanations: fc.dictionary(keys, texts),
  });
  const data: fc.Arbitrary<ReportData> = fc
    .record({
      forms: fc.dictionary(formIds, formData),
      narrative: fc.dictionary(fc.constant('O'), fc.dictionary(sectionIds, texts.map(section), { minKeys: 1 })),
    })
    .map((d) => ({
      // A stored form always holds something (applyReportPatch drops empty ones).
      forms: Object.fromEntries(Object.entries(d.forms).filter(([, f]) => Object.values(f).some((m) => Object.keys(m).length > 0))),
      narrative: d.narrative,
      attachments: [],
    }));
  const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const patch: fc.Arbitrary<ReportDataPatch> = fc.record({
    forms: fc.dictionary(
      formIds,
      fc.record({
        values: fc.dictionary(keys, nullable(cellValue)),
        notes: fc.dictionary(keys, nullable(texts)),
        explanations: fc.dictionary(keys, nullable(texts)),
      }),
    ),
    narrative: fc.dictionary(fc.constant('O'), fc.dictionary(sectionIds, nullable(texts.map(section)))),
  });

  /** The patch that puts back what `patch` changed in `data`. */
  function restoring(data: ReportData, patch: ReportDataPatch): ReportDataPatch {
    const back = <T>(current: Record<string, T> | undefined, changed: Record<string, unknown> | undefined) =>
      Object.fromEntries(Object.keys(changed ?? {}).map((k) => [k, current?.[k] ?? null]));
    return {
      forms: Object.fromEntries(
        Object.entries(patch.forms ?? {}).map(([id, f]) => {
          const old = data.forms[id];
          return [
            id,
            {
              values: back(old?.values, f.values),
              notes: back(old?.notes, f.notes),
              explanations: back(old?.explanations, f.explanations),
            },
          ];
        }),
      ),
      narrative: Object.fromEntries(Object.entries(patch.narrative ?? {}).map(([id, s]) => [id, back(data.narrative[id], s)])),
    } as ReportDataPatch;
  }

  it('property: a patch followed by the patch restoring the old values gives back the original', () => {
    fc.assert(
      fc.property(data, patch, (d, p) => {
        expect(applyReportPatch(applyReportPatch(d, p), restoring(d, p))).toEqual(d);
      }),
    );
  });

  it('property: applying the same patch twice is applying it once', () => {
    fc.assert(
      fc.property(data, patch, (d, p) => {
        const once = applyReportPatch(d, p);
        expect(applyReportPatch(once, p)).toEqual(once);
      }),
    );
  });
});

describe('cellValueToInput / inputToCellValue', () => {
  it('reads decimal text in numeric columns as exact decimals', () => {
    const v = cellValueToInput(number, '1234.50');
    expect(isDecimal(v) && v.eq('1234.5')).toBe(true);
    expect(isDecimal(cellValueToInput({ type: 'integer' }, '-7'))).toBe(true);
    expect(isDecimal(cellValueToInput({ type: 'percent' }, '12.5'))).toBe(true);
  });

  it('keeps text, dates and booleans as they are, and an empty string is an empty cell', () => {
    expect(cellValueToInput(text, '007')).toBe('007');
    expect(cellValueToInput({ type: 'date' }, '2025-07-01')).toBe('2025-07-01');
    expect(cellValueToInput({ type: 'boolean' }, true)).toBe(true);
    expect(cellValueToInput(number, '')).toBeNull();
    expect(cellValueToInput(number, null)).toBeNull();
  });

  it('hands text in a number column over as text, for the engine to flag', () => {
    expect(cellValueToInput(number, 'abc')).toBe('abc');
  });

  it('stores decimals as plain text: no exponent, no trailing zeros, no -0', () => {
    expect(inputToCellValue(new FormDecimal('1e-7'))).toBe('0.0000001');
    expect(inputToCellValue(new FormDecimal('1.5e21'))).toBe('1500000000000000000000');
    expect(inputToCellValue(new FormDecimal('2.500'))).toBe('2.5');
    expect(inputToCellValue(new FormDecimal('-0'))).toBe('0');
    expect(inputToCellValue(0.1)).toBe('0.1');
  });

  it('stores booleans and strings as they are; empty, errors and non-finite numbers as null', () => {
    expect(inputToCellValue(false)).toBe(false);
    expect(inputToCellValue('Ghi chú')).toBe('Ghi chú');
    expect(inputToCellValue(undefined)).toBeNull();
    expect(inputToCellValue(Number.NaN)).toBeNull();
    expect(inputToCellValue(new FormulaError('TYPE', 'Không thể dùng chữ trong phép tính số.'))).toBeNull();
  });

  it('property: decimal text survives a round trip through the engine with the same value', () => {
    const decimalText = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,15}$/), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
      .map(([neg, whole, fraction]) => `${neg ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
    fc.assert(
      fc.property(decimalText, (t) => {
        const back = inputToCellValue(cellValueToInput(number, t));
        expect(typeof back).toBe('string');
        expect(sameCellValue(back, t)).toBe(true);
        expect(back).toMatch(/^-?\d+(\.\d*[1-9])?$/);
      }),
    );
  });
});

describe('sameCellValue', () => {
  it('compares decimals by value and treats an empty string as an empty cell', () => {
    expect(sameCellValue('1.50', '1.5')).toBe(true);
    expect(sameCellValue('1.5', '1.51')).toBe(false);
    expect(sameCellValue('', null)).toBe(true);
    expect(sameCellValue(undefined, null)).toBe(true);
    expect(sameCellValue('007', '7')).toBe(true);
    expect(sameCellValue('abc', 'abc')).toBe(true);
    expect(sameCellValue(true, 'true')).toBe(false);
  });
});

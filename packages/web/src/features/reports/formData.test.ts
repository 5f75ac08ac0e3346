import { describe, expect, it } from 'vitest';
import { defineForm, FormDecimal, type ReportFormRef } from '@baocao/core';
import { definitionOf, inputsOf, outlineSections, resolverFor, storedOf, tableFormOf, writesOf } from './formData.ts';

const form = defineForm({
  name: 'Thu ngân sách xã',
  code: '01/NS-XA',
  rows: [
    {
      id: 'r1',
      code: 'THU',
      name: 'Tổng thu',
      kind: 'computed',
      formula: 'SUM(CHILDREN)',
      children: [
        { id: 'r2', code: 'THUE', name: 'Thu thuế', kind: 'input' },
        { id: 'r3', code: 'PHI', name: 'Phí, lệ phí', kind: 'input' },
      ],
    },
  ],
  columns: [
    { code: 'KN', name: 'Kỳ này', type: 'number' },
    { code: 'SL', name: 'Số hộ', type: 'integer' },
    { code: 'NG', name: 'Ngày', type: 'date' },
    { code: 'DK', name: 'Đã kiểm tra', type: 'boolean' },
    { code: 'GC', name: 'Ghi chú', type: 'text' },
  ],
});

const ref = (kind: ReportFormRef['kind'], definition: unknown): ReportFormRef => ({
  formId: '00000000-0000-4000-8000-00000000000f',
  versionId: '00000000-0000-4000-8000-0000000000a1',
  code: '01/NS-XA',
  name: 'Thu ngân sách xã',
  kind,
  definition: definition as Record<string, unknown>,
});

describe('stored values ↔ grid values', () => {
  it('reads decimal text in number columns as decimals and keeps dates, booleans and text as they are', () => {
    const inputs = inputsOf(form, {
      'THUE:KN': '1234.5',
      'THUE:SL': '12',
      'THUE:NG': '2026-12-09',
      'THUE:DK': true,
      'THUE:GC': 'Ước thực hiện',
      'PHI:KN': null,
      'PHI:GC': '',
    });
    expect((inputs.get('THUE:KN') as InstanceType<typeof FormDecimal>).eq(new FormDecimal('1234.5'))).toBe(true);
    expect((inputs.get('THUE:SL') as InstanceType<typeof FormDecimal>).toFixed()).toBe('12');
    expect(inputs.get('THUE:NG')).toBe('2026-12-09');
    expect(inputs.get('THUE:DK')).toBe(true);
    expect(inputs.get('THUE:GC')).toBe('Ước thực hiện');
    // Empty cells are not handed to the grid.
    expect(inputs.has('PHI:KN')).toBe(false);
    expect(inputs.has('PHI:GC')).toBe(false);
  });

  it('hands text in a number column over as text, so the grid shows the error instead of an empty cell', () => {
    expect(inputsOf(form, { 'THUE:KN': 'abc' }).get('THUE:KN')).toBe('abc');
  });

  it('leaves out keys of columns the form does not have', () => {
    expect([...inputsOf(form, { 'THUE:XX': '1', nokey: '2' }).keys()]).toEqual([]);
    expect(writesOf(form, { 'THUE:XX': '1', 'PHI:KN': '2' }).map((w) => w.key)).toEqual(['PHI:KN']);
  });

  it('turns a consolidation into writes that empty cells too (null)', () => {
    const writes = writesOf(form, { 'THUE:KN': '300.25', 'PHI:KN': null });
    expect(writes.map((w) => [w.key, w.value === null ? null : String(w.value)])).toEqual([
      ['THUE:KN', '300.25'],
      ['PHI:KN', null],
    ]);
  });

  it('stores what the grid changed as plain decimal text, without exponent or trailing zeros', () => {
    expect(
      storedOf([
        { key: 'THUE:KN', value: new FormDecimal('1.50') },
        { key: 'THUE:SL', value: new FormDecimal('1e-7') },
        { key: 'PHI:KN', value: null },
        { key: 'THUE:DK', value: false },
      ]),
    ).toEqual({ 'THUE:KN': '1.5', 'THUE:SL': '0.0000001', 'PHI:KN': null, 'THUE:DK': false });
  });
});

describe('definitions and period values', () => {
  it('parses a table definition once per object and refuses one of another kind or a broken one', () => {
    const r = ref('table', JSON.parse(JSON.stringify(form)));
    const parsed = tableFormOf(r);
    expect(parsed?.code).toBe('01/NS-XA');
    expect(tableFormOf(r)).toBe(parsed);
    expect(definitionOf(r, 'outline')).toBeNull();
    expect(tableFormOf(ref('table', { rows: 'broken' }))).toBeNull();
  });

  it("resolves PREV and YTD from the form's period values, by form id first", () => {
    const r = ref('table', form);
    const resolver = resolverFor(r, {
      [r.formId]: { PREV: { 'THUE:KN': '80' }, SAMEPERIOD_LASTYEAR: {}, YTD: { 'THUE:KN': 'x' } },
    });
    expect(String(resolver?.value('PREV', 'THUE', 'KN'))).toBe('80');
    expect(resolver?.value('YTD', 'THUE', 'KN')).toBeNull();
    expect(resolver?.value('SAMEPERIOD_LASTYEAR', 'THUE', 'KN')).toBeNull();
    expect(resolverFor(r, {})).toBeUndefined();
  });

  it('numbers outline sections the way readers cite them', () => {
    const outline = {
      name: 'Đề cương',
      code: 'DC',
      sttStyles: ['roman', 'arabic'],
      sections: [
        { id: 's1', title: 'Tình hình chung', children: [{ id: 's11', title: 'Thu ngân sách' }] },
        { id: 's2', title: 'Kiến nghị' },
      ],
    };
    expect(outlineSections(ref('outline', outline))).toEqual([
      { id: 's1', title: 'I. Tình hình chung', level: 0 },
      { id: 's11', title: '1. Thu ngân sách', level: 1 },
      { id: 's2', title: 'II. Kiến nghị', level: 0 },
    ]);
  });
});

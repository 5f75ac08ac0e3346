import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormDecimal } from '../forms/formula/values.ts';
import {
  consolidationOverrides,
  formatStoredDecimal,
  unexplainedOverrideMessage,
  unexplainedOverrides,
  type ConsolidatedFigure,
} from './overrides.ts';

const figures: Record<string, ConsolidatedFigure> = {
  'DS:KN': { value: '30', rule: 'sum' },
  'DS:KH': { value: '1234.5', rule: 'sum' },
  'HN:KN': { value: null, rule: 'weighted_average' },
  'GIA:KN': { value: '8', rule: 'none' },
  'NS:KN': { value: '62', rule: 'max' },
};

describe('consolidationOverrides', () => {
  it('finds a cell typed 35 where the subunits sum to 30, with no note', () => {
    expect(unexplainedOverrides(figures, { values: { 'DS:KN': '35', 'DS:KH': '1234.5', 'NS:KN': '62' } })).toEqual([
      { key: 'DS:KN', consolidated: '30', value: '35', note: null },
    ]);
  });

  it('takes a note as the explanation: the override is still listed, but no longer unexplained', () => {
    const data = { values: { 'DS:KN': '35' }, notes: { 'DS:KN': 'Bổ sung 5 người của thôn mới sáp nhập.' } };
    expect(consolidationOverrides(figures, data).find((o) => o.key === 'DS:KN')).toEqual({
      key: 'DS:KN',
      consolidated: '30',
      value: '35',
      note: 'Bổ sung 5 người của thôn mới sáp nhập.',
    });
    expect(unexplainedOverrides(figures, data).map((o) => o.key)).not.toContain('DS:KN');
  });

  it('a blank note does not explain anything', () => {
    expect(unexplainedOverrides(figures, { values: { 'DS:KN': '35' }, notes: { 'DS:KN': '   ' } }).map((o) => o.key)).toContain('DS:KN');
  });

  it('equal figures in another notation are not overrides: "1234.50" is 1234.5, "30.000" is 30', () => {
    expect(
      consolidationOverrides(figures, { values: { 'DS:KN': '30.000', 'DS:KH': '1234.50', 'NS:KN': '0062' as string } }).map((o) => o.key),
    ).toEqual([]);
  });

  it('emptying a consolidated cell is an override; an empty string is an empty cell', () => {
    expect(consolidationOverrides(figures, { values: { 'DS:KH': '1234.5', 'NS:KN': '62' } })).toEqual([
      { key: 'DS:KN', consolidated: '30', value: null, note: null },
    ]);
    expect(consolidationOverrides(figures, { values: { 'DS:KN': '', 'DS:KH': '1234.5', 'NS:KN': '62' } })[0]!.value).toBeNull();
  });

  it('cells without a consolidated figure, or whose indicator is not consolidated, are the unit’s own', () => {
    const data = { values: { 'DS:KN': '30', 'DS:KH': '1234.5', 'HN:KN': '12', 'GIA:KN': '9', 'NS:KN': '62' } };
    expect(consolidationOverrides(figures, data)).toEqual([]);
  });

  it('text where a figure was consolidated is an override (it is not the figure)', () => {
    expect(consolidationOverrides(figures, { values: { 'DS:KN': 'ba mươi', 'DS:KH': '1234.5', 'NS:KN': '62' } })).toEqual([
      { key: 'DS:KN', consolidated: '30', value: 'ba mươi', note: null },
    ]);
  });

  it('lists overrides in the order of the consolidated cells', () => {
    const out = consolidationOverrides(figures, { values: { 'NS:KN': '60', 'DS:KH': '1', 'DS:KN': '31' } });
    expect(out.map((o) => o.key)).toEqual(['DS:KN', 'DS:KH', 'NS:KN']);
  });
});

describe('override properties', () => {
  const decimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 6 }))
    .map(([units, scale]) => {
      const text = new FormDecimal(units.toString()).div(new FormDecimal(10).pow(scale)).toFixed();
      return text === '-0' ? '0' : text;
    });
  /** The same number written another way: trailing zeros after the point, leading zeros before it. */
  const restyled = (text: string, zeros: number, lead: number) => {
    const negative = text.startsWith('-');
    const body = negative ? text.slice(1) : text;
    const withPoint = body.includes('.') ? body : `${body}.`;
    const padded = `${'0'.repeat(lead)}${withPoint}${'0'.repeat(zeros)}`;
    return `${negative ? '-' : ''}${padded.endsWith('.') ? padded.slice(0, -1) : padded}`;
  };

  it('a value equal to its figure as a decimal, in any notation, is never an override', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), (figure, zeros, lead) => {
        const typed = restyled(figure, zeros, lead);
        expect(new FormDecimal(typed).eq(new FormDecimal(figure))).toBe(true);
        expect(consolidationOverrides({ 'A:B': { value: figure } }, { values: { 'A:B': typed } })).toEqual([]);
      }),
    );
  });

  it('a value that differs as a decimal is always an override, and unexplained exactly when it has no note', () => {
    fc.assert(
      fc.property(decimal, decimal, fc.option(fc.string({ maxLength: 20 })), (figure, typed, note) => {
        fc.pre(!new FormDecimal(figure).eq(new FormDecimal(typed)));
        const notes: Record<string, string> = note === null ? {} : { 'A:B': note };
        const data = { values: { 'A:B': typed }, notes };
        expect(consolidationOverrides({ 'A:B': { value: figure } }, data)).toHaveLength(1);
        const explained = note !== null && note.trim() !== '';
        expect(unexplainedOverrides({ 'A:B': { value: figure } }, data)).toHaveLength(explained ? 0 : 1);
      }),
    );
  });

  it('the unexplained overrides are the overrides without a note, keys unique, every one with a figure', () => {
    const cell = fc.constantFrom('A:1', 'A:2', 'B:1', 'B:2', 'C:1');
    fc.assert(
      fc.property(
        fc.dictionary(cell, fc.record({ value: fc.option(decimal) })),
        fc.dictionary(cell, fc.option(decimal)),
        fc.dictionary(cell, fc.string({ maxLength: 5 })),
        (consolidated, values, notes) => {
          const data = { values: values as Record<string, string | null>, notes };
          const all = consolidationOverrides(consolidated, data);
          const open = unexplainedOverrides(consolidated, data);
          expect(open).toEqual(all.filter((o) => !notes[o.key]?.trim()));
          expect(new Set(all.map((o) => o.key)).size).toBe(all.length);
          for (const o of all) expect(consolidated[o.key]!.value).toBe(o.consolidated);
        },
      ),
    );
  });
});

describe('override messages', () => {
  it('formats stored decimals exactly, the Vietnamese way', () => {
    expect(formatStoredDecimal('1234567.25')).toBe('1.234.567,25');
    expect(formatStoredDecimal('-0.000001')).toBe('-0,000001');
    expect(formatStoredDecimal('30')).toBe('30');
    expect(formatStoredDecimal(null)).toBe('(trống)');
    expect(formatStoredDecimal('ba mươi')).toBe('ba mươi');
  });

  it('names the cell, the consolidated figure and the unit’s value', () => {
    expect(unexplainedOverrideMessage('1 – Dân số trung bình', 'Kỳ này', { consolidated: '30', value: '35' })).toBe(
      'Dòng "1 – Dân số trung bình", cột "Kỳ này": số tổng hợp từ đơn vị cấp dưới là 30, số của đơn vị là 35 nhưng chưa ghi chú lý do điều chỉnh.',
    );
    expect(unexplainedOverrideMessage('Giá', 'Kỳ này', { consolidated: '1234.5', value: null })).toContain(
      'số tổng hợp từ đơn vị cấp dưới là 1.234,5, số của đơn vị là (trống)',
    );
  });
});

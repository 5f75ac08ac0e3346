import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormDecimal } from '../forms/formula/values.ts';
import { addExact, compareExact, exactText, exactToDecimal, parseExact } from './exact.ts';

describe('exact decimals', () => {
  it('0,1 + 0,2 = 0,3 exactly; 1.234,50 + (−0,5) = 1.234', () => {
    expect(exactText(addExact(parseExact('0.1'), parseExact('0.2')), 6)).toBe('0.3');
    expect(exactText(addExact(parseExact('1234.50'), parseExact('-0.5')), 6)).toBe('1234');
  });

  it('rounds half away from zero to 6 decimals: 0,0000005 → 0,000001; −0,0000005 → −0,000001; −0,0000004 → 0', () => {
    expect(exactText(parseExact('0.0000005'), 6)).toBe('0.000001');
    expect(exactText(parseExact('-0.0000005'), 6)).toBe('-0.000001');
    expect(exactText(parseExact('-0.0000004'), 6)).toBe('0');
    expect(exactText(parseExact('-0.000'), 6)).toBe('0');
  });

  it('reads exponents and leading signs; refuses text that is not a decimal', () => {
    expect(exactText(parseExact('1.5e3'), 6)).toBe('1500');
    expect(exactText(parseExact('+.25'), 6)).toBe('0.25');
    expect(() => parseExact('1.234,5')).toThrow();
    expect(() => parseExact('')).toThrow();
    expect(() => parseExact('-')).toThrow();
  });

  it('agrees with decimal.js on sums, order and 6-decimal text', () => {
    const text = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
      .map(([m, s]) => new FormDecimal(m.toString()).div(10 ** s).toFixed());
    fc.assert(
      fc.property(text, text, (a, b) => {
        const x = parseExact(a);
        const y = parseExact(b);
        const sum = new FormDecimal(a).plus(b);
        expect(exactToDecimal(addExact(x, y)).eq(sum)).toBe(true);
        expect(compareExact(x, y)).toBe(new FormDecimal(a).cmp(b));
        const rounded = sum.toDecimalPlaces(6, FormDecimal.ROUND_HALF_UP);
        expect(exactText(addExact(x, y), 6)).toBe(rounded.isZero() ? '0' : rounded.toFixed());
      }),
    );
  });
});

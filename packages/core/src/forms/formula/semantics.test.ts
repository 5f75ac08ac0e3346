import { describe, expect, it } from 'vitest';
import { defineForm } from '../model.ts';
import { FormulaError } from './errors.ts';
import { createEvaluator } from './evaluator.ts';
import type { PeriodResolver } from './bind.ts';
import { FormDecimal, valueToString, type InputValue } from './values.ts';

const d = (text: string) => new FormDecimal(text);

/**
 * Evaluates one expression in cell R:X of a one-row form whose input columns A, B, C (numbers),
 * T (text) and L (boolean) hold `inputs`. Returns the value as text ("" for empty) or the error.
 */
function calc(expression: string, inputs: Record<string, InputValue> = {}, resolver?: PeriodResolver): string | FormulaError {
  const form = defineForm({
    name: 'Thử',
    code: 'T',
    rows: [{ id: 'r', code: 'R', name: 'Dòng', kind: 'input' }],
    columns: ['A', 'B', 'C', 'X']
      .map((code) => ({ code, name: code }))
      .concat([{ code: 'T', name: 'Ghi chú', type: 'text' } as never, { code: 'L', name: 'Có/không', type: 'boolean' } as never]),
    cellFormulas: [{ row: 'R', col: 'X', formula: expression }],
  });
  const ev = createEvaluator(form, resolver ? { resolver } : {});
  ev.evaluateAll(Object.entries(inputs).map(([k, v]) => [`R:${k}`, v] as const));
  const result = ev.get('R:X')!;
  return result instanceof FormulaError ? result : valueToString(result);
}

describe('exact decimal arithmetic', () => {
  it('0.1 + 0.2 = 0.3 exactly', () => {
    expect(calc('0.1 + 0.2')).toBe('0.3');
    expect(calc('A + B = 0.3', { A: 0.1, B: 0.2 })).toBe('TRUE');
  });

  it('money sums to the đồng: 1,234,567,890.15 + 9,876,543,210.85 + 0.01 = 11,111,111,101.01', () => {
    expect(calc('SUM(A, B, C)', { A: d('1234567890.15'), B: d('9876543210.85'), C: d('0.01') })).toBe('11111111101.01');
  });

  it('ten times 0.1 is 1, large × small stays exact: 123456789.12 × 1000 = 123456789120', () => {
    expect(calc('SUM(0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1)')).toBe('1');
    expect(calc('A * 1000', { A: d('123456789.12') })).toBe('123456789120');
  });

  it('non-terminating division keeps 34 significant digits', () => {
    expect(calc('1 / 3')).toBe('0.3333333333333333333333333333333333');
  });
});

describe('null (empty cell) semantics', () => {
  it('in arithmetic a null operand counts as 0: A(5) + B(empty) = 5, A(empty) - B(2) = -2', () => {
    expect(calc('A + B', { A: 5 })).toBe('5');
    expect(calc('A - B', { B: 2 })).toBe('-2');
    expect(calc('A * B', { A: 5 })).toBe('0');
  });

  it('all operands null → null (an untouched row stays empty)', () => {
    expect(calc('A + B')).toBe('');
    expect(calc('-A')).toBe('');
    expect(calc('A * B + C')).toBe('');
  });

  it('division by zero or by null is null, never Infinity/NaN; an empty numerator gives null too', () => {
    expect(calc('A / B', { A: 5, B: 0 })).toBe('');
    expect(calc('A / B', { A: 5 })).toBe('');
    expect(calc('A / B', { B: 4 })).toBe('');
    expect(calc('PERCENT(A, B)', { B: 4 })).toBe('');
    expect(calc('PERCENT(A, B)', { A: 1, B: 4 })).toBe('25');
    expect(calc('DIV(A, B)', { A: 5, B: 0 })).toBe('');
    expect(calc('PERCENT(A, B)', { A: 5 })).toBe('');
  });

  it('comparisons treat null as 0', () => {
    expect(calc('A = 0')).toBe('TRUE');
    expect(calc('A < B', { B: 1 })).toBe('TRUE');
    expect(calc('A >= B', { A: -1 })).toBe('FALSE');
    expect(calc('T = ""')).toBe('TRUE');
  });

  it('SUM/AVG/MIN/MAX skip nulls; all null → null', () => {
    expect(calc('SUM(A, B, C)', { A: 1, C: 2 })).toBe('3');
    expect(calc('AVG(A, B, C)', { A: 1, C: 2 })).toBe('1.5');
    expect(calc('MIN(A, B, C)', { A: 1, C: -2 })).toBe('-2');
    expect(calc('MAX(A, B, C)', { A: 1, C: -2 })).toBe('1');
    for (const f of ['SUM', 'AVG', 'MIN', 'MAX']) expect(calc(`${f}(A, B, C)`)).toBe('');
  });
});

describe('functions', () => {
  it('ROUND rounds half away from zero; digits may be negative or omitted', () => {
    expect(calc('ROUND(2.345, 2)')).toBe('2.35');
    expect(calc('ROUND(-2.345, 2)')).toBe('-2.35');
    expect(calc('ROUND(2.5)')).toBe('3');
    expect(calc('ROUND(1234567, -3)')).toBe('1235000');
    expect(calc('ROUND(A, 2)')).toBe('');
    expect((calc('ROUND(1, 0.5)') as FormulaError).code).toBe('TYPE');
  });

  it('ABS', () => {
    expect(calc('ABS(-3.25)')).toBe('3.25');
    expect(calc('ABS(A)')).toBe('');
  });

  it('IF takes only its chosen branch; a number is true when non-zero; null is false', () => {
    expect(calc('IF(A > 1, "lớn", "nhỏ")', { A: 2 })).toBe('lớn');
    expect(calc('IF(A, 1, 2)', { A: 0 })).toBe('2');
    expect(calc('IF(A, 1, 2)')).toBe('2');
    expect(calc('IF(TRUE, 1, T + 1)', { T: 'x' })).toBe('1');
  });

  it('AND, OR, NOT', () => {
    expect(calc('AND(TRUE, A > 0, 1)', { A: 1 })).toBe('TRUE');
    expect(calc('AND(TRUE, A > 0)')).toBe('FALSE');
    expect(calc('OR(FALSE, A, B > 1)', { B: 2 })).toBe('TRUE');
    expect(calc('NOT(A = 0)')).toBe('FALSE');
    expect(calc('NOT(L)', { L: false })).toBe('TRUE');
  });

  it('DIV is safe division; PERCENT(a, b) = a × 100 / b: 9400 vs 8000 → 117.5', () => {
    expect(calc('DIV(A, B)', { A: 10, B: 4 })).toBe('2.5');
    expect(calc('PERCENT(A, B)', { A: 9400, B: 8000 })).toBe('117.5');
    expect(calc('ROUND(PERCENT(1, 3), 2)')).toBe('33.33');
  });

  it('PREV, SAMEPERIOD_LASTYEAR read the resolver; YTD adds the current value to earlier periods', () => {
    const asked: string[] = [];
    const resolver: PeriodResolver = {
      value(fn, row, col) {
        asked.push(`${fn} ${row}:${col}`);
        return fn === 'PREV' ? 40 : fn === 'YTD' ? d('1000.5') : null;
      },
    };
    expect(calc('PREV(A)', {}, resolver)).toBe('40');
    expect(calc('SAMEPERIOD_LASTYEAR([R:B])', {}, resolver)).toBe('');
    expect(calc('YTD(A)', { A: 200 }, resolver)).toBe('1200.5');
    expect(new Set(asked)).toEqual(new Set(['PREV R:A', 'SAMEPERIOD_LASTYEAR R:B', 'YTD R:A']));
    expect(calc('PREV(A)')).toBe(''); // no resolver: no other periods
  });

  it('a failing resolver gives an error on the cell, not an exception', () => {
    const resolver: PeriodResolver = {
      value() {
        throw new Error('mất kết nối');
      },
    };
    expect((calc('PREV(A)', {}, resolver) as FormulaError).message).toBe('Không lấy được số liệu kỳ khác cho ô [R:A]: mất kết nối');
  });
});

describe('type errors are values on the cell', () => {
  it('text in arithmetic', () => {
    const error = calc('A + T', { A: 1, T: 'mười' }) as FormulaError;
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.code).toBe('TYPE');
    expect(error.message).toBe('Không thể dùng văn bản "mười" trong phép tính số.');
    expect(error.position).toBe(1);
  });

  it('TRUE/FALSE in arithmetic and in SUM', () => {
    expect((calc('L * 2', { L: true }) as FormulaError).message).toBe('Không thể dùng giá trị đúng/sai (TRUE/FALSE) trong phép tính số.');
    expect((calc('SUM(A, L)', { L: true }) as FormulaError).code).toBe('TYPE');
  });

  it('comparing a number with text', () => {
    expect((calc('A = T', { A: 1, T: 'x' }) as FormulaError).message).toBe('Không thể so sánh số với văn bản.');
  });

  it('text as a condition', () => {
    expect((calc('IF(T, 1, 2)', { T: 'có' }) as FormulaError).message).toBe(
      'Điều kiện phải là TRUE/FALSE hoặc số, không phải văn bản "có".',
    );
  });
});

describe('binding to the form', () => {
  it('unknown code on the cell: Mã không tồn tại: R99', () => {
    expect((calc('[R99:A] + 1') as FormulaError).message).toBe('Mã không tồn tại: R99');
    expect((calc('Z9 + 1') as FormulaError).message).toBe('Mã không tồn tại: Z9');
  });

  it('JS numbers are accepted as input through their decimal text (0.1 stays 0.1)', () => {
    expect(calc('A * 3', { A: 0.1 })).toBe('0.3');
  });
});

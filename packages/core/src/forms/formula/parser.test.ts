import { describe, expect, it } from 'vitest';
import { stripSpans } from './ast.ts';
import { FormulaError } from './errors.ts';
import { parseFormula } from './parser.ts';
import { printFormula } from './printer.ts';

function errorOf(source: string): FormulaError {
  try {
    parseFormula(source);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${source}`);
}

describe('formula parser: syntax errors name the position (1-based)', () => {
  it.each([
    ['SUM(C1, C2', 'SYNTAX', 11, 'Lỗi cú pháp ở vị trí 11: thiếu dấu ")"'],
    ['(C1 + C2', 'SYNTAX', 9, 'Lỗi cú pháp ở vị trí 9: thiếu dấu ")"'],
    ['C1 + * C2', 'SYNTAX', 6, 'Lỗi cú pháp ở vị trí 6: không mong đợi "*"'],
    ['C1 +', 'SYNTAX', 5, 'Lỗi cú pháp ở vị trí 5: công thức kết thúc khi còn thiếu giá trị'],
    ['C1 C2', 'SYNTAX', 4, 'Lỗi cú pháp ở vị trí 4: không mong đợi "C2"'],
    ['C1 + 2)', 'SYNTAX', 7, 'Lỗi cú pháp ở vị trí 7: thừa dấu ")"'],
    ['C1 # 2', 'SYNTAX', 4, 'Lỗi cú pháp ở vị trí 4: ký tự không hợp lệ "#"'],
    ['"abc', 'SYNTAX', 1, 'Lỗi cú pháp ở vị trí 1: thiếu dấu " đóng chuỗi'],
    ['[R01:C1 + 1', 'SYNTAX', 12, 'Lỗi cú pháp ở vị trí 12: thiếu dấu "]"'],
    ['1. + 2', 'SYNTAX', 3, 'Lỗi cú pháp ở vị trí 3: thiếu chữ số sau dấu "."'],
    ['01A + 1', 'SYNTAX', 1, 'Lỗi cú pháp ở vị trí 1: mã bắt đầu bằng chữ số phải đặt trong ngoặc vuông, ví dụ [01A]'],
    ['[R01:C1:X]', 'SYNTAX', 1, 'Lỗi cú pháp ở vị trí 1: tham chiếu "[R01:C1:X]" không hợp lệ; viết [mã dòng:mã cột] hoặc [mã]'],
  ])('%s → %s at %i', (source, code, position, message) => {
    const error = errorOf(source);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
    expect(error.message).toBe(message);
  });

  it('an empty formula is reported as such', () => {
    expect(errorOf('   ').message).toBe('Công thức trống.');
  });
});

describe('formula parser: checks that need no form', () => {
  it('unknown function, with its position: SUMM', () => {
    const error = errorOf('1 + SUMM(C1)');
    expect(error).toMatchObject({ code: 'UNKNOWN_FUNCTION', message: 'Hàm không tồn tại: SUMM', position: 5 });
  });

  it('wrong number of arguments', () => {
    expect(errorOf('IF(C1 > 0, 1)').message).toBe('Hàm IF cần 3 tham số (đang có 2).');
    expect(errorOf('SUM()').message).toBe('Hàm SUM cần ít nhất 1 tham số (đang có 0).');
    expect(errorOf('ROUND(1, 2, 3)').message).toBe('Hàm ROUND cần 1 đến 2 tham số (đang có 3).');
  });

  it('CHILDREN only directly inside SUM/AVG/MIN/MAX', () => {
    expect(() => parseFormula('SUM(CHILDREN)')).not.toThrow();
    expect(() => parseFormula('max(children, 0)')).not.toThrow();
    for (const bad of ['CHILDREN', 'ABS(CHILDREN)', 'SUM(CHILDREN * 2)', 'CHILDREN + 1']) {
      expect(errorOf(bad).code).toBe('CHILDREN_MISPLACED');
    }
  });

  it('PREV, SAMEPERIOD_LASTYEAR and YTD take a cell reference', () => {
    expect(() => parseFormula('PREV(C1) + YTD([R01:C2]) + SAMEPERIOD_LASTYEAR([01])')).not.toThrow();
    expect(errorOf('PREV(C1 + 1)')).toMatchObject({ code: 'REFERENCE_REQUIRED', position: 6 });
  });
});

describe('formula parser: what it accepts', () => {
  const shape = (s: string) => stripSpans(parseFormula(s));

  it('precedence: * before +, unary minus binds tightest, comparisons loosest', () => {
    expect(printFormula(parseFormula('1+2*3=7'))).toBe('1 + 2 * 3 = 7');
    expect(shape('-2*3')).toEqual(shape('(-2)*3'));
    expect(shape('1-2-3')).toEqual(shape('(1-2)-3'));
    expect(shape('1-(2-3)')).not.toEqual(shape('1-2-3'));
  });

  it('references: [row:col], bare code, bracketed code, with spaces inside brackets', () => {
    expect(shape('[ R01 : C1 ]')).toEqual({ type: 'cell', row: 'R01', col: 'C1' });
    expect(shape('C1')).toEqual({ type: 'code', code: 'C1' });
    expect(shape('[01]')).toEqual({ type: 'code', code: '01' });
    expect(shape('[1.1]')).toEqual({ type: 'code', code: '1.1' });
    expect(shape('R01.a')).toEqual({ type: 'code', code: 'R01.a' });
  });

  it('function names and keywords are case-insensitive, codes are not', () => {
    expect(printFormula(parseFormula('sum(children) + if(true, c1, C1)'))).toBe('SUM(CHILDREN) + IF(TRUE, c1, C1)');
  });

  it('";" separates arguments too (Vietnamese Excel habit); the printer writes ","', () => {
    expect(printFormula(parseFormula('ROUND(C1; 2)'))).toBe('ROUND(C1, 2)');
  });

  it('numbers keep their exact decimal text, canonicalised', () => {
    expect(shape('0001.500')).toEqual({ type: 'number', value: '1.5' });
    expect(shape('123456789012345678901234567890.123')).toEqual({ type: 'number', value: '123456789012345678901234567890.123' });
  });

  it('strings use "" for a quote, and may hold Vietnamese text', () => {
    expect(shape('"Hà Nội ""mới"""')).toEqual({ type: 'string', value: 'Hà Nội "mới"' });
    expect(printFormula(parseFormula('"a""b"'))).toBe('"a""b"');
  });

  it('spans point back into the source', () => {
    const ast = parseFormula('1 + SUM(C1, [R2:C3])');
    expect(ast.type === 'binary' && ast.right.span).toEqual({ start: 4, end: 20 });
  });

  it('a code spelled like a keyword or starting with a digit is printed bracketed', () => {
    expect(printFormula({ type: 'code', code: 'TRUE', span: { start: 0, end: 0 } })).toBe('[TRUE]');
    expect(printFormula({ type: 'code', code: '01', span: { start: 0, end: 0 } })).toBe('[01]');
    expect(printFormula({ type: 'code', code: 'SUM', span: { start: 0, end: 0 } })).toBe('SUM');
  });
});

import { describe, expect, it } from 'vitest';
import { cellName, convertExcelFormula, type FormGrid } from './excel-formula.ts';

// Rows 8–11 of a sheet: R1 (total) with children R11, R12 (rows 9, 10); R2 on row 11.
// Columns D, E, F: KH, KN, SS.
const grid: FormGrid = {
  rowCode: (r) => ({ 8: 'R1', 9: 'R11', 10: 'R12', 11: 'R2' })[r],
  colCode: (c) => ({ 4: 'KH', 5: 'KN', 6: 'SS' })[c],
  childRows: (r) => (r === 8 ? [9, 10] : []),
};
const at = (row: number, col: number) => ({ row, col });

describe('Excel formulas in the form language', () => {
  it('turns a sum over exactly the child rows into SUM(CHILDREN), in every column alike', () => {
    expect(convertExcelFormula('SUM(D9:D10)', at(8, 4), grid)).toEqual({ ok: true, text: 'SUM(CHILDREN)' });
    expect(convertExcelFormula('=SUM(E9:E10)', at(8, 5), grid)).toEqual({ ok: true, text: 'SUM(CHILDREN)' });
    expect(convertExcelFormula('D9+D10', at(8, 4), grid)).toEqual({ ok: true, text: 'R11 + R12' });
  });

  it('writes same-row references as column codes and others as cells', () => {
    expect(convertExcelFormula('IF(D9=0,"",E9/D9*100)', at(9, 6), grid)).toEqual({ ok: true, text: 'IF(KH = 0, "", KN / KH * 100)' });
    expect(convertExcelFormula('ROUND($E$11/E8;2)', at(9, 6), grid)).toEqual({ ok: true, text: 'ROUND([R2:KN] / [R1:KN], 2)' });
    expect(convertExcelFormula('SUM(D11:E11)', at(11, 6), grid)).toEqual({ ok: true, text: 'SUM(KH, KN)' });
    expect(convertExcelFormula('AVERAGE(D8:D11)-10%', at(8, 6), grid)).toEqual({
      ok: true,
      text: 'AVG(KH, [R11:KH], [R12:KH], [R2:KH]) - 10 / 100',
    });
  });

  it('names what it cannot convert', () => {
    expect(convertExcelFormula('VLOOKUP(D9,A1:B5,2)', at(9, 6), grid)).toEqual({ ok: false, reason: 'hàm VLOOKUP chưa được hỗ trợ' });
    expect(convertExcelFormula('Sheet2!D9*2', at(9, 6), grid)).toEqual({ ok: false, reason: 'tham chiếu sang trang tính khác' });
    expect(convertExcelFormula('D3*2', at(9, 6), grid)).toEqual({ ok: false, reason: 'ô D3 nằm ngoài phần số liệu của biểu' });
    expect(convertExcelFormula('SUM(D8:E9)', at(9, 6), grid)).toEqual({ ok: false, reason: 'vùng ô nhiều dòng và nhiều cột' });
    expect(convertExcelFormula('D9^2', at(9, 6), grid)).toEqual({ ok: false, reason: 'phép lũy thừa "^"' });
  });

  it('names cells as Excel does', () => {
    expect([cellName(1, 1), cellName(8, 26), cellName(3, 27), cellName(5, 53)]).toEqual(['A1', 'Z8', 'AA3', 'BA5']);
  });
});

import { describe, expect, it } from 'vitest';
import { createEvaluator, defineForm, valueToString, type InputValue } from '@baocao/core';
import { copyCells, fillBlock, pasteReport, pasteTargetOf, planGridPaste, type GridPaste } from './clipboard.ts';
import type { GridRect } from './selection.ts';

/**
 * Rows: TONG = SUM(CHILDREN) over A, B, C; H is a header row. Columns: KH number, TH integer,
 * CONG = KH + TH (computed), GC text, NGAY date. C:TH is hatched.
 */
const form = defineForm({
  name: 'Biểu thử dán',
  code: 'THU-DAN',
  rows: [
    {
      id: 'tong',
      code: 'TONG',
      name: 'Tổng số',
      kind: 'computed',
      formula: 'SUM(CHILDREN)',
      children: [
        { id: 'a', code: 'A', name: 'Thu từ doanh nghiệp nhà nước', kind: 'input' },
        { id: 'b', code: 'B', name: 'Thu ngoài quốc doanh', kind: 'input' },
        { id: 'c', code: 'C', name: 'Thu khác', kind: 'input' },
      ],
    },
    { id: 'h', code: 'H', name: 'Ghi chú', kind: 'header' },
  ],
  columns: [
    { code: 'KH', name: 'Kế hoạch' },
    { code: 'TH', name: 'Thực hiện', type: 'integer' },
    { code: 'CONG', name: 'Cộng', kind: 'computed', formula: 'KH + TH' },
    { code: 'GC', name: 'Ghi chú', type: 'text' },
    { code: 'NGAY', name: 'Ngày', type: 'date' },
  ],
  disabledCells: [{ row: 'C', col: 'TH' }],
});
const evaluator = createEvaluator(form);
const space = evaluator.space;
const target = pasteTargetOf(space);
const at = (r: number, c: number): GridRect => ({ top: r, left: c, bottom: r, right: c });
const where = (r: number, c: number) => `Dòng ${space.rows[r]!.row.name}, cột ${c + 1} – ${space.columns[c]!.column.name}`;
const writes = (p: GridPaste) => p.writes.map((w) => `${w.key}=${w.value === null ? '' : valueToString(w.value as never)}`);

/** Applies a paste to a fresh evaluation of the form and reads a cell back. */
function after(p: GridPaste, start: [string, InputValue][] = []) {
  const ev = createEvaluator(form);
  const inputs = new Map(start);
  for (const w of p.writes) inputs.set(w.key, w.value);
  ev.evaluateAll(inputs);
  return (key: string) => valueToString(ev.get(key) ?? null);
}

describe('paste into the entry grid', () => {
  it('pastes a 3×2 block of Vietnamese numbers from A:KH: 1.234,5 + 10 + 3 = 1.247,5 in the total; the hatched C:TH is skipped', () => {
    const p = planGridPaste('1.234,5\t2\r\n10\t20\r\n3\t4\r\n', at(1, 0), target);
    expect(writes(p)).toEqual(['A:KH=1234.5', 'A:TH=2', 'B:KH=10', 'B:TH=20', 'C:KH=3']);
    expect(p.skippedLocked).toBe(1);
    expect(p.area).toEqual({ top: 1, left: 0, bottom: 3, right: 1 });
    const get = after(p);
    expect(get('TONG:KH')).toBe('1247.5');
    expect(get('TONG:TH')).toBe('22');
    expect(get('A:CONG')).toBe('1236.5');
    const report = pasteReport(p, where);
    expect(report).toEqual({
      type: 'success',
      title: 'Đã dán 5 ô.',
      details: [{ text: 'Bỏ qua 1 ô gạch chéo hoặc dòng tiêu đề (không nhập).' }],
    });
  });

  it('never writes a computed cell, and says so', () => {
    const p = planGridPaste('1\t2\t3', at(1, 0), target);
    expect(writes(p)).toEqual(['A:KH=1', 'A:TH=2']);
    expect(p.skippedComputed).toBe(1);
    expect(pasteReport(p, where).details).toEqual([{ text: 'Bỏ qua 1 ô tự tính (có công thức), giữ nguyên giá trị tính.' }]);
  });

  it('fills every selected cell with one pasted value, as Excel does, except computed ones', () => {
    const selection = { top: 1, left: 0, bottom: 2, right: 2 };
    const p = planGridPaste('7\r\n', selection, target);
    expect(writes(p)).toEqual(['A:KH=7', 'A:TH=7', 'B:KH=7', 'B:TH=7']);
    expect(p.skippedComputed).toBe(2);
    expect(after(p)('TONG:CONG')).toBe('28');
  });

  it('repeats a block over a selection that is a multiple of it, and pastes it once otherwise', () => {
    expect(fillBlock([['1', '2']], { top: 0, left: 0, bottom: 1, right: 3 })).toEqual([
      ['1', '2', '1', '2'],
      ['1', '2', '1', '2'],
    ]);
    expect(fillBlock([['1', '2']], { top: 0, left: 0, bottom: 1, right: 2 })).toEqual([['1', '2']]);
    expect(fillBlock([['5']], at(3, 3))).toEqual([['5']]);
  });

  it('refuses text in a number column and names the cell in Vietnamese; the rest is written', () => {
    const p = planGridPaste('abc\t5', at(1, 0), target);
    expect(writes(p)).toEqual(['A:TH=5']);
    const report = pasteReport(p, where);
    expect(report.type).toBe('warning');
    expect(report.title).toBe('Đã dán 1 ô.');
    expect(report.details).toEqual([
      {
        text: '1 ô không được ghi vì giá trị không hợp lệ:',
        items: ['Dòng Thu từ doanh nghiệp nhà nước, cột 1 – Kế hoạch: “abc” không phải là số.'],
      },
    ]);
    expect(pasteReport(planGridPaste('abc', at(1, 0), target), where)).toMatchObject({ type: 'error', title: 'Không dán được ô nào.' });
  });

  it('refuses a fraction in an integer column and an impossible date', () => {
    const p = planGridPaste('2,5\t\t\t31/02/2026', at(1, 1), target);
    expect(p.rejected.map((i) => i.message)).toEqual(['“2,5”: cột này chỉ nhận số nguyên.', '“31/02/2026”: Ngày không tồn tại.']);
  });

  it('writes trimmed text, dd/mm/yyyy dates as ISO dates, and empties a cell for an empty pasted cell', () => {
    const p = planGridPaste('\t  Số liệu ước tính  \t15/01/2026', at(1, 2), target);
    expect(writes(p)).toEqual(['A:GC=Số liệu ước tính', 'A:NGAY=2026-01-15']);
    expect(p.skippedComputed).toBe(1);
    const clear = planGridPaste('\t', at(1, 0), target);
    expect(writes(clear)).toEqual(['A:KH=', 'A:TH=']);
  });

  it('cuts a block larger than the form and says how much was left out', () => {
    const block = Array.from({ length: 6 }, () => Array.from({ length: 7 }, () => '1').join('\t')).join('\n');
    const p = planGridPaste(block, at(1, 0), target);
    expect(p.overflow).toEqual({ rows: 2, cols: 2 });
    expect(p.area).toEqual({ top: 1, left: 0, bottom: 4, right: 4 });
    expect(p.writes.every((w) => /^[ABC]:/u.test(w.key))).toBe(true);
    expect(pasteReport(p, where).details).toContainEqual({ text: 'Vùng dán 6×7 vượt quá biểu mẫu: bỏ qua 2 dòng, 2 cột.' });
  });

  it('writes "1.234" as one thousand two hundred thirty-four and explains how else to type it', () => {
    const p = planGridPaste('1.234', at(1, 0), target);
    expect(writes(p)).toEqual(['A:KH=1234']);
    const report = pasteReport(p, where);
    expect(report.type).toBe('warning');
    expect(report.details[0]!.text).toBe('1 ô cần xem lại cách hiểu số:');
    expect(report.details[0]!.items![0]).toContain('“1.234” được hiểu là 1234');
    expect(report.details[0]!.items![0]).toContain('nếu ý bạn là 1,234 hãy nhập 1,234');
  });

  it('lists five problems by name and counts the rest', () => {
    // Per row: KH, TH and NGAY refused (C:TH is hatched, so skipped): 3 + 3 + 2 = 8.
    const p = planGridPaste('x\tx\t\tghi chú\tx\n'.repeat(3), at(1, 0), target);
    const [first] = pasteReport(p, where).details;
    expect(p.rejected).toHaveLength(8);
    expect(first!.text).toBe('8 ô không được ghi vì giá trị không hợp lệ:');
    expect(first!.items!.slice(0, 5).every((d) => d.startsWith('Dòng '))).toBe(true);
    expect(first!.items![5]).toBe('… và 3 ô khác.');
  });
});

describe('copy from the entry grid', () => {
  it('writes the selection as TSV in Vietnamese editing format, computed cells included, hatched and header cells empty', () => {
    const ev = createEvaluator(form);
    ev.evaluateAll(
      new Map<string, InputValue>([
        ['A:KH', 1234.5],
        ['A:TH', 2],
        ['B:KH', 10],
        ['B:TH', 20],
        ['C:KH', 3],
        ['A:GC', 'có "ngoặc"\tvà tab'],
      ]),
    );
    const tsv = copyCells(space, { top: 0, left: 0, bottom: 4, right: 3 }, (k) => ev.get(k));
    expect(tsv).toBe(
      '1247,5\t22\t1269,5\t\r\n' + '1234,5\t2\t1236,5\t"có ""ngoặc""\tvà tab"\r\n' + '10\t20\t30\t\r\n' + '3\t\t3\t\r\n' + '\t\t\t\r\n',
    );
  });

  it('copies back what it pastes', () => {
    const text = '1234,5\t2\r\n10\t20\r\n';
    const p = planGridPaste(text, at(1, 0), target);
    const ev = createEvaluator(form);
    ev.evaluateAll(p.writes.map((w) => [w.key, w.value] as const));
    expect(copyCells(space, p.area!, (k) => ev.get(k))).toBe(text);
  });
});

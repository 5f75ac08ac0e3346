import { describe, expect, it } from 'vitest';
import { checkListRecords, defineListForm } from '@baocao/core';
import {
  displayListValue,
  editListValue,
  enterTarget,
  insertRecord,
  isBlankRecord,
  listCellKey,
  listEngine,
  listPasteSummary,
  listTotals,
  parseListCellKey,
  pasteIntoRecords,
  problemsByCell,
  readListValue,
  recordCountText,
  removeRecord,
  setRecordValue,
  displayComputed,
  type CatalogItems,
  type ListRecord,
} from './listEntry.ts';

const list = defineListForm({
  name: 'Danh sách dự án đầu tư công',
  code: '03/DS',
  columns: [
    { code: 'TEN', name: 'Tên dự án', checks: ['required'] },
    { code: 'LOAI', name: 'Loại dự án', type: 'catalog', catalogCode: 'LOAI_DA' },
    {
      kind: 'group',
      name: 'Vốn',
      children: [
        { code: 'NS', name: 'Ngân sách', type: 'number', checks: ['non_negative'] },
        { code: 'KHAC', name: 'Vốn khác', type: 'number' },
        { code: 'TONG', name: 'Tổng vốn', type: 'number', kind: 'computed', formula: 'NS + KHAC' },
      ],
    },
    { code: 'NGAY', name: 'Ngày khởi công', type: 'date' },
    { code: 'XONG', name: 'Đã xong', type: 'boolean' },
    { code: 'SO', name: 'Số hộ', type: 'integer' },
  ],
  totalColumns: ['NS', 'TONG'],
  maxRecords: 3,
});
const engine = listEngine(list);
const col = (code: string) => engine.columns.find((c) => c.code === code)!;
const catalog: CatalogItems = new Map([
  ['GT', { code: 'GT', name: 'Giao thông' }],
  ['GD', { code: 'GD', name: 'Giáo dục' }],
]);

describe('reading what is typed or pasted', () => {
  it('reads Vietnamese numbers and stores plain decimal text', () => {
    expect(readListValue('1.234,5', col('NS'))).toBe('1234.5');
    expect(readListValue('1234.5', col('NS'))).toBe('1234.5');
    expect(readListValue(' -12,75 ', col('NS'))).toBe('-12.75');
    expect(readListValue('1.234', col('NS'))).toBe('1234');
    expect(readListValue('', col('NS'))).toBeNull();
  });

  it('reads dd/mm/yyyy dates as YYYY-MM-DD and Có/Không as booleans', () => {
    expect(readListValue('03/01/2026', col('NGAY'))).toBe('2026-01-03');
    expect(readListValue('3/1/2026', col('NGAY'))).toBe('2026-01-03');
    expect(readListValue('có', col('XONG'))).toBe(true);
    expect(readListValue('Không', col('XONG'))).toBe(false);
  });

  it('keeps a text that does not fit as typed, for checkListRecords to name on its cell', () => {
    expect(readListValue('một tỷ', col('NS'))).toBe('một tỷ');
    expect(readListValue('30/02/2026', col('NGAY'))).toBe('30/02/2026');
    const problems = checkListRecords(list, [
      { TEN: 'Cầu', NS: readListValue('một tỷ', col('NS')), NGAY: readListValue('30/02/2026', col('NGAY')) },
    ]);
    expect(problems.map((p) => [p.cell, p.message])).toEqual([
      ['1:NS', 'Bản ghi thứ 1, cột "Vốn / Ngân sách": "một tỷ" không phải là số.'],
      ['1:NGAY', 'Bản ghi thứ 1, cột "Ngày khởi công": "30/02/2026" không phải là ngày hợp lệ.'],
    ]);
  });

  it('takes a catalog item by its code or its name and stores the code', () => {
    expect(readListValue('GT', col('LOAI'), catalog)).toBe('GT');
    expect(readListValue('giáo dục', col('LOAI'), catalog)).toBe('GD');
    expect(readListValue('Y tế', col('LOAI'), catalog)).toBe('Y tế');
    expect(readListValue('GT', col('LOAI'))).toBe('GT');
  });

  it('stores text NFC-normalised and trimmed', () => {
    const decomposed = 'Tru\u031Bo\u031B\u0300ng ho\u0323c'; // "Trường học" typed with combining marks
    expect(readListValue(`  ${decomposed} `, col('TEN'))).toBe('Trường học');
  });
});

describe('showing stored values', () => {
  it('in Vietnamese conventions, and as the editor takes them back', () => {
    expect(displayListValue('1234567.5', col('NS'))).toBe('1.234.567,5');
    expect(editListValue('1234567.5', col('NS'))).toBe('1234567,5');
    expect(readListValue(editListValue('1234567.5', col('NS')), col('NS'))).toBe('1234567.5');
    expect(displayListValue('2026-01-03', col('NGAY'))).toBe('03/01/2026');
    expect(readListValue(editListValue('2026-01-03', col('NGAY')), col('NGAY'))).toBe('2026-01-03');
    expect(displayListValue(true, col('XONG'))).toBe('Có');
    expect(displayListValue('GT', col('LOAI'), catalog)).toBe('GT – Giao thông');
    expect(editListValue('GT', col('LOAI'))).toBe('GT');
    expect(displayListValue('một tỷ', col('NS'))).toBe('một tỷ');
    expect(displayListValue(undefined, col('NS'))).toBe('');
  });
});

describe('row operations', () => {
  const records = [{ TEN: 'A' }, { TEN: 'B' }];

  it('sets a cell without touching the input; an emptied cell loses its key', () => {
    const next = setRecordValue(records, 1, 'NS', '10');
    expect(next).toEqual([{ TEN: 'A' }, { TEN: 'B', NS: '10' }]);
    expect(records).toEqual([{ TEN: 'A' }, { TEN: 'B' }]);
    expect(next[0]).toBe(records[0]);
    expect(setRecordValue(next, 1, 'NS', null)).toEqual(records);
  });

  it('inserts an empty record above a row or at the end, and removes one', () => {
    expect(insertRecord(records, 1)).toEqual([{ TEN: 'A' }, {}, { TEN: 'B' }]);
    expect(insertRecord(records, 2)).toEqual([{ TEN: 'A' }, { TEN: 'B' }, {}]);
    expect(insertRecord(records, 99)).toHaveLength(3);
    expect(removeRecord(records, 0)).toEqual([{ TEN: 'B' }]);
    expect(isBlankRecord({})).toBe(true);
    expect(isBlankRecord({ TEN: 'A' })).toBe(false);
  });

  it('Enter goes down a record, and from the last one adds a record at the end', () => {
    expect(enterTarget(0, 2)).toEqual({ index: 1, append: false });
    expect(enterTarget(1, 2)).toEqual({ index: 2, append: true });
    expect(enterTarget(0, 0)).toEqual({ index: 0, append: true });
  });

  it('names cells as the server does: record number (from 1) and column code', () => {
    expect(listCellKey(0, 'NS')).toBe('1:NS');
    expect(parseListCellKey('12:NS')).toEqual({ index: 11, code: 'NS' });
    expect(parseListCellKey('0:NS')).toBeNull();
    expect(parseListCellKey('R1:C1')).toBeNull();
  });
});

describe('paste from Excel', () => {
  const catalogs = new Map([['LOAI_DA', catalog]]);

  it('fills records from the cell pasted into, adds records past the end, skips computed columns', () => {
    const tsv = 'Trường mầm non\tGiáo dục\t1.200\t50\t999\r\nCầu Bến Đò\tGT\t800,5\t\t\r\nNhà văn hóa\tGT\tabc\t10\t\r\n';
    const paste = pasteIntoRecords([{ TEN: 'cũ', NS: '1' }], engine.columns, { row: 0, col: 0 }, tsv, catalogs);
    expect(paste.records).toEqual([
      { TEN: 'Trường mầm non', LOAI: 'GD', NS: '1200', KHAC: '50' },
      { TEN: 'Cầu Bến Đò', LOAI: 'GT', NS: '800.5' },
      { TEN: 'Nhà văn hóa', LOAI: 'GT', NS: 'abc', KHAC: '10' },
    ]);
    expect({
      rows: paste.rows,
      written: paste.written,
      added: paste.added,
      skipped: paste.skipped,
      headerSkipped: paste.headerSkipped,
    }).toEqual({
      rows: 3,
      written: 12,
      added: 2,
      skipped: 1,
      headerSkipped: false,
    });
    expect(listPasteSummary(paste)).toBe(
      'Đã dán 12 ô vào 3 bản ghi (thêm 2 bản ghi mới); bỏ qua 1 ô rơi vào cột tự tính hoặc ngoài danh sách cột.',
    );
  });

  it('pastes from a middle column and leaves the columns to its left alone', () => {
    const paste = pasteIntoRecords([{ TEN: 'A', NS: '1' }], engine.columns, { row: 0, col: 2 }, '5\t6\r\n');
    expect(paste.records).toEqual([{ TEN: 'A', NS: '5', KHAC: '6' }]);
  });

  it('leaves out a header row copied along with the data', () => {
    const paste = pasteIntoRecords([], engine.columns, { row: 0, col: 0 }, 'Tên dự án\tLoại dự án\r\nCầu\tGT\r\n', catalogs);
    expect(paste.headerSkipped).toBe(true);
    expect(paste.rows).toBe(1);
    expect(paste.records).toEqual([{ TEN: 'Cầu', LOAI: 'GT' }]);
  });
});

describe('computed columns, totals, problems and the count', () => {
  const records: ListRecord[] = [
    { TEN: 'A', NS: '1200', KHAC: '50' },
    { TEN: 'B', NS: '800.5' },
    { TEN: 'C', NS: 'abc', KHAC: '10' },
  ];

  it('computes each record and sums the total columns: NS 1.200 + 800,5 = 2.000,5; TỔNG 1.250 + 800,5 = 2.050,5 (C has no total: its formula fails on "abc")', () => {
    expect(displayComputed(engine.computedOf(records[0]!).get('TONG'), col('TONG'))).toBe('1.250');
    expect(engine.computedOf(records[0]!)).toBe(engine.computedOf(records[0]!));
    const totals = listTotals(list, engine, records);
    expect(totals.get('NS')!.toFixed()).toBe('2000.5');
    // "abc" is not a number: the engine reads it as an error in TỔNG for C, which the total leaves out.
    expect(displayComputed(engine.computedOf(records[2]!).get('TONG'), col('TONG'))).toBe('#LỖI');
    expect(totals.get('TONG')!.toFixed()).toBe('2050.5');
  });

  it('places core’s problems on their cells, the list-wide ones apart', () => {
    const problems = checkListRecords(list, [...records, { NS: '-1' }]);
    const { byCell, general } = problemsByCell(problems);
    expect(general).toEqual(['Danh sách có 4 bản ghi, vượt quá giới hạn 3 bản ghi.']);
    expect(byCell.get('3:NS')).toEqual(['Bản ghi thứ 3, cột "Vốn / Ngân sách": "abc" không phải là số.']);
    expect(byCell.get('4:NS')).toEqual(['Bản ghi thứ 4, cột "Vốn / Ngân sách": không được là số âm.']);
    expect(byCell.get('4:TEN')).toEqual(['Bản ghi thứ 4, cột "Tên dự án": chưa nhập (bắt buộc).']);
  });

  it('counts records the Vietnamese way', () => {
    expect(recordCountText(1234)).toBe('1.234 bản ghi');
    expect(recordCountText(2, 3)).toBe('2 bản ghi (tối đa 3)');
  });
});

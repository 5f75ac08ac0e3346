import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberCell, parseTsv, planPaste, toTsv, type PasteCellKind, type PasteInput } from './paste.ts';

describe('parseTsv', () => {
  it('splits rows on \\r\\n and \\n, cells on tabs; one trailing line break makes no empty row', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('1\r2\r')).toEqual([['1'], ['2']]);
  });

  it('keeps empty cells and empty rows inside the block', () => {
    expect(parseTsv('\t\tx\n\n')).toEqual([['', '', 'x'], ['']]);
    expect(parseTsv('a\t\n')).toEqual([['a', '']]);
    expect(parseTsv('\n')).toEqual([['']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads Excel quoted cells with doubled quotes, tabs and line breaks inside', () => {
    const clip = '"Xã Tân Phú\nhuyện Đồng Xoài"\t"cột ""A""\tB"\t12\r\n"x"\t"2"\r\n';
    expect(parseTsv(clip)).toEqual([
      ['Xã Tân Phú\nhuyện Đồng Xoài', 'cột "A"\tB', '12'],
      ['x', '2'],
    ]);
  });

  it('reads quotes that do not open a cell, text after a closing quote and never-closed quotes literally', () => {
    expect(parseTsv('màn hình 5"\tb')).toEqual([['màn hình 5"', 'b']]);
    expect(parseTsv('"ab"cd\te')).toEqual([['abcd', 'e']]);
    expect(parseTsv('"chưa đóng\tb\nc')).toEqual([['"chưa đóng', 'b'], ['c']]);
  });

  it('NFC-normalises cells and drops a byte-order mark', () => {
    const decomposed = 'Nghe\u0302\u0323 An'; // "Nghệ An" typed with combining marks
    const [[cell]] = parseTsv(`\uFEFF${decomposed}\t1`) as [[string]];
    expect(cell).toBe('Nghệ An');
    expect(cell).not.toBe(decomposed);
  });
});

describe('toTsv', () => {
  it('writes rows ended by \\r\\n, null as empty, and quotes only cells that need it', () => {
    expect(
      toTsv([
        ['Tỉnh', null, '1.234,5'],
        ['a\tb', 'dòng 1\ndòng 2', 'cỡ 5"'],
      ]),
    ).toBe('Tỉnh\t\t1.234,5\r\n"a\tb"\t"dòng 1\ndòng 2"\t"cỡ 5"""\r\n');
    expect(toTsv([])).toBe('');
  });

  it('round-trips through parseTsv: parseTsv(toTsv(x)) = x (NFC) for cells with tabs, quotes, line breaks and Vietnamese letters', () => {
    const char = fc.constantFrom('a', 'Z', '1', ' ', '"', '\t', '\n', '\r', 'ệ', 'Đ', 'ư', 'e\u0302\u0301', '₫', ',', '.');
    const cell = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(rows, (x) => {
        expect(parseTsv(toTsv(x))).toEqual(x.map((r) => r.map((c) => c.normalize('NFC'))));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseNumberCell', () => {
  const accepted: [string, string][] = [
    ['1.234,5', '1234.5'],
    ['1,234.5', '1234.5'],
    ['1234,5', '1234.5'],
    ['1234.5', '1234.5'],
    ['1 234,5', '1234.5'],
    ['1\u00A0234,5', '1234.5'],
    ['1\u202F234\u202F567,25', '1234567.25'],
    ['12 345.678', '12345.678'],
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1.234.567,89', '1234567.89'],
    ['1,234,567.89', '1234567.89'],
    ['-1.234,5', '-1234.5'],
    ['−42', '-42'],
    ['(1.234,5)', '-1234.5'],
    ['+12,5', '12.5'],
    ['  7  ', '7'],
    ['0,5', '0.5'],
    [',5', '0.5'],
    ['0.123', '0.123'],
    ['1234.567', '1234.567'],
    ['12,3456', '12.3456'],
    ['007', '7'],
    ['1,50', '1.5'],
    ['-0', '0'],
    ['1.234.000 đ', '1234000'],
    ['1.234.000₫', '1234000'],
    ['₫ 1.234.000', '1234000'],
    ['1.234.000 VND', '1234000'],
    ['1.234.000 VNĐ', '1234000'],
    ['5.000.000 đồng', '5000000'],
    ['-1.234.000 ₫', '-1234000'],
    ['(1.234.000 đ)', '-1234000'],
  ];
  it.each(accepted)('reads %j as %s', (raw, value) => {
    const result = parseNumberCell(raw);
    expect(result).toEqual({ ok: true, value });
  });

  it('gives the same values under prefer "en" when the text is not ambiguous', () => {
    for (const [raw, value] of accepted) expect(parseNumberCell(raw, { prefer: 'en' })).toEqual({ ok: true, value });
  });

  it('flags a trailing % and returns the number as written', () => {
    expect(parseNumberCell('12,5%')).toEqual({ ok: true, value: '12.5', percent: true });
    expect(parseNumberCell('12.5 %')).toEqual({ ok: true, value: '12.5', percent: true });
    expect(parseNumberCell('-3%')).toEqual({ ok: true, value: '-3', percent: true });
    expect(parseNumberCell('(0,75%)')).toEqual({ ok: true, value: '-0.75', percent: true });
  });

  it('reads empty and blank text as no value', () => {
    expect(parseNumberCell('')).toEqual({ ok: true, value: null });
    expect(parseNumberCell(' \u00A0 ')).toEqual({ ok: true, value: null });
  });

  const rejected = [
    'abc',
    '12a',
    '1.2.3,4,5',
    '1,2.3',
    '12.34,5',
    '1,234,5',
    '1234,',
    '1..234',
    '1 23',
    '1  234',
    '--5',
    '+-5',
    '(-5)',
    '5-',
    '%',
    'đ',
    '1e5',
    '0.123.456',
    '1,234.567,8',
    '12 34,5',
    'NaN',
    'Infinity',
  ];
  it.each(rejected)('refuses %j naming the text', (raw) => {
    expect(parseNumberCell(raw)).toEqual({ ok: false, message: `“${raw}” không phải là số.` });
  });

  it('cuts very long text in the message', () => {
    const raw = 'x'.repeat(100);
    const result = parseNumberCell(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(`“${'x'.repeat(39)}…” không phải là số.`);
  });

  describe('ambiguity: one separator followed by exactly three digits', () => {
    it('"1.234" is 1234 by default (vi) and 1.234 with prefer en', () => {
      expect(parseNumberCell('1.234')).toEqual({
        ok: true,
        value: '1234',
        ambiguous: {
          vi: '1234',
          en: '1.234',
          message: '“1.234” được hiểu là 1234 (dấu chấm phân cách hàng nghìn theo cách viết Việt Nam); nếu ý bạn là 1,234 hãy nhập 1,234.',
        },
      });
      expect(parseNumberCell('1.234', { prefer: 'en' })).toEqual({
        ok: true,
        value: '1.234',
        ambiguous: {
          vi: '1234',
          en: '1.234',
          message: '“1.234” được hiểu là 1,234 (dấu chấm là dấu thập phân theo cách viết tiếng Anh); nếu ý bạn là 1234 hãy nhập 1234.',
        },
      });
    });

    it('"1,234" is 1.234 by default (vi) and 1234 with prefer en', () => {
      expect(parseNumberCell('1,234')).toEqual({
        ok: true,
        value: '1.234',
        ambiguous: {
          vi: '1.234',
          en: '1234',
          message: '“1,234” được hiểu là 1,234 (dấu phẩy là dấu thập phân theo cách viết Việt Nam); nếu ý bạn là 1234 hãy nhập 1234.',
        },
      });
      expect(parseNumberCell('1,234', { prefer: 'en' })).toEqual({
        ok: true,
        value: '1234',
        ambiguous: {
          vi: '1.234',
          en: '1234',
          message: '“1,234” được hiểu là 1234 (dấu phẩy phân cách hàng nghìn theo cách viết tiếng Anh); nếu ý bạn là 1,234 hãy nhập 1.234.',
        },
      });
    });

    it('keeps the sign and percent in both readings', () => {
      const result = parseNumberCell('-12.500%');
      expect(result).toMatchObject({ ok: true, value: '-12500', percent: true, ambiguous: { vi: '-12500', en: '-12.5' } });
      expect(parseNumberCell('(999,000)', { prefer: 'en' })).toMatchObject({
        ok: true,
        value: '-999000',
        ambiguous: { vi: '-999', en: '-999000' },
      });
    });

    it('the advice in the message is itself read as the other meaning, under the same preference', () => {
      for (const prefer of ['vi', 'en'] as const) {
        for (const raw of ['1.234', '1,234', '-45.600', '999,999']) {
          const first = parseNumberCell(raw, { prefer });
          if (!first.ok || first.value === null || !first.ambiguous) throw new Error(`expected ambiguous: ${raw}`);
          const advice = /hãy nhập (.+)\.$/u.exec(first.ambiguous.message)?.[1] ?? '';
          const other = prefer === 'vi' ? first.ambiguous.en : first.ambiguous.vi;
          // The advice may itself be flagged ambiguous (as "1,234" is), but it is read as the other meaning.
          expect(parseNumberCell(advice, { prefer })).toMatchObject({ ok: true, value: other });
        }
      }
    });

    it('is not ambiguous when a thousands group is impossible', () => {
      expect(parseNumberCell('0.123')).toEqual({ ok: true, value: '0.123' });
      expect(parseNumberCell('1234,567')).toEqual({ ok: true, value: '1234.567' });
      expect(parseNumberCell('1.2345')).toEqual({ ok: true, value: '1.2345' });
      expect(parseNumberCell('1 234.567')).toEqual({ ok: true, value: '1234.567' });
    });
  });

  it('property: Vietnamese formatting of an integer, with or without grouping, reads back exactly', () => {
    const vi = new Intl.NumberFormat('vi-VN', { useGrouping: true });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9999 }), (int, fracInt) => {
        const frac = String(fracInt).padStart(4, '0');
        const text = `${vi.format(Math.abs(int))},${frac}`;
        const signed = int < 0 ? `-${text}` : text;
        const expected = `${int < 0 ? '-' : ''}${Math.abs(int)}.${frac}`.replace(/0+$/u, '').replace(/\.$/u, '');
        const result = parseNumberCell(signed);
        expect(result).toEqual({ ok: true, value: expected === '-0' ? '0' : expected });
      }),
    );
  });
});

describe('planPaste', () => {
  /** A 10 × 6 form: column 0 is text (Chỉ tiêu), column 5 is computed (Tổng), row 9 is locked; column 3 takes 0–100. */
  const kind = (row: number, col: number): PasteCellKind => (row === 9 ? 'locked' : col === 0 ? 'text' : col === 5 ? 'computed' : 'number');
  const base = (grid: string[][], target = { row: 0, col: 0 }): PasteInput => ({
    grid,
    target,
    rowCount: 10,
    colCount: 6,
    cellKind: kind,
    numberRange: (_row, col) => (col === 3 ? { min: 0, max: 100 } : undefined),
  });

  it('writes text trimmed and NFC, numbers canonical, empty cells as null', () => {
    const plan = planPaste(base([['  Sa\u0309n lượng lúa ', '1.234,5', '', '12,5%']], { row: 2, col: 0 }));
    expect(plan.writes).toEqual([
      { row: 2, col: 0, value: 'Sản lượng lúa' },
      { row: 2, col: 1, value: '1234.5' },
      { row: 2, col: 2, value: null },
      { row: 2, col: 3, value: '12.5' },
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.skipped).toEqual([]);
    expect(plan.overflow).toBeNull();
    expect(plan.summary).toBe('Đã dán 4 ô.');
  });

  it('skips computed and locked cells, never writing over formulas', () => {
    const plan = planPaste(
      base(
        [
          ['5', '6'],
          ['7', '8'],
        ],
        { row: 8, col: 4 },
      ),
    );
    expect(plan.writes).toEqual([{ row: 8, col: 4, value: '5' }]);
    expect(plan.skipped).toEqual([
      { row: 8, col: 5, reason: 'computed' },
      { row: 9, col: 4, reason: 'locked' },
      { row: 9, col: 5, reason: 'locked' },
    ]);
    expect(plan.summary).toBe('Đã dán 1 ô; 1 ô công thức và 2 ô bị khóa được bỏ qua.');
  });

  it('refuses text and out-of-range numbers in number cells, writing nothing for them', () => {
    const plan = planPaste(
      base(
        [
          ['abc', '150', '-1', '12a'],
          ['', '7', '100', ''],
        ],
        { row: 0, col: 1 },
      ),
    );
    expect(plan.writes).toEqual([
      { row: 0, col: 2, value: '150' }, // column 2 has no range
      { row: 1, col: 1, value: null },
      { row: 1, col: 2, value: '7' },
      { row: 1, col: 3, value: '100' },
      { row: 1, col: 4, value: null },
    ]);
    expect(plan.problems).toEqual([
      { row: 0, col: 1, raw: 'abc', message: '“abc” không phải là số.', severity: 'error' },
      { row: 0, col: 3, raw: '-1', message: '“-1” nằm ngoài phạm vi cho phép: phải từ 0 đến 100.', severity: 'error' },
      { row: 0, col: 4, raw: '12a', message: '“12a” không phải là số.', severity: 'error' },
    ]);
    expect(plan.summary).toBe('Đã dán 5 ô; 3 ô lỗi không được ghi.');
  });

  it('writes the range in Vietnamese number format, one-sided ranges too', () => {
    const one = (raw: string, range: { min?: number; max?: number }) =>
      planPaste({ grid: [[raw]], target: { row: 0, col: 0 }, rowCount: 1, colCount: 1, cellKind: () => 'number', numberRange: () => range })
        .problems;
    expect(one('2.000.000', { min: 1000, max: 1_500_000.5 })[0]?.message).toBe(
      '“2.000.000” nằm ngoài phạm vi cho phép: phải từ 1.000 đến 1.500.000,5.',
    );
    expect(one('-5', { min: 0 })[0]?.message).toBe('“-5” nằm ngoài phạm vi cho phép: phải từ 0 trở lên.');
    expect(one('12,5', { max: 10 })[0]?.message).toBe('“12,5” nằm ngoài phạm vi cho phép: phải từ 10 trở xuống.');
    expect(one('10', { min: 0, max: 10 })).toEqual([]);
  });

  it('writes ambiguous numbers with a warning, and explains the reading when it is out of range', () => {
    const plan = planPaste(base([['1.234', '1,5', '1.234']], { row: 0, col: 1 }));
    expect(plan.writes).toEqual([
      { row: 0, col: 1, value: '1234' },
      { row: 0, col: 2, value: '1.5' },
    ]);
    expect(plan.problems).toEqual([
      {
        row: 0,
        col: 1,
        raw: '1.234',
        message: '“1.234” được hiểu là 1234 (dấu chấm phân cách hàng nghìn theo cách viết Việt Nam); nếu ý bạn là 1,234 hãy nhập 1,234.',
        severity: 'warning',
      },
      {
        row: 0,
        col: 3,
        raw: '1.234',
        message:
          '“1.234” nằm ngoài phạm vi cho phép: phải từ 0 đến 100. “1.234” được hiểu là 1234 (dấu chấm phân cách hàng nghìn theo cách viết Việt Nam); nếu ý bạn là 1,234 hãy nhập 1,234.',
        severity: 'error',
      },
    ]);
    expect(plan.summary).toBe('Đã dán 2 ô, trong đó 1 ô cần xem lại cách hiểu số; 1 ô lỗi không được ghi.');

    const en = planPaste({ ...base([['1.234']], { row: 0, col: 3 }), prefer: 'en' });
    expect(en.writes).toEqual([{ row: 0, col: 3, value: '1.234' }]);
    expect(en.problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('cuts a block larger than the form and says how much was left out', () => {
    const grid = Array.from({ length: 12 }, (_, r) => Array.from({ length: 5 }, (_, c) => String(r * 10 + c)));
    const form = { rowCount: 10, colCount: 5, cellKind: (): PasteCellKind => 'number' };
    const plan = planPaste({ grid, target: { row: 0, col: 2 }, ...form });
    expect(plan.overflow).toEqual({ rows: 2, cols: 2 });
    expect(plan.writes).toHaveLength(30);
    expect(plan.writes.at(-1)).toEqual({ row: 9, col: 4, value: '92' });
    expect(plan.summary).toBe(
      'Đã dán 30 ô. Vùng dán có 12 dòng × 5 cột nhưng biểu chỉ còn 10 dòng × 3 cột từ ô đang chọn: 2 dòng và 2 cột thừa đã bỏ qua.',
    );

    const rowsOnly = planPaste({ grid, target: { row: 3, col: 0 }, ...form });
    expect(rowsOnly.overflow).toEqual({ rows: 5, cols: 0 });
    expect(rowsOnly.summary).toBe(
      'Đã dán 35 ô. Vùng dán có 12 dòng × 5 cột nhưng biểu chỉ còn 7 dòng × 5 cột từ ô đang chọn: 5 dòng thừa đã bỏ qua.',
    );

    const outside = planPaste({ grid: [['1']], target: { row: 10, col: 0 }, ...form });
    expect(outside.writes).toEqual([]);
    expect(outside.overflow).toEqual({ rows: 1, cols: 0 });
  });

  it('pads short rows with empty cells, so a ragged block pastes as its bounding rectangle', () => {
    const plan = planPaste({ grid: [['1', '2'], ['3']], target: { row: 0, col: 0 }, rowCount: 5, colCount: 5, cellKind: () => 'number' });
    expect(plan.writes).toEqual([
      { row: 0, col: 0, value: '1' },
      { row: 0, col: 1, value: '2' },
      { row: 1, col: 0, value: '3' },
      { row: 1, col: 1, value: null },
    ]);
  });

  it('says so when there is nothing to paste, and refuses a target that is not a cell index', () => {
    const form = { target: { row: 0, col: 0 }, rowCount: 5, colCount: 5, cellKind: (): PasteCellKind => 'number' };
    expect(planPaste({ ...form, grid: [] })).toEqual({
      writes: [],
      problems: [],
      skipped: [],
      overflow: null,
      summary: 'Không có dữ liệu để dán.',
    });
    expect(() => planPaste({ ...form, grid: [['1']], target: { row: -1, col: 0 } })).toThrow(RangeError);
    expect(() => planPaste({ ...form, grid: [['1']], target: { row: 0, col: 1.5 } })).toThrow(RangeError);
  });

  it('uses Vietnamese number format for large counts', () => {
    const grid = Array.from({ length: 100 }, () => Array.from({ length: 20 }, () => '1'));
    const plan = planPaste({ grid, target: { row: 0, col: 0 }, rowCount: 100, colCount: 20, cellKind: () => 'number' });
    expect(plan.summary).toBe('Đã dán 2.000 ô.');
  });

  it('is pure: frozen input is accepted and stays the same', () => {
    const grid = [
      ['1,5', 'abc'],
      ['x', '2'],
    ].map((r) => Object.freeze(r) as string[]);
    const input = Object.freeze({
      ...base(Object.freeze(grid) as string[][], { row: 0, col: 0 }),
      target: Object.freeze({ row: 0, col: 0 }),
    });
    const before = JSON.stringify(input);
    const first = planPaste(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(planPaste(input)).toEqual(first);
  });

  it('property: writes, errors and skipped cover exactly the in-range target rectangle, each cell once', () => {
    const kinds = fc.constantFrom<PasteCellKind>('number', 'text', 'computed', 'locked');
    const raw = fc.constantFrom('', '1', '1.234', '1,5', 'abc', '150', '-3', ' x ', '1.2.3', '12%', '(7)');
    const arb = fc.record({
      grid: fc.array(fc.array(raw, { maxLength: 7 }), { maxLength: 7 }),
      row: fc.nat(8),
      col: fc.nat(8),
      rowCount: fc.nat(8),
      colCount: fc.nat(8),
      kindTable: fc.array(kinds, { minLength: 64, maxLength: 64 }),
      prefer: fc.constantFrom<'vi' | 'en'>('vi', 'en'),
    });
    fc.assert(
      fc.property(arb, ({ grid, row, col, rowCount, colCount, kindTable, prefer }) => {
        const cellKind = (r: number, c: number): PasteCellKind => kindTable[r * 8 + c] ?? 'number';
        const plan = planPaste({
          grid,
          target: { row, col },
          rowCount,
          colCount,
          cellKind,
          numberRange: () => ({ min: 0, max: 100 }),
          prefer,
        });

        const height = grid.length;
        const width = Math.max(0, ...grid.map((r) => r.length));
        const expected = new Set<string>();
        for (let r = row; r < Math.min(rowCount, row + height); r++)
          for (let c = col; c < Math.min(colCount, col + width); c++) expected.add(`${r},${c}`);

        const errors = plan.problems.filter((p) => p.severity === 'error');
        const covered = [...plan.writes, ...errors, ...plan.skipped].map((x) => `${x.row},${x.col}`);
        expect(covered.length).toBe(expected.size);
        expect(new Set(covered)).toEqual(expected);
        // Warnings only for cells that were written; skipped cells are exactly the computed/locked ones.
        const written = new Set(plan.writes.map((w) => `${w.row},${w.col}`));
        for (const p of plan.problems) if (p.severity === 'warning') expect(written.has(`${p.row},${p.col}`)).toBe(true);
        for (const s of plan.skipped) expect(cellKind(s.row, s.col)).toBe(s.reason);
        expect(plan.overflow === null).toBe(height <= Math.max(0, rowCount - row) && width <= Math.max(0, colCount - col));
      }),
      { numRuns: 500 },
    );
  });
});

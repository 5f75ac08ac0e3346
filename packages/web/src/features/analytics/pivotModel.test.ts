import { describe, expect, it } from 'vitest';
import { bodyRows, columnHeaderRows, factCountText, formatFigure, hasFigures, headerText, tableCaption } from './pivotModel.ts';
import { goldenPivot } from './pivot.test-support.ts';

const texts = (cells: { text: string }[]) => cells.map((c) => c.text);

describe('figures in Vietnamese format', () => {
  it('groups thousands with "." and uses "," for decimals: 1234.5 → "1.234,5", 1000000 → "1.000.000"', () => {
    expect(formatFigure('1234.5')).toBe('1.234,5');
    expect(formatFigure('1000000')).toBe('1.000.000');
    expect(formatFigure('-0.25')).toBe('-0,25');
    expect(formatFigure('0')).toBe('0');
  });

  it('shows an empty cell as "–"', () => {
    expect(formatFigure(null)).toBe('–');
    expect(formatFigure(undefined)).toBe('–');
  });

  it('counts the facts: "Tổng hợp từ 1.234 số liệu"', () => {
    expect(factCountText(1234)).toBe('Tổng hợp từ 1.234 số liệu');
  });
});

describe('unit × period: one row dimension, one column dimension', () => {
  const result = goldenPivot(['unit'], ['period']);

  it('heads the columns with the periods then "Tổng cộng", after the row dimension title', () => {
    const head = columnHeaderRows(result);
    expect(head).toHaveLength(1);
    expect(texts(head[0]!)).toEqual(['Đơn vị', 'Tháng 1/2026', 'Tháng 2/2026', 'Tổng cộng']);
    expect(head[0]![3]!.kind).toBe('total');
  });

  it('lists the wards then "Tổng cộng", row totals 120 + 80,5 = 200,5 and 30 + 19,5 = 49,5, grand total 250', () => {
    const body = bodyRows(result);
    expect(body.map((r) => texts(r.headers))).toEqual([['Phường Hồng Bàng'], ['Phường Lê Chân'], ['Tổng cộng']]);
    expect(body.map((r) => r.figures)).toEqual([
      ['120', '80,5', '200,5'],
      ['30', '19,5', '49,5'],
      ['150', '100', '250'],
    ]);
    expect(body[2]!.kind).toBe('total');
  });

  it('names the single indicator above the table with its unit of measure', () => {
    expect(tableCaption(result)).toBe('Số lao động được tạo việc làm (Người)');
    expect(hasFigures(result)).toBe(true);
  });
});

describe('indicator × unit on rows: spans and sub-totals', () => {
  const result = goldenPivot(['indicator', 'unit'], ['period'], ['LD_TAO_VIEC_LAM', 'KHACH_DL']);
  const body = bodyRows(result);

  it('an indicator spans its wards and its "Cộng" row; the indicator reads with its unit of measure', () => {
    // LD: Hồng Bàng, Lê Chân, Cộng (3 rows); KHACH_DL: Hồng Bàng, Cộng (2 rows); then Tổng cộng.
    expect(body.map((r) => r.kind)).toEqual(['member', 'member', 'subtotal', 'member', 'subtotal', 'total']);
    const ld = body[0]!.headers[0]!;
    expect(ld).toMatchObject({ text: 'Số lao động được tạo việc làm (Người)', rowSpan: 3, colSpan: 1 });
    expect(body[3]!.headers[0]).toMatchObject({ text: 'Lượt khách du lịch (Lượt)', rowSpan: 2 });
    // Rows inside a group show only their inner label; the group's own cell is spanned from above.
    expect(texts(body[1]!.headers)).toEqual(['Phường Lê Chân']);
    expect(body[2]!.headers).toEqual([{ text: 'Cộng', kind: 'subtotal', colSpan: 1, rowSpan: 1 }]);
    expect(body[5]!.headers).toEqual([{ text: 'Tổng cộng', kind: 'total', colSpan: 2, rowSpan: 1 }]);
  });

  it('sub-totals add the group: LD 200,5 + 49,5 = 250; KHACH_DL 1.000 + 1.234,5 = 2.234,5', () => {
    expect(body[2]!.figures).toEqual(['150', '100', '250']);
    expect(body[4]!.figures).toEqual(['1.000', '1.234,5', '2.234,5']);
  });

  it('leaves the grand total of different indicators empty ("–") and says why in a note', () => {
    expect(body[5]!.figures).toEqual(['–', '–', '–']);
    expect(result.notes.length).toBeGreaterThan(0);
    expect(tableCaption(result)).toBeNull();
  });

  it('a page starting inside a group repeats the group label, spanning only what is on the page', () => {
    const page = bodyRows(result, 1, 4);
    expect(page.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(page[0]!.headers.map((h) => [h.text, h.rowSpan])).toEqual([
      ['Số lao động được tạo việc làm (Người)', 2],
      ['Phường Lê Chân', 1],
    ]);
    expect(page[2]!.headers.map((h) => [h.text, h.rowSpan])).toEqual([
      ['Lượt khách du lịch (Lượt)', 1],
      ['Phường Hồng Bàng', 1],
    ]);
  });

  it('joins a header into one line for the chart: "Lượt khách du lịch (Lượt) – Phường Hồng Bàng"', () => {
    expect(headerText(result, result.rows[3]!, result.rowDimensions)).toBe('Lượt khách du lịch (Lượt) – Phường Hồng Bàng');
    expect(headerText(result, result.rows[2]!, result.rowDimensions)).toBe('Số lao động được tạo việc làm (Người) – Cộng');
  });
});

describe('two column dimensions: multi-level headers', () => {
  const result = goldenPivot(['unit'], ['indicator', 'period'], ['LD_TAO_VIEC_LAM', 'KHACH_DL']);

  it('the top row spans each indicator over its months and its "Cộng"; "Tổng cộng" spans both rows', () => {
    const [top, bottom] = columnHeaderRows(result);
    expect(top!.map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([
      ['Đơn vị', 1, 2],
      ['Số lao động được tạo việc làm (Người)', 3, 1],
      ['Lượt khách du lịch (Lượt)', 3, 1],
      ['Tổng cộng', 1, 2],
    ]);
    expect(bottom!.map((c) => [c.text, c.kind])).toEqual([
      ['Tháng 1/2026', 'member'],
      ['Tháng 2/2026', 'member'],
      ['Cộng', 'subtotal'],
      ['Tháng 1/2026', 'member'],
      ['Tháng 2/2026', 'member'],
      ['Cộng', 'subtotal'],
    ]);
  });

  it('a ward without figures for an indicator shows "–" there: Lê Chân has no KHACH_DL, so its total is LD alone, 49,5', () => {
    const leChan = bodyRows(result)[1]!;
    expect(leChan.figures).toEqual(['30', '19,5', '49,5', '–', '–', '–', '49,5']);
    // Hồng Bàng has both indicators: its total cannot add people and visitors.
    expect(bodyRows(result)[0]!.figures.at(-1)).toBe('–');
  });
});

describe('axes without dimension', () => {
  it('no column dimension: one "Số liệu" column holding each row total', () => {
    const result = goldenPivot(['unit'], []);
    expect(texts(columnHeaderRows(result)[0]!)).toEqual(['Đơn vị', 'Số liệu']);
    expect(bodyRows(result).map((r) => r.figures)).toEqual([['200,5'], ['49,5'], ['250']]);
  });

  it('no row dimension: a single "Tổng cộng" row', () => {
    const result = goldenPivot([], ['period']);
    const body = bodyRows(result);
    expect(body).toHaveLength(1);
    expect(texts(body[0]!.headers)).toEqual(['Tổng cộng']);
    expect(body[0]!.figures).toEqual(['150', '100', '250']);
  });

  it('no fact at all: nothing to show', () => {
    expect(hasFigures(goldenPivot(['unit'], ['period'], []))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  countChars,
  figureKeysIn,
  figureResolver,
  formatFigureValue,
  guidanceParts,
  isEmptyNarrative,
  narrativePlainText,
  sectionHeading,
  type DocNode,
} from './text.ts';

const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]): DocNode => ({ type: 'text', text, ...(marks ? { marks } : {}) }) as DocNode;
const fig = (key: string): DocNode => ({ type: 'figure', attrs: { key } });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

describe('formatFigureValue', () => {
  it('writes plain decimal text in Vietnamese format digit for digit', () => {
    expect(formatFigureValue('1234567.5')).toBe('1.234.567,5');
    expect(formatFigureValue('-1234')).toBe('-1.234');
    expect(formatFigureValue('0.1')).toBe('0,1');
    expect(formatFigureValue('999')).toBe('999');
    expect(formatFigureValue('1000')).toBe('1.000');
    // No float: 20 significant digits survive.
    expect(formatFigureValue('12345678901234567890.12')).toBe('12.345.678.901.234.567.890,12');
  });

  it('keeps other text as it is and reads empty as no value', () => {
    expect(formatFigureValue('1.234,5')).toBe('1.234,5');
    expect(formatFigureValue('Đạt')).toBe('Đạt');
    expect(formatFigureValue('')).toBeNull();
    expect(formatFigureValue('  ')).toBeNull();
    expect(formatFigureValue(null)).toBeNull();
    expect(formatFigureValue('-0')).toBe('0');
  });
});

describe('figureResolver', () => {
  const figures = [
    { key: 'thu_ns', formCode: '01/BC', row: 'R01', col: 'C1' },
    { key: 'chi_ns', formCode: '01/BC', row: 'R02', col: 'C1' },
  ];
  const cells: Record<string, string | null> = { '01/BC|R01|C1': '12500.75', '01/BC|R02|C1': null };
  const figure = figureResolver(figures, (form, row, col) => cells[`${form}|${row}|${col}`] ?? null);

  it('reads the quoted cell of the named form, formatted', () => {
    expect(figure('thu_ns')).toBe('12.500,75');
  });

  it('answers null for an empty cell and for an undeclared key', () => {
    expect(figure('chi_ns')).toBeNull();
    expect(figure('khong_co')).toBeNull();
  });
});

describe('narrativePlainText', () => {
  const figure = (key: string) => (key === 'thu_ns' ? '12.500' : null);

  it('renders each figure as its current value, "…" when it has none', () => {
    const d = doc(p(t('Thu ngân sách đạt '), fig('thu_ns'), t(' tỷ đồng, chi '), fig('chi_ns'), t('.')));
    expect(narrativePlainText(d, figure)).toBe('Thu ngân sách đạt 12.500 tỷ đồng, chi ….');
  });

  it('puts paragraphs on their own lines, marks do not show, hard breaks are new lines', () => {
    const d = doc(p(t('Một '), t('đậm', [{ type: 'bold' }])), p(t('Hai'), { type: 'hardBreak' }, t('Ba')), p());
    expect(narrativePlainText(d, figure)).toBe('Một đậm\nHai\nBa');
  });

  it('writes bullet and ordered lists as "- " and "n. " items, nested ones indented', () => {
    const d = doc(
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('Thu'))] },
          { type: 'listItem', content: [p(t('Chi'))] },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          {
            type: 'listItem',
            content: [p(t('Ba')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('con'))] }] }],
          },
          { type: 'listItem', content: [p(t('Bốn'))] },
        ],
      },
    );
    expect(narrativePlainText(d, figure)).toBe('- Thu\n- Chi\n3. Ba\n  - con\n4. Bốn');
  });

  it('is empty for no document', () => {
    expect(narrativePlainText(null, figure)).toBe('');
    expect(narrativePlainText(doc(p()), figure)).toBe('');
  });
});

describe('isEmptyNarrative and figureKeysIn', () => {
  it('sees a lone figure as content and blank paragraphs as empty', () => {
    expect(isEmptyNarrative(doc(p(), p(t('   '))))).toBe(true);
    expect(isEmptyNarrative(doc(p(fig('thu_ns'))))).toBe(false);
    expect(isEmptyNarrative(doc(p(t('x'))))).toBe(false);
    expect(isEmptyNarrative(undefined)).toBe(true);
  });

  it('lists quoted keys once, in order', () => {
    expect(figureKeysIn(doc(p(fig('b'), t(' '), fig('a')), p(fig('b'))))).toEqual(['b', 'a']);
  });
});

describe('guidanceParts', () => {
  it('splits text and {{key}} quotes, spaces inside the braces allowed', () => {
    expect(guidanceParts('Thu đạt {{ thu_ns }} tỷ, chi {{chi_ns}}.')).toEqual([
      { kind: 'text', text: 'Thu đạt ' },
      { kind: 'figure', key: 'thu_ns' },
      { kind: 'text', text: ' tỷ, chi ' },
      { kind: 'figure', key: 'chi_ns' },
      { kind: 'text', text: '.' },
    ]);
    expect(guidanceParts('{{a}}')).toEqual([{ kind: 'figure', key: 'a' }]);
    expect(guidanceParts('Không trích dẫn')).toEqual([{ kind: 'text', text: 'Không trích dẫn' }]);
  });
});

describe('countChars and sectionHeading', () => {
  it('counts a Vietnamese letter with its marks once, composed or not', () => {
    expect(countChars('Việt')).toBe(4);
    expect(countChars('Vie\u0323\u0302t')).toBe(4);
  });

  it('numbers headings as Vietnamese reports do', () => {
    expect(sectionHeading('I', 'Tình hình chung')).toBe('I. Tình hình chung');
    expect(sectionHeading('a', 'Thu')).toBe('a) Thu');
    expect(sectionHeading('-', 'Ghi chú')).toBe('- Ghi chú');
    expect(sectionHeading('', 'Kết luận')).toBe('Kết luận');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripSpans } from './ast.ts';
import { parseFormula } from './parser.ts';
import { printFormula } from './printer.ts';
import { anyCode, formulaTree } from './random-forms.test-support.ts';

const trees = fc
  .tuple(fc.array(anyCode, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(anyCode, anyCode), { minLength: 1, maxLength: 3 }))
  .chain(([codes, cells]) => formulaTree({ codes, cells, children: true }, 5));

describe('printer', () => {
  it('parse(print(ast)) is structurally equal to ast, for random trees and awkward codes', () => {
    fc.assert(
      fc.property(trees, (ast) => {
        expect(stripSpans(parseFormula(printFormula(ast)))).toEqual(stripSpans(ast));
      }),
      { numRuns: 1000 },
    );
  });

  it('printing is canonical: print(parse(print(ast))) = print(ast)', () => {
    fc.assert(
      fc.property(trees, (ast) => {
        const text = printFormula(ast);
        expect(printFormula(parseFormula(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

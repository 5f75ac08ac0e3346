import type { SourceSpan } from './errors.ts';

/**
 * The formula syntax tree. Every node carries its span in the source text so that errors found
 * after parsing (unknown code, text in arithmetic) can still point at the right place.
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=';

export type FormulaNode =
  /** `value` is the canonical decimal text ("1.5", never "1.50"), kept as text so it stays exact. */
  | { type: 'number'; value: string; span: SourceSpan }
  | { type: 'string'; value: string; span: SourceSpan }
  | { type: 'boolean'; value: boolean; span: SourceSpan }
  /** `[R01:C1]`: one cell, by row code and column code. */
  | { type: 'cell'; row: string; col: string; span: SourceSpan }
  /** `C1` or `[01]`: that column in the current row, or that row in the current column. */
  | { type: 'code'; code: string; span: SourceSpan }
  /** `CHILDREN`: the current row's child rows in the current column (only as an argument of SUM/AVG/MIN/MAX). */
  | { type: 'children'; span: SourceSpan }
  | { type: 'negate'; operand: FormulaNode; span: SourceSpan }
  | { type: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode; span: SourceSpan }
  /** `name` is upper case, one of FUNCTIONS. */
  | { type: 'call'; name: string; args: FormulaNode[]; span: SourceSpan };

/** A copy without spans, for comparing trees by structure. */
export function stripSpans(node: FormulaNode): unknown {
  const { span: _span, ...rest } = node;
  if (node.type === 'negate') return { ...rest, operand: stripSpans(node.operand) };
  if (node.type === 'binary') return { ...rest, left: stripSpans(node.left), right: stripSpans(node.right) };
  if (node.type === 'call') return { ...rest, args: node.args.map(stripSpans) };
  return rest;
}

/** Every node of the tree, parents before children. */
export function* walk(node: FormulaNode): Generator<FormulaNode> {
  yield node;
  if (node.type === 'negate') yield* walk(node.operand);
  else if (node.type === 'binary') {
    yield* walk(node.left);
    yield* walk(node.right);
  } else if (node.type === 'call') for (const arg of node.args) yield* walk(arg);
}

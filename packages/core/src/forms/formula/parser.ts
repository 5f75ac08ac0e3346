import { Decimal } from 'decimal.js';
import type { BinaryOp, FormulaNode } from './ast.ts';
import { FormulaError, syntaxError, type SourceSpan } from './errors.ts';
import { FUNCTIONS, functionSpec } from './functions.ts';
import { tokenize, type Token } from './lexer.ts';

/**
 * Recursive-descent parser. Grammar, loosest binding first:
 *
 *   formula    := comparison EOF
 *   comparison := additive (("=" | "<>" | "<" | "<=" | ">" | ">=") additive)*
 *   additive   := term (("+" | "-") term)*
 *   term       := unary (("*" | "/") unary)*
 *   unary      := "-" unary | primary
 *   primary    := number | string | TRUE | FALSE | CHILDREN | [row:col] | [code] | code
 *               | NAME "(" (comparison ("," comparison)*)? ")" | "(" comparison ")"
 *
 * All binary operators are left-associative. Function names and keywords are case-insensitive
 * (users type "sum("), codes are case-sensitive. Besides syntax, the parser checks what needs no
 * form: function names, arities, CHILDREN only directly inside SUM/AVG/MIN/MAX, and that
 * PREV/SAMEPERIOD_LASTYEAR/YTD take a cell reference. Throws FormulaError.
 */
export function parseFormula(source: string): FormulaNode {
  const tokens = tokenize(source);
  if (tokens.length === 1) throw new FormulaError('SYNTAX', 'Công thức trống.', { start: 0, end: 0 });
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => tokens[pos++]!;
  const isOp = (t: Token, ...ops: string[]) => t.kind === 'op' && ops.includes(t.text);
  const span = (a: SourceSpan, b: SourceSpan): SourceSpan => ({ start: a.start, end: b.end });

  const describe = (t: Token): string => {
    switch (t.kind) {
      case 'eof':
        return 'công thức kết thúc khi còn thiếu giá trị';
      case 'number':
      case 'ident':
      case 'op':
        return `không mong đợi "${t.text}"`;
      case 'string':
        return 'không mong đợi chuỗi văn bản';
      case 'bracket':
        return 'không mong đợi tham chiếu ô';
      default:
        return `không mong đợi "${t.kind}"`;
    }
  };

  function binaryLevel(ops: string[], operand: () => FormulaNode): () => FormulaNode {
    return () => {
      let left = operand();
      while (isOp(peek(), ...ops)) {
        const op = next() as Token & { text: BinaryOp };
        const right = operand();
        left = { type: 'binary', op: op.text, left, right, span: span(left.span, right.span) };
      }
      return left;
    };
  }

  const unary = (): FormulaNode => {
    const t = peek();
    if (isOp(t, '-')) {
      next();
      const operand = unary();
      return { type: 'negate', operand, span: span(t.span, operand.span) };
    }
    return primary();
  };
  const term = binaryLevel(['*', '/'], unary);
  const additive = binaryLevel(['+', '-'], term);
  const comparison = binaryLevel(['=', '<>', '<', '<=', '>', '>='], additive);

  function expect(kind: ')', what: string): Token {
    const t = peek();
    if (t.kind !== kind) throw syntaxError(t.span, `thiếu dấu "${what}"`);
    return next();
  }

  function primary(): FormulaNode {
    const t = next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: new Decimal(t.text).toFixed(), span: t.span };
      case 'string':
        return { type: 'string', value: t.value, span: t.span };
      case 'bracket':
        return t.col === undefined ? { type: 'code', code: t.row, span: t.span } : { type: 'cell', row: t.row, col: t.col, span: t.span };
      case '(': {
        const inner = comparison();
        expect(')', ')');
        return inner;
      }
      case 'ident': {
        if (peek().kind === '(') return call(t);
        const upper = t.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { type: 'boolean', value: upper === 'TRUE', span: t.span };
        if (upper === 'CHILDREN') return { type: 'children', span: t.span };
        return { type: 'code', code: t.text, span: t.span };
      }
      default:
        throw syntaxError(t.span, describe(t));
    }
  }

  function call(nameToken: Token & { kind: 'ident' }): FormulaNode {
    const name = nameToken.text.toUpperCase();
    const spec = functionSpec(name);
    if (!spec) throw new FormulaError('UNKNOWN_FUNCTION', `Hàm không tồn tại: ${nameToken.text}`, nameToken.span);
    next(); // (
    const args: FormulaNode[] = [];
    if (peek().kind !== ')') {
      for (;;) {
        const arg = comparison();
        checkArgument(name, arg);
        args.push(arg);
        if (peek().kind !== ',') break;
        next();
      }
    }
    const close = expect(')', ')');
    const whole = span(nameToken.span, close.span);
    if (args.length < spec.min || args.length > spec.max) {
      const wanted = spec.min === spec.max ? `${spec.min}` : spec.max === Infinity ? `ít nhất ${spec.min}` : `${spec.min} đến ${spec.max}`;
      throw new FormulaError('ARITY', `Hàm ${name} cần ${wanted} tham số (đang có ${args.length}).`, whole);
    }
    return { type: 'call', name, args, span: whole };
  }

  function checkArgument(name: string, arg: FormulaNode): void {
    const spec = functionSpec(name)!;
    if (arg.type === 'children' && !spec.aggregate) throw childrenMisplaced(arg.span);
    if (spec.period && arg.type !== 'cell' && arg.type !== 'code') {
      throw new FormulaError('REFERENCE_REQUIRED', `Hàm ${name} cần một tham chiếu ô, ví dụ ${name}(C1) hoặc ${name}([R01:C1]).`, arg.span);
    }
  }

  const root = comparison();
  if (peek().kind !== 'eof') {
    const t = peek();
    throw syntaxError(t.span, t.kind === ')' ? 'thừa dấu ")"' : describe(t));
  }
  // CHILDREN directly under an aggregate was accepted above; anywhere else it is an error.
  const misplaced = findMisplacedChildren(root, false);
  if (misplaced) throw childrenMisplaced(misplaced.span);
  return root;
}

function childrenMisplaced(span: SourceSpan): FormulaError {
  const names = Object.entries(FUNCTIONS)
    .filter(([, s]) => 'aggregate' in s)
    .map(([n]) => n)
    .join(', ');
  return new FormulaError('CHILDREN_MISPLACED', `CHILDREN chỉ dùng được làm tham số của ${names}.`, span);
}

function findMisplacedChildren(node: FormulaNode, allowed: boolean): FormulaNode | undefined {
  switch (node.type) {
    case 'children':
      return allowed ? undefined : node;
    case 'negate':
      return findMisplacedChildren(node.operand, false);
    case 'binary':
      return findMisplacedChildren(node.left, false) ?? findMisplacedChildren(node.right, false);
    case 'call': {
      const aggregate = functionSpec(node.name)?.aggregate === true;
      for (const arg of node.args) {
        const found = findMisplacedChildren(arg, aggregate);
        if (found) return found;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Parses without throwing. */
export function tryParseFormula(source: string): { ok: true; ast: FormulaNode } | { ok: false; error: FormulaError } {
  try {
    return { ok: true, ast: parseFormula(source) };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, error };
    throw error;
  }
}

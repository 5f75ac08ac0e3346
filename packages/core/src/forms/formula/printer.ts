import type { FormulaNode } from './ast.ts';
import { KEYWORDS } from './functions.ts';
import { BARE_CODE } from './lexer.ts';

/**
 * Prints a tree as canonical text: upper-case function names, one space around binary operators,
 * ", " between arguments, cell references bracketed, and only the parentheses the structure needs
 * (so that parseFormula(printFormula(t)) has the same structure as t).
 */
export function printFormula(node: FormulaNode): string {
  return print(node, 0);
}

const PRECEDENCE: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '+': 2, '-': 2, '*': 3, '/': 3 };
const UNARY = 4;
const ATOM = 5;

function precedence(node: FormulaNode): number {
  if (node.type === 'binary') return PRECEDENCE[node.op]!;
  if (node.type === 'negate') return UNARY;
  return ATOM;
}

function print(node: FormulaNode, min: number): string {
  const text = printBare(node);
  return precedence(node) < min ? `(${text})` : text;
}

function printBare(node: FormulaNode): string {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'string':
      return `"${node.value.replaceAll('"', '""')}"`;
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'children':
      return 'CHILDREN';
    case 'cell':
      return `[${node.row}:${node.col}]`;
    case 'code':
      return printCode(node.code);
    case 'negate':
      return `-${print(node.operand, UNARY)}`;
    case 'binary': {
      // Left-associative: an operand of equal precedence needs parentheses only on the right.
      const p = PRECEDENCE[node.op]!;
      return `${print(node.left, p)} ${node.op} ${print(node.right, p + 1)}`;
    }
    case 'call':
      return `${node.name}(${node.args.map((a) => print(a, 0)).join(', ')})`;
  }
}

/** A code written bare when it reads back as the same code, bracketed otherwise ("01", "TRUE"). */
export function printCode(code: string): string {
  const keyword = (KEYWORDS as readonly string[]).includes(code.toUpperCase());
  return BARE_CODE.test(code) && !keyword ? code : `[${code}]`;
}

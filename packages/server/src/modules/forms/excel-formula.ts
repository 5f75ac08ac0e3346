import { printFormula, type BinaryOp, type FormulaNode } from '@baocao/core';

/**
 * Turns the Excel formula of one cell of an imported form into the form's formula language, in the
 * terms of that cell: a reference in the same column becomes the row code ("R1"), one in the same
 * row the column code ("KN"), any other a cell reference ("[R1:KN]"); SUM over exactly the cell's
 * child rows becomes SUM(CHILDREN). So a total row written =SUM(D9:D11), =SUM(E9:E11) … in Excel
 * gives the same text in every column, and the importer can make it one row formula.
 *
 * Only what the engine can express is converted (+ - * /, comparisons, SUM AVERAGE MIN MAX ROUND
 * ABS IF AND OR NOT, references and one-row or one-column ranges within the form); anything else
 * is reported so that the designer writes that formula again.
 */

export interface FormGrid {
  /** Row code of an Excel row of the form's body. */
  rowCode(excelRow: number): string | undefined;
  /** Column code of an Excel column of the form's data columns. */
  colCode(excelCol: number): string | undefined;
  /** Excel rows of the child rows of the row at `excelRow`. */
  childRows(excelRow: number): number[];
}

export type Conversion = { ok: true; text: string } | { ok: false; reason: string };

const FUNCTION_MAP: Record<string, string> = {
  SUM: 'SUM',
  AVERAGE: 'AVG',
  MIN: 'MIN',
  MAX: 'MAX',
  ROUND: 'ROUND',
  ABS: 'ABS',
  IF: 'IF',
  AND: 'AND',
  OR: 'OR',
  NOT: 'NOT',
};
const AGGREGATES = new Set(['SUM', 'AVG', 'MIN', 'MAX']);

type Token =
  | { kind: 'num'; text: string }
  | { kind: 'str'; value: string }
  | { kind: 'ref'; col: number; row: number }
  | { kind: 'range'; from: { col: number; row: number }; to: { col: number; row: number } }
  | { kind: 'fn'; name: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'op'; text: string };

class Unsupported extends Error {}

const REF = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})/u;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let s = source.trim().replace(/^=/u, '');
  while (s.length > 0) {
    const ws = /^\s+/u.exec(s);
    if (ws) {
      s = s.slice(ws[0].length);
      continue;
    }
    if (/^[A-Za-z_][\w.]*!|^'[^']*'!/u.test(s)) throw new Unsupported('tham chiếu sang trang tính khác');
    const str = /^"((?:[^"]|"")*)"/u.exec(s);
    if (str) {
      tokens.push({ kind: 'str', value: str[1]!.replaceAll('""', '"') });
      s = s.slice(str[0].length);
      continue;
    }
    const num = /^[0-9]+(\.[0-9]+)?(E[+-]?[0-9]+)?/iu.exec(s);
    if (num) {
      tokens.push({ kind: 'num', text: num[0] });
      s = s.slice(num[0].length);
      continue;
    }
    const upper = s.toUpperCase();
    const fn = /^([A-Z][A-Z0-9.]*)\s*\(/u.exec(upper);
    if (fn) {
      tokens.push({ kind: 'fn', name: fn[1]! });
      s = s.slice(fn[0].length);
      continue;
    }
    const ref = REF.exec(upper);
    if (ref) {
      const from = { col: columnNumber(ref[1]!), row: Number(ref[2]) };
      s = s.slice(ref[0].length);
      const to = /^:\$?([A-Z]{1,3})\$?([0-9]{1,7})/u.exec(s.toUpperCase());
      if (to) {
        tokens.push({ kind: 'range', from, to: { col: columnNumber(to[1]!), row: Number(to[2]) } });
        s = s.slice(to[0].length);
      } else tokens.push({ kind: 'ref', ...from });
      continue;
    }
    const bool = /^(TRUE|FALSE)\b/u.exec(upper);
    if (bool) {
      tokens.push({ kind: 'bool', value: bool[1] === 'TRUE' });
      s = s.slice(bool[0].length);
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/=<>(),;%^&])/u.exec(s);
    if (!op) throw new Unsupported(`ký tự không đọc được "${s[0]}"`);
    tokens.push({ kind: 'op', text: op[1] === ';' ? ',' : op[1]! });
    s = s.slice(op[0].length);
  }
  return tokens;
}

const SPAN = { start: 0, end: 0 };

/** Recursive descent over Excel's precedence: comparison < + - < * / < unary minus < %. */
class Converter {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly at: { row: number; col: number },
    private readonly grid: FormGrid,
  ) {}

  run(): FormulaNode {
    const node = this.comparison();
    if (this.i < this.tokens.length) throw new Unsupported('cú pháp không đọc được');
    return node;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.i];
    return t?.kind === 'op' && ops.includes(t.text) ? t.text : undefined;
  }

  private comparison(): FormulaNode {
    let left = this.additive();
    for (let op = this.peekOp('=', '<>', '<', '<=', '>', '>='); op; op = this.peekOp('=', '<>', '<', '<=', '>', '>=')) {
      this.i++;
      left = { type: 'binary', op: op as BinaryOp, left, right: this.additive(), span: SPAN };
    }
    return left;
  }

  private additive(): FormulaNode {
    let left = this.multiplicative();
    for (let op = this.peekOp('+', '-', '&'); op; op = this.peekOp('+', '-', '&')) {
      if (op === '&') throw new Unsupported('phép nối chuỗi "&"');
      this.i++;
      left = { type: 'binary', op: op as BinaryOp, left, right: this.multiplicative(), span: SPAN };
    }
    return left;
  }

  private multiplicative(): FormulaNode {
    let left = this.unary();
    for (let op = this.peekOp('*', '/', '^'); op; op = this.peekOp('*', '/', '^')) {
      if (op === '^') throw new Unsupported('phép lũy thừa "^"');
      this.i++;
      left = { type: 'binary', op: op as BinaryOp, left, right: this.unary(), span: SPAN };
    }
    return left;
  }

  private unary(): FormulaNode {
    if (this.peekOp('-')) {
      this.i++;
      return { type: 'negate', operand: this.unary(), span: SPAN };
    }
    if (this.peekOp('+')) {
      this.i++;
      return this.unary();
    }
    let node = this.primary();
    while (this.peekOp('%')) {
      this.i++;
      node = { type: 'binary', op: '/', left: node, right: { type: 'number', value: '100', span: SPAN }, span: SPAN };
    }
    return node;
  }

  private primary(): FormulaNode {
    const t = this.tokens[this.i++];
    if (!t) throw new Unsupported('công thức bị cụt');
    switch (t.kind) {
      case 'num':
        return { type: 'number', value: canonicalNumber(t.text), span: SPAN };
      case 'str':
        return { type: 'string', value: t.value, span: SPAN };
      case 'bool':
        return { type: 'boolean', value: t.value, span: SPAN };
      case 'ref':
        return this.reference(t.row, t.col);
      case 'range':
        throw new Unsupported('vùng ô chỉ dùng được trong SUM, AVERAGE, MIN, MAX');
      case 'fn':
        return this.call(t.name);
      case 'op':
        if (t.text === '(') {
          const inner = this.comparison();
          if (!this.peekOp(')')) throw new Unsupported('thiếu dấu ")"');
          this.i++;
          return inner;
        }
        throw new Unsupported(`dấu "${t.text}" không đúng chỗ`);
    }
  }

  private call(excelName: string): FormulaNode {
    const name = FUNCTION_MAP[excelName];
    if (!name) throw new Unsupported(`hàm ${excelName} chưa được hỗ trợ`);
    const args: FormulaNode[] = [];
    if (!this.peekOp(')')) {
      for (;;) {
        const t = this.tokens[this.i];
        if (t?.kind === 'range' && AGGREGATES.has(name)) {
          this.i++;
          args.push(...this.range(t.from, t.to));
        } else args.push(this.comparison());
        if (this.peekOp(',')) this.i++;
        else break;
      }
    }
    if (!this.peekOp(')')) throw new Unsupported('thiếu dấu ")"');
    this.i++;
    return { type: 'call', name, args, span: SPAN };
  }

  private reference(row: number, col: number): FormulaNode {
    const rowCode = this.grid.rowCode(row);
    const colCode = this.grid.colCode(col);
    if (!rowCode || !colCode) throw new Unsupported(`ô ${cellName(row, col)} nằm ngoài phần số liệu của biểu`);
    if (col === this.at.col) return { type: 'code', code: rowCode, span: SPAN };
    if (row === this.at.row) return { type: 'code', code: colCode, span: SPAN };
    return { type: 'cell', row: rowCode, col: colCode, span: SPAN };
  }

  private range(from: { col: number; row: number }, to: { col: number; row: number }): FormulaNode[] {
    const [r1, r2] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
    const [c1, c2] = [Math.min(from.col, to.col), Math.max(from.col, to.col)];
    if (r1 !== r2 && c1 !== c2) throw new Unsupported('vùng ô nhiều dòng và nhiều cột');
    const refs: FormulaNode[] = [];
    if (c1 === c2) {
      const rows: number[] = [];
      for (let r = r1; r <= r2; r++) if (this.grid.rowCode(r)) rows.push(r);
      const children = this.grid.childRows(this.at.row);
      if (c1 === this.at.col && children.length > 0 && sameRows(rows, children)) return [{ type: 'children', span: SPAN }];
      for (const r of rows) refs.push(this.reference(r, c1));
    } else {
      for (let c = c1; c <= c2; c++) if (this.grid.colCode(c)) refs.push(this.reference(r1, c));
    }
    if (refs.length === 0) throw new Unsupported('vùng ô không chứa ô số liệu nào của biểu');
    return refs;
  }
}

function sameRows(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

function canonicalNumber(text: string): string {
  const n = Number(text);
  // Integers and plain decimals keep their text; exponents are written out.
  return /e/iu.test(text) ? String(n) : text.replace(/(\.\d*?)0+$/u, '$1').replace(/\.$/u, '');
}

export function cellName(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

export function convertExcelFormula(formula: string, at: { row: number; col: number }, grid: FormGrid): Conversion {
  try {
    return { ok: true, text: printFormula(new Converter(tokenize(formula), at, grid).run()) };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message };
    throw error;
  }
}

import { syntaxError, type SourceSpan } from './errors.ts';

export type Token =
  | { kind: 'number'; text: string; span: SourceSpan }
  | { kind: 'string'; value: string; span: SourceSpan }
  | { kind: 'ident'; text: string; span: SourceSpan }
  /** `[a:b]` (col set) or `[a]` (col undefined). */
  | { kind: 'bracket'; row: string; col: string | undefined; span: SourceSpan }
  | { kind: 'op'; text: string; span: SourceSpan }
  | { kind: '(' | ')' | ','; span: SourceSpan }
  | { kind: 'eof'; span: SourceSpan };

/** A bare code: starts with a letter or "_" (so it cannot be confused with a number), then letters, digits, "_" and ".". */
export const BARE_CODE = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_.]/u;
const DIGIT = /[0-9]/;

/**
 * Splits a formula into tokens. Accepts ";" as well as "," between arguments, because Vietnamese
 * Excel (decimal comma locale) teaches users to write SUM(A;B); the printer always writes ",".
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (start: number, end = start + 1): SourceSpan => ({ start, end });
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (DIGIT.test(ch)) {
      while (i < source.length && DIGIT.test(source[i]!)) i++;
      if (source[i] === '.') {
        i++;
        if (!DIGIT.test(source[i] ?? '')) throw syntaxError(at(i), 'thiếu chữ số sau dấu "."');
        while (i < source.length && DIGIT.test(source[i]!)) i++;
      }
      if (IDENT_START.test(source[i] ?? ''))
        throw syntaxError(at(start, i + 1), `mã bắt đầu bằng chữ số phải đặt trong ngoặc vuông, ví dụ [${readWord(source, start)}]`);
      tokens.push({ kind: 'number', text: source.slice(start, i), span: at(start, i) });
    } else if (IDENT_START.test(ch)) {
      while (i < source.length && IDENT_PART.test(source[i]!)) i++;
      tokens.push({ kind: 'ident', text: source.slice(start, i), span: at(start, i) });
    } else if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw syntaxError(at(start), 'thiếu dấu " đóng chuỗi');
        if (source[i] === '"') {
          // "" inside a string is one quote, as in Excel.
          if (source[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i];
        i++;
      }
      tokens.push({ kind: 'string', value, span: at(start, i) });
    } else if (ch === '[') {
      const close = source.indexOf(']', i);
      const inner = close < 0 ? source.slice(i + 1) : source.slice(i + 1, close);
      const bad = inner.search(/[[\n]/u);
      if (close < 0 || bad >= 0) throw syntaxError(at(close < 0 ? source.length : i + 1 + bad), 'thiếu dấu "]"');
      const parts = inner.split(':').map((p) => p.trim());
      if (parts.length > 2 || parts.some((p) => p === '')) {
        throw syntaxError(at(start, close + 1), `tham chiếu "[${inner}]" không hợp lệ; viết [mã dòng:mã cột] hoặc [mã]`);
      }
      i = close + 1;
      tokens.push({ kind: 'bracket', row: parts[0]!, col: parts[1], span: at(start, i) });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      i++;
      tokens.push({ kind: ch, span: at(start) });
    } else if (ch === ';') {
      i++;
      tokens.push({ kind: ',', span: at(start) });
    } else if ('+-*/='.includes(ch)) {
      i++;
      tokens.push({ kind: 'op', text: ch, span: at(start) });
    } else if (ch === '<' || ch === '>') {
      const two = source.slice(i, i + 2);
      const text = two === '<=' || two === '>=' || two === '<>' ? two : ch;
      i += text.length;
      tokens.push({ kind: 'op', text, span: at(start, i) });
    } else {
      throw syntaxError(at(start), `ký tự không hợp lệ "${ch}"`);
    }
  }
  tokens.push({ kind: 'eof', span: at(source.length, source.length) });
  return tokens;
}

function readWord(source: string, start: number): string {
  let end = start;
  while (end < source.length && IDENT_PART.test(source[end]!)) end++;
  return source.slice(start, end);
}

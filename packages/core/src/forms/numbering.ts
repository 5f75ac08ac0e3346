import { DEFAULT_STT_STYLES, type Form, type SttStyle } from './model.ts';
import { flattenRows } from './structure.ts';

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/**
 * Points are lettered with the Vietnamese alphabet (Nghị định 30/2020/NĐ-CP on administrative
 * documents): a, b, c, d, đ, e, g, h, … — no f, j, w, z, and đ after d. After y: aa, ab, …
 */
export const VIETNAMESE_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];

export function toLetters(n: number): string {
  let out = '';
  const base = VIETNAMESE_LETTERS.length;
  while (n > 0) {
    n -= 1;
    out = VIETNAMESE_LETTERS[n % base]! + out;
    n = Math.floor(n / base);
  }
  return out;
}

/**
 * STT (số thứ tự) of every row, by row code. Counting restarts under each parent. The style of a
 * level comes from form.sttStyles (default I / 1 / a / -); deeper levels reuse the last style.
 * 'nested' prefixes the parent's number: 1.1, 1.2 under 1 (and 1.1.1 under 1.1); under a parent
 * numbered "-" or nothing it is a plain 1, 2.
 */
export function numberRows(form: Pick<Form, 'rows'> & { sttStyles?: readonly SttStyle[] }): Map<string, string> {
  const styles = form.sttStyles?.length ? form.sttStyles : DEFAULT_STT_STYLES;
  const rows = flattenRows(form);
  const labels: string[] = [];
  const counters = new Map<number | null, number>();
  const out = new Map<string, string>();
  for (const r of rows) {
    const n = (counters.get(r.parent) ?? 0) + 1;
    counters.set(r.parent, n);
    const style = styles[Math.min(r.level, styles.length - 1)]!;
    const parentLabel = r.parent === null ? '' : labels[r.parent]!;
    const parentStyle = r.level === 0 ? 'none' : styles[Math.min(r.level - 1, styles.length - 1)]!;
    let label: string;
    switch (style) {
      case 'roman':
        label = toRoman(n);
        break;
      case 'arabic':
        label = String(n);
        break;
      case 'nested':
        label = parentLabel !== '' && parentStyle !== 'dash' && parentStyle !== 'none' ? `${parentLabel}.${n}` : String(n);
        break;
      case 'alpha':
        label = toLetters(n);
        break;
      case 'dash':
        label = '-';
        break;
      case 'none':
        label = '';
        break;
    }
    labels.push(label);
    if (!out.has(r.row.code)) out.set(r.row.code, label);
  }
  return out;
}

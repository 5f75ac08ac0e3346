import type { FigureQuote } from '@baocao/core';

/**
 * Pure helpers of the narrative editor: how a ProseMirror (TipTap) document reads as plain text
 * (for differences, search and the DOCX), how a quoted figure reads, and how a section's guidance
 * splits into text and {{key}} quotes. No editor and no DOM here, so all of it is unit-tested.
 */

/** A ProseMirror node as JSON (editor.getJSON()). */
export interface DocNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
}

/** The node type of a quoted figure, an inline atom with attrs {key}. */
export const FIGURE_NODE = 'figure';

/** What stands in the plain text for a figure that has no value yet. */
export const MISSING_FIGURE_TEXT = '…';

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A cell value as a Vietnamese reader writes it: plain decimal text ("1234567.5") becomes
 * "1.234.567,5" digit for digit (no float rounding, so "0.1" stays "0,1" and 30 digits stay 30);
 * any other text (already formatted, a date, a word) is shown as it is; empty is null.
 */
export function formatFigureValue(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const value = raw.trim();
  if (value === '') return null;
  const m = DECIMAL_TEXT.exec(value);
  if (!m) return value;
  const [, sign, int, frac] = m;
  const grouped = int!.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const negative = sign === '-' && /[1-9]/.test(`${int}${frac ?? ''}`);
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** Reads a figure by its key: its display text, or null when it has no value (or is not declared). */
export type FigureText = (key: string) => string | null;

/**
 * A figure declared in the outline, resolved against the report's forms: `formValue` answers the
 * current value of a table form's cell (plain decimal text or text), or null.
 */
export function figureResolver(
  figures: readonly FigureQuote[],
  formValue: (formCode: string, row: string, col: string) => string | null,
): FigureText {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  return (key) => {
    const f = byKey.get(key);
    return f ? formatFigureValue(formValue(f.formCode, f.row, f.col)) : null;
  };
}

function inlineText(node: DocNode, figure: FigureText): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === FIGURE_NODE) {
    const key = typeof node.attrs?.key === 'string' ? node.attrs.key : '';
    return figure(key) ?? MISSING_FIGURE_TEXT;
  }
  return (node.content ?? []).map((child) => inlineText(child, figure)).join('');
}

const INLINE = new Set(['text', 'hardBreak', FIGURE_NODE]);

/** The lines of one block; lists as "- item" and "1. item", nested items indented by two spaces. */
function blockLines(node: DocNode, figure: FigureText): string[] {
  const children = node.content ?? [];
  switch (node.type) {
    case 'bulletList':
    case 'orderedList': {
      const start = node.type === 'orderedList' && typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      return children.flatMap((item, i) => {
        const marker = node.type === 'orderedList' ? `${start + i}. ` : '- ';
        const lines = blockLines({ ...item, type: 'listItem' }, figure);
        if (lines.length === 0) return [marker.trimEnd()];
        return lines.map((line, j) => (j === 0 ? `${marker}${line}` : `  ${line}`));
      });
    }
    case 'listItem':
    case 'blockquote':
    case 'doc':
      return children.flatMap((child) => blockLines(child, figure));
    default:
      // A paragraph or heading (or an unknown textblock): its inline content as one line or more.
      if (children.length === 0 || children.every((c) => INLINE.has(c.type ?? ''))) return inlineText(node, figure).split('\n');
      return children.flatMap((child) =>
        INLINE.has(child.type ?? '') ? inlineText(child, figure).split('\n') : blockLines(child, figure),
      );
  }
}

/**
 * The plain text of a narrative document, as stored beside it: one line per paragraph, lists as
 * "- " and "1. " items, each figure as its current value ("…" when it has none); trailing blank
 * lines are dropped.
 */
export function narrativePlainText(doc: DocNode | null | undefined, figure: FigureText): string {
  if (!doc) return '';
  return blockLines(doc, figure).join('\n').replace(/\s+$/u, '');
}

/** Whether the document holds nothing a reader would see (no text, no figure). */
export function isEmptyNarrative(doc: DocNode | null | undefined): boolean {
  if (!doc) return true;
  if (doc.type === FIGURE_NODE) return false;
  if (doc.type === 'text') return (doc.text ?? '').trim() === '';
  return (doc.content ?? []).every(isEmptyNarrative);
}

/** Keys of the figures a document quotes, in order, each once. */
export function figureKeysIn(doc: DocNode | null | undefined): string[] {
  const out = new Set<string>();
  const visit = (node: DocNode) => {
    if (node.type === FIGURE_NODE && typeof node.attrs?.key === 'string') out.add(node.attrs.key);
    (node.content ?? []).forEach(visit);
  };
  if (doc) visit(doc);
  return [...out];
}

/** Characters as a reader counts them (a Vietnamese letter with its marks is one, an emoji is one). */
export function countChars(text: string): number {
  return [...text.normalize('NFC')].length;
}

export type GuidancePart = { kind: 'text'; text: string } | { kind: 'figure'; key: string };

const QUOTE = /\{\{\s*([^}]*?)\s*\}\}/gu;

/** A guidance text split into plain runs and {{key}} quotes, in order; empty runs are left out. */
export function guidanceParts(guidance: string): GuidancePart[] {
  const parts: GuidancePart[] = [];
  let last = 0;
  for (const m of guidance.matchAll(QUOTE)) {
    if (m.index > last) parts.push({ kind: 'text', text: guidance.slice(last, m.index) });
    parts.push({ kind: 'figure', key: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < guidance.length) parts.push({ kind: 'text', text: guidance.slice(last) });
  return parts;
}

/** "I. Tình hình chung", "1. Kết quả", "a) Thu ngân sách", "- Ghi chú"; a section numbered nothing is its title alone. */
export function sectionHeading(number: string | undefined, title: string): string {
  if (!number) return title;
  if (number === '-') return `- ${title}`;
  if (/^[a-zđ]+$/u.test(number)) return `${number}) ${title}`;
  return `${number}. ${title}`;
}

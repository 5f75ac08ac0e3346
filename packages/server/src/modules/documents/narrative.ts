import type { DocBlock, DocRun } from './model.ts';

/**
 * A narrative section's ProseMirror (TipTap) document as document blocks: paragraphs, headings,
 * bullet and ordered lists (nested ones indented), bold and italic marks, hard breaks, and the
 * figures quoted from the table forms (the `figure` inline atom, attrs {key}) written as their
 * value. Unknown nodes keep their text, so nothing the writer typed is lost.
 */

interface PmNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type?: string }[];
  content?: PmNode[];
}

/** The figure node of the narrative editor (packages/web/src/features/reports/narrative/text.ts, FIGURE_NODE). */
export const FIGURE_NODE = 'figure';
/** What a quoted figure without a value reads as, like the editor's plain text. */
export const MISSING_FIGURE = '…';

/** A figure's text by its key, or null when it has no value. */
export type FigureLookup = (key: string) => string | null;

function inlineRuns(nodes: readonly PmNode[], figure: FigureLookup): DocRun[][] {
  // A hard break splits a block into lines, each rendered as its own paragraph line.
  const lines: DocRun[][] = [[]];
  for (const node of nodes) {
    const current = lines[lines.length - 1]!;
    if (node.type === 'hardBreak') {
      lines.push([]);
      continue;
    }
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    const style = { ...(marks.has('bold') ? { bold: true } : {}), ...(marks.has('italic') ? { italic: true } : {}) };
    if (node.type === 'text') {
      if (node.text) current.push({ text: node.text.normalize('NFC'), ...style });
    } else if (node.type === FIGURE_NODE) {
      const key = typeof node.attrs?.key === 'string' ? node.attrs.key : '';
      current.push({ text: figure(key) ?? MISSING_FIGURE, ...style });
    } else if (node.content) {
      const nested = inlineRuns(node.content, figure);
      current.push(...nested[0]!);
      lines.push(...nested.slice(1));
    }
  }
  return lines;
}

const isInline = (n: PmNode) => n.type === 'text' || n.type === 'hardBreak' || n.type === FIGURE_NODE;

/** Merges neighbouring runs of the same style ("Thu " + "ngân sách" → one run). */
function merged(runs: DocRun[]): DocRun[] {
  const out: DocRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

function blocksOf(node: PmNode, figure: FigureLookup, depth: number): DocBlock[] {
  const children = node.content ?? [];
  switch (node.type) {
    case 'doc':
    case 'blockquote':
      return children.flatMap((c) => blocksOf(c, figure, depth));
    case 'bulletList':
    case 'orderedList': {
      const start = node.type === 'orderedList' && typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      return children.flatMap((item, i) => {
        const marker = node.type === 'orderedList' ? `${start + i}.` : '-';
        // The item's first paragraph carries the marker; its other paragraphs and sublists follow it.
        const [first, ...rest] = (item.content ?? []).flatMap((c) => blocksOf(c, figure, depth + 1));
        if (first?.kind === 'paragraph') return [{ kind: 'item' as const, marker, depth, runs: first.runs }, ...rest];
        return [{ kind: 'item' as const, marker, depth, runs: [] }, ...(first ? [first] : []), ...rest];
      });
    }
    case 'heading': {
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
      return inlineRuns(children, figure).map((runs) => ({ kind: 'heading' as const, level, runs: merged(runs) }));
    }
    default: {
      if (children.length === 0 || children.every(isInline)) {
        return inlineRuns(children, figure).map((runs) => ({ kind: 'paragraph' as const, runs: merged(runs) }));
      }
      return children.flatMap((c) =>
        isInline(c) ? inlineRuns([c], figure).map((runs) => ({ kind: 'paragraph' as const, runs })) : blocksOf(c, figure, depth),
      );
    }
  }
}

/** The blocks of one section's document; empty paragraphs are dropped (they are the editor's spacing). */
export function narrativeBlocks(doc: unknown, figure: FigureLookup): DocBlock[] {
  if (!doc || typeof doc !== 'object') return [];
  return blocksOf(doc as PmNode, figure, 0).filter((b) => b.kind === 'item' || b.runs.some((r) => r.text.trim() !== ''));
}

/** A section stored only as plain text (a document the schema could not read): one paragraph per line. */
export function plainTextBlocks(text: string): DocBlock[] {
  return text
    .normalize('NFC')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ kind: 'paragraph' as const, runs: [{ text: line }] }));
}

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

/*
 * Reading generated documents with tools nobody here wrote: poppler (pdftotext, pdfinfo, pdffonts,
 * pdftoppm) for PDFs, a zip reader and the WordprocessingML itself for DOCX.
 */

function withFile<T>(pdf: Buffer, use: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-pdf-'));
  const file = path.join(dir, 'document.pdf');
  try {
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The text of a PDF (or of pages first..last), in reading order, NFC. */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return withFile(pdf, (file) => run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'])).normalize('NFC');
}

export const pdfInfo = (pdf: Buffer) => withFile(pdf, (file) => run('pdfinfo', [file]));

/** What poppler complains about while reading every page ("Syntax Error …"); empty for a well-formed file. */
export function popplerComplaints(pdf: Buffer): string {
  return withFile(pdf, (file) => spawnSync('pdftotext', [file, '/dev/null'], { encoding: 'utf8' }).stderr);
}
export const pdfFonts = (pdf: Buffer) => withFile(pdf, (file) => run('pdffonts', [file]));

/** The repository's test-results/documents, where page images are kept for people to look at. */
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../test-results/documents');

/** Page images at 100 dpi (`<name>-1.png`, …) under test-results/documents; the files written. */
export function savePageImages(pdf: Buffer, name: string): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(path.join(ARTIFACTS, f));
  writeFileSync(path.join(ARTIFACTS, `${name}.pdf`), pdf);
  withFile(pdf, (file) => run('pdftoppm', ['-r', '100', '-png', file, path.join(ARTIFACTS, name)]));
  return readdirSync(ARTIFACTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(ARTIFACTS, f));
}

// ---------- DOCX ----------

export interface DocxRun {
  text: string;
  /** Points (w:sz is in half-points); undefined when the run takes the document default. */
  size: number | undefined;
  bold: boolean;
  italic: boolean;
  caps: boolean;
}

export interface DocxParagraph {
  text: string;
  align: string | undefined;
  firstLineIndent: number | undefined;
  runs: DocxRun[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

const flag = (rPr: string, tag: string) => new RegExp(`<w:${tag}(/>| w:val="(true|1|on)"/>)`, 'u').test(rPr);

/** The paragraphs of a WordprocessingML part with their runs' formatting, in document order. */
export function docxParagraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)].map(([p]) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(p)?.[1] ?? '';
    const runs = [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)].map(([, r]) => {
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/u.exec(r!)?.[1] ?? '';
      const sz = /<w:sz w:val="(\d+)"/u.exec(rPr)?.[1];
      return {
        text: unescape([...r!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('')),
        size: sz === undefined ? undefined : Number(sz) / 2,
        bold: flag(rPr, 'b'),
        italic: flag(rPr, 'i'),
        caps: flag(rPr, 'caps'),
      };
    });
    const indent = /<w:ind [^>]*w:firstLine="(\d+)"/u.exec(pPr)?.[1];
    return {
      text: runs.map((r) => r.text).join(''),
      align: /<w:jc w:val="(\w+)"/u.exec(pPr)?.[1],
      firstLineIndent: indent === undefined ? undefined : Number(indent),
      runs,
    };
  });
}

/** Opens a DOCX (a zip) and returns its parts as text by path. */
export async function docxParts(docx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('string'));
  return out;
}

/** The paragraph whose text is exactly `text` (first one), for the golden style checks. */
export function paragraph(paragraphs: DocxParagraph[], text: string): DocxParagraph {
  const found = paragraphs.find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph "${text}" in: ${paragraphs.map((p) => p.text).join(' | ')}`);
  return found;
}

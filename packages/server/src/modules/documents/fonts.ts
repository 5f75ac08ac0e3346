import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The serif font of generated documents: Liberation Serif (SIL OFL), metric-compatible with Times
 * New Roman (ND 30/2020's font) and complete for Vietnamese. It ships in packages/server/assets/fonts
 * and is found from the sources (tests, tsx) and from the esbuild bundle in dist/ alike.
 */

export const FONT_STYLES = ['Regular', 'Bold', 'Italic', 'BoldItalic'] as const;
export type FontStyle = (typeof FONT_STYLES)[number];

let fontsDir: string | undefined;

/** The directory holding LiberationSerif-*.ttf, by walking up from this file. */
export function fontDirectory(): string {
  if (fontsDir) return fontsDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (existsSync(path.join(candidate, 'LiberationSerif-Regular.ttf'))) {
      fontsDir = candidate;
      return candidate;
    }
    dir = path.dirname(dir);
  }
  throw new Error('Không tìm thấy phông chữ Liberation Serif (assets/fonts) để tạo văn bản.');
}

export const fontFile = (style: FontStyle) => path.join(fontDirectory(), `LiberationSerif-${style}.ttf`);

/**
 * Advance widths of a TrueType font, enough to size the short rules under the header lines (ND 30:
 * a rule 1/3 to 1/2 as long as the line above it). Reads the `cmap` (format 4, the Unicode BMP,
 * where every Vietnamese letter is), `hmtx`, `hhea` and `head` tables; kerning is ignored, which
 * moves a rule's length by a fraction of a point.
 */
export interface FontMetrics {
  /** Width of `text` set in `size` points, in points. */
  width(text: string, size: number): number;
}

function readMetrics(file: string): FontMetrics {
  const font = readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    tables.set(font.toString('latin1', at, at + 4), font.readUInt32BE(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`Phông chữ ${path.basename(file)} thiếu bảng ${tag}.`);
    return at;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const hMetrics = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, hMetrics - 1));

  const cmap = table('cmap');
  let format4 = -1;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    const [platform, encoding] = [font.readUInt16BE(rec), font.readUInt16BE(rec + 2)];
    const sub = cmap + font.readUInt32BE(rec + 4);
    if (platform === 3 && encoding === 1 && font.readUInt16BE(sub) === 4) format4 = sub;
  }
  if (format4 < 0) throw new Error(`Phông chữ ${path.basename(file)} không có bảng mã Unicode.`);
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const glyphOf = (code: number): number => {
    for (let s = 0; s < segments; s++) {
      if (font.readUInt16BE(ends + s * 2) < code) continue;
      const start = font.readUInt16BE(starts + s * 2);
      if (start > code) return 0;
      const delta = font.readInt16BE(deltas + s * 2);
      const rangeOffsetAt = rangeOffsets + s * 2;
      const rangeOffset = font.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    width(text, size) {
      let units = 0;
      for (const ch of text.normalize('NFC')) {
        const code = ch.codePointAt(0)!;
        let w = cache.get(code);
        if (w === undefined) {
          w = code > 0xffff ? advance(0) : advance(glyphOf(code));
          cache.set(code, w);
        }
        units += w;
      }
      return (units / unitsPerEm) * size;
    },
  };
}

const metrics = new Map<FontStyle, FontMetrics>();

export function fontMetrics(style: FontStyle): FontMetrics {
  let m = metrics.get(style);
  if (!m) {
    m = readMetrics(fontFile(style));
    metrics.set(style, m);
  }
  return m;
}

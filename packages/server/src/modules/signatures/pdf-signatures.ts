/**
 * The signatures inside a PDF (ISO 32000-1 §12.8): each signature dictionary's /ByteRange names
 * the two stretches of the file that are signed, and the gap between them is its /Contents, the
 * hex-encoded CMS padded with zeros. Read straight from the bytes, without a PDF library: this is
 * what every verifier does, and it needs no rendering.
 */

export interface PdfSignature {
  /** The CMS (DER), without the zero padding. */
  cms: Buffer;
  /** The signed bytes: the file without the /Contents value. */
  signedBytes: Buffer;
  /** The signature covers the file up to its end (nothing was appended after it). */
  coversWholeFile: boolean;
}

/** The length of the DER element at the start of `bytes` (tag, length, value), or null. */
function derLength(bytes: Buffer): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + count + length;
}

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes('%PDF-');
}

export function pdfSignatures(pdf: Buffer): PdfSignature[] {
  const text = pdf.toString('latin1');
  const found: PdfSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/gu)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) continue;
    const gap = text.slice(b, c);
    if (!gap.startsWith('<') || !gap.endsWith('>')) continue;
    const hex = gap.slice(1, -1).replace(/\s/gu, '');
    if (!/^[0-9a-fA-F]*$/u.test(hex) || hex.length % 2 !== 0) continue;
    const padded = Buffer.from(hex, 'hex');
    const length = derLength(padded);
    if (length === null || length > padded.length) continue;
    found.push({
      cms: padded.subarray(0, length),
      signedBytes: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
      coversWholeFile: c + d === pdf.length,
    });
  }
  return found;
}

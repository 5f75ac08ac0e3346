/**
 * Vietnamese text helpers. All stored text is NFC (TCVN 6909:2001, LEGAL.md R24); searches work
 * with or without diacritics, the way users type on phones and on machines without a Vietnamese IME.
 */

/** NFC-normalises and trims; collapses runs of white space to one space. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Removes tone and vowel marks ("Hải Phòng" → "Hai Phong"); đ/Đ become d/D. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .normalize('NFC');
}

function hasDiacritics(value: string): boolean {
  return foldDiacritics(value) !== value.normalize('NFC');
}

/**
 * True when `query` occurs in `text`, case-insensitively. A query typed without diacritics matches
 * text with any diacritics ("hai phong" finds "Hải Phòng"); a query with diacritics must match them
 * ("Hải" does not find "Hài").
 */
export function matchesSearch(text: string, query: string): boolean {
  const q = normalizeText(query).toLocaleLowerCase('vi');
  if (q === '') return true;
  const t = text.normalize('NFC').toLocaleLowerCase('vi');
  if (hasDiacritics(q)) return t.includes(q);
  return foldDiacritics(t).includes(q);
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

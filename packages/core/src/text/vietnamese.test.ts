import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldDiacritics, matchesSearch, normalizeText } from './vietnamese.ts';

const VIETNAMESE_LETTERS = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const letter = fc.constantFrom(...[...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase(), ' ']);
const vietnameseText = fc.array(letter, { minLength: 1, maxLength: 40 }).map((a) => a.join(''));

describe('foldDiacritics', () => {
  it('folds every Vietnamese letter to plain ASCII', () => {
    expect(foldDiacritics(VIETNAMESE_LETTERS)).toMatch(/^[a-z]+$/u);
    expect(foldDiacritics('Đặc khu Bạch Long Vĩ')).toBe('Dac khu Bach Long Vi');
    expect(foldDiacritics('Thành phố Hải Phòng')).toBe('Thanh pho Hai Phong');
  });

  it('is idempotent and keeps the length of NFC text', () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        const once = foldDiacritics(s);
        expect(foldDiacritics(once)).toBe(once);
        expect(once.length).toBe(s.normalize('NFC').length);
      }),
    );
  });
});

describe('normalizeText', () => {
  it('turns decomposed input (as some keyboards send it) into NFC and tidies white space', () => {
    const decomposed = 'Ph\u01b0\u01a1\u0300ng  Ha\u0309i   D\u01b0\u01a1ng '.normalize('NFD');
    expect(normalizeText(decomposed)).toBe('Phường Hải Dương');
  });
});

describe('matchesSearch', () => {
  it('finds text typed without diacritics, in any case', () => {
    expect(matchesSearch('Phường Hải Dương', 'hai duong')).toBe(true);
    expect(matchesSearch('Sở Nông nghiệp và Môi trường', 'NONG NGHIEP')).toBe(true);
    expect(matchesSearch('Đặc khu Cát Hải', 'dac khu')).toBe(true);
  });

  it('respects diacritics when the query has them', () => {
    expect(matchesSearch('Phường Hải Dương', 'Hải')).toBe(true);
    expect(matchesSearch('Xã Hài Hòa', 'Hải')).toBe(false);
  });

  it('finds every piece of a text by its folded form and by itself', () => {
    fc.assert(
      fc.property(vietnameseText, fc.nat(), fc.nat(), (s, a, b) => {
        const nfc = s.normalize('NFC');
        const [from, to] = [a % (nfc.length + 1), b % (nfc.length + 1)].sort((x, y) => x - y) as [number, number];
        const piece = nfc.slice(from, to);
        if (piece.trim() !== piece || /\s{2}/u.test(piece)) return;
        expect(matchesSearch(nfc, piece)).toBe(true);
        expect(matchesSearch(nfc, foldDiacritics(piece).toLowerCase())).toBe(true);
      }),
    );
  });
});

describe('compareVietnamese', () => {
  it('orders by the Vietnamese alphabet, đ after d', () => {
    const names = ['Đông Hải', 'Dương Kinh', 'An Biên', 'Ân Thi', 'Bạch Đằng', 'Ăn Uống'];
    expect([...names].sort(compareVietnamese)).toEqual(['An Biên', 'Ăn Uống', 'Ân Thi', 'Bạch Đằng', 'Dương Kinh', 'Đông Hải']);
  });
});

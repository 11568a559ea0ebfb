/**
 * Text rules shared by provenance and search: only real white space is normalised, and
 * search folds Urdu and Persian spellings onto the Arabic ones the sources use.
 */
import { badQuoteReason, foldForSearch, normalizeWhitespace, unsafeTextReason } from '../../src/domain/text';

describe('normalizeWhitespace', () => {
  it('collapses Unicode white space, but not U+FEFF or other format characters', () => {
    expect(normalizeWhitespace(' كراتشي\u00A0\n\t باكستان\u2003')).toBe('كراتشي باكستان');
    expect(normalizeWhitespace('كراتشي\uFEFFباكستان')).toBe('كراتشي\uFEFFباكستان');
    expect(normalizeWhitespace('كراتشي\u200Bباكستان')).toBe('كراتشي\u200Bباكستان');
  });
});

describe('badQuoteReason', () => {
  it('refuses quotes too short to state a fact and quotes with format characters', () => {
    expect(badQuoteReason('و')).toMatch(/too short/);
    expect(badQuoteReason('المتكلمون:')).toMatch(/too short/);
    expect(badQuoteReason('كراتشي\uFEFFباكستان الكبرى')).toMatch(/U\+FEFF/);
    expect(badQuoteReason('عمدة المدينة مرتضى وهاب')).toBeUndefined();
    expect(badQuoteReason('Strong Cities')).toBeUndefined(); // 13 characters
  });
});

describe('unsafeTextReason', () => {
  it('names control, bidirectional and lone-surrogate characters, and accepts ordinary text', () => {
    expect(unsafeTextReason('Kara\u0000chi')).toMatch(/control character \(U\+0000\)/);
    expect(unsafeTextReason('Kara\u202Echi')).toMatch(/bidirectional/);
    expect(unsafeTextReason('Kara\u2069chi')).toMatch(/bidirectional/);
    expect(unsafeTextReason('Kara\uDC00chi')).toMatch(/lone surrogate/);
    expect(unsafeTextReason('كراتشي 😀 line\nbreak')).toBeUndefined();
  });
});

describe('foldForSearch', () => {
  // Urdu spellings of names in the graph, as a user in Pakistan types them, and the Arabic
  // spellings of the sources (seed/graph): both fold to the same text.
  it.each([
    ['مرتضیٰ وہاب', 'مرتضى وهاب'], // Murtaza Wahab: ی, superscript alef, ہ
    ['نسرین جلیل', 'نسرين جليل'], // Nasreen Jalil: ی
    ['کراچی', 'كراتشي'], // Karachi: ک, چ, ی
    ['پاکستان', 'باكستان'], // Pakistan: پ, ک
  ])('folds the Urdu %s like the Arabic %s', (urdu, arabic) => {
    expect(foldForSearch(urdu)).toBe(foldForSearch(arabic));
  });

  it('folds Persian and Arabic-Indic digits and the Arabic letter variants', () => {
    expect(foldForSearch('۲۰۲۳ ٢٠٢٣')).toBe('2023 2023');
    expect(foldForSearch('ۃ ة ه')).toBe('ه ه ه');
    expect(foldForSearch('إعلان أمّة')).toBe('اعلان امه');
  });
});

import fc from 'fast-check';
import { foldForSearch } from '../../src/domain/text';
import { foldWord } from '../../src/store/memory/names/name-fields';

// The memory store's name index folds words with a shortcut learnt from foldForSearch; the
// shortcut must give foldForSearch's answer for every word, whatever foldForSearch becomes.
describe('foldWord (memory name index)', () => {
  it('folds every single character of ASCII, Latin-1 and the Arabic blocks as foldForSearch does', () => {
    for (let code = 0; code < 0x800; code += 1) {
      const char = String.fromCharCode(code);
      expect({ code, folded: foldWord(char) }).toEqual({ code, folded: foldForSearch(char) });
    }
  });

  it('folds words of mixed scripts, marks and letter variants as foldForSearch does', () => {
    const units = [...'abcXYZ09éÉñÜ', ...'كراتشيمدينةأإآٱىؤئة', '\u064e', '\u0651', '\u0640', 'ک', 'ی', 'ہ', 'ۃ', 'İ', 'ß', 'ﻻ'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units), minLength: 1, maxLength: 12 }), (word) => {
        expect(foldWord(word)).toBe(foldForSearch(word));
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { foldForSearch, searchTerms } from '../../src/domain/text';
import type { NodeRecord } from '../../src/domain/graph-document';
import { readSeed } from '../../src/ingest/read-seed';
import { collapse, collapsesTo, foldWord, namesOf } from '../../src/store/memory/names/name-fields';

/** Every name and alias of the seed graph's nodes, as the name index reads them. */
async function seedNames(): Promise<string[]> {
  const { files } = await readSeed();
  return files.flatMap((file) =>
    'content' in file ? ((file.content as { nodes?: NodeRecord[] }).nodes ?? []).flatMap((node) => namesOf(node)) : [],
  );
}

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

// The exact-name comparison folds names with the same shortcut where a name allows it.
describe('collapse (memory name index)', () => {
  it('gives foldForSearch\u2019s terms for names of mixed scripts, marks, spaces and punctuation', () => {
    const units = [...'abcXYZ09éÉñÜ', ...'كراتشيمدينةأإآٱىؤئة', ' ', '-', '|', '(', "'", '\u064e', '\u0651', '\u0640', 'ک', 'ی', 'İ', 'ß'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 24 }), (name) => {
        expect(collapse(name)).toBe(searchTerms(name).join(' '));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives foldForSearch\u2019s terms for every name and alias of the seed graph', async () => {
    const names = await seedNames();
    expect(names.length).toBeGreaterThan(500);
    for (const name of names) expect({ name, folded: collapse(name) }).toEqual({ name, folded: searchTerms(name).join(' ') });
  });
});

// The exact-name check compares names with a folded query unit by unit, folding whole only a name of units it does not know.
describe('collapsesTo (memory name index)', () => {
  const units = [...'abcXYZ09éÉñÜ', ...'كراتشيمدينةأإآٱىؤئة', ' ', '-', '|', '(', "'", '\u064e', '\u0651', '\u0640', 'ک', 'ی', 'İ', 'ß'];
  const name = fc.string({ unit: fc.constantFrom(...units), maxLength: 24 });

  it('is collapse(name) === query, for the name\u2019s own collapse, a near miss of it, and other names', () => {
    const near = (folded: string) =>
      fc.oneof(
        fc.constant(folded),
        fc.constant(folded.slice(0, -1)),
        fc.constant(`${folded} `),
        fc.constant(`${folded}a`),
        fc.constant(folded.replace(' ', '')),
        fc.constant(folded.toUpperCase()),
      );
    fc.assert(
      fc.property(
        name.chain((text) => fc.tuple(fc.constant(text), fc.oneof(near(collapse(text)), name.map(collapse)))),
        ([text, query]) => {
          expect({ text, query, exact: collapsesTo(text, query) }).toEqual({ text, query, exact: collapse(text) === query });
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('agrees with collapse over every unit of ASCII and the Arabic block, where it folds unit by unit', () => {
    const unit = fc
      .oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x600, max: 0x6ff }))
      .map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), fc.string({ unit, maxLength: 16 }), (text, other) => {
        const folded = searchTerms(text).join(' ');
        expect({ text, exact: collapsesTo(text, folded) }).toEqual({ text, exact: true });
        expect({ text, other, exact: collapsesTo(text, collapse(other)) }).toEqual({ text, other, exact: folded === collapse(other) });
      }),
      { numRuns: 20000 },
    );
  });

  it('finds every name and alias of the seed graph equal to its own collapse, and to no other', async () => {
    const names = await seedNames();
    const queries = [...new Set(names.slice(0, 200).map(collapse))];
    for (const text of names.slice(0, 400)) {
      for (const query of queries) if (collapsesTo(text, query) !== (collapse(text) === query)) expect({ text, query }).toBeUndefined();
      expect({ text, exact: collapsesTo(text, collapse(text)) }).toEqual({ text, exact: true });
    }
  });
});

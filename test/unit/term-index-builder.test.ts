import fc from 'fast-check';
import { FIELD_COUNT, termsOf } from '../../src/store/memory/names/name-fields';
import { buildTerms, builtTermsOf, packStrings, runTermJob } from '../../src/store/memory/names/term-build';

// The name index's builder reads words straight from the field texts (a table of word
// characters for Latin and Arabic, the tokenizer's regex for anything else) and codes them
// without making a string per word. Whatever it reads, the index must be the one that
// tokenizing each text with `termsOf` and counting gives.
interface Posting {
  readonly node: number;
  readonly field: number;
  readonly frequency: number;
}

function referenceIndex(texts: readonly (readonly string[])[]): {
  terms: string[];
  postings: Map<string, Posting[]>;
  fieldLengths: number[];
} {
  const postings = new Map<string, Posting[]>();
  const fieldLengths: number[] = [];
  texts.forEach((fields, node) => {
    fields.forEach((text, field) => {
      const counts = new Map<string, number>();
      for (const term of termsOf(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
      fieldLengths.push(counts.size);
      for (const [term, frequency] of counts) {
        const list = postings.get(term) ?? [];
        list.push({ node, field, frequency: Math.min(255, frequency) });
        postings.set(term, list);
      }
    });
  });
  return { terms: [...postings.keys()].sort(), postings, fieldLengths };
}

// Words of the scripts the sources use, with case, tashkeel and punctuation, plus characters
// the builder's table does not cover (astral letters, Greek, CJK, presentation forms).
const pieces = fc.constantFrom(
  'Karachi',
  'karachi',
  'ǅ',
  'ª',
  '²',
  'ⅷ',
  'KARACHI',
  'Strong',
  'Cities',
  'Network',
  'SCN',
  'AE',
  'São',
  'Paulo',
  'Zürich',
  'Ḥalab',
  'café',
  'كراتشي',
  'مَدِينَة',
  'الإسكندرية',
  'أمين',
  'ـ',
  '٢٠٢٢',
  '2022',
  'x1',
  'Ω',
  'Αθήνα',
  '東京',
  '𝒜bc',
  'ﻻ',
  'e\u0301',
  ' ',
  '  ',
  '-',
  ' | ',
  ', ',
  '.',
  '(',
  ')',
  '\u00a0',
  '\t',
  "'",
  '’',
  '_',
  '/',
  ':',
  '#',
);
const fieldText = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));
const nodeTexts = fc.array(fieldText, { minLength: FIELD_COUNT, maxLength: FIELD_COUNT });

describe('TermIndexBuilder (the name index build)', () => {
  it('indexes any texts as termsOf tokenizes and folds them', () => {
    fc.assert(
      fc.property(fc.array(nodeTexts, { maxLength: 30 }), (texts) => {
        const { index, fieldLengths } = buildTerms(
          texts.length,
          (i) => i,
          (i) => texts[i] ?? [],
        );
        const expected = referenceIndex(texts);
        expect(index.terms).toEqual(expected.terms);
        expect([...fieldLengths]).toEqual(expected.fieldLengths.map((length) => Math.min(255, length)));
        index.terms.forEach((term, t) => {
          const postings: Posting[] = [];
          for (let k = index.termStarts[t] ?? 0; k < (index.termStarts[t + 1] ?? 0); k += 1) {
            postings.push({
              node: index.postingNodes[k] ?? -1,
              field: index.postingFields[k] ?? -1,
              frequency: index.postingFrequencies[k] ?? -1,
            });
          }
          expect(postings).toEqual(expected.postings.get(term));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('builds the same index from a packed job (the worker reads fields as ranges of one text)', () => {
    fc.assert(
      fc.property(fc.array(nodeTexts, { maxLength: 30 }), (texts) => {
        const nodes = Int32Array.from(texts, (_, i) => i * 3 + 1);
        const flat = texts.flat();
        const fromJob = builtTermsOf(runTermJob({ nodes, texts: packStrings(flat.length, (i) => flat[i] ?? '') }));
        const inThread = buildTerms(
          texts.length,
          (i) => nodes[i] ?? -1,
          (i) => texts[i] ?? [],
        );
        expect(fromJob.index.terms).toEqual(inThread.index.terms);
        expect([...fromJob.index.termStarts]).toEqual([...inThread.index.termStarts]);
        expect([...fromJob.index.postingNodes]).toEqual([...inThread.index.postingNodes]);
        expect([...fromJob.index.postingFields]).toEqual([...inThread.index.postingFields]);
        expect([...fromJob.index.postingFrequencies]).toEqual([...inThread.index.postingFrequencies]);
        expect([...fromJob.fieldLengths]).toEqual([...inThread.fieldLengths]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a word again as the same term, whatever surrounds it', () => {
    const texts = [
      ['Karachi, Karachi', 'كراتشي', 'KARACHI|karachi'],
      ['(karachi)', 'مدينة كراتشي', '𝒜bc karachi'],
    ];
    const { index } = buildTerms(
      texts.length,
      (i) => i,
      (i) => texts[i] ?? [],
    );
    const t = index.terms.indexOf('karachi');
    expect(t).toBeGreaterThanOrEqual(0);
    const nodes = [...index.postingNodes.subarray(index.termStarts[t], index.termStarts[t + 1])];
    const frequencies = [...index.postingFrequencies.subarray(index.termStarts[t], index.termStarts[t + 1])];
    expect(nodes).toEqual([0, 0, 1, 1]);
    expect(frequencies).toEqual([2, 2, 1, 1]);
  });
});

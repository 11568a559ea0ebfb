import fc from 'fast-check';
import { forEachFuzzyTerm, sharedPrefixesOf, skipSubtree } from '../../src/store/memory/names/fuzzy-terms';

/** Plain Levenshtein distance, the whole table: the reference the name index's walk must agree with. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** What forEachFuzzyTerm visits, in the order it visits them. */
function visited(terms: readonly string[], query: string, maxDistance: number): [number, number][] {
  const found: [number, number][] = [];
  forEachFuzzyTerm(terms, sharedPrefixesOf(terms), query, maxDistance, (index, distance) => found.push([index, distance]));
  return found;
}

function expected(terms: readonly string[], query: string, maxDistance: number): [number, number][] {
  return terms.flatMap((term, index): [number, number][] => {
    const distance = levenshtein(term, query);
    return distance <= maxDistance ? [[index, distance]] : [];
  });
}

// Few letters, so that terms share prefixes and lie within a few edits of each other, as
// the names of one graph do; a sorted list of distinct terms, as the term index holds.
const word = fc.string({ unit: fc.constantFrom(...'abckرا'), minLength: 1, maxLength: 9 });
const sortedTerms = fc.uniqueArray(word, { maxLength: 80 }).map((terms) => [...terms].sort());

describe('forEachFuzzyTerm (memory name index)', () => {
  it('visits exactly the terms within the distance of the query, with their distances, in the list order', () => {
    fc.assert(
      fc.property(sortedTerms, word, fc.integer({ min: 1, max: 2 }), (terms, query, maxDistance) => {
        expect(visited(terms, query, maxDistance)).toEqual(expected(terms, query, maxDistance));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips subtrees that span blocks of the prefix table (lists of hundreds of terms)', () => {
    const longList = fc.uniqueArray(word, { minLength: 150, maxLength: 400 }).map((terms) => [...terms].sort());
    fc.assert(
      fc.property(longList, word, fc.integer({ min: 1, max: 2 }), (terms, query, maxDistance) => {
        expect(visited(terms, query, maxDistance)).toEqual(expected(terms, query, maxDistance));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees where terms share more than the 255 units a shared prefix is recorded as', () => {
    const stem = 'k'.repeat(300);
    const terms = [`${stem}a`, `${stem}ab`, `${stem}b`, `${stem}ba`, `${stem}bb`, `${'k'.repeat(299)}r`, 'kr'].sort();
    for (const query of [`${stem}b`, `${stem}ax`, `${'k'.repeat(299)}ra`, 'k']) {
      expect(visited(terms, query, 2)).toEqual(expected(terms, query, 2));
    }
  });

  it('finds a misspelt name among terms of every length', () => {
    const terms = ['kar', 'karach', 'karachi', 'karachis', 'karachiwala', 'karbala', 'kasachi', 'lahore'].sort();
    expect(visited(terms, 'karachi', 1).map(([index, distance]) => [terms[index], distance])).toEqual([
      ['karach', 1],
      ['karachi', 0],
      ['karachis', 1],
      ['kasachi', 1],
    ]);
  });
});

describe('skipSubtree (memory name index)', () => {
  it('lands on the first term after the subtree, not merely somewhere the walk may go on from', () => {
    const longList = fc.uniqueArray(word, { minLength: 1, maxLength: 700 }).map((terms) => [...terms].sort());
    const subtree = longList.chain((terms) =>
      fc
        .integer({ min: 0, max: terms.length - 1 })
        .chain((from) => fc.integer({ min: 1, max: terms[from]?.length ?? 1 }).map((length) => ({ terms, from, length }))),
    );
    fc.assert(
      fc.property(subtree, ({ terms, from, length }) => {
        const prefix = terms[from]?.slice(0, length) ?? '';
        const after = terms.findIndex((term, index) => index > from && !term.startsWith(prefix));
        expect(skipSubtree(sharedPrefixesOf(terms), from, length)).toBe(after < 0 ? terms.length : after);
      }),
      { numRuns: 2000 },
    );
  });
});

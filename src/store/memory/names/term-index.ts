/**
 * Internal. An immutable inverted index of folded name terms, built in one pass: the
 * distinct terms sorted (so prefixes are a range and fuzzy matches a trie walk), and per
 * term its postings (node, field, term frequency) in compressed sparse rows of typed arrays.
 * At a million relations (334k names) it is tens of MB where MiniSearch's maps of maps took
 * 380 MB.
 */
import { IdCodes } from '../../../domain/id-codes';
import { growInt32, growUint8, int32At, itemAt, uint8At } from '../columns';
import { sharedPrefixesOf, type SharedPrefixes } from './fuzzy-terms';
import { foldWord, splitsByTable, tokenize, WORD_UNITS } from './name-fields';

export interface TermIndex {
  /** Distinct terms in code-unit order. */
  readonly terms: readonly string[];
  /** How the terms' prefixes branch (for the fuzzy walk). */
  readonly prefixes: SharedPrefixes;
  /** Postings of term `t` are entries `termStarts[t] … termStarts[t + 1]`, nodes ascending. */
  readonly termStarts: Int32Array;
  readonly postingNodes: Int32Array;
  readonly postingFields: Uint8Array;
  readonly postingFrequencies: Uint8Array;
}

export const EMPTY_TERM_INDEX: TermIndex = {
  terms: [],
  prefixes: sharedPrefixesOf([]),
  termStarts: new Int32Array(1),
  postingNodes: new Int32Array(0),
  postingFields: new Uint8Array(0),
  postingFrequencies: new Uint8Array(0),
};

/** Collects postings node by node (ascending), then sorts them by term once. */
export class TermIndexBuilder {
  /**
   * Every raw word seen, by code (read from the texts as slices, made into a string only at
   * first sight), and the term id of each code (-1: it folds to nothing): at a million
   * relations 1.3 million words are read and 300 thousand are distinct.
   */
  private readonly words = new IdCodes();
  private termOfWord = new Int32Array(1024);
  private knownWords = 0;
  /** Terms by id (codes in first-seen order). */
  private readonly termIds = new IdCodes();
  private readonly terms: string[] = [];
  /** The distinct term ids of the field being added, with their frequencies. */
  private readonly fieldTerms: number[] = [];
  private readonly fieldCounts: number[] = [];
  private count = 0;
  private termOf = new Int32Array(1024);
  private nodes = new Int32Array(1024);
  private fields = new Uint8Array(1024);
  private frequencies = new Uint8Array(1024);

  /**
   * Adds field `field` of a node, its text being `text`'s code units `start … end` (a worker
   * reads every field from one packed text, without a string per field); returns how many
   * distinct terms it has.
   */
  addField(node: number, field: number, text: string, start: number, end: number): number {
    this.fieldTerms.length = 0;
    this.fieldCounts.length = 0;
    if (splitsByTable(text, start, end)) this.readByTable(text, start, end);
    else for (const word of tokenize(text.slice(start, end))) if (word.length > 0) this.countTerm(this.termOfCode(this.words.codeOf(word)));
    this.fieldTerms.forEach((id, i) => this.push(id, node, field, itemAt(this.fieldCounts, i)));
    return this.fieldTerms.length;
  }

  build(): TermIndex {
    const { terms, count } = this;
    // Terms in code-unit order (the engine's own string sort), then postings grouped by
    // sorted term (a stable counting sort, so nodes stay ascending within a term).
    const sorted = [...terms].sort();
    const sortedId = new Int32Array(terms.length);
    sorted.forEach((term, position) => {
      sortedId[this.termIds.existing(term)] = position;
    });
    const termStarts = new Int32Array(terms.length + 1);
    for (let i = 0; i < count; i += 1) {
      const slot = int32At(sortedId, int32At(this.termOf, i)) + 1;
      termStarts[slot] = int32At(termStarts, slot) + 1;
    }
    for (let t = 1; t <= terms.length; t += 1) termStarts[t] = int32At(termStarts, t) + int32At(termStarts, t - 1);
    const cursor = termStarts.slice(0, terms.length);
    const postingNodes = new Int32Array(count);
    const postingFields = new Uint8Array(count);
    const postingFrequencies = new Uint8Array(count);
    for (let i = 0; i < count; i += 1) {
      const term = int32At(sortedId, int32At(this.termOf, i));
      const slot = int32At(cursor, term);
      cursor[term] = slot + 1;
      postingNodes[slot] = int32At(this.nodes, i);
      postingFields[slot] = uint8At(this.fields, i);
      postingFrequencies[slot] = uint8At(this.frequencies, i);
    }
    return { terms: sorted, prefixes: sharedPrefixesOf(sorted), termStarts, postingNodes, postingFields, postingFrequencies };
  }

  /** The words of `text`'s units `from … to`, all of which WORD_UNITS covers: runs of word units, as tokenize splits them. */
  private readByTable(text: string, from: number, to: number): void {
    let start = -1;
    for (let i = from; i <= to; i += 1) {
      const inWord = i < to && uint8At(WORD_UNITS, text.charCodeAt(i)) === 1;
      if (inWord && start < 0) start = i;
      else if (!inWord && start >= 0) {
        this.countTerm(this.termOfCode(this.words.codeOfRange(text, start, i)));
        start = -1;
      }
    }
  }

  /** Counts one more occurrence of a term in the field being added (-1: none). */
  private countTerm(id: number): void {
    if (id < 0) return;
    const seen = this.fieldTerms.indexOf(id);
    if (seen < 0) {
      this.fieldTerms.push(id);
      this.fieldCounts.push(1);
    } else this.fieldCounts[seen] = itemAt(this.fieldCounts, seen) + 1;
  }

  /** The term id of a word code, folding the word at its first sight. */
  private termOfCode(code: number): number {
    if (code < this.knownWords) return int32At(this.termOfWord, code);
    // Codes come in first-seen order: a code not yet known is the next one.
    const term = foldWord(this.words.idOf(code) ?? '');
    const id = term.length === 0 ? -1 : this.termId(term);
    this.termOfWord = growInt32(this.termOfWord, code + 1);
    this.termOfWord[code] = id;
    this.knownWords = code + 1;
    return id;
  }

  private termId(term: string): number {
    const id = this.termIds.codeOf(term);
    if (id === this.terms.length) this.terms.push(term);
    return id;
  }

  private push(term: number, node: number, field: number, frequency: number): void {
    if (this.count === this.termOf.length) {
      this.termOf = growInt32(this.termOf, this.count + 1);
      this.nodes = growInt32(this.nodes, this.count + 1);
      this.fields = growUint8(this.fields, this.count + 1);
      this.frequencies = growUint8(this.frequencies, this.count + 1);
    }
    this.termOf[this.count] = term;
    this.nodes[this.count] = node;
    this.fields[this.count] = field;
    this.frequencies[this.count] = Math.min(255, frequency);
    this.count += 1;
  }
}

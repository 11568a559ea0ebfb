/**
 * Internal. An immutable inverted index of folded name terms, built in one pass: the
 * distinct terms sorted (so prefixes are a range and fuzzy matches a trie walk), and per
 * term its postings (node, field, term frequency) in compressed sparse rows of typed arrays.
 * At a million relations (334k names) it is tens of MB where MiniSearch's maps of maps took
 * 380 MB.
 */
import { growInt32, growUint8, int32At, itemAt, uint8At } from '../columns';
import { foldWord, tokenize } from './name-fields';

export interface TermIndex {
  /** Distinct terms in code-unit order. */
  readonly terms: readonly string[];
  /** Postings of term `t` are entries `termStarts[t] … termStarts[t + 1]`, nodes ascending. */
  readonly termStarts: Int32Array;
  readonly postingNodes: Int32Array;
  readonly postingFields: Uint8Array;
  readonly postingFrequencies: Uint8Array;
}

export const EMPTY_TERM_INDEX: TermIndex = {
  terms: [],
  termStarts: new Int32Array(1),
  postingNodes: new Int32Array(0),
  postingFields: new Uint8Array(0),
  postingFrequencies: new Uint8Array(0),
};

/** Collects postings node by node (ascending), then sorts them by term once. */
export class TermIndexBuilder {
  /** Term id of each raw word seen (-1: it folds to nothing); one lookup per word. */
  private readonly wordIds = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** The distinct term ids of the field being added, with their frequencies. */
  private fieldTerms: number[] = [];
  private fieldCounts: number[] = [];
  private count = 0;
  private termOf = new Int32Array(1024);
  private nodes = new Int32Array(1024);
  private fields = new Uint8Array(1024);
  private frequencies = new Uint8Array(1024);

  /** Adds a node's field texts; returns how many distinct terms each field has. */
  add(node: number, texts: readonly string[]): number[] {
    return texts.map((text, field) => {
      const fieldTerms = this.fieldTerms;
      const fieldCounts = this.fieldCounts;
      fieldTerms.length = 0;
      fieldCounts.length = 0;
      for (const word of tokenize(text)) {
        if (word.length === 0) continue;
        const id = this.termOfWord(word);
        if (id < 0) continue;
        const seen = fieldTerms.indexOf(id);
        if (seen < 0) {
          fieldTerms.push(id);
          fieldCounts.push(1);
        } else fieldCounts[seen] = (fieldCounts[seen] ?? 0) + 1;
      }
      fieldTerms.forEach((id, i) => this.push(id, node, field, itemAt(fieldCounts, i)));
      return fieldTerms.length;
    });
  }

  build(): TermIndex {
    const { terms, count } = this;
    // Terms in code-unit order (the engine's own string sort), then postings grouped by
    // sorted term (a stable counting sort, so nodes stay ascending within a term).
    const sorted = [...terms].sort();
    const positions = new Map(sorted.map((term, position) => [term, position]));
    const sortedId = Int32Array.from(terms, (term) => positions.get(term) ?? -1);
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
    return { terms: sorted, termStarts, postingNodes, postingFields, postingFrequencies };
  }

  private termOfWord(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      const term = foldWord(word);
      id = term.length === 0 ? -1 : this.termId(term);
      this.wordIds.set(word, id);
    }
    return id;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
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

/**
 * Internal. Full-text search over node names for the memory store: the name, the Arabic
 * name and the other names (aliases, acronym, country code), folded the same way on both
 * sides (case, diacritics, tashkeel, Arabic letter variants), with prefix and fuzzy matching
 * and BM25+ ranking; exact matches of a whole name rank first.
 *
 * Built at load in one pass into a compact TermIndex (a million relations: 334k names, about
 * a second), and kept current as the graph is curated: nodes written after the build go
 * into a small second index, rebuilt with each write, whose entries hide the node's postings
 * in the first; once that second index grows past a share of the first, both are rebuilt as
 * one. Ranking follows MiniSearch 7, which this replaces (its maps of maps took 11 s and
 * 380 MB to build at that size): field boosts name 2, Arabic name 2, other names 1.5; prefix
 * matches weigh 0.375 and fuzzy ones 0.45 (terms of more than four letters, one edit per
 * five letters), both less the further they are; BM25+ with k 1.2, b 0.7, δ 0.5; all terms
 * must match, or, when that finds nothing, any of them, scored by how many matched.
 */
import type { NodeRecord } from '../../../domain/graph-document';
import { searchTerms } from '../../../domain/text';
import { float64At, growUint8, int32At, itemAt, uint8At } from '../columns';
import { endOfPrefix, forEachFuzzyTerm, lowerBound } from './fuzzy-terms';
import { collapse, FIELD_BOOSTS, FIELD_COUNT, fieldTexts, namesOf, termsOf } from './name-fields';
import { EMPTY_TERM_INDEX, TermIndexBuilder, type TermIndex } from './term-index';

export interface NameMatch {
  readonly node: number;
  readonly score: number;
  readonly exact: boolean;
}

/** The nodes the index reads (the store's node table). */
export interface NamedNodes {
  readonly size: number;
  record(node: number): NodeRecord;
  idOf(node: number): string;
  /** Label code (see codes.ts). */
  labelCodeOf(node: number): number;
}

const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
/** The second index is folded into the first once it holds this share of the nodes (or 1,000). */
const DELTA_SHARE = 0.05;
const DELTA_MIN = 1000;

function bm25(frequency: number, matching: number, total: number, length: number, averageLength: number): number {
  const inverseFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return inverseFrequency * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / averageLength)));
}

/** Scores of one query term, by node. */
interface TermHits {
  readonly scores: Map<number, number>;
  /** Nodes holding the query term itself (not only a prefix or near miss of it). */
  readonly exact: Set<number>;
}

export class NameIndex {
  private base: TermIndex = EMPTY_TERM_INDEX;
  private delta: TermIndex = EMPTY_TERM_INDEX;
  private deltaNodes = new Set<number>();
  /** 1 where a node's postings in `base` are out of date (the node is in `delta`). */
  private stale = new Uint8Array(0);
  /** 1 for a node in either index. */
  private indexed = new Uint8Array(0);
  /** Distinct terms per node and field, 0 for a node not indexed. */
  private fieldLengths = new Uint8Array(0);
  private readonly fieldTotals = new Float64Array(FIELD_COUNT);
  private documents = 0;

  constructor(private readonly nodes: NamedNodes) {}

  /** Indexes nodes created or changed by a merge (and, on the first merge, every node). */
  upsert(changed: readonly number[]): void {
    this.fit();
    if (this.documents === 0 || changed.length > Math.max(DELTA_MIN, this.documents * DELTA_SHARE)) {
      this.rebuild();
      return;
    }
    for (const node of changed) {
      this.deltaNodes.add(node);
      this.stale[node] = 1;
    }
    if (this.deltaNodes.size > Math.max(DELTA_MIN, this.documents * DELTA_SHARE)) this.rebuild();
    else this.delta = this.buildIndex([...this.deltaNodes].sort((a, b) => a - b));
  }

  clear(): void {
    this.base = EMPTY_TERM_INDEX;
    this.delta = EMPTY_TERM_INDEX;
    this.deltaNodes.clear();
    this.stale = new Uint8Array(0);
    this.indexed = new Uint8Array(0);
    this.fieldLengths = new Uint8Array(0);
    this.fieldTotals.fill(0);
    this.documents = 0;
  }

  search(text: string, labelCodes: ReadonlySet<number> | undefined, first: number): NameMatch[] {
    const written = termsOf(text);
    const terms = [...new Set(written)];
    if (terms.length === 0 || this.documents === 0) return [];
    const hits = terms.map((term) => this.termHits(term, labelCodes));
    let combined = this.combine(hits, 'AND');
    // A query with one misspelt word among several should still find something.
    if (combined.size === 0) combined = this.combine(hits, 'OR');
    const query = searchTerms(text).join(' ');
    // Split before folding (tashkeel splits a word) may give other terms than folding
    // first; where it does, the cheap pre-check below does not hold.
    const sameTerms = written.join(' ') === query;
    const matches: NameMatch[] = [];
    for (const [node, score] of combined) {
      const candidate = !sameTerms || hits.every((hit) => hit.exact.has(node));
      matches.push({ node, score, exact: candidate && this.couldBeWhole(node, written.length) && this.isExact(node, query) });
    }
    // Exact matches first, then by relevance, then by id so that ties are deterministic.
    const ids = new Map(matches.map((match) => [match.node, this.nodes.idOf(match.node)]));
    const idOf = (node: number): string => ids.get(node) ?? '';
    return matches
      .sort(
        (a, b) =>
          Number(b.exact) - Number(a.exact) ||
          b.score - a.score ||
          (idOf(a.node) < idOf(b.node) ? -1 : idOf(a.node) > idOf(b.node) ? 1 : 0),
      )
      .slice(0, first);
  }

  /** Grows the per-node arrays to the node table. */
  private fit(): void {
    const size = this.nodes.size;
    this.stale = growUint8(this.stale, size);
    this.indexed = growUint8(this.indexed, size);
    this.fieldLengths = growUint8(this.fieldLengths, size * FIELD_COUNT);
  }

  private rebuild(): void {
    this.fit();
    this.deltaNodes.clear();
    this.delta = EMPTY_TERM_INDEX;
    this.stale.fill(0);
    this.base = this.buildIndex(Array.from({ length: this.nodes.size }, (_unused, node) => node));
  }

  /** Indexes `nodes` (ascending) and records their field lengths. */
  private buildIndex(nodes: readonly number[]): TermIndex {
    const builder = new TermIndexBuilder();
    for (const node of nodes) {
      const lengths = builder.add(node, fieldTexts(this.nodes.record(node)));
      const offset = node * FIELD_COUNT;
      for (let field = 0; field < FIELD_COUNT; field += 1) {
        const length = Math.min(255, itemAt(lengths, field));
        this.fieldTotals[field] = float64At(this.fieldTotals, field) + length - uint8At(this.fieldLengths, offset + field);
        this.fieldLengths[offset + field] = length;
      }
      // A node with no terms at all still counts as a document, as MiniSearch counted it.
      if (uint8At(this.indexed, node) === 0) this.documents += 1;
      this.indexed[node] = 1;
    }
    return builder.build();
  }

  /** Every indexed term that matches a query term, with its weight (1 for the term itself). */
  private matchingTerms(term: string): Map<string, number> {
    const weights = new Map<string, number>();
    const maxDistance = term.length > 4 ? Math.min(MAX_FUZZY, Math.round(term.length * 0.2)) : 0;
    for (const { terms } of [this.base, this.delta]) {
      const start = lowerBound(terms, term);
      const end = endOfPrefix(terms, term, start);
      for (let i = start; i < end; i += 1) {
        const found = itemAt(terms, i);
        const distance = found.length - term.length;
        weights.set(found, distance === 0 ? 1 : (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance));
      }
      if (maxDistance === 0) continue;
      forEachFuzzyTerm(terms, term, maxDistance, (index, distance) => {
        const found = itemAt(terms, index);
        // The term itself and its prefix matches are scored as such above.
        if (distance === 0 || found.startsWith(term)) return;
        weights.set(found, (FUZZY_WEIGHT * found.length) / (found.length + distance));
      });
    }
    return weights;
  }

  private termHits(term: string, labelCodes: ReadonlySet<number> | undefined): TermHits {
    const scores = new Map<number, number>();
    const exact = new Set<number>();
    const averages = Array.from(this.fieldTotals, (total) => total / this.documents);
    for (const [found, weight] of this.matchingTerms(term)) {
      const runs = [this.postingsOf(this.base, found, true), this.postingsOf(this.delta, found, false)];
      // Documents holding the term, per field, across both indexes (BM25's document frequency).
      const matching = new Int32Array(FIELD_COUNT);
      for (const run of runs) run?.forEach((_node, field) => (matching[field] = int32At(matching, field) + 1));
      for (const run of runs) {
        run?.forEach((node, field, frequency) => {
          if (labelCodes && !labelCodes.has(this.nodes.labelCodeOf(node))) return;
          const length = uint8At(this.fieldLengths, node * FIELD_COUNT + field);
          const raw = bm25(frequency, int32At(matching, field), this.documents, length, itemAt(averages, field));
          scores.set(node, (scores.get(node) ?? 0) + weight * itemAt(FIELD_BOOSTS, field) * raw);
          if (weight === 1) exact.add(node);
        });
      }
    }
    return { scores, exact };
  }

  /** The live postings of a term in one index, as a visitor; undefined if the term is not there. */
  private postingsOf(index: TermIndex, term: string, skipStale: boolean) {
    const position = lowerBound(index.terms, term);
    if (index.terms[position] !== term) return undefined;
    const start = int32At(index.termStarts, position);
    const end = int32At(index.termStarts, position + 1);
    return {
      forEach: (visit: (node: number, field: number, frequency: number) => void): void => {
        for (let k = start; k < end; k += 1) {
          const node = int32At(index.postingNodes, k);
          if (skipStale && uint8At(this.stale, node) === 1) continue;
          visit(node, uint8At(index.postingFields, k), uint8At(index.postingFrequencies, k));
        }
      },
    };
  }

  /** Per node, the summed score and how many query terms it matched (the score's multiplier). */
  private combine(hits: readonly TermHits[], mode: 'AND' | 'OR'): Map<number, number> {
    const sums = new Map<number, { score: number; terms: number }>();
    hits.forEach((hit, i) => {
      for (const [node, score] of hit.scores) {
        const sum = sums.get(node);
        if (sum) {
          sum.score += score;
          sum.terms += 1;
        } else if (mode === 'OR' || i === 0) sums.set(node, { score, terms: 1 });
      }
    });
    const combined = new Map<number, number>();
    for (const [node, { score, terms }] of sums) {
      if (mode === 'AND' && terms < hits.length) continue;
      combined.set(node, score * terms);
    }
    return combined;
  }

  /** Whether some name of the node has few enough distinct terms to equal the query. */
  private couldBeWhole(node: number, queryTerms: number): boolean {
    const offset = node * FIELD_COUNT;
    return (
      uint8At(this.fieldLengths, offset) <= queryTerms ||
      uint8At(this.fieldLengths, offset + 1) <= queryTerms ||
      uint8At(this.fieldLengths, offset + 2) > 0
    );
  }

  /**
   * Whether the folded query equals a whole folded name of the node. Only a result that
   * matched every query term as itself can be one, so the names are folded again for those
   * few results alone: no folded names are kept per node.
   */
  private isExact(node: number, query: string): boolean {
    return namesOf(this.nodes.record(node)).some((name) => collapse(name) === query);
  }
}

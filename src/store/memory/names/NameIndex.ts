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
import { float64At, growUint8, int32At, itemAt, uint8At } from '../columns';
import { endOfPrefix, forEachFuzzyTerm, lowerBound } from './fuzzy-terms';
import { collapse, collapsesTo, FIELD_BOOSTS, FIELD_COUNT, fieldTexts, namesOf, termsOf } from './name-fields';
import { ScoreBoard } from './score-board';
import { buildInBackground, type BackgroundBuild } from './background-terms';
import { buildTerms, packStrings, type BuiltTerms, type TermJob } from './term-build';
import { EMPTY_TERM_INDEX, type TermIndex } from './term-index';

interface NameMatch {
  readonly node: number;
  readonly score: number;
  readonly exact: boolean;
}

/** A node and its record as merged. */
export interface IndexedNode {
  readonly node: number;
  readonly record: NodeRecord;
}

/** The nodes the index reads (the store's node table). */
export interface NamedNodes {
  readonly size: number;
  record(node: number): NodeRecord;
  /** A node's name or Arabic name without decoding its record (undefined: read the record instead). */
  stringOf(node: number, key: 'name' | 'nameAr'): string | undefined;
  /** Label code (see codes.ts). */
  labelCodeOf(node: number): number;
  /** Position in id order (ties between equal scores go by id). */
  rankOf(node: number): number;
}

const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
/** The second index is folded into the first once it holds this share of the nodes (or 1,000). */
const DELTA_SHARE = 0.05;
const DELTA_MIN = 1000;
/** Nodes from which a first index is built in a worker thread (starting one costs some 30 ms). */
export const BUILD_IN_WORKER_FROM = 50_000;

export interface NameIndexOptions {
  /** Nodes from which a first index is built in a worker. @default BUILD_IN_WORKER_FROM */
  readonly buildInWorkerFrom?: number;
}

/** A first index being built in a worker, with the entries to build it from here instead. */
interface PendingBuild {
  readonly entries: readonly IndexedNode[];
  readonly build: BackgroundBuild;
}

/** BM25's inverse document frequency of a term that `matching` of `total` documents hold. */
function inverseFrequency(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

function bm25(frequency: number, inverse: number, length: number, averageLength: number): number {
  return inverse * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / averageLength)));
}

/** The `count` best (score, then smaller rank) of the nodes offered, kept sorted. */
class TopScores {
  private readonly entries: { node: number; score: number; rank: number }[] = [];

  constructor(
    private readonly count: number,
    private readonly rankOf: (node: number) => number,
  ) {}

  offer(node: number, score: number): void {
    const { entries } = this;
    const worst = entries[entries.length - 1];
    if (entries.length === this.count && worst && score < worst.score) return;
    const entry = { node, score, rank: this.rankOf(node) };
    const before = (a: typeof entry, b: typeof entry): boolean => a.score > b.score || (a.score === b.score && a.rank < b.rank);
    if (entries.length === this.count && worst && !before(entry, worst)) return;
    let at = entries.length;
    while (at > 0 && before(entry, itemAt(entries, at - 1))) at -= 1;
    entries.splice(at, 0, entry);
    if (entries.length > this.count) entries.pop();
  }

  best(): readonly { readonly node: number; readonly score: number }[] {
    return this.entries;
  }
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
  /** Per field, the inverse document frequency of the term being scored (scratch). */
  private readonly inverses = new Float64Array(FIELD_COUNT);
  private documents = 0;
  private readonly board = new ScoreBoard();
  private pending: PendingBuild | undefined;
  /** A first index started before its merge (`prepare`), taken up by the merge if it brings those nodes. */
  private prepared: PendingBuild | undefined;
  /** Whether the search path has run since the last first index was built (warmUp). */
  private warm = true;
  private readonly buildInWorkerFrom: number;

  constructor(
    private readonly nodes: NamedNodes,
    options: NameIndexOptions = {},
  ) {
    this.buildInWorkerFrom = options.buildInWorkerFrom ?? BUILD_IN_WORKER_FROM;
  }

  /**
   * Indexes nodes created or changed by a merge, given with their records as merged (and,
   * on the first merge or when the second index grows too big, every node). A large first
   * index is built in a worker: `ready()` says when it is in place. Anything that reads or
   * changes the index before then builds it here first, so it is never read half-made.
   */
  upsert(changed: readonly IndexedNode[]): void {
    const prepared = this.prepared;
    this.prepared = undefined;
    this.settleNow();
    this.fit();
    const limit = Math.max(DELTA_MIN, this.documents * DELTA_SHARE);
    if (this.documents === 0 || changed.length > limit) {
      this.rebuild(changed, prepared);
      return;
    }
    prepared?.build.stop();
    for (const { node } of changed) {
      this.deltaNodes.add(node);
      this.stale[node] = 1;
    }
    if (this.deltaNodes.size > limit) this.rebuild(changed);
    else {
      const given = new Map(changed.map((entry) => [entry.node, entry.record]));
      const nodes = [...this.deltaNodes].sort((a, b) => a - b);
      const entries = nodes.map((node) => ({ node, record: given.get(node) ?? this.nodes.record(node) }));
      this.delta = this.adopt(entries, this.buildHere(entries));
    }
  }

  /**
   * Resolves once the index holds every node given so far (a build in a worker has come
   * back, or failed and been done here) and its search path is compiled.
   */
  async ready(): Promise<void> {
    const pending = this.pending;
    if (pending) {
      const built = await pending.build.built.catch(() => undefined);
      // Still the build wanted (not settled here or cleared meanwhile): take it in.
      if (this.pending === pending) {
        this.pending = undefined;
        this.base = this.adopt(pending.entries, built ?? this.buildHere(pending.entries));
      }
    }
    if (!this.warm) this.warmUp();
  }

  /**
   * Starts, in a worker, the first index of the nodes a merge into this empty index is about
   * to bring (`records`, numbered 0, 1, … in order, as an empty node table numbers them), so
   * that it is built while the caller still validates. The merge takes it up only if it
   * brings exactly these records as those nodes; otherwise it is stopped and the merge
   * builds as before. The answer stops it (the merge is not coming).
   */
  prepare(records: readonly NodeRecord[]): () => void {
    this.dropPrepared();
    const nothingToStop = (): void => undefined;
    if (this.documents !== 0 || this.pending || this.nodes.size !== 0 || records.length < this.buildInWorkerFrom) return nothingToStop;
    const entries = records.map((record, node) => ({ node, record }));
    const build = buildInBackground(termJobOf(entries));
    if (!build) return nothingToStop;
    const prepared = { entries, build };
    this.prepared = prepared;
    return () => {
      if (this.prepared === prepared) this.dropPrepared();
    };
  }

  clear(): void {
    this.dropPrepared();
    this.dropPending();
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
    this.settleNow();
    const written = termsOf(text);
    const terms = [...new Set(written)];
    if (terms.length === 0 || this.documents === 0) return [];
    const board = this.board.begin(this.nodes.size);
    terms.forEach((term, i) => this.scoreTerm(board, term, i, labelCodes));
    // All terms must match; a query with one misspelt word among several still finds
    // what matches some of them. Either way a score counts each matched term (MiniSearch).
    const all = board.touched.filter((node) => board.matchedTerms(node) === terms.length);
    const found = all.length > 0 ? all : board.touched;
    // searchTerms(text).join(' '), by collapse's shortcut where it holds (as for the names it is compared with).
    const query = collapse(text);
    // Split before folding (tashkeel splits a word) may give other terms than folding
    // first; where it does, the cheap pre-check below does not hold.
    const sameTerms = written.join(' ') === query;
    const exact: number[] = [];
    const ranked = new TopScores(first, (node) => this.nodes.rankOf(node));
    for (const node of found) {
      const candidate = !sameTerms || board.exactTerms(node) === terms.length;
      if (candidate && this.couldBeWhole(node, written.length) && this.isExact(node, query)) exact.push(node);
      else ranked.offer(node, board.score(node) * board.matchedTerms(node));
    }
    // Exact matches first, then by relevance, then by id so that ties are deterministic.
    const exactMatches = exact
      .map((node) => ({ node, score: board.score(node) * board.matchedTerms(node), exact: true }))
      .sort((a, b) => b.score - a.score || this.nodes.rankOf(a.node) - this.nodes.rankOf(b.node));
    return [...exactMatches, ...ranked.best().map(({ node, score }) => ({ node, score, exact: false }))].slice(0, first);
  }

  /** Grows the per-node arrays to the node table. */
  private fit(): void {
    const size = this.nodes.size;
    this.stale = growUint8(this.stale, size);
    this.indexed = growUint8(this.indexed, size);
    this.fieldLengths = growUint8(this.fieldLengths, size * FIELD_COUNT);
  }

  /** Indexes every node as one first index (`given`: records at hand, so they need not be read back). */
  private rebuild(given: readonly IndexedNode[], prepared?: PendingBuild): void {
    this.fit();
    this.deltaNodes.clear();
    this.delta = EMPTY_TERM_INDEX;
    this.stale.fill(0);
    const records: (NodeRecord | undefined)[] = new Array<NodeRecord | undefined>(this.nodes.size);
    for (const { node, record } of given) records[node] = record;
    const all = Array.from(records, (record, node) => ({ node, record: record ?? this.nodes.record(node) }));
    this.warm = false;
    if (prepared && sameEntries(prepared.entries, all)) {
      this.pending = prepared;
      return;
    }
    prepared?.build.stop();
    const build = all.length >= this.buildInWorkerFrom ? buildInBackground(termJobOf(all)) : undefined;
    if (build) this.pending = { entries: all, build };
    else this.base = this.adopt(all, this.buildHere(all));
  }

  /** A build under way in a worker, finished here instead (its answer is dropped). */
  private settleNow(): void {
    const pending = this.pending;
    if (!pending) return;
    this.dropPending();
    this.base = this.adopt(pending.entries, this.buildHere(pending.entries));
  }

  private dropPrepared(): void {
    this.prepared?.build.stop();
    this.prepared = undefined;
  }

  private dropPending(): void {
    this.pending?.build.stop();
    this.pending = undefined;
  }

  /**
   * One search for a term of the index, so that the code of every matching path (exact,
   * prefix, near miss) is compiled while loading: the first search of a large graph
   * otherwise runs its fuzzy walk in the interpreter (a tenth of a second at a million
   * relations) and the first user pays for it.
   */
  private warmUp(): void {
    this.warm = true;
    const { terms } = this.base;
    const term = terms[terms.length >> 1];
    if (term) this.search(`${term} ${term.slice(0, 3)}`, undefined, 1);
  }

  /** Builds the index of `entries` (ascending by node) in this thread. */
  private buildHere(entries: readonly IndexedNode[]): BuiltTerms {
    return buildTerms(
      entries.length,
      (i) => itemAt(entries, i).node,
      (i) => fieldTexts(itemAt(entries, i).record),
    );
  }

  /** Records the field lengths of `entries` (as `built` counted them) and returns its index. */
  private adopt(entries: readonly IndexedNode[], built: BuiltTerms): TermIndex {
    const { fieldLengths } = built;
    this.fit();
    entries.forEach(({ node }, i) => {
      const offset = node * FIELD_COUNT;
      for (let field = 0; field < FIELD_COUNT; field += 1) {
        const length = uint8At(fieldLengths, i * FIELD_COUNT + field);
        this.fieldTotals[field] = float64At(this.fieldTotals, field) + length - uint8At(this.fieldLengths, offset + field);
        this.fieldLengths[offset + field] = length;
      }
      // A node with no terms at all still counts as a document, as MiniSearch counted it.
      if (uint8At(this.indexed, node) === 0) this.documents += 1;
      this.indexed[node] = 1;
    });
    return built.index;
  }

  /** Every indexed term that matches a query term, with its weight (1 for the term itself). */
  private matchingTerms(term: string): Map<string, number> {
    const weights = new Map<string, number>();
    const maxDistance = term.length > 4 ? Math.min(MAX_FUZZY, Math.round(term.length * 0.2)) : 0;
    for (const { terms, prefixes } of [this.base, this.delta]) {
      const start = lowerBound(terms, term);
      const end = endOfPrefix(terms, term, start);
      for (let i = start; i < end; i += 1) {
        const found = itemAt(terms, i);
        const distance = found.length - term.length;
        weights.set(found, distance === 0 ? 1 : (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance));
      }
      if (maxDistance === 0) continue;
      forEachFuzzyTerm(terms, prefixes, term, maxDistance, (index, distance) => {
        const found = itemAt(terms, index);
        // The term itself and its prefix matches are scored as such above.
        if (distance === 0 || found.startsWith(term)) return;
        weights.set(found, (FUZZY_WEIGHT * found.length) / (found.length + distance));
      });
    }
    return weights;
  }

  /** Adds to the board every match of query term number `position`. */
  private scoreTerm(board: ScoreBoard, term: string, position: number, labelCodes: ReadonlySet<number> | undefined): void {
    const averages = Array.from(this.fieldTotals, (total) => total / this.documents);
    for (const [found, weight] of this.matchingTerms(term)) {
      const runs = [this.postingsOf(this.base, found, true), this.postingsOf(this.delta, found, false)];
      // Documents holding the term, per field, across both indexes (BM25's document frequency).
      const matching = new Int32Array(FIELD_COUNT);
      for (const run of runs) run?.forEach((_node, field) => (matching[field] = int32At(matching, field) + 1));
      // Once per field, not per posting: a common word has postings in the hundred thousands at 1M.
      const inverses = this.inverses;
      for (let field = 0; field < FIELD_COUNT; field += 1) {
        const count = int32At(matching, field);
        if (count > 0) inverses[field] = inverseFrequency(count, this.documents);
      }
      for (const run of runs) {
        run?.forEach((node, field, frequency) => {
          if (labelCodes && !labelCodes.has(this.nodes.labelCodeOf(node))) return;
          const length = uint8At(this.fieldLengths, node * FIELD_COUNT + field);
          const raw = bm25(frequency, float64At(inverses, field), length, itemAt(averages, field));
          board.add(node, position, weight * itemAt(FIELD_BOOSTS, field) * raw, weight === 1);
        });
      }
    }
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
   * matched every query term as itself can be one, so the names are compared for those few
   * results alone, folded as they are read (collapsesTo): no folded names are kept per node.
   */
  private isExact(node: number, query: string): boolean {
    const name = this.nodes.stringOf(node, 'name');
    const nameAr = this.nodes.stringOf(node, 'nameAr');
    if (name === undefined || nameAr === undefined) return namesOf(this.nodes.record(node)).some((text) => collapsesTo(text, query));
    if (collapsesTo(name, query) || collapsesTo(nameAr, query)) return true;
    // The other names (aliases, acronym, code) are read from the record only where there are
    // any with terms: a name without terms cannot equal a query, which has some.
    if (uint8At(this.fieldLengths, node * FIELD_COUNT + 2) === 0) return false;
    return namesOf(this.nodes.record(node))
      .slice(2)
      .some((text) => collapsesTo(text, query));
  }
}

/** Whether two lists index the same record objects as the same nodes. */
function sameEntries(a: readonly IndexedNode[], b: readonly IndexedNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = itemAt(a, i);
    const y = itemAt(b, i);
    if (x.node !== y.node || x.record !== y.record) return false;
  }
  return true;
}

/** The nodes and field texts of `entries`, as a worker is given them. */
function termJobOf(entries: readonly IndexedNode[]): TermJob {
  const nodes = Int32Array.from(entries, (entry) => entry.node);
  const texts: string[] = [];
  for (const { record } of entries) texts.push(...fieldTexts(record));
  return { nodes, texts: packStrings(texts.length, (i) => itemAt(texts, i)) };
}

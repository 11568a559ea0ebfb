/**
 * Internal. Per-node score accumulators for one search, in typed arrays reused from query
 * to query (searches are synchronous, so two never interleave): a word found in 40,000
 * names costs 40,000 array writes, not 40,000 map entries. Tracks per node the summed
 * score, how many query terms it matched and how many it matched as themselves.
 */
import { float64At, int32At, uint8At } from '../columns';

export class ScoreBoard {
  private scores = new Float64Array(0);
  private stamp = new Int32Array(0);
  /** The last query term that counted for a node (so a term counts once, however many ways it matched). */
  private lastTerm = new Int32Array(0);
  private lastExactTerm = new Int32Array(0);
  private matched = new Uint8Array(0);
  private exactMatched = new Uint8Array(0);
  private generation = 0;
  /** Nodes touched by this search, in first-touch order. */
  readonly touched: number[] = [];

  /** Forgets the last search; `size` is the node count. */
  begin(size: number): this {
    if (this.stamp.length < size) {
      this.scores = new Float64Array(size);
      this.stamp = new Int32Array(size);
      this.lastTerm = new Int32Array(size);
      this.lastExactTerm = new Int32Array(size);
      this.matched = new Uint8Array(size);
      this.exactMatched = new Uint8Array(size);
      this.generation = 0;
    }
    this.generation += 1;
    if (this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    this.touched.length = 0;
    return this;
  }

  /** Adds a match of query term number `term` (exactly itself when `exact`). */
  add(node: number, term: number, score: number, exact: boolean): void {
    if (int32At(this.stamp, node) !== this.generation) {
      this.stamp[node] = this.generation;
      this.scores[node] = 0;
      this.matched[node] = 0;
      this.exactMatched[node] = 0;
      this.lastTerm[node] = -1;
      this.lastExactTerm[node] = -1;
      this.touched.push(node);
    }
    this.scores[node] = float64At(this.scores, node) + score;
    if (int32At(this.lastTerm, node) !== term) {
      this.lastTerm[node] = term;
      this.matched[node] = uint8At(this.matched, node) + 1;
    }
    if (exact && int32At(this.lastExactTerm, node) !== term) {
      this.lastExactTerm[node] = term;
      this.exactMatched[node] = uint8At(this.exactMatched, node) + 1;
    }
  }

  score(node: number): number {
    return float64At(this.scores, node);
  }

  /** How many distinct query terms a touched node matched. */
  matchedTerms(node: number): number {
    return uint8At(this.matched, node);
  }

  /** How many distinct query terms a touched node holds as themselves. */
  exactTerms(node: number): number {
    return uint8At(this.exactMatched, node);
  }
}

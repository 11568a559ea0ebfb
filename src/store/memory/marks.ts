/**
 * Internal. Per-node scratch for traversals: a visited flag that is cleared in O(1) (a
 * generation stamp) plus integer slots per node, and a bit set for scans. Reused across
 * queries: traversals are synchronous, so two never interleave, and a query allocates
 * nothing per node it visits.
 */
import { int32At } from './columns';

export class Marks {
  private readonly stamp: Int32Array;
  private generation = 0;
  /** Free per-node slots (depth, parent node, parent relation row, …). */
  readonly value: Int32Array;
  readonly parent: Int32Array;
  readonly row: Int32Array;

  constructor(readonly size: number) {
    this.stamp = new Int32Array(size);
    this.value = new Int32Array(size);
    this.parent = new Int32Array(size);
    this.row = new Int32Array(size);
  }

  /** Forgets every mark. */
  begin(): this {
    this.generation += 1;
    if (this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this;
  }

  has(node: number): boolean {
    return this.stamp[node] === this.generation;
  }

  mark(node: number, value = 0): void {
    this.stamp[node] = this.generation;
    this.value[node] = value;
  }
}

/**
 * A set of node numbers (indices or id ranks) as one bit each, for tests of thousands of
 * scattered nodes a call: at a million relations Marks' stamps are 1.3 MB and a test is a
 * cache miss, these bits are 42 KB. Used by one traversal step at a time (`during`), which
 * finds it empty and leaves it empty.
 */
export class NodeBits {
  private readonly words: Int32Array;
  private inUse = false;

  constructor(readonly size: number) {
    this.words = new Int32Array((size + 31) >>> 5);
  }

  has(member: number): boolean {
    return ((int32At(this.words, member >>> 5) >>> (member & 31)) & 1) !== 0;
  }

  add(member: number): void {
    this.words[member >>> 5] = int32At(this.words, member >>> 5) | (1 << (member & 31));
  }

  /**
   * Runs `use` with the set empty, and empties it again however `use` ends: a whole clear
   * (some 10,000 words at a million relations, a microsecond or two), not a list of members.
   * A second `during` inside the first throws: it would empty the set the first is using.
   */
  during<T>(use: (bits: NodeBits) => T): T {
    if (this.inUse) throw new Error('NodeBits: already in use by an enclosing traversal step');
    this.inUse = true;
    try {
      return use(this);
    } finally {
      this.words.fill(0);
      this.inUse = false;
    }
  }
}

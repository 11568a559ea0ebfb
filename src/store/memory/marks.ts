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
 * A set of nodes as one bit each, for a scan that tests thousands of scattered nodes against
 * a few hundred: at a million relations Marks' stamps are 1.3 MB and a test is a cache miss,
 * these bits are 42 KB. Emptied node by node by whoever filled it (`withNodes`).
 */
export class NodeBits {
  private readonly words: Int32Array;

  constructor(readonly size: number) {
    this.words = new Int32Array((size + 31) >>> 5);
  }

  has(node: number): boolean {
    return ((int32At(this.words, node >>> 5) >>> (node & 31)) & 1) !== 0;
  }

  /**
   * Runs `use` with exactly `nodes` in the set, and empties it again however `use` ends
   * (by clearing the words they are in: the set is empty before, so one use at a time).
   */
  withNodes<T>(nodes: Int32Array, use: (bits: NodeBits) => T): T {
    for (const node of nodes) this.words[node >>> 5] = int32At(this.words, node >>> 5) | (1 << (node & 31));
    try {
      return use(this);
    } finally {
      for (const node of nodes) this.words[node >>> 5] = 0;
    }
  }
}

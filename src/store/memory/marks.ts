/**
 * Internal. Per-node scratch for traversals: a visited flag that is cleared in O(1) (a
 * generation stamp) plus integer slots per node. Reused across queries: traversals are
 * synchronous, so two never interleave, and a query allocates nothing per node it visits.
 */
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

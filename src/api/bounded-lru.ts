/**
 * Internal. A least-recently-used map bounded by size: each value is weighed when it is
 * set, and the least recently used entries are dropped while the total is over the bound.
 * A Map keeps insertion order, so moving an entry to the end on every read is all the
 * bookkeeping an LRU needs.
 */
export class BoundedLru<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly size: number }>();
  private total = 0;

  /** `weigh` gives the size an entry counts for, in the unit of `maxSize` (bytes, say). */
  constructor(
    private readonly maxSize: number,
    private readonly weigh: (key: string, value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The total weight held, never above `maxSize`. */
  get weight(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Holds `value` under `key`; a value heavier than the whole bound is not kept. */
  set(key: string, value: V): void {
    this.delete(key);
    const size = this.weigh(key, value);
    if (size > this.maxSize) return;
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxSize) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

/**
 * Public. A least-recently-used map with a bound on the total size of its entries (each
 * entry's size from `sizeOf`, 1 by default), so a cache can never grow without one: adding
 * past the bound evicts the entries used longest ago.
 */
export interface LruOptions<K, V> {
  /** Largest total size held. */
  readonly maxSize: number;
  /** The size of one entry (bytes, say, key included). @default 1 (then `maxSize` is a number of entries) */
  readonly sizeOf?: (value: V, key: K) => number;
}

export class LruCache<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  private readonly entries = new Map<K, { readonly value: V; readonly size: number }>();
  private totalSize = 0;

  constructor(private readonly options: LruOptions<K, V>) {}

  get size(): number {
    return this.entries.size;
  }

  /** The sum of the sizes of the entries held (never above `maxSize`). */
  get weight(): number {
    return this.totalSize;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Holds `value` under `key`; a value larger than the whole bound is not held at all. */
  set(key: K, value: V): void {
    this.delete(key);
    const size = this.options.sizeOf?.(value, key) ?? 1;
    if (size > this.options.maxSize) return;
    this.entries.set(key, { value, size });
    this.totalSize += size;
    for (const [oldest, entry] of this.entries) {
      if (this.totalSize <= this.options.maxSize) break;
      this.entries.delete(oldest);
      this.totalSize -= entry.size;
    }
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    this.entries.delete(key);
    this.totalSize -= entry.size;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.totalSize = 0;
  }
}

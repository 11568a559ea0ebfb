/**
 * Public. Answers computed once per graph generation: a bounded LRU of promises keyed by
 * what was asked, emptied whenever the generation (a counter the curation service moves on
 * each applied change) is not the one its entries were computed for. Concurrent asks for
 * the same key share one computation; a failed computation is not kept.
 */
import { LruCache } from './lru-cache';

export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly entries: number;
  readonly generation: number;
}

export class GenerationCache {
  private readonly entries: LruCache<string, Promise<unknown>>;
  private generation: number;
  private hits = 0;
  private misses = 0;

  constructor(
    maxEntries: number,
    private readonly currentGeneration: () => number,
  ) {
    this.entries = new LruCache({ maxSize: maxEntries });
    this.generation = currentGeneration();
  }

  get<V>(key: string, compute: () => Promise<V>): Promise<V> {
    const generation = this.currentGeneration();
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const held = this.entries.get(key);
    if (held !== undefined) {
      this.hits += 1;
      return held as Promise<V>;
    }
    this.misses += 1;
    const computed = compute();
    this.entries.set(key, computed);
    computed.catch(() => {
      if (this.entries.get(key) === computed) this.entries.delete(key);
    });
    return computed;
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, generation: this.generation };
  }
}

/**
 * Internal. Where automatic persisted queries keep their texts (hash → query text): a
 * bounded LRU of its own, so unknown clients registering texts can only push out other
 * texts, never grow the process. A text that fell out is asked for again
 * (PERSISTED_QUERY_NOT_FOUND) and the client registers it anew, as APQ intends. Apollo's
 * time-to-live hint is ignored: a hash names its text for ever.
 */
import type { PersistedQueryOptions } from '@apollo/server';
import { LruCache } from '../analytics/lru-cache';

/** 4 MiB of query texts: thousands of operations, each at most MAX_TOKENS long. */
export const PERSISTED_QUERY_CACHE_BYTES = 4 * 1024 * 1024;

type PersistedQueryCache = NonNullable<PersistedQueryOptions['cache']>;

export function persistedQueryCache(maxBytes = PERSISTED_QUERY_CACHE_BYTES): PersistedQueryCache {
  const texts = new LruCache<string, string>({ maxSize: maxBytes, sizeOf: (value, key) => 2 * (key.length + value.length) });
  return {
    get: (key) => Promise.resolve(texts.get(key)),
    set: (key, value) => {
      texts.set(key, value);
      return Promise.resolve();
    },
    delete: (key) => {
      texts.delete(key);
      return Promise.resolve();
    },
  };
}

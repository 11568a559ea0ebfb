/**
 * Internal. Apollo's cache of parsed and validated operations, bounded: an LRU of at most
 * DOCUMENT_STORE_CHARACTERS characters of operation text (each document counted by the
 * length of its source), so that clients sending ever new operations cannot grow it.
 */
import type { DocumentNode } from 'graphql';
import { LruCache } from '../analytics/lru-cache';

/** Characters of operation text the document cache holds at most. */
export const DOCUMENT_STORE_CHARACTERS = 2_000_000;

/** Apollo's `KeyValueCache<DocumentNode>`, over a bounded LRU. */
export interface DocumentStore {
  get(key: string): Promise<DocumentNode | undefined>;
  set(key: string, value: DocumentNode): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Documents held, and their characters. */
  readonly size: number;
  readonly characters: number;
}

export function createDocumentStore(maxCharacters = DOCUMENT_STORE_CHARACTERS): DocumentStore {
  const documents = new LruCache<string, DocumentNode>({
    maxSize: maxCharacters,
    sizeOf: (document) => Math.max(1, document.loc?.source.body.length ?? 1),
  });
  return {
    get: async (key) => documents.get(key),
    set: async (key, value) => documents.set(key, value),
    delete: async (key) => documents.delete(key),
    get size() {
      return documents.size;
    },
    get characters() {
      return documents.weight;
    },
  };
}

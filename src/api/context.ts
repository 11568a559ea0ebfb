/**
 * Public. What every resolver receives: the store and this request's DataLoaders.
 */
import type { GraphStore } from '../store/GraphStore';
import { createLoaders, type Loaders } from './loaders';

export interface ApiContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
}

/** A fresh context per request: DataLoader caches must never outlive one request. */
export function createContext(store: GraphStore): ApiContext {
  return { store, loaders: createLoaders(store) };
}

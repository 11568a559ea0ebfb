/**
 * Public. What every resolver receives: the store, this request's DataLoaders and
 * analytics, who is calling, and the curation service (absent on a read-only server).
 */
import type { CurationService } from '../curation/CurationService';
import { ANONYMOUS, type Principal } from '../security/authenticate';
import type { GraphStore } from '../store/GraphStore';
import type { Analytics, RequestAnalytics } from './analytics';
import { createLoaders, type Loaders } from './loaders';

export interface ApiContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  /** Layouts and analytics off the event loop, within this request's time budget. */
  readonly analytics: RequestAnalytics;
  /** The caller, from the request's `Authorization` header. */
  readonly principal: Principal;
  /** Whether queries need no key (PUBLIC_QUERIES). */
  readonly publicQueries: boolean;
  /** Present when the server takes curated changes. */
  readonly curation: CurationService | undefined;
}

export interface ContextExtras {
  readonly principal?: Principal;
  readonly publicQueries?: boolean;
  readonly curation?: CurationService;
}

/** A fresh context per request: DataLoader caches must never outlive one request. */
export function createContext(store: GraphStore, analytics: Analytics, extras: ContextExtras = {}): ApiContext {
  return {
    store,
    loaders: createLoaders(store),
    analytics: analytics.forRequest(),
    principal: extras.principal ?? ANONYMOUS,
    publicQueries: extras.publicQueries ?? true,
    curation: extras.curation,
  };
}

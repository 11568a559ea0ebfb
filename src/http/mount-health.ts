/**
 * Internal. `GET /healthz` (the process is alive) and `GET /readyz` (the store answers, the
 * graph is loaded and the curation journal answers). A failed readiness check answers 503
 * SERVICE_UNAVAILABLE, as problem details naming what does not answer; neither route is rate
 * limited.
 */
import type express from 'express';
import { ErrorCode, ServiceError } from '../errors';
import type { CurationService } from '../curation/CurationService';
import type { Logger } from '../logger';
import { StoreUnavailableError, type GraphStore } from '../store/GraphStore';

export interface HealthOptions {
  /** The store as requests see it (bounded by STORE_TIMEOUT_MS). */
  readonly store: GraphStore;
  readonly curation: CurationService | undefined;
  readonly logger: Logger;
}

function notReady(reason: string): ServiceError {
  return new ServiceError(ErrorCode.SERVICE_UNAVAILABLE, `not ready: ${reason}`);
}

export function mountHealth(app: express.Express, { store, curation, logger }: HealthOptions): void {
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    let counts;
    try {
      await store.ping();
      counts = await store.counts();
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      // A store that answers but is not ready (e.g. an index still being built) says why.
      throw notReady(error instanceof StoreUnavailableError ? error.message : 'the store does not answer');
    }
    if (counts.nodes === 0) throw notReady('the graph is empty');
    let journal;
    try {
      journal = curation?.health();
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed: curation journal');
      throw notReady('the curation journal does not answer');
    }
    response.json({
      status: 'ready',
      store: store.kind,
      nodes: counts.nodes,
      relations: counts.relations,
      ...(journal ? { curation: journal } : {}),
    });
  });
}

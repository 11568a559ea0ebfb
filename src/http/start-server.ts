/**
 * Public. The HTTP server, wired from the parts it is given: Apollo at /graphql, /healthz and
 * /readyz, the graph explorer at /explorer/ and the graph exports at
 * /export/graph.{gexf,graphml,json}. `startServer` resolves once listening; `stop` drains
 * in-flight requests and stops Apollo. It closes only what it opened: the store and the
 * curation journal belong to whoever opened them (`app/start-app.ts`).
 *
 * /graphql is hardened in this order: CORS allow-list, per-client rate limit, JSON-only POST
 * bodies up to BODY_LIMIT_BYTES, answers from the response cache — all of it first on the
 * fast path in node:http's handler, before Express (`graphql-fast-path.ts`) — then Apollo (CSRF
 * prevention, Armor limits, roles, error masking, the analytics cost limit). Every store call
 * of a request is bounded by STORE_TIMEOUT_MS; layouts and analytics run in worker threads,
 * bounded by ANALYTICS_TIMEOUT_MS each and ANALYTICS_REQUEST_BUDGET_MS per request. Every answer that
 * is not GraphQL's and is an error is problem details (`handle-errors.ts`).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { AnalyticsPool } from '../analytics/worker-pool';
import { Analytics } from '../api/analytics';
import { createApollo } from '../api/apollo';
import { createContext, type ApiContext } from '../api/context';
import { ResponseCache } from '../api/response-cache';
import { responseCachePlugin } from '../api/response-cache-plugin';
import { defaultSecurityConfig, type SecurityConfig } from '../config';
import type { CurationService } from '../curation/CurationService';
import type { Logger } from '../logger';
import { createAuthenticator } from '../security/authenticate';
import type { GraphStore } from '../store/GraphStore';
import { withTimeout } from '../store/with-timeout';
import { createCors } from './create-cors';
import { createRateLimit } from './create-rate-limit';
import { graphqlFastPath, unlessEdgeChecked } from './graphql-fast-path';
import { handleErrors, notFound } from './handle-errors';
import { jsonBody } from './json-body';
import { mountExplorer } from './mount-explorer';
import { mountExports } from './mount-exports';
import { mountHealth } from './mount-health';
import { requireReadAccess } from './require-read-access';
import { serveCachedResponses } from './serve-cached-responses';

export interface ServerOptions {
  readonly store: GraphStore;
  readonly logger: Logger;
  readonly port: number;
  readonly host: string;
  /** Production: no source maps for the explorer, and the production security defaults. */
  readonly production: boolean;
  /**
   * Limits, keys and switches. @default the configuration defaults for `production`, less
   * the rate limit: a server embedded without configuration (tests, benchmarks) is not
   * throttled; the service itself (`startApp`) always passes its configuration.
   */
  readonly security?: SecurityConfig;
  /** Takes curated changes; without it every mutation is refused. */
  readonly curation?: CurationService;
  /** Worker threads for layouts and analytics. @default one less than the cores, 1 to 4 */
  readonly analyticsWorkers?: number;
  /**
   * Bytes of read answers held in the response cache (RESPONSE_CACHE_MAX_BYTES).
   * @default 0: an embedded server holds none (ETags and 304s still work); the service
   * itself (`startApp`) passes its configuration.
   */
  readonly responseCacheMaxBytes?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The analytics pool and cache, for tests and benchmarks. */
  readonly analytics: Analytics;
  /** Drains requests, stops Apollo and the analytics workers; leaves the store and the journal open. */
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, logger, curation } = options;
  const security = options.security ?? { ...defaultSecurityConfig(options.production), rateLimit: undefined };
  // Requests see the store through a timeout: a slow store answers STORE_TIMEOUT, never hangs.
  const requestStore = withTimeout(store, security.storeTimeoutMs);
  const authenticate = createAuthenticator(security.apiKeys);
  const app = express();
  app.disable('x-powered-by');
  // Only trusted proxies may set the client address that rate limiting keys on.
  app.set('trust proxy', security.trustProxy);
  const generation = (): number => curation?.generation ?? 0;
  // Answers stay right until curation changes the graph; a read-only server's never change.
  // On the embedded store every change passes this process's curation: answers' keys name their bytes.
  const responseCache = new ResponseCache({ maxBytes: options.responseCacheMaxBytes ?? 0, generation, keyedTags: store.kind === 'memory' });
  // One limiter for /graphql and the exports: a client shares one budget across both.
  const rateLimit = security.rateLimit ? createRateLimit(security.rateLimit, logger) : undefined;
  const cors = createCors(security.corsOrigins);
  const errorHandler = handleErrors(logger);
  // The request handler is set below, once Apollo (which needs the server to drain it) is up.
  const httpServer = http.createServer();
  const pool = new AnalyticsPool(options.analyticsWorkers === undefined ? {} : { size: options.analyticsWorkers });
  pool.warm();
  const analytics = new Analytics({ store: requestStore, pool, limits: security.analytics, generation });
  const apollo = createApollo({
    logger,
    security,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), responseCachePlugin(responseCache)],
  });
  await apollo.start();
  const contextFor = async (request: IncomingMessage): Promise<ApiContext> =>
    createContext(requestStore, analytics, {
      principal: authenticate(request.headers.authorization),
      publicQueries: security.publicQueries,
      ...(curation ? { curation } : {}),
    });
  // Cache hits, and JSON POSTs to Apollo, are answered before Express, in node:http's handler.
  const fastPath = graphqlFastPath({
    app,
    cache: responseCache,
    authenticate,
    cors,
    rateLimit,
    bodyLimitBytes: security.bodyLimitBytes,
    handleError: errorHandler,
    apollo: { server: apollo, contextFor },
  });
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) =>
    fastPath(request, response, () => app(request, response)),
  );

  mountHealth(app, { store: requestStore, curation, logger });
  // /graphql is an app of its own only to turn off Express's automatic weak ETags there:
  // the response cache gives the validators (strong, over the answer's key or bytes and the generation),
  // and an answer it does not validate (mutations, errors) must carry none.
  const graphql = express();
  graphql.disable('x-powered-by');
  graphql.set('etag', false);
  app.use('/graphql', graphql);
  graphql.use(
    // CORS, then the rate limit (the cheap refusals first), unless the fast path ran them.
    unlessEdgeChecked(cors),
    ...(rateLimit ? [unlessEdgeChecked(rateLimit)] : []),
    ...jsonBody(security.bodyLimitBytes),
    serveCachedResponses(responseCache, authenticate),
    expressMiddleware<ApiContext>(apollo, { context: async ({ req }) => contextFor(req) }),
  );
  mountExplorer(app, { sourceMaps: !options.production });
  // Exports read the graph like a query does: the same key rule and the same rate limit.
  mountExports(app, requestStore, [...(rateLimit ? [rateLimit] : []), requireReadAccess(authenticate, security.publicQueries)]);
  app.use(notFound());
  app.use(errorHandler);

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    await apollo.stop();
    await pool.close();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`;
  logger.info({ url, store: store.kind }, 'cities-kg is serving');

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    analytics,
    stop: () => {
      // Apollo's drain plugin closes the HTTP server once in-flight requests are answered.
      stopping ??= apollo.stop().then(() => pool.close());
      return stopping;
    },
  };
}

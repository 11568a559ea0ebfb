/**
 * Public. The HTTP server: Apollo at /graphql, /healthz (process alive), /readyz (store
 * reachable, graph loaded), the graph explorer at /explorer/ and the graph exports at
 * /export/graph.{gexf,graphml,json}. `startServer` resolves once listening; `stop` drains requests,
 * stops Apollo and closes the store and the curation journal.
 *
 * /graphql is hardened in this order: CORS allow-list, per-client rate limit, JSON-only POST
 * bodies up to BODY_LIMIT_BYTES, then Apollo (CSRF prevention, Armor limits, roles, error
 * masking). Every store call of a request is bounded by STORE_TIMEOUT_MS.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express, { type ErrorRequestHandler } from 'express';
import { createApollo } from './api/apollo';
import { createContext, type ApiContext } from './api/context';
import { ErrorCode } from './api/errors';
import { defaultSecurityConfig, type SecurityConfig } from './config';
import type { CurationService } from './curation/CurationService';
import { mountExplorer } from './explorer/mount-explorer';
import { mountExports } from './export/mount-exports';
import type { Logger } from './logger';
import { createAuthenticator } from './security/authenticate';
import { createCors } from './security/create-cors';
import { createRateLimit } from './security/create-rate-limit';
import { requireJsonBody } from './security/require-json-body';
import { requireReadAccess } from './security/require-read-access';
import type { GraphStore } from './store/GraphStore';
import { withTimeout } from './store/with-timeout';

export interface ServerOptions {
  readonly store: GraphStore;
  readonly logger: Logger;
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  /**
   * Limits, keys and switches. @default the configuration defaults for `production`, less
   * the rate limit: a server embedded without configuration (tests, benchmarks) is not
   * throttled; the service itself (`startApp`) always passes its configuration.
   */
  readonly security?: SecurityConfig;
  /** Takes curated changes; without it every mutation is refused. */
  readonly curation?: CurationService;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
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
  const httpServer = http.createServer(app);
  const apollo = createApollo({
    logger,
    security,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    try {
      await requestStore.ping();
      const counts = await requestStore.counts();
      if (counts.nodes === 0) {
        response.status(503).json({ status: 'not ready', reason: 'the graph is empty' });
        return;
      }
      let journal;
      try {
        journal = curation?.health();
      } catch (error) {
        logger.warn({ err: error }, 'readiness check failed: curation journal');
        response.status(503).json({ status: 'not ready', reason: 'the curation journal does not answer' });
        return;
      }
      response.json({
        status: 'ready',
        store: store.kind,
        nodes: counts.nodes,
        relations: counts.relations,
        ...(journal ? { curation: journal } : {}),
      });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'not ready', reason: 'the store does not answer' });
    }
  });
  // One limiter for /graphql and the exports: a client shares one budget across both.
  const rateLimit = security.rateLimit ? [createRateLimit(security.rateLimit, logger)] : [];
  app.use(
    '/graphql',
    createCors(security.corsOrigins),
    ...rateLimit,
    requireJsonBody(),
    express.json({ limit: security.bodyLimitBytes }),
    expressMiddleware<ApiContext>(apollo, {
      context: async ({ req }) =>
        createContext(requestStore, {
          principal: authenticate(req.headers.authorization),
          publicQueries: security.publicQueries,
          ...(curation ? { curation } : {}),
        }),
    }),
  );
  mountExplorer(app);
  // Exports read the graph like a query does: the same key rule and the same rate limit.
  mountExports(app, requestStore, [...rateLimit, requireReadAccess(authenticate, security.publicQueries)]);
  app.use((_request, response) => {
    response.status(404).json({ error: 'not found; the API is at /graphql' });
  });
  // Body-parser failures (bad JSON, too large) and anything else thrown before Apollo.
  const handleError: ErrorRequestHandler = (error: unknown, _request, response, _next) => {
    const raw = (error as { status?: unknown }).status;
    const status = typeof raw === 'number' && raw >= 400 && raw < 600 ? raw : 500;
    if (status >= 500) logger.error({ err: error }, 'request failed');
    const [message, code] =
      status === 413
        ? [`request body larger than ${security.bodyLimitBytes} bytes`, ErrorCode.PAYLOAD_TOO_LARGE]
        : status === 415
          ? ['unsupported request body encoding or charset; send UTF-8 JSON', ErrorCode.UNSUPPORTED_MEDIA_TYPE]
          : status < 500
            ? ['malformed request body: expected JSON', ErrorCode.BAD_REQUEST]
            : ['internal server error', ErrorCode.INTERNAL_SERVER_ERROR];
    response.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
  app.use(handleError);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`;
  logger.info({ url, store: store.kind }, 'cities-kg is serving');

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop: () => {
      stopping ??= (async () => {
        await apollo.stop();
        await store.close();
        curation?.close();
        logger.info('cities-kg stopped');
      })();
      return stopping;
    },
  };
}

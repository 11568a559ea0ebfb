/**
 * Public. The HTTP server: Apollo at /graphql, /healthz (process alive) and /readyz (store
 * reachable, graph loaded). `startServer` resolves once listening; `stop` drains requests,
 * stops Apollo and closes the store.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express, { type ErrorRequestHandler } from 'express';
import { createApollo } from './api/apollo';
import { createContext, type ApiContext } from './api/context';
import type { Logger } from './logger';
import type { GraphStore } from './store/GraphStore';

export interface ServerOptions {
  readonly store: GraphStore;
  readonly logger: Logger;
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Largest request body accepted, in bytes (GraphQL documents are small). */
const MAX_BODY_BYTES = 100_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = createApollo({
    production: options.production,
    logger,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    try {
      await store.ping();
      const counts = await store.counts();
      if (counts.nodes === 0) {
        response.status(503).json({ status: 'not ready', reason: 'the graph is empty' });
        return;
      }
      response.json({ status: 'ready', store: store.kind, nodes: counts.nodes, relations: counts.relations });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'not ready', reason: 'the store does not answer' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware<ApiContext>(apollo, { context: async () => createContext(store) }),
  );
  app.use((_request, response) => {
    response.status(404).json({ error: 'not found; the API is at /graphql' });
  });
  // Body-parser failures (bad JSON, too large) and anything else thrown before Apollo.
  const handleError: ErrorRequestHandler = (error: unknown, _request, response, _next) => {
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    if (status >= 500) logger.error({ err: error }, 'request failed');
    const message =
      status === 413
        ? `request body larger than ${MAX_BODY_BYTES} bytes`
        : status === 400
          ? 'malformed request body: expected JSON'
          : 'internal server error';
    response.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
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
        logger.info('cities-kg stopped');
      })();
      return stopping;
    },
  };
}

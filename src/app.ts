/**
 * Public. Starts the whole service from configuration: store, seed, HTTP server, and
 * graceful shutdown on SIGTERM/SIGINT. Refuses to serve an invalid seed graph.
 */
import type { AppConfig } from './config';
import { ingestSeed } from './ingest/ingest-seed';
import type { Logger } from './logger';
import { startServer, type RunningServer } from './server';
import { createStore } from './store/create-store';

export async function startApp(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const store = await createStore(config, logger);
  try {
    const started = Date.now();
    const ingest = await ingestSeed(store, config.seedDir);
    logger.info({ ...ingest, ms: Date.now() - started, store: store.kind }, 'seed graph loaded');
    return await startServer({
      store,
      logger,
      port: config.port,
      host: config.host,
      production: config.env === 'production',
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Stops the server once on the first SIGTERM or SIGINT, then lets the process exit. */
export function stopOnSignals(server: RunningServer, logger: Logger): void {
  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

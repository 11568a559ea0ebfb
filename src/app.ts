/**
 * Public. Starts the whole service from configuration: store, seed, curated changes
 * replayed from the journal on top of the seed, HTTP server, and graceful shutdown on
 * SIGTERM/SIGINT. Refuses to serve an invalid seed graph.
 */
import type { AppConfig } from './config';
import type { Logger } from './logger';
import { openGraph } from './open-graph';
import { startServer, type RunningServer } from './server';

export async function startApp(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const started = Date.now();
  const graph = await openGraph(config, logger);
  try {
    logger.info({ ...graph.ingest, ms: Date.now() - started, store: graph.store.kind }, 'seed graph loaded');
    logger.info(
      { file: config.curation.dbPath, applied: graph.replay.applied, skipped: graph.replay.skipped.length, ...graph.journal.settings() },
      'curated changes replayed',
    );
    const roles = config.security.apiKeys.map((key) => key.role);
    logger.info(
      {
        editors: roles.filter((role) => role === 'editor').length,
        readers: roles.filter((role) => role === 'reader').length,
        publicQueries: config.security.publicQueries,
      },
      'api keys loaded',
    );
    // From here the server owns the store and the journal: its stop() closes both.
    return await startServer({
      store: graph.store,
      logger,
      port: config.port,
      host: config.host,
      production: config.env === 'production',
      security: config.security,
      curation: graph.curation,
    });
  } catch (error) {
    await graph.close();
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

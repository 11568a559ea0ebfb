/**
 * Public. Starts the whole service from configuration: opens the graph (store, seed, curated
 * changes replayed from the journal on top of the seed), then serves it. Refuses to serve an
 * invalid seed graph. `stop()` stops the server, then closes the journal and the store it
 * opened, then logs "cities-kg stopped".
 */
import type { AppConfig } from '../config';
import { startServer } from '../http/start-server';
import type { Logger } from '../logger';
import { openGraph } from './open-graph';

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Go on with a curation journal that lost confirmed changes (`start --accept-journal-loss`). @default false */
  readonly acceptJournalLoss?: boolean;
}

export async function startApp(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<RunningApp> {
  const started = Date.now();
  // The server is the journal's one writer.
  const graph = await openGraph(config, logger, { journal: { mode: 'write', acceptLoss: options.acceptJournalLoss ?? false } });
  let server;
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
    server = await startServer({
      store: graph.store,
      logger,
      port: config.port,
      host: config.host,
      production: config.env === 'production',
      security: config.security,
      responseCacheMaxBytes: config.responseCacheMaxBytes,
      curation: graph.curation,
    });
  } catch (error) {
    await graph.close();
    throw error;
  }
  const running = server;
  let stopping: Promise<void> | undefined;
  return {
    url: running.url,
    port: running.port,
    stop: () => {
      stopping ??= (async () => {
        try {
          await running.stop();
        } finally {
          await graph.close();
        }
        logger.info('cities-kg stopped');
      })();
      return stopping;
    },
  };
}

/**
 * Public. Starts the whole service from configuration: store, seed, curated changes
 * replayed from the journal on top of the seed, HTTP server, and graceful shutdown on
 * SIGTERM/SIGINT. Refuses to serve an invalid seed graph.
 */
import type { AppConfig } from './config';
import { CurationJournal } from './curation/CurationJournal';
import { CurationService } from './curation/CurationService';
import { reseed } from './curation/reseed';
import { readSeed } from './ingest/read-seed';
import type { Logger } from './logger';
import { startServer, type RunningServer } from './server';
import { createStore } from './store/create-store';
import { withTimeout } from './store/with-timeout';

export async function startApp(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const store = await createStore(config, logger);
  let journal: CurationJournal | undefined;
  try {
    // The seed is the base; curated changes are layered on it, in the order they were made.
    journal = CurationJournal.open(config.curation.dbPath);
    const curation = new CurationService({
      store: withTimeout(store, config.security.storeTimeoutMs),
      journal,
      sourceTexts: (await readSeed(config.seedDir)).sourceTexts,
      logger,
    });
    const started = Date.now();
    const { ingest, replay } = await reseed(store, { seedDir: config.seedDir, curation });
    logger.info({ ...ingest, ms: Date.now() - started, store: store.kind }, 'seed graph loaded');
    logger.info(
      { file: config.curation.dbPath, applied: replay.applied, skipped: replay.skipped.length, ...journal.settings() },
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

    return await startServer({
      store,
      logger,
      port: config.port,
      host: config.host,
      production: config.env === 'production',
      security: config.security,
      curation,
    });
  } catch (error) {
    journal?.close();
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

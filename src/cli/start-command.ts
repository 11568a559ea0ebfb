/**
 * Internal. `cities-kg start`: serves the graph (`app/start-app.ts`) until SIGTERM or SIGINT,
 * then exits 0 once the journal and the store are closed. Refuses to serve an invalid seed.
 */
import { startApp } from '../app/start-app';
import { stopOnSignals } from '../app/stop-on-signals';
import { InvalidSeedError } from '../ingest/load-seed';
import type { Command } from './command';

export const startCommand: Command = async (_args, { config, logger, err }) => {
  try {
    stopOnSignals(await startApp(config, logger), logger);
    return 0;
  } catch (error) {
    if (!(error instanceof InvalidSeedError)) throw error;
    err.write(`cities-kg: refusing to serve an invalid graph. ${error.message}\nFix seed/graph (npm run validate lists the problems).\n`);
    return 1;
  }
};

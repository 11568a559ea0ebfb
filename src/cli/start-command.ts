/**
 * Internal. `cities-kg start [--accept-journal-loss]`: serves the graph (`app/start-app.ts`)
 * until SIGTERM or SIGINT, then exits 0 once the journal and the store are closed. Refuses to
 * serve an invalid seed, and a curation journal that holds fewer (or other) changes than its
 * high-water mark confirmed unless `--accept-journal-loss` says to go on (and makes what it
 * holds the new mark).
 */
import { parseArgs } from 'node:util';
import { startApp } from '../app/start-app';
import { stopOnSignals } from '../app/stop-on-signals';
import { InvalidSeedError } from '../ingest/load-seed';
import type { Command } from './command';

export const startCommand: Command = async (args, { config, logger, err }) => {
  const { values } = parseArgs({ args: [...args], options: { 'accept-journal-loss': { type: 'boolean', default: false } }, strict: true });
  try {
    stopOnSignals(await startApp(config, logger, { acceptJournalLoss: values['accept-journal-loss'] }), logger);
    return 0;
  } catch (error) {
    if (!(error instanceof InvalidSeedError)) throw error;
    err.write(`cities-kg: refusing to serve an invalid graph. ${error.message}\nFix seed/graph (npm run validate lists the problems).\n`);
    return 1;
  }
};

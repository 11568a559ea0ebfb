/**
 * Public. Graceful shutdown: the first SIGTERM or SIGINT stops the app (drain, close the
 * journal and the store), then the process exits by itself with 0, or 1 if stopping failed.
 */
import type { Logger } from '../logger';

export function stopOnSignals(app: { stop(): Promise<void> }, logger: Logger): void {
  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
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

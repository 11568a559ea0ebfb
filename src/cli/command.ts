/**
 * Internal. What every command of the command line is: its arguments and the process's
 * configuration, logger and output in, an exit code out. A command that fails on purpose
 * throws (`UsageError` for wrong words: exit 2; anything else: exit 1), see `run-cli.ts`.
 */
import type { AppConfig } from '../config';
import type { Logger } from '../logger';

export interface CommandContext {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

export type Command = (args: readonly string[], context: CommandContext) => Promise<number>;

/** Wrong words on the command line: exit 2 with the message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The `--store` option: memory or neo4j, the configured store when absent. */
export function storeKindOption(value: string | undefined, config: AppConfig): AppConfig['store'] {
  const kind = value ?? config.store;
  if (kind !== 'memory' && kind !== 'neo4j') throw new UsageError(`--store must be memory or neo4j, got "${kind}"`);
  return kind;
}

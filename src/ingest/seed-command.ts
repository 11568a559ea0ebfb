/**
 * Public. `cities-kg seed [--store memory|neo4j] [--reset --yes]`: validates the seed and
 * merges it into a store with progress, idempotently (a second run creates nothing).
 * `--reset` first removes this graph's labels, and only with `--yes`.
 */
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { createStore } from '../store/create-store';
import { ingestSeed } from './ingest-seed';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export async function seedCommand(args: readonly string[], config: AppConfig, logger: Logger, out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { store: { type: 'string' }, reset: { type: 'boolean', default: false }, yes: { type: 'boolean', default: false } },
    strict: true,
  });
  const kind = values.store ?? config.store;
  if (kind !== 'memory' && kind !== 'neo4j') throw new UsageError(`--store must be memory or neo4j, got "${kind}"`);
  if (values.reset && !values.yes) {
    throw new UsageError('--reset removes every node and relation of this graph from the store; add --yes to confirm');
  }
  const store = await createStore(config, logger, kind);
  try {
    if (values.reset) out.write(`reset: removed ${await store.clear()} nodes from the ${kind} store\n`);
    const result = await ingestSeed(store, config.seedDir, {
      onProgress: ({ done, total }) => out.write(`seeding ${kind}: ${done}/${total}\n`),
    });
    out.write(
      `seeded ${kind}: ${result.nodes} nodes and ${result.relations} relations in the seed; ` +
        `created ${result.nodesCreated} nodes and ${result.relationsCreated} relations, ` +
        `updated ${result.nodesUpdated} nodes and ${result.relationsUpdated} relations\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

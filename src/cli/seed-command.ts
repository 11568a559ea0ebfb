/**
 * Internal. `cities-kg seed [--store memory|neo4j] [--reset --yes]`: validates the seed and
 * merges it into a store with progress, then replays the curated changes on top, so a
 * re-seed never drops them; idempotent (a second run creates nothing). `--reset` first
 * removes this graph's labels, and only with `--yes`.
 */
import { parseArgs } from 'node:util';
import { openGraph } from '../app/open-graph';
import { storeKindOption, UsageError, type Command } from './command';

export const seedCommand: Command = async (args, { config, logger, out }) => {
  const { values } = parseArgs({
    args: [...args],
    options: { store: { type: 'string' }, reset: { type: 'boolean', default: false }, yes: { type: 'boolean', default: false } },
    strict: true,
  });
  const kind = storeKindOption(values.store, config);
  if (values.reset && !values.yes) {
    throw new UsageError('--reset removes every node and relation of this graph from the store; add --yes to confirm');
  }
  const graph = await openGraph(config, logger, {
    kind,
    reset: values.reset,
    onReset: (removed) => out.write(`reset: removed ${removed} nodes from the ${kind} store\n`),
    onProgress: ({ done, total }) => out.write(`seeding ${kind}: ${done}/${total}\n`),
  });
  try {
    const { ingest, replay } = graph;
    out.write(
      `seeded ${kind}: ${ingest.nodes} nodes and ${ingest.relations} relations in the seed; ` +
        `created ${ingest.nodesCreated} nodes and ${ingest.relationsCreated} relations, ` +
        `updated ${ingest.nodesUpdated} nodes and ${ingest.relationsUpdated} relations; ` +
        `replayed ${replay.applied} curated changes\n`,
    );
    return 0;
  } finally {
    await graph.close();
  }
};

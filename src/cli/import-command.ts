/**
 * Internal. `cities-kg import --file FILE [--store memory|neo4j]`: restores a backup into an
 * EMPTY store (it refuses one that holds anything) after validating the whole file. Into
 * Neo4j this is a real restore; into the memory store, which lives only as long as the
 * process, it checks that the backup would restore.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importBackup } from '../backup/import-backup';
import { createStore } from '../store/create-store';
import { storeKindOption, UsageError, type Command } from './command';

export const importCommand: Command = async (args, { config, logger, out }) => {
  const { values } = parseArgs({ args: [...args], options: { file: { type: 'string' }, store: { type: 'string' } }, strict: true });
  if (values.file === undefined) throw new UsageError('import needs --file FILE (a backup written by `export`)');
  const kind = storeKindOption(values.store, config);
  let content: unknown;
  try {
    content = JSON.parse(await readFile(values.file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${values.file} as JSON: ${(error as Error).message}`);
  }
  const store = await createStore(config, logger, kind);
  try {
    const summary = await importBackup(store, content, { seedDir: config.seedDir });
    out.write(`imported ${summary.nodes} nodes and ${summary.relations} relations into the ${kind} store\n`);
    return 0;
  } finally {
    await store.close();
  }
};

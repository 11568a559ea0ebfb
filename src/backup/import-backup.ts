/**
 * Public. Restores a backup into an EMPTY store. Refuses a store that holds anything (a
 * restore never merges into a live graph), and validates the whole file first with the
 * seed's validator (web sources allowed, as curation writes them): an invalid file writes
 * nothing.
 */
import { validateGraph } from '../domain/validate-graph';
import { formatProblems } from '../ingest/load-seed';
import { readSeed } from '../ingest/read-seed';
import type { GraphStore } from '../store/GraphStore';
import { BackupError, backupEnvelopeSchema } from './backup-file';

export interface ImportBackupOptions {
  /** Source texts by file name, for the verbatim quote check. @default read from `seedDir` */
  readonly sourceTexts?: ReadonlyMap<string, string>;
  /** Seed folder whose `sources/` the quotes are checked against. @default the project's seed/ */
  readonly seedDir?: string;
}

export interface ImportSummary {
  readonly nodes: number;
  readonly relations: number;
}

export async function importBackup(store: GraphStore, file: unknown, options: ImportBackupOptions = {}): Promise<ImportSummary> {
  const envelope = backupEnvelopeSchema.safeParse(file);
  if (!envelope.success) {
    const details = envelope.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new BackupError('INVALID_BACKUP', `importBackup: not a cities-kg backup (version 1): ${details}`, [details]);
  }
  const held = await store.counts();
  if (held.nodes > 0 || held.relations > 0) {
    throw new BackupError(
      'STORE_NOT_EMPTY',
      `importBackup: the ${store.kind} store already holds ${held.nodes} nodes and ${held.relations} relations; restore only into an empty store (clear it first if you mean to replace it)`,
    );
  }
  const { graph: content, counts } = envelope.data;
  if (content.nodes.length !== counts.nodes || content.relations.length !== counts.relations) {
    throw new BackupError(
      'INVALID_BACKUP',
      `importBackup: the file says ${counts.nodes} nodes and ${counts.relations} relations but holds ${content.nodes.length} and ${content.relations.length}; it is truncated or edited`,
    );
  }
  const sourceTexts = options.sourceTexts ?? (await readSeed(options.seedDir)).sourceTexts;
  const { graph, problems } = validateGraph(
    { files: [{ file: 'backup', content }], sourceTexts },
    { allowWebSources: true, seedRules: false },
  );
  if (problems.length > 0) {
    throw new BackupError(
      'INVALID_BACKUP',
      `importBackup: the backup has ${problems.length} problem(s); nothing was written:\n${formatProblems(problems)}`,
      problems.map((problem) => `${problem.entity} [${problem.code}] ${problem.message}`),
    );
  }
  await store.mergeGraph(graph);
  return { nodes: graph.nodes.length, relations: graph.relations.length };
}

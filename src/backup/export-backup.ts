/**
 * Public. Exports the whole graph a store holds (the seed plus every curated change) as one
 * `BackupFile`, ordered by id so two exports of the same graph are byte-identical.
 */
import type { RelationInput } from '../domain/graph-document';
import type { GraphStore } from '../store/GraphStore';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './backup-file';

export async function exportBackup(store: GraphStore, now: Date = new Date()): Promise<BackupFile> {
  const { nodes, relations } = await store.dumpGraph();
  // Relation ids are derived from type and endpoints; the seed format leaves them out.
  const inputs: RelationInput[] = relations.map(({ id: _id, ...relation }) => relation);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    store: store.kind,
    counts: { nodes: nodes.length, relations: relations.length },
    graph: {
      $comment: `cities-kg backup of ${nodes.length} nodes and ${relations.length} relations, ${now.toISOString()}`,
      nodes,
      relations: inputs,
    },
  };
}

/**
 * Public. Loads the seed (read → validate) and writes it to a store, idempotently: a
 * second ingest of the same seed creates and updates nothing.
 */
import type { GraphStore, MergeOptions, MergeSummary } from '../store/GraphStore';
import { loadSeed } from './load-seed';

export interface IngestResult extends MergeSummary {
  readonly nodes: number;
  readonly relations: number;
}

export async function ingestSeed(store: GraphStore, seedDir?: string, options: MergeOptions = {}): Promise<IngestResult> {
  const graph = await loadSeed(seedDir);
  const summary = await store.mergeGraph(graph, options);
  return { ...summary, nodes: graph.nodes.length, relations: graph.relations.length };
}

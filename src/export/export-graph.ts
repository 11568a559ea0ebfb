/**
 * Public. What both the HTTP route and the CLI call: the whole graph, or the neighbourhood
 * of some nodes, serialised in one format.
 */
import type { GraphStore } from '../store/GraphStore';
import { selectNeighbourhood } from './select-neighbourhood';
import { serializeGraph, type ExportFormat } from './serialize-graph';

export interface ExportSelection {
  readonly ids: readonly string[];
  /** 0 … MAX_EXPORT_DEPTH; 1 when absent. */
  readonly depth?: number;
}

/** Throws the store's `InvalidArgumentError` or `NotFoundError` for a bad selection. */
export async function exportGraph(store: GraphStore, format: ExportFormat, selection?: ExportSelection): Promise<string> {
  if (!selection) return serializeGraph(format, await store.dumpGraph());
  const depth = selection.depth ?? 1;
  const data = await selectNeighbourhood(store, selection.ids, depth);
  return serializeGraph(format, data, `cities-kg: nodes within ${depth} relations of ${selection.ids.join(', ')}`);
}

/**
 * Public. What both the HTTP route and the CLI call: the whole graph, or the neighbourhood
 * of some nodes, serialised in one format.
 */
import type { GraphStore } from '../store/GraphStore';
import { cityCountries } from './city-countries';
import { selectNeighbourhood } from './select-neighbourhood';
import { serializeGraph, type ExportFormat } from './serialize-graph';

export interface ExportSelection {
  readonly ids: readonly string[];
  /** 0 … MAX_EXPORT_DEPTH; 1 when absent. */
  readonly depth?: number;
}

/** Throws the store's `InvalidArgumentError` or `NotFoundError` for a bad selection. */
export async function exportGraph(store: GraphStore, format: ExportFormat, selection?: ExportSelection): Promise<string> {
  const depth = selection?.depth ?? 1;
  const data = selection ? await selectNeighbourhood(store, selection.ids, depth) : await store.dumpGraph();
  const cities = data.nodes.filter((node) => node.label === 'City').map((node) => node.id);
  const countries = await cityCountries(store, cities);
  if (!selection) return serializeGraph(format, data, { countries });
  return serializeGraph(format, data, {
    countries,
    description: `cities-kg: nodes within ${depth} relations of ${selection.ids.join(', ')}`,
  });
}

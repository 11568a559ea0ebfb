/**
 * Public. The exchange network (see exchange-network.ts) in the formats its route and the
 * CLI offer: GEXF and GraphML (undirected, `weight` on every edge) and CSV, an edge list one
 * row per pair that a spreadsheet opens.
 */
import type { GraphStore } from '../store/GraphStore';
import { writeCsv } from './csv';
import { exchangeNetwork, type ExchangeGraph } from './exchange-network';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';

export const EXCHANGE_FORMATS = ['gexf', 'graphml', 'csv'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

export const EXCHANGE_CONTENT_TYPES: Readonly<Record<ExchangeFormat, string>> = {
  gexf: 'application/gexf+xml',
  graphml: 'application/graphml+xml',
  csv: 'text/csv',
};

export function isExchangeFormat(value: string): value is ExchangeFormat {
  return (EXCHANGE_FORMATS as readonly string[]).includes(value);
}

export const EXCHANGE_CSV_HEADER = [
  'source',
  'source_name',
  'source_country',
  'target',
  'target_name',
  'target_country',
  'weight',
  'events',
  'event_names',
  'learned_from',
] as const;

function edgeList(graph: ExchangeGraph): string {
  const country = (node: string): string => String(graph.getNodeAttribute(node, 'country') ?? '');
  const rows = graph.mapEdges((_edge, attributes, source, target) => [
    source,
    graph.getNodeAttribute(source, 'name'),
    country(source),
    target,
    graph.getNodeAttribute(target, 'name'),
    country(target),
    attributes.weight,
    attributes.events,
    attributes.label,
    attributes.learnedFrom,
  ]);
  return writeCsv(EXCHANGE_CSV_HEADER, rows);
}

export async function exportExchangeNetwork(store: GraphStore, format: ExchangeFormat): Promise<string> {
  const graph = await exchangeNetwork(store);
  switch (format) {
    case 'gexf':
      return writeGexf(graph);
    case 'graphml':
      return writeGraphml(graph);
    case 'csv':
      return edgeList(graph);
  }
}

/**
 * Public. Pure serialisers from `GraphData` to the three export formats, and what HTTP needs
 * to send each (content type, file extension).
 */
import type { SerializedGraph } from 'graphology-types';
import type { GraphData } from '../domain/graph-document';
import { writeGexf } from './gexf';
import { toExportGraph, type ExportGraph, type ExportGraphOptions } from './graph-model';
import { writeGraphml } from './graphml';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  gexf: 'application/gexf+xml',
  graphml: 'application/graphml+xml',
  json: 'application/json',
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

const DEFAULT_DESCRIPTION = 'cities-kg: cities, mayors, programmes, partners and events of the Strong Cities Network sources';

/**
 * The graph in one format. `json` is graphology's serialisation
 * (`{ attributes, options, nodes: [{ key, attributes }], edges: [{ key, source, target, attributes }] }`),
 * which `graph.import()` reads back and sigma.js draws as is (see `sigmaSafe`).
 */
export function serializeGraph(format: ExportFormat, graph: GraphData, options: Partial<ExportGraphOptions> = {}): string {
  const model = toExportGraph(graph, { description: DEFAULT_DESCRIPTION, ...options });
  switch (format) {
    case 'gexf':
      return writeGexf(model);
    case 'graphml':
      return writeGraphml(model);
    case 'json':
      return JSON.stringify(sigmaSafe(model.export()));
  }
}

/**
 * sigma.js reads a node's or edge's `type` attribute as the name of the program that draws
 * it and throws on any other value, so the JSON names the label `nodeType` and the relation
 * type `relationType` (GEXF and GraphML keep `type`, which their readers do not reserve).
 * The explorer page draws this very file with these names.
 */
function sigmaSafe(serialized: ReturnType<ExportGraph['export']>): SerializedGraph {
  return {
    ...serialized,
    nodes: serialized.nodes.map(({ key, attributes }) => {
      const { type, ...rest } = attributes ?? {};
      return { key, attributes: { ...rest, nodeType: type } };
    }),
    edges: serialized.edges.map((edge) => {
      const { type, ...rest } = edge.attributes ?? {};
      return { ...edge, attributes: { ...rest, relationType: type } };
    }),
  };
}

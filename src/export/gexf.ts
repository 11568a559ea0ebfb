/**
 * Internal. GEXF 1.3 for Gephi, written by graphology-gexf. Nodes carry their English name as
 * `label`, the label and Arabic name as attributes and a `viz` colour, size and position;
 * edges carry their relation type as `label`, as an attribute and as GEXF's `kind`, which is
 * what keeps Gephi from merging two relations of different types between the same nodes.
 */
import { write } from 'graphology-gexf';
import type { ExportEdgeAttributes, ExportGraph, ExportNodeAttributes, Scalar } from './graph-model';

export function writeGexf(graph: ExportGraph): string {
  return write<ExportNodeAttributes, ExportEdgeAttributes, Record<string, Scalar>, Record<string, Scalar>>(graph, {
    version: '1.3',
    pretty: true,
    // Only creator, description and keywords are valid children of GEXF's <meta>.
    pedantic: true,
    formatNode: (_key, { label, x, y, size, color, ...attributes }) => ({ label, viz: { x, y, size, color }, attributes }),
    formatEdge: (_key, attributes) => ({ label: attributes.type, kind: attributes.type, attributes: omitLabel(attributes) }),
  });
}

function omitLabel({ label: _label, ...rest }: ExportEdgeAttributes): Record<string, Scalar> {
  return rest;
}

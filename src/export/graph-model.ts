/**
 * Internal. Turns a store's `GraphData` into the graphology graph the serialisers write:
 * one node per record with flat scalar attributes (what GEXF, GraphML and sigma.js can hold),
 * one edge per relation keyed by its stable id, with its confidence, `at` and `through`.
 * Provenance quotes stay out: they are arrays of objects, which neither GEXF nor GraphML
 * attribute values can carry; `through` (a list of ids) is written as one string, the ids
 * joined by THROUGH_SEPARATOR.
 */
import { MultiDirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { GraphData, NodeRecord, RelationRecord } from '../domain/graph-document';
import { LABEL_PROPERTIES, RELATION_PROPERTIES, type NodeLabel, type RelationType } from '../domain/ontology';
import type { CityCountry } from './city-countries';
import { LABEL_COLOURS, nodeSize } from './palette';

export type Scalar = string | number;

export interface ExportNodeAttributes {
  /** English name: the label Gephi and sigma.js show. */
  label: string;
  type: NodeLabel;
  name: string;
  nameAr: string;
  /** Placeholder circular layout, so sigma.js can draw the JSON as is (it needs x and y). */
  x: number;
  y: number;
  size: number;
  color: string;
  [property: string]: Scalar;
}

export interface ExportEdgeAttributes {
  type: RelationType;
  /** The relation type again: Gephi and sigma.js show `label`. */
  label: RelationType;
  [property: string]: Scalar;
}

/** What the GEXF and GraphML writers take: the relation graph, or the exchange network. */
export type WritableGraph = AbstractGraph<
  ExportNodeAttributes,
  { label: string; [property: string]: Scalar },
  { name: string; description: string }
>;

export type ExportGraph = MultiDirectedGraph<ExportNodeAttributes, ExportEdgeAttributes, { name: string; description: string }>;

function scalarProperties(record: object, names: readonly string[]): Record<string, Scalar> {
  const properties: Record<string, Scalar> = {};
  const values = record as Record<string, unknown>;
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string' || typeof value === 'number') properties[name] = value;
  }
  return properties;
}

export interface ExportGraphOptions {
  readonly description: string;
  /** Each city's country (`country`, `countryId` attributes); cities absent here get none. */
  readonly countries?: ReadonlyMap<string, CityCountry>;
}

/** Where a node sits among those exported (its placeholder position) and how many relations it has (its size). */
export interface NodePlacement {
  readonly index: number;
  readonly count: number;
  readonly degree: number;
}

/** A node's flat attributes, shared by every export of the graph and of the exchange network. */
export function exportNodeAttributes(
  node: NodeRecord,
  { index, count, degree }: NodePlacement,
  country?: CityCountry,
): ExportNodeAttributes {
  const angle = (2 * Math.PI * index) / Math.max(1, count);
  return {
    ...scalarProperties(node, LABEL_PROPERTIES[node.label]),
    ...(country ? { country: country.country, countryId: country.countryId } : {}),
    label: node.name,
    type: node.label,
    name: node.name,
    nameAr: node.nameAr,
    x: Math.round(Math.cos(angle) * 1e6) / 1e4,
    y: Math.round(Math.sin(angle) * 1e6) / 1e4,
    size: nodeSize(degree),
    color: LABEL_COLOURS[node.label],
  };
}

/** Joins the ids of a `through` list in an export attribute (no node id holds a space). */
export const THROUGH_SEPARATOR = ' ';

function edgeAttributes(relation: RelationRecord): ExportEdgeAttributes {
  return {
    ...scalarProperties(relation, RELATION_PROPERTIES),
    ...(relation.through ? { through: relation.through.join(THROUGH_SEPARATOR) } : {}),
    type: relation.type,
    label: relation.type,
  };
}

/**
 * A multi directed graph: two nodes may be linked by relations of several types (a person
 * LEADS a city and WORKS_FOR it). Throws when a relation points at a node the data lacks,
 * which would be a bug in the selection, not bad user input.
 */
export function toExportGraph(data: GraphData, options: ExportGraphOptions): ExportGraph {
  const graph: ExportGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.replaceAttributes({ name: 'cities-kg', description: options.description });
  const degree = new Map<string, number>();
  for (const relation of data.relations) {
    degree.set(relation.from, (degree.get(relation.from) ?? 0) + 1);
    degree.set(relation.to, (degree.get(relation.to) ?? 0) + 1);
  }
  data.nodes.forEach((node, index) => {
    graph.addNode(
      node.id,
      exportNodeAttributes(node, { index, count: data.nodes.length, degree: degree.get(node.id) ?? 0 }, options.countries?.get(node.id)),
    );
  });
  for (const relation of data.relations) {
    for (const end of [relation.from, relation.to]) {
      if (!graph.hasNode(end)) throw new Error(`export: relation ${relation.id} points at ${end}, which the exported graph lacks`);
    }
    graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, edgeAttributes(relation));
  }
  return graph;
}

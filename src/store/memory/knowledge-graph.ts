/**
 * Internal. The graphology graph the memory store holds, and small typed readers over it
 * that the traversal modules share.
 */
import type { MultiDirectedGraph } from 'graphology';
import type { NodeRecord, RelationRecord } from '../../domain/graph-document';
import type { NodeLabel, RelationType } from '../../domain/ontology';

export interface NodeAttributes {
  record: NodeRecord;
}
export interface EdgeAttributes {
  record: RelationRecord;
}
export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function labelOf(graph: KnowledgeGraph, id: string): NodeLabel {
  return graph.getNodeAttribute(id, 'record').label;
}

/** The relations of `id` in a direction, optionally of some types, each once. */
export function relationsAt(
  graph: KnowledgeGraph,
  id: string,
  direction: 'OUT' | 'IN' | 'BOTH',
  types?: ReadonlySet<RelationType>,
): RelationRecord[] {
  const found: RelationRecord[] = [];
  const keep = (_edge: string, attributes: EdgeAttributes): void => {
    if (!types || types.has(attributes.record.type)) found.push(attributes.record);
  };
  if (direction === 'OUT') graph.forEachOutEdge(id, keep);
  else if (direction === 'IN') graph.forEachInEdge(id, keep);
  else graph.forEachEdge(id, keep);
  return found;
}

/** The other end of a relation seen from `id`. */
export function otherEnd(relation: RelationRecord, id: string): string {
  return relation.from === id ? relation.to : relation.from;
}

export function typeSet(types: readonly RelationType[] | undefined): ReadonlySet<RelationType> | undefined {
  return types && types.length > 0 ? new Set(types) : undefined;
}

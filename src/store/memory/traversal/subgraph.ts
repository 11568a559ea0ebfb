/**
 * Internal. The neighbourhood of some nodes, breadth first, in (depth, id) order, cut at
 * `limit` nodes; relations among the kept nodes of the asked types.
 */
import type { RelationRecord } from '../../../domain/graph-document';
import type { SubgraphQuery, SubgraphResult } from '../../GraphStore';
import { compareIds, otherEnd, relationsAt, typeSet, type KnowledgeGraph } from '../knowledge-graph';

export function subgraph(graph: KnowledgeGraph, query: SubgraphQuery): SubgraphResult {
  const types = typeSet(query.types);
  const depthOf = new Map<string, number>();
  let level = [...new Set(query.ids)].filter((id) => graph.hasNode(id)).sort(compareIds);
  let truncated = false;
  for (let depth = 0; level.length > 0; depth += 1) {
    const room = query.limit - depthOf.size;
    if (level.length > room) {
      level = level.slice(0, room);
      truncated = true;
    }
    for (const id of level) depthOf.set(id, depth);
    if (truncated || depth === query.depth) break;
    const next = new Set<string>();
    for (const id of level) {
      for (const relation of relationsAt(graph, id, query.direction, types)) {
        const neighbour = otherEnd(relation, id);
        if (!depthOf.has(neighbour)) next.add(neighbour);
      }
    }
    level = [...next].sort(compareIds);
    if (depthOf.size === query.limit && level.length > 0) {
      truncated = true;
      break;
    }
  }
  const relations = new Map<string, RelationRecord>();
  for (const id of depthOf.keys()) {
    for (const relation of relationsAt(graph, id, 'OUT', types)) {
      if (depthOf.has(relation.to)) relations.set(relation.id, relation);
    }
  }
  return {
    nodes: [...depthOf].map(([id, depth]) => ({ node: graph.getNodeAttribute(id, 'record'), depth })),
    relations: [...relations.values()].sort((a, b) => compareIds(a.id, b.id)),
    truncated,
  };
}

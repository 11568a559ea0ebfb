/**
 * Internal. The neighbourhood of some nodes, breadth first, in (depth, id) order, cut at
 * `limit` nodes; relations among the kept nodes of the asked types, by id. Levels are
 * ordered by an integer sort of id ranks, so a hub's thousands of neighbours cost no
 * string compares; only the kept relations are sorted by their id strings.
 */
import type { SubgraphQuery, SubgraphResult } from '../../GraphStore';
import { ALL_TYPES_MASK, typeCodes, typeMask } from '../codes';
import { forEachRelation, inIdOrder, sortRowsById, type KnowledgeGraph } from '../knowledge-graph';

export function subgraph(graph: KnowledgeGraph, query: SubgraphQuery): SubgraphResult {
  const index = graph.index();
  const mask = typeMask(typeCodes(query.types));
  const kept = graph.marks(0);
  const queued = graph.marks(1);
  const starts: number[] = [];
  for (const id of query.ids) {
    const node = graph.indexOf(id);
    if (node !== undefined && !queued.has(node)) {
      queued.mark(node);
      starts.push(node);
    }
  }
  let level = inIdOrder(index, starts);
  const order: number[] = [];
  let truncated = false;
  for (let depth = 0; level.length > 0; depth += 1) {
    const room = query.limit - order.length;
    if (level.length > room) {
      level = level.subarray(0, room);
      truncated = true;
    }
    for (const node of level) {
      kept.mark(node, depth);
      order.push(node);
    }
    if (truncated || depth === query.depth) break;
    const next: number[] = [];
    for (const node of level) {
      forEachRelation(index, node, query.direction, mask, (neighbour) => {
        if (kept.has(neighbour) || queued.has(neighbour)) return;
        queued.mark(neighbour);
        next.push(neighbour);
      });
    }
    // Only as many as there is room for can be kept (one more tells that the cut happened).
    level = inIdOrder(index, next, query.limit - order.length + 1);
    if (order.length === query.limit && level.length > 0) {
      truncated = true;
      break;
    }
  }

  const among: number[] = [];
  const { offsets, neighbours, relations: rows, types } = index.out;
  for (const node of order) {
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k += 1) {
      if (kept.has(neighbours[k]!) && (mask === ALL_TYPES_MASK || (mask >>> types[k]!) & 1)) among.push(rows[k]!);
    }
  }
  return {
    nodes: order.map((node) => ({ node: graph.nodes.record(node), depth: kept.value[node]! })),
    relations: sortRowsById(graph, among),
    truncated,
  };
}

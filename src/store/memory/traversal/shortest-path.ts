/**
 * Internal. One shortest undirected path by two-ended breadth-first search with a hop cap
 * (graphology-shortest-path follows edge direction and has no cap). Each level expands the
 * smaller frontier; visited flags, depths and parent links live in reusable typed scratch
 * arrays, so a search allocates only its frontiers. Deterministic: frontiers and relations
 * are visited in index order (write order), and among meetings found on one level the
 * shortest wins, then the smaller meeting node id.
 */
import type { PathResult, ShortestPathQuery } from '../../GraphStore';
import { ALL_TYPES_MASK, typeCodes, typeMask } from '../codes';
import { int32At, uint8At } from '../columns';
import type { Adjacency } from '../graph-index';
import type { KnowledgeGraph } from '../knowledge-graph';
import type { Marks } from '../marks';

interface SearchSide {
  readonly marks: Marks;
  frontier: number[];
  depth: number;
}

/** From `end` back to the side's start: nodes and relation rows. */
function walkBack(side: SearchSide, end: number): { nodes: number[]; rows: number[] } {
  const nodes = [end];
  const rows: number[] = [];
  let node = end;
  while (int32At(side.marks.value, node) > 0) {
    rows.push(int32At(side.marks.row, node));
    node = int32At(side.marks.parent, node);
    nodes.push(node);
  }
  return { nodes, rows };
}

export function shortestPath(graph: KnowledgeGraph, query: ShortestPathQuery): PathResult | null {
  const from = graph.indexOf(query.fromId);
  const to = graph.indexOf(query.toId);
  if (from === undefined || to === undefined) return null;
  if (from === to) return { nodeIds: [query.fromId], relations: [] };
  const index = graph.index();
  const mask = typeMask(typeCodes(query.types));
  const rank = index.rank;
  const forward: SearchSide = { marks: graph.marks(0), frontier: [from], depth: 0 };
  const backward: SearchSide = { marks: graph.marks(1), frontier: [to], depth: 0 };
  forward.marks.mark(from, 0);
  backward.marks.mark(to, 0);

  while (forward.frontier.length > 0 && backward.frontier.length > 0 && forward.depth + backward.depth < query.maxHops) {
    // Expand the smaller frontier: the two searches meet having touched fewer nodes.
    const [side, opposite] = forward.frontier.length <= backward.frontier.length ? [forward, backward] : [backward, forward];
    const { marks } = side;
    const depth = side.depth + 1;
    const next: number[] = [];
    let meeting = -1;
    let meetingLength = Infinity;
    const reach = (adjacency: Adjacency, node: number): void => {
      for (let k = int32At(adjacency.offsets, node), end = int32At(adjacency.offsets, node + 1); k < end; k += 1) {
        if (mask !== ALL_TYPES_MASK && !((mask >>> uint8At(adjacency.types, k)) & 1)) continue;
        const neighbour = int32At(adjacency.neighbours, k);
        if (marks.has(neighbour)) continue;
        marks.mark(neighbour, depth);
        marks.parent[neighbour] = node;
        marks.row[neighbour] = int32At(adjacency.relations, k);
        next.push(neighbour);
        if (!opposite.marks.has(neighbour)) continue;
        const length = depth + int32At(opposite.marks.value, neighbour);
        if (length < meetingLength || (length === meetingLength && int32At(rank, neighbour) < int32At(rank, meeting))) {
          meeting = neighbour;
          meetingLength = length;
        }
      }
    };
    for (const node of side.frontier) {
      reach(index.out, node);
      reach(index.in, node);
    }
    side.depth = depth;
    side.frontier = next;
    if (meeting >= 0) {
      const head = walkBack(forward, meeting);
      const tail = walkBack(backward, meeting);
      const relations = [...head.rows.reverse(), ...tail.rows].map((row) => graph.relations.record(row));
      return {
        nodeIds: [...head.nodes.reverse(), ...tail.nodes.slice(1)].map((node) => graph.nodes.idOf(node)),
        relations,
      };
    }
  }
  return null;
}
